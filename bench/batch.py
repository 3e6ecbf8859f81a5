"""Batch speed-up against the machine's own: ``python bench/batch.py [--rounds 7] [--cases 600] [--record]``.

Paired and alternating: each round times ``run_batch`` over the same cases with one worker and with two, and
the machine's own two-process speed-up (a pure-Python loop once in one process and split over two), right
after. Reports the medians and the batch's share of the machine's speed-up (the target: >= 0.9).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from run import (  # bench/ is on the path when a script here runs
    TODAY,
    machine_speedup,
    record_section,
    synthetic_case,
)

from samenwerkwijzer.reasoning._batch import run_batch
from samenwerkwijzer.reasoning._batch_input import BatchItem

README = Path(__file__).with_name("README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    cases = [synthetic_case(5 + n % 20, observations=n % 3 != 0) for n in range(args.cases)]
    items = [BatchItem(source=f"case-{n}", text=json.dumps(c)) for n, c in enumerate(cases)]
    for _ in run_batch(items[:20], workers=2, today=TODAY):
        pass
    speedups, machines, shares = [], [], []
    for r in range(args.rounds):
        took = {}
        for workers in (1, 2) if r % 2 == 0 else (2, 1):
            started = time.perf_counter()
            for _ in run_batch(items, workers=workers, today=TODAY):
                pass
            took[workers] = time.perf_counter() - started
        speedups.append(took[1] / took[2])
        machines.append(machine_speedup(3))
        shares.append(speedups[-1] / machines[-1])
        print(f"round {r}: batch {speedups[-1]:.2f}x, machine {machines[-1]:.2f}x", flush=True)
    table = "\n".join(
        [
            "| measurement | median | note |",
            "| --- | --- | --- |",
            f"| batch, 2 workers / 1 | {statistics.median(speedups):.2f}x | {args.cases} cases, {args.rounds} rounds |",
            f"| two processes of a pure-Python loop | {statistics.median(machines):.2f}x | the machine's own |",
            f"| batch's share of the machine's speed-up | {statistics.median(shares):.2f} | per round; target >= 0.9 |",
        ]
    )
    print(table)
    if args.record:
        record_section("batch", table, load_start)


if __name__ == "__main__":
    main()
