"""The question catalogue as models an integrator or a page can build a form
from, each question with the condition its fact falls under.

A fact belongs to the condition of the findings it leads to: the findings of
the rules that read it, followed through derived facts (``climate.declared``
leads to ``climate.level``, which leads to the climate findings under
*relatie*). The mapping is computed from the rules, so a new rule moves its
facts without anyone editing a table here.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model._catalogue import load_catalogue
from ..model._facts import FACT_LABELS
from ..model._vocabulary import Question
from ..rules.dsl import Derive, Diagnose, leaves
from ..wording._labels import option_label, score_label
from ._rule_book import RuleBook, default_rule_book

AnswerKind = Literal["boolean", "integer", "choice", "multiple", "scale"]

#: The group of facts that fall under no condition (what kind of collaboration, its phase).
GENERAL = "algemeen"
GENERAL_TITLE = "De samenwerking in het algemeen"


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnswerOption(_M):
    value: str | bool = Field(description="What a case file holds.")
    label: str = Field(description="Dutch label to show.")


class QuestionInfo(_M):
    """One question of the catalogue (``knowledge/questions.yaml``), as a form needs it."""

    fact: str = Field(description="The fact path the rules read.")
    field: str = Field(description="Where the answer goes in a case file (``partners``: from the partner list).")
    label: str = Field(description="Dutch short name of the fact.")
    question: str = Field(description="The Dutch question an advisor asks.")
    why: str = Field(description="Dutch: why the question matters.")
    answer: AnswerKind
    options: list[AnswerOption] = Field(description="For boolean, choice, multiple and scale answers (1 to 5).")
    minimum: int | None = Field(default=None, description="For integer answers.")
    condition: str = Field(description="The condition the fact falls under, or 'algemeen'.")


def fact_conditions(rule_book: RuleBook | None = None) -> dict[str, str]:
    """Each fact path with the condition it falls under (:data:`GENERAL` for
    none), as the rules of ``rule_book`` (the shipped rules by default) read them."""
    return _fact_conditions(rule_book or default_rule_book())


@functools.cache
def _fact_conditions(book: RuleBook) -> dict[str, str]:
    kb = load_catalogue()
    rules = list(book.rules)
    leads: dict[str, list[str]] = {}  # fact -> conditions of what it leads to (with repeats, as weight)
    derives: dict[str, set[str]] = {}
    for spec in rules:
        read = {c.subject for c in leaves(spec.when) if c.op != "finding"}
        needed = [kb.finding[c.subject].condition for c in leaves(spec.when) if c.op == "finding"]
        concluded = [kb.finding[c.finding].condition for c in spec.then if isinstance(c, Diagnose)]
        for fact in read:
            leads.setdefault(fact, []).extend(concluded or needed)
            derives.setdefault(fact, set()).update(c.path for c in spec.then if isinstance(c, Derive))
    order = [c.id for c in kb.conditions]

    def conditions_of(fact: str, seen: frozenset[str]) -> list[str]:
        out = list(leads.get(fact, []))
        for derived in sorted(derives.get(fact, set()) - seen):
            out += conditions_of(derived, seen | {derived})
        return out

    result = {}
    for fact in FACT_LABELS:
        tally = Counter(conditions_of(fact, frozenset({fact})))
        # The kind and phase of a collaboration bear on every condition.
        general = fact.startswith("context.") or not tally
        result[fact] = GENERAL if general else min(tally, key=lambda c: (-tally[c], order.index(c)))
    return result


def _options(q: Question) -> list[AnswerOption]:
    if q.answer.type == "boolean":
        return [AnswerOption(value=True, label="ja"), AnswerOption(value=False, label="nee")]
    return [AnswerOption(value=o, label=option_label(q.fact, o)) for o in q.answer.options]


@functools.cache
def questions_of(book: RuleBook) -> tuple[QuestionInfo, ...]:
    where = _fact_conditions(book)
    return tuple(
        QuestionInfo(
            fact=q.fact,
            field=q.field,
            label=FACT_LABELS.get(q.fact, q.fact),
            question=q.question,
            why=q.help,
            answer=q.answer.type,
            options=_options(q),
            minimum=q.answer.minimum,
            condition=where.get(q.fact, GENERAL),
        )
        for q in load_catalogue().questions
    )


def questions(rule_book: RuleBook | None = None) -> list[QuestionInfo]:
    """The question catalogue in the order the intake asks it: for every fact
    the rules read, the Dutch question, the answer type with Dutch option
    labels, why it matters, and the condition it falls under (as the rules of
    ``rule_book``, the shipped ones by default, read it)."""
    return list(questions_of(rule_book or default_rule_book()))


@functools.cache
def statement_questions() -> tuple[QuestionInfo, ...]:
    """The instrument's statements as switches (a score from 1 to 5, or unknown)."""
    return tuple(
        QuestionInfo(
            fact=f"statements.{st.id}",
            field=f"observations.statements.{st.id}",
            label=f"stelling: {st.text[0].lower()}{st.text[1:]}",
            question=st.text,
            why=st.help,
            answer="scale",
            options=[AnswerOption(value=str(n), label=score_label(n)) for n in range(1, 6)],
            condition=st.condition,
        )
        for st in load_catalogue().statements
    )


__all__ = [
    "GENERAL",
    "GENERAL_TITLE",
    "AnswerKind",
    "AnswerOption",
    "QuestionInfo",
    "fact_conditions",
    "questions",
    "questions_of",
    "statement_questions",
]
