"""Process (betekenisgevend proces): time pressure, the netwerkdip, decisions and reflection.

Common Eye asks for regie on the process and regular reflection; the netwerkdip after an energetic
start; Theater van Besluit for decisions that stall. RIVM netwerkbijeenkomsten names time pressure.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, Suppress, finding, is_, one_of, rule


@rule(
    "PRO001",
    title="De samenwerking staat onder tijdsdruk",
    when=[is_("process.time_pressure", True)],
    then=[Diagnose("F-TIJDSDRUK")],
)
def under_time_pressure() -> None:
    """Under time pressure.

    Why: Time pressure is one of the hard aspects, because the order of process steps matters for asking the right
    questions and building trust (RIVM netwerkbijeenkomsten, Lastige aspecten; Common Eye, Krimp).
    Source: RIVM netwerkbijeenkomsten — "Tijdsdruk (bijv. i.v.m. aanbestedingsvoorstellen)".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-TIJDSDRUK to
    PRO101.
    """


@rule(
    "PRO002",
    title="Energie en belangstelling nemen af",
    when=[is_("process.momentum", "afnemend")],
    then=[Diagnose("F-ENERGIE-NEEMT-AF")],
)
def energy_declines() -> None:
    """Energy declines.

    Why: When interest declines along the way, the partners stop to consider how to prevent an impasse (Common Eye, Weer
    thuis).
    Source: Common Eye — "In een samenwerking kan het voorkomen dat gaandeweg de interesse afneemt. In dat geval moeten
    partijen stilstaan hoe zij impasses kunnen voorkomen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about F-ENERGIE-NEEMT-AF
    to PRO102.
    """


@rule(
    "PRO003",
    title="Het netwerk zit in een netwerkdip",
    when=[is_("process.momentum", "afnemend"), is_("context.type", "netwerk")],
    then=[Diagnose("F-NETWERKDIP")],
)
def network_in_a_dip() -> None:
    """Network in a dip.

    Why: A network whose momentum falls after an energetic start is in the common 'netwerkdip', with fuss over goals and
    a call for control (Common Eye, Regionale netwerken, de netwerkdip).
    Source: Common Eye — "In deze hectiek valt het ‘nieuwe’ netwerkleiderschap vaak terug in ‘oude’ mechanismen."
    Not when: `context.type` is not 'netwerk'. It leaves what to do about F-NETWERKDIP to PRO103.
    """


@rule(
    "PRO004",
    title="Besluiten nemen verloopt moeizaam",
    when=[is_("process.decisions_difficult", True)],
    then=[Diagnose("F-BESLUITVORMING-MOEIZAAM")],
)
def decisions_are_hard() -> None:
    """Decisions are hard.

    Why: Taking decisions can be complex in a collaboration, partly because partners implicitly use different decision
    strategies (Common Eye, Theater van Besluit).
    Source: Common Eye — "Het nemen van besluiten kan een complexe bezigheid zijn binnen een samenwerking."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-BESLUITVORMING-MOEIZAAM to PRO104.
    """


@rule(
    "PRO005",
    title="Geen structureel overleg met de belangrijkste partners",
    when=[is_("process.regular_meeting", False)],
    then=[Diagnose("F-GEEN-STRUCTUREEL-OVERLEG")],
)
def no_structural_meeting() -> None:
    """No structural meeting.

    Why: Projects land much more easily with a regular structural meeting with the key partners, so its absence is a
    finding (RIVM netwerkbijeenkomsten, Tips en adviezen).
    Source: RIVM netwerkbijeenkomsten — section "Tips en adviezen".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-GEEN-STRUCTUREEL-OVERLEG to PRO105.
    """


@rule(
    "PRO006",
    title="De samenwerking zelf staat niet op de agenda",
    when=[is_("process.collaboration_on_agenda", False)],
    then=[Diagnose("F-SAMENWERKING-NIET-OP-AGENDA")],
)
def collaboration_not_on_the_agenda() -> None:
    """Collaboration not on the agenda.

    Why: The collaboration itself is often not on the agenda and is treated as a matter of arrangements; reflecting on
    it together keeps it alive (Common Eye, Weer thuis; ZonMw leernetwerk).
    Source: Common Eye — "Het thema ‘samenwerking’ staat vaak niet op de agenda. De samenwerking wordt aangevlogen als
    ‘regelvraagstuk’".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-SAMENWERKING-NIET-OP-AGENDA to PRO106 and PRO107.
    """


@rule(
    "PRO101",
    title="Tijdsdruk: bewaak de volgorde van de processtappen, en laat het niet op zijn beloop",
    when=[finding("F-TIJDSDRUK")],
    then=[Recommend("I-PROCESVOLGORDE-BEWAKEN"), Suppress("I-ORGANISCH-LATEN-GROEIEN")],
)
def recommend_guarding_the_process_order() -> None:
    """Recommends guarding the process order.

    Why: Analyst's link: RIVM netwerkbijeenkomsten names time pressure without a tip; Common Eye (procesvakmanschap)
    says when to slow the pace, HAN toolbox warns the why-conversation gets skipped. Status experimental. Letting the
    collaboration grow organically needs the time a deadline does not give.
    Source: RIVM netwerkbijeenkomsten — "Tijdsdruk (bijv. i.v.m. aanbestedingsvoorstellen)".
    Not when: no guard of its own; it fires whenever F-TIJDSDRUK is diagnosed, and no rule withholds its advice.
    """


@rule(
    "PRO102",
    title="Afnemende energie: zoek hernieuwde energie en maak de balans op",
    when=[finding("F-ENERGIE-NEEMT-AF")],
    then=[Recommend("I-HERNIEUWDE-ENERGIE-ZOEKEN"), Recommend("I-REGELMATIGE-REFLECTIE")],
)
def recommend_renewed_energy() -> None:
    """Recommends renewed energy.

    Why: When energy declines, the partners look for renewed energy by asking again why they sat down together, and by
    staying innovative (Common Eye, impasses voorkomen; RIVM handreiking).
    Source: Common Eye — "Zoek naar hernieuwde energie; waarom zaten jullie ook alweer om tafel?"
    Not when: its I-HERNIEUWDE-ENERGIE-ZOEKEN is withheld where ORG106 (recommend realistic time) fires.
    """


@rule(
    "PRO103",
    title="Netwerkdip: werk aan de vier ingrediënten van een vitaal netwerk, met gedeeld leiderschap",
    when=[finding("F-NETWERKDIP")],
    then=[
        Recommend("I-GEZAMENLIJKE-PROBLEEMANALYSE"),
        Recommend("I-NETWERK-BOUWSTENEN"),
        Recommend("I-DEELCOALITIES-VORMEN"),
        Recommend("I-GEDEELD-EIGENAARSCHAP"),
        Recommend("I-NETWERKWAARDE-DRIE-KAPITALEN"),
        Suppress("I-TREKKER-AANWIJZEN"),
    ],
)
def recommend_the_four_ingredients() -> None:
    """Recommends the four ingredients.

    Why: Durable and vital care networks rest on four ingredients, among them a joint analysis and network value in
    three capitals; the fourth is a team carrying shared network leadership (Common Eye).
    Source: Common Eye — "Het lijkt beter om het netwerkleiderschap in een team te beleggen."
    Not when: no guard of its own; it fires whenever F-NETWERKDIP is diagnosed, and no rule withholds its advice.
    """


@rule(
    "PRO104",
    title="Moeizame besluitvorming: maak de besluitvormingsstrategieën bespreekbaar",
    when=[finding("F-BESLUITVORMING-MOEIZAAM")],
    then=[Recommend("I-BESLUITVORMING-BESPREKEN")],
)
def recommend_discussing_decision_strategies() -> None:
    """Recommends discussing decision strategies.

    Why: Decisions come much more easily once partners know each other's preferred decision strategies and take them
    into account (Common Eye, Theater van Besluit).
    Source: Common Eye — section "Theater van Besluit – Zo speel je het".
    Not when: no guard of its own; it fires whenever F-BESLUITVORMING-MOEIZAAM is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "PRO105",
    title="Geen structureel overleg: organiseer het en investeer in relatiebeheer",
    when=[finding("F-GEEN-STRUCTUREEL-OVERLEG")],
    then=[Recommend("I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER")],
)
def recommend_a_structural_meeting() -> None:
    """Recommends a structural meeting.

    Why: A regular structural meeting and relationship management cost time but pay back, because projects land more
    easily (RIVM netwerkbijeenkomsten, Tips en adviezen).
    Source: RIVM netwerkbijeenkomsten — "Relatiemanagement kost veel tijd, maar deze investering verdient je terug!"
    Not when: its I-STRUCTUREEL-OVERLEG-EN-RELATIEBEHEER is withheld where NET133 (recommend connecting the tables) or
    ORG107 (recommend connecting existing tables) fires.
    """


@rule(
    "PRO106",
    title="Samenwerking niet op de agenda: reflecteer regelmatig samen",
    when=[finding("F-SAMENWERKING-NIET-OP-AGENDA")],
    then=[Recommend("I-REGELMATIGE-REFLECTIE")],
)
def recommend_putting_the_collaboration_on_the_agenda() -> None:
    """Recommends putting the collaboration on the agenda.

    Why: Treating the collaboration only as a "regelvraagstuk" overlooks trust, giving and taking, and interests, so
    reflect together regularly (Common Eye, Weer thuis; ZonMw leernetwerk, Interdisciplinair samenwerken).
    Source: Common Eye — "Zorg voor regelmatige reflectie; is de onderlinge samenwerking en interactie voor iedereen nog
    steeds prettig?"
    Not when: no guard of its own; it fires whenever F-SAMENWERKING-NIET-OP-AGENDA is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "PRO107",
    title="Samenwerking komt niet van wal: leg belangen en afhankelijkheid bloot en bouw relaties",
    when=[finding("F-SAMENWERKING-NIET-OP-AGENDA"), one_of("context.phase", "verkennen", "vormgeven")],
    then=[
        Recommend("I-BELANGEN-OP-TAFEL"),
        Recommend("I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"),
        Recommend("I-TIJD-INVESTEREN-IN-RELATIES"),
    ],
)
def recommend_getting_off_the_ground() -> None:
    """Recommends getting off the ground.

    Why: Common Eye Weer thuis, 'van wal komen': drijfveren op tafel, wederzijdse afhankelijkheid, goede werkrelaties.
    Source: Common Eye — "Met name die fysieke aanwezigheid draagt bij aan het vertrouwen."
    Not when: `context.phase` is unknown or none of 'verkennen', 'vormgeven'. Its I-TIJD-INVESTEREN-IN-RELATIES is
    withheld where KLI101 (de escalation before relationship building) or ORG107 (recommend connecting existing tables)
    fires.
    """


@rule(
    "PRO030",
    title="De partners nemen besluiten op verschillende manieren",
    when=[is_("process.decision_strategies_differ", True)],
    then=[Diagnose("F-VERSCHILLENDE-BESLUITVORMINGSSTRATEGIEEN")],
)
def decision_strategies_differ() -> None:
    """Decision strategies differ.

    Why: Common Eye, Theater van Besluit: partners (often implicitly) use different decision strategies.
    Source: Common Eye — "Theater van Besluit helpt je te herkennen welke besluitvormingsstrategieën je zelf vaak
    (impliciet) hanteert en helpt je strategieën van anderen te herkennen".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-VERSCHILLENDE-BESLUITVORMINGSSTRATEGIEEN to PRO130.
    """


@rule(
    "PRO031",
    title="Het proces hangt af van toevalligheden en personen",
    when=[one_of("process.depends_on_coincidence", "deels", "ja")],
    then=[Diagnose("F-PROCES-AFHANKELIJK-VAN-TOEVAL")],
)
def process_depends_on_coincidence() -> None:
    """Process depends on coincidence.

    Why: ZonMw leernetwerk, hink-stap-sprong: municipal planning depends on coincidences, compartments and persons.
    Source: ZonMw — "Gemeentelijke planprocessen voor ruimtelijke inrichting hangen soms af van toevalligheden,
    verkokering en personen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-PROCES-AFHANKELIJK-VAN-TOEVAL to PRO131.
    """


@rule(
    "PRO130",
    title="Verschillende besluitvormingsstrategieën: maak ze bespreekbaar",
    when=[finding("F-VERSCHILLENDE-BESLUITVORMINGSSTRATEGIEEN")],
    then=[Recommend("I-BESLUITVORMING-BESPREKEN")],
)
def recommend_discussing_the_strategies() -> None:
    """Recommends discussing the strategies.

    Why: Common Eye, Theater van Besluit: knowing each other's preferred strategy makes deciding much easier.
    Source: Common Eye — section "Theater van Besluit – Zo speel je het".
    Not when: no guard of its own; it fires whenever F-VERSCHILLENDE-BESLUITVORMINGSSTRATEGIEEN is diagnosed, and no
    rule withholds its advice.
    """


@rule(
    "PRO131",
    title="Proces afhankelijk van toeval: veranker het in de organisaties",
    when=[finding("F-PROCES-AFHANKELIJK-VAN-TOEVAL")],
    then=[Recommend("I-PROCES-VERANKEREN")],
)
def recommend_anchoring_the_process() -> None:
    """Recommends anchoring the process.

    Why: ZonMw leernetwerk, hink-stap-sprong (tips on process, organisation and person; use key figures) and Common Eye,
    history column (trust in persons not anchored in structures).
    Source: ZonMw — "Zet sleutelfiguren in, zoals wethouders".
    Not when: no guard of its own; it fires whenever F-PROCES-AFHANKELIJK-VAN-TOEVAL is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "PRO032",
    title="Er komt een einde aan de samenwerking",
    when=[is_("process.ending", True)],
    then=[Diagnose("F-SAMENWERKING-STOPT")],
)
def collaboration_ending() -> None:
    """Collaboration ending.

    Why: Ending is a phase of its own in the documents: the PPS guide closes with evaluating and ending the
    partnership ("Fase 6: Evalueer uw PPS", "Fase 7: Beëindig uw PPS"), and the ZonMw learning network asks how the
    partners hold on to what they achieved once the money stops. A collaboration that stops without looking back
    loses what it built.
    Source: ZonMw — "Hoe houd je -nadat de subsidie is gestopt- vast aan wat bereikt is in zo’n breed
    samenwerkingsverband".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-SAMENWERKING-STOPT to PRO132.
    """


@rule(
    "PRO132",
    title="Er komt een einde aan: evalueer samen en houd vast wat bereikt is",
    when=[finding("F-SAMENWERKING-STOPT")],
    then=[
        Recommend("I-SAMEN-EVALUEREN"),
        Recommend("I-WERKWIJZE-INBEDDEN"),
        Suppress("I-MEDESTANDERS-ZOEKEN"),
        Suppress("I-NETWERK-VERBREDEN"),
    ],
)
def recommend_ending_well() -> None:
    """Recommends ending well.

    Why: The partners look back together on what went well and what less, and choose deliberately between a
    continuation and an ending (RIVM handreiking, "Evalueer de samenwerking"; the PPS's sixth and seventh phases); what
    works is embedded in the partners' regular work, so that it outlasts the collaboration (RIVM handreiking, Gezond
    Gezind: a way of working durably anchored can be continued). Advice for a start (finding allies, more partners)
    does not fit an ending.
    Source: RIVM handreiking — "Evalueer de samenwerking".
    Not when: no guard of its own; it fires whenever F-SAMENWERKING-STOPT is diagnosed. It withholds
    I-MEDESTANDERS-ZOEKEN and I-NETWERK-VERBREDEN.
    """


__all__ = [
    "collaboration_ending",
    "collaboration_not_on_the_agenda",
    "decision_strategies_differ",
    "decisions_are_hard",
    "energy_declines",
    "network_in_a_dip",
    "no_structural_meeting",
    "process_depends_on_coincidence",
    "recommend_a_structural_meeting",
    "recommend_anchoring_the_process",
    "recommend_discussing_decision_strategies",
    "recommend_discussing_the_strategies",
    "recommend_ending_well",
    "recommend_getting_off_the_ground",
    "recommend_guarding_the_process_order",
    "recommend_putting_the_collaboration_on_the_agenda",
    "recommend_renewed_energy",
    "recommend_the_four_ingredients",
    "under_time_pressure",
]
