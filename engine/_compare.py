"""What-if: compare two advices (two cases, one case before and after a
change, or two measurements of one collaboration over time)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ._advice import Advice, FactValue, RecommendedIntervention
from ._case import Case
from ._catalogue import SEVERITY_NAME
from ._errors import InputError
from ._loading import case_from_data, parse_value
from ._value_text import format_value


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactChange(_M):
    path: str
    label: str
    before: FactValue | None
    after: FactValue | None


class FindingChange(_M):
    id: str
    title: str
    change: Literal["appeared", "disappeared"]


class InterventionChange(_M):
    id: str
    title: str
    change: Literal["added", "removed", "reranked"]
    before_rank: int | None
    after_rank: int | None
    reason: str


class Comparison(_M):
    before: str
    after: str
    facts: list[FactChange]
    findings: list[FindingChange]
    interventions: list[InterventionChange]
    unchanged: list[str]


def compare(before: Advice, after: Advice) -> Comparison:
    """What changed from ``before`` to ``after``, with the reason for each change."""
    facts_a = {f.path: f for f in before.facts}
    facts_b = {f.path: f for f in after.facts}
    fact_changes = [
        FactChange(
            path=path,
            label=(facts_b.get(path) or facts_a[path]).label,
            before=facts_a[path].value if path in facts_a else None,
            after=facts_b[path].value if path in facts_b else None,
        )
        for path in sorted(facts_a.keys() | facts_b.keys())
        if (facts_a[path].value if path in facts_a else None) != (facts_b[path].value if path in facts_b else None)
    ]
    findings_a = {f.id: f for f in before.findings}
    findings_b = {f.id: f for f in after.findings}
    finding_changes = [
        FindingChange(id=fid, title=findings_b[fid].title, change="appeared")
        for fid in sorted(findings_b.keys() - findings_a.keys())
    ] + [
        FindingChange(id=fid, title=findings_a[fid].title, change="disappeared")
        for fid in sorted(findings_a.keys() - findings_b.keys())
    ]

    ranked_a = {i.id: i for i in before.interventions}
    ranked_b = {i.id: i for i in after.interventions}
    suppressed_b = {s.id: s for s in after.suppressed}
    changes: list[InterventionChange] = []
    unchanged: list[str] = []
    for iid in sorted(ranked_a.keys() | ranked_b.keys(), key=lambda i: _rank_key(i, ranked_a, ranked_b)):
        a, b = ranked_a.get(iid), ranked_b.get(iid)
        if a is None and b is not None:
            reason = "nieuw, vanwege: " + _findings_text(b, findings_b)
            changes.append(_change(b, "added", None, b.rank, reason))
        elif b is None and a is not None:
            if iid in suppressed_b:
                reason = "nu bewust weggelaten: " + " ".join(s.reason for s in suppressed_b[iid].suppressed_by)
            else:
                gone = [f for r in a.reasons for f in r.findings if f not in findings_b]
                reason = "de bevinding waarop het berustte is weggevallen: " + ", ".join(
                    f"{f} ({findings_a[f].title})" for f in dict.fromkeys(gone)
                )
            changes.append(_change(a, "removed", a.rank, None, reason))
        elif a is not None and b is not None:
            if a.rank == b.rank:
                unchanged.append(iid)
            else:
                changes.append(_change(b, "reranked", a.rank, b.rank, _rerank_reason(a, b, ranked_a, ranked_b)))
    return Comparison(
        before=before.case.name,
        after=after.case.name,
        facts=fact_changes,
        findings=finding_changes,
        interventions=changes,
        unchanged=unchanged,
    )


def _rank_key(
    iid: str, a: dict[str, RecommendedIntervention], b: dict[str, RecommendedIntervention]
) -> tuple[int, int]:
    # New order first, then what disappeared in its old order.
    return (b[iid].rank, 0) if iid in b else (10**6, a[iid].rank)


def _change(
    item: RecommendedIntervention, change: str, before: int | None, after: int | None, reason: str
) -> InterventionChange:
    return InterventionChange(
        id=item.id,
        title=item.title,
        change=change,  # type: ignore[arg-type]
        before_rank=before,
        after_rank=after,
        reason=reason,
    )


def _findings_text(item: RecommendedIntervention, findings: dict[str, Any]) -> str:
    ids = list(dict.fromkeys(f for r in item.reasons for f in r.findings))
    return ", ".join(f"{f} ({findings[f].title})" for f in ids) or ", ".join(r.rule for r in item.reasons)


def _rerank_reason(
    a: RecommendedIntervention,
    b: RecommendedIntervention,
    ranked_a: dict[str, RecommendedIntervention],
    ranked_b: dict[str, RecommendedIntervention],
) -> str:
    parts = []
    if a.priority.urgent != b.priority.urgent:
        parts.append("nu urgent" if b.priority.urgent else "niet meer urgent")
    if a.serves_with != b.serves_with:
        was = f"geen uitwerking meer van {a.serves_with}"
        parts.append(f"nu uitwerking van {b.serves_with}" if b.serves_with else was)
    if a.priority.max_severity != b.priority.max_severity:
        now, was = SEVERITY_NAME[b.priority.max_severity], SEVERITY_NAME[a.priority.max_severity]
        parts.append(f"zwaarste bevinding nu {now} (was {was})")
    if a.priority.reason_count != b.priority.reason_count:
        parts.append(f"nu {b.priority.reason_count} redenen (was {a.priority.reason_count})")
    if a.priority.position != b.priority.position:
        parts.append("nu hoofdadvies van een regel" if b.priority.position == 0 else "nu ondersteunend advies")
    above_b = {i for i, x in ranked_b.items() if x.rank < b.rank}
    above_a = {i for i, x in ranked_a.items() if x.rank < a.rank}
    if above_b - above_a:
        parts.append("erboven kwam: " + ", ".join(sorted(above_b - above_a)))
    if above_a - above_b:
        parts.append("niet meer erboven: " + ", ".join(sorted(above_a - above_b)))
    return "; ".join(parts)


_ASSIGNMENT = re.compile(r"^(?P<path>[A-Za-z_][\w.\[\]]*)=(?P<value>.*)$", re.DOTALL)
_STEP = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")


def with_changes(case: Case, assignments: list[str]) -> Case:
    """``case`` with fields set by ``path=value`` assignments, e.g.
    ``observations.climate.declared=conflict`` or ``partners[0].kind=ggd``;
    values are read as YAML (``false``, ``6``, ``[a, b]``, ``null`` to unset)."""
    data: dict[str, Any] = case.model_dump(mode="json", exclude_none=True)
    for assignment in assignments:
        match = _ASSIGNMENT.match(assignment.strip())
        if not match:
            raise InputError(f"--set needs FIELD.PATH=VALUE, not {assignment!r}")
        # The case file's loader: no tags or aliases, bounded; text that is not YAML stays text.
        value = parse_value(match["value"], source=f"--set {match['path']}") if match["value"].strip() else None
        _assign(data, match["path"], value, assignment)
    return case_from_data(data, source=f"{case.name} (met --set)")


def _assign(data: dict[str, Any], path: str, value: Any, assignment: str) -> None:
    steps: list[str | int] = []
    for token in path.split("."):
        for m in _STEP.finditer(token):
            steps.append(m.group(1) if m.group(1) else int(m.group(2)))
    if not steps or not isinstance(steps[0], str):
        raise InputError(f"--set {assignment!r}: the path must start with a field name")
    target: Any = data
    for step, following in zip(steps, steps[1:], strict=False):
        if isinstance(step, int):
            if not isinstance(target, list) or step >= len(target):
                raise InputError(f"--set {assignment!r}: there is no item [{step}]")
            target = target[step]
        else:
            if not isinstance(target, dict):
                raise InputError(f"--set {assignment!r}: {step!r} is not inside a mapping")
            target = target.setdefault(step, [] if isinstance(following, int) else {})
    last = steps[-1]
    if isinstance(last, int):
        if not isinstance(target, list) or last >= len(target):
            raise InputError(f"--set {assignment!r}: there is no item [{last}]")
        target[last] = value
    elif value is None:
        target.pop(last, None)
    else:
        target[last] = value


def format_comparison(c: Comparison) -> str:
    """The comparison as Dutch text for a terminal."""
    lines = [f"Vergelijking: {c.before} → {c.after}"]
    if c.facts:
        lines.append("Feiten die veranderden:")
        lines += [
            f"  {f.path}: {format_value(f.before, 'trainer')} → {format_value(f.after, 'trainer')}  ({f.label})"
            for f in c.facts
        ]
    if c.findings:
        lines.append("Bevindingen:")
        lines += [f"  {'+' if f.change == 'appeared' else '-'} {f.id} {f.title}" for f in c.findings]
    if c.interventions:
        lines.append("Interventies:")
        for i in c.interventions:
            if i.change == "added":
                lines.append(f"  + {i.id} {i.title}: nieuw op plaats {i.after_rank}; {i.reason}")
            elif i.change == "removed":
                lines.append(f"  - {i.id} {i.title}: vervalt (was plaats {i.before_rank}); {i.reason}")
            else:
                lines.append(f"  ↕ {i.id} {i.title}: plaats {i.before_rank} → {i.after_rank}; {i.reason}")
    if not (c.facts or c.findings or c.interventions):
        lines.append("Geen verschil in feiten, bevindingen of interventies.")
    elif c.unchanged:
        lines.append(f"Ongewijzigd: {len(c.unchanged)} {'interventie' if len(c.unchanged) == 1 else 'interventies'}.")
    return "\n".join(lines) + "\n"


__all__ = ["Comparison", "compare", "format_comparison", "with_changes"]
