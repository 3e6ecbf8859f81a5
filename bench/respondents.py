"""Many respondents: ``python bench/respondents.py [--respondents 3 200] [--runs 31] [--profile N]``.

In-process ``diagnose`` of examples/respondenten.yaml with its respondents repeated (each a name of its own,
answering as one of the three in the example and scoring every statement), paired and alternating, medians
after a warm-up; the ratio of each count to the first. ``--profile N`` prints cProfile's top of N respondents.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from samenwerkwijzer import diagnose, parse_case
from samenwerkwijzer.model._catalogue import load_catalogue

CASE = Path(__file__).resolve().parents[1] / "examples" / "respondenten.yaml"


def case_with(respondents: int) -> Any:
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    given = data["respondents"]
    statements = [st.id for st in load_catalogue().statements]
    data["respondents"] = [
        {
            **given[n % len(given)],
            "name": f"Respondent {n}",
            "observations": {
                **given[n % len(given)]["observations"],
                "statements": {sid: 1 + (n + i) % 5 for i, sid in enumerate(statements)},
            },
        }
        for n in range(respondents)
    ]
    return parse_case(json.dumps(data, default=str), source="bench", json_only=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, nargs="+", default=[3, 200])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--profile", type=int)
    args = parser.parse_args()
    if args.profile:
        case = case_with(args.profile)
        diagnose(case)
        cProfile.runctx("for _ in range(5): diagnose(case)", globals(), {"case": case, "diagnose": diagnose}, "/tmp/p")
        pstats.Stats("/tmp/p").sort_stats("cumulative").print_stats(35)
        return
    cases = {n: case_with(n) for n in args.respondents}
    times: dict[int, list[float]] = {n: [] for n in cases}
    for case in cases.values():
        diagnose(case)
    for r in range(args.runs):
        for n, case in list(cases.items())[:: 1 if r % 2 == 0 else -1]:
            t0 = time.perf_counter()
            diagnose(case)
            times[n].append(time.perf_counter() - t0)
    first = statistics.median(times[args.respondents[0]])
    for n in args.respondents:
        med = statistics.median(times[n])
        print(f"| in-process diagnose, {n} respondents | {med * 1000:.1f} ms | {med / first:.2f}x |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
