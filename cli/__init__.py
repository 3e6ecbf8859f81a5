"""The ``samenwerkwijzer`` command: a thin layer over the library.

It catches the library's base error and exits non-zero with a one-paragraph
message; a traceback means a bug in Samenwerkwijzer, never a user error.
Exit codes: 0 success, 1 refused (e.g. output exists), 2 bad input or usage.
Each command lives in its own module and registers itself on ``app``.
"""

from __future__ import annotations

from . import (
    _batch,  # noqa: F401
    _diagnose,  # noqa: F401  (registers the command)
    _explain,  # noqa: F401
    _intake,  # noqa: F401
    _kb,  # noqa: F401
    _rules,  # noqa: F401
    _schema,  # noqa: F401
    _serve,  # noqa: F401
    _whatif,  # noqa: F401
)
from ._app import app


def main() -> None:
    app(prog_name="samenwerkwijzer")


__all__ = ["app", "main"]
