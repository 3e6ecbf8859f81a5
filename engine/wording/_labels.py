"""A fact's value in Dutch words, as the intake, the classroom, the graph and the story show it."""

from __future__ import annotations

from typing import Any

from ..model._catalogue import load_catalogue
from ..model._facts import FACT_LABELS
from ..model._statements import SCALE_LABELS


def option_label(fact: str, value: Any) -> str:
    """A value of ``fact`` in Dutch words: ``ja``/``nee``, a climate sign's
    label, ``korte termijn`` for ``korte_termijn``, labels of fact paths."""
    if value is None:
        return "onbekend"
    if fact.startswith("statements.") and isinstance(value, int):
        return score_label(value)
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


def score_label(score: int | None) -> str:
    return "onbekend" if score is None else f"{score}: {SCALE_LABELS[score - 1]}"


__all__ = ["option_label", "score_label"]
