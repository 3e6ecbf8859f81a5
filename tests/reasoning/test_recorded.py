"""Every example gives the advice recorded in ``tests/recorded/``.

A refactoring must not change the advice; a change of the knowledge or the
ranking that does change it shows up here as a readable diff of the JSON.
After such a deliberate change, record anew and review the diff:
``RECORD=1 pytest tests/reasoning/test_recorded.py``."""

from __future__ import annotations

import os

import pytest

from samenwerkwijzer import diagnose, load_case

from ..conftest import EXAMPLES, ROOT, TODAY

RECORDED = ROOT / "tests" / "recorded"
CASES = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*/*.yaml")])


def test_every_example_has_a_recording():
    assert {p.stem for p in CASES} == {p.stem for p in RECORDED.glob("*.json")}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_the_advice_is_the_recorded_advice(path):
    advice = diagnose(load_case(path), today=TODAY).model_dump_json(indent=2)
    recording = RECORDED / f"{path.stem}.json"
    if os.environ.get("RECORD") == "1":
        recording.write_text(advice, encoding="utf-8")
    assert advice == recording.read_text(encoding="utf-8")
