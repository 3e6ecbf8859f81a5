"""The web application's modules stay small enough to read: none over 450 lines (split by responsibility)."""

from __future__ import annotations

from ..conftest import ROOT

MAX_LINES = 450


def test_no_web_module_is_over_450_lines():
    long = {
        path.name: n
        for path in sorted((ROOT / "web").glob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long
