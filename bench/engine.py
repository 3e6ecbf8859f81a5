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
from pathlib import Path

from run import (  # bench/ is on the path when a script here runs
    EXAMPLES,
    TODAY,
    interleaved,
    record_section,
    stock_runner,
)

from samenwerkwijzer import diagnose, load_case
from samenwerkwijzer.model._facts import combined_facts
from samenwerkwijzer.reasoning._diagnose import shared_runner

README = Path(__file__).with_name("README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=220)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
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
        record_section("engine", table, load_start, detail=f"; {args.runs} interleaved runs, medians")


if __name__ == "__main__":
    main()
