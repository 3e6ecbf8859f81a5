"""A case file as the intake writes it: YAML as the examples are written (or JSON), and the progress.

The advisor's case file starts with a comment saying it was drawn up with the
intake and, while the intake is not complete, how to go on with it.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import yaml

_BASE_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: quick


class _CaseDumper(_BASE_DUMPER):  # type: ignore[misc]
    """Block style, except lists of plain values (``roles: [beslisser, financier]``), as in the examples."""


def _represent_list(dumper: Any, data: list[Any]) -> Any:
    flow = all(isinstance(item, str | int | float | bool) or item is None for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_CaseDumper.add_representer(list, _represent_list)


def case_text(path: Path, data: dict[str, Any], *, by_advisor: bool, resume: str | None) -> str:
    """The text of the case file ``path``: JSON for a ``.json`` name, else YAML; the advisor's
    YAML starts with a comment, which gives ``resume`` (the command that goes on) when given."""
    if path.suffix.lower() == ".json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    header = ""
    if by_advisor:
        header = "# Opgesteld met samenwerkwijzer intake.\n"
        if resume is not None:
            header += _comment(f"De intake is nog niet af; ga verder met: {resume}")
    body = yaml.dump(data, Dumper=_CaseDumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def _comment(text: str) -> str:
    """``text`` as one YAML comment line: a line break, another control or
    format character in it (from a file name, say) is written as an escape such
    as ``\\n``, so that it can neither end the comment nor hide what follows."""
    safe = "".join(ascii(ch)[1:-1] if _unsafe_in_comment(ch) else ch for ch in text)
    return f"# {safe}\n"


def _unsafe_in_comment(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] == "C" or category in ("Zl", "Zp")  # control, format, surrogate; line, paragraph break


def progress_text(progress: dict[str, Any]) -> str:
    return json.dumps(progress, ensure_ascii=False) + "\n"


__all__ = [
    "case_text",
    "progress_text",
]
