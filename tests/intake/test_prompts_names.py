"""walk7 #15: the checklist offered "nummers of namen" while its names are sentences (or ids nobody sees)."""

from __future__ import annotations

from samenwerkwijzer.intake._intake_steps import SIGNALS_KEY, intake_steps
from samenwerkwijzer.intake._prompts import render_prompt


def test_the_checklist_asks_for_numbers_and_short_lists_for_numbers_or_names():
    steps = {s.key: s for s in intake_steps({}, lambda: [], set(), respondent=False)}
    checklist = render_prompt(steps[SIGNALS_KEY])
    assert checklist.endswith("(nummers, gescheiden door komma's)") and "namen" not in checklist.splitlines()[-1]
    short = [render_prompt(s) for s in steps.values() if s.kind == "choice" and len(s.options) <= 5]
    assert short and all("nummer of naam" in p for p in short)
