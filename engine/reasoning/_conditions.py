"""What each operator of the rule language means, in one table.

The rule language (``rules/dsl.py``) says *which* conditions a rule has; this
module says what each operator *means*, once, as :data:`OPERATORS` keyed by
operator, each with every meaning the library gives a condition:

- ``evaluate``: does it hold on these facts and findings (two-valued; the
  meaning the compiled Experta pattern has, held to ``rules.dsl.holds`` by the
  tests);
- ``could_hold``: could it still hold, given which facts are *settled* (will
  not change any more) and which findings and derived facts rules that can
  still fire could conclude (three-valued: a fact that is not settled could be
  anything);
- ``witness``: make it hold in a set of case facts being built (the kb
  check's search for a case that fires a rule);
- ``implies``: does this condition holding mean another one holds (the kb
  check's subsumption);
- ``sentence``: the key of its sentence in ``_condition_text``'s tables.

:func:`possible` is the one answer to "which rules can still fire": the
intake asks it which questions still matter, the diagnosis which rules the
answers have not yet ruled out (to say what is still to ask).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, get_args

from ..rules.dsl import Condition, Derive, Diagnose, Op, RuleSpec

Facts = Mapping[str, Any]
Thresholds = Mapping[str, int]


@dataclass(frozen=True)
class Scope:
    """What ``could_hold`` reads: the facts known, the fact paths settled, the
    thresholds, which paths are derived by rules, and the findings and derived
    paths some rule that can still fire concludes."""

    facts: Facts
    settled: Collection[str]
    thresholds: Thresholds
    derived: Collection[str]
    concluded: Collection[str]


#: Makes a condition hold in the case facts being built (``facts``), keeping
#: ``absent`` paths out; ``example`` gives some value a fact can take. False
#: when it cannot without undoing what is there.
Witness = Callable[[Condition, dict[str, Any], set[str], Thresholds, Callable[[str], Any]], bool]


@dataclass(frozen=True)
class Operator:
    op: str
    evaluate: Callable[[Condition, Facts, Collection[str], Thresholds], bool]
    could_hold: Callable[[Condition, Scope], bool]
    witness: Witness
    implies: Callable[[Condition, Condition], bool]
    sentence: str


# ---------------------------------------------------------------- evaluate


def evaluate(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    """Whether ``cond`` holds on ``facts`` and ``findings``."""
    return OPERATORS[cond.op].evaluate(cond, facts, findings, thresholds)


def _any(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    return any(evaluate(part, facts, findings, thresholds) for part in cond.parts)


def _finding(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    return cond.subject in findings


def _known(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    return cond.subject in facts


def _unknown(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    return cond.subject not in facts


def _eq(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    return cond.subject in facts and bool(facts[cond.subject] == cond.values[0])


def _in(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    return cond.subject in facts and facts[cond.subject] in cond.values


def _number(cond: Condition, facts: Facts) -> int | None:
    value = facts.get(cond.subject)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _gt(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    value = _number(cond, facts)
    return value is not None and value > thresholds[str(cond.threshold)]


def _le(cond: Condition, facts: Facts, findings: Collection[str], thresholds: Thresholds) -> bool:
    value = _number(cond, facts)
    return value is not None and value <= thresholds[str(cond.threshold)]


# ---------------------------------------------------------------- could still hold


def could_hold(cond: Condition, scope: Scope) -> bool:
    """Whether ``cond`` could still hold in ``scope`` (see :class:`Scope`)."""
    return OPERATORS[cond.op].could_hold(cond, scope)


def _could_any(cond: Condition, scope: Scope) -> bool:
    return any(could_hold(part, scope) for part in cond.parts)


def _could_finding(cond: Condition, scope: Scope) -> bool:
    return cond.subject in scope.concluded


def _could_fact(cond: Condition, scope: Scope) -> bool:
    """A settled fact decides; a derived one could hold while a rule can still derive it
    (absence needs nothing derived); any other fact could still be answered."""
    if cond.subject in scope.settled:
        return evaluate(cond, scope.facts, (), scope.thresholds)
    if cond.subject in scope.derived:
        return cond.op == "unknown" or cond.subject in scope.concluded
    return True


# ---------------------------------------------------------------- witness


def _witness_any(
    cond: Condition, facts: dict[str, Any], absent: set[str], thresholds: Thresholds, example: Callable[[str], Any]
) -> bool:
    return OPERATORS[cond.parts[0].op].witness(cond.parts[0], facts, absent, thresholds, example)


def _witness_finding(
    cond: Condition, facts: dict[str, Any], absent: set[str], thresholds: Thresholds, example: Callable[[str], Any]
) -> bool:
    return False  # a finding is the rules' to conclude: the search fires a rule that diagnoses it


def _witness_unknown(
    cond: Condition, facts: dict[str, Any], absent: set[str], thresholds: Thresholds, example: Callable[[str], Any]
) -> bool:
    if cond.subject in facts:
        return False
    absent.add(cond.subject)
    return True


def _setter(value_of: Callable[[Condition, dict[str, Any], Thresholds, Callable[[str], Any]], Any]) -> Witness:
    def witness(
        cond: Condition, facts: dict[str, Any], absent: set[str], thresholds: Thresholds, example: Callable[[str], Any]
    ) -> bool:
        path = cond.subject
        if path in absent:
            return False
        value = value_of(cond, facts, thresholds, example)
        if path in facts and facts[path] != value:
            return False
        facts[path] = value
        return True

    return witness


def _limit(cond: Condition, thresholds: Thresholds) -> int:
    return thresholds[str(cond.threshold)]


_witness_eq = _setter(lambda cond, facts, thresholds, example: cond.values[0])
_witness_in = _setter(lambda cond, facts, thresholds, example: facts.get(cond.subject, cond.values[0]))
_witness_gt = _setter(
    lambda cond, facts, thresholds, example: max(facts.get(cond.subject, 0), _limit(cond, thresholds) + 1)
)
_witness_le = _setter(
    lambda cond, facts, thresholds, example: min(
        facts.get(cond.subject, _limit(cond, thresholds)), _limit(cond, thresholds)
    )
)
_witness_known = _setter(lambda cond, facts, thresholds, example: facts.get(cond.subject, example(cond.subject)))


# ---------------------------------------------------------------- implication


def implies(a: Condition, b: Condition) -> bool:
    """Whether ``a`` holding means ``b`` holds too (on the same fact; never
    across findings or absence)."""
    if a == b:
        return True
    if a.subject != b.subject:
        return False
    return OPERATORS[a.op].implies(a, b)


def _implies_nothing(a: Condition, b: Condition) -> bool:
    return False


def _implied_by_value(values: Callable[[Condition], set[Any]]) -> Callable[[Condition, Condition], bool]:
    def implied(a: Condition, b: Condition) -> bool:
        if b.op == "known":
            return True
        if b.op == "in":
            return values(a) <= set(b.values)
        return False

    return implied


def _implies_known(a: Condition, b: Condition) -> bool:
    return b.op == "known"


# ---------------------------------------------------------------- the table


OPERATORS: Mapping[str, Operator] = {
    "any": Operator("any", _any, _could_any, _witness_any, _implies_nothing, "any"),
    "finding": Operator("finding", _finding, _could_finding, _witness_finding, _implies_nothing, "finding"),
    "known": Operator("known", _known, _could_fact, _witness_known, _implies_known, "known"),
    "unknown": Operator("unknown", _unknown, _could_fact, _witness_unknown, _implies_nothing, "unknown"),
    "eq": Operator("eq", _eq, _could_fact, _witness_eq, _implied_by_value(lambda a: {a.values[0]}), "eq"),
    "in": Operator("in", _in, _could_fact, _witness_in, _implied_by_value(lambda a: set(a.values)), "in"),
    "gt": Operator("gt", _gt, _could_fact, _witness_gt, _implies_known, "gt"),
    "le": Operator("le", _le, _could_fact, _witness_le, _implies_known, "le"),
}

#: Every operator of the rule language (``rules.dsl.Op``).
ALL_OPS: tuple[str, ...] = get_args(Op)


# ---------------------------------------------------------------- which rules can still fire


def possible(
    rules: Iterable[RuleSpec],
    facts: Facts,
    settled: Collection[str],
    thresholds: Thresholds,
    derived: Collection[str],
) -> list[RuleSpec]:
    """The rules (plain conjunctions: :func:`rules.dsl.variants`) that could still fire.

    ``facts`` are the known facts; ``settled`` the fact paths that will not
    change any more. A condition on a settled fact holds or not; one on a fact
    that is not settled could still hold, but for a ``derived`` fact or a
    finding only while a rule that concludes it could still fire (a least
    fixed point, so rules that only support each other in a cycle never count).
    """
    concluded: set[str] = set()
    scope = Scope(facts, settled, thresholds, derived, concluded)
    found: list[RuleSpec] = []
    waiting: list[tuple[RuleSpec, list[Condition]]] = []
    for spec in rules:
        pending = []
        for cond in spec.when:
            if cond.op == "finding" or cond.op == "any" or (cond.subject in derived and cond.subject not in settled):
                pending.append(cond)  # decided by what rules that can still fire conclude
            elif not could_hold(cond, scope):
                break
        else:
            waiting.append((spec, pending))

    def conclude(spec: RuleSpec) -> None:
        found.append(spec)
        for conclusion in spec.then:
            if isinstance(conclusion, Diagnose):
                concluded.add(conclusion.finding)
            elif isinstance(conclusion, Derive):
                concluded.add(conclusion.path)

    changed = True
    while changed:
        changed = False
        still: list[tuple[RuleSpec, list[Condition]]] = []
        for spec, pending in waiting:
            if all(could_hold(c, scope) for c in pending):
                conclude(spec)
                changed = True
            else:
                still.append((spec, pending))
        waiting = still
    return found


__all__ = [
    "ALL_OPS",
    "OPERATORS",
    "Operator",
    "Scope",
    "could_hold",
    "evaluate",
    "implies",
    "possible",
]
