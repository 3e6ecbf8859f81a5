"""What-if: compare two advices (two cases, one case before and after a
change, or two measurements of one collaboration over time)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model._advice import Advice, FactValue, RecommendedIntervention
from ..model._case import Case
from ..model._catalogue import SEVERITY_NAME
from ..model._errors import InputError
from ..model._loading import case_from_data, parse_value
from ..wording._dutch import and_list, count, number_word, quoted
from ..wording._value_text import format_value

# The top a what-if compares: the five places an expert reads first (the letter itself
# shows fewer priorities, DEFAULT_TOP), so a change just below the letter's top still shows.
COMPARE_TOP = 5


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
    """What changed from ``before`` to ``after`` in the whole ranking: a view of
    :func:`summarise` over every place (the one what-if model; the same moves
    and the same reasons as ``compare``'s text and the API's ``/compare``)."""
    summary = summarise(before, after, top=None)
    kinds = {"entered": "added", "left": "removed", "moved": "reranked"}
    ranked_a = {i.id: i.rank for i in before.interventions}
    moved = {c.id for c in summary.changes}
    return Comparison(
        before=summary.before_name,
        after=summary.after_name,
        facts=[FactChange(path=f.path, label=f.label, before=f.before, after=f.after) for f in summary.facts],
        findings=summary.findings,
        interventions=[
            InterventionChange(
                id=c.id,
                title=c.title,
                change=kinds[c.change],  # type: ignore[arg-type]
                before_rank=c.before_rank,
                after_rank=c.after_rank,
                reason=c.reason,
            )
            for c in summary.changes
        ],
        unchanged=[i.id for i in after.interventions if i.id in ranked_a and i.id not in moved],
    )


def _rank_key(
    iid: str, a: dict[str, RecommendedIntervention], b: dict[str, RecommendedIntervention]
) -> tuple[int, int]:
    # New order first, then what disappeared in its old order.
    return (b[iid].rank, 0) if iid in b else (10**6, a[iid].rank)


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
            raise InputError(f"--set wil VELD.PAD=WAARDE, niet {assignment!r}")
        # The case file's loader: no tags or aliases, bounded; text that is not YAML stays text.
        value = parse_value(match["value"], source=f"--set {match['path']}") if match["value"].strip() else None
        _assign(data, match["path"], value, f"--set {assignment!r}")
    return case_from_data(data, source=f"{case.name} (met --set)")


def with_answers(case: Case, answers: Mapping[str, Any]) -> Case:
    """``case`` with case-file fields set to values (``None`` unsets), e.g.
    ``{"observations.climate.declared": "conflict"}``: what a page's switches
    and selects send (see :func:`case_inputs`). Values are taken as given, not parsed."""
    data: dict[str, Any] = case.model_dump(mode="json", exclude_none=True)
    for path, value in sorted(answers.items()):
        _assign(data, path, value, f"veld {path!r}")
    return case_from_data(data, source=f"{case.name} (gewijzigd)")


def _assign(data: dict[str, Any], path: str, value: Any, where: str) -> None:
    steps: list[str | int] = []
    for token in path.split("."):
        for m in _STEP.finditer(token):
            steps.append(m.group(1) if m.group(1) else int(m.group(2)))
    if not steps or not isinstance(steps[0], str):
        raise InputError(f"{where}: het pad begint met de naam van een veld")
    target: Any = data
    for step, following in zip(steps, steps[1:], strict=False):
        if isinstance(step, int):
            if not isinstance(target, list) or step >= len(target):
                raise InputError(f"{where}: er is geen item [{step}]")
            target = target[step]
        else:
            if not isinstance(target, dict):
                raise InputError(f"{where}: {step!r} staat niet in een verzameling velden")
            target = target.setdefault(step, [] if isinstance(following, int) else {})
    last = steps[-1]
    if isinstance(last, int):
        if not isinstance(target, list) or last >= len(target):
            raise InputError(f"{where}: er is geen item [{last}]")
        target[last] = value
    elif not isinstance(target, dict):
        raise InputError(f"{where}: {last!r} staat niet in een verzameling velden")
    elif value is None:
        target.pop(last, None)
    else:
        target[last] = value


# ---------------------------------------------------------------- the trainer's summary


class ChangedFact(_M):
    path: str
    label: str = Field(description="Dutch label.")
    before: FactValue | None = Field(description="None: not known.")
    after: FactValue | None
    derived: bool = Field(description="Derived by a rule from other facts, not given in the case.")


class RankedItem(_M):
    rank: int
    id: str
    title: str


class TopChange(_M):
    """One intervention that entered the top, left it or moved within it, with the one reason why."""

    id: str
    title: str
    change: Literal["entered", "left", "moved"]
    before_rank: int | None = Field(description="None: not recommended before.")
    after_rank: int | None = Field(description="None: not recommended after.")
    minor: bool = Field(description="A move of one place within the top (views hide these unless asked).")
    reason: str = Field(description="Dutch sentence: the one reason for the change.")


class ChangeSummary(_M):
    """What-if for a trainer: the top N before and after, and what entered, left or moved, and why."""

    before_name: str
    after_name: str
    top: int = Field(description="How many places the summary covers.")
    facts: list[ChangedFact]
    findings: list[FindingChange]
    before: list[RankedItem]
    after: list[RankedItem]
    changes: list[TopChange] = Field(description="In the order of the new ranking, then what left.")


def summarise(before: Advice, after: Advice, *, top: int | None = COMPARE_TOP) -> ChangeSummary:
    """The change from ``before`` to ``after`` within the top ``top`` places (``None``: the whole ranking)."""
    n = max(len(before.interventions), len(after.interventions)) if top is None else max(top, 1)
    facts = _changed_facts(before, after)
    ranked_a = {i.id: i for i in before.interventions}
    ranked_b = {i.id: i for i in after.interventions}
    top_a = {i.id for i in before.interventions if i.rank <= n}
    top_b = {i.id for i in after.interventions if i.rank <= n}
    why = _Reasons(before, after)
    changes: list[TopChange] = []
    for iid in sorted(top_a | top_b, key=lambda i: _rank_key(i, ranked_a, ranked_b)):
        a, b = ranked_a.get(iid), ranked_b.get(iid)
        before_rank, after_rank = (a.rank if a else None), (b.rank if b else None)
        if before_rank == after_rank:
            continue
        change: Literal["entered", "left", "moved"] = (
            "moved" if iid in top_a and iid in top_b else "entered" if iid in top_b else "left"
        )
        # Entering or leaving the top is never minor, even by one place.
        minor = change == "moved" and abs((before_rank or 0) - (after_rank or 0)) == 1
        item = b or a
        assert item is not None  # iid is in one of the two tops
        changes.append(
            TopChange(
                id=iid,
                title=item.title,
                change=change,
                before_rank=before_rank,
                after_rank=after_rank,
                minor=minor,
                reason=why.of(iid),
            )
        )
    return ChangeSummary(
        before_name=before.case.name,
        after_name=after.case.name,
        top=n,
        facts=facts,
        findings=_changed_findings(before, after),
        before=[RankedItem(rank=i.rank, id=i.id, title=i.title) for i in before.interventions if i.rank <= n],
        after=[RankedItem(rank=i.rank, id=i.id, title=i.title) for i in after.interventions if i.rank <= n],
        changes=changes,
    )


def _changed_facts(before: Advice, after: Advice) -> list[ChangedFact]:
    facts_a = {f.path: f for f in before.facts}
    facts_b = {f.path: f for f in after.facts}
    derived = {f.path for f in (*before.facts, *after.facts) if f.derived_by}
    out = []
    for path in sorted(facts_a.keys() | facts_b.keys()):
        was = facts_a[path].value if path in facts_a else None
        now = facts_b[path].value if path in facts_b else None
        if was != now:
            label = (facts_b.get(path) or facts_a[path]).label
            out.append(ChangedFact(path=path, label=label, before=was, after=now, derived=path in derived))
    return out


def _changed_findings(before: Advice, after: Advice) -> list[FindingChange]:
    findings_a = {f.id: f for f in before.findings}
    findings_b = {f.id: f for f in after.findings}
    return [
        FindingChange(id=fid, title=findings_b[fid].title, change="appeared")
        for fid in sorted(findings_b.keys() - findings_a.keys())
    ] + [
        FindingChange(id=fid, title=findings_a[fid].title, change="disappeared")
        for fid in sorted(findings_a.keys() - findings_b.keys())
    ]


class _Reasons:
    """The one reason, in Dutch and without ids, why an intervention's place changed."""

    def __init__(self, before: Advice, after: Advice) -> None:
        self.a = {i.id: i for i in before.interventions}
        self.b = {i.id: i for i in after.interventions}
        self.findings_a = {f.id: f.title for f in before.findings}
        self.findings_b = {f.id: f.title for f in after.findings}
        self.suppressed_a = {s.id for s in before.suppressed}
        self.suppressed_b = {s.id: s for s in after.suppressed}

    def of(self, iid: str) -> str:
        a, b = self.a.get(iid), self.b.get(iid)
        if a is None and b is not None:
            return self._new(b)
        if b is None and a is not None:
            return self._gone(a)
        assert a is not None and b is not None
        return self._moved(a, b)

    def _new(self, b: RecommendedIntervention) -> str:
        behind = list(dict.fromkeys(f for r in b.reasons for f in r.findings))
        fresh = [f for f in behind if f not in self.findings_a] or behind
        if b.id in self.suppressed_a:
            return "wordt niet meer bewust weggelaten"
        if not fresh:
            return f"nieuw: {b.reasons[0].rule_title}"
        titles = and_list([quoted(self.findings_b[f]) for f in fresh])
        return f"nieuw, omdat {titles} nu {'geldt' if len(fresh) == 1 else 'gelden'}"

    def _gone(self, a: RecommendedIntervention) -> str:
        if a.id in self.suppressed_b:
            return "nu bewust weggelaten: " + self.suppressed_b[a.id].suppressed_by[0].reason
        gone = [f for f in dict.fromkeys(f for r in a.reasons for f in r.findings) if f not in self.findings_b]
        if gone:
            titles = and_list([quoted(self.findings_a[f]) for f in gone])
            return f"{titles} {'geldt' if len(gone) == 1 else 'gelden'} niet meer"
        return f"de regel die het aanbeval, geldt niet meer: {a.reasons[0].rule_title}"

    def _moved(self, a: RecommendedIntervention, b: RecommendedIntervention) -> str:
        pa, pb = a.priority, b.priority
        if pa.max_severity != pb.max_severity:
            now, was = SEVERITY_NAME[pb.max_severity], SEVERITY_NAME[pa.max_severity]
            return f"de zwaarste bevinding erachter is nu {now} (was {was})"
        if pa.reason_count != pb.reason_count:
            return f"nu {count(pb.reason_count, 'reden', 'redenen')} (was {number_word(pa.reason_count)})"
        if pa.position != pb.position:
            return "nu hoofdadvies van een regel" if pb.position == 0 else "nu ondersteunend advies"
        was_above = {i for i, x in self.a.items() if x.rank < a.rank}
        now_above = {i for i, x in self.b.items() if x.rank < b.rank}
        came = sorted((self.b[i] for i in now_above - was_above), key=lambda i: i.rank)
        went = sorted((self.a[i] for i in was_above - now_above), key=lambda i: i.rank)
        if b.rank > a.rank and came:
            return _displaced(came, "kwam erboven", "kwamen erboven")
        if went:
            return _displaced(went, "staat er niet meer boven", "staan er niet meer boven")
        return "de rangorde eromheen veranderde"


def _displaced(items: list[RecommendedIntervention], one: str, many: str) -> str:
    if len(items) == 1:
        return f"{quoted(items[0].title)} {one}"
    others = len(items) - 1
    return f"{quoted(items[0].title)} en nog {count(others, 'ander advies', 'andere adviezen')} {many}"


_MARK = {"entered": "+", "left": "−", "moved": "↕"}


def format_summary(s: ChangeSummary, *, show_all: bool = False) -> str:
    """The summary as Dutch text for a terminal: the top N before → after,
    then each change with its reason; moves of one place only with ``show_all``."""
    n = number_word(s.top)
    lines = [f"Vergelijking: {s.before_name} → {s.after_name}"]
    if s.facts:
        lines.append("Wat er in de casus veranderde:")
        for f in s.facts:
            label = f"{f.label} (afgeleid)" if f.derived else f.label
            lines.append(f"  {label}: {format_value(f.before, 'trainer')} → {format_value(f.after, 'trainer')}")
    if s.findings:
        lines.append("Bevindingen:")
        lines += [f"  {'+' if f.change == 'appeared' else '−'} {f.title}" for f in s.findings]
    if s.before != s.after:
        lines.append(f"Top {n} voor → na:")
        width = max((len(_place(i)) for i in s.before), default=len(_NONE))
        for k in range(max(len(s.before), len(s.after))):
            left = _place(s.before[k]) if k < len(s.before) else _NONE if k == 0 else ""
            right = _place(s.after[k]) if k < len(s.after) else _NONE if k == 0 else ""
            lines.append(f"  {left:<{width}}  →  {right}".rstrip())
    shown = [c for c in s.changes if show_all or not c.minor]
    if shown:
        lines.append(f"Wat er in de top {n} veranderde, en waarom:")
        lines += [f"  {_MARK[c.change]} {c.title}: {_move(c)}; {c.reason}" for c in shown]
    hidden = len(s.changes) - len(shown)
    if hidden:
        lines.append(f"Verborgen: {count(hidden, 'verschuiving', 'verschuivingen')} van één plaats (--all toont ze).")
    if not (s.facts or s.findings or s.changes):
        lines.append("Geen verschil in feiten, bevindingen of interventies.")
    elif not s.changes:
        lines.append(f"De top {n} blijft gelijk.")
    return "\n".join(lines) + "\n"


_NONE = "(geen advies)"


def _place(item: RankedItem) -> str:
    return f"{item.rank}. {item.title}"


def _move(c: TopChange) -> str:
    if c.before_rank is None:
        return f"nieuw op plaats {c.after_rank}"
    if c.after_rank is None:
        return f"vervalt (was plaats {c.before_rank})"
    if c.change == "left":
        return f"uit de top (plaats {c.before_rank} → {c.after_rank})"
    if c.change == "entered":
        return f"in de top (plaats {c.before_rank} → {c.after_rank})"
    return f"plaats {c.before_rank} → {c.after_rank}"


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


__all__ = [
    "ChangeSummary",
    "ChangedFact",
    "Comparison",
    "RankedItem",
    "TopChange",
    "compare",
    "format_comparison",
    "format_summary",
    "summarise",
    "with_answers",
    "with_changes",
]
