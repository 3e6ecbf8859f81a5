"""Render advice as a Dutch letter: a pure function from data to text.

Writing the text to a file is the caller's business (see the CLI).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import jinja2

from ._advice import Advice
from ._errors import InputError
from ._facts import FACT_LABELS

DEFAULT_TOP = 5

_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def make_environment(*, autoescape: bool) -> jinja2.Environment:
    """The environment for the letter templates: the Markdown letter without
    escaping, the HTML report with it (the templates share letter_text.j2)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("samenwerkwijzer", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=autoescape,
    )


@functools.cache
def _environment() -> jinja2.Environment:
    return make_environment(autoescape=False)  # Markdown, not HTML


def letter_context(advice: Advice, top: int) -> dict[str, Any]:
    """What the letter templates (Markdown and HTML) read; ``top`` as in
    :func:`render_letter`."""
    if top < 1:
        raise InputError(f"top must be at least 1, not {top}")
    return {
        "advice": advice,
        "top": advice.interventions[:top],
        "rest": advice.interventions[top:],
        # Unknown facts read as None, so the template can test them.
        "facts": dict.fromkeys(FACT_LABELS) | {f.path: f.value for f in advice.facts},
        "findings": {f.id: f for f in advice.findings},
        "sources": {s.id: s for s in advice.sources},
        "date_nl": f"{advice.case.letter_date.day} {_MONTHS[advice.case.letter_date.month - 1]} "
        f"{advice.case.letter_date.year}",
    }


def render_letter(advice: Advice, *, top: int = DEFAULT_TOP) -> str:
    """The advice as a Markdown letter: the ``top`` interventions in the body,
    the rest in an appendix."""
    text = _environment().get_template("letter.md.j2").render(letter_context(advice, top))
    # Conditional blocks leave runs of blank lines; a letter wants at most one.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
