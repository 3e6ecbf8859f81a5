"""The click group and what every command shares: reading cases, failing
clearly, writing files atomically."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

from samenwerkwijzer import Case, InputError, SamenwerkwijzerError, __version__, load_case, parse_case

F = TypeVar("F", bound=Callable[..., Any])

EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samenwerkwijzer")
def app() -> None:
    """Samenwerkwijzer diagnoses an inter-organisational collaboration and
    recommends prioritised, cited interventions as a Dutch advice letter."""


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"samenwerkwijzer: {message}", err=True)
    sys.exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into a message and an exit code."""
    try:
        yield
    except InputError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    except SamenwerkwijzerError as exc:
        fail(str(exc), EXIT_REFUSED)


def read_case(case_arg: str) -> Case:
    if case_arg == "-":
        from samenwerkwijzer._limits import MAX_CASE_BYTES

        # At most one byte more than a case may have: enough to say "too large".
        return parse_case(sys.stdin.buffer.read(MAX_CASE_BYTES + 1), source="<stdin>")
    return load_case(case_arg)


def emit(text: str, output: Path | None, *, force: bool) -> None:
    """Print ``text``, or write it to ``output`` (see :func:`atomic_output`)."""
    if output is None:
        click.echo(text, nl=False)
        return
    with atomic_output(output, force=force) as handle:
        handle.write(text)


@contextmanager
def atomic_output(output: Path, *, force: bool) -> Iterator[TextIO]:
    """A file handle whose content replaces ``output`` only when the block
    ends without error, so an interrupted run never leaves half a file;
    refuses to overwrite an existing file without ``force``."""
    if output.exists() and not force:
        fail(f"{output} already exists; use --force to overwrite it", EXIT_REFUSED)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}", EXIT_REFUSED)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        # mkstemp makes the file private (0600); give it the permissions a new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)


def text_or_json_option(help: str = "Readable text (Dutch) or JSON.") -> Callable[[F], F]:
    """``--format text|json`` for the commands that explain or list."""
    return click.option(
        "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help=help
    )


force_option = click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
