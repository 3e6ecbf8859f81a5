"""Do the server's workers share the load? ``python bench/web_workers.py [--rounds 5] [--baseline PYTHON]
[--record]``.

Paired and alternating: each round runs bench/web_load.py's closed loop (20 persistent clients, every request
a case of its own) against ``serve --workers 1`` and ``serve --workers 2``, in turn (the order alternating from
one round to the next), and, with ``--baseline``, against another version's server too (the interpreter of a
virtual environment with that version installed). Reports medians: throughput, the ratio of two workers to
one, server CPU per request as a ratio to the in-process ``diagnose`` of the same case (measured in each round)
and the busiest process's share of the server's CPU. ``--record`` writes the table into bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

from run import record_section  # bench/ is on the path when a script here runs
from web_load import anchor_cpu, measure

README = Path(__file__).with_name("README.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=40, help="per client and run")
    parser.add_argument("--baseline", metavar="PYTHON", help="interpreter with the version to compare with installed")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    versions = {"this version": sys.executable} | ({"baseline": args.baseline} if args.baseline else {})
    runs = [(name, python, workers) for name, python in versions.items() for workers in (1, 2)]
    results: dict[tuple[str, int], list[dict[str, float]]] = {(n, w): [] for n, _, w in runs}
    anchors: dict[str, list[float]] = {n: [] for n in versions}
    for r in range(args.rounds):
        for name, python, workers in runs if r % 2 == 0 else runs[::-1]:
            results[name, workers].append(measure(python, workers, args.clients, args.requests))
            print(name, workers, {k: round(v, 4) for k, v in results[name, workers][-1].items()}, file=sys.stderr)
        for name, python in versions.items():
            anchors[name].append(anchor_cpu(python))
    rows = []
    for name in versions:
        anchor = statistics.median(anchors[name])
        one, two = results[name, 1], results[name, 2]
        ratios = [b["throughput"] / a["throughput"] for a, b in zip(one, two, strict=True)]
        for workers, got in ((1, one), (2, two)):
            med = {k: statistics.median(g[k] for g in got) for k in got[0]}
            rows.append(
                (
                    f"{name}, --workers {workers}",
                    f"{med['throughput']:.0f} requests/s",
                    f"{med['cpu'] * 1000:.2f} ms = {statistics.median(g['cpu'] for g in got) / anchor:.2f}x",
                    f"{med['busiest']:.0%}",
                    f"{med['p50'] * 1000:.0f} / {med['max'] * 1000:.0f} ms",
                    f"{sum(g['errors'] for g in got):.0f}",
                )
            )
        rows.append(
            (
                f"{name}, 2 workers / 1",
                f"{statistics.median(ratios):.2f}x",
                f"anchor {anchor * 1000:.2f} ms",
                "",
                "",
                "",
            )
        )
    table = "\n".join(
        [
            "| server | throughput (median) | server CPU per request, to in-process diagnose | busiest process's "
            "share of the CPU | latency p50 / max | errors |",
            "| --- | --- | --- | --- | --- | --- |",
            *("| " + " | ".join(r) + " |" for r in rows),
        ]
    )
    print(table)
    if args.record:
        record_section(
            "web-workers",
            table,
            load_start,
            setting="; server and clients on the same machine",
            detail=f"; {args.rounds} rounds of {args.clients} clients × {args.requests} requests, "
            "paired and alternating",
        )


if __name__ == "__main__":
    main()
