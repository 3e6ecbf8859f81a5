"""``kb check``: reachability. Facts under which rules fire (the witness search), and what no case reaches.

:func:`witness` constructs case facts under which every goal rule fires (each
condition assigned as its operator says, :data:`~..reasoning._conditions.OPERATORS`),
:func:`random_facts` draws random cases, :func:`unreachable_interventions` runs
the witnesses through the engine, and :func:`unreachable_through_intake` asks
whether the intake's answers can give those facts at all. The checks that turn
these into issues are :mod:`._kbcheck`'s.
"""

from __future__ import annotations

import functools
import json
import random
import typing
from collections.abc import Collection, Iterator, Mapping
from datetime import date
from typing import Any

from ..model._case_types import ClimateSign, PartnerRole
from ..model._catalogue import Catalogue
from ..model._facts import CASE_PATHS, FACT_DOMAINS
from ..reasoning._conditions import OPERATORS
from ..reasoning._engine import Runner
from ..rules.dsl import Condition, Diagnose, Recommend, RuleSpec


def unreachable_interventions(kb: Catalogue, flat: list[RuleSpec], runner: Runner) -> list[str]:
    """The interventions no case can get: for every rule that recommends one, the facts that make it fire
    (searched as for opposed advice), run through the engine; an intervention that is then always withheld, or
    whose recommending rules cannot fire, is unreachable. ``flat``: the rules once per alternative."""
    out: list[str] = []
    for item in kb.interventions:
        reached = False
        for recommender in recommenders(item.id, flat):
            facts = witness([recommender], flat, kb)
            if facts is None:
                continue
            result = runner.run(facts)
            if item.id in result.recommendations and item.id not in result.suppressions:
                reached = True
                break
        if not reached:
            out.append(item.id)
    return out


# Case facts the witness search cannot find, by intervention: what a computing rule needs (the climate the
# partners name beside thermometer signs of another level, so that the two readings differ: KLI004).
INTAKE_SITUATIONS: dict[str, tuple[dict[str, Any], ...]] = {
    "I-KLIMAAT-SAMEN-METEN": (
        {
            "climate.declared": "vriendschappelijk",
            "climate.signs": ["discussiepunten_niet_uitgesproken", "geremd_voelen"],
        },
    ),
}


def intake_candidates(
    iid: str, flat: list[RuleSpec], kb: Catalogue
) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """For intervention ``iid``: (where the facts come from, the facts, the intake answers that give them), for
    each rule that recommends it whose witness facts the intake can express, then :data:`INTAKE_SITUATIONS`."""
    from ._encode import EncodeError, answers_for

    for origin, facts in _candidate_facts(iid, flat, kb):
        try:
            answers = answers_for(facts)
        except EncodeError:
            continue
        yield origin, facts, answers


def _candidate_facts(iid: str, flat: list[RuleSpec], kb: Catalogue) -> Iterator[tuple[str, dict[str, Any]]]:
    for recommender in recommenders(iid, flat):
        try:
            facts = witness([recommender], flat, kb)
        except KeyError:  # a fact no example value is known for (the respondents' divergence): not the intake's
            continue
        if facts is not None:
            yield recommender.id, facts
    for facts in INTAKE_SITUATIONS.get(iid, ()):
        yield "situation", dict(facts)


def intake_facts(answers: Mapping[str, Any], today: date) -> dict[str, Any] | None:
    """The facts of the case ``answers`` enter through the intake, the advisor's and the respondents' (None when
    it refuses an answer). The intake reads the shipped knowledge whatever rules are checked, so the facts of
    the same answers are computed once per process."""
    facts = _intake_facts(json.dumps(answers, sort_keys=True, default=str), today)
    return None if facts is None else dict(facts)


@functools.lru_cache(maxsize=512)
def _intake_facts(answers: str, today: date) -> dict[str, Any] | None:
    from ..model._combined_facts import combined_facts
    from ..model._errors import InputError
    from ._encode import intake_case

    try:
        case = intake_case(json.loads(answers), today=today)
    except InputError:
        return None
    return combined_facts(case, today)[0]


def unreachable_through_intake(
    kb: Catalogue, flat: list[RuleSpec], runner: Runner, skip: Collection[str] = ()
) -> list[str]:
    """The interventions no answers of the intake (the advisor's, and the respondents') lead to (advised, not
    withheld), among those the
    rules can advise (:func:`unreachable_interventions` reports the others); those in ``skip`` are not searched."""
    today = date(2026, 1, 1)
    out: list[str] = []
    for item in kb.interventions:
        if item.id in skip:
            continue
        for _, _, answers in intake_candidates(item.id, flat, kb):
            facts = intake_facts(answers, today)
            if facts is None:
                continue
            result = runner.run(facts)
            if item.id in result.recommendations and item.id not in result.suppressions:
                break
        else:
            out.append(item.id)
    return out


def recommenders(intervention: str, rules: list[RuleSpec]) -> list[RuleSpec]:
    return [r for r in rules if any(isinstance(c, Recommend) and c.intervention == intervention for c in r.then)]


def witness(goals: list[RuleSpec], rules: list[RuleSpec], kb: Catalogue) -> dict[str, Any] | None:
    """Case facts under which every goal rule fires, or None when the goals
    contradict each other (e.g. a fact both true and false); ``rules`` are
    plain conjunctions (:func:`variants`)."""
    diagnosers: dict[str, list[RuleSpec]] = {}
    for r in rules:
        for c in r.then:
            if isinstance(c, Diagnose):
                diagnosers.setdefault(c.finding, []).append(r)
    facts: dict[str, Any] = {}
    absent: set[str] = set()

    def satisfy(rule: RuleSpec, depth: int) -> bool:
        for cond in rule.when:
            if cond.op == "finding":
                options = sorted(diagnosers.get(cond.subject, []), key=lambda r: len(r.when))
                if depth > 5 or not any(_try(lambda r=r: satisfy(r, depth + 1)) for r in options if r is not rule):
                    return False
            elif not _assign(cond, facts, absent, kb):
                return False
        return True

    def _try(attempt: Any) -> bool:
        saved, saved_absent = dict(facts), set(absent)
        if attempt():
            return True
        facts.clear()
        facts.update(saved)
        absent.clear()
        absent.update(saved_absent)
        return False

    if not all(satisfy(goal, 0) for goal in goals):
        return None
    # Derived facts are the engine's to conclude; give it what they come from.
    if "climate.level" in facts:
        facts.setdefault("climate.declared", facts.pop("climate.level"))
    facts.pop("climate.derived", None)
    return facts


def _assign(cond: Condition, facts: dict[str, Any], absent: set[str], kb: Catalogue) -> bool:
    return OPERATORS[cond.op].witness(cond, facts, absent, kb.threshold, _example_value)


_LIST_EXAMPLES = {
    "network.missing_roles": ["gebruiker"],
    "network.missing_levels": ["strategisch"],
    "climate.signs": ["niet_doorvragen"],
    "organisation.culture_obstacles": ["korte_termijn"],
}


def _example_value(path: str) -> Any:
    """Some value the fact can really take."""
    domain = FACT_DOMAINS[path]
    if isinstance(domain, tuple):
        return domain[0]
    if domain is bool:
        return True
    if domain is int:
        return 1
    return _LIST_EXAMPLES[path]


def random_facts(rng: random.Random, kb: Catalogue) -> dict[str, Any]:
    limit = 2 * max(kb.threshold.values(), default=10) + 2
    facts: dict[str, Any] = {}
    for path in CASE_PATHS:
        if rng.random() < 0.4:
            continue
        domain = FACT_DOMAINS[path]
        if isinstance(domain, tuple):
            facts[path] = rng.choice(domain)
        elif domain is bool:
            facts[path] = rng.random() < 0.5
        elif domain is int:
            facts[path] = rng.randint(0, limit)
        else:
            pool = typing.get_args(ClimateSign) if path == "climate.signs" else typing.get_args(PartnerRole)
            facts[path] = sorted(rng.sample(pool, rng.randint(1, 4)))
    if "network.private_partner_count" in facts and "network.partner_count" in facts:
        facts["network.partner_count"] = max(facts["network.partner_count"], facts["network.private_partner_count"])
    return facts


__all__ = [
    "INTAKE_SITUATIONS",
    "intake_candidates",
    "intake_facts",
    "random_facts",
    "recommenders",
    "unreachable_interventions",
    "unreachable_through_intake",
    "witness",
]
