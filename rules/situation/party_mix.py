"""The party mix: residents, companies, huisartsen, knowledge institutes and the municipality in its several
roles at the table (package partijen).
"""

from __future__ import annotations

from ..dsl import (
    Diagnose,
    Recommend,
    any_of,
    finding,
    is_,
    not_true,
    one_of,
    rule,
    unknown,
)

# Several municipalities at the table: a regional collaboration. Not in an integral one, which is by definition
# the policy domains of one municipality working together (its partner list may name each domain as a gemeente).
SEVERAL_MUNICIPALITIES = [
    is_("network.several_gemeenten", True),
    any_of(one_of("context.type", "intersectoraal", "pps", "netwerk", "consortium"), unknown("context.type")),
]


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
    when=[*SEVERAL_MUNICIPALITIES, unknown("leadership.regie")],
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
