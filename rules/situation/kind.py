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
    """RIVM handreiking: seven phases guide forming, managing and ending a PPS ("Fase 5: Manage uw PPS",
    "Fase 6: Evalueer uw PPS", "Fase 7: Beëindig uw PPS"). A PPS past its set-up is in the later ones
    (ORG010 covers the set-up)."""


@rule(
    "SIT101",
    title="Lopende PPS: evalueer samen en kies het vervolg, langs de zeven fasen",
    when=[finding("F-PPS-IN-UITVOERING")],
    then=[Recommend("I-PPS-FASEN-DOORLOPEN"), Recommend("I-SAMEN-EVALUEREN")],
)
def recommend_evaluating_the_pps() -> None:
    """RIVM handreiking: the seven phases as the guide for a PPS, the kind's own advice and so the main one
    ("Zeven fasen als leidraad voor het formeren, managen en beëindigen van een PPS"), with its sixth and seventh
    phases, evaluate and end (or deliberately continue), as support; Common Eye: take stock together from time to
    time."""


@rule(
    "SIT002",
    title="Een intersectorale samenwerking waarvan de wederzijdse meerwaarde niet zichtbaar of niet bekend is",
    when=[is_("context.type", "intersectoraal"), not_true("interests.added_value_visible")],
    then=[Diagnose("F-SOORT-INTERSECTORAAL")],
)
def intersectoral_collaboration() -> None:
    """RIVM handreiking, intersectoral collaboration: explore the relevant sectors, make visible where the mutual
    interests lie, start with something concrete and maintain the relations; other sectors take part for their
    own goals ("Zoek met elkaar de meerwaarde van de samenwerking voor beide partijen"). Silent once the added
    value is known to be visible."""


@rule(
    "SIT102",
    title="Intersectoraal: maak de wederzijdse meerwaarde zichtbaar",
    when=[finding("F-SOORT-INTERSECTORAAL")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_mutual_value_and_a_concrete_start() -> None:
    """RIVM handreiking: "In gesprek: maak inzichtelijk wat er gebeurt en waar wederzijdse belangen liggen". Its
    next step, "Aan de slag: start met iets concreets", belongs to the start of the work and is SIT127's, so that
    an intersectoral collaboration deep in its work is not told to start."""


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
    """RIVM handreiking, integral collaboration: the other policy domains must be won ("We moeten onszelf
    verkopen richting de andere beleidsterreinen"), and health is for them a means to their own goals. Silent
    when health is known to be on their agenda."""


@rule(
    "SIT103",
    title="Integraal: win de andere beleidsterreinen vanuit hun eigen doelen",
    when=[finding("F-SOORT-INTEGRAAL")],
    then=[Recommend("I-GEZONDHEID-AGENDEREN")],
)
def recommend_winning_the_other_domains() -> None:
    """RIVM handreiking: health is often no goal in itself for other domains but a means to their own; name its
    advantages and goals from their point of view."""


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
    """Common Eye: a network is a serious form of organising with its own characteristics; organising one is
    really different from setting up a programme, and Willems et al. give four building blocks (identiteit,
    actoren, ambities, fundament). Silent once light or extensive agreements are known."""


@rule(
    "SIT104",
    title="Netwerk: organiseer het netwerk met de vier bouwstenen",
    when=[finding("F-SOORT-NETWERK")],
    then=[Recommend("I-NETWERK-BOUWSTENEN")],
)
def recommend_the_building_blocks() -> None:
    """Common Eye, four ingredients of durable networks: organise the network with the building blocks."""


@rule(
    "SIT005",
    title="Een consortium waarin de belangen van de partners niet of niet bekend in beeld zijn",
    when=[is_("context.type", "consortium"), not_true("interests.known")],
    then=[Diagnose("F-SOORT-CONSORTIUM")],
)
def consortium_collaboration() -> None:
    """ZonMw leernetwerk, golden tips for consortia: be aware of the formal roles, interests and goals of the
    parties, and talk honestly about expectations and contributions; in very interdisciplinary consortia each
    participant has interests of its own. Silent once the interests are known."""


@rule(
    "SIT105",
    title="Consortium: bespreek verwachtingen en bijdragen",
    when=[finding("F-SOORT-CONSORTIUM")],
    then=[Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_discussing_expectations() -> None:
    """ZonMw leernetwerk: "Ga eerlijk in gesprek met elkaar over de verwachtingen en bijdrage aan de
    samenwerking"."""


@rule(
    "SIT006",
    title="Een groot netwerk dat zich verdiept of verankert, en of het focus aanbrengt, is niet bekend",
    when=[
        is_("context.type", "netwerk"),
        above("network.partner_count", "start_max_partners"),
        one_of("context.phase", "verdiepen", "verankeren"),
        unknown("organising.too_much_at_once"),
    ],
    then=[Diagnose("F-GROOT-NETWERK")],
)
def large_network() -> None:
    """Common Eye, four ingredients of durable and vital networks: in a large network where everyone wants or has to
    take part in everything, paralysis sets in ("Wanneer iedereen overal aan mee wil of moet doen én je hebt te
    maken met autonome organisaties treedt verlamming in"); form sub-coalitions on concrete, shared issues, avoid a
    seemingly random collection of projects, and place network leadership in a team ("Het lijkt beter om het
    netwerkleiderschap in een team te beleggen"). Not while the network starts (NET001 advises a core team then),
    and silent once it is known whether the network tries to do too much at once (ORG diagnoses a known lack of
    focus)."""


@rule(
    "SIT106",
    title="Groot netwerk: werk in deelcoalities aan concrete vraagstukken",
    when=[finding("F-GROOT-NETWERK")],
    then=[Recommend("I-DEELCOALITIES-VORMEN")],
)
def recommend_sub_coalitions() -> None:
    """Common Eye: "Het is dus belangrijk om slim coalities te vormen voor specifieke interventies, met de
    vraagstukken van de populatie en van de regio als leidraad"."""


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
    """Common Eye, ingredient 4: in a regional network the chair of the largest party often chairs the network and
    the collaboration is shaped as a programme organisation; leadership then lands with one or two persons and
    others can lean back. Better to place network leadership in a team. Not when the network has no trekker or
    unclear regie (ROL008: then the regie must be placed first, and one trekker is the advice), and silent once it
    is known whether the others lean back (ROL diagnoses it)."""


@rule(
    "SIT108",
    title="Groot netwerk: beleg het netwerkleiderschap in een team",
    when=[finding("F-GROOT-NETWERK-LEIDERSCHAP")],
    then=[Recommend("I-GEDEELD-EIGENAARSCHAP")],
)
def recommend_leadership_in_a_team() -> None:
    """Common Eye: "Het lijkt beter om het netwerkleiderschap in een team te beleggen"."""


@rule(
    "SIT007",
    title="Een regionale samenwerking van gemeenten, en of zij focus aanbrengt, is niet bekend",
    when=[*SEVERAL_MUNICIPALITIES, unknown("organising.too_much_at_once")],
    then=[Diagnose("F-REGIONALE-SAMENWERKING")],
)
def regional_collaboration_of_municipalities() -> None:
    """Common Eye (the regional energy strategy): municipalities have different ambitions and one is further than
    the other; it remains a search for a balance between regional agreements and acceptance at the local level.
    Common Eye (regional networks): work in sub-coalitions on concrete shared issues rather than everyone on
    everything; Krimp: develop a shared perspective on the region with the partners. Several municipalities at one
    table make a regional collaboration whatever its type, except an integral one: that is the policy domains of
    one municipality (the intake's own definition), which may list each domain as a gemeente. Silent once it is
    known whether it tries to do too much at once (ORG diagnoses a known lack of focus)."""


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
    """Common Eye: sub-coalitions on concrete issues ("niet iedereen hoeft overal bij te zijn"); Krimp: "een
    gezamenlijk perspectief te ontwikkelen op de regio"; and what each municipality gets from it (RIVM handreiking:
    "Zoek met elkaar de meerwaarde van de samenwerking voor beide partijen")."""
