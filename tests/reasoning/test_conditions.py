"""One module reads conditions: engine/reasoning/_conditions.py's table gives every operator of the rule language every
meaning (evaluate, could still hold, witness, implication, sentence), and its evaluation is the rule
language's own (``rules.dsl.holds``, which the compiled Experta patterns are held to)."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from samenwerkwijzer import default_rule_book
from samenwerkwijzer.authoring._kbcheck import _LIST_EXAMPLES as LIST_EXAMPLES
from samenwerkwijzer.authoring._kbcheck import _example_value
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.model._facts import DERIVED_PATHS, FACT_DOMAINS
from samenwerkwijzer.reasoning._condition_text import _WORDING
from samenwerkwijzer.reasoning._conditions import ALL_OPS, OPERATORS, Scope, could_hold, evaluate, implies, possible
from samenwerkwijzer.rules.dsl import Condition, holds, leaves

ENGINE = Path(__file__).resolve().parents[2] / "engine"
MEANINGS = [f.name for f in dataclasses.fields(OPERATORS["eq"]) if f.name != "op"]
KB = load_catalogue()


def test_every_operator_has_every_meaning():
    assert set(OPERATORS) == set(ALL_OPS)
    for op in ALL_OPS:
        meaning = OPERATORS[op]
        assert meaning.op == op
        for name in MEANINGS:
            assert getattr(meaning, name), (op, name)
    for wording in _WORDING.values():
        simple = {OPERATORS[op].sentence for op in ALL_OPS if op not in ("any", "finding")}
        assert simple <= set(wording.ops)


def _conditions() -> list[Condition]:
    return sorted({c for r in default_rule_book().rules for c in leaves(r.when)}, key=repr)


def _random_facts(rng: random.Random) -> dict[str, object]:
    facts: dict[str, object] = {}
    for path, domain in FACT_DOMAINS.items():
        if rng.random() < 0.3:
            continue
        if isinstance(domain, tuple):
            facts[path] = rng.choice(domain)
        elif domain is bool:
            facts[path] = rng.random() < 0.5
        elif domain is int:
            facts[path] = rng.randint(0, 40)
        elif path in LIST_EXAMPLES:
            facts[path] = _example_value(path)
    return facts


def test_evaluate_is_the_rule_language_s_own_meaning():
    rng = random.Random(11)
    conditions = _conditions()
    findings = sorted(KB.finding)
    for _ in range(200):
        facts = _random_facts(rng)
        found = set(rng.sample(findings, 5))
        for cond in conditions:
            assert evaluate(cond, facts, found, KB.threshold) == holds(cond, facts, found, KB.threshold), cond
        for rule in default_rule_book().rules:
            for cond in rule.when:  # any_of included
                assert evaluate(cond, facts, found, KB.threshold) == holds(cond, facts, found, KB.threshold)


def test_could_hold_is_evaluate_on_a_settled_fact_and_open_on_one_that_is_not():
    rng = random.Random(5)
    for cond in (c for c in _conditions() if c.op != "finding" and c.subject not in DERIVED_PATHS):
        facts = _random_facts(rng)
        settled = Scope(facts, set(facts) | {cond.subject}, KB.threshold, DERIVED_PATHS, ())
        assert could_hold(cond, settled) == evaluate(cond, facts, (), KB.threshold)
        assert could_hold(cond, Scope(facts, set(), KB.threshold, DERIVED_PATHS, ()))


def _witnessable(cond: Condition) -> bool:
    """The kb check builds cases from these (a list fact needs an example value)."""
    return cond.op != "finding" and (FACT_DOMAINS.get(cond.subject) is not list or cond.subject in LIST_EXAMPLES)


def test_a_witness_makes_its_condition_hold():
    for cond in filter(_witnessable, _conditions()):
        facts: dict[str, object] = {}
        assert OPERATORS[cond.op].witness(cond, facts, set(), KB.threshold, _example_value), cond
        assert evaluate(cond, facts, (), KB.threshold), (cond, facts)


def test_implication_holds_on_every_witness():
    conditions = _conditions()
    for a in filter(_witnessable, conditions):
        facts: dict[str, object] = {}
        OPERATORS[a.op].witness(a, facts, set(), KB.threshold, _example_value)
        for b in (c for c in conditions if c.subject == a.subject):
            if implies(a, b):
                assert evaluate(b, facts, (), KB.threshold), (a, b)


def test_a_rule_that_fired_is_possible_and_one_the_answers_rule_out_is_not():
    book = default_rule_book()
    facts = {"leadership.regie": "onduidelijk", "leadership.trekker": False}
    live = {r.id for r in possible(book.variants, facts, facts.keys(), KB.threshold, book.derived_paths)}
    assert {"ROL001", "ROL002"} <= live
    assert "ROL003" not in live  # needs a trekker


@pytest.mark.parametrize(
    "module", ["_diagnose.py", "_relevance.py", "_explain.py", "_kbcheck.py", "_condition_text.py", "_questions.py"]
)
def test_no_other_module_evaluates_conditions_itself(module):
    """``holds`` (the rule language's evaluation), the diagnosis's own ``_settled`` and the kb check's own
    ``_implies`` are gone: these modules ask engine/reasoning/_conditions.py."""
    (path,) = ENGINE.rglob(module)
    text = path.read_text(encoding="utf-8")
    assert " holds(" not in text and "import holds" not in text and ", holds" not in text
    assert "def _settled" not in text and "def _implies" not in text
