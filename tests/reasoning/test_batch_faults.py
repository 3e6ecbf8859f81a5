"""Batch under faults: bad and odd input, crashing cases and workers, and a
parent killed at a random moment (``FAULT_TRIALS=50`` for the long run)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import samenwerkwijzer.reasoning._batch as batch
import samenwerkwijzer.reasoning._batch_input as batch_input
from samenwerkwijzer import InputError
from samenwerkwijzer.batch import BatchItem, batch_items, run_batch
from samenwerkwijzer.cli import app

from ..conftest import EXAMPLES, ROOT, TODAY

FAULT_TRIALS = int(os.environ.get("FAULT_TRIALS", "2"))
CLI = [sys.executable, "-m", "samenwerkwijzer.cli"]


def small_case(n: int) -> str:
    return f"name: Casus {n}\nobservations:\n  leadership:\n    regie: onduidelijk\n"


def case_folder(path: Path, count: int) -> Path:
    path.mkdir()
    for n in range(count):
        (path / f"c{n:04d}.yaml").write_text(small_case(n), encoding="utf-8")
    return path


def results(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def names(lines: list[dict[str, object]]) -> list[str]:
    return [Path(str(r["source"])).name for r in lines]


# --- 6: one bad case never stops the batch -----------------------------------------------------------


def test_a_case_that_crashes_the_loader_is_one_error_line_and_the_rest_is_written(tmp_path):
    """Reproducer: 267 cases, one with ``trekker: !!bool "misschien"`` crashed the
    loader with a KeyError; the batch died and out.jsonl was never created."""
    folder = case_folder(tmp_path / "cases", 266)
    bad = folder / "c0100b.yaml"
    bad.write_text('name: X\nobservations:\n  leadership:\n    trekker: !!bool "misschien"\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--workers", "2"])
    assert result.exit_code == 1, result.output
    lines = results(out.read_text(encoding="utf-8"))
    assert names(lines) == sorted(p.name for p in folder.iterdir())
    assert [r["source"] for r in lines if not r["ok"]] == [str(bad)]
    assert "267 cases, 266 diagnosed, 1 failed" in result.output
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_any_exception_is_an_internal_error_with_a_capped_message(monkeypatch):
    def broken(case, today=None):
        raise RuntimeError("x" * 100_000)

    monkeypatch.setattr(batch, "diagnose", broken)
    line = batch.diagnose_item(BatchItem(source="a", text='{"name": "A"}'), today=TODAY)
    assert line["ok"] is False and line["error"]["type"] == "InternalError"
    assert line["error"]["message"].startswith("onverwachte fout (RuntimeError)")
    assert len(line["error"]["message"]) <= batch.MAX_MESSAGE_CHARS


def crash_in_children(monkeypatch, marker: Path | None = None):
    """``diagnose`` that kills its process for a case named "crash", but only in
    a child (the parent reports MemoryError instead); with ``marker`` only once."""
    parent = os.getpid()
    real = batch.diagnose

    def diagnose(case, today=None):
        if case.name == "crash" and (marker is None or not marker.exists()):
            if marker is not None:
                marker.touch()
            if os.getpid() != parent:
                os.kill(os.getpid(), signal.SIGKILL)
            raise MemoryError
        return real(case, today=today)

    monkeypatch.setattr(batch, "diagnose", diagnose)


def items_with_crash(count: int, crash_at: list[int]) -> list[BatchItem]:
    return [
        BatchItem(source=str(n), text=json.dumps({"name": "crash" if n in crash_at else f"C{n}"})) for n in range(count)
    ]


@pytest.mark.parametrize("crash_at", [[3], [3, 37, 38], [0, 59]])
def test_a_case_that_kills_its_worker_is_reported_and_the_others_go_on(monkeypatch, crash_at):
    crash_in_children(monkeypatch)
    out = list(run_batch(items_with_crash(60, crash_at), workers=3, today=TODAY))
    assert [r.source for r in out] == [str(n) for n in range(60)]
    assert [int(r.source) for r in out if not r.ok] == crash_at
    # chunks of 5; every third chunk is diagnosed in the parent, the others in a child
    expected = ["InternalError" if (n // 5) % 3 == 0 else "WorkerCrash" for n in crash_at]
    assert [json.loads(r.line)["error"]["type"] for r in out if not r.ok] == expected


def test_a_worker_killed_from_outside_loses_nothing(monkeypatch, tmp_path):
    crash_in_children(monkeypatch, marker=tmp_path / "once")
    # chunks of 3 with 2 workers: items 3 to 5 go to the child
    out = list(run_batch(items_with_crash(24, [3]), workers=2, today=TODAY))
    assert (tmp_path / "once").exists()
    assert [r.source for r in out] == [str(n) for n in range(24)] and all(r.ok for r in out)


# --- 15: no input changed or skipped ----------------------------------------------------------------


def test_odd_entries_each_get_an_error_line_and_are_never_opened(tmp_path):
    """Reproducer: a FIFO, a symlink to /dev/zero, a symlink loop and a directory
    named x.yaml were skipped without a line. Also to standard output: a loader
    crash (the !!bool case) used to stop the output there."""
    folder = case_folder(tmp_path / "cases", 3)
    (folder / "c0001b.yaml").write_text("name: X\nobservations:\n  leadership:\n    trekker: !!bool ja-nee\n")
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "loop.yml").symlink_to("loop.yml")
    (folder / "x.yaml").mkdir()
    (folder / "weg.json").symlink_to("nergens")
    (folder / "link.yaml").symlink_to("c0000.yaml")
    (folder / "notities.txt").write_text("geen casus")
    proc = subprocess.run(
        [*CLI, "batch", str(folder), "--workers", "2"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    lines = {Path(str(r["source"])).name: r for r in results(proc.stdout)}
    assert sorted(lines) == sorted(p.name for p in folder.iterdir() if p.suffix != ".txt")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert [n for n, r in lines.items() if r["ok"]] == ["c0000.yaml", "c0001.yaml", "c0002.yaml", "link.yaml"]
    expected = {
        "fifo.yaml": "geen gewoon bestand (een benoemde pijp)",
        "zero.yaml": "geen gewoon bestand (een apparaat)",
        "loop.yml": "kan niet worden gelezen",
        "x.yaml": "is een map",
        "weg.json": "symbolische koppeling naar niets",
        "c0001b.yaml": "",
    }
    for name, words in expected.items():
        assert words in lines[name]["error"]["message"], name
    assert "10 cases, 4 diagnosed, 6 failed" in proc.stderr


def test_a_fifo_swapped_in_after_listing_is_not_read(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(small_case(1))
    [item] = batch_items(tmp_path)
    path.unlink()
    os.mkfifo(path)
    line = batch.diagnose_item(item, today=TODAY)
    assert line["ok"] is False and "benoemde pijp" in line["error"]["message"]


def test_a_file_that_grows_past_the_limit_is_refused_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_input, "MAX_CASE_BYTES", 100)
    path = tmp_path / "c.yaml"
    path.write_text(small_case(1) + "#" * 200)
    line = batch.diagnose_item(BatchItem(source=str(path), path=str(path)), today=TODAY)
    assert line["ok"] is False and "te groot" in line["error"]["message"]


def test_invalid_utf8_in_a_jsonl_line_is_its_own_error_line(tmp_path):
    good = json.dumps({"name": "A"}).encode()
    bad = b'{"name": "caf\xe9"}'
    source = tmp_path / "cases.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + bad + b"\n" + good + b"\n")
    (tmp_path / "same.json").write_bytes(bad)
    file_line = batch.diagnose_item(BatchItem(source="f", path=str(tmp_path / "same.json")), today=TODAY)
    lines = [batch.diagnose_item(item, today=TODAY) for item in batch_items(source)]
    assert [r["ok"] for r in lines] == [True, False, True]
    assert lines[1]["source"].endswith(":2") and "geen UTF-8" in lines[1]["error"]["message"]
    assert file_line["ok"] is False and "geen UTF-8" in file_line["error"]["message"]


def test_an_overlong_jsonl_line_is_an_error_line_and_the_next_line_still_counts(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_input, "MAX_CASE_BYTES", 64)
    good = json.dumps({"name": "A"})
    long = json.dumps({"name": "B" * 500})
    source = tmp_path / "cases.jsonl"
    source.write_text(f"{good}\n{long}\n{good}\n{'x' * 64}\n{long}", encoding="utf-8")
    items = batch_items(source)
    assert [i.source.rsplit(":", 1)[1] for i in items] == ["1", "2", "3", "4", "5"]
    assert [i.problem is not None for i in items] == [False, True, False, False, True]
    assert "te groot" in str(items[1].problem)


def test_the_number_of_cases_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_input, "MAX_BATCH_ITEMS", 3)
    source = tmp_path / "cases.jsonl"
    source.write_text("{}\n" * 4)
    with pytest.raises(InputError, match="meer dan 3 casussen"):
        batch_items(source)
    with pytest.raises(InputError, match="meer dan 3 casussen"):
        batch_items(case_folder(tmp_path / "cases", 4))


def test_a_jsonl_input_that_is_not_a_regular_file_is_refused(tmp_path):
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "zero.jsonl")])
    assert result.exit_code == 2 and "geen gewoon bestand" in result.output


# --- -o: written as it goes, renamed when done -------------------------------------------------------


def test_output_refuses_an_existing_target_or_partial_without_force(tmp_path):
    folder = case_folder(tmp_path / "cases", 2)
    out = tmp_path / "out.jsonl"
    for existing in (out, tmp_path / "out.jsonl.partial"):
        existing.write_text("keep")
        result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)])
        assert result.exit_code == 1 and "bestaat al" in result.output
        assert existing.read_text() == "keep"
        result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--force"])
        assert result.exit_code == 0 and len(results(out.read_text())) == 2
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cases", "out.jsonl"]
        out.unlink()


def test_an_interrupted_run_keeps_its_results_in_the_partial_file(tmp_path, monkeypatch):
    folder = case_folder(tmp_path / "cases", 5)
    out = tmp_path / "out.jsonl"
    real = batch.diagnose

    def diagnose(case, today=None):
        if case.name == "Casus 3":
            raise KeyboardInterrupt
        return real(case, today=today)

    monkeypatch.setattr(batch, "diagnose", diagnose)
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)])
    assert result.exit_code != 0 and not out.exists()
    assert names(results((tmp_path / "out.jsonl.partial").read_text())) == ["c0000.yaml", "c0001.yaml", "c0002.yaml"]


# --- 14 and the rest of 6: kill -9 of the parent at a random moment ----------------------------------


def children(pid: int) -> set[tuple[int, str]]:
    """The children of ``pid`` as (pid, start time), read from /proc."""
    found = set()
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            listed = Path(f"/proc/{pid}/task/{tid}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, listed):
            start = start_time(child)
            if start:
                found.add((child, start))
    return found


def start_time(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def alive(pid: int, start: str) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    fields = stat.rsplit(")", 1)[1].split()
    return fields[19] == start and fields[0] not in {"Z", "X"}


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 16), b""))
    except OSError:
        return 0


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_kill_9_of_the_parent_leaves_a_valid_prefix_and_no_workers(tmp_path):
    count = 80
    folder = case_folder(tmp_path / "cases", count)
    out = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    rng = random.Random(os.environ.get("FAULT_SEED", str(time.time_ns())))
    outcomes = []
    for _trial in range(FAULT_TRIALS):
        after = rng.randrange(0, count)  # kill once this many lines are out (0: as soon as the workers run)
        proc = subprocess.Popen(
            [*CLI, "batch", str(folder), "-o", str(out), "--workers", "2", "--force"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        workers: set[tuple[int, str]] = set()
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            workers |= children(proc.pid)
            if workers and count_lines(partial) >= after:
                time.sleep(rng.random() * 0.02)
                workers |= children(proc.pid)
                break
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        written = out.read_bytes() if out.exists() else partial.read_bytes() if partial.exists() else b""
        outcomes.append((after, written))
        wait_until = time.monotonic() + 5
        while any(alive(*w) for w in workers) and time.monotonic() < wait_until:
            time.sleep(0.05)
        assert not [w for w in workers if alive(*w)], "workers outlived the killed parent"
        assert workers or after == 0 or out.exists()
    # the rerun completes over the leftovers and is the reference for every prefix
    rerun = subprocess.run([*CLI, "batch", str(folder), "-o", str(out), "--workers", "2", "--force"], cwd=ROOT)
    assert rerun.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases", "out.jsonl"], "stale temporary file"
    full = out.read_bytes().splitlines(keepends=True)
    assert len(full) == count and names(results(b"".join(full).decode())) == sorted(p.name for p in folder.iterdir())
    for after, written in outcomes:
        lines = written.splitlines(keepends=True)
        tail = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
        assert lines == full[: len(lines)], f"not a prefix of the full result (killed after {after} lines)"
        for line in lines:
            json.loads(line)
        # a SIGKILL inside the write() of one line can cut that line short; it is never anything else
        assert not tail or full[len(lines)].startswith(tail)
    cut = sum(1 for _, w in outcomes if w and not w.endswith(b"\n"))
    print(f"fault trials: {len(outcomes)}, cut-off last lines: {cut}")


def test_examples_folder_runs_as_before(tmp_path):
    """The public entry points keep their signatures: batch_items(path), run_batch(items, workers=, today=)."""
    items = batch_items(EXAMPLES)
    out = list(run_batch(items, workers=2, today=TODAY))
    assert [r.source for r in out] == [i.source for i in items] and all(r.ok for r in out)


ORPHAN = """
import os, sys, time
import samenwerkwijzer.reasoning._batch as batch
if sys.argv[1] == "watchdog":
    batch._die_with_parent = lambda: False
parent = os.getpid()
child = os.fork()
if child == 0:
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1), os.dup2(null, 2)  # so that the caller sees the output end
    batch._worker_started(parent)
    time.sleep(30)
    os._exit(0)
print(child, flush=True)
os._exit(0)
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("how", ["prctl", "watchdog"])
def test_a_worker_exits_when_its_parent_dies(how):
    proc = subprocess.run([sys.executable, "-c", ORPHAN, how], capture_output=True, text=True, cwd=ROOT, check=True)
    child = int(proc.stdout)
    start = start_time(child)
    deadline = time.monotonic() + 5
    while start and alive(child, start) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not (start and alive(child, start))


def test_run_batch_keeps_its_signature():
    import inspect

    assert str(inspect.signature(run_batch)) == (
        "(items: 'list[BatchItem]', *, workers: 'int' = 1, today: 'date | None' = None) -> 'Iterator[BatchResult]'"
    )
    assert str(inspect.signature(batch_items)) == "(input_path: 'str | Path') -> 'list[BatchItem]'"
