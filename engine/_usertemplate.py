"""Render the letter with an organisation's own jinja2 template.

The template gets what the built-in letter gets (:func:`letter_context`) and
may import the built-in Dutch sentences (``{% import "letter_text.j2" as nl
%}``). It runs in jinja2's immutable sandbox: attributes starting with an
underscore (``__class__``, ``__globals__``, …) and Python internals are
refused, lists and dicts cannot be changed. Anything wrong with the template,
from a syntax error to a refused attribute, is an :class:`InputError` naming
the file and the line. Case text is data: it is inserted, never evaluated as
a template. See ``docs/templates.md``.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ._advice import Advice
from ._errors import InputError
from ._letter import DEFAULT_TOP, letter_context

HTML_SUFFIXES = (".html", ".htm")
_BUILT_IN = Path(__file__).resolve().parent / "templates"


class _Sandbox(ImmutableSandboxedEnvironment):
    """jinja2's immutable sandbox, refusing every name that starts with an
    underscore outright: the plain sandbox only refuses those that exist,
    and lets a missing one read as undefined."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if attribute.startswith("_"):
            raise _refused(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str) and argument.startswith("_") and not (isinstance(obj, dict) and argument in obj):
            raise _refused(obj, argument)
        return super().getitem(obj, argument)


def _refused(obj: Any, name: str) -> SecurityError:
    return SecurityError(f"access to attribute {name!r} of {type(obj).__name__!r} object is unsafe.")


def render_with_template(
    advice: Advice,
    template_path: str | os.PathLike[str],
    *,
    top: int = DEFAULT_TOP,
    html: bool | None = None,
) -> str:
    """The advice rendered with the jinja2 template at ``template_path``.

    ``html`` turns escaping of everything the template inserts on (True) or
    off (False); None decides by the file name: on for ``.html`` and ``.htm``
    files. Other templates in the template's folder can be imported or
    included, and so can the built-in ``letter_text.j2``.

    Raises :class:`InputError` when the file cannot be read, has a syntax
    error, uses an unknown variable or is refused by the sandbox."""
    path = Path(template_path)
    if not path.is_file():
        raise InputError(f"template {path}: no such file")
    autoescape = path.name.lower().endswith(HTML_SUFFIXES) if html is None else html
    context = letter_context(advice, top)
    environment = _Sandbox(
        # The user's folder first, so its own templates (and, if it wants, its
        # own letter_text.j2) win; then the built-in ones.
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(path.parent, encoding="utf-8"),
                jinja2.PackageLoader("samenwerkwijzer", "templates"),
            ]
        ),
        undefined=jinja2.StrictUndefined,
        # As the built-in letter templates, so that their macros behave the same.
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=autoescape,
        auto_reload=False,
    )
    try:
        return environment.get_template(path.name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = _where(path, exc.filename or exc.name, exc.lineno)
        raise InputError(f"{where}: syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise InputError(f"{_where_raised(path, exc)}: cannot find the template {exc.name!r}") from None
    except SecurityError as exc:
        raise InputError(f"{_where_raised(path, exc)}: refused by the sandbox: {exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"template {path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except jinja2.TemplateError as exc:  # UndefinedError and the like
        raise InputError(f"{_where_raised(path, exc)}: {exc}") from None
    except Exception as exc:  # a template's own mistake, e.g. {{ 1 / 0 }}
        raise InputError(f"{_where_raised(path, exc)}: {type(exc).__name__}: {exc}") from None


def _where(path: Path, filename: str | None, line: int | None) -> str:
    """``template FILE, line N``, with FILE as the caller named it when it is
    the template itself."""
    shown = str(path)
    if filename and not _same_file(filename, path):
        shown = filename
    return f"template {shown}" + (f", line {line}" if line else "")


def _where_raised(path: Path, exc: BaseException) -> str:
    """Where in a template an error was raised: jinja2 rewrites tracebacks so
    that template code appears as frames of the template file, at its line."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith((".py", ".pyc"))]
    # Rather the user's own line than one inside a built-in macro it called.
    own = [f for f in frames if Path(f.filename).parent != _BUILT_IN]
    if not (own or frames):
        return _where(path, None, None)
    frame = (own or frames)[-1]
    return _where(path, frame.filename, frame.lineno)


def _same_file(filename: str, path: Path) -> bool:
    try:
        return os.path.samefile(filename, path)
    except OSError:
        return False
