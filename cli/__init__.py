"""The ``samenwerkwijzer`` command: a thin layer over the library.

It catches the library's base error and exits non-zero with a one-paragraph
message; a traceback means a bug in Samenwerkwijzer, never a user error.
Exit codes: 0 success, 1 refused (e.g. output exists), 2 bad input or usage.
Each command lives in its own module and registers itself on ``app``; the
module is imported when its command is run (``_app.COMMAND_MODULES``).

``--version`` and ``--help`` on their own answer without importing click or
the library (``_help.py`` holds the help text, checked against click's by the
tests), so that they answer at once.
"""

from __future__ import annotations

import os
import sys

# Not typing's: importing typing costs --version a sixth of its time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._app import app

#: The width click lays its help out in: ``min(columns, 80) - 2``.
_HELP_COLUMNS = 80


def _columns() -> int:
    """The terminal's width as click sees it (``shutil.get_terminal_size``)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else _HELP_COLUMNS
    except (AttributeError, ValueError, OSError):
        return _HELP_COLUMNS


def _quick_answer(args: list[str]) -> str | None:
    """The text of ``--version`` or ``--help`` alone, without click; None for anything else."""
    if args == ["--version"]:
        from samenwerkwijzer import __version__

        return f"samenwerkwijzer, version {__version__}\n"
    if args in (["--help"], ["-h"]) and _columns() >= _HELP_COLUMNS:
        from ._help import HELP

        return HELP
    return None


def main() -> None:
    quick = _quick_answer(sys.argv[1:])
    if quick is not None:
        try:
            sys.stdout.write(quick)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (``| head -1``): end quietly, as every command does.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        return
    import gc

    from ._app import app

    # A command starts by loading the knowledge base, compiling the rules and the
    # letter templates: long-lived objects that a collection would only walk.
    # Commands that run long turn the collector back on (``long_running``). At
    # exit, the interpreter's last collection would walk every object once
    # more; frozen, they are left for the process's end to free.
    gc.disable()
    try:
        app(prog_name="samenwerkwijzer")
    finally:
        gc.freeze()


def __getattr__(name: str) -> Any:
    if name == "app":
        from ._app import app

        return app
    raise AttributeError(f"module 'samenwerkwijzer.cli' has no attribute {name!r}")


__all__ = ["app", "main"]
