"""``samenwerkwijzer diagnose``: the advice letter (Markdown or HTML), or the advice as JSON."""

from __future__ import annotations

from pathlib import Path

import click

from samenwerkwijzer import DEFAULT_TOP, Advice, diagnose, render_letter

from ._app import app, emit, force_option, output_option, read_case, user_errors


def render(advice: Advice, fmt: str, top: int) -> str:
    if fmt == "json":
        return advice.model_dump_json(indent=2) + "\n"
    if fmt == "html":
        from samenwerkwijzer import render_html  # here: keeps CLI start-up fast

        return render_html(advice, top=top)
    return render_letter(advice, top=top)


@app.command("diagnose")
@click.argument("case", metavar="CASE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json"]),
    default="markdown",
    show_default=True,
    help="Letter in Markdown or HTML (with the reasoning behind each intervention), or the full advice as JSON.",
)
@output_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=DEFAULT_TOP,
    show_default=True,
    help="Interventions in the body of the letter; the rest go to an appendix.",
)
@force_option
def diagnose_command(case: str, fmt: str, output: Path | None, top: int, force: bool) -> None:
    """Diagnose the collaboration in CASE (a YAML or JSON case file, or - for
    standard input) and print the advice."""
    with user_errors():
        text = render(diagnose(read_case(case)), fmt, top)
    emit(text, output, force=force)
