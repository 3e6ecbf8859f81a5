"""The instrument's statements read into facts: a score of 1 to 5 sets the observation fields its
statement maps it to (``knowledge/statements.yaml``), unless the case gives that field itself.

One reading for every voice: the advisor's observations and each respondent's are read the same way,
before their facts are taken and combined (:func:`._facts.combined_facts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._case import Observations
from ._catalogue import load_catalogue

__all__ = [
    "SCALE_LABELS",
    "StatementReading",
    "fact_of",
    "read_statements",
    "statement_readings",
    "with_statements",
]


@dataclass(frozen=True)
class StatementReading:
    """What one score says about one field: ``value``, and whether the case's own value of the field
    ``overridden`` it (an explicit fact wins over a score)."""

    statement: str
    score: int
    field: str
    value: Any
    overridden: bool


# How the five points of a statement's scale read (1 helemaal oneens … 5 helemaal eens).
SCALE_LABELS = ("helemaal oneens", "oneens", "deels eens, deels oneens", "eens", "helemaal eens")


def fact_of(field: str) -> str:
    """The fact a case field gives: its question's (``observations.network.roles_missing`` gives
    ``network.missing_roles``), else the field's own path without ``observations.``."""
    for question in load_catalogue().questions:
        if question.field == field:
            return question.fact
    return field.removeprefix("observations.")


def read_statements(scores: Mapping[str, int]) -> dict[str, Any]:
    """The field values the ``scores`` give (``observations.<section>.<name>`` -> value); a list field
    collects the items of every score that adds to it."""
    settings = load_catalogue().statement_sets
    out: dict[str, Any] = {}
    pooled: dict[str, set[Any]] = {}  # a list field's items, sorted once at the end (in its place in ``out``)
    for key in sorted(scores):
        for field, value in settings[key][scores[key] - 1]:
            if isinstance(value, list):
                items = pooled.get(field)
                if items is None:
                    items = pooled[field] = set()
                    out[field] = None
                items.update(value)
            else:
                pooled.pop(field, None)
                out[field] = value
    for field, items in pooled.items():
        out[field] = sorted(items)
    return out


def _current(obs: Observations, field: str) -> Any:
    _, section, name = field.split(".")
    return getattr(getattr(obs, section), name)


def statement_readings(obs: Observations) -> list[StatementReading]:
    """Each (statement, field) a score of ``obs`` sets, with whether the case's own value wins."""
    catalogue = load_catalogue().statement
    out: list[StatementReading] = []
    for key in sorted(obs.statements):
        score = obs.statements[key]
        for field, values in catalogue[key].sets.items():
            value = values[score - 1]
            if value is None or value == []:
                continue
            given = _current(obs, field)
            out.append(StatementReading(key, score, field, value, given not in (None, [])))
    return out


def with_statements(obs: Observations) -> Observations:
    """``obs`` with every field its statements set and the case leaves open filled in."""
    if not obs.statements:
        return obs
    updates: dict[str, dict[str, Any]] = {}
    for field, value in read_statements(obs.statements).items():
        if _current(obs, field) in (None, []):
            _, section, name = field.split(".")
            updates.setdefault(section, {})[name] = value
    if not updates:
        return obs
    return obs.model_copy(
        update={section: getattr(obs, section).model_copy(update=values) for section, values in updates.items()}
    )
