"""HOW explanations, in the tradition of MYCIN: read from the Advice alone.

HOW walks the provenance recorded in the advice backwards from an
intervention to the case facts: which rules fired on which facts, what they
concluded, down to what the advisor said. The HTML report prints it; the
trainer's WHY-NOT (trainer/_explain.py) asks the rules instead.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..model._advice import Advice, FactValue, Priority, StatementSource
from ..model._catalogue import Catalogue, Reference, load_catalogue
from ..model._errors import InputError
from ..model._messages import unknown_intervention


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExplainedFact(_M):
    path: str
    label: str
    value: FactValue
    statements: list[StatementSource] = Field(default=[], description="The statements whose scores gave it.")
    overrides: list[StatementSource] = Field(default=[], description="Statements the case's own value overrode.")


class RuleStep(_M):
    """One rule firing in a chain: what it used and what it concluded."""

    rule: str
    rule_name: str
    rule_title: str
    used_facts: list[ExplainedFact]
    used_findings: list[str]
    concluded: list[str] = Field(description="Derived fact paths, finding ids or the intervention id.")


class FindingRef(_M):
    id: str
    title: str
    severity: str
    condition: str


class Explanation(_M):
    """HOW: the chain from case facts to one recommended intervention."""

    intervention: str
    title: str
    rank: int
    of: int
    tier: str
    tier_title: str
    priority: Priority
    placed_by: str = Field(default="", description="Dutch: what decided its place (knowledge/ranking.yaml).")
    case_facts: list[ExplainedFact]
    steps: list[RuleStep] = Field(description="Ordered from the case facts towards the intervention.")
    findings: list[FindingRef]
    references: list[Reference]


def advice_facts(advice: Advice) -> dict[str, Any]:
    return {f.path: f.value for f in advice.facts}


def _explained(advice: Advice, paths: list[str]) -> list[ExplainedFact]:
    facts = {f.path: f for f in advice.facts}
    return [
        ExplainedFact(
            path=p,
            label=facts[p].label,
            value=facts[p].value,
            statements=facts[p].statements,
            overrides=facts[p].overrides,
        )
        for p in paths
        if p in facts
    ]


def explain(advice: Advice, intervention_id: str | None = None) -> list[Explanation]:
    """HOW for every recommended intervention, or for one. Needs the advice
    only (not the rule book or the knowledge), so that an advice read back
    from JSON explains itself whatever rules this process has."""
    recommended = {i.id: i for i in advice.interventions}
    if intervention_id is not None:
        check_known(intervention_id, load_catalogue())
        if intervention_id not in recommended:
            raise InputError(
                f"{intervention_id} wordt voor deze casus niet geadviseerd; "
                f"vraag waarom met --why-not {intervention_id}"
            )
        wanted = [recommended[intervention_id]]
    else:
        wanted = list(advice.interventions)
    return [_explain_one(advice, item.id) for item in wanted]


def _rule_names(advice: Advice) -> dict[str, tuple[str, str]]:
    """Rule id -> (name, Dutch title), from the advice itself."""
    names = {
        f.derived_by: (f.derived_by_name or f.derived_by, f.derived_by_title or f.derived_by)
        for f in advice.facts
        if f.derived_by
    }
    for reason in [r for f in advice.findings for r in f.reasons] + [
        r for i in advice.interventions for r in i.reasons
    ]:
        names[reason.rule] = (reason.rule_name, reason.rule_title)
    return names


def _explain_one(advice: Advice, intervention_id: str) -> Explanation:
    item = next(i for i in advice.interventions if i.id == intervention_id)
    facts = {f.path: f for f in advice.facts}
    findings = {f.id: f for f in advice.findings}
    # (rule, because) -> what it concluded in this chain; depth = distance from the case facts.
    steps: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    depth: dict[str, int] = {}
    case_paths: set[str] = set()

    def visit_key(key: str) -> int:
        if key in depth:
            return depth[key]
        if key.startswith("F-"):
            reasons = [(r.rule, tuple(r.facts + r.findings)) for r in findings[key].reasons]
        elif facts[key].derived_by is None:
            case_paths.add(key)
            depth[key] = 0
            return 0
        else:
            fact = facts[key]
            reasons = [(str(fact.derived_by), tuple(fact.because))]
        depth[key] = 1 + max(visit_step(step, key) for step in reasons)
        return depth[key]

    def visit_step(step: tuple[str, tuple[str, ...]], concluded: str) -> int:
        steps.setdefault(step, set()).add(concluded)
        return max((visit_key(k) for k in step[1]), default=0)

    for reason in item.reasons:
        visit_step((reason.rule, tuple(reason.facts + reason.findings)), intervention_id)

    def step_depth(step: tuple[str, tuple[str, ...]]) -> int:
        return 1 + max((depth[k] for k in step[1]), default=0)

    ordered = sorted(steps, key=lambda s: (step_depth(s), s[0], s[1]))
    names = _rule_names(advice)
    return Explanation(
        intervention=item.id,
        title=item.title,
        rank=item.rank,
        of=len(advice.interventions),
        tier=item.tier,
        tier_title=item.tier_title,
        priority=item.priority,
        placed_by=item.placed_by,
        case_facts=_explained(advice, sorted(case_paths)),
        steps=[
            RuleStep(
                rule=rule,
                rule_name=names[rule][0],
                rule_title=names[rule][1],
                used_facts=_explained(advice, [k for k in because if not k.startswith("F-")]),
                used_findings=[k for k in because if k.startswith("F-")],
                concluded=sorted(steps[(rule, because)]),
            )
            for rule, because in ordered
        ],
        findings=[
            FindingRef(id=f, title=findings[f].title, severity=findings[f].severity, condition=findings[f].condition)
            for f in sorted(k for k in depth if k.startswith("F-"))
        ],
        references=list(item.references),
    )


def check_known(intervention_id: str, kb: Catalogue) -> None:
    if intervention_id not in kb.intervention:
        raise InputError(unknown_intervention(intervention_id, list(kb.intervention)))


__all__ = ["ExplainedFact", "Explanation", "FindingRef", "RuleStep", "advice_facts", "check_known", "explain"]
