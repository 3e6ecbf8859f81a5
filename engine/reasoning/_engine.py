"""Compile the rule set into one Experta ``KnowledgeEngine`` and run cases on it.

Derived facts carry the id of the rule that declared them and the keys of the
facts it matched (observation paths, finding ids), so every conclusion can be
traced back to the case. Nothing depends on Experta's firing order: the
result is collected from the final working memory and ranked afterwards.
"""

from __future__ import annotations

import functools
import inspect
import operator
import pickle
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..model import _cache
from ..model._catalogue import Catalogue
from ..model._errors import KnowledgeBaseError
from ..rules.dsl import Conclusion, Condition, Diagnose, Recommend, RuleSpec, Suppress, alternatives
from ._rule_checks import validate_rules
from .experta import _network_pickle
from .experta._experta import (
    AS,
    NOT,
    Fact,
    KnowledgeEngine,
    P,
    Rule,
)
from .experta._speedups import ChangedNodesMatcher, DepthOrder


class Obs(Fact):  # type: ignore[misc]
    """An observation: ``path``, ``value``; derived ones also ``rule``, ``because``."""


class FindingFact(Fact):  # type: ignore[misc]
    """``id``, ``rule``, ``because``."""


class RecommendationFact(Fact):  # type: ignore[misc]
    """``intervention``, ``rule``, ``because``."""


class SuppressionFact(Fact):  # type: ignore[misc]
    """``intervention``, ``reason``, ``rule``, ``because``."""


@dataclass(frozen=True)
class Derivation:
    """Who concluded something, and from which facts and findings."""

    rule: str
    because: tuple[str, ...]


@dataclass(frozen=True)
class Firing:
    """One rule firing, in the order Experta fired it: the facts it matched
    (key, value) and what it declared (kind, key, value)."""

    rule: str
    matched: tuple[tuple[str, Any], ...]
    declared: tuple[tuple[str, str, Any], ...]


@dataclass
class RunResult:
    """Working memory after a run, regrouped by kind, and the firings."""

    facts: dict[str, tuple[Any, Derivation | None]]
    findings: dict[str, list[Derivation]]
    recommendations: dict[str, list[Derivation]]
    suppressions: dict[str, list[tuple[Derivation, str]]]
    firings: list[Firing]


def _in(allowed: frozenset[Any], value: Any) -> bool:
    return value in allowed


def _compare(op: Callable[[Any, Any], bool], limit: int, value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and op(value, limit)


def _pattern(cond: Condition, thresholds: Mapping[str, int]) -> Any:
    if cond.op == "finding":
        return FindingFact(id=cond.subject)
    if cond.op in ("known", "unknown"):
        pattern = Obs(path=cond.subject)
        return NOT(pattern) if cond.op == "unknown" else pattern
    if cond.op == "eq":
        return Obs(path=cond.subject, value=cond.values[0])
    if cond.op == "in":
        return Obs(path=cond.subject, value=P(functools.partial(_in, frozenset(cond.values))))
    assert cond.threshold is not None
    op = operator.gt if cond.op == "gt" else operator.le
    return Obs(path=cond.subject, value=P(functools.partial(_compare, op, thresholds[cond.threshold])))


def _key(fact: Fact) -> str:
    return str(fact["id"]) if isinstance(fact, FindingFact) else str(fact["path"])


def _thaw(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_thaw(v) for v in value]
    return value


class _SamenwerkwijzerEngine(KnowledgeEngine):  # type: ignore[misc]
    """Base of the compiled engine; rules are added as methods by :func:`compile_engine`.

    Every firing is recorded in ``firings`` (Experta has no usable trace API;
    scraping its log would be fragile), cleared by ``reset()``.
    """

    __matcher__ = ChangedNodesMatcher
    __strategy__ = DepthOrder
    firings: list[Firing]
    knowledge: Catalogue  # handed to computing rules

    def reset(self, **kwargs: Any) -> None:
        self.firings = []
        super().reset(**kwargs)

    def get_deffacts(self) -> list[Any]:
        # Experta looks its deffacts up with inspect.getmembers on every reset
        # (hundreds of attributes); the class's set never changes.
        deffacts: list[Any] | None = self.__dict__.get("_deffacts")
        if deffacts is None:
            deffacts = self._deffacts = super().get_deffacts()
        return deffacts

    def conclude(self, spec: RuleSpec, matched: list[Fact]) -> None:
        because = tuple(sorted({_key(f) for f in matched}))
        conclusions: Iterable[Conclusion] = spec.then
        if spec.compute is not None:
            values = {str(f["path"]): _thaw(f["value"]) for f in matched if isinstance(f, Obs)}
            conclusions = _checked(spec, spec.compute(values, self.knowledge))
        declared = [(c, _as_fact(c, spec.id, because, self.knowledge)) for c in conclusions]
        for _, fact in declared:
            self.declare(fact)
        self.firings.append(
            Firing(
                rule=spec.id,
                matched=tuple((_key(f), _thaw(f["value"]) if isinstance(f, Obs) else None) for f in matched),
                declared=tuple(_described(c, fact) for c, fact in declared),
            )
        )


def _described(conclusion: Conclusion, fact: Fact) -> tuple[str, str, Any]:
    if isinstance(conclusion, Diagnose):
        return ("finding", conclusion.finding, None)
    if isinstance(conclusion, Recommend):
        return ("recommendation", conclusion.intervention, None)
    if isinstance(conclusion, Suppress):
        return ("suppression", conclusion.intervention, fact["reason"])  # the sentence the fact was declared with
    return ("fact", conclusion.path, conclusion.value)


def _checked(spec: RuleSpec, conclusions: Iterable[Conclusion]) -> list[Conclusion]:
    """A computing rule may only draw the kinds of conclusions it declares."""
    allowed = {(type(c), getattr(c, "path", None) or getattr(c, "finding", None)) for c in spec.then}
    out = list(conclusions)
    for c in out:
        key = (type(c), getattr(c, "path", None) or getattr(c, "finding", None))
        if key not in allowed:
            raise KnowledgeBaseError(f"rule {spec.id} concluded {c!r}, which it does not declare")
    return out


def _as_fact(conclusion: Conclusion, rule_id: str, because: tuple[str, ...], catalogue: Catalogue) -> Fact:
    if isinstance(conclusion, Diagnose):
        return FindingFact(id=conclusion.finding, rule=rule_id, because=because)
    if isinstance(conclusion, Recommend):
        return RecommendationFact(intervention=conclusion.intervention, rule=rule_id, because=because)
    if isinstance(conclusion, Suppress):
        reason = catalogue.suppression_reason(rule_id, conclusion.intervention)
        return SuppressionFact(intervention=conclusion.intervention, reason=reason, rule=rule_id, because=because)
    return Obs(path=conclusion.path, value=conclusion.value, rule=rule_id, because=because)


def _action(spec: RuleSpec) -> Callable[..., None]:
    def fire(self: _SamenwerkwijzerEngine, **bound: Fact) -> None:
        matched = [bound[name] for name in sorted(bound)]
        self.conclude(spec, matched)

    fire.__name__ = spec.name
    fire.__doc__ = spec.doc
    # Experta reads the action's signature each time it copies a rule while
    # compiling (some ten times per rule); every action has this one.
    fire.__signature__ = _ACTION_SIGNATURE  # type: ignore[attr-defined]
    return fire


def _action_template(self: _SamenwerkwijzerEngine, **bound: Fact) -> None:
    """The signature of every rule's action (see _action)."""


_ACTION_SIGNATURE = inspect.signature(_action_template)


def compile_engine(rules: Iterable[RuleSpec], catalogue: Catalogue) -> _SamenwerkwijzerEngine:
    rules = sorted(rules, key=lambda r: r.id)
    validate_rules(rules, catalogue)
    methods: dict[str, Any] = {}
    for spec in rules:
        # A rule with any_of becomes one Experta rule per alternative, each firing as the rule.
        for k, when in enumerate(alternatives(spec.when)):
            patterns = []
            for n, cond in enumerate(when):
                pattern = _pattern(cond, catalogue.threshold)
                # Bind every positive pattern so the firing knows which facts it used.
                patterns.append(pattern if cond.op == "unknown" else getattr(AS, f"m{n:02d}") << pattern)
            methods[f"rule_{spec.id}" + (f"_{k}" if k else "")] = Rule(*patterns)(_action(spec))
    engine_class = type("CompiledSamenwerkwijzerEngine", (_SamenwerkwijzerEngine,), methods)
    engine: _SamenwerkwijzerEngine = engine_class()
    engine.knowledge = catalogue
    return engine


#: The code of every rule's action (``fire`` in :func:`_action`), whose one free variable is its rule.
_FIRE_CODE = next(c for c in _action.__code__.co_consts if isinstance(c, types.CodeType) and c.co_name == "fire")


def cached_engine(rules: Iterable[RuleSpec], catalogue: Catalogue, key: str) -> _SamenwerkwijzerEngine:
    """:func:`compile_engine`, kept between runs under ``key`` (``_cache``; which must stand for everything the
    compiled engine depends on: the rules, the knowledge base, this code and Experta's). Read back, the engine is
    the one compiled: the same rules as methods, the same network (``experta/_network_pickle.py``)."""
    rules = tuple(rules)
    data = _cache.read("network", key)
    if data is not None:
        engine = _read_engine(data, {r.id: r for r in rules}, catalogue)
        if engine is not None:
            return engine
    engine = compile_engine(rules, catalogue)
    try:
        data = _write_engine(engine)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):  # kept compiled, not cached
        return engine
    _cache.write("network", key, data)
    return engine


def _write_engine(engine: _SamenwerkwijzerEngine) -> bytes:
    """A compiled engine that has never run, as its rule methods, then its state (the network); the engine, its
    knowledge base and the rules' actions by reference."""

    def reference(obj: Any) -> Any:
        if obj is engine:
            return "engine"
        if obj is engine.knowledge:
            return "knowledge"
        if type(obj) is types.FunctionType and obj.__code__ is _FIRE_CODE:
            spec = obj.__closure__[0].cell_contents  # type: ignore[index]
            return ("action", spec.id)
        return None

    methods = {name: value for name, value in vars(type(engine)).items() if isinstance(value, Rule)}
    state = {name: value for name, value in vars(engine).items() if name != "knowledge"}
    return _network_pickle.dump((methods, state), reference)


def _read_engine(data: bytes, rules: Mapping[str, RuleSpec], catalogue: Catalogue) -> _SamenwerkwijzerEngine | None:
    """What :func:`_write_engine` wrote, or None if it cannot be read (then the rules are compiled)."""
    engine: _SamenwerkwijzerEngine | None = None

    def resolve(name: Any) -> Any:
        if name == "engine" and engine is not None:
            return engine
        if name == "knowledge":
            return catalogue
        if not (isinstance(name, tuple) and len(name) == 2 and name[0] == "action"):
            raise pickle.UnpicklingError(f"unknown reference {name!r}")
        return _action(rules[name[1]])

    # The entry is the user's own and private (_cache.read checks), written by this code under a key that stands
    # for everything it depends on. A corrupt one is compiled again.
    try:
        reader = _network_pickle.Reader(data, resolve)
        methods = reader.next()
        if not isinstance(methods, dict):
            return None
        engine_class: Any = type("CompiledSamenwerkwijzerEngine", (_SamenwerkwijzerEngine,), methods)
        engine = engine_class.__new__(engine_class)
        for rule in methods.values():
            rule.ke = rule._wrapped_self = engine  # as Experta's get_rules left them (see _network_pickle._state)
        state = reader.next()
    except Exception:
        return None
    if not isinstance(state, dict) or not isinstance(state.get("matcher"), ChangedNodesMatcher):
        return None
    for name, value in state.items():  # one by one, as Experta's constructor (see _network_pickle._set_attributes)
        setattr(engine, name, value)
    engine.knowledge = catalogue
    return engine


class Runner:
    """One compiled engine per process, reused with ``reset()``.

    Experta keeps state on the engine and binds rules at class level, so runs
    are serialised with a lock; a run takes milliseconds. With a ``cache_key``
    the compiled engine is kept between runs (:func:`cached_engine`).
    """

    def __init__(self, rules: Iterable[RuleSpec], catalogue: Catalogue, *, cache_key: str | None = None) -> None:
        self._engine = (
            compile_engine(rules, catalogue) if cache_key is None else cached_engine(rules, catalogue, cache_key)
        )
        self._lock = threading.Lock()

    def run(self, facts: Mapping[str, Any]) -> RunResult:
        with self._lock:
            engine = self._engine
            _load(engine, facts)
            engine.run()
            return _collect(engine.facts.values(), engine.firings)

    def stepper(self, facts: Mapping[str, Any]) -> Iterator[Firing]:
        """Fire one rule at a time, yielding each firing. Runs on its own
        engine instance, so a paused demonstration never holds up :meth:`run`."""
        with self._lock:
            engine = type(self._engine)()
            engine.knowledge = self._engine.knowledge
        _load(engine, facts)
        while True:
            before = len(engine.firings)
            engine.run(steps=1)
            if len(engine.firings) == before:
                return
            yield engine.firings[-1]


def _load(engine: _SamenwerkwijzerEngine, facts: Mapping[str, Any]) -> None:
    engine.reset()
    # One declaration, one agenda update: the agenda orders activations by the
    # facts' ids, which are the same as when declared one by one.
    engine.declare(*(Obs(path=path, value=facts[path]) for path in sorted(facts)))


def _collect(working_memory: Iterable[Fact], firings: list[Firing]) -> RunResult:
    result = RunResult(facts={}, findings={}, recommendations={}, suppressions={}, firings=list(firings))
    for fact in working_memory:
        derivation = Derivation(rule=str(fact["rule"]), because=tuple(fact["because"])) if "rule" in fact else None
        if isinstance(fact, Obs):
            result.facts[str(fact["path"])] = (_thaw(fact["value"]), derivation)
        elif isinstance(fact, FindingFact):
            assert derivation is not None
            result.findings.setdefault(str(fact["id"]), []).append(derivation)
        elif isinstance(fact, RecommendationFact):
            assert derivation is not None
            result.recommendations.setdefault(str(fact["intervention"]), []).append(derivation)
        elif isinstance(fact, SuppressionFact):
            assert derivation is not None
            result.suppressions.setdefault(str(fact["intervention"]), []).append((derivation, str(fact["reason"])))
    for table in (result.findings, result.recommendations):
        for derivations in table.values():
            derivations.sort(key=lambda d: (d.rule, d.because))
    for pairs in result.suppressions.values():
        pairs.sort(key=lambda p: (p[0].rule, p[0].because))
    return result


__all__ = [
    "Derivation",
    "FindingFact",
    "Firing",
    "Obs",
    "RecommendationFact",
    "RunResult",
    "Runner",
    "SuppressionFact",
    "cached_engine",
    "compile_engine",
]
