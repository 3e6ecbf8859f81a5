"""Render the letter with an organisation's own jinja2 template.

A template is code from outside, so it is run as untrusted code:

- it gets **plain data only**: the letter context (:func:`letter_context`)
  turned into JSON-compatible dicts, lists, strings, numbers, booleans and
  None. No model object, so no model method (``parse_raw``, ``parse_file``,
  ``model_dump``, …) is within reach;
- it runs in jinja2's immutable sandbox, where names starting with an
  underscore are refused and only a short allowlist of callables can be
  called (its macros, the built-in Dutch sentences of ``letter_text.j2``,
  ``range`` and a few str, dict and list methods);
- it runs in a **child process** with a CPU-time, memory and output bound,
  and a wall-clock timeout (the ``TEMPLATE_*`` constants below).

Anything wrong with the template, from a syntax error to a refused
attribute or an exceeded bound, is an :class:`InputError` naming the file
and, where it can, the line. Case text is data: it is inserted, never
evaluated as a template. See ``docs/templates.md`` and ``SECURITY.md``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from ..model._advice import Advice
from ..model._errors import InputError
from ..model._facts import FACT_LABELS
from ..model._messages import os_reason
from ._letter import DEFAULT_TOP, letter_context, markdown_safe, strip_control

HTML_SUFFIXES = (".html", ".htm")
_BUILT_IN = Path(__file__).resolve().parent / "templates"
_CHILD = Path(__file__).resolve().parent / "_template_child.py"

# The bounds of one user-template render (SECURITY.md quotes them).
TEMPLATE_CPU_SECONDS = 5
TEMPLATE_WALL_SECONDS = 10
TEMPLATE_MEMORY_BYTES = 256 * 2**20
TEMPLATE_OUTPUT_CHARS = 2_000_000
TEMPLATE_MAX_BYTES = 1 * 2**20  # the template file itself


# What letter_context computes that is plain data already (str, int, bool, lists, dicts of them).
_PLAIN_KEYS = (
    "appendix", "quotes", "notes", "plans", "meeting_owners", "respondent_count", "disclosed", "divergent",
    "date_nl", "place_date", "sentences", "text", "steps_shown",
)  # fmt: skip


def plain_context(advice: Advice, top: int) -> dict[str, Any]:
    """The letter context as plain JSON data: what a user template sees."""
    context = letter_context(advice, top)
    dumped = advice.model_dump(mode="json")
    return {
        "advice": dumped,
        "top": dumped["interventions"][:top],
        "rest": dumped["interventions"][top:],
        "more": [i.model_dump(mode="json") for i in context["more"]],
        # Unknown facts read as None, so a template can test them.
        "facts": dict.fromkeys(FACT_LABELS) | {path: _json(value) for path, value in context["facts"].items()},
        "findings": {f["id"]: f for f in dumped["findings"]},
        "sources": {s["id"]: s for s in dumped["sources"]},
        **{key: context[key] for key in _PLAIN_KEYS},
    }


def _json(value: Any) -> Any:
    return list(value) if isinstance(value, tuple | list) else value


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
    error, uses an unknown variable, is refused by the sandbox or exceeds
    one of the bounds."""
    path = Path(template_path)
    try:
        if not path.is_file():
            raise InputError(f"sjabloon {path}: bestand niet gevonden")
        if path.stat().st_size > TEMPLATE_MAX_BYTES:
            raise InputError(f"sjabloon {path}: groter dan {TEMPLATE_MAX_BYTES // 2**20} MB")
    except OSError as exc:
        raise InputError(f"sjabloon {path}: kan niet worden gelezen ({os_reason(exc)})") from None
    is_html_file = path.name.lower().endswith(HTML_SUFFIXES)
    autoescape = is_html_file if html is None else html
    request = {
        "template": str(path),
        "built_in": str(_BUILT_IN),
        "autoescape": autoescape,
        # Case text reads as text: in a Markdown template escaped for Markdown here,
        # in HTML by autoescape (unless the caller turned it off on purpose).
        "context": plain_context(advice if autoescape or is_html_file else markdown_safe(advice), top),
        "cpu_seconds": TEMPLATE_CPU_SECONDS,
        "memory_bytes": TEMPLATE_MEMORY_BYTES,
        "max_output_chars": TEMPLATE_OUTPUT_CHARS,
        "max_repeat_chars": TEMPLATE_OUTPUT_CHARS,
        # The child imports only jinja2 and markupsafe, from where this process did.
        "sys_path": sorted({str(Path(m.__file__ or "").resolve().parent.parent) for m in (jinja2, markupsafe)}),
    }
    return strip_control(_run_child(path, json.dumps(request, ensure_ascii=False).encode("utf-8")))


def _run_child(path: Path, request: bytes) -> str:
    try:
        done = subprocess.run(
            [sys.executable, "-I", str(_CHILD)],
            input=request,
            capture_output=True,
            timeout=TEMPLATE_WALL_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise InputError(f"sjabloon {path}: duurde langer dan {TEMPLATE_WALL_SECONDS} seconden en is gestopt") from None
    except OSError as exc:
        raise InputError(
            f"sjabloon {path}: de afgeschermde omgeving voor sjablonen start niet ({os_reason(exc)})"
        ) from None
    if done.returncode == -signal.SIGXCPU or done.returncode == -signal.SIGKILL:
        raise InputError(
            f"sjabloon {path}: gebruikte meer dan {TEMPLATE_CPU_SECONDS} seconden processortijd en is gestopt"
        )
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict) or not isinstance(answer.get("text", answer.get("error")), str):
        if b"MemoryError" in done.stderr:
            raise InputError(
                f"sjabloon {path}: heeft meer nodig dan de {TEMPLATE_MEMORY_BYTES // 2**20} MB geheugen "
                "die een sjabloon mag gebruiken"
            )
        raise InputError(f"sjabloon {path}: de afgeschermde omgeving stopte onverwacht (code {done.returncode})")
    if "error" in answer:
        raise InputError(answer["error"])
    text: str = answer["text"]
    return text


__all__ = [
    "HTML_SUFFIXES",
    "TEMPLATE_CPU_SECONDS",
    "TEMPLATE_MAX_BYTES",
    "TEMPLATE_MEMORY_BYTES",
    "TEMPLATE_OUTPUT_CHARS",
    "TEMPLATE_WALL_SECONDS",
    "plain_context",
    "render_with_template",
]
