"""The rule book: a set of rules compiled once and the questions asked of it (which rules decide a
condition, which conclude a finding, which support another); the shipped rules as the default."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from ..model import _cache
from ..model._catalogue import Catalogue, catalogue_key, load_catalogue
from ..model._facts import CASE_FIELDS
from ..rules import all_rules
from ..rules.dsl import Condition, Derive, Diagnose, RuleSpec, leaves, variants
from . import _engine, _rule_checks
from ._engine import Runner
from .experta import _experta, _network_pickle, _rete_index, _speedups
from .experta._experta import EXPERTA_VERSION

__all__ = ["RuleBook", "default_rule_book", "rules_by_id", "shared_runner"]


class RuleBook:
    """A set of rules the engine reasons with, compiled once (on first use)
    and reused. :func:`default_rule_book` holds the shipped rules; a test or
    an experiment can diagnose with another one."""

    def __init__(self, rules: Iterable[RuleSpec]) -> None:
        self.rules = tuple(sorted(rules, key=lambda r: r.id))
        self.by_id = {r.id: r for r in self.rules}

    @functools.cached_property
    def runner(self) -> Runner:
        return Runner(self.rules, load_catalogue())

    @functools.cached_property
    def condition_paths(self) -> dict[str, frozenset[str]]:
        """Per condition, the facts its diagnosing rules read: answering any of
        them means the condition has been looked at."""
        kb = load_catalogue()
        paths: dict[str, set[str]] = {c.id: set() for c in kb.conditions}
        for rule in self.rules:
            if _situational(rule, kb):
                continue  # advice from the situation assesses no condition
            # Answers to questions count; what only follows from the partner list does not.
            read = {c.subject for c in leaves(rule.when) if c.op != "finding" and not _from_partner_list(c.subject)}
            for conclusion in rule.then:
                if isinstance(conclusion, Diagnose):
                    paths[kb.finding[conclusion.finding].condition] |= read
        return {cid: frozenset(p) for cid, p in paths.items()}

    @functools.cached_property
    def variants(self) -> tuple[RuleSpec, ...]:
        """Every rule once per alternative of its ``any_of`` conditions (:func:`variants`)."""
        return tuple(v for rule in self.rules for v in variants(rule))

    @functools.cached_property
    def derived_paths(self) -> frozenset[str]:
        """The fact paths its rules derive."""
        return frozenset(c.path for rule in self.rules for c in rule.then if isinstance(c, Derive))

    @functools.cache  # noqa: B019 (a rule book lives as long as the process)
    def condition_rules(self, condition_id: str) -> list[RuleSpec]:
        """The variants of the rules that diagnose a finding under one of Common Eye's conditions."""
        kb = load_catalogue()
        # Situational findings rest on the kind of collaboration (or are the collaboration's own question), not on
        # the condition: they assess none.
        return [
            r
            for f in kb.findings
            if f.condition == condition_id and f.package is None
            for r in self.diagnosers.get(f.id, [])
        ]

    @functools.cache  # noqa: B019
    def deciding(self, condition_id: str) -> list[RuleSpec]:
        """:meth:`supporting` of :meth:`condition_rules`."""
        return self.supporting(self.condition_rules(condition_id))

    @functools.cache  # noqa: B019
    def rule_numbers(self, condition_id: str) -> dict[int, int]:
        """For each variant of :meth:`condition_rules` and :meth:`deciding` (by object: both lists live as long
        as the rule book), a number that is the same for the same rule id and conditions: comparing numbers
        finds the same rule without hashing its conditions on every diagnosis."""
        numbers: dict[tuple[str, tuple[Condition, ...]], int] = {}
        variants = [*self.condition_rules(condition_id), *self.deciding(condition_id)]
        return {id(r): numbers.setdefault((r.id, r.when), len(numbers)) for r in variants}

    @functools.cached_property
    def concluders(self) -> dict[str, list[RuleSpec]]:
        """Per finding and derived fact path, the rule variants that conclude it."""
        out: dict[str, list[RuleSpec]] = {}
        for variant in self.variants:
            for conclusion in variant.then:
                if isinstance(conclusion, Diagnose):
                    out.setdefault(conclusion.finding, []).append(variant)
                elif isinstance(conclusion, Derive):
                    out.setdefault(conclusion.path, []).append(variant)
        return out

    def supporting(self, rules: Iterable[RuleSpec]) -> list[RuleSpec]:
        """``rules`` and, transitively, the variants that conclude a finding or a derived
        fact they read: all that decides whether ``rules`` can still fire."""
        out: dict[tuple[str, tuple[Condition, ...]], RuleSpec] = {}
        todo = list(rules)
        while todo:
            rule = todo.pop()
            if out.setdefault((rule.id, rule.when), rule) is not rule:
                continue
            for cond in leaves(rule.when):
                if cond.op == "finding" or cond.subject in self.derived_paths:
                    todo.extend(self.concluders.get(cond.subject, ()))
        return list(out.values())

    @functools.cached_property
    def diagnosers(self) -> dict[str, list[RuleSpec]]:
        """Per finding, the rules that diagnose it, once per alternative (:func:`variants`)."""
        out: dict[str, list[RuleSpec]] = {}
        for rule in self.rules:
            for variant in variants(rule):
                for conclusion in rule.then:
                    if isinstance(conclusion, Diagnose):
                        out.setdefault(conclusion.finding, []).append(variant)
        return out


class _ShippedRuleBook(RuleBook):
    """The shipped rules, whose compiled engine is kept between runs under a key made of what it is compiled from
    (the rules' files among it: another set of rules is compiled, never read from this key)."""

    @functools.cached_property
    def runner(self) -> Runner:
        return Runner(self.rules, load_catalogue(), cache_key=_network_key())


@functools.cache
def default_rule_book() -> RuleBook:
    """The shipped rules (``samenwerkwijzer.rules``)."""
    return _ShippedRuleBook(all_rules())


def _network_key() -> str | None:
    """The cache key of the shipped rules' compiled engine: the knowledge base's key (the rules' and the knowledge's
    files), Experta's version and the code that compiles, indexes and writes the network; None with caching off."""
    if not _cache.enabled():
        return None
    code = [_engine, _rule_checks, _experta, _network_pickle, _rete_index, _speedups]
    return _cache.fingerprint(
        "network", catalogue_key(), EXPERTA_VERSION, files=[Path(str(module.__file__)) for module in code]
    )


def rules_by_id() -> dict[str, RuleSpec]:
    return default_rule_book().by_id


def shared_runner() -> Runner:
    """The default rule book's engine: compiled once per process, reused with ``reset()``."""
    return default_rule_book().runner


def _situational(rule: RuleSpec, kb: Catalogue) -> bool:
    """The rule diagnoses only findings that rest on the situation (a package; the collaboration's own question has
    one too), no observed problem."""
    found = [c.finding for c in rule.then if isinstance(c, Diagnose)]
    return bool(found) and all(kb.finding[f].package for f in found)


def _from_partner_list(path: str) -> bool:
    return all(field.startswith("partners") for field in CASE_FIELDS.get(path, ("",)))
