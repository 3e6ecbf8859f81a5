"""Organising (professioneel organiseren): agreements, tasks, workload, meetings and focus.

Common Eye: as light a form as possible, but agreements where they are needed; RIVM handreiking: clear agreements
on roles, tasks, time and money, not everything at once; Weer thuis: connect existing tables.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, any_of, finding, is_, one_of, rule, unknown


@rule(
    "ORG001",
    title="Voorbij de start, maar afspraken en besturing nauwelijks geregeld",
    when=[is_("organising.agreements", "nauwelijks"), one_of("context.phase", "verdiepen", "verankeren")],
    then=[Diagnose("F-AFSPRAKEN-NAUWELIJKS-GEREGELD")],
)
def agreements_missing_beyond_the_start() -> None:
    """Agreements missing beyond the start.

    Why: Few agreements and much trust in personal relations suit the start; past it, a collaboration without agreements
    risks conflict (Common Eye, history column).
    Source: Common Eye — "In beide gevallen betekende dat weinig concrete samenwerkingsafspraken, nauwelijks een
    organisatiestructuur en veel vertrouwen in persoonlijke relaties."
    Not when: `context.phase` is unknown or none of 'verdiepen', 'verankeren'. It leaves F-AFSPRAKEN-NAUWELIJKS-GEREGELD
    on other grounds to ORG002; what to do about F-AFSPRAKEN-NAUWELIJKS-GEREGELD to ORG101 and ORG103.
    """


@rule(
    "ORG002",
    title="Sterk afhankelijk van subsidie, maar afspraken nauwelijks geregeld",
    when=[is_("organising.agreements", "nauwelijks"), finding("F-HOGE-SUBSIDIEAFHANKELIJKHEID")],
    then=[Diagnose("F-AFSPRAKEN-NAUWELIJKS-GEREGELD")],
)
def agreements_missing_with_a_heavy_subsidy() -> None:
    """Agreements missing with a heavy subsidy.

    Why: A won subsidy with few agreements and no structure ended in conflict in Common Eye's history column: a heavy
    subsidy needs agreements.
    Source: Common Eye — "In beide gevallen betekende dat weinig concrete samenwerkingsafspraken, nauwelijks een
    organisatiestructuur en veel vertrouwen in persoonlijke relaties."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves F-AFSPRAKEN-NAUWELIJKS-GEREGELD on
    other grounds to ORG001; what to do about F-AFSPRAKEN-NAUWELIJKS-GEREGELD to ORG101 and ORG103.
    """


@rule(
    "ORG003",
    title="Al vroeg zwaar georganiseerd",
    when=[is_("organising.agreements", "uitgebreid"), one_of("context.phase", "verkennen", "vormgeven")],
    then=[Diagnose("F-TE-ZWAAR-GEORGANISEERD")],
)
def organised_heavily_too_early() -> None:
    """Organised heavily too early.

    Why: Many agreements, rules and legal terms while still exploring or shaping suppress uncertainty about the
    collaboration instead of discussing it; light organising leaves room (Common Eye, Professioneel organiseren).
    Source: Common Eye — section "Het Common Eye op samenwerken – Professioneel organiseren".
    Not when: `context.phase` is unknown or none of 'verkennen', 'vormgeven'. It leaves what to do about
    F-TE-ZWAAR-GEORGANISEERD to ORG104.
    """


@rule(
    "ORG004",
    title="Taken en rollen niet (op kracht) verdeeld",
    when=[is_("organising.tasks_divided", False)],
    then=[Diagnose("F-TAKEN-ONVERDEELD")],
)
def tasks_not_divided() -> None:
    """Tasks not divided.

    Why: A project gets better when tasks and roles are divided on each partner's wishes, preferences and expertise
    (RIVM handreiking, Samenwerking vormgeven en onderhouden; Iedereen in zijn of haar kracht).
    Source: RIVM handreiking — "Verdeel de taken en rollen".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-TAKEN-ONVERDEELD
    to ORG105.
    """


@rule("ORG005", title="Hoge werkdruk", when=[is_("organising.workload", "hoog")], then=[Diagnose("F-HOGE-WERKDRUK")])
def workload_is_high() -> None:
    """Workload is high.

    Why: High workload keeps partners in their own "straatje", one of the hard aspects that keeps them from the
    collaboration (RIVM netwerkbijeenkomsten, Lastige aspecten).
    Source: RIVM netwerkbijeenkomsten — "Hoge werkdruk van partners (waardoor men in eigen "straatje" blijft)".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-HOGE-WERKDRUK to
    ORG106.
    """


@rule(
    "ORG006",
    title="Al veel overleggen",
    when=[is_("organising.meeting_overload", True)],
    then=[Diagnose("F-OVERLEGDRUK")],
)
def meetings_pile_up() -> None:
    """Meetings pile up.

    Why: Parties who already meet in many overlegs do not want yet another one and fear a table too large to be
    effective (Common Eye, Weer thuis, Vermijd het verbinden van iedereen met iedereen).
    Source: Common Eye — section "Weer thuis – Vermijd het verbinden van iedereen met iedereen en alles met alles".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-OVERLEGDRUK to
    ORG107.
    """


@rule(
    "ORG007",
    title="Samenhang tussen de domeinen niet zichtbaar",
    when=[is_("organising.coherence_visible", False)],
    then=[Diagnose("F-SAMENHANG-ONZICHTBAAR")],
)
def coherence_not_visible() -> None:
    """Coherence not visible.

    Why: Collaboration is needed in several domains that each need their own approach, so it matters that their
    coherence is visible (Common Eye, Weer thuis, Maak de samenhang zichtbaar).
    Source: Common Eye — section "Weer thuis – Maak de samenhang zichtbaar".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-SAMENHANG-ONZICHTBAAR to ORG108.
    """


@rule(
    "ORG008",
    title="Iedereen doet overal aan mee",
    when=[is_("organising.everyone_in_everything", True)],
    then=[Diagnose("F-IEDEREEN-OVERAL-BIJ")],
)
def everyone_in_everything() -> None:
    """Everyone in everything.

    Why: When everyone wants or has to take part in everything among autonomous organisations, paralysis sets in; not
    everyone needs to be everywhere (Common Eye, Regionale netwerken, ingrediënt 2 and 3).
    Source: Common Eye — "Denk aan betrokkenheid op verschillende niveaus; niet iedereen hoeft overal bij te zijn."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-IEDEREEN-OVERAL-BIJ to ORG109.
    """


@rule(
    "ORG009",
    title="Te veel tegelijk",
    when=[is_("organising.too_much_at_once", True)],
    then=[Diagnose("F-TE-VEEL-TEGELIJK")],
)
def too_much_at_once() -> None:
    """Too much at once.

    Why: Wanting to achieve too much at once is a failure factor; choosing and phasing activities remains a point of
    attention (RIVM handreiking, Knelpunten/faalfactoren).
    Source: RIVM handreiking — "Keuzes maken en activiteiten gefaseerd aanbieden blijft daarbij wel steeds een
    aandachtspunt."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-TE-VEEL-TEGELIJK
    to ORG110.
    """


@rule(
    "ORG010",
    title="Een PPS in opbouw",
    when=[
        is_("context.type", "pps"),
        any_of(one_of("context.phase", "verkennen", "vormgeven"), unknown("context.phase")),
    ],
    then=[Diagnose("F-PPS-IN-OPBOUW")],
)
def pps_being_built() -> None:
    """Pps being built.

    Why: RIVM handreiking: PPS differs in process and success/failure factors ('iets heel anders dan sponsoring'). That
    advice does not depend on the phase, so an unknown phase does not silence it.
    Source: RIVM handreiking — section "Samenwerken: integraal, intersectoraal en/of publiek-privaat".
    Not when: `context.phase` is known and none of 'verkennen', 'vormgeven'. It leaves what to do about F-PPS-IN-OPBOUW
    to ORG111.
    """


@rule(
    "ORG101",
    title="Afspraken nauwelijks geregeld: borg afspraken en besturing",
    when=[
        finding("F-AFSPRAKEN-NAUWELIJKS-GEREGELD"),
        any_of(one_of("context.type", "integraal", "intersectoraal", "pps", "consortium"), unknown("context.type")),
    ],
    then=[Recommend("I-AFSPRAKEN-EN-GOVERNANCE-BORGEN")],
)
def recommend_anchoring_agreements() -> None:
    """Recommends anchoring agreements.

    Why: Common Eye history column; RIVM handreiking draagvlak. Also when the form of the collaboration is not known
    (ORG102 merged into this rule).
    Source: Common Eye — "Daarnaast was er te veel vertrouwen in persoonlijke relaties, waardoor deze niet werden
    geborgd in bestaande structuren."
    Not when: `context.type` is known and none of 'integraal', 'intersectoraal', 'pps', 'consortium'. Its
    I-AFSPRAKEN-EN-GOVERNANCE-BORGEN is withheld where ORG201 (no more agreements when already extensive) fires.
    """


@rule(
    "ORG103",
    title="Netwerk zonder afspraken: organiseer het netwerk met de bouwstenen",
    when=[finding("F-AFSPRAKEN-NAUWELIJKS-GEREGELD"), is_("context.type", "netwerk")],
    then=[Recommend("I-NETWERK-BOUWSTENEN")],
)
def recommend_network_building_blocks() -> None:
    """Recommends network building blocks.

    Why: Common Eye: a network is organised with network-specific governance and shared rules, not as a programme or
    structure.
    Source: Common Eye — "Hou het netwerk wel open; voorkom een gesloten netwerk op basis van exclusiviteit."
    Not when: `context.type` is not 'netwerk'.
    """


@rule(
    "ORG104",
    title="Te zwaar georganiseerd: organiseer zo licht als mogelijk",
    when=[finding("F-TE-ZWAAR-GEORGANISEERD")],
    then=[Recommend("I-LICHT-ORGANISEREN")],
)
def recommend_organising_lightly() -> None:
    """Recommends organising lightly.

    Why: The lightest possible form of organisation gives room and flexibility and keeps partners from hiding
    uncertainty behind agreements (Common Eye, Professioneel organiseren).
    Source: Common Eye — "Een behulpzaam uitgangspunt is om te streven naar een zo ‘licht’ mogelijke vorm van
    organisatie."
    Not when: no guard of its own; it fires whenever F-TE-ZWAAR-GEORGANISEERD is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "ORG105",
    title="Taken onverdeeld: verdeel taken en rollen op kracht",
    when=[finding("F-TAKEN-ONVERDEELD")],
    then=[Recommend("I-ROLLEN-OP-KRACHT-VERDELEN")],
)
def recommend_dividing_roles_on_strengths() -> None:
    """Recommends dividing roles on strengths.

    Why: Dividing tasks and roles on wishes, preferences and expertise rather than function uses each other's strength
    for a better project (RIVM handreiking, Iedereen in zijn of haar kracht).
    Source: RIVM handreiking — "De kracht van elkaar gebruiken om een goed project neer te zetten."
    Not when: no guard of its own; it fires whenever F-TAKEN-ONVERDEELD is diagnosed, and no rule withholds its advice.
    """


@rule(
    "ORG106",
    title="Hoge werkdruk: maak reële afspraken over tijd, en bedenk er niet steeds iets nieuws bij",
    when=[finding("F-HOGE-WERKDRUK")],
    then=[Recommend("I-TIJDBESTEDING-REEEL-AFSPREKEN"), Suppress("I-HERNIEUWDE-ENERGIE-ZOEKEN")],
)
def recommend_realistic_time() -> None:
    """Recommends realistic time.

    Why: ZonMw leernetwerk (reëel in tijdbesteding), RIVM handreiking (afspraken over tijd). Partners under high
    workload stay in their own lane (RIVM netwerkbijeenkomsten): asking them to keep inventing new activities
    contradicts the case.
    Source: ZonMw — section "ZonMw leernetwerk – puzzelstukjes op elkaar laten aansluiten".
    Not when: no guard of its own; it fires whenever F-HOGE-WERKDRUK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "ORG107",
    title="Veel overleggen: verbind de bestaande tafels in plaats van een nieuw overleg of nog meer ontmoetingen",
    when=[finding("F-OVERLEGDRUK")],
    then=[
        Recommend("I-BESTAANDE-TAFELS-VERBINDEN"),
        Suppress("I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER"),
        Suppress("I-TIJD-INVESTEREN-IN-RELATIES"),
    ],
)
def recommend_connecting_existing_tables() -> None:
    """Recommends connecting existing tables.

    Why: Common Eye Weer thuis. Common Eye Weer thuis wins over RIVM netwerkbijeenkomsten's structural meeting where
    meetings already pile up.
    Source: Common Eye — "Allereerst: weersta de neiging om dé perfecte netwerkstructuur in te richten."
    Not when: no guard of its own; it fires whenever F-OVERLEGDRUK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "ORG108",
    title="Samenhang onzichtbaar: maak de drie domeinen zichtbaar",
    when=[finding("F-SAMENHANG-ONZICHTBAAR")],
    then=[Recommend("I-SAMENHANG-ZICHTBAAR-MAKEN")],
)
def recommend_making_coherence_visible() -> None:
    """Recommends making coherence visible.

    Why: The client, institutional and living-environment domains each need their own approach, so making their
    coherence visible shows where which collaboration is needed (Common Eye, Weer thuis, Maak de samenhang zichtbaar).
    Source: Common Eye — "Uit de tien regio’s blijkt dat er verschillende domeinen te zijn waarop samenwerking nodig
    is."
    Not when: no guard of its own; it fires whenever F-SAMENHANG-ONZICHTBAAR is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "ORG109",
    title="Iedereen overal bij: werk in deelcoalities, niet verbreden",
    when=[finding("F-IEDEREEN-OVERAL-BIJ")],
    then=[
        Recommend("I-DEELCOALITIES-VORMEN"),
        Suppress("I-NETWERK-VERBREDEN"),
    ],
)
def recommend_sub_coalitions() -> None:
    """Recommends sub coalitions.

    Why: Sub-coalitions on concrete issues work better than everyone on everything (Common Eye, ingredient 3), and that
    wins over looking broadly.
    Source: Common Eye — "Denk aan betrokkenheid op verschillende niveaus; niet iedereen hoeft overal bij te zijn."
    Not when: no guard of its own; it fires whenever F-IEDEREEN-OVERAL-BIJ is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "ORG110",
    title="Te veel tegelijk: breng focus aan en fasereer, niet verbreden",
    when=[finding("F-TE-VEEL-TEGELIJK")],
    then=[
        Recommend("I-FOCUS-EN-FASEREN"),
        Suppress("I-NETWERK-VERBREDEN"),
    ],
)
def recommend_focus() -> None:
    """Recommends focus.

    Why: A collaboration that takes on too much at once needs focus; while it lacks focus, the RIVM handreiking's
    warning against doing too much wins over its own advice to look broadly.
    Source: RIVM handreiking — "Aan de slag: start met iets concreets en onderhoud de relaties".
    Not when: no guard of its own; it fires whenever F-TE-VEEL-TEGELIJK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "ORG111",
    title="PPS in opbouw: doorloop de zeven fasen en onderhandel over ieders inbreng",
    when=[finding("F-PPS-IN-OPBOUW")],
    then=[Recommend("I-PPS-FASEN-DOORLOPEN"), Recommend("I-INBRENG-EN-FINANCIERING-AFSPREKEN")],
)
def recommend_pps_phases() -> None:
    """Recommends pps phases.

    Why: A public-private partnership differs in process, decisions and risks from other collaboration, so its own seven
    phases guide it (RIVM handreiking, Samenwerken: integraal, intersectoraal en/of publiek-privaat). While it is being
    built, its third phase is negotiating with the partners: in the alliance model the partners bring in means and
    share risks, so what each brings in is agreed (supporting advice).
    Source: RIVM handreiking — "Publiek-private samenwerking is iets heel anders dan sponsoring. De private partners
    willen ook echt een rol in het project."
    Not when: its I-PPS-FASEN-DOORLOPEN is withheld where AMB101 (recommend forming a shared ambition) or AMB102
    (recommend content before form) fires.
    """


@rule(
    "ORG201",
    title="Al uitgebreide afspraken: niet nog meer afspraken",
    when=[is_("organising.agreements", "uitgebreid")],
    then=[Suppress("I-AFSPRAKEN-EN-GOVERNANCE-BORGEN")],
)
def no_more_agreements_when_already_extensive() -> None:
    """No more agreements when already extensive.

    Why: Common Eye: light organising (too many agreements suppress uncertainty) vs the history column (too few): the
    recorded amount of agreements decides.
    Source: Common Eye — section "Het Common Eye op samenwerken – Professioneel organiseren".
    Not when: no guard of its own; it fires whenever its conditions hold.
    """


@rule(
    "ORG030",
    title="De administratieve last is zwaar",
    when=[is_("organising.administrative_load", "hoog")],
    then=[Diagnose("F-ZWARE-ADMINISTRATIEVE-LAST")],
)
def heavy_administrative_load() -> None:
    """Heavy administrative load.

    Why: Common Eye, gemeente and social organisations: market relations bring bureaucratic processes, high execution
    costs and legal procedures.
    Source: Common Eye — "Toch zijn zij steeds meer in marktverhoudingen tot elkaar komen te staan, met bureaucratische
    processen, hoge uitvoeringskosten en juridische procedures tot gevolg."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-ZWARE-ADMINISTRATIEVE-LAST to ORG130.
    """


@rule(
    "ORG130",
    title="Zware administratieve last: verlicht de administratie",
    when=[finding("F-ZWARE-ADMINISTRATIEVE-LAST")],
    then=[Recommend("I-ADMINISTRATIEVE-LAST-VERLICHTEN")],
)
def recommend_lighter_administration() -> None:
    """Recommends lighter administration.

    Why: Common Eye: market relations bring bureaucratic processes and high execution costs; the unstreamlined demand
    for accounts and results raises existential questions; too many agreements, rules and legal conditions suppress
    uncertainty.
    Source: Common Eye — "Het voorkomt ook dat partijen onzekerheid over een samenwerking onderdrukken door te veel
    afspraken, spelregels en juridische voorwaarden."
    Not when: no guard of its own; it fires whenever F-ZWARE-ADMINISTRATIEVE-LAST is diagnosed, and no rule withholds
    its advice.
    """


__all__ = [
    "agreements_missing_beyond_the_start",
    "agreements_missing_with_a_heavy_subsidy",
    "coherence_not_visible",
    "everyone_in_everything",
    "heavy_administrative_load",
    "meetings_pile_up",
    "no_more_agreements_when_already_extensive",
    "organised_heavily_too_early",
    "pps_being_built",
    "recommend_anchoring_agreements",
    "recommend_connecting_existing_tables",
    "recommend_dividing_roles_on_strengths",
    "recommend_focus",
    "recommend_lighter_administration",
    "recommend_making_coherence_visible",
    "recommend_network_building_blocks",
    "recommend_organising_lightly",
    "recommend_pps_phases",
    "recommend_realistic_time",
    "recommend_sub_coalitions",
    "tasks_not_divided",
    "too_much_at_once",
    "workload_is_high",
]
