"""Results and evaluation: are results and effects visible and shared, were there early successes, has
the collaboration been evaluated, are its results embedded in the partners' regular work.

An answer that shows a gap is an observed problem. While the answer is open, the documents' standard
advice for a collaboration past its start still enters, as advice from the situation (package
``resultaten``), below every observed problem.
"""

from __future__ import annotations

from ..dsl import Diagnose, Recommend, any_of, finding, is_, one_of, rule, unknown

_UNDER_WAY = one_of("context.phase", "verdiepen", "verankeren")


@rule(
    "RES001",
    title="De resultaten zijn niet zichtbaar of niet gedeeld",
    when=[is_("results.visible", False)],
    then=[Diagnose("F-RESULTATEN-NIET-ZICHTBAAR")],
)
def results_not_visible() -> None:
    """Results not visible.

    Why: HAN toolbox: showing the effects (an effectencalculatie) gives a collaboration a permanent character; RIVM
    handreiking: share and celebrate successes; Common Eye (netwerkdip): partners must show what their effort yields.
    Source: Common Eye — section "Regionale netwerken voor zorg en welzijn – De ‘netwerkdip’".
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-RESULTATEN-NIET-ZICHTBAAR to RES101 and RES111.
    """


@rule(
    "RES101",
    title="Resultaten niet zichtbaar: maak de effecten zichtbaar",
    when=[finding("F-RESULTATEN-NIET-ZICHTBAAR")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_showing_results() -> None:
    """Recommends showing results.

    Why: HAN toolbox (effectencalculatie): where results are not visible, the first thing is to make the effects
    visible. Celebrating successes needs successes to celebrate: RES111 adds it when early successes are known.
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen."
    Not when: no guard of its own; it fires whenever F-RESULTATEN-NIET-ZICHTBAAR is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "RES111",
    title="Resultaten niet zichtbaar, maar wel vroege successen: deel en vier ze",
    when=[finding("F-RESULTATEN-NIET-ZICHTBAAR"), is_("results.early_successes", True)],
    then=[Recommend("I-SUCCESSEN-DELEN-EN-VIEREN")],
)
def recommend_sharing_unseen_successes() -> None:
    """Recommends sharing unseen successes.

    Why: RIVM handreiking, Draagvlak is een werkwoord: "Deel successen", "Vier successen": successes that exist but are
    not seen by the partners and financiers are shared.
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: `results.early_successes` is not true.
    """


@rule(
    "RES002",
    title="Er zijn nog geen vroege successen, terwijl de samenwerking al vorm krijgt",
    when=[
        is_("results.early_successes", False),
        any_of(one_of("context.phase", "vormgeven", "verdiepen", "verankeren"), unknown("context.phase")),
    ],
    then=[Diagnose("F-GEEN-VROEGE-SUCCESSEN")],
)
def no_early_successes() -> None:
    """No early successes.

    Why: RIVM handreiking: intersectoral work gets going with something concrete ("Aan de slag: start met iets
    concreets"), and a shared trigger; Common Eye: sub-coalitions on concrete issues give motivation and trust. While a
    collaboration still explores, no success yet is no problem.
    Source: RIVM handreiking — "Aan de slag: start met iets concreets en onderhoud de relaties".
    Not when: `context.phase` is known and none of 'vormgeven', 'verdiepen', 'verankeren'. It leaves what to do about
    F-GEEN-VROEGE-SUCCESSEN to RES102.
    """


@rule(
    "RES102",
    title="Geen vroege successen: begin met iets concreets",
    when=[finding("F-GEEN-VROEGE-SUCCESSEN")],
    then=[Recommend("I-CONCREET-BEGINNEN")],
)
def recommend_a_concrete_start() -> None:
    """Recommends a concrete start.

    Why: Without early successes the partners start with something concrete, a shared trigger, and keep up the relations
    meanwhile (RIVM handreiking).
    Source: RIVM handreiking — "Zoek een trigger waar je gezamenlijk voor gaat."
    Not when: no guard of its own; it fires whenever F-GEEN-VROEGE-SUCCESSEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "RES003",
    title="Er zijn vroege successen, en of ze zijn gedeeld is niet bekend",
    when=[is_("results.early_successes", True), unknown("results.visible")],
    then=[Diagnose("F-SUCCESSEN-NOG-TE-DELEN")],
)
def successes_to_share() -> None:
    """Successes to share.

    Why: RIVM handreiking, Draagvlak is een werkwoord: "Deel successen", "Vier successen"; and borg the joint successes.
    A success is worth sharing whether or not a problem is observed.
    Source: RIVM handreiking — "Deel successen".
    Not when: `results.visible` is known. It leaves what to do about F-SUCCESSEN-NOG-TE-DELEN to RES103.
    """


@rule(
    "RES103",
    title="Vroege successen: deel en vier ze",
    when=[finding("F-SUCCESSEN-NOG-TE-DELEN")],
    then=[Recommend("I-SUCCESSEN-DELEN-EN-VIEREN")],
)
def recommend_sharing_successes() -> None:
    """Recommends sharing successes.

    Why: Sharing and celebrating successes keeps the partners motivated and shows what the collaboration brings (RIVM
    handreiking).
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: no guard of its own; it fires whenever F-SUCCESSEN-NOG-TE-DELEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "RES004",
    title="De samenwerking krijgt al vorm of loopt, maar is niet samen geëvalueerd",
    when=[
        is_("results.evaluated", False),
        any_of(one_of("context.phase", "vormgeven", "verdiepen", "verankeren"), unknown("context.phase")),
    ],
    then=[Diagnose("F-NIET-GEEVALUEERD")],
)
def not_evaluated() -> None:
    """Not evaluated.

    Why: RIVM handreiking: "Evalueer de samenwerking" (and a PPS's sixth phase, "Evalueer uw PPS"); Common Eye: take
    stock together from time to time, and do not wait for problems. The handreiking lists evaluating among the steps of
    "Samenwerking vormgeven en onderhouden", so a collaboration that is being shaped and is known not to look back
    together gets the advice too; only one still exploring has nothing to evaluate yet.
    Source: RIVM handreiking — "Evalueer de samenwerking".
    Not when: `context.phase` is known and none of 'vormgeven', 'verdiepen', 'verankeren'. It leaves what to do about
    F-NIET-GEEVALUEERD to RES104.
    """


@rule(
    "RES104",
    title="Niet geëvalueerd: evalueer samen en kies bewust het vervolg",
    when=[finding("F-NIET-GEEVALUEERD")],
    then=[Recommend("I-SAMEN-EVALUEREN")],
)
def recommend_evaluating() -> None:
    """Recommends evaluating.

    Why: Evaluating the collaboration from time to time, and together, shows what it brings and what must change (RIVM
    handreiking; Common Eye, 'Van tijd tot tijd de balans opmaken').
    Source: RIVM handreiking — "Fase 6: Evalueer uw PPS".
    Not when: no guard of its own; it fires whenever F-NIET-GEEVALUEERD is diagnosed, and no rule withholds its advice.
    """


@rule(
    "RES005",
    title="De samenwerking verdiept of verankert zich, en of zij samen is geëvalueerd is niet bekend",
    when=[_UNDER_WAY, unknown("results.evaluated")],
    then=[Diagnose("F-EVALUATIE-ONBEKEND")],
)
def evaluation_unknown() -> None:
    """Evaluation unknown.

    Why: RIVM handreiking: evaluating the collaboration is one of the basic steps of shaping and maintaining it; for a
    collaboration past its start that advice stands while nobody knows of an evaluation.
    Source: Common Eye — "Wacht niet tot er eenmaal problemen zijn."
    Not when: `results.evaluated` is known. It leaves what to do about F-EVALUATIE-ONBEKEND to RES105.
    """


@rule(
    "RES105",
    title="Evaluatie onbekend: evalueer samen en kies bewust het vervolg",
    when=[finding("F-EVALUATIE-ONBEKEND")],
    then=[Recommend("I-SAMEN-EVALUEREN")],
)
def recommend_evaluating_when_unknown() -> None:
    """Recommends evaluating when unknown.

    Why: When nobody knows whether the collaboration was evaluated, evaluating it together is the advice (RIVM
    handreiking, "Evalueer de samenwerking"; Common Eye, taking stock together).
    Source: RIVM handreiking — "Fase 6: Evalueer uw PPS".
    Not when: no guard of its own; it fires whenever F-EVALUATIE-ONBEKEND is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "RES006",
    title="De resultaten zijn niet of maar deels ingebed in het reguliere werk",
    when=[one_of("results.embedded", "nee", "deels"), any_of(_UNDER_WAY, unknown("context.phase"))],
    then=[Diagnose("F-RESULTATEN-NIET-INGEBED")],
)
def results_not_embedded() -> None:
    """Results not embedded.

    Why: HAN toolbox: showing the effects can give a collaboration a permanent character; RIVM handreiking (Gezond
    Gezind): a way of working durably anchored can be transferred and continued; Goed Bezig: someone keeps giving
    impulses. Early on, results not yet embedded are no problem.
    Source: ZonMw — section "Inleiding".
    Not when: `context.phase` is known and none of 'verdiepen', 'verankeren'. It leaves what to do about
    F-RESULTATEN-NIET-INGEBED to RES106.
    """


@rule(
    "RES106",
    title="Niet ingebed: bed de werkwijze en de resultaten in het reguliere werk in",
    when=[finding("F-RESULTATEN-NIET-INGEBED")],
    then=[Recommend("I-WERKWIJZE-INBEDDEN"), Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_embedding() -> None:
    """Recommends embedding.

    Why: Results are embedded by showing their effects, which can give a collaboration a permanent character, and by
    securing the joint successes (HAN toolbox, effectencalculatie; RIVM handreiking).
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen."
    Not when: no guard of its own; it fires whenever F-RESULTATEN-NIET-INGEBED is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "RES010",
    title="De samenwerking verdiept zich met zichtbare resultaten, en of die zijn ingebed is niet bekend",
    when=[is_("context.phase", "verdiepen"), is_("results.visible", True), unknown("results.embedded")],
    then=[Diagnose("F-RESULTATEN-NOG-TE-VERANKEREN")],
)
def visible_results_not_yet_anchored() -> None:
    """Visible results not yet anchored.

    Why: RIVM handreiking (Gezond Gezind): what counts is "de ontwikkelde werkwijze die duurzaam verankerd lijkt te
    zijn"; a pilot that shows what works moves to structural work. Silent once the embedding is known (RES006 diagnoses
    a known gap) and in anchoring, where SIT123 already gives the embedding.
    Source: RIVM handreiking — "Overdraagbaar - het belangrijkste is de ontwikkelde werkwijze die duurzaam verankerd
    lijkt te zijn en daarmee overdraagbaar en continueerbaar is."
    Not when: `results.embedded` is known. It leaves what to do about F-RESULTATEN-NOG-TE-VERANKEREN to RES110.
    """


@rule(
    "RES110",
    title="Zichtbare resultaten, nog niet verankerd: borg de werkwijze in de organisaties",
    when=[finding("F-RESULTATEN-NOG-TE-VERANKEREN")],
    then=[Recommend("I-PROCES-VERANKEREN"), Recommend("I-WERKWIJZE-INBEDDEN")],
)
def recommend_anchoring_what_works() -> None:
    """Recommends anchoring what works.

    Why: Common Eye column: too much trust in personal relations "waardoor deze niet werden geborgd in bestaande
    structuren"; ZonMw leernetwerk (Hink-stap-sprong): "Zet sleutelfiguren in, zoals wethouders"; as support, the way of
    working embedded in regular work (RIVM handreiking, Gezond Gezind).
    Source: Common Eye — "Daarnaast was er te veel vertrouwen in persoonlijke relaties, waardoor deze niet werden
    geborgd in bestaande structuren."
    Not when: no guard of its own; it fires whenever F-RESULTATEN-NOG-TE-VERANKEREN is diagnosed, and no rule withholds
    its advice.
    """


@rule(
    "RES007",
    title="De samenwerking wordt verankerd, en of de resultaten zichtbaar zijn is niet bekend",
    when=[is_("context.phase", "verankeren"), unknown("results.visible")],
    then=[Diagnose("F-RESULTATEN-ONBEKEND")],
)
def results_unknown() -> None:
    """Results unknown.

    Why: HAN toolbox: in anchoring, showing the effects is what gives a collaboration a permanent character; that advice
    stands while nobody knows whether the results are visible (also when the results are embedded and SIT023 is silent).
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen."
    Not when: `results.visible` is known. It leaves what to do about F-RESULTATEN-ONBEKEND to RES107.
    """


@rule(
    "RES107",
    title="Resultaten onbekend: maak de effecten zichtbaar",
    when=[finding("F-RESULTATEN-ONBEKEND")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_showing_effects_when_unknown() -> None:
    """Recommends showing effects when unknown.

    Why: Showing the effects, for instance with an effectencalculatie, can give a collaboration a permanent character
    when it is being anchored (HAN toolbox, Verankeren).
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen."
    Not when: no guard of its own; it fires whenever F-RESULTATEN-ONBEKEND is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "RES008",
    title=(
        "Een netwerk of consortium dat zich verdiept of verankert; of het zijn waarde breder ziet dan geld,"
        " is niet bekend"
    ),
    when=[one_of("context.type", "netwerk", "consortium"), _UNDER_WAY, unknown("ambition.value_only_financial")],
    then=[Diagnose("F-NETWERKWAARDE-NOG-NIET-BEPAALD")],
)
def network_value_not_yet_set() -> None:
    """Network value not yet set.

    Why: Common Eye, creating network value: a one-sided focus on financial effect motivates professionals too little;
    networks that keep paying attention to economic, cultural and social capital add more value. A consortium is such a
    network of organisations (ZonMw leernetwerk: "zo’n breed samenwerkingsverband van hele diverse partners uit de
    ‘werelden’ van ruimte en gezondheid, wetenschap en praktijk"), whose knowledge and relations are its cultural and
    social capital. When the value is known to be only financial, AMB007 diagnoses the problem.
    Source: Common Eye — "Echter, een eenzijdige focus op financieel effect motiveert professionals onvoldoende en
    burgers merken er niet veel van."
    Not when: `context.phase` is unknown or none of 'verdiepen', 'verankeren'; nor when `ambition.value_only_financial`
    is known. It leaves what to do about F-NETWERKWAARDE-NOG-NIET-BEPAALD to RES108.
    """


@rule(
    "RES108",
    title="Netwerkwaarde: bepaal de waarde langs drie soorten kapitaal",
    when=[finding("F-NETWERKWAARDE-NOG-NIET-BEPAALD")],
    then=[Recommend("I-NETWERKWAARDE-DRIE-KAPITALEN")],
)
def recommend_three_capitals_for_a_network() -> None:
    """Recommends three capitals for a network.

    Why: A network's value is judged in economic, cultural and social capital, not in money alone (Common Eye, after
    Bourdieu).
    Source: Common Eye — section "Regionale netwerken voor zorg en welzijn – Samen creëren van netwerkwaarde".
    Not when: no guard of its own; it fires whenever F-NETWERKWAARDE-NOG-NIET-BEPAALD is diagnosed, and no rule
    withholds its advice.
    """


@rule(
    "RES009",
    title="De resultaten zijn zichtbaar of de samenwerking is samen geëvalueerd: deel en vier de successen",
    when=[any_of(is_("results.visible", True), is_("results.evaluated", True))],
    then=[Diagnose("F-SUCCESSEN-TE-VIEREN")],
)
def successes_to_celebrate() -> None:
    """Successes to celebrate.

    Why: RIVM handreiking, Draagvlak is een werkwoord: "Deel successen", "Vier successen", and "En borg je gezamenlijke
    successen"; Common Eye: partners must show financiers what their effort yields. Visible or evaluated results are
    good news, and the documents' advice for good news is to share and celebrate it, whatever else is observed.
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: no guard of its own; it fires whenever its conditions hold. It leaves what to do about
    F-SUCCESSEN-TE-VIEREN to RES109.
    """


@rule(
    "RES109",
    title="Zichtbare resultaten: deel en vier de successen",
    when=[finding("F-SUCCESSEN-TE-VIEREN")],
    then=[Recommend("I-SUCCESSEN-DELEN-EN-VIEREN")],
)
def recommend_celebrating_successes() -> None:
    """Recommends celebrating successes.

    Why: Successes that are shared and celebrated keep the collaboration going (RIVM handreiking: "Deel successen",
    "Vier successen").
    Source: RIVM handreiking — "En borg je gezamenlijke successen."
    Not when: no guard of its own; it fires whenever F-SUCCESSEN-TE-VIEREN is diagnosed, and no rule withholds its
    advice.
    """


__all__ = [
    "evaluation_unknown",
    "network_value_not_yet_set",
    "no_early_successes",
    "not_evaluated",
    "recommend_a_concrete_start",
    "recommend_anchoring_what_works",
    "recommend_celebrating_successes",
    "recommend_embedding",
    "recommend_evaluating",
    "recommend_evaluating_when_unknown",
    "recommend_sharing_successes",
    "recommend_sharing_unseen_successes",
    "recommend_showing_effects_when_unknown",
    "recommend_showing_results",
    "recommend_three_capitals_for_a_network",
    "results_not_embedded",
    "results_not_visible",
    "results_unknown",
    "successes_to_celebrate",
    "successes_to_share",
    "visible_results_not_yet_anchored",
]
