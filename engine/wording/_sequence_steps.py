"""Which steps of a source's sequence a letter gives as priorities, when the sequence is longer than the
letter's priorities: a later step that serves an observed problem of its own goes ahead of an earlier step that
serves no observed problem the other priorities do not already serve.

The netwerkdip's four ingredients (Common Eye) filled a letter's three priorities with the first three, and the
case's sharpest symptom, "de voorzitter en de netwerkcoördinator trekken alles", was only in *Ook het overwegen
waard* under the fourth (the senior advisor's review of 2026-12-07). The ranking keeps the source's order; this is
the letter's choice of three, as :meth:`Composer._one_of_each` is.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model._advice import FindingResult, RecommendedIntervention

__all__ = ["with_own_problems_first"]


def _observed(i: RecommendedIntervention, findings: Mapping[str, FindingResult]) -> set[str]:
    return {f for r in i.reasons for f in r.findings if f in findings and findings[f].package is None}


def with_own_problems_first(
    top: list[RecommendedIntervention], rest: list[RecommendedIntervention], findings: Mapping[str, FindingResult]
) -> tuple[list[RecommendedIntervention], list[RecommendedIntervention]]:
    """(the letter's priorities, the rest), a sequence's later step swapped in where it brings a problem of its own."""
    top, rest = list(top), list(rest)
    for later in [i for i in rest if i.sequence is not None]:
        served = set().union(*(_observed(t, findings) for t in top))
        if not _observed(later, findings) - served:
            continue
        # An earlier step of the same sequence (never the first priority) whose problems the others serve too.
        spare = [
            t
            for t in top[1:]
            if t.sequence == later.sequence
            and _observed(t, findings) <= set().union(*(_observed(u, findings) for u in top if u is not t))
        ]
        if spare:
            out = spare[-1]
            top[top.index(out)] = later
            rest[rest.index(later)] = out
    return top, rest
