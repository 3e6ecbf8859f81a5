"""The situation: what the documents advise for a kind of collaboration, a phase, a party mix, a
subsidy, whether or not a problem has been observed. (Maintenance when it goes well is KLI104's.)

An advisor can always say what kind of collaboration it is, in which phase, who is at the table and
how it is funded; the documents give advice for each. That advice rests on the situation, not on
an observed problem: its findings name a package (``knowledge/ranking.yaml``, ``situational``), so
it ranks below every observed problem and one item per package goes ahead. A rule here stays silent
when the answer that decides its advice shows it is done (``not_true`` and ``unknown`` let the
documents' standard advice in while that answer is open).
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, above, any_of, finding, is_, not_true, one_of, rule, unknown

# Several municipalities at the table: a regional collaboration. Not in an integral one, which is by definition
# the policy domains of one municipality working together (its partner list may name each domain as a gemeente).
_SEVERAL_MUNICIPALITIES = [
    is_("network.several_gemeenten", True),
    any_of(one_of("context.type", "intersectoraal", "pps", "netwerk", "consortium"), unknown("context.type")),
]

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
    when=[*_SEVERAL_MUNICIPALITIES, unknown("organising.too_much_at_once")],
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


# --- The phase (package fase) ------------------------------------------------------------------


@rule(
    "SIT020",
    title="De samenwerking verkent nog, en het waarom is niet of niet bekend besproken",
    when=[is_("context.phase", "verkennen"), not_true("ambition.why_discussed")],
    then=[Diagnose("F-FASE-VERKENNEN")],
)
def exploring_phase() -> None:
    """HAN toolbox, the first phase: find allies, then talk about what each wants and why, a conversation often
    skipped; RIVM handreiking's first basic step explores partners, motives and interests."""


@rule(
    "SIT120",
    title="Verkennen: bespreek het waarom en zoek medestanders",
    when=[finding("F-FASE-VERKENNEN")],
    then=[Recommend("I-MEDESTANDERS-ZOEKEN"), Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN")],
)
def recommend_the_why_and_allies() -> None:
    """HAN toolbox, in this order: "Stap één is dat: verken of je medestanders heb in de wijk", then, once partners
    are found, talk about what you want and why (the sequence ``han-verkennen`` in knowledge/ranking.yaml keeps the
    two steps together)."""


@rule(
    "SIT021",
    title="De samenwerking krijgt vorm, en taken en rollen zijn niet of niet bekend verdeeld",
    when=[is_("context.phase", "vormgeven"), not_true("organising.tasks_divided")],
    then=[Diagnose("F-FASE-VORMGEVEN")],
)
def shaping_phase() -> None:
    """RIVM handreiking, shaping and maintaining the collaboration: a good basis, divide tasks and roles, a form
    of collaboration; look at wishes, preferences and expertise before dividing them."""


@rule(
    "SIT121",
    title="Vormgeven: verdeel taken en rollen op ieders kracht",
    when=[finding("F-FASE-VORMGEVEN")],
    then=[Recommend("I-ROLLEN-OP-KRACHT-VERDELEN")],
)
def recommend_dividing_roles() -> None:
    """RIVM handreiking: "Verdeel de taken en rollen" and "Iedereen in zijn of haar kracht"."""


@rule(
    "SIT022",
    title="De samenwerking verdiept zich, en het samenwerken staat niet of niet bekend op de agenda",
    when=[is_("context.phase", "verdiepen"), not_true("process.collaboration_on_agenda")],
    then=[Diagnose("F-FASE-VERDIEPEN")],
)
def deepening_phase() -> None:
    """RIVM handreiking: maintain and evaluate the collaboration; ZonMw leernetwerk: put regularly on the agenda
    whether the partners still work and collaborate well, and reflect together."""


@rule(
    "SIT122",
    title="Verdiepen: reflecteer regelmatig op de samenwerking",
    when=[finding("F-FASE-VERDIEPEN")],
    then=[Recommend("I-REGELMATIGE-REFLECTIE")],
)
def recommend_reflecting_when_deepening() -> None:
    """ZonMw leernetwerk: "Zet regelmatig op de agenda of er nog goed wordt gewerkt en goed wordt samengewerkt,
    reflecteer met elkaar"."""


@rule(
    "SIT023",
    title="De samenwerking wordt verankerd, en haar resultaten zijn niet of niet bekend ingebed",
    when=[
        is_("context.phase", "verankeren"),
        any_of(one_of("results.embedded", "nee", "deels"), unknown("results.embedded")),
    ],
    then=[Diagnose("F-FASE-VERANKEREN")],
)
def anchoring_phase() -> None:
    """HAN toolbox, anchoring: showing the effects (an effectencalculatie) can give a collaboration a permanent
    character; RIVM handreiking (Gezond Gezind): a way of working durably anchored is transferable and can be
    continued. Silent once the results are known to be embedded (RES006 diagnoses a known gap)."""


@rule(
    "SIT123",
    title="Verankeren: bed de werkwijze in het reguliere werk in",
    when=[finding("F-FASE-VERANKEREN")],
    then=[Recommend("I-WERKWIJZE-INBEDDEN")],
)
def recommend_anchoring() -> None:
    """RIVM handreiking (Gezond Gezind): "het belangrijkste is de ontwikkelde werkwijze die duurzaam verankerd lijkt
    te zijn en daarmee overdraagbaar en continueerbaar is": from project to a structural way of working. Showing
    the effects (HAN toolbox, the effectencalculatie) is the results' advice (RES007) and the subsidy's (SIT160),
    so that the phase's own item is the embedding and does not stand behind the effects in the package."""


@rule(
    "SIT024",
    title="De samenwerking verkent nog, en of de partners hetzelfde beeld van het probleem hebben is niet bekend",
    when=[is_("context.phase", "verkennen"), not_true("ambition.shared_problem_picture")],
    then=[Diagnose("F-FASE-VERKENNEN-PROBLEEMBEELD")],
)
def exploring_without_a_shared_picture() -> None:
    """RIVM handreiking's first basic step explores the partners and the situation; Common Eye's first ingredient of
    a durable network is a shared picture of the population and the real regional issues ("Een goede regioanalyse
    die door de netwerkpartners wordt gedeeld, biedt veel houvast"); ZonMw leernetwerk: "Bepaal gezamenlijk de
    probleemdefinitie en betrek daar ook de inwoners bij"; HAN toolbox, step one: find allies. Silent once the
    picture is known to be shared (AMB diagnoses a known lack of one)."""


@rule(
    "SIT124",
    title="Verkennen: kom samen tot een beeld van het probleem",
    when=[finding("F-FASE-VERKENNEN-PROBLEEMBEELD")],
    then=[Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_a_shared_picture_first() -> None:
    """Common Eye: "Deze vorm van ‘joint fact finding’ motiveert". Finding allies (HAN toolbox, "Stap één") is
    SIT120's advice for the same phase."""


@rule(
    "SIT025",
    title="De samenwerking krijgt vorm, en of de partners een gedeelde ambitie hebben is niet bekend",
    when=[
        is_("context.phase", "vormgeven"),
        not_true("ambition.shared"),
        any_of(one_of("context.type", "integraal", "intersectoraal", "netwerk", "consortium"), unknown("context.type")),
    ],
    then=[Diagnose("F-FASE-VORMGEVEN-INHOUD")],
)
def shaping_without_a_known_ambition() -> None:
    """Common Eye (Krimp): the question of form soon lies on the table and can dominate the process; first the
    content ("Het dient in eerste instantie vooral te gaan over de inhoudelijke ambitie en wat ervoor nodig is om
    deze te kunnen realiseren"), then a form as light as possible ("Een behulpzaam uitgangspunt is om te streven
    naar een zo ‘licht’ mogelijke vorm van organisatie"). Not for a PPS, whose first phase is choosing an
    organisational form (ORG010); silent once the ambition is known to be shared."""


@rule(
    "SIT125",
    title="Vormgeven: formuleer eerst de gedeelde ambitie en laat de inhoud de vorm bepalen",
    when=[finding("F-FASE-VORMGEVEN-INHOUD")],
    then=[Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"), Recommend("I-INHOUD-VOOR-VORM")],
)
def recommend_content_before_form() -> None:
    """Common Eye: "Inhoud bepaalt vorm", then the lightest form that fits (the intervention's own text; I-LICHT-
    ORGANISEREN itself opposes the firm agreements other rules may advise). The content comes first: a goal nobody
    knows to be shared is a gap, not a given, so the main advice is to formulate the ambition every partner
    recognises ("In de gedeelde ambitie van een samenwerking moeten alle partijen zich herkennen"; Krimp: "Het
    dient in eerste instantie vooral te gaan over de inhoudelijke ambitie")."""


@rule(
    "SIT026",
    title="De samenwerking wordt verankerd, en of zij bestuurlijk draagvlak heeft is niet bekend",
    when=[is_("context.phase", "verankeren"), unknown("leadership.board_support")],
    then=[Diagnose("F-FASE-VERANKEREN-DRAAGVLAK")],
)
def anchoring_without_known_board_support() -> None:
    """RIVM handreiking: "Draagvlak bij het college is een must!"; Common Eye (Krimp): the owners of the process are
    always the administrators, and strategic collaboration cannot succeed without close administrative
    involvement. What is anchored needs someone at the top who carries it after the project. Silent once board
    support is known (ROL diagnoses a known lack of it)."""


@rule(
    "SIT126",
    title="Verankeren: organiseer bestuurlijk eigenaarschap voor wat blijft",
    when=[finding("F-FASE-VERANKEREN-DRAAGVLAK")],
    then=[Recommend("I-BESTUURLIJK-EIGENAARSCHAP")],
)
def recommend_board_ownership_when_anchoring() -> None:
    """Common Eye (Krimp): "Strategische samenwerking zonder nauwe bestuurlijke betrokkenheid kan niet succesvol
    gerealiseerd worden"; RIVM netwerkbijeenkomsten: "Zoek per project een bestuurlijke trekker"."""


@rule(
    "SIT027",
    title="De samenwerking begint, en of er al iets concreets is bereikt is niet bekend",
    when=[
        one_of("context.phase", "verkennen", "vormgeven"),
        not_true("results.early_successes"),
        any_of(
            one_of("context.type", "integraal", "intersectoraal"),
            is_("network.includes_bewoners", True),
            is_("residents.involved", True),
        ),
    ],
    then=[Diagnose("F-FASE-BEGIN-CONCREET")],
)
def starting_without_a_concrete_result() -> None:
    """RIVM handreiking: intersectoral work gets going with something concrete ("Aan de slag: start met iets
    concreets en onderhoud de relaties") and a shared trigger ("Zoek een trigger waar je gezamenlijk voor gaat");
    Common Eye: sub-coalitions on concrete issues give motivation. Work across policy domains or sectors, and an
    initiative of residents, start best small and concrete while they explore or take shape; deeper in the work
    the concrete start is behind them (RES002 diagnoses a known lack of early successes then). Silent once early
    successes are known."""


@rule(
    "SIT127",
    title="Begin: start met iets concreets waar energie op zit",
    when=[finding("F-FASE-BEGIN-CONCREET")],
    then=[Recommend("I-CONCREET-BEGINNEN")],
)
def recommend_a_concrete_start_when_starting() -> None:
    """RIVM handreiking: "Aan de slag: start met iets concreets en onderhoud de relaties"."""


@rule(
    "SIT028",
    title="Niemand heeft de fase beantwoord, en of het samenwerken zelf op de agenda staat is niet bekend",
    when=[
        unknown("context.phase"),
        above("network.partner_count", "initiator_alone_max"),
        not_true("process.collaboration_on_agenda"),
    ],
    then=[Diagnose("F-FASE-ONBEKEND-REFLECTIE")],
)
def phase_unknown_without_known_reflection() -> None:
    """Common Eye, 'Van tijd tot tijd de balans opmaken': take stock of the collaboration together, yearly or
    monthly, "Wacht niet tot er eenmaal problemen zijn"; Common Eye, thermometer: "Zorg voor regelmatige
    reflectie". Whatever phase a collaboration is in, taking stock together is the documents' standard advice;
    when nobody answered the phase (a thin intake), it still enters (unknown is not fine). Silent once the
    collaboration is known to be on the agenda, when a phase is answered (SIT022 covers deepening), and for an
    initiator still alone (NET006: first find allies)."""


@rule(
    "SIT128",
    title="Fase onbekend: maak van tijd tot tijd samen de balans op",
    when=[finding("F-FASE-ONBEKEND-REFLECTIE")],
    then=[Recommend("I-REGELMATIGE-REFLECTIE")],
)
def recommend_reflecting_whatever_the_phase() -> None:
    """Common Eye: "Wacht niet tot er eenmaal problemen zijn. En doe het samen!"."""


# --- The party mix (package partijen) ----------------------------------------------------------


@rule(
    "SIT040",
    title="Bewoners zitten mee aan tafel",
    when=[
        is_("network.includes_bewoners", True),
        any_of(is_("residents.professionals_take_over", False), unknown("residents.professionals_take_over")),
    ],
    then=[Diagnose("F-BEWONERS-AAN-TAFEL")],
)
def residents_at_the_table() -> None:
    """RIVM handreiking: "Faciliteer zelforganisaties!", "Het mooiste is het leggen van de regie bij de burgers",
    and (Goed Bezig) keep the ownership in the neighbourhood; professionals must not take the activities over
    (when they do, BEW002 diagnoses it)."""


@rule(
    "SIT140",
    title="Bewoners aan tafel: laat het eigenaarschap bij de buurt en faciliteer zelforganisatie",
    when=[finding("F-BEWONERS-AAN-TAFEL")],
    then=[
        Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"),
        Recommend("I-ZELFORGANISATIES-FACILITEREN"),
        Recommend("I-INWONERS-BETREKKEN"),
    ],
)
def recommend_keeping_ownership_with_residents() -> None:
    """RIVM handreiking: the ownership in the neighbourhood, a professional antenna that does not take over, and
    self-organisation facilitated; Common Eye, Vier sleutels (key 1): "Gemeente, inwoners en professionals: bespreek
    wat je van elkaar mag verwachten" (the dialogue I-INWONERS-BETREKKEN opens)."""


@rule(
    "SIT051",
    title="Bewoners en gemeente zitten samen aan tafel, en of de rollen van de gemeente duidelijk zijn is niet bekend",
    when=[
        is_("network.bewoners_en_gemeente", True),
        any_of(is_("network.gemeente_several_roles", False), unknown("network.gemeente_several_roles")),
        unknown("relation.gemeente_roles_unclear"),
    ],
    then=[Diagnose("F-BEWONERS-EN-GEMEENTE")],
)
def residents_and_their_municipality() -> None:
    """Common Eye, Vier sleutels: new relations between government and residents; the municipality holds a key
    role and shows leadership as a reliable party in its roles ("Gemeente: toon leiderschap en wees een
    betrouwbare partij in je verschillende rollen"), while the RIVM handreiking asks it to let go ("Loslaten van
    controle leidt tot mooie dingen!"). Where residents and their municipality share the table, how the
    municipality takes its role is advice in itself. SIT044 covers the municipality that pays and carries out;
    when its roles are known to be unclear, REL007 diagnoses the problem."""


@rule(
    "SIT151",
    title="Bewoners en gemeente aan tafel: laat de gemeente een betrouwbare partner zijn die ruimte geeft",
    when=[finding("F-BEWONERS-EN-GEMEENTE")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality_for_residents() -> None:
    """Common Eye, Vier sleutels: "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende
    rollen"."""


@rule(
    "SIT050",
    title="Inwoners denken mee over probleem en aanpak, zonder als partner aan tafel te zitten",
    when=[
        is_("network.includes_bewoners", False),
        is_("residents.involved", True),
        any_of(is_("residents.professionals_take_over", False), unknown("residents.professionals_take_over")),
    ],
    then=[Diagnose("F-INWONERS-DENKEN-MEE")],
)
def residents_take_part_without_a_seat() -> None:
    """RIVM handreiking: "Loslaten van controle leidt tot mooie dingen! Het mooiste is het leggen van de regie bij
    de burgers"; Goed Bezig: keep the ownership in the neighbourhood, a professional antenna that does not take
    the activities over. Residents who think along about problem and approach (co-creation) get that advice as
    much as residents at the table (SIT040); when professionals are known to take over, BEW002 diagnoses it."""


@rule(
    "SIT150",
    title="Inwoners denken mee: leg de regie bij hen en faciliteer wat zij zelf organiseren",
    when=[finding("F-INWONERS-DENKEN-MEE")],
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"), Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_ownership_with_involved_residents() -> None:
    """RIVM handreiking: "Faciliteer zelforganisaties!" and the ownership kept in the neighbourhood."""


@rule(
    "SIT041",
    title="Bewoners zitten niet aan tafel, en of zij anders betrokken zijn is niet bekend",
    when=[
        is_("network.includes_bewoners", False),
        any_of(one_of("context.type", "integraal", "intersectoraal", "netwerk"), unknown("context.type")),
        one_of("context.phase", "verkennen", "vormgeven"),
        unknown("residents.involved"),
    ],
    then=[Diagnose("F-BEWONERS-NIET-AAN-TAFEL")],
)
def residents_not_at_the_table() -> None:
    """ZonMw leernetwerk: determine the problem together and involve the residents; RIVM netwerkbijeenkomsten:
    how to involve citizens in neighbourhood work; Common Eye, Vier sleutels (key 1): municipality, residents and
    professionals discuss what they may expect of each other. For the collaborations that start around a local
    issue, while they explore or shape it, and for one whose kind nobody answered (unknown is not fine: a thin
    intake still gets the documents' standard advice; a PPS or a consortium is answered as such)."""


@rule(
    "SIT141",
    title="Bewoners niet aan tafel: bepaal samen het probleem en betrek de inwoners daarbij",
    when=[finding("F-BEWONERS-NIET-AAN-TAFEL")],
    then=[Recommend("I-INWONERS-BETREKKEN"), Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_involving_residents() -> None:
    """ZonMw leernetwerk: "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij": one advice
    with two halves, the problem defined together and the residents involved in it, so both enter."""


@rule(
    "SIT042",
    title="Huisartsen doen mee, en of zij hun eigen belang zien is niet bekend",
    when=[is_("network.includes_huisartsen", True), unknown("interests.partners_see_own_benefit")],
    then=[Diagnose("F-HUISARTSEN-AAN-TAFEL")],
)
def huisartsen_at_the_table() -> None:
    """RIVM handreiking (Bossche Jeugd in Balans): collaborating with general practitioners proved harder than
    expected; connect to the interests of the professionals concerned. When it is known they do not see their
    own interest, NET007 diagnoses the problem."""


@rule(
    "SIT142",
    title="Huisartsen aan tafel: sluit aan bij wat de samenwerking hun eigen werk oplevert",
    when=[finding("F-HUISARTSEN-AAN-TAFEL")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"), Recommend("I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER")],
)
def recommend_connecting_to_the_professionals() -> None:
    """RIVM handreiking: "het cruciaal om aan te sluiten bij de belangen van de professionals in kwestie". As
    support, the relation kept up: RIVM netwerkbijeenkomsten, tips for neighbourhood work with first-line care,
    "organiseer regelmatig een structureel overleg met je belangrijkste partners. Relatiemanagement is erg
    belangrijk, projecten landen dan veel gemakkelijker"."""


@rule(
    "SIT043",
    title="Een kennisinstelling doet mee, en hoe kennis gedeeld wordt is niet of niet bekend afgesproken",
    when=[is_("network.includes_kennisinstelling", True), not_true("knowledge_sharing.agreed")],
    then=[Diagnose("F-KENNISINSTELLING-AAN-TAFEL")],
)
def knowledge_institute_at_the_table() -> None:
    """ZonMw leernetwerk: practice and policy partners have a concrete hunger for knowledge, knowledge partners
    would rather not speak prematurely (escape room against white smoke); discuss when you are open about which
    knowledge."""


@rule(
    "SIT143",
    title="Kennisinstelling aan tafel: spreek af hoe en wanneer u kennis deelt",
    when=[finding("F-KENNISINSTELLING-AAN-TAFEL")],
    then=[Recommend("I-KENNISDELING-AFSPREKEN")],
)
def recommend_agreeing_knowledge_sharing() -> None:
    """ZonMw leernetwerk: "Kies bewust de interactievorm die je wil hanteren voor kennisdeling"."""


@rule(
    "SIT044",
    title="De gemeente zit in meerdere rollen aan tafel",
    when=[is_("network.gemeente_several_roles", True), unknown("relation.gemeente_roles_unclear")],
    then=[Diagnose("F-GEMEENTE-IN-MEERDERE-ROLLEN")],
)
def municipality_in_several_roles() -> None:
    """Common Eye, Vier sleutels (key 4): the municipality shows leadership and is a reliable party in its
    different roles (uitvoerder, beleidsmaker, financier, toezichthouder). When its roles are known to be
    unclear, REL007 diagnoses the problem."""


@rule(
    "SIT144",
    title="Gemeente in meerdere rollen: laat haar leiderschap tonen als betrouwbare partner",
    when=[finding("F-GEMEENTE-IN-MEERDERE-ROLLEN")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality() -> None:
    """Common Eye, Vier sleutels: "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende
    rollen"."""


@rule(
    "SIT052",
    title="De gemeente zit aan tafel, en haar rollen en de vorm van samenwerking zijn niet bekend",
    when=[
        is_("network.gemeente_roles_unlisted", True),
        unknown("context.type"),
        not_true("network.several_gemeenten"),
        unknown("relation.gemeente_roles_unclear"),
    ],
    then=[Diagnose("F-GEMEENTE-ROLLEN-NIET-GENOEMD")],
)
def municipality_with_unnamed_roles() -> None:
    """Common Eye, Vier sleutels (key 4): the municipality shows leadership and is a reliable party in its
    different roles; it is a complex organisation (council, executive and civil service). When nobody named the
    roles of the municipality at the table nor the kind of collaboration (a thin intake), it is still the
    municipality, as a rule commissioner, financier or policy maker beside the other partners, so key 4 is the
    standard advice (unknown is not fine). An answered kind brings its own advice for the table. Not for several
    municipalities (SIT047: regie on the regional process); silent once it is known whether its roles are
    unclear (REL007 diagnoses the problem)."""


@rule(
    "SIT152",
    title="Gemeente aan tafel zonder genoemde rollen: laat haar een betrouwbare partner zijn in elke rol",
    when=[finding("F-GEMEENTE-ROLLEN-NIET-GENOEMD")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality_in_its_unnamed_roles() -> None:
    """Common Eye, Vier sleutels: "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende
    rollen"."""


@rule(
    "SIT045",
    title="Bedrijven zitten mee aan tafel in een samenwerking die geen PPS heet",
    when=[
        is_("network.includes_bedrijf", True),
        any_of(one_of("context.type", "integraal", "intersectoraal", "netwerk", "consortium"), unknown("context.type")),
        not_true("interests.known"),
    ],
    then=[Diagnose("F-BEDRIJVEN-AAN-TAFEL")],
)
def companies_at_the_table() -> None:
    """RIVM handreiking, public-private collaboration: private parties are sometimes distrusted for a supposed
    hidden agenda, and they distrust the public party's wish for sponsoring; public-private collaboration is
    something else than sponsoring, and the private partners want a real role. With companies at the table the
    collaboration is public-private whatever it is called (a PPS gets its seven phases: ORG010, SIT001).
    Silent once the partners' interests are known."""


@rule(
    "SIT145",
    title="Bedrijven aan tafel: breng belangen en drijfveren op tafel",
    when=[finding("F-BEDRIJVEN-AAN-TAFEL")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_interests_with_companies() -> None:
    """RIVM handreiking: mistrust over hidden agendas is no basis for an equal collaboration; Common Eye: connection
    comes from interest in each other's interests."""


@rule(
    "SIT046",
    title="Gemeente, zorgaanbieder en woningcorporatie werken samen, en of de samenhang zichtbaar is, is niet bekend",
    when=[is_("network.wonen_zorg_gemeente", True), unknown("organising.coherence_visible")],
    then=[Diagnose("F-WONEN-ZORG-GEMEENTE")],
)
def housing_care_and_municipality() -> None:
    """Common Eye, Weer thuis (Platform31's 'Kansrijk samenwerken'): a municipality, a care provider and a
    housing corporation bring worlds together that are not attuned; collaboration is needed in three domains
    (the individual case, the institutional agreements, the living environment), each with its own approach,
    and making that coherence visible is the advice. When it is known not to be visible, ORG007 diagnoses the
    problem."""


@rule(
    "SIT146",
    title="Wonen, zorg en gemeente: maak de samenhang tussen de domeinen van samenwerking zichtbaar",
    when=[finding("F-WONEN-ZORG-GEMEENTE")],
    then=[Recommend("I-SAMENHANG-ZICHTBAAR-MAKEN"), Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_making_the_domains_visible() -> None:
    """Common Eye, Weer thuis: "Maak de samenhang zichtbaar" and lay bare the mutual dependency."""


@rule(
    "SIT047",
    title="Meerdere gemeenten werken samen, en hoe de regie op het proces ligt is niet bekend",
    when=[*_SEVERAL_MUNICIPALITIES, unknown("leadership.regie")],
    then=[Diagnose("F-GEMEENTEN-REGIE-ONBEKEND")],
)
def municipalities_with_unknown_regie() -> None:
    """Common Eye (Krimp, 'Regie op samenwerking – routekaart voor regionale samenwerking'): in every successful
    collaboration the regie on the process is placed clearly; several municipalities at one table each have their
    own administrators, ambitions and pace. Silent once the regie is known (ROL diagnoses unclear regie)."""


@rule(
    "SIT147",
    title="Meerdere gemeenten aan tafel: beleg de regie op het regionale proces",
    when=[finding("F-GEMEENTEN-REGIE-ONBEKEND")],
    then=[Recommend("I-REGIE-BELEGGEN")],
)
def recommend_regional_regie() -> None:
    """Common Eye (Krimp): "De praktijkvoorbeelden leren dat in elk succesvol samenwerkingstraject de regie op het
    proces op een duidelijke plek belegd is"."""


@rule(
    "SIT048",
    title="Een publiek-private samenwerking, en of ieder er zijn eigen winst in ziet is niet bekend",
    when=[is_("context.type", "pps"), not_true("interests.partners_see_own_benefit")],
    then=[Diagnose("F-PPS-BEDRIJVEN-ALS-PARTNER")],
)
def companies_as_partners_in_a_pps() -> None:
    """RIVM handreiking: "Publiek-private samenwerking is iets heel anders dan sponsoring. De private partners willen
    ook echt een rol in het project"; mutual trust, agreements and always keeping in view that it is about
    'win-win'. Silent once the partners are known to see their own benefit (NET diagnoses a known lack of it)."""


@rule(
    "SIT148",
    title="Bedrijven in een PPS: maak afspraken waarin iedere partner winst ziet",
    when=[finding("F-PPS-BEDRIJVEN-ALS-PARTNER")],
    then=[Recommend("I-WEDERZIJDS-VERTROUWEN-WIN-WIN")],
)
def recommend_win_win_in_a_pps() -> None:
    """RIVM handreiking: "Heb als partners wederzijds vertrouwen in de dingen die de ander doet, maak afspraken en
    houd daarbij steeds voor ogen dat het gaat om ‘win-win’"."""


@rule(
    "SIT049",
    title="Een integrale samenwerking over beleidsterreinen heen, en of begrippen verwarring geven is niet bekend",
    when=[is_("context.type", "integraal"), unknown("relation.terms_confused")],
    then=[Diagnose("F-DOMEINEN-AAN-TAFEL")],
)
def domains_at_the_table() -> None:
    """ZonMw leernetwerk (Hink-stap-sprong): health in projects needs a clear integral process, especially the
    collaboration between the social and the physical domain; improvements remain in defining problem and goal.
    Being aware of it and aligning terms, problem definitions, visions and shared goals helps. Silent once it is
    known whether terms are confused (REL diagnoses confusion that is known)."""


@rule(
    "SIT149",
    title="Beleidsterreinen aan tafel: stem begrippen, probleemdefinitie en doelen op elkaar af",
    when=[finding("F-DOMEINEN-AAN-TAFEL")],
    then=[Recommend("I-ELKAAR-ECHT-BEGRIJPEN"), Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_aligning_terms() -> None:
    """ZonMw leernetwerk: "onderlinge verschillen steeds expliciet bespreken en afstemmen van begrip,
    probleemdefinities, visies en gezamenlijke doelen"."""


# --- The funding (package financiering) --------------------------------------------------------


@rule(
    "SIT060",
    title="Subsidie zonder bekend plan voor daarna, met een einde na een jaar of een onbekend einde",
    when=[
        is_("funding.subsidy", True),
        not_true("funding.continuation_plan"),
        any_of(above("funding.months_left", "subsidy_horizon_months"), unknown("funding.months_left")),
    ],
    then=[Diagnose("F-SUBSIDIE-VERVOLG-PLANNEN")],
)
def subsidy_needs_a_continuation() -> None:
    """ZonMw leernetwerk: sustainable collaboration means continuing after the subsidy stops, and that needs
    work long before. Any subsidy calls for planning the continuation; the twelve-month horizon (SUB001) only
    makes it urgent. An unknown end date is no distant one."""


@rule(
    "SIT160",
    title="Subsidie: maak op tijd een plan voor daarna en laat de effecten zien",
    when=[finding("F-SUBSIDIE-VERVOLG-PLANNEN")],
    then=[Recommend("I-VERVOLG-NA-SUBSIDIE"), Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_planning_the_continuation() -> None:
    """ZonMw leernetwerk: keep collaborating when the subsidy stops; HAN toolbox: shown effects give the
    collaboration a permanent character."""


@rule(
    "SIT061",
    title="Subsidie met een plan voor daarna, maar resultaten die niet of niet bekend zichtbaar zijn",
    when=[is_("funding.subsidy", True), is_("funding.continuation_plan", True), not_true("results.visible")],
    then=[Diagnose("F-SUBSIDIE-RESULTATEN-TONEN")],
)
def subsidy_results_to_show() -> None:
    """HAN toolbox: showing the effects gives a collaboration a permanent character; Common Eye (netwerkdip):
    partners must show financiers what their effort yields. A plan for after the subsidy still needs the
    results shown in time."""


@rule(
    "SIT161",
    title="Subsidie met een plan: maak de effecten op tijd zichtbaar",
    when=[finding("F-SUBSIDIE-RESULTATEN-TONEN")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_showing_results_in_time() -> None:
    """Who wants to continue after the subsidy must show in time what the collaboration yields; an effectencalculatie
    can give it a permanent character (HAN toolbox, Verankeren)."""


@rule(
    "SIT062",
    title="Partners die samen subsidie hebben aangevraagd, zonder bekende afspraken over capaciteit en geld",
    when=[
        is_("funding.subsidy", True),
        any_of(is_("funding.origin", "subsidieaanvraag"), is_("context.type", "consortium")),
        unknown("funding.capacity_money_uncertain"),
    ],
    then=[Diagnose("F-SUBSIDIE-SAMEN-AANGEVRAAGD")],
)
def subsidy_applied_for_together() -> None:
    """RIVM handreiking, Draagvlak is een werkwoord: "Duidelijke afspraken over rollen, taken, tijd en geld"; Common
    Eye: a network's rules of play include how the partners deal with the financing of and within the network. A
    partnership that applies for a subsidy together shares money from the start. Silent once it is known whether
    capacity and money are uncertain (SUB diagnoses the uncertainty that is known)."""


@rule(
    "SIT162",
    title="Samen subsidie aangevraagd: spreek af wat ieder inbrengt aan capaciteit en geld",
    when=[finding("F-SUBSIDIE-SAMEN-AANGEVRAAGD")],
    then=[Recommend("I-INBRENG-EN-FINANCIERING-AFSPREKEN")],
)
def recommend_agreements_on_financing() -> None:
    """RIVM handreiking: "Duidelijke afspraken over rollen, taken, tijd en geld"."""
