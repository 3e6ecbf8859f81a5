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
import markupsafe
from markdown_it import MarkdownIt

from ..model._advice import Advice
from ..wording._dutch import name_with_article
from ..wording._value_text import format_value
from ._explanation import explain
from ._letter import DEFAULT_TOP, letter_context, make_environment, render_letter, strip_control


@functools.cache
def _environment() -> jinja2.Environment:
    env = make_environment(autoescape=True)
    env.filters["value"] = functools.partial(format_value, style="report")
    return env


@functools.cache
def _markdown() -> MarkdownIt:
    # CommonMark plus tables; raw HTML off, so case text such as "<b>" stays text; no images, so that an edited
    # letter cannot make the saved file fetch from elsewhere (the letter has none of its own).
    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("image")


def render_html(
    advice: Advice,
    *,
    top: int = DEFAULT_TOP,
    appendix: bool = False,
    reasoning: bool = False,
    markdown: str | None = None,
) -> str:
    """The advice as a complete HTML5 document. By default the client's
    letter: exactly the Markdown letter of :func:`render_letter` (or
    ``markdown``, an edited letter text), without rule ids or field paths.
    With ``reasoning`` the trainer's report: the letter with every
    intervention and, for each, an expandable section on how the advice was
    reached."""
    if not reasoning:
        text = render_letter(advice, top=top, appendix=appendix) if markdown is None else markdown
        body = _markdown().render(text)
        page = (
            _environment()
            .get_template("letter_client.html.j2")
            .render(
                title=f"Advies over {name_with_article(advice.case.name)}",
                generator=advice.generator,
                body=markupsafe.Markup(body),  # noqa: S704 (markdown-it escaped the text; raw HTML is off)
            )
        )
        return strip_control(page).strip() + "\n"
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


__all__ = ["render_html"]
