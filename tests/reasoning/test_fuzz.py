"""The fuzz runner: mutated cases through the loader, the diagnosis and every
renderer, and the nastiest of them through the CLI. Nothing may raise but a
SamenwerkwijzerError, print a traceback, take more than 2 s or 200 MB.

The CI share is small; the long run is ``FUZZ_RUNS=20000 FUZZ_CLI=300
pytest tests/reasoning/test_fuzz.py`` (``FUZZ_SEED`` picks another corpus)."""

from __future__ import annotations

import functools
import heapq
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from click.testing import CliRunner

from samenwerkwijzer import SamenwerkwijzerError, diagnose, parse_case, render_html, render_letter
from samenwerkwijzer.cli import app
from samenwerkwijzer.render._docx import render_docx

from ..conftest import TODAY
from ..fuzzing import FuzzInput, inputs

RUNS = int(os.environ.get("FUZZ_RUNS", "400"))
CLI_RUNS = int(os.environ.get("FUZZ_CLI", "10"))
# The nastiest inputs through the CLI in-process: 300 in the long run
IN_PROCESS_RUNS = max(150, CLI_RUNS)
SEED = int(os.environ.get("FUZZ_SEED", "1122"))
SECONDS_PER_INPUT = 2.0
MEGABYTES_PER_INPUT = 200


@dataclass
class Outcome:
    accepted: int = 0
    refused: int = 0
    crashes: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    heavy: list[str] = field(default_factory=list)
    # The slowest inputs only (a heap of (seconds, n, input)): keeping them all would make
    # the test's own memory grow with the run.
    slowest: list[tuple[float, int, FuzzInput]] = field(default_factory=list)
    keep: int = 300


def _run_one(item: FuzzInput, n: int, outcome: Outcome) -> None:
    # processor time, not wall time: the bound is on the work, not on how busy the machine is
    started = time.process_time()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        case = parse_case(item.text, source=f"fuzz-{n}", json_only=item.json_only)
        advice = diagnose(case, today=TODAY)
        render_letter(advice)
        advice.model_dump_json()
        if n % 5 == 0:  # the slower renderers on a share of the inputs (all in the long run)
            render_html(advice)
            render_docx(advice)
        outcome.accepted += 1
    except SamenwerkwijzerError as exc:
        assert "\n" not in str(exc).strip() or len(str(exc)) < 5000, item.how
        outcome.refused += 1
    except Exception as exc:  # the defect the fuzzer is looking for
        outcome.crashes.append(f"{item.how}: {type(exc).__name__}: {str(exc)[:200]}")
    elapsed = time.process_time() - started
    entry = (elapsed, outcome.accepted + outcome.refused + len(outcome.crashes), item)
    if len(outcome.slowest) < outcome.keep:
        heapq.heappush(outcome.slowest, entry)
    else:
        heapq.heappushpop(outcome.slowest, entry)
    if elapsed > SECONDS_PER_INPUT:
        outcome.slow.append(f"{item.how}: {elapsed:.1f} s")
    # An input that raises this process's peak memory by more than the bound uses more than it.
    raised_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    if raised_mb > MEGABYTES_PER_INPUT:
        outcome.heavy.append(f"{item.how}: {raised_mb:.0f} MB")


def test_mutated_cases_raise_only_samenwerkwijzer_errors_within_the_bounds():
    # Memory is checked per input (below, and per process in the CLI test): this
    # process's own high-water mark also holds what the generator builds between inputs.
    outcome = Outcome()
    for n, item in enumerate(inputs(RUNS, SEED)):
        _run_one(item, n if RUNS <= 5000 else 0, outcome)
    assert outcome.crashes == []
    assert outcome.slow == []
    assert outcome.heavy == []
    assert outcome.accepted + outcome.refused == RUNS
    # the mutations really break things, and leave enough intact to reach the renderers
    assert outcome.refused > RUNS // 5 and outcome.accepted > RUNS // 10


@functools.cache
def _nastiest(count: int) -> list[FuzzInput]:
    """The seeds, then the inputs the loader took longest over."""
    outcome = Outcome(keep=count)
    seeds = []
    for item in inputs(max(count * 2, 200), SEED + 1):
        if item.how.startswith("seed"):
            seeds.append(item)
        else:
            _run_one(item, 1, outcome)
    rest = [item for _, _, item in sorted(outcome.slowest, key=lambda entry: (-entry[0], entry[1]))]
    return (seeds + rest)[:count]


def test_the_nastiest_inputs_through_the_cli_in_process():
    runner = CliRunner()
    for item in _nastiest(IN_PROCESS_RUNS):
        result = runner.invoke(app, ["diagnose", "-"], input=item.text.encode("utf-8", "surrogatepass"))
        assert result.exit_code in (0, 2), (item.how, result.exit_code, result.output[-500:])
        assert result.exception is None or isinstance(result.exception, SystemExit), item.how
        if result.exit_code == 2:
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, item.how


# Runs the CLI and records its peak memory (VmHWM) at exit: the child's own figure, where
# wait4's ru_maxrss would include the memory of this (large) process it was forked from.
PEAK_WRAPPER = """
import atexit, sys
case, peak_file = sys.argv[1], sys.argv[2]
def _peak():
    with open("/proc/self/status") as status:
        kb = next(line for line in status if line.startswith("VmHWM")).split()[1]
    with open(peak_file, "w") as out:
        out.write(kb)
atexit.register(_peak)
sys.argv = ["samenwerkwijzer", "diagnose", case]
from samenwerkwijzer.cli import main
main()
"""


def test_the_nastiest_inputs_through_the_real_cli_within_time_and_memory(tmp_path):
    """Each in its own process: its processor time (wait4) and peak memory (VmHWM)."""
    for item in _nastiest(IN_PROCESS_RUNS)[:CLI_RUNS]:
        suffix = ".json" if item.json_only else ".yaml"
        with tempfile.NamedTemporaryFile("wb", suffix=suffix) as case, tempfile.TemporaryFile() as out:
            case.write(item.text.encode("utf-8", "surrogatepass"))
            case.flush()
            peak_file = tmp_path / "peak"
            process = subprocess.Popen(
                [sys.executable, "-c", PEAK_WRAPPER, case.name, str(peak_file)],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out,
            )
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            elapsed = usage.ru_utime + usage.ru_stime  # processor time of the run
            out.seek(0)
            printed = out.read().decode("utf-8", "replace")
        assert process.returncode in (0, 2), (item.how, printed[-500:])
        assert "Traceback" not in printed, item.how
        assert elapsed < SECONDS_PER_INPUT + 0.5, (item.how, elapsed)  # + interpreter start-up
        peak_mb = int(peak_file.read_text()) / 1024
        assert peak_mb < MEGABYTES_PER_INPUT, (item.how, peak_mb)
