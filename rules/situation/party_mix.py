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
    """Residents at the table.

    Why: RIVM handreiking: "Faciliteer zelforganisaties!", "Het mooiste is het leggen van de regie bij de burgers", and
    (Goed Bezig) keep the ownership in the neighbourhood; professionals must not take the activities over (when they do,
    BEW002 diagnoses it).
    Source: RIVM handreiking — "Belangrijk aandachtpunt was om het eigenaarschap in buurt te houden: de
    speeltuinvereniging, de school, de sportvereniging, het wijkcomité."
    Not when: `residents.professionals_take_over` is true. It leaves what to do about F-BEWONERS-AAN-TAFEL to SIT140.
    """


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
    """Recommends keeping ownership with residents.

    Why: RIVM handreiking: the ownership in the neighbourhood, a professional antenna that does not take over, and
    self-organisation facilitated; Common Eye, Vier sleutels (key 1): "Gemeente, inwoners en professionals: bespreek wat
    je van elkaar mag verwachten" (the dialogue I-INWONERS-BETREKKEN opens).
    Source: RIVM handreiking — "Een actieve rol van burgers én lokale partners zorgt voor blijvende betrokkenheid."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-EIGENAARSCHAP-BIJ-BEWONERS for
    other findings to BEW102 and SIT150; I-ZELFORGANISATIES-FACILITEREN for other findings to BEW102, BEW130 and SIT150;
    I-INWONERS-BETREKKEN for other findings to BEW101 and SIT141.
    """


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
    """Residents and their municipality.

    Why: Common Eye, Vier sleutels: new relations between government and residents; the municipality holds a key role
    and shows leadership as a reliable party in its roles ("Gemeente: toon leiderschap en wees een betrouwbare partij in
    je verschillende rollen"), while the RIVM handreiking asks it to let go ("Loslaten van controle leidt tot mooie
    dingen!"). Where residents and their municipality share the table, how the municipality takes its role is advice in
    itself. SIT044 covers the municipality that pays and carries out; when its roles are known to be unclear, REL007
    diagnoses the problem.
    Source: Common Eye — "Er is te weinig dialoog over waar we op kunnen rekenen vanuit de overheid en wat inwoners zelf
    moeten regelen".
    Not when: `network.gemeente_several_roles` is true; nor when `relation.gemeente_roles_unclear` is known. It leaves
    what to do about F-BEWONERS-EN-GEMEENTE to SIT151.
    """


@rule(
    "SIT151",
    title="Bewoners en gemeente aan tafel: laat de gemeente een betrouwbare partner zijn die ruimte geeft",
    when=[finding("F-BEWONERS-EN-GEMEENTE")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality_for_residents() -> None:
    """Recommends a reliable municipality for residents.

    Why: Common Eye, Vier sleutels: "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende
    rollen".
    Source: Common Eye — "Gemeenten hebben de sleutel in handen om doorbraken te realiseren, maar mogen hun hand niet
    overspelen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-GEMEENTE-BETROUWBARE-PARTNER for
    other findings to REL107, SIT144 and SIT152.
    """


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
    """Residents take part without a seat.

    Why: RIVM handreiking: "Loslaten van controle leidt tot mooie dingen! Het mooiste is het leggen van de regie bij de
    burgers"; Goed Bezig: keep the ownership in the neighbourhood, a professional antenna that does not take the
    activities over. Residents who think along about problem and approach (co-creation) get that advice as much as
    residents at the table (SIT040); when professionals are known to take over, BEW002 diagnoses it.
    Source: RIVM handreiking — section "Succesfactoren – practice based – Loslaten van controle".
    Not when: `residents.professionals_take_over` is true. It leaves what to do about F-INWONERS-DENKEN-MEE to SIT150.
    """


@rule(
    "SIT150",
    title="Inwoners denken mee: leg de regie bij hen en faciliteer wat zij zelf organiseren",
    when=[finding("F-INWONERS-DENKEN-MEE")],
    then=[Recommend("I-EIGENAARSCHAP-BIJ-BEWONERS"), Recommend("I-ZELFORGANISATIES-FACILITEREN")],
)
def recommend_ownership_with_involved_residents() -> None:
    """Recommends ownership with involved residents.

    Why: RIVM handreiking: "Faciliteer zelforganisaties!" and the ownership kept in the neighbourhood.
    Source: RIVM handreiking — "Faciliteer zelforganisaties! Er zijn veel goede ideeën die vrij gemakkelijk (en
    goedkoop) kunnen worden ondersteund."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-EIGENAARSCHAP-BIJ-BEWONERS for
    other findings to BEW102 and SIT140; I-ZELFORGANISATIES-FACILITEREN for other findings to BEW102, BEW130 and SIT140.
    """


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
    """Residents not at the table.

    Why: ZonMw leernetwerk: determine the problem together and involve the residents; RIVM netwerkbijeenkomsten: how to
    involve citizens in neighbourhood work; Common Eye, Vier sleutels (key 1): municipality, residents and professionals
    discuss what they may expect of each other. For the collaborations that start around a local issue, while they
    explore or shape it, and for one whose kind nobody answered (unknown is not fine: a thin intake still gets the
    documents' standard advice; a PPS or a consortium is answered as such).
    Source: RIVM netwerkbijeenkomsten — "Hoe betrek je ook burgers/cliënten bij wijkgericht werken".
    Not when: `context.type` is known and none of 'integraal', 'intersectoraal', 'netwerk'; nor when `context.phase` is
    none of 'verkennen', 'vormgeven'; nor when `residents.involved` is known. It leaves what to do about
    F-BEWONERS-NIET-AAN-TAFEL to SIT141.
    """


@rule(
    "SIT141",
    title="Bewoners niet aan tafel: bepaal samen het probleem en betrek de inwoners daarbij",
    when=[finding("F-BEWONERS-NIET-AAN-TAFEL")],
    then=[Recommend("I-INWONERS-BETREKKEN"), Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_involving_residents() -> None:
    """Recommends involving residents.

    Why: ZonMw leernetwerk: "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij": one advice
    with two halves, the problem defined together and the residents involved in it, so both enter.
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-INWONERS-BETREKKEN for other
    findings to BEW101 and SIT140; I-GEZAMENLIJKE-PROBLEEMANALYSE for other findings to AMB106, PRO103, SIT107, SIT124
    and 1 more.
    """


@rule(
    "SIT042",
    title="Huisartsen doen mee, en of zij hun eigen belang zien is niet bekend",
    when=[is_("network.includes_huisartsen", True), unknown("interests.partners_see_own_benefit")],
    then=[Diagnose("F-HUISARTSEN-AAN-TAFEL")],
)
def huisartsen_at_the_table() -> None:
    """Huisartsen at the table.

    Why: RIVM handreiking (Bossche Jeugd in Balans): collaborating with general practitioners proved harder than
    expected; connect to the interests of the professionals concerned. When it is known they do not see their own
    interest, NET007 diagnoses the problem.
    Source: RIVM handreiking — "Samenwerken met huisartsen is in diverse projecten lastiger gebleken dan verwacht."
    Not when: `interests.partners_see_own_benefit` is known. It leaves what to do about F-HUISARTSEN-AAN-TAFEL to
    SIT142.
    """


@rule(
    "SIT142",
    title="Huisartsen aan tafel: sluit aan bij wat de samenwerking hun eigen werk oplevert",
    when=[finding("F-HUISARTSEN-AAN-TAFEL")],
    then=[Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"), Recommend("I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER")],
)
def recommend_connecting_to_the_professionals() -> None:
    """Recommends connecting to the professionals.

    Why: RIVM handreiking: "het cruciaal om aan te sluiten bij de belangen van de professionals in kwestie". As support,
    the relation kept up: RIVM netwerkbijeenkomsten, tips for neighbourhood work with first-line care, "organiseer
    regelmatig een structureel overleg met je belangrijkste partners. Relatiemanagement is erg belangrijk, projecten
    landen dan veel gemakkelijker".
    Source: RIVM handreiking — "Zoek de meerwaarde die betrokkenen samen kunnen behalen, maar ieder voor zich niet
    zullen bereiken."
    Not when: Its I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER is withheld where NET133 (recommend connecting the tables) or
    ORG107 (recommend connecting existing tables) fires.
    """


@rule(
    "SIT043",
    title="Een kennisinstelling doet mee, en hoe kennis gedeeld wordt is niet of niet bekend afgesproken",
    when=[is_("network.includes_kennisinstelling", True), not_true("knowledge_sharing.agreed")],
    then=[Diagnose("F-KENNISINSTELLING-AAN-TAFEL")],
)
def knowledge_institute_at_the_table() -> None:
    """Knowledge institute at the table.

    Why: ZonMw leernetwerk: practice and policy partners have a concrete hunger for knowledge, knowledge partners would
    rather not speak prematurely (escape room against white smoke); discuss when you are open about which knowledge.
    Source: ZonMw — "Timing en openheid staan met andere woorden op gespannen voet."
    Not when: `knowledge_sharing.agreed` is true. It leaves what to do about F-KENNISINSTELLING-AAN-TAFEL to SIT143.
    """


@rule(
    "SIT143",
    title="Kennisinstelling aan tafel: spreek af hoe en wanneer u kennis deelt",
    when=[finding("F-KENNISINSTELLING-AAN-TAFEL")],
    then=[Recommend("I-KENNISDELING-AFSPREKEN")],
)
def recommend_agreeing_knowledge_sharing() -> None:
    """Recommends agreeing knowledge sharing.

    Why: ZonMw leernetwerk: "Kies bewust de interactievorm die je wil hanteren voor kennisdeling".
    Source: ZonMw — "Verwachtingsmanagement is dus essentieel."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-KENNISDELING-AFSPREKEN for other
    findings to KEN101 and KEN102.
    """


@rule(
    "SIT044",
    title="De gemeente zit in meerdere rollen aan tafel",
    when=[is_("network.gemeente_several_roles", True), unknown("relation.gemeente_roles_unclear")],
    then=[Diagnose("F-GEMEENTE-IN-MEERDERE-ROLLEN")],
)
def municipality_in_several_roles() -> None:
    """Municipality in several roles.

    Why: Common Eye, Vier sleutels (key 4): the municipality shows leadership and is a reliable party in its different
    roles (uitvoerder, beleidsmaker, financier, toezichthouder). When its roles are known to be unclear, REL007
    diagnoses the problem.
    Source: Common Eye — "De gemeente is een complexe organisatie door het samenspel van gemeenteraad, college van B&W
    en ambtelijke organisatie."
    Not when: `relation.gemeente_roles_unclear` is known. It leaves what to do about F-GEMEENTE-IN-MEERDERE-ROLLEN to
    SIT144.
    """


@rule(
    "SIT144",
    title="Gemeente in meerdere rollen: laat haar leiderschap tonen als betrouwbare partner",
    when=[finding("F-GEMEENTE-IN-MEERDERE-ROLLEN")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality() -> None:
    """Recommends a reliable municipality.

    Why: Common Eye, Vier sleutels: "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende
    rollen".
    Source: Common Eye — "Gemeenten hebben de sleutel in handen om doorbraken te realiseren, maar mogen hun hand niet
    overspelen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-GEMEENTE-BETROUWBARE-PARTNER for
    other findings to REL107, SIT151 and SIT152.
    """


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
    """Municipality with unnamed roles.

    Why: Common Eye, Vier sleutels (key 4): the municipality shows leadership and is a reliable party in its different
    roles; it is a complex organisation (council, executive and civil service). When nobody named the roles of the
    municipality at the table nor the kind of collaboration (a thin intake), it is still the municipality, as a rule
    commissioner, financier or policy maker beside the other partners, so key 4 is the standard advice (unknown is not
    fine). An answered kind brings its own advice for the table. Not for several municipalities (SIT047: regie on the
    regional process); silent once it is known whether its roles are unclear (REL007 diagnoses the problem).
    Source: Common Eye — "De gemeente is een complexe organisatie door het samenspel van gemeenteraad, college van B&W
    en ambtelijke organisatie."
    Not when: `context.type` is known; nor when `network.several_gemeenten` is true; nor when
    `relation.gemeente_roles_unclear` is known. It leaves what to do about F-GEMEENTE-ROLLEN-NIET-GENOEMD to SIT152.
    """


@rule(
    "SIT152",
    title="Gemeente aan tafel zonder genoemde rollen: laat haar een betrouwbare partner zijn in elke rol",
    when=[finding("F-GEMEENTE-ROLLEN-NIET-GENOEMD")],
    then=[Recommend("I-GEMEENTE-BETROUWBARE-PARTNER")],
)
def recommend_a_reliable_municipality_in_its_unnamed_roles() -> None:
    """Recommends a reliable municipality in its unnamed roles.

    Why: Common Eye, Vier sleutels: "Gemeente: toon leiderschap en wees een betrouwbare partij in je verschillende
    rollen".
    Source: Common Eye — "Gemeenten hebben de sleutel in handen om doorbraken te realiseren, maar mogen hun hand niet
    overspelen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-GEMEENTE-BETROUWBARE-PARTNER for
    other findings to REL107, SIT144 and SIT151.
    """


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
    """Companies at the table.

    Why: RIVM handreiking, public-private collaboration: private parties are sometimes distrusted for a supposed hidden
    agenda, and they distrust the public party's wish for sponsoring; public-private collaboration is something else
    than sponsoring, and the private partners want a real role. With companies at the table the collaboration is
    public-private whatever it is called (a PPS gets its seven phases: ORG010, SIT001). Silent once the partners'
    interests are known.
    Source: RIVM handreiking — "Private partijen worden soms gewantrouwd vanwege hun vermeende verborgen agenda om er
    vooral zelf beter van te worden."
    Not when: `context.type` is known and none of 'integraal', 'intersectoraal', 'netwerk', 'consortium'; nor when
    `interests.known` is true. It leaves what to do about F-BEDRIJVEN-AAN-TAFEL to SIT145.
    """


@rule(
    "SIT145",
    title="Bedrijven aan tafel: breng belangen en drijfveren op tafel",
    when=[finding("F-BEDRIJVEN-AAN-TAFEL")],
    then=[Recommend("I-BELANGEN-OP-TAFEL")],
)
def recommend_interests_with_companies() -> None:
    """Recommends interests with companies.

    Why: RIVM handreiking: mistrust over hidden agendas is no basis for an equal collaboration; Common Eye: connection
    comes from interest in each other's interests.
    Source: Common Eye — "Verbinding met een ander komt vooral tot stand als je interesse hebt in de belangen van de
    ander."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-BELANGEN-OP-TAFEL for other
    findings to BEL102, BEL103, BEL104, BEL105 and 3 more.
    """


@rule(
    "SIT046",
    title="Gemeente, zorgaanbieder en woningcorporatie werken samen, en of de samenhang zichtbaar is, is niet bekend",
    when=[is_("network.wonen_zorg_gemeente", True), unknown("organising.coherence_visible")],
    then=[Diagnose("F-WONEN-ZORG-GEMEENTE")],
)
def housing_care_and_municipality() -> None:
    """Housing care and municipality.

    Why: Common Eye, Weer thuis (Platform31's 'Kansrijk samenwerken'): a municipality, a care provider and a housing
    corporation bring worlds together that are not attuned; collaboration is needed in three domains (the individual
    case, the institutional agreements, the living environment), each with its own approach, and making that coherence
    visible is the advice. When it is known not to be visible, ORG007 diagnoses the problem.
    Source: Common Eye — "De samenwerking brengt werelden samen die niet zonder meer op elkaar zijn ingespeeld."
    Not when: `organising.coherence_visible` is known. It leaves what to do about F-WONEN-ZORG-GEMEENTE to SIT146.
    """


@rule(
    "SIT146",
    title="Wonen, zorg en gemeente: maak de samenhang tussen de domeinen van samenwerking zichtbaar",
    when=[finding("F-WONEN-ZORG-GEMEENTE")],
    then=[Recommend("I-SAMENHANG-ZICHTBAAR-MAKEN"), Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR")],
)
def recommend_making_the_domains_visible() -> None:
    """Recommends making the domains visible.

    Why: Common Eye, Weer thuis: "Maak de samenhang zichtbaar" and lay bare the mutual dependency.
    Source: Common Eye — "Uit de tien regio’s blijkt dat er verschillende domeinen te zijn waarop samenwerking nodig
    is."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-SAMENHANG-ZICHTBAAR-MAKEN for
    other findings to ORG108; I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR for other findings to BEL107, BEL130, NET108, PRO107
    and 3 more.
    """


@rule(
    "SIT047",
    title="Meerdere gemeenten werken samen, en hoe de regie op het proces ligt is niet bekend",
    when=[*SEVERAL_MUNICIPALITIES, unknown("leadership.regie")],
    then=[Diagnose("F-GEMEENTEN-REGIE-ONBEKEND")],
)
def municipalities_with_unknown_regie() -> None:
    """Municipalities with unknown regie.

    Why: Common Eye (Krimp, 'Regie op samenwerking – routekaart voor regionale samenwerking'): in every successful
    collaboration the regie on the process is placed clearly; several municipalities at one table each have their own
    administrators, ambitions and pace. Silent once the regie is known (ROL diagnoses unclear regie).
    Source: Common Eye — "De praktijkvoorbeelden leren dat in elk succesvol samenwerkingstraject de regie op het proces
    op een duidelijke plek belegd is."
    Not when: `context.type` is known and none of 'intersectoraal', 'pps', 'netwerk', 'consortium'; nor when
    `leadership.regie` is known. It leaves what to do about F-GEMEENTEN-REGIE-ONBEKEND to SIT147.
    """


@rule(
    "SIT147",
    title="Meerdere gemeenten aan tafel: beleg de regie op het regionale proces",
    when=[finding("F-GEMEENTEN-REGIE-ONBEKEND")],
    then=[Recommend("I-REGIE-BELEGGEN")],
)
def recommend_regional_regie() -> None:
    """Recommends regional regie.

    Why: Common Eye (Krimp): "De praktijkvoorbeelden leren dat in elk succesvol samenwerkingstraject de regie op het
    proces op een duidelijke plek belegd is".
    Source: Common Eye — "De praktijkvoorbeelden leren dat in elk succesvol samenwerkingstraject de regie op het proces
    op een duidelijke plek belegd is."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-REGIE-BELEGGEN for other findings
    to ROL101 and ROL108.
    """


@rule(
    "SIT048",
    title="Een publiek-private samenwerking, en of ieder er zijn eigen winst in ziet is niet bekend",
    when=[is_("context.type", "pps"), not_true("interests.partners_see_own_benefit")],
    then=[Diagnose("F-PPS-BEDRIJVEN-ALS-PARTNER")],
)
def companies_as_partners_in_a_pps() -> None:
    """Companies as partners in a pps.

    Why: RIVM handreiking: "Publiek-private samenwerking is iets heel anders dan sponsoring. De private partners willen
    ook echt een rol in het project"; mutual trust, agreements and always keeping in view that it is about 'win-win'.
    Silent once the partners are known to see their own benefit (NET diagnoses a known lack of it).
    Source: RIVM handreiking — "Publiek-private samenwerking is iets heel anders dan sponsoring. De private partners
    willen ook echt een rol in het project."
    Not when: `interests.partners_see_own_benefit` is true. It leaves what to do about F-PPS-BEDRIJVEN-ALS-PARTNER to
    SIT148.
    """


@rule(
    "SIT148",
    title="Bedrijven in een PPS: maak afspraken waarin iedere partner winst ziet",
    when=[finding("F-PPS-BEDRIJVEN-ALS-PARTNER")],
    then=[Recommend("I-WEDERZIJDS-VERTROUWEN-WIN-WIN")],
)
def recommend_win_win_in_a_pps() -> None:
    """Recommends win win in a pps.

    Why: RIVM handreiking: "Heb als partners wederzijds vertrouwen in de dingen die de ander doet, maak afspraken en
    houd daarbij steeds voor ogen dat het gaat om ‘win-win’".
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-WEDERZIJDS-VERTROUWEN-WIN-WIN for
    other findings to REL102.
    """


@rule(
    "SIT049",
    title="Een integrale samenwerking over beleidsterreinen heen, en of begrippen verwarring geven is niet bekend",
    when=[is_("context.type", "integraal"), unknown("relation.terms_confused")],
    then=[Diagnose("F-DOMEINEN-AAN-TAFEL")],
)
def domains_at_the_table() -> None:
    """Domains at the table.

    Why: ZonMw leernetwerk (Hink-stap-sprong): health in projects needs a clear integral process, especially the
    collaboration between the social and the physical domain; improvements remain in defining problem and goal. Being
    aware of it and aligning terms, problem definitions, visions and shared goals helps. Silent once it is known whether
    terms are confused (REL diagnoses confusion that is known).
    Source: ZonMw — "Vooral de samenwerking tussen het sociaal en fysiek domein”, vertelt ze."
    Not when: `relation.terms_confused` is known. It leaves what to do about F-DOMEINEN-AAN-TAFEL to SIT149.
    """


@rule(
    "SIT149",
    title="Beleidsterreinen aan tafel: stem begrippen, probleemdefinitie en doelen op elkaar af",
    when=[finding("F-DOMEINEN-AAN-TAFEL")],
    then=[Recommend("I-ELKAAR-ECHT-BEGRIJPEN"), Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_aligning_terms() -> None:
    """Recommends aligning terms.

    Why: ZonMw leernetwerk: "onderlinge verschillen steeds expliciet bespreken en afstemmen van begrip,
    probleemdefinities, visies en gezamenlijke doelen".
    Source: ZonMw — "Bepaal gezamenlijk de probleemdefinitie en betrek daar ook de inwoners bij".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves I-ELKAAR-ECHT-BEGRIJPEN for other
    findings to REL101 and REL103; I-GEZAMENLIJKE-PROBLEEMANALYSE for other findings to AMB106, PRO103, SIT107, SIT124
    and 1 more.
    """
