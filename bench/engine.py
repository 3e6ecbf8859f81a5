"""The warm engine and ``diagnose`` against bare Experta: ``python bench/engine.py [--runs 220] [--record]``.

For each example: the shipped rules on this package's engine, the same compiled rules on Experta as it ships
(its matcher and reset, one declaration per fact: bench/run.py's ``stock_runner``), and the whole in-process
``diagnose`` (facts, engine, advice), interleaved, medians (bench/run.py's ``interleaved``). The targets of
issue 25: the engine <= 0.25x bare Experta, ``diagnose`` <= 0.35x (identical firings:
tests/reasoning/test_engine_speedups.py).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from run import (  # bench/ is on the path when a script here runs
    EXAMPLES,
    TODAY,
    interleaved,
    record_section,
    stock_runner,
)

from samenwerkwijzer import diagnose, load_case
from samenwerkwijzer.model._combined_facts import combined_facts
from samenwerkwijzer.reasoning._rule_book import shared_runner

README = Path(__file__).with_name("README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=220)
    parser.add_argument("--record", action="store_true")
    parser.add_argument(
        "--cpu", action="store_true", help="time each call by the CPU it used (time.thread_time), not the wall clock"
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="time each call right after an untimed call of the same function (see run.interleaved)",
    )
    args = parser.parse_args()
    clock = time.thread_time if args.cpu else time.perf_counter
    load_start = os.getloadavg()[0]
    stock = stock_runner()
    rows = []
    for path in EXAMPLES:
        case = load_case(path)
        facts, _ = combined_facts(case, case.assessed_on or TODAY)
        ours, bare, whole = interleaved(
            [
                lambda f=facts: shared_runner().run(f),
                lambda f=facts: stock(f),
                lambda c=case: diagnose(c, today=TODAY),
            ],
            args.runs,
            clock,
            warm=args.warm,
        )
        rows.append(
            f"| {path.stem} | {bare * 1000:.2f} ms | {ours / bare:.2f}x ({ours * 1000:.2f} ms) | "
            f"{whole / bare:.2f}x ({whole * 1000:.2f} ms) |"
        )
        print(rows[-1], flush=True)
    table = "\n".join(
        [
            "| example | bare Experta (anchor) | engine | whole diagnose |",
            "| --- | --- | --- | --- |",
            *rows,
        ]
    )
    if args.record:
        clocked = (", CPU time (thread_time)" if args.cpu else "") + (", each call warm" if args.warm else "")
        record_section("engine", table, load_start, detail=f"; {args.runs} interleaved runs, medians{clocked}")


if __name__ == "__main__":
    main()
