"""A small declarative layer over Experta for writing rules.

A rule is data: conditions (literal values, declared thresholds, known /
unknown facts, findings) and the conclusions it may draw. Keeping it data
rather than opaque lambdas is what lets the engine record *why* a rule fired,
lets explanations say which condition was not met, and lets the knowledge
checks analyse the rule set. :mod:`samenwerkwijzer.reasoning._engine` compiles it to
Experta patterns.

Conditions on the *absence* of something may only name case facts (declared
before the engine runs): Experta has no truth maintenance, so absence of a
derived fact would depend on firing order.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Op = Literal["eq", "in", "gt", "le", "known", "unknown", "finding", "any"]


@dataclass(frozen=True)
class Condition:
    """One condition of a rule; ``subject`` is a fact path or a finding id.
    An ``any`` condition holds when one of its ``parts`` holds (its subject
    is empty)."""

    op: Op
    subject: str
    values: tuple[Any, ...] = ()
    threshold: str | None = None
    parts: tuple[Condition, ...] = ()


def leaves(conditions: Iterable[Condition]) -> Iterator[Condition]:
    """The simple conditions in ``conditions``, ``any`` conditions opened up."""
    for cond in conditions:
        if cond.op == "any":
            yield from leaves(cond.parts)
        else:
            yield cond


def alternatives(conditions: Iterable[Condition]) -> list[tuple[Condition, ...]]:
    """The conjunctions of simple conditions that ``conditions`` stands for:
    a rule fires when all conditions of one alternative hold. A rule without
    ``any`` has one alternative, its own conditions."""
    out: list[tuple[Condition, ...]] = [()]
    for cond in conditions:
        options = [alt for part in cond.parts for alt in alternatives([part])] if cond.op == "any" else [(cond,)]
        out = [done + more for done in out for more in options]
    return out


def variants(rule: RuleSpec) -> list[RuleSpec]:
    """The rule once per alternative (see :func:`alternatives`), each with
    plain conditions and the rule's id: what the engine compiles and what
    analyses of the rule set reason about."""
    found = alternatives(rule.when)
    if len(found) == 1:
        return [rule]
    return [dataclasses.replace(rule, when=when) for when in found]


def holds(cond: Condition, facts: Mapping[str, Any], findings: Collection[str], thresholds: Mapping[str, int]) -> bool:
    """Evaluate ``cond`` on a set of facts and findings, with the same meaning
    the compiled Experta pattern has (for explanations and checks)."""
    if cond.op == "any":
        return any(holds(part, facts, findings, thresholds) for part in cond.parts)
    if cond.op == "finding":
        return cond.subject in findings
    if cond.op == "known":
        return cond.subject in facts
    if cond.op == "unknown":
        return cond.subject not in facts
    if cond.subject not in facts:
        return False
    value = facts[cond.subject]
    if cond.op == "eq":
        return bool(value == cond.values[0])
    if cond.op == "in":
        return value in cond.values
    assert cond.threshold is not None
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    limit = thresholds[cond.threshold]
    return value > limit if cond.op == "gt" else value <= limit


def is_(path: str, value: Any) -> Condition:
    """The fact at ``path`` equals ``value``."""
    return Condition("eq", path, (value,))


def one_of(path: str, *values: Any) -> Condition:
    return Condition("in", path, tuple(values))


def above(path: str, threshold: str) -> Condition:
    """The number at ``path`` is greater than the declared threshold."""
    return Condition("gt", path, threshold=threshold)


def at_most(path: str, threshold: str) -> Condition:
    return Condition("le", path, threshold=threshold)


def known(path: str) -> Condition:
    return Condition("known", path)


def unknown(path: str) -> Condition:
    return Condition("unknown", path)


def finding(finding_id: str) -> Condition:
    """The finding has been diagnosed (by any rule)."""
    return Condition("finding", finding_id)


def any_of(*conditions: Condition) -> Condition:
    """One of ``conditions`` holds. A rule with it fires once for each
    alternative that holds, as separate rules would."""
    if len(conditions) < 2:
        raise TypeError("any_of needs at least two conditions")
    return Condition("any", "", parts=tuple(conditions))


def not_true(path: str) -> Condition:
    """The fact at ``path`` is not true: false, or not known (a plan nobody
    knows of is no plan). ``path`` must be a case fact."""
    return any_of(is_(path, False), unknown(path))


@dataclass(frozen=True)
class Diagnose:
    finding: str


@dataclass(frozen=True)
class Recommend:
    intervention: str


@dataclass(frozen=True)
class Suppress:
    """Withhold an intervention that other rules recommend. The Dutch sentence
    the letter gives for not advising it is knowledge, not code: it lives in
    ``rules/<concern>/suppressions.yaml`` under the rule's id and the intervention."""

    intervention: str


@dataclass(frozen=True)
class Derive:
    """A derived fact at ``path``; the value is computed by the rule's function."""

    path: str
    value: Any = None


Conclusion = Diagnose | Recommend | Suppress | Derive


class Knowledge(Protocol):
    """What a computing rule may read of the knowledge base: the engine hands
    its catalogue to the rule, so that rule logic never loads knowledge itself."""

    @property
    def threshold(self) -> Mapping[str, int]: ...

    @property
    def sign_level(self) -> Mapping[str, str]: ...

    @property
    def climate_level(self) -> Mapping[str, Any]: ...

    @property
    def thermometer(self) -> Any: ...


Compute = Callable[[Mapping[str, Any], Knowledge], Iterable[Conclusion]]


@dataclass(frozen=True)
class RuleSpec:
    """A rule: when all conditions hold, it concludes ``then``.

    A computing rule (``compute`` set) instead returns its conclusions from a
    function of the matched facts; ``then`` lists what it *may* conclude.
    """

    id: str
    name: str
    title: str
    doc: str
    module: str
    when: tuple[Condition, ...]
    then: tuple[Conclusion, ...]
    compute: Compute | None = field(default=None, compare=False)


def rule(
    id: str, *, title: str, when: Iterable[Condition], then: Iterable[Conclusion], computes: bool = False
) -> Callable[[Callable[..., Any]], RuleSpec]:
    """Declare a rule. The decorated function is named after the rule's
    conclusion and its docstring says why the rule exists. With
    ``computes=True`` the function receives the matched facts (path -> value)
    and the knowledge (:class:`Knowledge`)
    and returns conclusions drawn from ``then``'s kinds."""

    def decorate(fn: Callable[..., Any]) -> RuleSpec:
        doc = inspect.getdoc(fn) or ""
        if not doc:
            raise TypeError(f"rule {id} ({fn.__name__}) needs a docstring saying why it exists")
        return RuleSpec(
            id=id,
            name=fn.__name__,
            title=title,
            doc=doc,
            module=fn.__module__,
            when=tuple(when),
            then=tuple(then),
            compute=fn if computes else None,
        )

    return decorate


__all__ = [
    "Compute",
    "Conclusion",
    "Condition",
    "Derive",
    "Diagnose",
    "Knowledge",
    "Op",
    "Recommend",
    "RuleSpec",
    "Suppress",
    "above",
    "alternatives",
    "any_of",
    "at_most",
    "finding",
    "holds",
    "is_",
    "known",
    "leaves",
    "not_true",
    "one_of",
    "rule",
    "unknown",
    "variants",
]
