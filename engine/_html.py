"""Render advice as a self-contained HTML report: the Dutch letter of
:func:`render_letter`, plus for every intervention the reasoning behind it
(the HOW explanation of :func:`explain`), for advisors and trainers.

A pure function from data to text, like the Markdown letter, whose sentences
it shares (``templates/letter_text.j2``). The document needs nothing but
itself: inline CSS, one tiny inline script, no external URL, so it works
offline, from a mail attachment and on paper.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from ._advice import Advice
from ._explain import explain
from ._letter import DEFAULT_TOP, letter_context, make_environment, strip_control
from ._value_text import format_value


@functools.cache
def _environment() -> jinja2.Environment:
    env = make_environment(autoescape=True)
    env.filters["value"] = functools.partial(format_value, style="report")
    return env


def render_html(advice: Advice, *, top: int = DEFAULT_TOP) -> str:
    """The advice as a complete HTML5 document: the letter (the ``top``
    interventions in the body, the rest in an appendix), with for every
    intervention an expandable section on how the advice was reached."""
    context: dict[str, Any] = letter_context(advice, top)
    ranked = advice.interventions
    context |= {
        "explanations": {e.intervention: e for e in explain(advice)},
        # The intervention ranked just above each one, and what puts it there.
        "above": {i.id: ranked[n - 1] for n, i in enumerate(ranked) if n},
        "fact_of": {f.path: f for f in advice.facts},
        "conditions": {c.id: c for c in advice.conditions},
        "intervention_titles": {i.id: i.title for i in ranked},
    }
    # Autoescaping keeps case text text; control characters and terminal escapes go.
    return strip_control(_environment().get_template("letter.html.j2").render(context)).strip() + "\n"
