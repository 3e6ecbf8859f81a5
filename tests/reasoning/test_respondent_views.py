"""The respondents' views that combined_facts builds are what case_facts gives for the case with each
respondent's observations (the facts combined), without copying the case for every respondent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from samenwerkwijzer import load_case
from samenwerkwijzer.model._combined_facts import _COMBINED_PATHS, _observed_view
from samenwerkwijzer.model._facts import case_facts, partner_tally

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "examples").rglob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_observed_view_is_case_facts(path: Path) -> None:
    case = load_case(path)
    today = date(2026, 11, 22)
    tally = partner_tally(case.partners)
    for obs in [case.observations, *(r.observations for r in case.respondents)]:
        full = case_facts(case.model_copy(update={"observations": obs}), today, tally)
        assert _observed_view(obs, case.assessed_on or today) == {p: full[p] for p in _COMBINED_PATHS if p in full}
