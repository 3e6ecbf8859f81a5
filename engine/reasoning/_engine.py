"""Compile the rule set into one Experta ``KnowledgeEngine`` and run cases on it.

Derived facts carry the id of the rule that declared them and the keys of the
facts it matched (observation paths, finding ids), so every conclusion can be
traced back to the case. Nothing depends on Experta's firing order: the
result is collected from the final working memory and ranked afterwards.
"""

from __future__ import annotations

import bisect
import functools
import inspect
import operator
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..model._catalogue import Catalogue
from ..model._errors import KnowledgeBaseError
from ..model._facts import CASE_PATHS, DERIVED_PATHS, FACT_DOMAINS
from ..rules.dsl import Conclusion, Condition, Derive, Diagnose, Recommend, RuleSpec, Suppress, alternatives, leaves
from .experta._experta import (
    ANDFC,
    AS,
    NOT,
    NOTFC,
    ORFC,
    DepthStrategy,
    Fact,
    InitialFact,
    KnowledgeEngine,
    P,
    ReteMatcher,
    Rule,
    Token,
    prepare_rule,
)
from .experta._rete_index import index_alpha_network, lean_alpha_tests, memory_nodes


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


class _ChangedNodesMatcher(ReteMatcher):  # type: ignore[misc]
    """Experta's Rete matcher, asking only the rules' nodes that hold changes.

    Experta collects the agenda's changes by calling every conflict-set node
    (one per rule variant, some 160) after each declaration and each firing;
    most of them hold nothing. Skipping the empty ones returns the same
    activations, in the same node order. The alpha part is indexed on literal
    values (:mod:`._rete_index`)."""

    @staticmethod
    def prepare_ruleset(engine: Any) -> set[Any]:
        return {prepared_rule(rule) for rule in engine.get_rules()}

    def build_network(self) -> None:
        super().build_network()
        lean_alpha_tests(self.root_node)
        index_alpha_network(self.root_node)
        self._memories = memory_nodes(self.root_node)

    def reset(self) -> None:
        for node in self._memories:
            node._reset()

    def changes(self, adding: Any = None, deleting: Any = None) -> tuple[list[Any], list[Any]]:
        # What BusNode.remove and .add do, with a token that skips Experta's
        # type checks of its own arguments (every copy is one of these too).
        children = self.root_node.children
        for fact in deleting or ():
            token = _Token.invalid(fact)
            for child in children:
                child.callback(token)
        for fact in adding or ():
            token = _Token.valid(fact)
            for child in children:
                child.callback(token)
        added: list[Any] = []
        removed: list[Any] = []
        for node in self._get_conflict_set_nodes():
            if node.added or node.removed:
                node_added, node_removed = node.get_activations()
                added.extend(node_added)
                removed.extend(node_removed)
        return added, removed


def prepared_rule(rule: Any) -> Any:
    """Experta's ``prepare_rule``: the rule in disjunctive normal form, with an
    ``InitialFact`` in front of a leading ``NOT``; the same rule, for less work.

    Every compiled rule is already a flat conjunction of patterns and negated
    patterns (``any_of`` becomes one rule per alternative), which is its own
    normal form; Experta still rewrites it until nothing changes, copying
    every pattern on each pass, more than half of compiling. A rule of any
    other shape goes to Experta's own ``prepare_rule``."""
    if not rule or not all(_flat_pattern(e) for e in rule):
        return prepare_rule(rule)
    if isinstance(rule[0], NOT) or not any(isinstance(e, Fact) for e in rule):
        return rule.new_conditions(InitialFact(), *rule)
    return rule.new_conditions(*rule)


def _flat_pattern(element: Any) -> bool:
    if isinstance(element, NOT):
        return len(element) == 1 and type(element[0]) is not NOT and _flat_pattern(element[0])
    return isinstance(element, Fact) and not any(isinstance(v, (ORFC, ANDFC, NOTFC)) for v in element.values())


class _Token(Token):  # type: ignore[misc]
    """Experta's token without the asserts in its constructor: it checks that
    the tag is a tag and the data facts on each of the tens of thousands of
    copies a diagnosis makes, and the network only ever passes it those."""

    __slots__ = ()

    def __new__(cls, tag: Any, data: Any, context: Any = None) -> _Token:
        facts = {data} if isinstance(data, Fact) else set(data)
        return tuple.__new__(cls, (tag, facts, {} if context is None else context))


class _DepthOrder(DepthStrategy):  # type: ignore[misc]
    """Experta's depth strategy: the same agenda, found with less work.

    Taking an activation off the agenda, Experta compares it with its
    neighbours by ``==``, which compares the bound facts first (every field of
    every fact) and the sort key last. This compares the same four parts with
    the cheap ones first, and computes the sort key directly instead of
    through an ``lru_cache`` that hashes the activation's facts to find it."""

    def _update_agenda(self, agenda: Any, added: list[Any], removed: list[Any]) -> None:
        activations = agenda.activations
        for act in removed:
            act.key = _depth_key(act)
            idx = bisect.bisect_left(activations, act)
            for offset in (0, 1, -1):  # as Experta: idx - 1 may wrap to the last one
                try:
                    other = activations[idx + offset]
                except IndexError:
                    continue
                if _same_activation(other, act):
                    del activations[idx + offset]
                    break
        for act in added:
            act.key = _depth_key(act)
            bisect.insort(activations, act)


def _depth_key(act: Any) -> tuple[Any, list[Any]]:
    return (act.rule.salience, sorted((f["__factid__"] for f in act.facts), reverse=True))


def _same_activation(a: Any, b: Any) -> bool:
    """``Activation.__eq__``: the same conjunction, cheapest part first."""
    return bool(a.key == b.key and a.rule == b.rule and a.facts == b.facts and a.context == b.context)


class _SamenwerkwijzerEngine(KnowledgeEngine):  # type: ignore[misc]
    """Base of the compiled engine; rules are added as methods by :func:`compile_engine`.

    Every firing is recorded in ``firings`` (Experta has no usable trace API;
    scraping its log would be fragile), cleared by ``reset()``.
    """

    __matcher__ = _ChangedNodesMatcher
    __strategy__ = _DepthOrder
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
                    f" (add {r.id}/{c.intervention} to knowledge/suppressions.yaml)"
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


class Runner:
    """One compiled engine per process, reused with ``reset()``.

    Experta keeps state on the engine and binds rules at class level, so runs
    are serialised with a lock; a run takes milliseconds.
    """

    def __init__(self, rules: Iterable[RuleSpec], catalogue: Catalogue) -> None:
        self._engine = compile_engine(rules, catalogue)
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
    "compile_engine",
    "domain_problems",
    "prepared_rule",
    "rule_problems",
    "validate_rules",
]
