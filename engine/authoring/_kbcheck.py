"""``kb check``: verify the knowledge base and the rule set together.

The checks a reviewer of a knowledge change needs, each named so a failure
says which one: quotes are verbatim, everything is reachable, rules only use
what exists, every Suppress has its sentence in the knowledge and every
sentence its Suppress, no rule repeats or is swallowed by another, interventions
declared opposed are never advised together, and no intervention is advised
under the case facts it declares it contradicts.

The quote checks are :mod:`._kbcheck_quotes`'s; the witness search, the random
cases and what no case (or no intake) reaches are :mod:`._kbcheck_witness`'s.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict

from ..model._catalogue import Catalogue, load_catalogue
from ..model._facts import CASE_PATHS, FACT_DOMAINS, FACT_LABELS, PARTNER_LIST_FACTS, QUESTION_FACTS, QUESTION_FIELD
from ..model._source_text import KNOWLEDGE_PACKAGE, quote_is_in_source
from ..model._vocabulary import Reference
from ..reasoning._conditions import evaluate, implies
from ..reasoning._engine import Runner, RunResult
from ..reasoning._rule_checks import rule_problems
from ..rules import PREFIXES, all_rules
from ..rules.dsl import Condition, Diagnose, Recommend, RuleSpec, Suppress, is_, one_of, variants
from ._kbcheck_quotes import quote_problems
from ._kbcheck_witness import (
    random_facts,
    recommenders,
    unreachable_interventions,
    unreachable_through_intake,
    witness,
)

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    level: Level
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.level}: [{self.check}] {self.message}"


def check_knowledge_base(
    kb: Catalogue | None = None,
    rules: Iterable[RuleSpec] | None = None,
    *,
    samples: int = 100,
) -> list[Issue]:
    """Every problem found, errors first. An empty list means the knowledge
    base is consistent."""
    kb = kb or load_catalogue()
    rules = list(rules if rules is not None else all_rules())
    problems = rule_problems(rules, kb)
    # The analyses reason about plain conjunctions: a rule with any_of once per alternative.
    flat = [v for r in rules for v in variants(r)]
    issues = [
        *(Issue("error", check, message) for check, message in quote_problems(kb)),
        *(Issue("error", "rules", p) for p in problems),
        *_reachability(kb, flat),
        *_suppressions(kb, rules),
        *_questions(kb, flat),
        *_coverage(kb, flat),
        *_redundancy(flat),
        # Searching for opposed or contradicting advice needs a rule set that compiles.
        *_searches(kb, rules, flat, 0 if problems else samples),
    ]
    return sorted(issues, key=lambda i: (i.level != "error", i.check, i.message))


def _suppressions(kb: Catalogue, rules: list[RuleSpec]) -> Iterable[Issue]:
    """Every suppression sentence in the knowledge explains a Suppress of some
    rule (a Suppress without a sentence is a ``rules`` error, see
    :func:`._engine.rule_problems`)."""
    used = {(r.id, c.intervention) for r in rules for c in r.then if isinstance(c, Suppress)}
    for item in kb.suppressions:
        if (item.rule, item.intervention) not in used:
            yield Issue(
                "error",
                "suppressions",
                f"{_concern_file(item.rule)}: the sentence for {item.key} belongs to no rule's Suppress",
            )


def _concern_file(rule_id: str) -> str:
    module = PREFIXES.get(rule_id[:3])
    concern = module.__name__.rpartition(".")[2] if module else "<concern>"
    return f"rules/{concern}/suppressions.yaml"


def _reachability(kb: Catalogue, rules: list[RuleSpec]) -> Iterable[Issue]:
    diagnosed = {c.finding for r in rules for c in r.then if isinstance(c, Diagnose)}
    recommended = {c.intervention for r in rules for c in r.then if isinstance(c, Recommend)}
    for fid in sorted(set(kb.finding) - diagnosed):
        yield Issue("error", "reachability", f"finding {fid} is diagnosed by no rule")
    for iid in sorted(set(kb.intervention) - recommended):
        yield Issue("error", "reachability", f"intervention {iid} is recommended by no rule")
    # A step written for a finding is given only where a rule recommends its intervention on that finding.
    for_finding = {
        (c.intervention, w.subject)
        for r in rules
        for c in r.then
        if isinstance(c, Recommend)
        for w in r.when
        if w.op == "finding"
    }
    for item in kb.interventions:
        for step in item.first_steps:
            if step.finding is not None and (item.id, step.finding) not in for_finding:
                yield Issue(
                    "error", "reachability", f"{item.id}: no rule recommends it on {step.finding}, its step's finding"
                )
    used = {c.threshold for r in rules for c in r.when if c.threshold}
    for tid in sorted(set(kb.threshold) - used - {"climate_signs_for_level"}):
        yield Issue("warning", "reachability", f"threshold {tid} is used by no rule")


class CoverageEntry(BaseModel):
    """One passage of a source document and what encodes it (or why nothing does)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    locator: str
    quote: str
    theme: str
    encoded_by: tuple[str, ...] | None = None
    left_out: str | None = None


def load_coverage() -> list[CoverageEntry]:
    """The coverage map (``knowledge/coverage.yaml``); not needed to diagnose, so
    it is read only by the checks."""
    path = resources.files(KNOWLEDGE_PACKAGE) / "coverage.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return [CoverageEntry.model_validate(item) for item in data]


def _coverage(kb: Catalogue, rules: list[RuleSpec]) -> Iterable[Issue]:
    """Every passage is encoded or explained, by ids that exist; every finding
    and intervention can be traced to a passage."""
    known = (
        set(kb.finding) | set(kb.intervention) | set(kb.threshold) | set(kb.condition) | set(kb.tier_rank)
        | set(kb.climate_level) | set(kb.sign_level) | {r.id for r in rules} | set(FACT_LABELS)
        | {"network.levels"}
    )  # fmt: skip
    encoded: set[str] = set()
    for entry in load_coverage():
        where = f"{entry.source} ({entry.locator})"
        if (entry.encoded_by is None) == (entry.left_out is None):
            yield Issue("error", "coverage", f"{where}: give either encoded_by or left_out")
        for item in entry.encoded_by or ():
            encoded.add(item)
            if item not in known:
                yield Issue("error", "coverage", f"{where} names unknown id {item}")
        reference = Reference(source=entry.source, locator=entry.locator, quote=entry.quote)
        if entry.source not in kb.source or not quote_is_in_source(reference):
            yield Issue("error", "coverage", f"{where}: quote not found: {entry.quote[:60]!r}")
    for item in sorted((set(kb.finding) | set(kb.intervention)) - encoded):
        yield Issue("warning", "coverage", f"{item} is not traced to any passage in the coverage map")


def _questions(kb: Catalogue, rules: list[RuleSpec]) -> Iterable[Issue]:
    """Every case fact a rule reads can be asked, with answers that fit it."""
    asked = {q.fact: q for q in kb.questions}
    read = {c.subject for r in rules for c in r.when if c.op != "finding" and c.subject in CASE_PATHS}
    # What only the partner list gives is asked by the intake's partner loop (each partner's kind and roles);
    # the topics the collaboration asks advice on are asked by one question, what it asks advice on.
    answered = PARTNER_LIST_FACTS | (QUESTION_FACTS if QUESTION_FIELD in asked else frozenset())
    for path in sorted(read - asked.keys() - answered):
        yield Issue("error", "questions", f"no question asks for {path}, which rules read")
    for path, q in sorted(asked.items()):
        if path == QUESTION_FIELD and set(q.answer.options) != {p.split(".", 1)[1] for p in QUESTION_FACTS}:
            yield Issue("error", "questions", f"the options of the question for {path} do not match its topics")
        if path not in CASE_PATHS:
            yield Issue("error", "questions", f"question for unknown fact {path}")
            continue
        domain = FACT_DOMAINS[path]
        if q.answer.type == "choice" and (not isinstance(domain, tuple) or set(q.answer.options) != set(domain)):
            yield Issue("error", "questions", f"the options of the question for {path} do not match its values")
        if q.answer.type == "boolean" and domain is not bool:
            yield Issue("error", "questions", f"{path} is not a yes/no fact")
        if q.answer.type == "integer" and domain is not int:
            yield Issue("error", "questions", f"{path} is not a number")


def _redundancy(rules: list[RuleSpec]) -> Iterable[Issue]:
    # Each rule's conditions and conclusions as sets, and its conditions by fact, made once for all its pairs
    # (a condition implies only one on its own fact: ``implies``): the check compares every pair of rules.
    read = [(rule, set(rule.when), set(rule.then), _by_subject(rule)) for rule in sorted(rules, key=lambda r: r.id)]
    for (a, a_when, a_then, a_by), (b, b_when, b_then, b_by) in itertools.combinations(read, 2):
        if a.id == b.id:
            continue  # two alternatives of one rule
        if a_when == b_when:
            yield Issue(
                "error",
                "redundancy",
                f"{a.id} and {b.id} have the same conditions; make them one rule or tell them apart",
            )
            continue
        for general, general_then, special, special_then, special_by in (
            (a, a_then, b, b_then, b_by),
            (b, b_then, a, a_then, a_by),
        ):
            # ``special`` fires whenever ``general`` does and adds no conclusion of its own.
            if special_then <= general_then and all(
                any(implies(s, g) for s in special_by.get(g.subject, ())) for g in general.when
            ):
                yield Issue(
                    "error",
                    "subsumption",
                    f"{special.id} is subsumed by {general.id}: it only fires when {general.id} does "
                    f"and concludes nothing {general.id} does not",
                )


def _by_subject(rule: RuleSpec) -> dict[str, list[Condition]]:
    out: dict[str, list[Condition]] = {}
    for condition in rule.when:
        out.setdefault(condition.subject, []).append(condition)
    return out


def _searches(kb: Catalogue, rules: list[RuleSpec], flat: list[RuleSpec], samples: int) -> Iterable[Issue]:
    """Opposed and contradicting advice, sharing one compiled engine and one set of random cases."""
    runner = Runner(rules, kb) if samples else None
    rng = random.Random(20261122)
    cases = [random_facts(rng, kb) for _ in range(samples)]
    randoms = [(facts, runner.run(facts)) for facts in cases] if runner else []
    yield from _opposition(kb, rules, flat, runner, randoms)
    yield from _contradictions(kb, flat, runner, randoms)
    if runner is not None:
        never = unreachable_interventions(kb, flat, runner)
        yield from _unreachable(flat, never)
        yield from _unreachable_through_intake(kb, flat, runner, set(never))


def _unreachable(flat: list[RuleSpec], never: list[str]) -> Iterable[Issue]:
    recommended = {c.intervention for r in flat for c in r.then if isinstance(c, Recommend)}
    for iid in never:
        if iid in recommended:  # "recommended by no rule" is reported by _reachability
            yield Issue(
                "error",
                "reachability",
                f"intervention {iid} is advised in no case: the rules that recommend it cannot fire, or a "
                "suppression always withholds it (give it a rule that can, or retire it)",
            )


def _unreachable_through_intake(kb: Catalogue, flat: list[RuleSpec], runner: Runner, skip: set[str]) -> Iterable[Issue]:
    """``skip``: the interventions no case gets at all (reported by :func:`_unreachable`), and any not to search."""
    recommended = {c.intervention for r in flat for c in r.then if isinstance(c, Recommend)}
    for iid in unreachable_through_intake(kb, flat, runner, skip | (set(kb.intervention) - recommended)):
        yield Issue(
            "error",
            "intake",
            f"intervention {iid} is advised for no case the intake can enter: the facts its rules need cannot "
            "be given by a statement score, a follow-up, a signal or the context (give the instrument a way "
            "to them, or add the facts to INTAKE_SITUATIONS)",
        )


Randoms = list[tuple[dict[str, Any], RunResult]]


def _opposition(
    kb: Catalogue, rules: list[RuleSpec], flat: list[RuleSpec], runner: Runner | None, randoms: Randoms
) -> Iterable[Issue]:
    """``rules`` to run, ``flat`` the same once per alternative (for the witness search)."""
    pairs = sorted({tuple(sorted((i.id, o))) for i in kb.interventions for o in i.opposes})
    for iid in sorted(i.id for i in kb.interventions for o in i.opposes if o not in kb.intervention):
        yield Issue("error", "opposition", f"{iid} is declared opposed to an unknown intervention")
    if not pairs:
        return
    suppressed = {c.intervention for r in rules for c in r.then if isinstance(c, Suppress)}
    for x, y in pairs:
        if x not in suppressed and y not in suppressed:
            yield Issue("error", "opposition", f"{x} and {y} are opposed, but no rule resolves it by suppressing one")
    if runner is None:
        return
    # First constructively: for every pair of rules that recommend the two, the
    # facts that make both fire; then randomly, for interactions beyond two rules.
    for x, y in pairs:
        for rx, ry in itertools.product(recommenders(x, flat), recommenders(y, flat)):
            facts = witness([rx, ry], flat, kb)
            if facts is None:
                continue
            result = runner.run(facts)
            advised = set(result.recommendations) - set(result.suppressions)
            if x in advised and y in advised:
                yield Issue(
                    "error", "opposition", f"{x} ({rx.id}) and {y} ({ry.id}) are both advised for the facts {facts}"
                )
    for facts, result in randoms:
        advised = set(result.recommendations) - set(result.suppressions)
        for x, y in pairs:
            if x in advised and y in advised:
                yield Issue("error", "opposition", f"{x} and {y} are both advised for the facts {facts}")
                return


def _contradictions(kb: Catalogue, flat: list[RuleSpec], runner: Runner | None, randoms: Randoms) -> Iterable[Issue]:
    """No rule may advise an intervention under the case facts it declares
    (``not_when``) it contradicts: searched constructively, for every rule that
    recommends it, with the contradicting value given, then on random cases."""
    declared = [(item.id, c) for item in kb.interventions for c in item.not_when]
    for iid, c in declared:
        domain = FACT_DOMAINS.get(c.fact)
        if domain is None:
            yield Issue("error", "contradiction", f"{iid} declares a contradiction on unknown fact {c.fact!r}")
        elif isinstance(domain, tuple) and not set(c.one_of) <= set(domain):
            yield Issue("error", "contradiction", f"{iid}: {c.fact} cannot take all of {list(c.one_of)}")
    if runner is None:
        return
    for iid, c in declared:
        for value, recommender in itertools.product(c.one_of, recommenders(iid, flat)):
            seed = RuleSpec("(contradiction)", "contradiction", "", "", "", (is_(c.fact, value),), ())
            facts = witness([seed, recommender], flat, kb)
            if facts is not None and iid in _contradicted(runner.run(facts), kb):
                yield Issue(
                    "error",
                    "contradiction",
                    f"{recommender.id} advises {iid} although {c.fact} = {value!r} ({c.why}), for the facts {facts}",
                )
    for facts, result in randoms:
        for iid in sorted(_contradicted(result, kb)):
            yield Issue("error", "contradiction", f"{iid} is advised under facts it contradicts: {facts}")
            return


def contradicted(advised: Iterable[str], facts: Mapping[str, Any], kb: Catalogue) -> set[str]:
    """The advised interventions whose declared contradicting facts hold in ``facts`` (path -> value)."""
    return {
        iid
        for iid in advised
        for c in kb.intervention[iid].not_when
        if evaluate(one_of(c.fact, *c.one_of), facts, (), kb.threshold)
    }


def _contradicted(result: RunResult, kb: Catalogue) -> set[str]:
    advised = set(result.recommendations) - set(result.suppressions)
    return contradicted(advised, {path: value for path, (value, _) in result.facts.items()}, kb)


__all__ = [
    "CoverageEntry",
    "Issue",
    "Level",
    "Randoms",
    "check_knowledge_base",
    "contradicted",
    "load_coverage",
]
