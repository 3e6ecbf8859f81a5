"""Ambition: a shared ambition, and content before organisational form.

Common Eye calls a shared ambition crucial and, in the krimp route, warns that
the question of form can dominate the process: inhoud bepaalt vorm. HAN toolbox
adds that skipping the 'why' makes collaborations fail early.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, finding, is_, one_of, rule


@rule(
    "AMB001",
    title="Er is geen gedeelde ambitie",
    when=[is_("ambition.shared", False)],
    then=[Diagnose("F-GEEN-GEDEELDE-AMBITIE")],
)
def no_shared_ambition() -> None:
    """No shared ambition.

    Why: Partners who do not all recognise themselves in the shared ambition have no common direction to work from
    (Common Eye).
    Source: Common Eye — "In de gedeelde ambitie van een samenwerking moeten alle partijen zich herkennen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GEEN-GEDEELDE-AMBITIE to AMB101.
    """


@rule(
    "AMB002",
    title="De vormvraag domineert",
    when=[is_("ambition.form_debate_dominates", True)],
    then=[Diagnose("F-VORMVRAAG-DOMINEERT")],
)
def form_debate_dominates() -> None:
    """Form debate dominates.

    Why: Common Eye (krimp): the question of form can dominate and distract from the content.
    Source: Common Eye — section "‘Krimp: regionaal samenwerken in het onderwijs’ – Inhoud bepaalt vorm".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-VORMVRAAG-DOMINEERT to AMB102.
    """


@rule(
    "AMB101",
    title="Geen gedeelde ambitie: formuleer die samen en bespreek verwachtingen",
    when=[finding("F-GEEN-GEDEELDE-AMBITIE")],
    then=[
        Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"),
        Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN"),
        Suppress("I-PPS-FASEN-DOORLOPEN"),
    ],
)
def recommend_forming_a_shared_ambition() -> None:
    """Recommends forming a shared ambition.

    Why: Without a shared ambition the partners have nothing to steer by; making the underlying goal explicit together
    gives them one (Common Eye; HAN toolbox, partnerschapskaart).
    Source: Common Eye — "Het formuleren van een gedeelde ambitie doe je samen en is niet een eenmalige activiteit."
    Not when: no guard of its own; it fires whenever F-GEEN-GEDEELDE-AMBITIE is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "AMB102",
    title="Vormvraag domineert: eerst de inhoud, dan de vorm",
    when=[finding("F-VORMVRAAG-DOMINEERT")],
    then=[
        Recommend("I-INHOUD-VOOR-VORM"),
        Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"),
        Suppress("I-PPS-FASEN-DOORLOPEN"),
    ],
)
def recommend_content_before_form() -> None:
    """Recommends content before form.

    Why: When the question of form dominates, the partners first settle the substantive ambition and let the content
    decide the form (Common Eye, krimp: 'Inhoud bepaalt vorm').
    Source: Common Eye — "Een behulpzaam uitgangspunt is om te streven naar een zo ‘licht’ mogelijke vorm van
    organisatie."
    Not when: no guard of its own; it fires whenever F-VORMVRAAG-DOMINEERT is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "AMB003",
    title="Het waarom van de samenwerking is niet besproken",
    when=[is_("ambition.why_discussed", False)],
    then=[Diagnose("F-WAAROM-NIET-BESPROKEN")],
)
def why_not_discussed() -> None:
    """Why not discussed.

    Why: Partners who skip talking about why they collaborate miss the ground they need, and such collaborations fail
    early (HAN toolbox).
    Source: HAN toolbox — section "Zoek medestanders".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-WAAROM-NIET-BESPROKEN to AMB103.
    """


@rule(
    "AMB004",
    title="Partners houden vast aan verschillende activiteiten",
    when=[is_("ambition.competing_activities", True)],
    then=[Diagnose("F-ACTIVITEIT-VERWARD-MET-DOEL")],
)
def activities_held_as_goals() -> None:
    """Activities held as goals.

    Why: Partners who cling to their own activity mistake a means for the goal, while different activities often serve
    one underlying goal (HAN toolbox, Waarom wil je een dementiecafé?).
    Source: HAN toolbox — "Maar een activiteit is niet het doel, dat is een middel om iets anders te bereiken".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-ACTIVITEIT-VERWARD-MET-DOEL to AMB104.
    """


@rule(
    "AMB005",
    title="De doelen verschuiven gaandeweg",
    when=[is_("ambition.goals_shifting", True)],
    then=[Diagnose("F-DOELEN-VERSCHUIVEN")],
)
def goals_shift() -> None:
    """Goals shift.

    Why: Goals that fade or multiply along the way change the bond between the partners, so shifting goals need
    attention (ZonMw leernetwerk, Doelen en belangen; Klaar voor de toekomst).
    Source: ZonMw — "Doelen verschuiven gaandeweg en dan verandert de binding onderling ook."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-DOELEN-VERSCHUIVEN to AMB105.
    """


@rule(
    "AMB006",
    title="Geen gedeeld beeld van het probleem",
    when=[is_("ambition.shared_problem_picture", False)],
    then=[Diagnose("F-GEEN-GEDEELD-PROBLEEMBEELD")],
)
def no_shared_picture_of_the_problem() -> None:
    """No shared picture of the problem.

    Why: Partners without a shared picture of the problem each work on a different problem; a shared problem definition
    and regional analysis give hold (ZonMw leernetwerk, Common Eye).
    Source: ZonMw — "Onder andere op het bepalen van probleem en doel, betrokkenheid en communicatie."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GEEN-GEDEELD-PROBLEEMBEELD to AMB106.
    """


@rule(
    "AMB007",
    title="De waarde wordt alleen financieel bekeken",
    when=[is_("ambition.value_only_financial", True)],
    then=[Diagnose("F-WAARDE-ALLEEN-FINANCIEEL")],
)
def value_seen_only_in_money() -> None:
    """Value seen only in money.

    Why: Value seen only in money motivates professionals too little and residents hardly notice it; network value also
    lies in cultural and social capital (Common Eye).
    Source: Common Eye — "Echter, een eenzijdige focus op financieel effect motiveert professionals onvoldoende en
    burgers merken er niet veel van."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-WAARDE-ALLEEN-FINANCIEEL to AMB107.
    """


@rule(
    "AMB103",
    title="Waarom niet besproken: maak het onderliggende doel expliciet",
    when=[finding("F-WAAROM-NIET-BESPROKEN")],
    then=[Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN")],
)
def recommend_making_the_goal_explicit() -> None:
    """Recommends making the goal explicit.

    Why: Partners who never discussed why they collaborate must make their underlying goal explicit, or they fail early
    (HAN toolbox, partnerschapskaart).
    Source: HAN toolbox — "Met die kaart beantwoord je de vraag: wanneer ben ik tevreden?"
    Not when: no guard of its own; it fires whenever F-WAAROM-NIET-BESPROKEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "AMB104",
    title="Verschillende activiteiten: zoek het onderliggende doel",
    when=[finding("F-ACTIVITEIT-VERWARD-MET-DOEL")],
    then=[Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN")],
)
def recommend_looking_past_the_activities() -> None:
    """Recommends looking past the activities.

    Why: An activity is a means, not the goal; partners who cling to their own activity find common ground in the goal
    underneath (HAN toolbox).
    Source: HAN toolbox — "Met die kaart beantwoord je de vraag: wanneer ben ik tevreden?"
    Not when: no guard of its own; it fires whenever F-ACTIVITEIT-VERWARD-MET-DOEL is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "AMB105",
    title="Verschuivende doelen: kom steeds terug op het gemeenschappelijke doel",
    when=[finding("F-DOELEN-VERSCHUIVEN")],
    then=[Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_revisiting_the_goal() -> None:
    """Recommends revisiting the goal.

    Why: ZonMw leernetwerk golden tips 3 and 4; Common Eye: formulating the ambition is not eenmalig.
    Source: ZonMw — "Leg een gemeenschappelijk doel vast en besteed daar ook in bijeenkomsten steeds aandacht aan."
    Not when: no guard of its own; it fires whenever F-DOELEN-VERSCHUIVEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "AMB106",
    title="Geen gedeeld probleembeeld: kom samen tot een probleemanalyse",
    when=[finding("F-GEEN-GEDEELD-PROBLEEMBEELD")],
    then=[Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_a_joint_problem_analysis() -> None:
    """Recommends a joint problem analysis.

    Why: A problem the partners do not see alike is analysed together, with the residents concerned (Common Eye, joint
    fact finding; ZonMw leernetwerk).
    Source: Common Eye — "Naast kwantitatieve inzichten gaat het ook om de ervaringen van de mensen om wie het draait."
    Not when: no guard of its own; it fires whenever F-GEEN-GEDEELD-PROBLEEMBEELD is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "AMB107",
    title="Alleen financiële waarde: bepaal de netwerkwaarde langs drie kapitalen",
    when=[finding("F-WAARDE-ALLEEN-FINANCIEEL")],
    then=[Recommend("I-NETWERKWAARDE-DRIE-KAPITALEN")],
)
def recommend_three_capitals() -> None:
    """Recommends three capitals.

    Why: A one-sided focus on financial effect motivates professionals too little; value also lies in cultural and
    social capital (Common Eye, Regionale netwerken, Samen creëren van netwerkwaarde).
    Source: Common Eye — section "Regionale netwerken voor zorg en welzijn – Samen creëren van netwerkwaarde".
    Not when: no guard of its own; it fires whenever F-WAARDE-ALLEEN-FINANCIEEL is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "AMB030",
    title="Gezondheid staat niet op de agenda van de andere beleidsterreinen",
    when=[one_of("ambition.health_on_agenda", "nee", "deels")],
    then=[Diagnose("F-GEZONDHEID-NIET-OP-AGENDA")],
)
def health_not_on_the_agenda() -> None:
    """Health not on the agenda.

    Why: RIVM handreiking: add 'gezond' to 'schoon, heel, veilig'; health is a means to other domains' own goals.
    Source: RIVM handreiking — "“Schoon, heel, veilig en gezond” is het mantra. Voeg dus ‘gezond’ hieraan toe! We moeten
    onszelf verkopen richting de andere beleidsterreinen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GEZONDHEID-NIET-OP-AGENDA to AMB130.
    """


@rule(
    "AMB130",
    title="Gezondheid niet op de agenda: zet haar op de agenda van de andere beleidsterreinen",
    when=[finding("F-GEZONDHEID-NIET-OP-AGENDA")],
    then=[Recommend("I-GEZONDHEID-AGENDEREN")],
)
def recommend_putting_health_on_the_agenda() -> None:
    """Recommends putting health on the agenda.

    Why: RIVM handreiking: we must sell ourselves to the other policy domains; health serves their own goals.
    Source: RIVM handreiking — "Gezonde kinderen kunnen beter leren, gezonde burgers kunnen aan het werk of op andere
    fronten ‘meedoen’ in de maatschappij."
    Not when: no guard of its own; it fires whenever F-GEZONDHEID-NIET-OP-AGENDA is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "activities_held_as_goals",
    "form_debate_dominates",
    "goals_shift",
    "health_not_on_the_agenda",
    "no_shared_ambition",
    "no_shared_picture_of_the_problem",
    "recommend_a_joint_problem_analysis",
    "recommend_content_before_form",
    "recommend_forming_a_shared_ambition",
    "recommend_looking_past_the_activities",
    "recommend_making_the_goal_explicit",
    "recommend_putting_health_on_the_agenda",
    "recommend_revisiting_the_goal",
    "recommend_three_capitals",
    "value_seen_only_in_money",
    "why_not_discussed",
]
