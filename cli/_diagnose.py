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
)
from ._files import STDOUT, reason


def render(
    advice: Advice,
    fmt: str,
    top: int,
    template: Path | None = None,
    *,
    appendix: bool = False,
    reasoning: bool = False,
) -> str:
    """The advice as text in ``fmt`` (not docx or pdf), with the organisation's
    own ``template`` for the letter formats if one is given."""
    if fmt == "json":
        return advice.model_dump_json(indent=2) + "\n"
    if template is not None:
        from samenwerkwijzer import render_with_template

        # --format html always escapes; a Markdown letter escapes when the template is .html/.htm.
        return render_with_template(advice, template, top=top, html=True if fmt == "html" else None)
    if fmt == "html":
        from samenwerkwijzer import render_html  # here: keeps CLI start-up fast

        return render_html(advice, top=top, appendix=appendix, reasoning=reasoning)
    return render_letter(advice, top=top, appendix=appendix)


def _letter_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        fail(
            f"--date: {text!r} is geen geldige datum; geef hem als JJJJ-MM-DD, bijvoorbeeld 2026-11-22", EXIT_BAD_INPUT
        )


def with_letter_details(
    case: Case,
    *,
    advisor: str | None,
    organisation: str | None,
    addressee: str | None,
    letter_date: date | None,
    place: str | None = None,
) -> Case:
    """The case with the letter's details replaced where an option gives
    them (an empty text removes the case's own)."""
    update: dict[str, Any] = {}
    texts = (
        ("advisor", advisor),
        ("advisor_organisation", organisation),
        ("addressee", addressee),
        ("letter_place", place),
    )
    for field, value in texts:
        if value is not None:
            update[field] = value.strip() or None
    if letter_date is not None:
        update["letter_date"] = letter_date
    return case.model_copy(update=update) if update else case


def _read_logo(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        fail(f"--logo: kan {path} niet lezen ({reason(exc)})", EXIT_BAD_INPUT)


@app.command("diagnose")
@click.argument("case", metavar="CASE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "docx", "pdf", "json"]),
    default="markdown",
    show_default=True,
    help="Letter in Markdown, HTML, Word (docx, needs -o) or PDF (the Word letter converted by LibreOffice, "
    "needs -o), or the full advice as JSON.",
)
@output_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=DEFAULT_TOP,
    show_default=True,
    help="Priorities worked out in the letter; the others get one line each.",
)
@click.option("--appendix", is_flag=True, help="Work out every other intervention in an appendix, with the diagnosis.")
@click.option(
    "--reasoning", is_flag=True, help="With --format html: the trainer's report, with the reasoning behind each advice."
)
@click.option(
    "--logo",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An image (PNG or JPEG) for the letterhead of the Word or PDF letter.",
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
@click.option("--place", metavar="TEXT", help="Place written before the date on the letter (overrides the case's).")
@force_option
def diagnose_command(
    case: str,
    fmt: str,
    output: Path | None,
    top: int,
    appendix: bool,
    reasoning: bool,
    logo: Path | None,
    template: Path | None,
    advisor: str | None,
    organisation: str | None,
    addressee: str | None,
    date_text: str | None,
    place: str | None,
    force: bool,
) -> None:
    """Diagnose the collaboration in CASE (a YAML or JSON case file, or - for
    standard input) and print the advice."""
    if fmt in ("docx", "pdf") and (
        output is None or (output == STDOUT and (sys.stdout is None or sys.stdout.isatty()))
    ):
        fail(
            f"--format {fmt} schrijft een binair bestand: geef er een met -o BESTAND (of -o - in een pijp)",
            EXIT_BAD_INPUT,
        )
    if reasoning and fmt != "html":
        fail("--reasoning werkt alleen met --format html", EXIT_BAD_INPUT)
    if logo is not None and fmt not in ("docx", "pdf"):
        fail("--logo werkt alleen met --format docx of pdf", EXIT_BAD_INPUT)
    if template is not None and fmt not in ("markdown", "html"):
        fail(f"--template werkt met --format markdown of html, niet met {fmt}", EXIT_BAD_INPUT)
    letter_date = _letter_date(date_text)
    details = {"advisor": advisor, "organisation": organisation, "addressee": addressee, "place": place}
    the_case = with_letter_details(read_case(case), **details, letter_date=letter_date)
    advice = diagnose(the_case)
    result: str | bytes
    if fmt == "docx":
        from samenwerkwijzer import render_docx

        result = render_docx(advice, top=top, appendix=appendix, logo=_read_logo(logo))
    elif fmt == "pdf":
        from samenwerkwijzer import render_pdf

        result = render_pdf(advice, top=top, appendix=appendix, logo=_read_logo(logo))
        # A PDF goes out as it is: say which slots of the letter are still open (the Word letter is edited first).
        slots = (
            ("de naam van wie ondertekent (--advisor)", the_case.advisor),
            ("de plaats (--place)", the_case.letter_place),
        )
        open_slots = [slot for slot, given in slots if not given]
        if open_slots:
            click.echo("Let op: in de PDF staan nog open plekken voor " + " en ".join(open_slots) + ".", err=True)
    else:
        result = render(advice, fmt, top, template, appendix=appendix, reasoning=reasoning)
    if isinstance(result, str):
        emit(result, output, force=force)
    elif output is not None:
        with atomic_output(output, force=force) as handle:
            handle.buffer.write(result)  # the binary layer of the (otherwise unused) text handle


__all__ = ["diagnose_command", "render", "with_letter_details"]
