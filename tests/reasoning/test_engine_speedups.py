"""The engine's speed-ups change nothing Experta concludes.

The compiled engine declares a case's facts in one call, keeps its deffacts,
asks only the conflict-set nodes that changed, indexes the alpha network and
tests a fact before copying its token (``engine/reasoning/experta/_rete_index.py``), resets only
the nodes with a memory, and keeps the agenda with cheaper comparisons and a
token without asserts (``engine/reasoning/_engine.py``). Each case here is also run on the
same compiled rules with Experta's own matcher, strategy and reset, declaring the facts one by one as
Experta's documentation does: the firings (rule, matched facts, conclusions,
in firing order) and the final working memory must be the same.

One part of stock Experta is corrected in that comparison: its depth strategy takes an activation off the agenda by
looking at the first of the activations with an equal key and its two neighbours only, so with three or more rules on
the same fact it can miss it, depending on set order (the hash seed), and a rule fires whose absence test no longer
holds. The comparison's strategy is Experta's with that lookup replaced by the engine's ``remove_activation``
(``test_stock_experta_misses_a_retraction_that_the_engine_makes`` shows the defect)."""

from __future__ import annotations

import bisect
import functools
from typing import Any

import pytest

from samenwerkwijzer import load_case
from samenwerkwijzer.authoring._examples import EXAMPLE_DATE, load_examples
from samenwerkwijzer.authoring._ruledocs import example_case
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.model._combined_facts import combined_facts
from samenwerkwijzer.model._loading import case_from_data
from samenwerkwijzer.reasoning._engine import Obs, Runner, RunResult, _collect
from samenwerkwijzer.reasoning._rule_book import default_rule_book
from samenwerkwijzer.reasoning.experta._experta import DepthStrategy, KnowledgeEngine, ReteMatcher, Token
from samenwerkwijzer.reasoning.experta._rete_index import _Dispatcher, _TestFirst
from samenwerkwijzer.reasoning.experta._speedups import remove_activation

from ..conftest import EXAMPLES, ROOT, TODAY

CASE_FILES = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*/*.yaml")])
RULE_EXAMPLES = load_examples(ROOT / "rules")
# One firing example per rule module keeps this fast; the case files cover the rest.
RULE_CASES = [
    (rule_id, ex.fires[0].case)
    for rule_id, ex in sorted(RULE_EXAMPLES.items())
    if rule_id.endswith(("001", "101", "201"))  # the first rule of each kind per module
]


class _StockDepth(DepthStrategy):  # type: ignore[misc]
    """Experta's depth strategy with its agenda lookup corrected (see the module docstring); nothing else changed."""

    def _update_agenda(self, agenda: Any, added: Any, removed: Any) -> None:
        for act in removed:
            act.key = self.get_key(act)
            remove_activation(agenda.activations, act)
        for act in added:
            act.key = self.get_key(act)
            bisect.insort(agenda.activations, act)


@functools.cache
def _compiled_runner() -> Runner:
    """The shipped rules compiled in this process. The product may read its compiled engine back from the cache,
    written by another process, whose network orders tied activations by that process's hashing; stock Experta is
    compiled here, so the two compare as compiled by the same process (the engine read back is held to the one
    written in tests/reasoning/test_network_cache.py)."""
    return Runner(default_rule_book().rules, load_catalogue())


@functools.cache
def _stock_engine() -> Any:
    """The compiled rules on Experta as it ships (its matcher and its strategy), built once: building its
    Rete network costs a quarter of a second, and Experta's own ``reset`` readies an engine for the next
    run, as its documentation runs one engine on many sets of facts."""
    compiled = type(_compiled_runner()._engine)
    stock = type(
        "StockEngine",
        (compiled,),
        {"__matcher__": ReteMatcher, "__strategy__": _StockDepth, "get_deffacts": KnowledgeEngine.get_deffacts},
    )
    return stock()


def _stock_run(facts: dict[str, Any]) -> RunResult:
    """The same rules on Experta as it ships: its matcher, its reset, one declaration per fact."""
    engine = _stock_engine()
    engine.knowledge = _compiled_runner()._engine.knowledge
    stock_network = _walk(engine.matcher.root_node)
    assert not any(isinstance(c.node, _Dispatcher) or isinstance(c.callback, _TestFirst) for c in stock_network)
    assert type(engine.strategy) is _StockDepth
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
    fast = _compiled_runner().run(facts)
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
    network = _walk(_compiled_runner()._engine.matcher.root_node)
    assert any(isinstance(c.node, _Dispatcher) for c in network)
    assert any(isinstance(c.callback, _TestFirst) for c in network)


def test_a_reset_empties_every_memory_of_the_network():
    runner = _compiled_runner()
    case = load_case(EXAMPLES / "gecombineerd.yaml")
    runner.run(combined_facts(case, TODAY)[0])
    engine = runner._engine
    nodes = [c.node for c in _walk(engine.matcher.root_node)]
    memories = ("memory", "left_memory", "right_memory")
    assert any(getattr(n, m, None) for n in nodes for m in memories), "the run left nothing to reset"
    engine.matcher.reset()
    assert not [n for n in nodes for m in memories if getattr(n, m, None)]


def test_the_lean_token_is_an_experta_token_with_the_same_parts():
    from samenwerkwijzer.reasoning.experta._speedups import Token as _Token

    fact = Obs(path="a", value=1)
    lean, stock = _Token.valid(fact, {"x": 1}), Token.valid(fact, {"x": 1})
    assert isinstance(lean, Token) and lean == stock and lean.is_valid()
    copy = lean.copy()
    assert type(copy) is _Token and copy == lean and copy.data is not lean.data and copy.context is not lean.context
    assert not _Token.invalid([fact]).is_valid()


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
    runner = _compiled_runner()
    cases = (
        {"network.partner_count": 40, "network.private_partner_count": 5, "context.type": "pps"},
        {"leadership.trekker": 1, "leadership.trekker_has_time": 0},
        {"leadership.trekker": True, "leadership.trekker_has_time": False},
    )
    for facts in cases:
        assert runner.run(facts).firings == _stock_run(facts).firings


def test_each_rule_is_prepared_as_experta_prepares_it():
    from experta import OR

    from samenwerkwijzer.reasoning.experta._experta import NOT, Fact, Rule, prepare_rule
    from samenwerkwijzer.reasoning.experta._speedups import prepared_rule

    rules = list(_compiled_runner()._engine.get_rules())
    assert len(rules) > 150
    for rule in rules:
        fast, stock = prepared_rule(rule), prepare_rule(rule)
        assert fast == stock and hash(fast) == hash(stock), rule
    # A shape the compiler never makes goes to Experta's own preparation, and comes out the same.
    for odd in (Rule(OR(Fact(a=1), Fact(b=2))), Rule(NOT(NOT(Fact(a=1)))), Rule(NOT(Fact(a=1)), Fact(b=2)), Rule()):
        assert prepared_rule(odd) == prepare_rule(odd)


def test_stock_experta_misses_a_retraction_that_the_engine_makes():
    """Five activations of equal key (five rules on the same fact): Experta's own strategy, asked to take the fourth
    off the agenda, looks at the first, the second and (wrapping round) the last, and leaves it on; the engine's
    search of the whole run takes it off."""
    from types import SimpleNamespace

    class Act:
        rule = SimpleNamespace(salience=0)
        facts: frozenset[Any] = frozenset()

        def __init__(self, name: str) -> None:
            self.name, self.context, self.key = name, {"name": name}, (0, [])

        def __lt__(self, other: Any) -> bool:
            return bool(self.key < other.key)

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Act) and self.name == other.name

        def __hash__(self) -> int:
            return hash(self.name)

    run = [Act(n) for n in "abcde"]
    fourth = run[3]
    stock = SimpleNamespace(activations=list(run))
    DepthStrategy()._update_agenda(stock, [], [fourth])
    assert fourth in stock.activations  # Experta's defect: still on the agenda, so its rule would fire
    ours = list(run)
    fourth.key = (0, [])
    remove_activation(ours, fourth)
    assert ours == [a for a in run if a is not fourth]
