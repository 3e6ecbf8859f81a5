"""The kind of collaboration: what the documents advise for a PPS, intersectoral and integral work, a network, a
consortium and residents' initiatives (package soort).
"""

from __future__ import annotations

from ..dsl import (
    Diagnose,
    Recommend,
    above,
    any_of,
    finding,
    is_,
    not_true,
    one_of,
    rule,
    unknown,
)
from .party_mix import SEVERAL_MUNICIPALITIES

# --- The kind of collaboration (package soort) -------------------------------------------------


@rule(
    "SIT001",
    title="Een publiek-private samenwerking die al loopt",
    when=[is_("context.type", "pps"), one_of("context.phase", "verdiepen", "verankeren")],
    then=[Diagnose("F-PPS-IN-UITVOERING")],
)
def pps_under_way() -> None:
    """Pps under way.

    Why: RIVM handreiking: seven phases guide forming, managing and ending a PPS ("Fase 5: Manage uw PPS", "Fase 6:
    Evalueer uw PPS", "Fase 7: Beëindig uw PPS"). A PPS past its set-up is in the later ones (ORG010 covers the set-up).
    Source: RIVM handreiking — "Zeven fasen als leidraad voor het formeren, managen en beëindigen van een PPS:".
    Not when: `context.phase` is unknown or none of 'verdiepen', 'verankeren'. It leaves what to do about
    F-PPS-IN-UITVOERING to SIT101.
    """


@rule(
    "SIT101",
    title="Lopende PPS: evalueer samen en kies het vervolg, langs de zeven fasen",
    when=[finding("F-PPS-IN-UITVOERING")],
    then=[Recommend("I-PPS-FASEN-DOORLOPEN"), Recommend("I-SAMEN-EVALUEREN")],
)
def recommend_evaluating_the_pps() -> None:
    """Recommends evaluating the pps.

    Why: RIVM handreiking: the seven phases as the guide for a PPS, the kind's own advice and so the main one ("Zeven
    fasen als leidraad voor het formeren, managen en beëindigen van een PPS"), with its sixth and seventh phases,
    evaluate and end (or deliberately continue), as support; Common Eye: take stock together from time to time.
    Source: RIVM handreiking — "Fase 6: Evalueer uw PPS".
    Not when: its I-PPS-FASEN-DOORLOPEN is withheld where AMB101 (recommend forming a shared ambition) or AMB102
    (recommend content before form) fires.
    """


@rule(
    "SIT002",
    title="Een intersectorale samenwerking waarvan de wederzijdse meerwaarde niet zichtbaar of niet bekend is",
    when=[is_("context.type", "intersectoraal"), not_true("interests.added_value_visible")],
    then=[Diagnose("F-SOORT-INTERSECTORAAL")],
)
def intersectoral_collaboration() -> None:
    """Intersectoral collaboration.

    Why: RIVM handreiking, intersectoral collaboration: explore the relevant sectors, make visible where the mutual
    interests lie, start with something concrete and maintain the relations; other sectors take part for their own goals
    ("Zoek met elkaar de meerwaarde van de samenwerking voor beide partijen"). Silent once the added value is known to
    be visible.
    Source: RIVM handreiking — "In gesprek: maak inzichtelijk wat er gebeurt en waar wederzijdse belangen liggen".
    Not when: `interests.added_value_visible` is true. It leaves what to do about F-SOORT-INTERSECTORAAL to SIT102.
    """


@rule(
    "SIT102",
    title="Intersectoraal: maak de wederzijdse meerwaarde zichtbaar",
    when=[finding("F-SOORT-INTERSECTORAAL")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_mutual_value_and_a_concrete_start() -> None:
    """Recommends mutual value and a concrete start.

    Why: RIVM handreiking: "In gesprek: maak inzichtelijk wat er gebeurt en waar wederzijdse belangen liggen". Its next
    step, "Aan de slag: start met iets concreets", belongs to the start of the work and is SIT127's, so that an
    intersectoral collaboration deep in its work is not told to start.
    Source: RIVM handreiking — "Zoek de meerwaarde die betrokkenen samen kunnen behalen, maar ieder voor zich niet
    zullen bereiken."
    Not when: no guard of its own; it fires whenever F-SOORT-INTERSECTORAAL is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "SIT003",
    title="Een integrale samenwerking waarin gezondheid niet of niet bekend op de agenda van de andere terreinen staat",
    when=[
        is_("context.type", "integraal"),
        any_of(one_of("ambition.health_on_agenda", "nee", "deels"), unknown("ambition.health_on_agenda")),
    ],
    then=[Diagnose("F-SOORT-INTEGRAAL")],
)
def integral_collaboration() -> None:
    """Integral collaboration.

    Why: RIVM handreiking, integral collaboration: the other policy domains must be won ("We moeten onszelf verkopen
    richting de andere beleidsterreinen"), and health is for them a means to their own goals. Silent when health is
    known to be on their agenda.
    Source: RIVM handreiking — "Integraal beleid is sectoroverstijgend."
    Not when: `ambition.health_on_agenda` is known and none of 'nee', 'deels'. It leaves what to do about
    F-SOORT-INTEGRAAL to SIT103.
    """


@rule(
    "SIT103",
    title="Integraal: win de andere beleidsterreinen vanuit hun eigen doelen",
    when=[finding("F-SOORT-INTEGRAAL")],
    then=[Recommend("I-GEZONDHEID-AGENDEREN")],
)
def recommend_winning_the_other_domains() -> None:
    """Recommends winning the other domains.

    Why: RIVM handreiking: health is often no goal in itself for other domains but a means to their own; name its
    advantages and goals from their point of view.
    Source: RIVM handreiking — "Gezonde kinderen kunnen beter leren, gezonde burgers kunnen aan het werk of op andere
    fronten ‘meedoen’ in de maatschappij."
    Not when: no guard of its own; it fires whenever F-SOORT-INTEGRAAL is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SIT004",
    title="Een netwerk waarvan de spelregels nauwelijks of niet bekend zijn vastgelegd",
    when=[
        is_("context.type", "netwerk"),
        any_of(is_("organising.agreements", "nauwelijks"), unknown("organising.agreements")),
    ],
    then=[Diagnose("F-SOORT-NETWERK")],
)
def network_collaboration() -> None:
    """Network collaboration.

    Why: Common Eye: a network is a serious form of organising with its own characteristics; organising one is really
    different from setting up a programme, and Willems et al. give four building blocks (identiteit, actoren, ambities,
    fundament). Silent once light or extensive agreements are known.
    Source: Common Eye — "Een netwerk organiseren is echt anders dan een programma inrichten of een organisatiestructuur
    bouwen."
    Not when: `organising.agreements` is known and not 'nauwelijks'. It leaves what to do about F-SOORT-NETWERK to
    SIT104.
    """


@rule(
    "SIT104",
    title="Netwerk: organiseer het netwerk met de vier bouwstenen",
    when=[finding("F-SOORT-NETWERK")],
    then=[Recommend("I-NETWERK-BOUWSTENEN")],
)
def recommend_the_building_blocks() -> None:
    """Recommends the building blocks.

    Why: Common Eye, four ingredients of durable networks: organise the network with the building blocks.
    Source: Common Eye — "Hou het netwerk wel open; voorkom een gesloten netwerk op basis van exclusiviteit."
    Not when: no guard of its own; it fires whenever F-SOORT-NETWERK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SIT005",
    title="Een consortium waarin de belangen van de partners niet of niet bekend in beeld zijn",
    when=[is_("context.type", "consortium"), not_true("interests.known")],
    then=[Diagnose("F-SOORT-CONSORTIUM")],
)
def consortium_collaboration() -> None:
    """Consortium collaboration.

    Why: ZonMw leernetwerk, golden tips for consortia: be aware of the formal roles, interests and goals of the parties,
    and talk honestly about expectations and contributions; in very interdisciplinary consortia each participant has
    interests of its own. Silent once the interests are known.
    Source: ZonMw — "Bij zeer interdisciplinair samengestelde consortia, hebben deelnemer elk hun eigen belangen. En ook
    nemen ze eigen ervaringen mee over samenwerken."
    Not when: `interests.known` is true. It leaves what to do about F-SOORT-CONSORTIUM to SIT105.
    """


@rule(
    "SIT105",
    title="Consortium: bespreek verwachtingen en bijdragen",
    when=[finding("F-SOORT-CONSORTIUM")],
    then=[Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_discussing_expectations() -> None:
    """Recommends discussing expectations.

    Why: A consortium of partners with interests of their own discusses honestly what each expects from the
    collaboration and what each contributes (ZonMw leernetwerk).
    Source: ZonMw — "Ga eerlijk in gesprek met elkaar over de verwachtingen en bijdrage aan de samenwerking."
    Not when: no guard of its own; it fires whenever F-SOORT-CONSORTIUM is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SIT006",
    title="Een groot netwerk dat zich verdiept of verankert, en of het focus aanbrengt, is niet bekend",
    when=[
        is_("context.type", "netwerk"),
        above("network.partner_count", "large_network_partners"),
        one_of("context.phase", "verdiepen", "verankeren"),
        unknown("organising.too_much_at_once"),
    ],
    then=[Diagnose("F-GROOT-NETWERK")],
)
def large_network() -> None:
    """Large network.

    Why: Common Eye, four ingredients of durable and vital networks: in a large network where everyone wants or has to
    take part in everything, paralysis sets in ("Wanneer iedereen overal aan mee wil of moet doen én je hebt te maken
    met autonome organisaties treedt verlamming in"); form sub-coalitions on concrete, shared issues, avoid a seemingly
    random collection of projects, and place network leadership in a team ("Het lijkt beter om het netwerkleiderschap in
    een team te beleggen"). Large means more than `large_network_partners` organisations: a kerncoalitie of seven that
    the case calls in order is not told to split up (review14, Zeist). Not while the network starts (NET001 advises a
    core team then), and silent once it is known whether the network tries to do too much at once (ORG diagnoses a
    known lack of focus).
    Source: Common Eye — "En het voorkomen van een schijnbaar willekeurige verzameling van projecten en activiteiten
    geeft focus."
    Not when: `context.phase` is unknown or none of 'verdiepen', 'verankeren'; nor when `organising.too_much_at_once` is
    known. It leaves what to do about F-GROOT-NETWERK to SIT106.
    """


@rule(
    "SIT106",
    title="Groot netwerk: werk in deelcoalities aan concrete vraagstukken",
    when=[finding("F-GROOT-NETWERK")],
    then=[Recommend("I-DEELCOALITIES-VORMEN")],
)
def recommend_sub_coalitions() -> None:
    """Recommends sub coalitions.

    Why: A large network that deepens or anchors forms smart coalitions for specific interventions, with the issues of
    the population and the region as guide (Common Eye, four ingredients).
    Source: Common Eye — "Denk aan betrokkenheid op verschillende niveaus; niet iedereen hoeft overal bij te zijn."
    Not when: no guard of its own; it fires whenever F-GROOT-NETWERK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SIT008",
    title="Een groot netwerk dat zich verdiept of verankert, en bij wie het leiderschap ligt, is niet bekend",
    when=[
        is_("context.type", "netwerk"),
        above("network.partner_count", "start_max_partners"),
        one_of("context.phase", "verdiepen", "verankeren"),
        any_of(is_("leadership.trekker", True), unknown("leadership.trekker")),
        any_of(one_of("leadership.regie", "duidelijk", "gedeeld"), unknown("leadership.regie")),
        unknown("leadership.others_lean_back"),
    ],
    then=[Diagnose("F-GROOT-NETWERK-LEIDERSCHAP")],
)
def large_network_leadership() -> None:
    """Large network leadership.

    Why: Common Eye, ingredient 4: in a regional network the chair of the largest party often chairs the network and the
    collaboration is shaped as a programme organisation; leadership then lands with one or two persons and others can
    lean back. Better to place network leadership in a team. Not when the network has no trekker or unclear regie
    (ROL008: then the regie must be placed first, and one trekker is the advice), and silent once it is known whether
    the others lean back (ROL diagnoses it).
    Source: Common Eye — "Het lijkt beter om het netwerkleiderschap in een team te beleggen."
    Not when: `context.phase` is unknown or none of 'verdiepen', 'verankeren'; nor when `leadership.trekker` is false;
    nor when `leadership.regie` is known and none of 'duidelijk', 'gedeeld'; nor when `leadership.others_lean_back` is
    known. It leaves what to do about F-GROOT-NETWERK-LEIDERSCHAP to SIT108.
    """


@rule(
    "SIT108",
    title="Groot netwerk: beleg het netwerkleiderschap in een team",
    when=[finding("F-GROOT-NETWERK-LEIDERSCHAP")],
    then=[Recommend("I-GEDEELD-EIGENAARSCHAP")],
)
def recommend_leadership_in_a_team() -> None:
    """Recommends leadership in a team.

    Why: Leadership of a large network resting on one or two persons lets the others lean back; placing it in a team
    shares it (Common Eye, ingredient 4).
    Source: Common Eye — "Het lijkt beter om het netwerkleiderschap in een team te beleggen."
    Not when: no guard of its own; it fires whenever F-GROOT-NETWERK-LEIDERSCHAP is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "SIT007",
    title="Een regionale samenwerking van gemeenten, en of zij focus aanbrengt, is niet bekend",
    when=[*SEVERAL_MUNICIPALITIES, unknown("organising.too_much_at_once")],
    then=[Diagnose("F-REGIONALE-SAMENWERKING")],
)
def regional_collaboration_of_municipalities() -> None:
    """Regional collaboration of municipalities.

    Why: Common Eye (the regional energy strategy): municipalities have different ambitions and one is further than the
    other; it remains a search for a balance between regional agreements and acceptance at the local level. Common Eye
    (regional networks): work in sub-coalitions on concrete shared issues rather than everyone on everything; Krimp:
    develop a shared perspective on the region with the partners. Several municipalities at one table make a regional
    collaboration whatever its type, except an integral one: that is the policy domains of one municipality (the
    intake's own definition), which may list each domain as a gemeente. Silent once it is known whether it tries to do
    too much at once (ORG diagnoses a known lack of focus).
    Source: Common Eye — "En het blijft zoeken naar een balans tussen regionale afspraken en acceptatie op lokaal
    niveau."
    Not when: `context.type` is known and none of 'intersectoraal', 'pps', 'netwerk', 'consortium'; nor when
    `organising.too_much_at_once` is known. It leaves what to do about F-REGIONALE-SAMENWERKING to SIT107.
    """


@rule(
    "SIT107",
    title="Regionale samenwerking: werk in deelcoalities aan concrete thema's, met een gedeeld beeld van de regio",
    when=[finding("F-REGIONALE-SAMENWERKING")],
    then=[
        Recommend("I-DEELCOALITIES-VORMEN"),
        Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE"),
        Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"),
    ],
)
def recommend_regional_sub_themes() -> None:
    """Recommends regional sub themes.

    Why: Common Eye: sub-coalitions on concrete issues ("niet iedereen hoeft overal bij te zijn"); Krimp: "een
    gezamenlijk perspectief te ontwikkelen op de regio"; and what each municipality gets from it (RIVM handreiking:
    "Zoek met elkaar de meerwaarde van de samenwerking voor beide partijen").
    Source: Common Eye — "Denk aan betrokkenheid op verschillende niveaus; niet iedereen hoeft overal bij te zijn."
    Not when: no guard of its own; it fires whenever F-REGIONALE-SAMENWERKING is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "SIT009",
    title="Een integrale samenwerking binnen de gemeente, en of het college haar steunt is niet bekend",
    when=[is_("context.type", "integraal"), unknown("leadership.board_support")],
    then=[Diagnose("F-INTEGRAAL-DRAAGVLAK-COLLEGE")],
)
def integral_work_needs_the_college() -> None:
    """Integral work needs the college.

    Why: Integral work crosses the municipality's own policy domains, and only the college can make them move
    together; the RIVM handreiking calls its support a must, and a bestuurlijke trekker keeps it from resting on one
    official.
    Source: RIVM handreiking — "Draagvlak bij het college is een must!"
    Not when: the collaboration is of another kind, or it is known whether the boards support it (ROL005 diagnoses
    their lack). SIT109 advises.
    """


@rule(
    "SIT109",
    title="Integrale samenwerking: organiseer het draagvlak van het college en een bestuurlijke trekker",
    when=[finding("F-INTEGRAAL-DRAAGVLAK-COLLEGE")],
    then=[Recommend("I-BESTUURLIJK-EIGENAARSCHAP")],
)
def recommend_board_ownership_for_integral_work() -> None:
    """Recommends board ownership for integral work.

    Why: The college's support and a bestuurlijke trekker, such as the wethouder, carry integral work across the
    domains (RIVM handreiking; RIVM netwerkbijeenkomsten).
    Source: RIVM netwerkbijeenkomsten — "Zoek per project een bestuurlijke trekker, bijvoorbeeld de wethouder."
    Not when: no guard; it fires on F-INTEGRAAL-DRAAGVLAK-COLLEGE, and no rule withholds its advice.
    """


__all__ = [
    "consortium_collaboration",
    "integral_collaboration",
    "integral_work_needs_the_college",
    "intersectoral_collaboration",
    "large_network",
    "large_network_leadership",
    "network_collaboration",
    "pps_under_way",
    "recommend_board_ownership_for_integral_work",
    "recommend_discussing_expectations",
    "recommend_evaluating_the_pps",
    "recommend_leadership_in_a_team",
    "recommend_mutual_value_and_a_concrete_start",
    "recommend_regional_sub_themes",
    "recommend_sub_coalitions",
    "recommend_the_building_blocks",
    "recommend_winning_the_other_domains",
    "regional_collaboration_of_municipalities",
]
