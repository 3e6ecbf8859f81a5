"""The click group and what every command shares: reading cases, failing
clearly, writing files atomically."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar, cast

import click

from samenwerkwijzer import Case, SamenwerkwijzerError, __version__, load_case, parse_case, strip_control

from ._files import STDOUT, CleanStream, OutputPath, atomic_file, discard_stdout, stdout_handle, write_stdout

F = TypeVar("F", bound=Callable[..., Any])

EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2


#: Which module registers each command. A command's module is imported when
#: the command is asked for, so that ``diagnose`` does not load the intake,
#: the web server's options or the graph code first (click's lazy group).
COMMAND_MODULES = {
    "batch": "_batch",
    "compare": "_whatif",
    "diagnose": "_diagnose",
    "explain": "_explain",
    "graph": "_whatif",
    "intake": "_intake",
    "kb": "_kb",
    "rules": "_rules",
    "schema": "_schema",
    "serve": "_serve",
    "step": "_explain",
    "trace": "_explain",
}


class _Group(click.Group):
    """The command group. Everything a command prints goes through
    :class:`CleanStream` (no terminal control from case text or file names);
    a reader that goes away (``| head -1``) ends the command quietly instead
    of with a traceback. Commands load on first use (:data:`COMMAND_MODULES`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__package__}.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        saved = sys.stdout, sys.stderr
        if sys.stdout is not None and not isinstance(sys.stdout, CleanStream):
            sys.stdout = cast(TextIO, CleanStream(sys.stdout))
        if sys.stderr is not None and not isinstance(sys.stderr, CleanStream):
            sys.stderr = cast(TextIO, CleanStream(sys.stderr))
        try:
            if kwargs.get("standalone_mode", True):
                try:
                    return super().main(*args, **{**kwargs, "standalone_mode": False})
                except click.UsageError as exc:  # click says these in English
                    from ._usage_nl import usage_in_dutch  # here: its patterns are compiled only for a usage error

                    fail(usage_in_dutch(exc), exc.exit_code)
                except click.ClickException as exc:
                    exc.show()
                    sys.exit(exc.exit_code)
                except click.exceptions.Abort:
                    click.echo("Afgebroken.", err=True)
                    sys.exit(1)
            return super().main(*args, **kwargs)
        finally:
            sys.stdout, sys.stderr = saved

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            if sys.stdout is not None:
                sys.stdout.flush()
            return result
        except BrokenPipeError:
            discard_stdout()
            sys.exit(EXIT_REFUSED)
        except KeyboardInterrupt:
            # Ctrl+C: click would print its English "Aborted!" and exit 1. Stopping the server is its normal end.
            if ctx.invoked_subcommand == "serve":
                click.echo("Samenwerkwijzer is gestopt.", err=True)
                sys.exit(0)
            click.echo("Afgebroken.", err=True)
            sys.exit(130)
        except SamenwerkwijzerError as exc:
            # The one place the library's errors become a message: each class carries its exit code.
            fail(str(exc), exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samenwerkwijzer")
def app() -> None:
    """Samenwerkwijzer diagnoses an inter-organisational collaboration and
    recommends prioritised, cited interventions as a Dutch advice letter."""


def long_running() -> None:
    """For a command that runs for long (batch, intake): the collector back on,
    without walking what start-up built (``main`` turned it off)."""
    gc.freeze()
    gc.enable()


def fail(message: str, code: int) -> NoReturn:
    """Exit with ``code`` after one paragraph on standard error (control
    characters and escape sequences removed: messages quote user input)."""
    with suppress(OSError):
        click.echo(f"samenwerkwijzer: {strip_control(message)}", err=True)
    sys.exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """The library's errors as a message and their exit code, inside a command
    that must handle them before the group does (the group catches every
    ``SamenwerkwijzerError`` a command lets through)."""
    try:
        yield
    except SamenwerkwijzerError as exc:
        fail(str(exc), exc.exit_code)


def read_case(case_arg: str) -> Case:
    if case_arg == "-":
        from samenwerkwijzer import MAX_CASE_BYTES

        # At most one byte more than a case may have: enough to say "too large".
        return parse_case(sys.stdin.buffer.read(MAX_CASE_BYTES + 1), source="<stdin>")
    return load_case(case_arg)


def emit(text: str, output: Path | None, *, force: bool) -> None:
    """Print ``text``, or write it to ``output`` (see :func:`atomic_output`);
    ``-o -`` is standard output too."""
    if output is None or output == STDOUT:
        write_stdout(text, _refuse)
        return
    with atomic_output(output, force=force) as handle:
        handle.write(text)


def _refuse(message: str) -> NoReturn:
    fail(message, EXIT_REFUSED)


@contextmanager
def atomic_output(output: Path, *, force: bool) -> Iterator[TextIO]:
    """A text handle (``.buffer`` for bytes) whose content replaces ``output``
    only when the block ends without error, so an interrupted run never
    leaves half a file; refuses to overwrite an existing file without
    ``force`` and never replaces anything but a regular file; ``-`` is
    standard output. The rules are in :mod:`cli._files`."""
    if output == STDOUT:
        with stdout_handle(_refuse) as handle:
            yield handle
        return
    with atomic_file(output, force=force, fail=_refuse) as handle:
        yield handle


output_option = click.option(
    "-o",
    "--output",
    type=OutputPath(),
    help="Write to this file instead of standard output (- for standard output).",
)


def text_or_json_option(help: str = "Readable text (Dutch) or JSON.") -> Callable[[F], F]:
    """``--format text|json`` for the commands that explain or list."""
    return click.option(
        "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help=help
    )


force_option = click.option(
    "--force",
    is_flag=True,
    help="Overwrite the output file if it exists (a symbolic link: the regular file it points at).",
)


__all__ = [
    "COMMAND_MODULES",
    "EXIT_BAD_INPUT",
    "EXIT_REFUSED",
    "F",
    "app",
    "atomic_output",
    "emit",
    "fail",
    "force_option",
    "long_running",
    "output_option",
    "read_case",
    "text_or_json_option",
    "user_errors",
]
