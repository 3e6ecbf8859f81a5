"""WHY-NOT explanations, in the tradition of MYCIN (HOW is in render/_explanation.py).

WHY-NOT takes an intervention that was not recommended and evaluates, for every rule that could have
recommended it, which of its conditions did not hold (following unmet findings to the rules that could
have diagnosed them), or names the rule that suppressed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model._advice import Advice, Reason, Suppression
from ..model._catalogue import Catalogue, load_catalogue
from ..model._facts import CASE_FIELDS
from ..reasoning._condition_text import describe
from ..reasoning._conditions import evaluate
from ..reasoning._rule_book import RuleBook, default_rule_book
from ..render._explanation import ExplainedFact, Explanation, FindingRef, RuleStep, advice_facts, check_known, explain
from ..rules.dsl import Condition, Derive, Diagnose, Recommend, RuleSpec, leaves
from ..wording._value_text import format_value


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConditionCheck(_M):
    condition: str = Field(description="Dutch description of the condition.")
    met: bool
    actual: str = Field(description="What the case says, in Dutch ('onbekend' when unknown).")
    hint: str | None = Field(default=None, description="Which case field would change it, for unmet fact conditions.")
    finding: FindingCheck | None = Field(default=None, description="For an unmet finding condition: why it is missing.")


class RuleCheck(_M):
    rule: str
    rule_name: str
    rule_title: str
    fired: bool
    conditions: list[ConditionCheck]


class FindingCheck(_M):
    finding: str
    title: str
    diagnosed: bool
    rules: list[RuleCheck] = Field(description="The rules that could diagnose it.")


class WhyNot(_M):
    """WHY NOT: why an intervention is (not) in the advice."""

    intervention: str
    title: str
    status: Literal["recommended", "suppressed", "not_recommended"]
    rank: int | None
    recommended_by: list[Reason]
    suppressed_by: list[Suppression]
    candidates: list[RuleCheck] = Field(description="Rules that could recommend it, with their conditions.")


ConditionCheck.model_rebuild()


def why_not(advice: Advice, intervention_id: str, *, rule_book: RuleBook | None = None) -> WhyNot:
    """WHY NOT for one intervention: suppressed, or which conditions failed.

    The rules that could have recommended it are those of ``rule_book`` (the
    shipped rules by default): pass the rule book the advice was diagnosed
    with. Titles of rules that fired come from the advice itself."""
    kb = load_catalogue()
    check_known(intervention_id, kb)
    facts = advice_facts(advice)
    diagnosed = {f.id for f in advice.findings}
    recommended = {i.id: i for i in advice.interventions}
    suppressed = {s.id: s for s in advice.suppressed}
    specs = (rule_book or default_rule_book()).by_id
    candidates = [
        _check_rule(spec, facts, diagnosed, kb, specs, seen=frozenset())
        for spec in specs.values()
        if any(isinstance(c, Recommend) and c.intervention == intervention_id for c in spec.then)
    ]
    if intervention_id in recommended:
        status: Literal["recommended", "suppressed", "not_recommended"] = "recommended"
    elif intervention_id in suppressed:
        status = "suppressed"
    else:
        status = "not_recommended"
    return WhyNot(
        intervention=intervention_id,
        title=kb.intervention[intervention_id].title,
        status=status,
        rank=recommended[intervention_id].rank if intervention_id in recommended else None,
        recommended_by=(
            recommended[intervention_id].reasons
            if intervention_id in recommended
            else suppressed[intervention_id].recommended_by
            if intervention_id in suppressed
            else []
        ),
        suppressed_by=suppressed[intervention_id].suppressed_by if intervention_id in suppressed else [],
        candidates=candidates,
    )


def _check_rule(
    spec: RuleSpec,
    facts: Mapping[str, Any],
    diagnosed: set[str],
    kb: Catalogue,
    specs: Mapping[str, RuleSpec],
    seen: frozenset[str],
) -> RuleCheck:
    checks = [_check_condition(c, facts, diagnosed, kb, specs, seen | {spec.id}) for c in spec.when]
    return RuleCheck(
        rule=spec.id,
        rule_name=spec.name,
        rule_title=spec.title,
        fired=all(c.met for c in checks),
        conditions=checks,
    )


def _check_condition(
    cond: Condition,
    facts: Mapping[str, Any],
    diagnosed: set[str],
    kb: Catalogue,
    specs: Mapping[str, RuleSpec],
    seen: frozenset[str],
) -> ConditionCheck:
    met = evaluate(cond, facts, diagnosed, kb.threshold)
    if cond.op == "any":
        parts = [_check_condition(p, facts, diagnosed, kb, specs, seen) for p in cond.parts]
        hints = [p.hint for p in parts if p.hint]
        return ConditionCheck(
            condition=describe(cond, kb),
            met=met,
            actual="; ".join(p.actual for p in parts),
            hint=None if met or not hints else "; ".join(dict.fromkeys(hints)),
        )
    if cond.op == "finding":
        finding_check = None
        if not met:
            finding_check = FindingCheck(
                finding=cond.subject,
                title=kb.finding[cond.subject].title,
                diagnosed=False,
                rules=[
                    _check_rule(s, facts, diagnosed, kb, specs, seen)
                    for s in specs.values()
                    if s.id not in seen and any(isinstance(c, Diagnose) and c.finding == cond.subject for c in s.then)
                ],
            )
        return ConditionCheck(
            condition=describe(cond, kb),
            met=met,
            actual="gesteld" if met else "niet gesteld",
            finding=finding_check,
        )
    actual = format_value(facts[cond.subject], "trainer") if cond.subject in facts else "onbekend"
    hint = None if met else _hint(cond.subject, specs)
    return ConditionCheck(condition=describe(cond, kb), met=met, actual=actual, hint=hint)


def _hint(path: str, specs: Mapping[str, RuleSpec]) -> str:
    if path in CASE_FIELDS:
        return "in de casus: " + " of ".join(CASE_FIELDS[path])
    derivers = sorted(s.id for s in specs.values() if any(isinstance(c, Derive) and c.path == path for c in s.then))
    return f"afgeleid door {', '.join(derivers)} uit: " + " of ".join(_case_fields_behind(path, specs))


def _case_fields_behind(path: str, specs: Mapping[str, RuleSpec], seen: frozenset[str] = frozenset()) -> list[str]:
    """The case fields a derived fact is ultimately computed from."""
    if path in CASE_FIELDS:
        return list(CASE_FIELDS[path])
    out: list[str] = []
    for spec in specs.values():
        if any(isinstance(c, Derive) and c.path == path for c in spec.then):
            for cond in leaves(spec.when):
                if cond.op != "finding" and cond.subject not in seen and cond.subject != path:
                    out += _case_fields_behind(cond.subject, specs, seen | {path})
    return sorted(set(out))


__all__ = [
    "ConditionCheck",
    "ExplainedFact",
    "Explanation",
    "FindingCheck",
    "FindingRef",
    "RuleCheck",
    "RuleStep",
    "WhyNot",
    "explain",
    "why_not",
]
