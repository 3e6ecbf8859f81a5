"""Property-based and fuzz tests: every valid case diagnoses and renders,
identically across processes; malformed input only ever raises CaseError."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenwerkwijzer import CaseError, case_from_data, diagnose, parse_case, render_letter

from .conftest import EXAMPLES, TODAY
from .strategies import cases


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_valid_case_diagnoses_and_renders(data):
    advice = diagnose(case_from_data(data), today=TODAY)
    letter = render_letter(advice)
    assert letter.startswith("# Advies over de samenwerking")
    assert [i.rank for i in advice.interventions] == list(range(1, len(advice.interventions) + 1))
    recommended = {i.id for i in advice.interventions}
    assert not recommended & {s.id for s in advice.suppressed}


RENDER_ALL = """
import hashlib, json, sys, datetime
from samenwerkwijzer import case_from_data, diagnose, render_letter
out = []
for line in sys.stdin:
    advice = diagnose(case_from_data(json.loads(line)), today=datetime.date(2026, 11, 22))
    out.append(hashlib.sha256((advice.model_dump_json() + render_letter(advice)).encode()).hexdigest())
print(json.dumps(out))
"""


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(cases(), min_size=40, max_size=40))
def test_generated_cases_give_byte_identical_json_and_letters_across_processes(generated):
    lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in generated)
    digests = [
        subprocess.run(
            [sys.executable, "-c", RENDER_ALL],
            input=lines,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "4242")
    ]
    assert digests[0] == digests[1]
    assert len(json.loads(digests[0])) == 40


def _mutations(rng: random.Random, text: str) -> str:
    """One malformed variant of a valid case text."""
    ops = [
        lambda t: t[: rng.randrange(len(t))],  # truncate
        lambda t: t[: (i := rng.randrange(len(t)))] + rng.choice(":-[]{}&*!|>'\"#%@`\t\n,?") + t[i:],
        lambda t: t.replace(":", rng.choice(["", "::", " :", ": ["]), 1 + rng.randrange(3)),
        lambda t: t.replace("  ", rng.choice([" ", "   ", "\t"]), 1 + rng.randrange(5)),
        lambda t: (lines := t.splitlines(True)) and "".join(rng.sample(lines, len(lines))),
        lambda t: t.replace(
            rng.choice(["true", "false", "6", "hoog", "waakzaam", "gemeente"]),
            rng.choice(
                ["ja", "-1", "1e9", "null", "[]", "{}", "~", "0x1F", "2026-13-45", "\u0000", "\udc80"[:0] + "é"]
            ),
        ),
        lambda t: t + rng.choice(["\nonbekend: 1\n", "\n- x\n", "\n  diep:\n    dieper: [1\n", "\n\x07\n"]),
        lambda t: bytes(b ^ (1 << rng.randrange(8)) if rng.random() < 0.01 else b for b in t.encode()).decode(
            "utf-8", errors="replace"
        ),
    ]
    for _ in range(1 + rng.randrange(3)):
        if text:
            text = rng.choice(ops)(text)
    return text


def test_fuzz_malformed_inputs_only_raise_case_errors():
    """At least 10,000 malformed inputs per run; FUZZ_RUNS=1000000 for a long run."""
    runs = int(os.environ.get("FUZZ_RUNS", "10000"))
    seed = int(os.environ.get("FUZZ_SEED", "1122"))
    rng = random.Random(seed)
    corpus = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))]
    outcomes = {"case": 0, "error": 0}
    slowest = 0.0
    for n in range(runs):
        text = _mutations(rng, rng.choice(corpus))
        started = time.perf_counter()
        try:
            parse_case(text, source=f"fuzz-{n}")
            outcomes["case"] += 1
        except CaseError as exc:
            assert str(exc).startswith("Invalid case fuzz-"), exc
            outcomes["error"] += 1
        slowest = max(slowest, time.perf_counter() - started)
    assert sum(outcomes.values()) == runs
    assert outcomes["error"] > runs // 4  # the mutations really break things
    assert slowest < 1.0
