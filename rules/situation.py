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

from .dsl import Diagnose, Recommend, above, any_of, finding, is_, not_true, one_of, rule, unknown

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
    then=[Recommend("I-SAMEN-EVALUEREN"), Recommend("I-PPS-FASEN-DOORLOPEN")],
)
def recommend_evaluating_the_pps() -> None:
    """RIVM handreiking: the PPS's sixth and seventh phases, evaluate and end (or deliberately continue), and the
    seven phases as the guide; Common Eye: take stock together from time to time."""


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
    title="Intersectoraal: maak de wederzijdse meerwaarde zichtbaar en begin met iets concreets",
    when=[finding("F-SOORT-INTERSECTORAAL")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"), Recommend("I-CONCREET-BEGINNEN")],
)
def recommend_mutual_value_and_a_concrete_start() -> None:
    """RIVM handreiking: "In gesprek: maak inzichtelijk wat er gebeurt en waar wederzijdse belangen liggen" and
    "Aan de slag: start met iets concreets en onderhoud de relaties"."""


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
    then=[Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN"), Recommend("I-MEDESTANDERS-ZOEKEN")],
)
def recommend_the_why_and_allies() -> None:
    """HAN toolbox: "verken of je medestanders heb in de wijk" and talk about what you want and why."""


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
    title="Verankeren: bed de werkwijze in het reguliere werk in en maak de effecten zichtbaar",
    when=[finding("F-FASE-VERANKEREN")],
    then=[Recommend("I-WERKWIJZE-INBEDDEN"), Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_anchoring() -> None:
    """HAN toolbox: "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen"."""


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
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"), Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_keeping_ownership_with_residents() -> None:
    """RIVM handreiking: the ownership in the neighbourhood, a professional antenna that does not take over, and
    self-organisation facilitated."""


@rule(
    "SIT041",
    title="Bewoners zitten niet aan tafel, en of zij anders betrokken zijn is niet bekend",
    when=[
        is_("network.includes_bewoners", False),
        one_of("context.type", "integraal", "intersectoraal", "netwerk"),
        one_of("context.phase", "verkennen", "vormgeven"),
        unknown("residents.involved"),
    ],
    then=[Diagnose("F-BEWONERS-NIET-AAN-TAFEL")],
)
def residents_not_at_the_table() -> None:
    """ZonMw leernetwerk: determine the problem together and involve the residents; RIVM netwerkbijeenkomsten:
    how to involve citizens in neighbourhood work; Common Eye, Vier sleutels (key 1): municipality, residents and
    professionals discuss what they may expect of each other. For the collaborations that start around a local
    issue, while they explore or shape it."""


@rule(
    "SIT141",
    title="Bewoners niet aan tafel: betrek inwoners bij probleem en aanpak",
    when=[finding("F-BEWONERS-NIET-AAN-TAFEL")],
    then=[Recommend("I-INWONERS-BETREKKEN")],
)
def recommend_involving_residents() -> None:
    """ZonMw leernetwerk: "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij"."""


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
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_connecting_to_the_professionals() -> None:
    """RIVM handreiking: "het cruciaal om aan te sluiten bij de belangen van de professionals in kwestie"."""


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
    """HAN toolbox: the effectencalculatie."""
