"""The funding: a subsidy and its end, continuation beyond it, and showing results in time (package
financiering).
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
    rule,
    unknown,
)

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
    """Subsidy needs a continuation.

    Why: ZonMw leernetwerk: sustainable collaboration means continuing after the subsidy stops, and that needs work long
    before. Any subsidy calls for planning the continuation; the twelve-month horizon (SUB001) only makes it urgent. An
    unknown end date is no distant one.
    Source: ZonMw — "Voor de zeven consortia betekent het: blijven samenwerken, ook als de subsidie stopt. Omdat ze nog
    steeds iets voor elkaar kunnen betekenen."
    Not when: `funding.continuation_plan` is true; nor when `funding.months_left` is known and at most the threshold
    `subsidy_horizon_months`. It leaves what to do about F-SUBSIDIE-VERVOLG-PLANNEN to SIT160.
    """


@rule(
    "SIT160",
    title="Subsidie: maak op tijd een plan voor daarna en laat de effecten zien",
    when=[finding("F-SUBSIDIE-VERVOLG-PLANNEN")],
    then=[Recommend("I-VERVOLG-NA-SUBSIDIE"), Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_planning_the_continuation() -> None:
    """Recommends planning the continuation.

    Why: ZonMw leernetwerk: keep collaborating when the subsidy stops; HAN toolbox: shown effects give the collaboration
    a permanent character.
    Source: ZonMw — "Duurzaam samenwerken is dat je op de lange termijn samenwerkt, op regelmatige basis."
    Not when: no guard of its own; it fires whenever F-SUBSIDIE-VERVOLG-PLANNEN is diagnosed, and no rule withholds its
    advice.
    """


@rule(
    "SIT061",
    title="Subsidie met een plan voor daarna, maar resultaten die niet of niet bekend zichtbaar zijn",
    when=[is_("funding.subsidy", True), is_("funding.continuation_plan", True), not_true("results.visible")],
    then=[Diagnose("F-SUBSIDIE-RESULTATEN-TONEN")],
)
def subsidy_results_to_show() -> None:
    """Subsidy results to show.

    Why: HAN toolbox: showing the effects gives a collaboration a permanent character; Common Eye (netwerkdip): partners
    must show financiers what their effort yields. A plan for after the subsidy still needs the results shown in time.
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen."
    Not when: `results.visible` is true. It leaves what to do about F-SUBSIDIE-RESULTATEN-TONEN to SIT161.
    """


@rule(
    "SIT161",
    title="Subsidie met een plan: maak de effecten op tijd zichtbaar",
    when=[finding("F-SUBSIDIE-RESULTATEN-TONEN")],
    then=[Recommend("I-EFFECTEN-ZICHTBAAR-MAKEN")],
)
def recommend_showing_results_in_time() -> None:
    """Recommends showing results in time.

    Why: Who wants to continue after the subsidy must show in time what the collaboration yields; an effectencalculatie
    can give it a permanent character (HAN toolbox, Verankeren).
    Source: HAN toolbox — "Bijvoorbeeld door het laten zien van de effecten met behulp van een effectencalculatie, kan
    een samenwerking een permanent karakter krijgen."
    Not when: no guard of its own; it fires whenever F-SUBSIDIE-RESULTATEN-TONEN is diagnosed, and no rule withholds its
    advice.
    """


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
    """Subsidy applied for together.

    Why: RIVM handreiking, Draagvlak is een werkwoord: "Duidelijke afspraken over rollen, taken, tijd en geld"; Common
    Eye: a network's rules of play include how the partners deal with the financing of and within the network. A
    partnership that applies for a subsidy together shares money from the start. Silent once it is known whether
    capacity and money are uncertain (SUB diagnoses the uncertainty that is known).
    Source: RIVM handreiking — "Duidelijke afspraken over rollen, taken, tijd en geld".
    Not when: `funding.capacity_money_uncertain` is known. It leaves what to do about F-SUBSIDIE-SAMEN-AANGEVRAAGD to
    SIT162.
    """


@rule(
    "SIT162",
    title="Samen subsidie aangevraagd: spreek af wat ieder inbrengt aan capaciteit en geld",
    when=[finding("F-SUBSIDIE-SAMEN-AANGEVRAAGD")],
    then=[Recommend("I-INBRENG-EN-FINANCIERING-AFSPREKEN")],
)
def recommend_agreements_on_financing() -> None:
    """Recommends agreements on financing.

    Why: Partners who applied for a subsidy together agree what each brings in capacity and money: clear agreements on
    roles, tasks, time and money (RIVM handreiking).
    Source: RIVM handreiking — "Duidelijke afspraken over rollen, taken, tijd en geld".
    Not when: no guard of its own; it fires whenever F-SUBSIDIE-SAMEN-AANGEVRAAGD is diagnosed, and no rule withholds
    its advice.
    """


__all__ = [
    "recommend_agreements_on_financing",
    "recommend_planning_the_continuation",
    "recommend_showing_results_in_time",
    "subsidy_applied_for_together",
    "subsidy_needs_a_continuation",
    "subsidy_results_to_show",
]
