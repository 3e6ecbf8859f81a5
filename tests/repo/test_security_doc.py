"""SECURITY.md's bounds are the code's: every table row names a constant and
its value, and every constant of the bounded modules is in the tables."""

from __future__ import annotations

import re

from samenwerkwijzer.model import _limits
from samenwerkwijzer.reasoning import _batch, _batch_input
from samenwerkwijzer.render import _usertemplate

from ..conftest import ROOT

MODULES = {
    "engine/model/_limits.py": _limits,
    "engine/render/_usertemplate.py": _usertemplate,
    "engine/reasoning/_batch.py": _batch,
    "engine/reasoning/_batch_input.py": _batch_input,
}


def _rows() -> dict[str, tuple[str, int]]:
    """Constant name -> (module file of its table, value) from SECURITY.md."""
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    rows = {}
    for section in re.split(r"\n(?=[A-Z][^\n]*\(`engine/[^`]+`\):\n)", text)[1:]:
        module = re.match(r"[^\n]*\(`(engine/[^`]+)`\)", section).group(1)
        for name, value in re.findall(r"^\| [^|]+ \| `([A-Z_]+)` \| ([0-9,]+) \|$", section, re.MULTILINE):
            rows[name] = (module, int(value.replace(",", "")))
    return rows


def test_security_md_bounds_match_the_code():
    rows = _rows()
    assert len(rows) >= 15
    for name, (module, value) in rows.items():
        assert getattr(MODULES[module], name) == value, name


def test_every_input_bound_is_documented():
    rows = _rows()
    constants = [n for n in vars(_limits) if n.startswith("MAX_")]
    constants += [n for n in vars(_usertemplate) if n.startswith("TEMPLATE_")]
    constants += [n for n in vars(_batch) if n.startswith("MAX_")]
    constants += [n for n in vars(_batch_input) if n.startswith("MAX_")]
    assert set(constants) == set(rows)
