"""Interests (belangen): motives, hidden agendas, competition, give and take.

Common Eye's second condition: doing justice to interests is essential, or partners dig in their heels
or drop out (Common Eye). ZonMw leernetwerk, RIVM netwerkbijeenkomsten and RIVM handreiking add knowing each other's
interests, acknowledging
competition, the hidden-agenda failure factor and 'voor wat, hoort wat'.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, finding, is_, not_true, rule
from . import give_and_take

#: Give and take (competition, the balance, the added value) is a module of its own (all_rules reads PARTS).
PARTS = (give_and_take,)


@rule(
    "BEL001",
    title="Belangen en motieven van partners zijn onbekend",
    when=[is_("interests.known", False)],
    then=[Diagnose("F-BELANGEN-ONBEKEND")],
)
def interests_unknown() -> None:
    """Interests unknown.

    Why: Partners who do not know each other's interests and motives cannot tell what they have in each other; finding
    out is the first hard aspect (RIVM netwerkbijeenkomsten; ZonMw leernetwerk, golden tip 1).
    Source: RIVM netwerkbijeenkomsten — "Hoe te achterhalen wat je aan elkaar hebt (motieven, belangen, verwachtingen)".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-BELANGEN-ONBEKEND
    to BEL101.
    """


@rule(
    "BEL002",
    title="Belangen lopen uiteen en een gedeelde ambitie ontbreekt of is niet bekend",
    when=[is_("interests.diverge", True), not_true("ambition.shared")],
    then=[Diagnose("F-BELANGEN-LOPEN-UITEEN")],
)
def interests_diverge_without_common_ground() -> None:
    """Interests diverge without common ground.

    Why: ZonMw leernetwerk and RIVM netwerkbijeenkomsten: diverging interests cause friction; RIVM handreiking: only a
    problem without a common interest. An unknown common interest is treated as missing, as a plan for after the subsidy
    is (BEL003 merged into this rule).
    Source: ZonMw — "Ook kunnen belangen van de consortia en die van individuele deelnemers (onderling) uiteen gaan
    lopen, wat tot wrijving kan leiden."
    Not when: `ambition.shared` is true. It leaves what to do about F-BELANGEN-LOPEN-UITEEN to BEL102.
    """


@rule(
    "BEL004",
    title="Wantrouwen over elkaars bedoelingen",
    when=[is_("interests.hidden_agendas", True)],
    then=[Diagnose("F-VERBORGEN-AGENDA")],
)
def hidden_agendas_suspected() -> None:
    """Hidden agendas suspected.

    Why: Suspected hidden agendas are distrust, and distrust is no basis for an equal collaboration (RIVM handreiking;
    Common Eye, Weer thuis).
    Source: RIVM handreiking — "En dat is geen goede basis voor een gelijkwaardige samenwerking."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-VERBORGEN-AGENDA
    to BEL103.
    """


@rule(
    "BEL005",
    title="Belangen van een partner komen niet tot hun recht",
    when=[is_("interests.respected", False)],
    then=[Diagnose("F-BELANGEN-ONDERBELICHT")],
)
def interests_not_done_justice() -> None:
    """Interests not done justice.

    Why: Partners whose interests are not done justice dig in their heels or drop out, and it shows in how they interact
    (Common Eye, Belangen).
    Source: Common Eye — "Het veronachtzamen van de belangen van een van de partners zal terug te zien zijn in hoe zij
    met elkaar interacteren."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-BELANGEN-ONDERBELICHT to BEL104.
    """


@rule(
    "BEL006",
    title="Deelname alleen in kosten en baten",
    when=[is_("interests.only_costs_benefits", True)],
    then=[Diagnose("F-ALLEEN-KOSTEN-BATEN")],
)
def only_costs_and_benefits() -> None:
    """Only costs and benefits.

    Why: People are moved by more than instrumental interests: participation weighed only in costs and benefits misses
    the affective and moral motives (Common Eye, after Moss Kanter).
    Source: Common Eye — "Mensen laten zich door méér leiden dan instrumentele belangen alleen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-ALLEEN-KOSTEN-BATEN to BEL105.
    """


@rule(
    "BEL007",
    title="De eigen organisatie staat centraal",
    when=[is_("interests.own_goals_first", True)],
    then=[Diagnose("F-EIGEN-ORGANISATIE-CENTRAAL")],
)
def own_organisation_first() -> None:
    """Own organisation first.

    Why: Partners who put their own organisation first turn the collaboration into a continuous negotiation in which the
    shared goal recedes (Common Eye, Interview Bibliotheek Midden-Brabant).
    Source: Common Eye — "Een valkuil voor ons is om de eigen organisatie centraal te stellen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-EIGEN-ORGANISATIE-CENTRAAL to BEL106.
    """


@rule(
    "BEL008",
    title="Niet elke partner ziet wat de samenwerking oplevert voor het eigen werk",
    when=[is_("interests.partners_see_own_benefit", False)],
    then=[Diagnose("F-PARTNER-ZIET-EIGEN-BELANG-NIET")],
)
def partner_sees_no_own_benefit() -> None:
    """Partner sees no own benefit.

    Why: Health only comes alive for a partner who links it to their own work; a partner who sees no own benefit stays
    out (RIVM handreiking, Den Bosch; Common Eye, Weer thuis).
    Source: RIVM handreiking — "Iedereen vindt gezondheid belangrijk, maar het gaat pas leven als mensen zelf de link
    leggen met hun eigen werk."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-PARTNER-ZIET-EIGEN-BELANG-NIET to BEL107 and NET007.
    """


@rule(
    "BEL101",
    title="Belangen onbekend: breng het krachtenveld in kaart en bespreek de 3 B’s",
    when=[finding("F-BELANGEN-ONBEKEND")],
    then=[Recommend("I-KRACHTENVELD-ANALYSEREN"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_mapping_the_field() -> None:
    """Recommends mapping the field.

    Why: Unknown interests are found out with an actor or force-field analysis and by discussing each partner's
    bedoeling, belang and bijdrage (RIVM netwerkbijeenkomsten, the 3 B's).
    Source: RIVM netwerkbijeenkomsten — "3 B's bij samenwerking: bedoeling, belang en bijdrage."
    Not when: no guard of its own; it fires whenever F-BELANGEN-ONBEKEND is diagnosed, and no rule withholds its advice.
    """


@rule(
    "BEL102",
    title="Uiteenlopende belangen: breng ze op tafel en zoek het gemeenschappelijke belang",
    when=[finding("F-BELANGEN-LOPEN-UITEEN")],
    then=[Recommend("I-BELANGEN-OP-TAFEL"), Recommend("I-GEDEELDE-AMBITIE-FORMULEREN")],
)
def recommend_interests_on_the_table_when_diverging() -> None:
    """Recommends interests on the table when diverging.

    Why: Diverging interests need to be put on the table, and the partners agree on the common interest that binds them
    (Common Eye; RIVM handreiking).
    Source: Common Eye — "Het formuleren van een gedeelde ambitie doe je samen en is niet een eenmalige activiteit."
    Not when: no guard of its own; it fires whenever F-BELANGEN-LOPEN-UITEEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEL103",
    title="Wantrouwen: breng belangen en drijfveren op tafel",
    when=[finding("F-VERBORGEN-AGENDA")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_interests_on_the_table_against_mistrust() -> None:
    """Recommends interests on the table against mistrust.

    Why: Mistrust about intentions is answered by getting to know and respecting each other's motives (Common Eye, Weer
    thuis).
    Source: Common Eye — "Verbinding met een ander komt vooral tot stand als je interesse hebt in de belangen van de
    ander."
    Not when: no guard of its own; it fires whenever F-VERBORGEN-AGENDA is diagnosed, and no rule withholds its advice.
    """


@rule(
    "BEL104",
    title="Onderbelichte belangen: breng belangen op tafel",
    when=[finding("F-BELANGEN-ONDERBELICHT")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_doing_justice_to_interests() -> None:
    """Recommends doing justice to interests.

    Why: Interests that are not done justice make partners dig in or drop out; connection comes from interest in each
    other's interests, so put them on the table (Common Eye, Belangen en verdere bronnen van verbinding).
    Source: Common Eye — "Verbinding met een ander komt vooral tot stand als je interesse hebt in de belangen van de
    ander."
    Not when: no guard of its own; it fires whenever F-BELANGEN-ONDERBELICHT is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEL105",
    title="Alleen kosten en baten: verken ook andere motieven",
    when=[finding("F-ALLEEN-KOSTEN-BATEN")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_widening_the_motives() -> None:
    """Recommends widening the motives.

    Why: Partners who weigh only costs and benefits widen the conversation to the affective and moral motives that also
    move people (Common Eye).
    Source: Common Eye — "Verbinding met een ander komt vooral tot stand als je interesse hebt in de belangen van de
    ander."
    Not when: no guard of its own; it fires whenever F-ALLEEN-KOSTEN-BATEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "BEL106",
    title="Eigen organisatie centraal: gun elkaar iets en zet het gezamenlijke doel voorop",
    when=[finding("F-EIGEN-ORGANISATIE-CENTRAAL")],
    then=[
        Recommend("I-GUNNEN-EN-INVESTEREN"),
        Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"),
        Recommend("I-TIJD-INVESTEREN-IN-RELATIES"),
    ],
)
def recommend_giving_and_a_shared_goal() -> None:
    """Recommends giving and a shared goal.

    Why: Partners who put their own organisation first learn to give without immediate return and to see the
    collaboration as getting to know and investing in each other (Common Eye, library interview; RAKU, gunnen).
    Source: Common Eye — "Je moet allereerst bereid zijn elkaar iets te gunnen."
    Not when: its I-GUNNEN-EN-INVESTEREN is withheld where BEL109 (recommend rebalancing) or BEL110 (recommend
    revaluing) fires; I-TIJD-INVESTEREN-IN-RELATIES is withheld where KLI101 (de escalation before relationship
    building) or ORG107 (recommend connecting existing tables) fires.
    """


@rule(
    "BEL107",
    title="Partner ziet eigen belang niet: maak de wederzijdse meerwaarde zichtbaar",
    when=[finding("F-PARTNER-ZIET-EIGEN-BELANG-NIET")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_showing_mutual_benefit() -> None:
    """Recommends showing mutual benefit.

    Why: A partner who sees no own benefit is shown the mutual dependency and how the collaboration serves its own goals
    (Common Eye, Weer thuis; RIVM handreiking).
    Source: RIVM handreiking — "Zoek de meerwaarde die betrokkenen samen kunnen behalen, maar ieder voor zich niet
    zullen bereiken."
    Not when: no guard of its own; it fires whenever F-PARTNER-ZIET-EIGEN-BELANG-NIET is diagnosed, and no rule
    withholds its advice.
    """


@rule(
    "BEL030",
    title="Een partner houdt zich afzijdig",
    when=[is_("interests.partner_stays_out", True)],
    then=[Diagnose("F-PARTNER-HOUDT-ZICH-AFZIJDIG")],
)
def partner_stays_out() -> None:
    """Partner stays out.

    Why: Common Eye, the Common Eye on collaborating: partners whose interests are not done justice dig in their heels
    or drop out; they only collaborate when it is meaningful to them.
    Source: Common Eye — "Partijen gaan pas samenwerken wanneer een samenwerking voor hen betekenisvol is en meerwaarde
    levert voor de eigen organisatie."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-PARTNER-HOUDT-ZICH-AFZIJDIG to BEL130.
    """


@rule(
    "BEL130",
    title="Afzijdige partner: maak zichtbaar wat de samenwerking hem oplevert",
    when=[finding("F-PARTNER-HOUDT-ZICH-AFZIJDIG")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_showing_the_aloof_partner_its_benefit() -> None:
    """Recommends showing the aloof partner its benefit.

    Why: Common Eye (make mutual dependence explicit) and RIVM handreiking (connect to the interests of the
    professionals concerned).
    Source: Common Eye — section "Weer thuis – De wederzijdse afhankelijkheid blootleggen".
    Not when: no guard of its own; it fires whenever F-PARTNER-HOUDT-ZICH-AFZIJDIG is diagnosed, and no rule withholds
    its advice.
    """


__all__ = [
    "PARTS",
    "give_and_take",
    "hidden_agendas_suspected",
    "interests_diverge_without_common_ground",
    "interests_not_done_justice",
    "interests_unknown",
    "only_costs_and_benefits",
    "own_organisation_first",
    "partner_sees_no_own_benefit",
    "partner_stays_out",
    "recommend_doing_justice_to_interests",
    "recommend_giving_and_a_shared_goal",
    "recommend_interests_on_the_table_against_mistrust",
    "recommend_interests_on_the_table_when_diverging",
    "recommend_mapping_the_field",
    "recommend_showing_mutual_benefit",
    "recommend_showing_the_aloof_partner_its_benefit",
    "recommend_widening_the_motives",
]
