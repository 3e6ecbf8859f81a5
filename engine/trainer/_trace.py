"""The rule firings of a run, in order, captured from the engine itself.

Firing order among rules of equal salience is Experta's business and may
differ between processes; the advice never depends on it, but a trainer may
want to see it. Hence the trace is separate from :class:`Advice`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model._advice import FactValue
from ..model._case import Case
from ..model._catalogue import load_catalogue
from ..model._combined_facts import combined_facts
from ..model._facts import FACT_LABELS
from ..reasoning._engine import Firing
from ..reasoning._rule_book import RuleBook, default_rule_book

TraceKind = Literal["fact", "finding", "recommendation", "suppression"]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TracedFact(_M):
    kind: TraceKind
    key: str = Field(description="Fact path, finding id or intervention id.")
    label: str = Field(description="Dutch label or title.")
    value: FactValue | None = Field(default=None, description="Fact value, or the Dutch reason of a suppression.")


class TracedFiring(_M):
    step: int = Field(description="1 for the first firing.")
    rule: str
    rule_name: str
    rule_title: str
    matched: list[TracedFact]
    declared: list[TracedFact]


class Trace(_M):
    case: str
    initial_facts: list[TracedFact] = Field(description="The case facts the engine started from.")
    firings: list[TracedFiring]


def _label(kind: str, key: str) -> str:
    kb = load_catalogue()
    if kind == "fact":
        return FACT_LABELS.get(key, key)
    if kind == "finding":
        return kb.finding[key].title
    return kb.intervention[key].title


def _traced(kind: str, key: str, value: Any) -> TracedFact:
    return TracedFact(kind=kind, key=key, label=_label(kind, key), value=value)  # type: ignore[arg-type]


def _firing(step: int, firing: Firing, book: RuleBook) -> TracedFiring:
    spec = book.by_id[firing.rule]
    return TracedFiring(
        step=step,
        rule=spec.id,
        rule_name=spec.name,
        rule_title=spec.title,
        matched=[_traced("finding" if key.startswith("F-") else "fact", key, value) for key, value in firing.matched],
        declared=[_traced(kind, key, value) for kind, key, value in firing.declared],
    )


def _initial(case: Case, today: date | None) -> dict[str, Any]:
    return combined_facts(case, case.assessed_on or today or date.today())[0]


def trace(case: Case, *, today: date | None = None, rule_book: RuleBook | None = None) -> Trace:
    """Run ``case`` and return every rule firing in the order it happened
    (with ``rule_book``, the shipped rules by default)."""
    book = rule_book or default_rule_book()
    facts = _initial(case, today)
    result = book.runner.run(facts)
    return Trace(
        case=case.name,
        initial_facts=[_traced("fact", path, value) for path, value in sorted(facts.items())],
        firings=[_firing(n, f, book) for n, f in enumerate(result.firings, start=1)],
    )


def steps(case: Case, *, today: date | None = None, rule_book: RuleBook | None = None) -> Iterator[TracedFiring]:
    """Fire the rules for ``case`` one at a time (for live demonstrations):
    each item is the next firing, with what it declared."""
    book = rule_book or default_rule_book()
    for n, firing in enumerate(book.runner.stepper(_initial(case, today)), start=1):
        yield _firing(n, firing, book)


__all__ = ["Trace", "TraceKind", "TracedFact", "TracedFiring", "steps", "trace"]
