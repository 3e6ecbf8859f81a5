"""A case's answers as switchable inputs grouped by Common Eye's five
conditions (for the classroom: flip one, see the advice change)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..model._case import Case
from ..model._catalogue import load_catalogue
from ..reasoning._questions import GENERAL, GENERAL_TITLE, QuestionInfo, questions_of, statement_questions
from ..reasoning._rule_book import RuleBook, default_rule_book
from ..wording._labels import option_label, score_label


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseInput(_M):
    """One switch or select: a question with the case's current answer."""

    question: QuestionInfo
    value: Any = Field(description="The current answer in the case (None: not answered).")
    value_label: str = Field(description="Dutch text of the current answer.")


class InputGroup(_M):
    condition: str
    title: str = Field(description="Dutch title of the condition.")
    inputs: list[CaseInput]


_STATEMENT_GROUPS = {"klimaat": "Klimaat", "resultaten": "Resultaten"}


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
    for q in statement_questions():
        # A statement switches like a fact: its score reads into the facts it maps to.
        value = scores.get(q.field.rsplit(".", 1)[1])
        groups[q.condition].append(CaseInput(question=q, value=value, value_label=score_label(value)))
    for q in questions_of(rule_book or default_rule_book()):
        if not q.field.startswith(("context.", "observations.")):
            continue
        value = _value_at(data, q.field)
        groups[q.condition].append(CaseInput(question=q, value=value, value_label=option_label(q.fact, value)))
    return [InputGroup(condition=key, title=titles[key], inputs=items) for key, items in groups.items() if items]


__all__ = ["CaseInput", "InputGroup", "case_inputs"]
