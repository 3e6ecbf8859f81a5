"""How a fact value reads, in one place: one function, one table of styles.

Each reader has its style, and the styles differ on purpose:

- ``trainer``: explanations, the trace, comparisons and the respondents' views
  in the advice; Dutch yes/no, ``onbekend`` for an unknown value, ``[a, b]``;
- ``report``: the HTML report; Dutch yes/no, ``a, b``, ``—`` for an empty list;
- ``case_file``: the rule pages; the value as a case file spells it
  (``true``, ``onduidelijk``, ``a, b``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ValueStyle = Literal["trainer", "report", "case_file"]


@dataclass(frozen=True)
class _Spelling:
    unknown: str  # None
    yes: str
    no: str
    empty: str  # an empty list
    open: str  # around the items of a list
    close: str


_STYLES: dict[ValueStyle, _Spelling] = {
    "trainer": _Spelling(unknown="onbekend", yes="ja", no="nee", empty="[]", open="[", close="]"),
    "report": _Spelling(unknown="None", yes="ja", no="nee", empty="—", open="", close=""),
    "case_file": _Spelling(unknown="None", yes="true", no="false", empty="", open="", close=""),
}


def format_value(value: Any, style: ValueStyle) -> str:
    """``value`` (a fact value, or a value a condition or conclusion names) as ``style`` spells it."""
    spelling = _STYLES[style]
    if value is None:
        return spelling.unknown
    if value is True:
        return spelling.yes
    if value is False:
        return spelling.no
    if isinstance(value, (list, tuple)):
        if not value:
            return spelling.empty
        return spelling.open + ", ".join(format_value(v, style) for v in value) + spelling.close
    return str(value)


__all__ = ["ValueStyle", "format_value"]
