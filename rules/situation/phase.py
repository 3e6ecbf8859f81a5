"""The phase: what a collaboration that explores, takes shape, deepens or anchors should be doing, and the PPS's
own phases (package fase).
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

# --- The phase (package fase) ------------------------------------------------------------------


@rule(
    "SIT020",
    title="De samenwerking verkent nog, en het waarom is niet of niet bekend besproken",
    when=[is_("context.phase", "verkennen"), not_true("ambition.why_discussed")],
    then=[Diagnose("F-FASE-VERKENNEN")],
)
def exploring_phase() -> None:
    """Exploring phase.

    Why: HAN toolbox, the first phase: find allies, then talk about what each wants and why, a conversation often
    skipped; RIVM handreiking's first basic step explores partners, motives and interests.
    Source: HAN toolbox — "Dit gesprek wordt vaak overgeslagen omdat men gewoon aan de slag wil."
    Not when: `ambition.why_discussed` is true. It leaves what to do about F-FASE-VERKENNEN to SIT120.
    """


@rule(
    "SIT120",
    title="Verkennen: bespreek het waarom en zoek medestanders",
    when=[finding("F-FASE-VERKENNEN")],
    then=[Recommend("I-MEDESTANDERS-ZOEKEN"), Recommend("I-ONDERLIGGEND-DOEL-EXPLICITEREN")],
)
def recommend_the_why_and_allies() -> None:
    """Recommends the why and allies.

    Why: HAN toolbox, in this order: "Stap één is dat: verken of je medestanders heb in de wijk", then, once partners
    are found, talk about what you want and why (the sequence ``han-verkennen`` in knowledge/ranking.yaml keeps the two
    steps together).
    Source: HAN toolbox — "Met die kaart beantwoord je de vraag: wanneer ben ik tevreden?"
    Not when: no guard of its own; it fires whenever F-FASE-VERKENNEN is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SIT021",
    title="De samenwerking krijgt vorm, en taken en rollen zijn niet of niet bekend verdeeld",
    when=[is_("context.phase", "vormgeven"), not_true("organising.tasks_divided")],
    then=[Diagnose("F-FASE-VORMGEVEN")],
)
def shaping_phase() -> None:
    """Shaping phase.

    Why: RIVM handreiking, shaping and maintaining the collaboration: a good basis, divide tasks and roles, a form of
    collaboration; look at wishes, preferences and expertise before dividing them.
    Source: RIVM handreiking — "Vormgeven en onderhouden van de samenwerking: partijen gaan met de inhoud, afspraken en
    vorm van de samenwerking aan de slag."
    Not when: `organising.tasks_divided` is true. It leaves what to do about F-FASE-VORMGEVEN to SIT121.
    """


@rule(
    "SIT121",
    title="Vormgeven: verdeel taken en rollen op ieders kracht",
    when=[finding("F-FASE-VORMGEVEN")],
    then=[Recommend("I-ROLLEN-OP-KRACHT-VERDELEN")],
)
def recommend_dividing_roles() -> None:
    """Recommends dividing roles.

    Why: In the shaping phase the partners divide tasks and roles so that everyone works from their strength (RIVM
    handreiking).
    Source: RIVM handreiking — "De kracht van elkaar gebruiken om een goed project neer te zetten."
    Not when: no guard of its own; it fires whenever F-FASE-VORMGEVEN is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SIT022",
    title="De samenwerking verdiept zich, en het samenwerken staat niet of niet bekend op de agenda",
    when=[is_("context.phase", "verdiepen"), not_true("process.collaboration_on_agenda")],
    then=[Diagnose("F-FASE-VERDIEPEN")],
)
def deepening_phase() -> None:
    """Deepening phase.

    Why: RIVM handreiking: maintain and evaluate the collaboration; ZonMw leernetwerk: put regularly on the agenda
    whether the partners still work and collaborate well, and reflect together.
    Source: RIVM handreiking — "Onderhoud de samenwerking".
    Not when: `process.collaboration_on_agenda` is true. It leaves what to do about F-FASE-VERDIEPEN to SIT122.
    """


@rule(
    "SIT122",
    title="Verdiepen: reflecteer regelmatig op de samenwerking",
    when=[finding("F-FASE-VERDIEPEN")],
    then=[Recommend("I-REGELMATIGE-REFLECTIE")],
)
def recommend_reflecting_when_deepening() -> None:
    """Recommends reflecting when deepening.

    Why: A collaboration that deepens regularly puts on the agenda whether the work and the collaboration still go well,
    and reflects together (ZonMw leernetwerk).
    Source: ZonMw — "Zet regelmatig op de agenda of er nog goed wordt gewerkt en goed wordt samengewerkt, reflecteer met
    elkaar".
    Not when: no guard of its own; it fires whenever F-FASE-VERDIEPEN is diagnosed, and no rule withholds its advice.
    """


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
    """Anchoring phase.

    Why: HAN toolbox, anchoring: showing the effects (an effectencalculatie) can give a collaboration a permanent
    character; RIVM handreiking (Gezond Gezind): a way of working durably anchored is transferable and can be continued.
    Silent once the results are known to be embedded (RES006 diagnoses a known gap).
    Source: HAN toolbox — "De Toolbox geeft ook allerlei tips, methodes en tools voor het verdiepen en verankeren van de
    samenwerking."
    Not when: `results.embedded` is known and none of 'nee', 'deels'. It leaves what to do about F-FASE-VERANKEREN to
    SIT123.
    """


@rule(
    "SIT123",
    title="Verankeren: bed de werkwijze in het reguliere werk in",
    when=[finding("F-FASE-VERANKEREN")],
    then=[Recommend("I-WERKWIJZE-INBEDDEN")],
)
def recommend_anchoring() -> None:
    """Recommends anchoring.

    Why: RIVM handreiking (Gezond Gezind): "het belangrijkste is de ontwikkelde werkwijze die duurzaam verankerd lijkt
    te zijn en daarmee overdraagbaar en continueerbaar is": from project to a structural way of working. Showing the
    effects (HAN toolbox, the effectencalculatie) is the results' advice (RES007) and the subsidy's (SIT160), so that
    the phase's own item is the embedding and does not stand behind the effects in the package.
    Source: RIVM handreiking — "Een belangrijke les is, dat deze thema's altijd door iemand van een impuls moeten worden
    voorzien."
    Not when: no guard of its own; it fires whenever F-FASE-VERANKEREN is diagnosed, and no rule withholds its advice.
    """


@rule(
    "SIT024",
    title="De samenwerking verkent nog, en of de partners hetzelfde beeld van het probleem hebben is niet bekend",
    when=[is_("context.phase", "verkennen"), not_true("ambition.shared_problem_picture")],
    then=[Diagnose("F-FASE-VERKENNEN-PROBLEEMBEELD")],
)
def exploring_without_a_shared_picture() -> None:
    """Exploring without a shared picture.

    Why: RIVM handreiking's first basic step explores the partners and the situation; Common Eye's first ingredient of a
    durable network is a shared picture of the population and the real regional issues ("Een goede regioanalyse die door
    de netwerkpartners wordt gedeeld, biedt veel houvast"); ZonMw leernetwerk: "Bepaal gezamenlijk de probleemdefinitie
    en betrek daar ook de inwoners bij"; HAN toolbox, step one: find allies. Silent once the picture is known to be
    shared (AMB diagnoses a known lack of one).
    Source: RIVM handreiking — section "Basisstappen bij samenwerken".
    Not when: `ambition.shared_problem_picture` is true. It leaves what to do about F-FASE-VERKENNEN-PROBLEEMBEELD to
    SIT124.
    """


@rule(
    "SIT124",
    title="Verkennen: kom samen tot een beeld van het probleem",
    when=[finding("F-FASE-VERKENNEN-PROBLEEMBEELD")],
    then=[Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE")],
)
def recommend_a_shared_picture_first() -> None:
    """Recommends a shared picture first.

    Why: Common Eye: "Deze vorm van ‘joint fact finding’ motiveert". Finding allies (HAN toolbox, "Stap één") is
    SIT120's advice for the same phase.
    Source: Common Eye — "Naast kwantitatieve inzichten gaat het ook om de ervaringen van de mensen om wie het draait."
    Not when: no guard of its own; it fires whenever F-FASE-VERKENNEN-PROBLEEMBEELD is diagnosed, and no rule withholds
    its advice.
    """


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
    """Shaping without a known ambition.

    Why: Common Eye (Krimp): the question of form soon lies on the table and can dominate the process; first the content
    ("Het dient in eerste instantie vooral te gaan over de inhoudelijke ambitie en wat ervoor nodig is om deze te kunnen
    realiseren"), then a form as light as possible ("Een behulpzaam uitgangspunt is om te streven naar een zo ‘licht’
    mogelijke vorm van organisatie"). Not for a PPS, whose first phase is choosing an organisational form (ORG010);
    silent once the ambition is known to be shared.
    Source: Common Eye — "In veel processen ligt al snel het ‘vormvraagstuk’ op tafel. Dit vraagstuk kan het proces
    domineren."
    Not when: `ambition.shared` is true; nor when `context.type` is known and none of 'integraal', 'intersectoraal',
    'netwerk', 'consortium'. It leaves what to do about F-FASE-VORMGEVEN-INHOUD to SIT125.
    """


@rule(
    "SIT125",
    title="Vormgeven: formuleer eerst de gedeelde ambitie en laat de inhoud de vorm bepalen",
    when=[finding("F-FASE-VORMGEVEN-INHOUD")],
    then=[Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"), Recommend("I-INHOUD-VOOR-VORM")],
)
def recommend_content_before_form() -> None:
    """Recommends content before form.

    Why: Common Eye: "Inhoud bepaalt vorm", then the lightest form that fits (the intervention's own text; I-LICHT-
    ORGANISEREN itself opposes the firm agreements other rules may advise). The content comes first: a goal nobody knows
    to be shared is a gap, not a given, so the main advice is to formulate the ambition every partner recognises ("In de
    gedeelde ambitie van een samenwerking moeten alle partijen zich herkennen"; Krimp: "Het dient in eerste instantie
    vooral te gaan over de inhoudelijke ambitie").
    Source: Common Eye — "Het formuleren van een gedeelde ambitie doe je samen en is niet een eenmalige activiteit."
    Not when: no guard of its own; it fires whenever F-FASE-VORMGEVEN-INHOUD is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "SIT026",
    title="De samenwerking wordt verankerd, en of zij bestuurlijk draagvlak heeft is niet bekend",
    when=[is_("context.phase", "verankeren"), unknown("leadership.board_support")],
    then=[Diagnose("F-FASE-VERANKEREN-DRAAGVLAK")],
)
def anchoring_without_known_board_support() -> None:
    """Anchoring without known board support.

    Why: RIVM handreiking: "Draagvlak bij het college is een must!"; Common Eye (Krimp): the owners of the process are
    always the administrators, and strategic collaboration cannot succeed without close administrative involvement. What
    is anchored needs someone at the top who carries it after the project. Silent once board support is known (ROL
    diagnoses a known lack of it).
    Source: RIVM handreiking — "Draagvlak bij het college is een must!"
    Not when: `leadership.board_support` is known. It leaves what to do about F-FASE-VERANKEREN-DRAAGVLAK to SIT126.
    """


@rule(
    "SIT126",
    title="Verankeren: organiseer bestuurlijk eigenaarschap voor wat blijft",
    when=[finding("F-FASE-VERANKEREN-DRAAGVLAK")],
    then=[Recommend("I-BESTUURLIJK-EIGENAARSCHAP")],
)
def recommend_board_ownership_when_anchoring() -> None:
    """Recommends board ownership when anchoring.

    Why: Common Eye (Krimp): "Strategische samenwerking zonder nauwe bestuurlijke betrokkenheid kan niet succesvol
    gerealiseerd worden"; RIVM netwerkbijeenkomsten: "Zoek per project een bestuurlijke trekker".
    Source: Common Eye — "Strategische samenwerking zonder nauwe bestuurlijke betrokkenheid kan niet succesvol
    gerealiseerd worden."
    Not when: no guard of its own; it fires whenever F-FASE-VERANKEREN-DRAAGVLAK is diagnosed, and no rule withholds its
    advice.
    """


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
    """Starting without a concrete result.

    Why: RIVM handreiking: intersectoral work gets going with something concrete ("Aan de slag: start met iets concreets
    en onderhoud de relaties") and a shared trigger ("Zoek een trigger waar je gezamenlijk voor gaat"); Common Eye:
    sub-coalitions on concrete issues give motivation. Work across policy domains or sectors, and an initiative of
    residents, start best small and concrete while they explore or take shape; deeper in the work the concrete start is
    behind them (RES002 diagnoses a known lack of early successes then). Silent once early successes are known.
    Source: RIVM handreiking — "Zoek een trigger waar je gezamenlijk voor gaat."
    Not when: `results.early_successes` is true. It leaves what to do about F-FASE-BEGIN-CONCREET to SIT127.
    """


@rule(
    "SIT127",
    title="Begin: start met iets concreets waar energie op zit",
    when=[finding("F-FASE-BEGIN-CONCREET")],
    then=[Recommend("I-CONCREET-BEGINNEN")],
)
def recommend_a_concrete_start_when_starting() -> None:
    """Recommends a concrete start when starting.

    Why: A collaboration that starts without a known concrete result gets going with something concrete that has energy,
    and keeps up the relations meanwhile (RIVM handreiking, 'Aan de slag').
    Source: RIVM handreiking — "Zoek een trigger waar je gezamenlijk voor gaat."
    Not when: no guard of its own; it fires whenever F-FASE-BEGIN-CONCREET is diagnosed, and no rule withholds its
    advice.
    """


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
    """Phase unknown without known reflection.

    Why: Common Eye, 'Van tijd tot tijd de balans opmaken': take stock of the collaboration together, yearly or monthly,
    "Wacht niet tot er eenmaal problemen zijn"; Common Eye, thermometer: "Zorg voor regelmatige reflectie". Whatever
    phase a collaboration is in, taking stock together is the documents' standard advice; when nobody answered the phase
    (a thin intake), it still enters (unknown is not fine). Silent once the collaboration is known to be on the agenda,
    when a phase is answered (SIT022 covers deepening), and for an initiator still alone (NET006: first find allies).
    Source: Common Eye — "Wacht niet tot er eenmaal problemen zijn."
    Not when: `context.phase` is known; nor when `process.collaboration_on_agenda` is true. It leaves what to do about
    F-FASE-ONBEKEND-REFLECTIE to SIT128.
    """


@rule(
    "SIT128",
    title="Fase onbekend: maak van tijd tot tijd samen de balans op",
    when=[finding("F-FASE-ONBEKEND-REFLECTIE")],
    then=[Recommend("I-REGELMATIGE-REFLECTIE")],
)
def recommend_reflecting_whatever_the_phase() -> None:
    """Recommends reflecting whatever the phase.

    Why: When neither the phase nor the partners' reflection is known, taking stock together from time to time is the
    advice that fits any phase (Common Eye, 'Van tijd tot tijd de balans opmaken').
    Source: Common Eye — "Zorg voor regelmatige reflectie; is de onderlinge samenwerking en interactie voor iedereen nog
    steeds prettig?"
    Not when: no guard of its own; it fires whenever F-FASE-ONBEKEND-REFLECTIE is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "anchoring_phase",
    "anchoring_without_known_board_support",
    "deepening_phase",
    "exploring_phase",
    "exploring_without_a_shared_picture",
    "phase_unknown_without_known_reflection",
    "recommend_a_concrete_start_when_starting",
    "recommend_a_shared_picture_first",
    "recommend_anchoring",
    "recommend_board_ownership_when_anchoring",
    "recommend_content_before_form",
    "recommend_dividing_roles",
    "recommend_reflecting_whatever_the_phase",
    "recommend_reflecting_when_deepening",
    "recommend_the_why_and_allies",
    "shaping_phase",
    "shaping_without_a_known_ambition",
    "starting_without_a_concrete_result",
]
