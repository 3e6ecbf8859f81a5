"""The respondents' views on a question where they differ, in the Advice's words. Split out of ``_diagnose.py``."""

from __future__ import annotations

from typing import Any

from ..model._advice import DivergenceResult, ViewCount
from ..model._catalogue import load_catalogue
from ..model._combined_facts import ADVISOR, Divergence
from ..model._facts import FACT_LABELS
from ..wording._value_text import format_value

__all__ = ["divergence_result", "title_in_sentence"]


def title_in_sentence(title: str) -> str:
    """A title inside a sentence: lower case first, unless it opens with an abbreviation (GGD)."""
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]


def _answer_text(path: str, value: Any) -> str:
    """One answer in Dutch words: a sign by its label, ja/nee, no codes."""
    if path == "climate.signs":
        return title_in_sentence(load_catalogue().sign_label.get(str(value), str(value)).rstrip("."))
    return format_value(value, "trainer").replace("_", " ")


def divergence_result(d: Divergence, disclose: bool) -> DivergenceResult:
    """The respondents' views on one question, the advisor's answer apart; an
    answer that lists items (the signs observed) counts per item."""
    by_value: dict[str, list[str]] = {}
    respondents = [source for source in d.values if source != ADVISOR]
    # The respondents grouped by their answer first (answers come from a few choices), each answer then put
    # in words once; a view's respondents are counted and sorted, so the order they are added in is free.
    # Keyed with the type as well, as True == 1.
    same: dict[Any, list[str]] = {}
    answers: list[tuple[Any, list[str]]] = []
    for source in respondents:
        value = d.values[source]
        try:
            key = (tuple(value), tuple(map(type, value))) if isinstance(value, list) else (type(value), value)
            group = same.get(key)
        except TypeError:  # an answer that cannot be a key: a group of its own
            answers.append((value, [source]))
            continue
        if group is None:
            group = same[key] = []
            answers.append((value, group))
        group.append(source)
    for value, sources in answers:
        for item in value if isinstance(value, list) else [value]:
            by_value.setdefault(_answer_text(d.path, item), []).extend(sources)
    views = [
        ViewCount(value=value, count=len(sources), respondents=sorted(sources) if disclose else [])
        for value, sources in sorted(by_value.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
    own = d.values.get(ADVISOR)
    advisor = None
    if ADVISOR in d.values:
        advisor = (
            ", ".join(_answer_text(d.path, v) for v in own) if isinstance(own, list) else _answer_text(d.path, own)
        )
    return DivergenceResult(
        path=d.path, label=FACT_LABELS[d.path], views=views, respondents=len(respondents), advisor=advisor
    )
