"""The engine's speed-ups change nothing Experta concludes.

The compiled engine declares a case's facts in one call, keeps its deffacts,
asks only the conflict-set nodes that changed and indexes the alpha network
(``engine/_rete_index.py``). Each case here is also run on the same compiled
rules with Experta's own matcher and reset, declaring the facts one by one as
Experta's documentation does: the firings (rule, matched facts, conclusions,
in firing order) and the final working memory must be the same."""

from __future__ import annotations

from typing import Any

import pytest

from samenwerkwijzer import load_case
from samenwerkwijzer._diagnose import shared_runner
from samenwerkwijzer._engine import Obs, RunResult, _collect
from samenwerkwijzer._examples import EXAMPLE_DATE, load_examples
from samenwerkwijzer._experta import KnowledgeEngine, ReteMatcher
from samenwerkwijzer._facts import combined_facts
from samenwerkwijzer._loading import case_from_data
from samenwerkwijzer._rete_index import _Dispatcher
from samenwerkwijzer._ruledocs import example_case

from .conftest import EXAMPLES, ROOT, TODAY

CASE_FILES = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*/*.yaml")])
RULE_EXAMPLES = load_examples(ROOT / "rules" / "examples")
# One firing example per rule module keeps this fast; the case files cover the rest.
RULE_CASES = [
    (rule_id, ex.fires[0].case)
    for rule_id, ex in sorted(RULE_EXAMPLES.items())
    if rule_id.endswith(("001", "101", "201"))  # the first rule of each kind per module
]


def _stock_run(facts: dict[str, Any]) -> RunResult:
    """The same rules on Experta as it ships: its matcher, its reset, one declaration per fact."""
    compiled = type(shared_runner()._engine)
    stock = type("StockEngine", (compiled,), {"__matcher__": ReteMatcher, "get_deffacts": KnowledgeEngine.get_deffacts})
    engine = stock()
    engine.knowledge = shared_runner()._engine.knowledge
    assert not any(isinstance(c.node, _Dispatcher) for c in _walk(engine.matcher.root_node))
    engine.reset()
    for path in sorted(facts):
        engine.declare(Obs(path=path, value=facts[path]))
    engine.run()
    return _collect(engine.facts.values(), engine.firings)


def _walk(node: Any) -> list[Any]:
    out, stack = [], [node]
    while stack:
        for child in stack.pop().children:
            out.append(child)
            stack.append(child.node)
    return out


def _assert_same(facts: dict[str, Any]) -> None:
    fast = shared_runner().run(facts)
    stock = _stock_run(facts)
    assert fast.firings == stock.firings
    assert (fast.facts, fast.findings, fast.recommendations, fast.suppressions) == (
        stock.facts,
        stock.findings,
        stock.recommendations,
        stock.suppressions,
    )
    assert fast.firings  # every case here makes at least one rule fire


def test_the_shipped_engine_is_indexed():
    assert any(isinstance(c.node, _Dispatcher) for c in _walk(shared_runner()._engine.matcher.root_node))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_every_case_file_fires_as_on_stock_experta(path):
    case = load_case(path)
    _assert_same(combined_facts(case, case.assessed_on or TODAY)[0])


@pytest.mark.parametrize(("rule_id", "data"), RULE_CASES, ids=[r for r, _ in RULE_CASES])
def test_rule_examples_fire_as_on_stock_experta(rule_id, data):
    case = case_from_data(example_case(rule_id, data))
    _assert_same(combined_facts(case, case.assessed_on or EXAMPLE_DATE)[0])


def test_a_fact_value_that_is_not_text_reaches_every_test():
    """Numbers and booleans bypass the index (``1 == True`` in Python, not in a string index)."""
    runner = shared_runner()
    cases = (
        {"network.partner_count": 40, "network.private_partner_count": 5, "context.type": "pps"},
        {"leadership.trekker": 1, "leadership.trekker_has_time": 0},
        {"leadership.trekker": True, "leadership.trekker_has_time": False},
    )
    for facts in cases:
        assert runner.run(facts).firings == _stock_run(facts).firings
