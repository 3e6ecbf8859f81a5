"""A rule set checked against the knowledge before it is compiled: ids, fact paths, values,
thresholds and suppression sentences that exist, one sentence per problem."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..model._catalogue import Catalogue
from ..model._errors import KnowledgeBaseError
from ..model._facts import CASE_PATHS, DERIVED_PATHS, FACT_DOMAINS
from ..rules.dsl import Condition, Derive, Diagnose, Recommend, RuleSpec, Suppress, alternatives, leaves


def validate_rules(rules: Iterable[RuleSpec], catalogue: Catalogue) -> None:
    """Refuse a rule set that names ids, paths, values or thresholds that do not exist."""
    problems = rule_problems(rules, catalogue)
    if problems:
        raise KnowledgeBaseError("rule set is inconsistent: " + "; ".join(problems))


def rule_problems(rules: Iterable[RuleSpec], catalogue: Catalogue) -> list[str]:
    """What is wrong with a rule set, one sentence per problem."""
    problems: list[str] = []
    rules = list(rules)
    derivable = {c.path for r in rules for c in r.then if isinstance(c, Derive)}
    ids = Counter(r.id for r in rules)
    problems += [f"duplicate rule id {i}" for i in sorted(i for i, n in ids.items() if n > 1)]
    for r in rules:
        for cond in leaves(r.when):
            if cond.op == "finding":
                if cond.subject not in catalogue.finding:
                    problems.append(f"{r.id} reads unknown finding {cond.subject}")
            elif cond.subject not in CASE_PATHS and cond.subject not in derivable:
                problems.append(f"{r.id} reads unknown fact {cond.subject}")
            if cond.op == "unknown" and cond.subject not in CASE_PATHS:
                problems.append(f"{r.id} tests absence of derived fact {cond.subject}")
            if cond.threshold is not None and cond.threshold not in catalogue.threshold:
                problems.append(f"{r.id} names unknown threshold {cond.threshold}")
            problems += [f"{r.id}: {p}" for p in domain_problems(cond)]
        if not all(any(c.op != "unknown" for c in when) for when in alternatives(r.when)):
            problems.append(f"{r.id} needs at least one positive condition")
        for c in r.then:
            if isinstance(c, Diagnose) and c.finding not in catalogue.finding:
                problems.append(f"{r.id} concludes unknown finding {c.finding}")
            if isinstance(c, (Recommend, Suppress)) and c.intervention not in catalogue.intervention:
                problems.append(f"{r.id} names unknown intervention {c.intervention}")
            if isinstance(c, Suppress) and (r.id, c.intervention) not in catalogue.suppression:
                problems.append(
                    f"{r.id} suppresses {c.intervention} without a sentence saying why"
                    f" (add {r.id}/{c.intervention} to rules/<concern>/suppressions.yaml)"
                )
            if isinstance(c, Derive) and c.path not in DERIVED_PATHS:
                problems.append(f"{r.id} derives undeclared fact {c.path}")
    return problems


def domain_problems(cond: Condition) -> list[str]:
    """A condition that compares a fact with a value the fact can never have."""
    domain = FACT_DOMAINS.get(cond.subject)
    if domain is None or cond.op in ("finding", "known", "unknown"):
        return []
    if cond.op in ("gt", "le"):
        return [] if domain is int else [f"{cond.subject} is not a number, so it has no threshold"]
    bad = [v for v in cond.values if not _in_domain(v, domain)]
    return [f"{cond.subject} can never be {v!r}" for v in bad]


def _in_domain(value: Any, domain: Any) -> bool:
    if isinstance(domain, tuple):
        return value in domain
    if domain is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, domain)


__all__ = ["domain_problems", "rule_problems", "validate_rules"]
