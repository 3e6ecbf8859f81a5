"""The ``samenwerkwijzer`` command: a thin layer over the library.

It catches the library's base error and exits non-zero with a one-paragraph
message; a traceback means a bug in Samenwerkwijzer, never a user error.
Exit codes: 0 success, 1 refused (e.g. output exists), 2 bad input or usage.
Each command lives in its own module and registers itself on ``app``; the
module is imported when its command is run (``_app.COMMAND_MODULES``).
"""

from __future__ import annotations

import gc

from ._app import app


def main() -> None:
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


__all__ = ["app", "main"]
