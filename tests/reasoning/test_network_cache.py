"""The shipped rules' compiled engine kept between runs (engine/reasoning/_engine.py, ``cached_engine``;
experta/_network_pickle.py).

A cache may make a run faster, never different: the engine read back is the one compiled (its rules as methods,
its network), fires the same rules in the same order on every example, steps as it does, and agrees with stock
Experta; a cold cache writes one private entry and a warm one is read without compiling; a corrupt or foreign
entry is compiled again, and so is one that names anything an engine is not made of; with caching off nothing is
written; the key moves with what the engine is made of."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from samenwerkwijzer import load_case
from samenwerkwijzer.model import _cache
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.model._combined_facts import combined_facts
from samenwerkwijzer.reasoning import _engine, _rule_book
from samenwerkwijzer.reasoning._rule_book import default_rule_book
from samenwerkwijzer.reasoning.experta._experta import ReteMatcher

from ..conftest import EXAMPLES, TODAY

KEY = "test-network-key"
EXAMPLE_FACTS = [combined_facts(load_case(path), TODAY)[0] for path in sorted(EXAMPLES.glob("*.yaml"))]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(_cache.CACHE_DIR_ENV, str(directory))
    monkeypatch.delenv(_cache.NO_CACHE_ENV, raising=False)
    return directory


def _cached() -> _engine.Runner:
    return _engine.Runner(default_rule_book().rules, load_catalogue(), cache_key=KEY)


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("compiled, though the cache held the engine")

    monkeypatch.setattr(_engine, "compile_engine", refuse)


def test_a_cold_cache_compiles_and_writes_one_private_entry_a_warm_one_reads_it_back_the_same(cache, monkeypatch):
    cold = _cached()
    [entry] = sorted(cache.glob("network-*.bin"))
    assert oct(entry.stat().st_mode & 0o777) == "0o600"
    written = entry.stat().st_mtime_ns
    _no_compiling(monkeypatch)
    warm = _cached()
    assert entry.stat().st_mtime_ns == written
    assert type(warm._engine).__name__ == type(cold._engine).__name__ == "CompiledSamenwerkwijzerEngine"
    assert sorted(vars(type(warm._engine))) == sorted(vars(type(cold._engine)))
    assert warm._engine.knowledge is cold._engine.knowledge
    for facts in EXAMPLE_FACTS:
        first, again = cold.run(facts), warm.run(facts)
        assert first.firings  # every example fires rules
        assert first == again  # the same firings in the same order, the same working memory


def test_the_engine_read_back_steps_and_agrees_with_stock_experta(cache, monkeypatch):
    _cached()
    _no_compiling(monkeypatch)
    warm = _cached()
    facts = EXAMPLE_FACTS[0]
    assert [f.rule for f in warm.stepper(facts)] == [f.rule for f in warm.run(facts).firings]
    # Its rules, compiled on stock Experta's matcher, give the same conclusions.
    stock = type("Stock", (type(warm._engine),), {"__matcher__": ReteMatcher})()
    stock.knowledge = warm._engine.knowledge
    _engine._load(stock, facts)
    stock.run()
    result, stock_result = warm.run(facts), _engine._collect(stock.facts.values(), stock.firings)
    assert (result.facts, result.findings, result.recommendations, result.suppressions) == (
        stock_result.facts,
        stock_result.findings,
        stock_result.recommendations,
        stock_result.suppressions,
    )


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_corrupt_entry_is_compiled_again_and_replaced(cache, damage):
    _cached()
    [entry] = sorted(cache.glob("network-*.bin"))
    entry.write_bytes(damage)
    runner = _cached()
    assert runner.run(EXAMPLE_FACTS[0]).firings
    [again] = sorted(cache.glob("network-*.bin"))
    assert again.read_bytes() != damage


class _Planted:
    """An entry that would call something no engine is made of when read back."""

    def __reduce__(self) -> tuple[object, ...]:
        return (os.getenv, ("PATH",))


def test_an_entry_that_names_anything_but_what_an_engine_is_made_of_is_refused(cache, monkeypatch):
    _cached()
    [entry] = sorted(cache.glob("network-*.bin"))
    planted = pickle.dumps(_Planted())
    entry.write_bytes(planted)
    called: list[str] = []
    monkeypatch.setattr(os, "getenv", lambda *args: called.append("getenv"))
    runner = _cached()
    assert called == [] and runner.run(EXAMPLE_FACTS[0]).firings
    assert sorted(cache.glob("network-*.bin"))[0].read_bytes() != planted


def test_an_entry_others_may_write_is_never_read(cache, monkeypatch):
    _cached()
    [entry] = sorted(cache.glob("network-*.bin"))
    os.chmod(entry, 0o620)
    compiled: list[bool] = []
    compile_engine = _engine.compile_engine

    def counting(*args: object) -> object:
        compiled.append(True)
        return compile_engine(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(_engine, "compile_engine", counting)
    _cached()
    assert compiled == [True]


def test_with_caching_off_nothing_is_written_and_the_shipped_rules_have_no_key(cache, monkeypatch):
    monkeypatch.setenv(_cache.NO_CACHE_ENV, "1")
    assert _rule_book._network_key() is None
    _engine.Runner(default_rule_book().rules, load_catalogue())
    assert not cache.exists() or not list(cache.glob("network-*.bin"))


def test_the_key_moves_with_experta_and_is_not_the_catalogue_s(cache, monkeypatch):
    key = _rule_book._network_key()
    assert key is not None and key != _rule_book.catalogue_key()
    monkeypatch.setattr(_rule_book, "EXPERTA_VERSION", "9.9.9")
    assert _rule_book._network_key() != key


def test_only_the_shipped_rules_are_read_from_the_cache_another_rule_book_is_compiled(cache, monkeypatch):
    shipped = default_rule_book()
    _engine.Runner(shipped.rules, load_catalogue(), cache_key=_rule_book._network_key())  # the entry written
    assert sorted(cache.glob("network-*.bin"))
    compiled: list[int] = []
    compile_engine = _engine.compile_engine

    def counting(rules: object, catalogue: object) -> object:
        compiled.append(len(tuple(rules)))  # type: ignore[arg-type]
        return compile_engine(rules, catalogue)  # type: ignore[arg-type]

    monkeypatch.setattr(_engine, "compile_engine", counting)
    fewer = _rule_book.RuleBook(shipped.rules[1:])
    assert fewer.runner is not None
    assert compiled == [len(shipped.rules) - 1]
