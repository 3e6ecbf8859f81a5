"""The question catalogue as models an integrator or a page can build a form
from, and a case's answers as switchable inputs grouped by Common Eye's five
conditions (for the classroom: flip one, see the advice change).

A fact belongs to the condition of the findings it leads to: the findings of
the rules that read it, followed through derived facts (``climate.declared``
leads to ``climate.level``, which leads to the climate findings under
*relatie*). The mapping is computed from the rules, so a new rule moves its
facts without anyone editing a table here.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ._case import Case
from ._catalogue import Question, load_catalogue
from ._diagnose import RuleBook, default_rule_book
from ._facts import FACT_LABELS
from ._statements import SCALE_LABELS
from .rules.dsl import Derive, Diagnose, leaves

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


class CaseInput(_M):
    """One switch or select: a question with the case's current answer."""

    question: QuestionInfo
    value: Any = Field(description="The current answer in the case (None: not answered).")
    value_label: str = Field(description="Dutch text of the current answer.")


class InputGroup(_M):
    condition: str
    title: str = Field(description="Dutch title of the condition.")
    inputs: list[CaseInput]


def option_label(fact: str, value: Any) -> str:
    """A value of ``fact`` in Dutch words: ``ja``/``nee``, a climate sign's
    label, ``korte termijn`` for ``korte_termijn``, labels of fact paths."""
    if value is None:
        return "onbekend"
    if fact.startswith("statements.") and isinstance(value, int):
        return _score_label(value)
    if value is True:
        return "ja"
    if value is False:
        return "nee"
    if isinstance(value, (list, tuple)):
        return ", ".join(option_label(fact, v) for v in value) if value else "geen"
    text = str(value)
    if fact == "climate.signs":
        return load_catalogue().sign_label.get(text, text)
    if fact == "respondents.divergence":
        return FACT_LABELS.get(text, text)
    return text.replace("_", " ")


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
def _questions(book: RuleBook) -> tuple[QuestionInfo, ...]:
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
    return list(_questions(rule_book or default_rule_book()))


_STATEMENT_GROUPS = {"klimaat": "Klimaat", "resultaten": "Resultaten"}


def _score_label(score: int | None) -> str:
    return "onbekend" if score is None else f"{score}: {SCALE_LABELS[score - 1]}"


@functools.cache
def _statement_questions() -> tuple[QuestionInfo, ...]:
    """The instrument's statements as switches (a score from 1 to 5, or unknown)."""
    return tuple(
        QuestionInfo(
            fact=f"statements.{st.id}",
            field=f"observations.statements.{st.id}",
            label=f"stelling: {st.text[0].lower()}{st.text[1:]}",
            question=st.text,
            why=st.help,
            answer="scale",
            options=[AnswerOption(value=str(n), label=_score_label(n)) for n in range(1, 6)],
            condition=st.condition,
        )
        for st in load_catalogue().statements
    )


def _value_at(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for step in path.split("."):
        if not isinstance(value, dict) or step not in value:
            return None
        value = value[step]
    return value


def case_inputs(case: Case, rule_book: RuleBook | None = None) -> list[InputGroup]:
    """The case's answers as inputs a page can switch, grouped by condition
    (in the order of ``knowledge/conditions.yaml``, the general questions
    first). Questions answered through the partner list or the respondents
    are left out: they are not one switch. Send changes back with
    :func:`with_answers`."""
    data = case.model_dump(mode="json")
    kb = load_catalogue()
    titles = {GENERAL: GENERAL_TITLE} | {c.id: c.title for c in kb.conditions} | _STATEMENT_GROUPS
    groups: dict[str, list[CaseInput]] = {key: [] for key in titles}
    scores = case.observations.statements
    for q in _statement_questions():
        # A statement switches like a fact: its score reads into the facts it maps to.
        value = scores.get(q.field.rsplit(".", 1)[1])
        groups[q.condition].append(CaseInput(question=q, value=value, value_label=_score_label(value)))
    for q in _questions(rule_book or default_rule_book()):
        if not q.field.startswith(("context.", "observations.")):
            continue
        value = _value_at(data, q.field)
        groups[q.condition].append(CaseInput(question=q, value=value, value_label=option_label(q.fact, value)))
    return [InputGroup(condition=key, title=titles[key], inputs=items) for key, items in groups.items() if items]


__all__ = [
    "AnswerOption",
    "CaseInput",
    "InputGroup",
    "QuestionInfo",
    "case_inputs",
    "fact_conditions",
    "option_label",
    "questions",
]
