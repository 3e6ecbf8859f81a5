"""HOW and WHY-NOT explanations, in the tradition of MYCIN.

HOW walks the provenance recorded in the advice backwards from an
intervention to the case facts: which rules fired on which facts, what they
concluded, down to what the advisor said. WHY-NOT takes an intervention that
was not recommended and evaluates, for every rule that could have recommended
it, which of its conditions did not hold (following unmet findings to the
rules that could have diagnosed them), or names the rule that suppressed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ._advice import Advice, FactValue, Priority, Reason, StatementSource, Suppression
from ._catalogue import Catalogue, Reference, load_catalogue
from ._condition_text import describe
from ._conditions import evaluate
from ._diagnose import RuleBook, default_rule_book
from ._errors import InputError
from ._facts import CASE_FIELDS
from ._messages import unknown_intervention
from ._value_text import format_value
from .rules.dsl import Condition, Derive, Diagnose, Recommend, RuleSpec, leaves


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


def _facts(advice: Advice) -> dict[str, Any]:
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
        _check_known(intervention_id, load_catalogue())
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


def _check_known(intervention_id: str, kb: Catalogue) -> None:
    if intervention_id not in kb.intervention:
        raise InputError(unknown_intervention(intervention_id, list(kb.intervention)))


def why_not(advice: Advice, intervention_id: str, *, rule_book: RuleBook | None = None) -> WhyNot:
    """WHY NOT for one intervention: suppressed, or which conditions failed.

    The rules that could have recommended it are those of ``rule_book`` (the
    shipped rules by default): pass the rule book the advice was diagnosed
    with. Titles of rules that fired come from the advice itself."""
    kb = load_catalogue()
    _check_known(intervention_id, kb)
    facts = _facts(advice)
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
