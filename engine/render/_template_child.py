"""Render one user template in a child process, under resource limits.

Run as a script (``python -I _template_child.py``), never imported by the
library: it reads one JSON request on standard input, sets its own limits on
CPU time and memory before it touches the template, renders, and writes one
JSON answer on standard output: ``{"text": …}`` or ``{"error": …}``. It needs
only the standard library and jinja2, so it starts in a fraction of the time
the whole package would.

The template sees plain data only (dicts, lists, strings, numbers, booleans,
None), which the parent made from the advice; a call is allowed only to a
short list of harmless callables (macros, ``caller``, ``range``, a few str,
dict and list methods). The limits come from the parent
(``samenwerkwijzer.render._usertemplate``), which also enforces the wall-clock time.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

# Callables a template may call besides its macros, ``caller`` and the
# globals below: methods that build a new, small value from an existing one.
_SAFE_METHODS = {
    str: {
        "capitalize",
        "casefold",
        "count",
        "endswith",
        "find",
        "isdigit",
        "join",
        "lower",
        "lstrip",
        "replace",
        "rstrip",
        "split",
        "splitlines",
        "startswith",
        "strip",
        "title",
        "upper",
    },
    dict: {"get", "items", "keys", "values"},
    list: {"count", "index"},
}


def _set_limits(cpu_seconds: int, memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the parent's wall clock still applies
        return
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # it writes no file
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))  # and starts no process


class _TooLong(Exception):
    pass


def _render(request: dict[str, Any]) -> dict[str, Any]:
    import jinja2
    from jinja2.exceptions import SecurityError
    from jinja2.runtime import BlockReference, LoopContext, Macro
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    from jinja2.utils import Cycler, Joiner

    path = Path(request["template"])
    built_in = Path(request["built_in"])
    max_chars = int(request["max_output_chars"])
    max_repeat = int(request["max_repeat_chars"])

    def refused(obj: Any, name: str) -> SecurityError:
        return SecurityError(f"access to attribute {name!r} of {type(obj).__name__!r} object is unsafe.")

    class Sandbox(ImmutableSandboxedEnvironment):
        """jinja2's immutable sandbox over plain data: a dict's keys come
        before its methods (``i.items`` would otherwise be dict.items), names
        starting with an underscore are refused outright, only allowlisted
        callables can be called, and ``*`` cannot build huge strings."""

        intercepted_binops = frozenset(["*", "**"])

        def getattr(self, obj: Any, attribute: str) -> Any:
            if attribute.startswith("_"):
                raise refused(obj, attribute)
            if isinstance(obj, dict) and attribute in obj:
                return obj[attribute]
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            if (
                isinstance(argument, str)
                and argument.startswith("_")
                and not (isinstance(obj, dict) and argument in obj)
            ):
                raise refused(obj, argument)
            return super().getitem(obj, argument)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (jinja2's signature)
            if isinstance(__obj, jinja2.Undefined):
                return __obj()  # raises its own clear error: "'dict object' has no attribute 'parse_raw'"
            if not _callable_allowed(__obj):
                name = getattr(__obj, "__name__", type(__obj).__name__)
                raise SecurityError(f"calling {name!r} is not allowed in a letter template.")
            return super().call(__context, __obj, *args, **kwargs)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**":
                if isinstance(right, int) and abs(right) > 64 or isinstance(left, int) and abs(left) > 10**6:
                    raise SecurityError("the power is too large for a letter template.")
                return left**right
            # operator == "*": a string or list times a number must stay small
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > max_repeat:
                    raise SecurityError(f"repeating text to more than {max_repeat:,} characters is not allowed.")
            return left * right

    safe_globals = {"range", "dict", "namespace", "cycler", "joiner"}

    def _callable_allowed(obj: Any) -> bool:
        if isinstance(obj, Macro | BlockReference | LoopContext | Cycler | Joiner):
            return True  # a macro, caller(), super(), a recursive loop(), a cycler or joiner
        if any(obj is allowed for allowed in globals_):  # range, dict, namespace, cycler, joiner
            return True
        owner = getattr(obj, "__self__", None)
        name = getattr(obj, "__name__", "")
        if isinstance(owner, LoopContext | Cycler):
            return name in {"cycle", "changed", "next", "reset"}
        return any(type(owner) is kind and name in names for kind, names in _SAFE_METHODS.items())

    class FolderLoader(jinja2.FileSystemLoader):
        """The templates in one folder and its sub-folders: no hidden component (``.ssh``), no symbolic
        link on the way, nothing that resolves outside the folder."""

        def get_source(self, environment: Any, template: str) -> Any:
            if template == path.name:  # the template the user named: theirs to place where they like
                return super().get_source(environment, template)
            root = Path(self.searchpath[0])
            parts = [p for p in template.replace("\\", "/").split("/") if p not in ("", ".")]
            if any(p.startswith(".") for p in parts):
                raise SecurityError(f"the template {template!r} is in a hidden folder or file")
            step = root
            for part in parts:
                step = step / part
                if step.is_symlink():
                    raise SecurityError(f"the template {template!r} goes through a symbolic link")
            if parts and not step.resolve().is_relative_to(root.resolve()):
                raise SecurityError(f"the template {template!r} is outside the template's folder")
            return super().get_source(environment, template)

    environment = Sandbox(
        # The user's folder first, so its own templates (and, if it wants, its
        # own letter_text.j2) win; then the built-in ones.
        loader=jinja2.ChoiceLoader([FolderLoader(path.parent, encoding="utf-8"), jinja2.FileSystemLoader(built_in)]),
        undefined=jinja2.StrictUndefined,
        # As the built-in letter templates, so that their macros behave the same.
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=bool(request["autoescape"]),
        auto_reload=False,
    )
    globals_ = [environment.globals[name] for name in safe_globals if name in environment.globals]
    for name in list(environment.globals):
        if name not in safe_globals:
            del environment.globals[name]  # lipsum and the like: CPU for nothing

    try:
        parts: list[str] = []
        size = 0
        for chunk in environment.get_template(path.name).generate(request["context"]):
            size += len(chunk)
            if size > max_chars:
                raise _TooLong
            parts.append(chunk)
        return {"text": "".join(parts)}
    except _TooLong:
        return {"error": f"sjabloon {path}: de brief zou langer worden dan {max_chars:,} tekens".replace(",", ".")}
    except jinja2.TemplateSyntaxError as exc:
        where = _where(path, exc.filename or exc.name, exc.lineno)
        return {"error": f"{where}: syntaxfout (jinja2: {exc.message})"}
    except jinja2.TemplateNotFound as exc:
        return {"error": f"{_where_raised(path, built_in, exc)}: kan het sjabloon {exc.name!r} niet vinden"}
    except SecurityError as exc:
        return {
            "error": f"{_where_raised(path, built_in, exc)}: geweigerd door de afgeschermde omgeving (jinja2: {exc})"
        }
    except UnicodeDecodeError as exc:
        return {"error": f"sjabloon {path}: geen UTF-8-tekst (byte {exc.start})"}
    except MemoryError:
        limit = int(request["memory_bytes"]) // 2**20
        return {"error": f"sjabloon {path}: heeft meer nodig dan de {limit} MB geheugen die een sjabloon mag gebruiken"}
    except RecursionError:
        where = _where_raised(path, built_in, None)
        return {"error": f"{where}: het sjabloon is te diep genest of roept zichzelf te vaak aan"}
    except jinja2.TemplateError as exc:  # UndefinedError and the like
        return {"error": f"{_where_raised(path, built_in, exc)}: fout in het sjabloon (jinja2: {_short(str(exc))})"}
    except Exception as exc:  # a template's own mistake, e.g. {{ 1 / 0 }}
        where = _where_raised(path, built_in, exc)
        return {"error": f"{where}: fout in het sjabloon ({type(exc).__name__}: {_short(str(exc))})"}


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(path: Path, filename: str | None, line: int | None) -> str:
    """``template FILE, line N``, with FILE as the caller named it when it is
    the template itself."""
    shown = str(path)
    if filename and not _same_file(filename, path):
        shown = filename
    return f"sjabloon {shown}" + (f", regel {line}" if line else "")


def _where_raised(path: Path, built_in: Path, exc: BaseException | None) -> str:
    """Where in a template an error was raised: jinja2 rewrites tracebacks so
    that template code appears as frames of the template file, at its line."""
    tb = exc.__traceback__ if exc is not None else sys.exc_info()[2]
    frames = [f for f in traceback.extract_tb(tb) if not f.filename.endswith((".py", ".pyc"))]
    # Rather the user's own line than one inside a built-in macro it called.
    own = [f for f in frames if Path(f.filename).parent != built_in]
    if not (own or frames):
        return _where(path, None, None)
    frame = (own or frames)[-1]
    return _where(path, frame.filename, frame.lineno)


def _same_file(filename: str, path: Path) -> bool:
    try:
        return os.path.samefile(filename, path)
    except OSError:
        return False


def main() -> None:
    request = json.loads(sys.stdin.buffer.read())
    # jinja2 from wherever the parent imported it (it may not be on -I's path).
    sys.path[:0] = request["sys_path"]
    _set_limits(int(request["cpu_seconds"]), int(request["memory_bytes"]))
    try:
        answer = _render(request)
    except MemoryError:
        answer = {"error": f"sjabloon {request['template']}: heeft meer geheugen nodig dan een sjabloon mag gebruiken"}
    sys.stdout.write(json.dumps(answer, ensure_ascii=True))
    sys.stdout.flush()


if __name__ == "__main__":
    main()


__all__ = ["main"]
