"""How a rule's condition reads, in one place: one dispatch over the ops of the
rule language (``rules/dsl.py``, ``any`` included), worded in Dutch for
trainers (explanations, WHY-NOT) or in English for the rule pages.

Each language is a table of sentences, one per op; values are spelt in that
language's style of :func:`._value_text.format_value`. ``code`` marks ids,
paths and values (the rule pages wrap them in Markdown backticks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..model._catalogue import Catalogue
from ..model._facts import FACT_LABELS
from ..rules.dsl import Condition
from ..wording._value_text import ValueStyle, format_value
from ._conditions import OPERATORS

Language = Literal["nl", "en"]
Code = Callable[[str], str]


def plain(text: str) -> str:
    """No marking: the text as it is."""
    return text


@dataclass(frozen=True)
class _Wording:
    values: ValueStyle
    any: str  # before the alternatives
    any_separator: str  # between the alternatives
    finding: str
    ops: dict[str, str]  # per op: the sentence, with {fact}, {value}, {values}, {limit}, {threshold}, {title}


_WORDING: dict[Language, _Wording] = {
    "nl": _Wording(
        values="trainer",
        any="een van: ",
        any_separator="; of ",
        finding="bevinding {id} ({title})",
        ops={
            "eq": "{fact} = {value}",
            "in": "{fact} is een van: {values}",
            "known": "{fact} is bekend",
            "unknown": "{fact} is onbekend",
            "gt": "{fact} > {limit} (drempel {threshold})",
            "le": "{fact} ≤ {limit} (drempel {threshold})",
        },
    ),
    "en": _Wording(
        values="case_file",
        any="one of: ",
        any_separator="; or ",
        finding="finding {id} ({title}) has been diagnosed",
        ops={
            "eq": "{fact} = {value}",
            "in": "{fact} is one of {values}",
            "known": "{fact} is known",
            "unknown": "{fact} is unknown (not given in the case)",
            "gt": "{fact} > {limit} ({threshold}: {title})",
            "le": "{fact} <= {limit} ({threshold}: {title})",
        },
    ),
}


def fact_text(path: str, code: Code = plain) -> str:
    """A fact by its Dutch label and its path: ``aantal partners (network.partner_count)``."""
    return f"{FACT_LABELS.get(path, path)} ({code(path)})"


def describe(cond: Condition, kb: Catalogue, language: Language = "nl", code: Code = plain) -> str:
    """One condition in words, e.g. ``aantal partners (network.partner_count) > 5
    (drempel start_max_partners)`` in Dutch, or in English ``… > 5
    (start_max_partners: Grootste aantal organisaties om mee te starten)``."""
    wording = _WORDING[language]
    if cond.op == "any":
        return wording.any + wording.any_separator.join(describe(part, kb, language, code) for part in cond.parts)
    if cond.op == "finding":
        return wording.finding.format(id=code(cond.subject), title=kb.finding[cond.subject].title)
    values = [code(format_value(v, wording.values)) for v in cond.values]
    threshold = next((t for t in kb.thresholds if t.id == cond.threshold), None)
    return wording.ops[OPERATORS[cond.op].sentence].format(
        fact=fact_text(cond.subject, code),
        value=values[0] if values else "",
        values=", ".join(values),
        limit=threshold.value if threshold else "",
        threshold=code(threshold.id) if threshold else "",
        title=threshold.title if threshold else "",
    )


__all__ = ["Code", "Language", "describe", "fact_text", "plain"]
