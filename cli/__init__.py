"""The ``samenwerkwijzer`` command: a thin layer over the library.

It catches the library's base error and exits non-zero with a one-paragraph
message; a traceback means a bug in Samenwerkwijzer, never a user error.
Exit codes: 0 success, 1 refused (e.g. output exists), 2 bad input or usage.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from samenwerkwijzer import (
    DEFAULT_TOP,
    Advice,
    CaseError,
    SamenwerkwijzerError,
    __version__,
    diagnose,
    load_case,
    parse_case,
    render_letter,
)

EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2


def _fail(message: str, code: int) -> None:
    click.echo(f"samenwerkwijzer: {message}", err=True)
    sys.exit(code)


def _read_case(case_arg: str):  # type: ignore[no-untyped-def]
    if case_arg == "-":
        return parse_case(sys.stdin.buffer.read(), source="<stdin>")
    return load_case(case_arg)


def _write(path: Path, text: str, *, force: bool) -> None:
    """Write atomically, so an interrupted run never leaves half a letter."""
    if path.exists() and not force:
        _fail(f"{path} already exists; use --force to overwrite it", EXIT_REFUSED)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror}", EXIT_REFUSED)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render(advice: Advice, fmt: str, top: int) -> str:
    if fmt == "json":
        return advice.model_dump_json(indent=2) + "\n"
    return render_letter(advice, top=top)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samenwerkwijzer")
def app() -> None:
    """Samenwerkwijzer diagnoses an inter-organisational collaboration and
    recommends prioritised, cited interventions as a Dutch advice letter."""


@app.command("diagnose")
@click.argument("case", metavar="CASE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Letter in Markdown, or the full advice as JSON.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=DEFAULT_TOP,
    show_default=True,
    help="Interventions in the body of the letter; the rest go to an appendix.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def diagnose_command(case: str, fmt: str, output: Path | None, top: int, force: bool) -> None:
    """Diagnose the collaboration in CASE (a YAML or JSON case file, or - for
    standard input) and print the advice."""
    try:
        advice = diagnose(_read_case(case))
        text = render(advice, fmt, top)
    except CaseError as exc:
        _fail(str(exc), EXIT_BAD_INPUT)
    except SamenwerkwijzerError as exc:
        _fail(str(exc), EXIT_REFUSED)
    if output is None:
        click.echo(text, nl=False)
    else:
        _write(output, text, force=force)


def main() -> None:
    app(prog_name="samenwerkwijzer")


__all__ = ["app", "main"]
