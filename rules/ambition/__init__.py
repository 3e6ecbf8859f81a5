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
    """Common Eye: all partners must recognise themselves in the shared ambition."""


@rule(
    "AMB002",
    title="De vormvraag domineert",
    when=[is_("ambition.form_debate_dominates", True)],
    then=[Diagnose("F-VORMVRAAG-DOMINEERT")],
)
def form_debate_dominates() -> None:
    """Common Eye (krimp): the question of form can dominate and distract from the content."""


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
    """Common Eye and HAN toolbox's partnerschapskaart: make the underlying goal explicit together."""


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
    """Common Eye (krimp): 'Inhoud bepaalt vorm'."""


@rule(
    "AMB003",
    title="Het waarom van de samenwerking is niet besproken",
    when=[is_("ambition.why_discussed", False)],
    then=[Diagnose("F-WAAROM-NIET-BESPROKEN")],
)
def why_not_discussed() -> None:
    """HAN toolbox: skipping the why makes collaborations fail early."""


@rule(
    "AMB004",
    title="Partners houden vast aan verschillende activiteiten",
    when=[is_("ambition.competing_activities", True)],
    then=[Diagnose("F-ACTIVITEIT-VERWARD-MET-DOEL")],
)
def activities_held_as_goals() -> None:
    """Partners who cling to their own activity mistake a means for the goal, while different activities often serve one
    underlying goal (HAN toolbox, Waarom wil je een dementiecafé?)."""


@rule(
    "AMB005",
    title="De doelen verschuiven gaandeweg",
    when=[is_("ambition.goals_shifting", True)],
    then=[Diagnose("F-DOELEN-VERSCHUIVEN")],
)
def goals_shift() -> None:
    """Goals that fade or multiply along the way change the bond between the partners, so shifting goals need attention
    (ZonMw leernetwerk, Doelen en belangen; Klaar voor de toekomst)."""


@rule(
    "AMB006",
    title="Geen gedeeld beeld van het probleem",
    when=[is_("ambition.shared_problem_picture", False)],
    then=[Diagnose("F-GEEN-GEDEELD-PROBLEEMBEELD")],
)
def no_shared_picture_of_the_problem() -> None:
    """ZonMw leernetwerk (probleemdefinitie), 002 (Wellesley element 1), 004 (regioanalyse)."""


@rule(
    "AMB007",
    title="De waarde wordt alleen financieel bekeken",
    when=[is_("ambition.value_only_financial", True)],
    then=[Diagnose("F-WAARDE-ALLEEN-FINANCIEEL")],
)
def value_seen_only_in_money() -> None:
    """Common Eye: network value in three capitals."""


@rule(
    "AMB103",
    title="Waarom niet besproken: maak het onderliggende doel expliciet",
    when=[finding("F-WAAROM-NIET-BESPROKEN")],
    then=[Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN")],
)
def recommend_making_the_goal_explicit() -> None:
    """HAN toolbox: expliciteer je doel; the partnerschapskaart."""


@rule(
    "AMB104",
    title="Verschillende activiteiten: zoek het onderliggende doel",
    when=[finding("F-ACTIVITEIT-VERWARD-MET-DOEL")],
    then=[Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN")],
)
def recommend_looking_past_the_activities() -> None:
    """HAN toolbox: 'een activiteit is niet het doel'."""


@rule(
    "AMB105",
    title="Verschuivende doelen: kom steeds terug op het gemeenschappelijke doel",
    when=[finding("F-DOELEN-VERSCHUIVEN")],
    then=[Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_revisiting_the_goal() -> None:
    """ZonMw leernetwerk golden tips 3 and 4; Common Eye: formulating the ambition is not eenmalig."""


@rule(
    "AMB106",
    title="Geen gedeeld probleembeeld: kom samen tot een probleemanalyse",
    when=[finding("F-GEEN-GEDEELD-PROBLEEMBEELD")],
    then=[Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_a_joint_problem_analysis() -> None:
    """Common Eye ingredient 1 (joint fact finding), ZonMw leernetwerk (probleemdefinitie met inwoners)."""


@rule(
    "AMB107",
    title="Alleen financiële waarde: bepaal de netwerkwaarde langs drie kapitalen",
    when=[finding("F-WAARDE-ALLEEN-FINANCIEEL")],
    then=[Recommend("I-NETWERKWAARDE-DRIE-KAPITALEN")],
)
def recommend_three_capitals() -> None:
    """A one-sided focus on financial effect motivates professionals too little; value also lies in cultural and social
    capital (Common Eye, Regionale netwerken, Samen creëren van netwerkwaarde)."""


@rule(
    "AMB030",
    title="Gezondheid staat niet op de agenda van de andere beleidsterreinen",
    when=[one_of("ambition.health_on_agenda", "nee", "deels")],
    then=[Diagnose("F-GEZONDHEID-NIET-OP-AGENDA")],
)
def health_not_on_the_agenda() -> None:
    """RIVM handreiking: add 'gezond' to 'schoon, heel, veilig'; health is a means to other domains' own goals."""


@rule(
    "AMB130",
    title="Gezondheid niet op de agenda: zet haar op de agenda van de andere beleidsterreinen",
    when=[finding("F-GEZONDHEID-NIET-OP-AGENDA")],
    then=[Recommend("I-GEZONDHEID-AGENDEREN")],
)
def recommend_putting_health_on_the_agenda() -> None:
    """RIVM handreiking: we must sell ourselves to the other policy domains; health serves their own goals."""
