"""The CLI's ``diagnose`` against the floor + one pydantic model (issue 25, target 4: at most 1.25x), caches warm:
``python bench/cli_diagnose.py [--runs 21] [--case examples/gecombineerd.yaml] [--baseline FOLDER]``.

``--baseline FOLDER`` adds another version's ``diagnose`` to the same rounds: a folder holding that version's
``samenwerkwijzer`` package (put on ``PYTHONPATH``, run by this interpreter, with a cache folder of its own).

The commands of bench/run.py (the import floor, the floor + one model, ``samenwerkwijzer diagnose`` through
``python -c`` with a warm cache directory), run in turn with the order alternating, medians after a warm-up. Each
is timed two ways: by the processor time the child used (user + system, from ``wait4``), which other work on
the machine hardly moves, and by the wall clock, which it does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CLI, COMBINED, ENV, FLOOR, FLOOR_MODEL  # noqa: E402


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(processor seconds, wall seconds) of one run of ``command``, its output discarded."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{command[:3]}… ended with {child.returncode}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--case", type=Path, default=COMBINED)
    parser.add_argument("--baseline", type=Path, help="a folder holding another version's samenwerkwijzer package")
    args = parser.parse_args()
    env = ENV | {"SAMENWERKWIJZER_CACHE_DIR": tempfile.mkdtemp(prefix="samenwerkwijzer-bench-cache-")}
    commands = {
        "import floor": [sys.executable, "-c", FLOOR],
        "floor + one pydantic model": [sys.executable, "-c", FLOOR_MODEL],
        "CLI diagnose, caches warm": [sys.executable, "-c", CLI, "diagnose", str(args.case)],
    }
    envs = dict.fromkeys(commands, env)
    if args.baseline is not None:
        name = "CLI diagnose, baseline, caches warm"
        commands[name] = commands["CLI diagnose, caches warm"]
        envs[name] = env | {
            "PYTHONPATH": str(args.baseline.resolve()),
            "SAMENWERKWIJZER_CACHE_DIR": tempfile.mkdtemp(prefix="samenwerkwijzer-bench-cache-"),
        }
    for name, command in commands.items():  # warm-up, and the caches filled
        timed(command, envs[name])
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    wall: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for r in range(args.runs):
        for name in names if r % 2 == 0 else names[::-1]:
            used, took = timed(commands[name], envs[name])
            cpu[name].append(used)
            wall[name].append(took)
    model_cpu = statistics.median(cpu["floor + one pydantic model"])
    model_wall = statistics.median(wall["floor + one pydantic model"])
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs each, paired and alternating, medians")
    print("| command | processor time | to floor + one model | wall time | to floor + one model |")
    print("| --- | --- | --- | --- | --- |")
    for name in names:
        c, w = statistics.median(cpu[name]), statistics.median(wall[name])
        print(f"| {name} | {c * 1000:.0f} ms | {c / model_cpu:.2f}x | {w * 1000:.0f} ms | {w / model_wall:.2f}x |")


if __name__ == "__main__":
    main()
