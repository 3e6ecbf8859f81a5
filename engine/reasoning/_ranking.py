"""Priority is computed from the knowledge, never taken from firing order.

The model is data, ``knowledge/ranking.yaml``, with the sources it follows:

1. a key per intervention, compared criterion by criterion: urgency (it serves
   a finding the model calls urgent: a deadline inside the horizon, an
   escalated climate), its standing (it serves an observed problem, or only
   findings that rest on the situation: the kind of collaboration, the phase,
   the party mix, the funding, maintenance, results), the severity of its most
   serious finding, its tier
   (``knowledge/tiers.yaml``), main advice before support, how many rules
   recommend it, the Common Eye condition it serves, its place in the knowledge
   (the order of ``criteria`` in the file);
2. a source's sequence of steps stays together, in the source's order, at
   the place of its best-ranked step;
3. the documents' "before" relations are constraints on that order (e.g.
   de-escalate before anything structural in a conflict; content before form);
4. one intervention per problem in the top: one that serves only findings
   already served above it moves after every intervention with a problem of
   its own, as a "how" of the first one above it that serves the same finding
   (findings the model calls one problem, ``same_problem``, count as one);
5. advice from the situation comes after every observed problem and its "hows";
   of each package one item goes ahead, a second one of the same package (a
   source's sequence counting as one) moves after the others; the items that go
   ahead come before the "hows" of a light problem (``ahead_of_hows_up_to``), so
   that one light problem does not fill the top with its own steps.

Each placed intervention carries the Dutch sentence saying what decided its place.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence, Set
from dataclasses import dataclass, field

from ..model._advice import Priority, Reason
from ..model._catalogue import Catalogue
from ..model._vocabulary import SEVERITY_WEIGHT, Precedence
from ..model._vocabulary import Sequence as StepSequence
from ..rules.dsl import Recommend, RuleSpec

SortKey = tuple[int, ...]


def priority(
    intervention_id: str,
    reasons: Sequence[Reason],
    kb: Catalogue,
    rules: Mapping[str, RuleSpec],
    *,
    question_leads: bool = False,
) -> Priority:
    """``question_leads``: nothing observed points at a problem, so the collaboration's own question (its asked
    findings) stands where a problem would: its advice goes ahead of the sources' general advice."""
    observed = [
        r
        for r in reasons
        if any(kb.finding[f].package is None or (question_leads and kb.finding[f].asked) for f in r.findings)
    ]
    situational = bool(reasons) and not observed and all(r.findings for r in reasons)
    # An intervention serving an observed problem ranks on those reasons alone: advice from the situation
    # adds no weight to it (no extra reason, no main-advice position, no condition).
    reasons = observed or reasons
    findings = sorted({f for r in reasons for f in r.findings})
    severity = max((SEVERITY_WEIGHT[kb.finding[f].severity] for f in findings), default=0)
    positions = [_recommends(rules[r.rule]).index(intervention_id) for r in reasons]
    condition_rank = kb.condition_rank
    worst = [f for f in findings if SEVERITY_WEIGHT[kb.finding[f].severity] == severity]
    urgent = kb.urgent_findings
    return Priority(
        situational=situational,
        tier_rank=kb.tier_rank[kb.intervention[intervention_id].tier],
        max_severity=severity,
        reason_count=len(reasons),
        position=min(positions),
        urgent=bool(urgent.intersection(findings)),
        condition_rank=min((condition_rank[kb.finding[f].condition] for f in worst), default=len(kb.conditions)),
        catalogue_rank=kb.intervention_rank[intervention_id],
    )


# The interventions each rule recommends, in order (a rule's position is read for every reason of every
# ranking): per rule object, kept with it so that its id is not reused.
_RECOMMENDS: dict[int, tuple[RuleSpec, list[str]]] = {}


def _recommends(rule: RuleSpec) -> list[str]:
    known = _RECOMMENDS.get(id(rule))
    if known is None or known[0] is not rule:
        if len(_RECOMMENDS) > 4096:  # rule books made and dropped (tests): bounded
            _RECOMMENDS.clear()
        known = _RECOMMENDS[id(rule)] = (rule, [c.intervention for c in rule.then if isinstance(c, Recommend)])
    return known[1]


def sort_key(p: Priority, kb: Catalogue) -> SortKey:
    """The criteria in the order ``knowledge/ranking.yaml`` lists them; smaller first."""
    values: dict[str, int] = {
        "urgency": 0 if p.urgent else 1,
        "standing": 1 if p.situational else 0,
        "severity": -p.max_severity,
        "tier": p.tier_rank,
        "reasons": -p.reason_count,
        "position": p.position,
        "condition": p.condition_rank,
        "catalogue": p.catalogue_rank,
    }
    return tuple(values[c.id] for c in kb.ranking.criteria)


@dataclass(frozen=True)
class Candidate:
    """A recommended intervention before it is placed."""

    id: str
    priority: Priority
    findings: frozenset[str]
    tier: str
    title: str
    main_for: frozenset[str] | None = None  # the findings a rule gives it for as its main advice; None: all

    @property
    def leads(self) -> frozenset[str]:
        """The findings it stands for: those of a rule that gives it as main advice (its supporting advice
        for a situation is a "how" of that situation's main advice)."""
        return self.findings if self.main_for is None else self.main_for


@dataclass
class Placed:
    """Where an intervention ends up, and why there."""

    candidate: Candidate
    placed_by: str = ""
    serves_with: str | None = None
    sequence: str | None = None
    same_package_as: tuple[str, str] | None = None  # (intervention above, package) for advice moved to the end


@dataclass
class _Unit:
    members: list[Candidate]
    sequence: StepSequence | None = None
    after: set[int] = field(default_factory=set)  # units that must come before this one
    by: dict[int, Precedence] = field(default_factory=dict)

    @property
    def findings(self) -> frozenset[str]:
        return frozenset(f for m in self.members for f in m.findings)

    def problems(self, kb: Catalogue, mains: Collection[str] = ()) -> frozenset[str]:
        """The findings it must bring to count as a problem of its own: its observed problems, or, when it serves
        none, the findings from the situation it is the main advice for (advice from the situation adds no problem
        to an observed one; a situation's supporting advice is a "how" of its main advice, ``mains`` being the
        situational findings some candidate is the main advice for)."""
        observed = frozenset(f for f in self.findings if kb.finding[f].package is None)
        return observed or self.serves(kb, mains)

    def serves(self, kb: Catalogue, mains: Collection[str] = ()) -> frozenset[str]:
        """The findings it serves for the rule of one intervention per problem: every observed finding, and the
        situational findings it leads (or that no candidate leads)."""
        led = frozenset(f for m in self.members for f in m.leads)
        return frozenset(f for f in self.findings if kb.finding[f].package is None or f in led or f not in mains)


def place(candidates: Collection[Candidate], diagnosed: Collection[str], kb: Catalogue) -> list[Placed]:
    """The candidates in the order of the ranking model, each with the sentence saying what decided its place."""
    keys = {c.id: sort_key(c.priority, kb) for c in candidates}
    base = sorted(candidates, key=lambda c: keys[c.id])
    found = set(diagnosed)
    active = [r for r in kb.ranking.precedence if _is_active(r, found)]
    units = _units(base, found, kb)
    _constrain(units, active)
    ordered = _topological(units)
    primary, secondary = _one_per_problem(ordered, kb, found)
    # Observed problems and their "hows" first; then the advice from the situation, one per package ahead.
    kept, moved = _one_per_package([p for p in primary if p.candidate.priority.situational], kb)
    observed = [p for p in primary if not p.candidate.priority.situational]
    # The hows of a light problem (``ahead_of_hows_up_to``) wait behind the situation's items that go ahead.
    up_to = kb.ranking.situational.ahead_of_hows_up_to if kb.ranking.situational else None
    light = SEVERITY_WEIGHT[up_to] if up_to else 0
    hows = [p for p in secondary if not p.candidate.priority.situational]
    minor = [p for p in hows if p.candidate.priority.max_severity <= light]
    major = [p for p in hows if p.candidate.priority.max_severity > light]
    extra = [p for p in secondary if p.candidate.priority.situational]
    return _explained([*observed, *major, *kept, *minor, *moved, *extra], active, keys, kb)


def _units(base: list[Candidate], diagnosed: set[str], kb: Catalogue) -> list[_Unit]:
    """The candidates grouped: the advised steps of one sequence form one unit at its best step's place."""
    by_id = {c.id: c for c in base}
    active = [s for s in kb.ranking.sequences if not diagnosed.isdisjoint(s.when_any)]
    sequence_of = {step: s for s in active for step in s.steps}
    done: set[str] = set()
    units: list[_Unit] = []
    for c in base:
        if c.id in done:
            continue
        seq = sequence_of.get(c.id)
        steps = [by_id[s] for s in seq.steps if s in by_id] if seq else [c]
        if len(steps) < 2:
            steps, seq = [c], None
        done.update(s.id for s in steps)
        units.append(_Unit(steps, seq))
    return units


def _constrain(units: list[_Unit], active: list[Precedence]) -> None:
    for rule in active:
        first = {n for n, u in enumerate(units) if any(m.id in rule.before for m in u.members)}
        for n, unit in enumerate(units):
            if any(_is_after(rule, m) for m in unit.members):
                for f in first - {n}:
                    unit.after.add(f)
                    unit.by.setdefault(f, rule)


def _topological(units: list[_Unit]) -> list[_Unit]:
    """The units in base order, except where a constraint needs another unit first (stable): the first unit left
    goes next, or, where a constraint holds it back, the unit it waits for, just ahead of it (walk8: a light problem's
    step that the sources put before the process guidance let two other non-urgent items jump over the urgent one)."""
    placed: list[_Unit] = []
    left = list(range(len(units)))
    done: set[int] = set()

    def first_free(n: int, waiting: frozenset[int]) -> int:
        pending = [m for m in left if m in units[n].after and m not in done]
        for m in pending:
            if m not in waiting:  # a cycle in the documents' constraints cannot block the order
                return first_free(m, waiting | {n})
        return n

    while left:
        n = first_free(left[0], frozenset())
        left.remove(n)
        done.add(n)
        placed.append(units[n])
    return placed


def _one_per_problem(ordered: list[_Unit], kb: Catalogue, diagnosed: Set[str]) -> tuple[list[Placed], list[Placed]]:
    # Findings that are one problem seen from several sides count as their first; a group led by the collaboration's
    # own question joins what the answers show about its topic only when the question is asked.
    one = {f: lead for f, lead in kb.problem_of.items() if not kb.finding[lead].asked or lead in diagnosed}
    served: dict[str, str] = {}  # finding -> the first intervention placed for it
    primary: list[Placed] = []
    secondary: list[Placed] = []
    lead_of: dict[str, str] = {}  # situational finding -> the first candidate that is its main advice
    for unit in ordered:
        for m in unit.members:
            for f in sorted(m.leads):
                if kb.finding[f].package is not None:
                    lead_of.setdefault(f, m.id)
    for unit in ordered:
        title = unit.sequence.title if unit.sequence else None
        problems = frozenset(one.get(f, f) for f in unit.problems(kb, lead_of.keys()))
        if not problems and unit.findings:
            # Only supporting advice for situations whose main advice is advised: a "how" of that main advice.
            survivor = lead_of[min(unit.findings & lead_of.keys())]
            secondary += [Placed(m, serves_with=survivor, sequence=title) for m in unit.members]
            continue
        if problems and problems <= served.keys():
            survivor = served[min(problems, key=lambda f: _order(primary, served[f]))]
            secondary += [Placed(m, serves_with=survivor, sequence=title) for m in unit.members]
            continue
        for f in sorted(unit.serves(kb, lead_of.keys())):
            served.setdefault(one.get(f, f), unit.members[0].id)
        primary += [Placed(m, sequence=title) for m in unit.members]
    return primary, secondary


def _one_per_package(primary: list[Placed], kb: Catalogue) -> tuple[list[Placed], list[Placed]]:
    """Advice from the situation, one item per package: a situational intervention whose packages all have an
    item above it moves to the end (an item of several packages stands for the first one still free, in the
    order of ``situational.packages``); the steps of a source's sequence stay with their first."""
    if kb.ranking.situational is None:
        return primary, []
    order = [x.id for x in kb.ranking.situational.packages]
    first_of: dict[str, str] = {}  # package -> the situational intervention that stands for it
    kept: list[Placed] = []
    moved: list[Placed] = []
    for p in primary:
        packages = _packages(p.candidate, kb)
        if not packages or (p.sequence and kept and kept[-1].sequence == p.sequence):
            kept.append(p)
            continue
        free = [x for x in order if x in packages and x not in first_of]
        if not free:
            package = next(x for x in order if x in packages)
            p.same_package_as = (first_of[package], package)
            moved.append(p)
            continue
        first_of[free[0]] = p.candidate.id  # an item of several packages stands for the first one still free
        kept.append(p)
    return kept, moved


def _packages(c: Candidate, kb: Catalogue) -> frozenset[str]:
    """The packages of a situational intervention's findings; empty when it serves an observed problem."""
    if not c.priority.situational:
        return frozenset()
    return frozenset(str(kb.finding[f].package) for f in (c.leads or c.findings))


def _order(placed: list[Placed], iid: str) -> int:
    return next(n for n, p in enumerate(placed) if p.candidate.id == iid)


def _explained(
    placed: list[Placed], active: list[Precedence], keys: Mapping[str, SortKey], kb: Catalogue
) -> list[Placed]:
    titles = {p.candidate.id: p.candidate.title for p in placed}
    urgent_title = {u.finding: u.title for u in kb.ranking.urgent}
    constrained_by = _constraints_between(placed, active)
    packages = {x.id: x.title for x in kb.ranking.situational.packages} if kb.ranking.situational else {}
    for n, p in enumerate(placed):
        c = p.candidate
        if p.same_package_as and n > 0:
            other, package = p.same_package_as
            p.placed_by = (
                f"Deze interventie staat na ‘{placed[n - 1].candidate.title}’, omdat zij net als "
                f"‘{titles[other]}’ volgt uit {packages[package]}, niet uit een waargenomen probleem; van zulk "
                "advies staat per onderwerp één interventie vooraan, de andere staan achteraan."
            )
        elif p.serves_with:
            p.placed_by = (
                f"Deze interventie hoort bij ‘{titles[p.serves_with]}’: zij pakt geen ander probleem aan dan de "
                "interventies daarboven, en staat daarom na alle interventies die een eigen probleem aanpakken."
            )
        elif n == 0:
            reasons = sorted({urgent_title[f] for f in c.findings if f in urgent_title})
            below = placed[1].candidate if len(placed) > 1 else None
            rule = constrained_by.get((c.id, below.id)) if below else None
            if rule and below and keys[c.id] > keys[below.id]:
                p.placed_by = f"Deze interventie staat bovenaan, omdat de bronnen voorschrijven: {rule.title}."
            else:
                p.placed_by = "Deze interventie staat bovenaan" + (
                    f", omdat zij een urgent probleem aanpakt: {' en '.join(reasons)}." if reasons else "."
                )
        else:
            p.placed_by = _after(placed[n - 1], p, constrained_by, keys, kb)
    return placed


def _constraints_between(placed: list[Placed], active: list[Precedence]) -> dict[tuple[str, str], Precedence]:
    """Per pair (earlier, later) of neighbours, the active precedence rule that demands that order, if one does."""
    out: dict[tuple[str, str], Precedence] = {}
    for above, below in zip(placed, placed[1:], strict=False):
        for rule in active:
            if above.candidate.id in rule.before and _is_after(rule, below.candidate):
                out[(above.candidate.id, below.candidate.id)] = rule
    return out


def _after(
    above: Placed,
    this: Placed,
    constrained_by: Mapping[tuple[str, str], Precedence],
    keys: Mapping[str, SortKey],
    kb: Catalogue,
) -> str:
    a, c = above.candidate, this.candidate
    lead = f"Deze interventie staat na ‘{a.title}’, omdat "
    if this.sequence and this.sequence == above.sequence:
        return lead + f"de bron die eerder noemt in {this.sequence}; die stappen blijven bij elkaar."
    rule = constrained_by.get((a.id, c.id))
    mine, theirs = keys[c.id], keys[a.id]
    if rule and theirs > mine:
        return lead + f"de bronnen voorschrijven: {rule.title}."
    if theirs <= mine:
        criterion = next((n for n, (x, y) in enumerate(zip(theirs, mine, strict=True)) if x != y), len(mine) - 1)
        return lead + f"die {kb.ranking.criteria[criterion].explains}."
    if above.sequence:
        return lead + f"die hoort bij {above.sequence}, dat als geheel op de plaats van de eerste stap staat."
    return lead + "die volgens een voorrangsregel uit de bronnen eerder komt dan een interventie die boven deze staat."


def _is_after(rule: Precedence, c: Candidate) -> bool:
    """``c`` is one of the interventions ``rule`` puts after its ``before``."""
    return c.id not in rule.before and (c.id in rule.after or c.tier in rule.after_tiers)


def _is_active(rule: Precedence, diagnosed: Set[str]) -> bool:
    return not rule.when_any or not diagnosed.isdisjoint(rule.when_any)


__all__ = ["Candidate", "Placed", "SortKey", "place", "priority", "sort_key"]
