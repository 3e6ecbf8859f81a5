"""``samenwerkwijzer diagnose``: the advice letter (Markdown, HTML or Word), or the advice as JSON."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from samenwerkwijzer import DEFAULT_TOP, Advice, Case, diagnose, render_letter

from ._app import (
    EXIT_BAD_INPUT,
    app,
    atomic_output,
    emit,
    fail,
    force_option,
    output_option,
    read_case,
    user_errors,
)
from ._files import STDOUT


def render(advice: Advice, fmt: str, top: int, template: Path | None = None) -> str:
    """The advice as text in ``fmt`` (not docx), with the organisation's own
    ``template`` for the letter formats if one is given."""
    if fmt == "json":
        return advice.model_dump_json(indent=2) + "\n"
    if template is not None:
        from samenwerkwijzer import render_with_template

        # --format html always escapes; a Markdown letter escapes when the template is .html/.htm.
        return render_with_template(advice, template, top=top, html=True if fmt == "html" else None)
    if fmt == "html":
        from samenwerkwijzer import render_html  # here: keeps CLI start-up fast

        return render_html(advice, top=top)
    return render_letter(advice, top=top)


def _letter_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--date: {text!r} is not a valid date; give it as YYYY-MM-DD, e.g. 2026-11-22", EXIT_BAD_INPUT)


def with_letter_details(
    case: Case, *, advisor: str | None, organisation: str | None, addressee: str | None, letter_date: date | None
) -> Case:
    """The case with the letter's details replaced where an option gives
    them (an empty text removes the case's own)."""
    update: dict[str, Any] = {}
    for field, value in (("advisor", advisor), ("advisor_organisation", organisation), ("addressee", addressee)):
        if value is not None:
            update[field] = value.strip() or None
    if letter_date is not None:
        update["letter_date"] = letter_date
    return case.model_copy(update=update) if update else case


@app.command("diagnose")
@click.argument("case", metavar="CASE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "docx", "json"]),
    default="markdown",
    show_default=True,
    help="Letter in Markdown, HTML (with the reasoning behind each intervention) or Word (docx, needs -o), "
    "or the full advice as JSON.",
)
@output_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=DEFAULT_TOP,
    show_default=True,
    help="Interventions in the body of the letter; the rest go to an appendix.",
)
@click.option(
    "--template",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the letter with this jinja2 template instead of the built-in one (markdown and html; "
    "see docs/templates.md).",
)
@click.option("--advisor", metavar="TEXT", help="Who signs the letter (overrides the case's advisor).")
@click.option("--organisation", metavar="TEXT", help="The advisor's organisation (overrides the case's).")
@click.option("--addressee", metavar="TEXT", help="Who the letter is addressed to (overrides the case's).")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="Date on the letter (overrides the case's).")
@force_option
def diagnose_command(
    case: str,
    fmt: str,
    output: Path | None,
    top: int,
    template: Path | None,
    advisor: str | None,
    organisation: str | None,
    addressee: str | None,
    date_text: str | None,
    force: bool,
) -> None:
    """Diagnose the collaboration in CASE (a YAML or JSON case file, or - for
    standard input) and print the advice."""
    if fmt == "docx" and (output is None or (output == STDOUT and (sys.stdout is None or sys.stdout.isatty()))):
        fail("--format docx writes a Word file: give one with -o FILE (or -o - into a pipe)", EXIT_BAD_INPUT)
    if template is not None and fmt not in ("markdown", "html"):
        fail(f"--template works with --format markdown or html, not {fmt}", EXIT_BAD_INPUT)
    letter_date = _letter_date(date_text)
    with user_errors():
        details = {"advisor": advisor, "organisation": organisation, "addressee": addressee}
        advice = diagnose(with_letter_details(read_case(case), **details, letter_date=letter_date))
        result: str | bytes
        if fmt == "docx":
            from samenwerkwijzer import render_docx

            result = render_docx(advice, top=top)
        else:
            result = render(advice, fmt, top, template)
    if isinstance(result, str):
        emit(result, output, force=force)
    elif output is not None:
        with atomic_output(output, force=force) as handle:
            handle.buffer.write(result)  # the binary layer of the (otherwise unused) text handle
