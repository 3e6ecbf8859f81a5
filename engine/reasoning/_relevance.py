"""Which rules can still fire, and so which questions can still change the advice, given the answers so far.

Pure analysis over the rule variants (every rule once per alternative of its
``any_of`` conditions), with no state of its own, beside the kb check's
analyses in the authoring layer. The intake asks it whether a question is
still worth asking (:func:`could_matter`) and, for its why-texts, what an
answer can lead to (:func:`consequences`, :func:`recommended_for`).

Conditions are evaluated three-valued: a fact that is not settled yet (its
question is still to come, or no intake question settles it) could still be
anything; a derived fact or a finding could hold while some rule that derives
it could still fire. Findings and derived facts are computed as a least fixed
point, so cycles between rules cannot make anything look possible.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from ..model._facts import DERIVED_PATHS
from ..rules import all_rules
from ..rules.dsl import Condition, Derive, Diagnose, Recommend, RuleSpec, variants
from ._conditions import Scope, could_hold, possible


def rule_variants() -> tuple[RuleSpec, ...]:
    """Every rule, once per alternative of its any_of conditions (see :func:`variants`)."""
    return tuple(v for rule in all_rules() for v in variants(rule))


def readers_by_fact(rules: Iterable[RuleSpec]) -> dict[str, list[RuleSpec]]:
    """The rules that read each fact (a condition on it that is not a finding), in rule order."""
    readers: dict[str, list[RuleSpec]] = {}
    for spec in rules:
        for subject in dict.fromkeys(c.subject for c in spec.when if c.op != "finding"):
            readers.setdefault(subject, []).append(spec)
    return readers


def on_case_fact(cond: Condition) -> bool:
    """Whether a condition reads a fact of the case (not a finding, not a derived fact)."""
    return cond.op != "finding" and cond.subject not in DERIVED_PATHS


def fact_could_hold(
    cond: Condition, facts: Mapping[str, Any], settled: Collection[str], thresholds: Mapping[str, int]
) -> bool:
    """Whether a condition on a case fact could still hold: it does, or the fact is not settled yet."""
    return could_hold(cond, Scope(facts, settled, thresholds, DERIVED_PATHS, ()))


def possible_rules(
    rules: Iterable[RuleSpec],
    facts: Mapping[str, Any],
    settled: Collection[str],
    thresholds: Mapping[str, int],
) -> set[str]:
    """Ids of the rules that could still fire.

    ``facts`` are the known facts; ``settled`` the fact paths that will not
    change any more (known, or asked and left unknown). A condition on a fact
    that is not settled could still hold; one on a derived fact or a finding
    could hold while a rule concluding it could still fire (least fixed point,
    so rules that only support each other in a cycle never count).
    """
    return {spec.id for spec in possible(rules, facts, settled, thresholds, DERIVED_PATHS)}


def could_matter(
    asked: Sequence[str],
    readers: Mapping[str, Sequence[RuleSpec]],
    rules: Iterable[RuleSpec],
    facts: Mapping[str, Any],
    settled: Collection[str],
    thresholds: Mapping[str, int],
) -> bool:
    """Whether a rule that reads one of the facts ``asked`` about could still fire.

    ``readers`` is :func:`readers_by_fact` of ``rules``; the other arguments
    are those of :func:`possible_rules`, which runs only when no reader that
    is still alive can fire on case facts alone.
    """
    alive = [
        spec
        for fact in asked
        for spec in readers.get(fact, ())
        if all(fact_could_hold(c, facts, settled, thresholds) for c in spec.when if on_case_fact(c))
    ]
    if any(all(on_case_fact(c) for c in spec.when) for spec in alive):
        return True  # no finding or derived fact needed: the quick answer
    if not alive:
        return False
    possible = possible_rules(rules, facts, settled, thresholds)
    return any(spec.id in possible for spec in alive)


def consequences(
    facts: Sequence[str], rules: Sequence[RuleSpec], allowed: Collection[str] | None
) -> tuple[list[str], list[str]]:
    """Findings and interventions the rules reading ``facts`` conclude, directly
    or through facts they derive (cycle-safe); only rules in ``allowed`` count,
    when given."""
    found: list[str] = []
    advised: list[str] = []
    todo, seen = list(facts), set(facts)
    while todo:
        path = todo.pop(0)
        for spec in rules:
            if (allowed is not None and spec.id not in allowed) or not any(
                c.subject == path and c.op != "finding" for c in spec.when
            ):
                continue
            for conclusion in spec.then:
                if isinstance(conclusion, Diagnose) and conclusion.finding not in found:
                    found.append(conclusion.finding)
                elif isinstance(conclusion, Recommend) and conclusion.intervention not in advised:
                    advised.append(conclusion.intervention)
                elif isinstance(conclusion, Derive) and conclusion.path not in seen:
                    seen.add(conclusion.path)
                    todo.append(conclusion.path)
    return found, advised


def recommended_for(finding_id: str, rules: Sequence[RuleSpec]) -> list[str]:
    """The interventions recommended by the rules that read a finding, in rule order."""
    out: list[str] = []
    for spec in rules:
        if any(c.op == "finding" and c.subject == finding_id for c in spec.when):
            out += [c.intervention for c in spec.then if isinstance(c, Recommend) and c.intervention not in out]
    return out


__all__ = [
    "consequences",
    "could_matter",
    "fact_could_hold",
    "on_case_fact",
    "possible_rules",
    "readers_by_fact",
    "recommended_for",
    "rule_variants",
]
