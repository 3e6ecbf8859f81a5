"""Benchmark Samenwerkwijzer: ``python bench/run.py [--record]``.

Measures, in one run on one machine:
- CLI ``diagnose`` wall time next to the import floor
  (``import experta, pydantic, jinja2, click``, with the frozendict alias
  experta needs on Python >= 3.10);
- warm ``diagnose`` (and ``render_letter``) per example case;
- batch throughput with 1 and 2 worker processes;
- diagnosis time against the number of partners and of observations.

``--record`` writes the table into bench/README.md with the machine it ran on.
Timing is not asserted anywhere in the test suite; this script is the place.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
FLOOR = (
    "import collections, collections.abc; collections.Mapping = collections.abc.Mapping; "
    "import experta, pydantic, jinja2, click"
)
TODAY = date(2026, 11, 22)
# A regular install has byte-compiled modules; do not let the environment forbid writing them.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
PHASES = """
import json, sys, time
t0 = time.perf_counter()
import collections, collections.abc; collections.Mapping = collections.abc.Mapping
import experta, pydantic, jinja2, click
t1 = time.perf_counter()
import samenwerkwijzer.cli
t2 = time.perf_counter()
from samenwerkwijzer._catalogue import load_catalogue
load_catalogue()
t3 = time.perf_counter()
from samenwerkwijzer._diagnose import shared_runner
shared_runner()
t4 = time.perf_counter()
from samenwerkwijzer import diagnose, load_case, render_letter
advice = diagnose(load_case(sys.argv[1]))
t5 = time.perf_counter()
render_letter(advice)
t6 = time.perf_counter()
print(json.dumps({"third-party imports": t1 - t0, "samenwerkwijzer imports (models, modules)": t2 - t1,
                  "knowledge base load": t3 - t2, "Experta engine compile (Rete network)": t4 - t3,
                  "case load + diagnosis": t5 - t4, "letter: jinja2 template compile + render": t6 - t5}))
"""


def wall(command: list[str], runs: int) -> float:
    """Median wall time of a command, in seconds (after one warm-up run)."""
    subprocess.run(command, capture_output=True, check=True, env=ENV)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def per_call(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def synthetic_case(partners: int, observations: bool = True) -> dict[str, object]:
    kinds = ["gemeente", "ggd", "zorgaanbieder", "welzijnsorganisatie", "woningcorporatie", "bedrijf", "school"]
    roles = ["beslisser", "uitvoerder", "financier", "gebruiker"]
    case: dict[str, object] = {
        "name": f"Synthetisch netwerk met {partners} partners",
        "context": {"type": "netwerk", "phase": "vormgeven"},
        "partners": [
            {"name": f"Partner {n}", "kind": kinds[n % len(kinds)], "roles": [roles[n % 3]]} for n in range(partners)
        ],
    }
    if observations:
        case["observations"] = {
            "leadership": {
                "regie": "onduidelijk",
                "trekker": True,
                "trekker_has_time": False,
                "trekker_has_mandate": False,
            },
            "climate": {"declared": "waakzaam", "signs": ["op_de_tenen_trappen", "geremd_voelen", "afhaken"]},
            "network": {"core_group": False},
            "funding": {"subsidy": True, "months_left": 4, "dependency": "hoog", "continuation_plan": False},
            "ambition": {"shared": False, "form_debate_dominates": True},
        }
    return case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", action="store_true", help="write the results into bench/README.md")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for a smoke run)")
    args = parser.parse_args()
    runs = 3 if args.quick else 15

    from samenwerkwijzer import case_from_data, diagnose, load_case, render_letter
    from samenwerkwijzer._batch import BatchItem, run_batch

    rows: list[tuple[str, str, str]] = []
    verdicts: list[tuple[str, bool, str]] = []

    cli = [sys.executable, "-m", "samenwerkwijzer.cli", "diagnose", str(ROOT / "examples" / "gecombineerd.yaml")]
    floor = wall([sys.executable, "-c", FLOOR], runs)
    cli_time = wall(cli, runs)
    rows += [
        ("import floor (experta, pydantic, jinja2, click)", f"{floor * 1000:.0f} ms", "median wall time"),
        ("CLI diagnose gecombineerd.yaml", f"{cli_time * 1000:.0f} ms", f"{cli_time / floor:.2f}x the floor"),
    ]
    verdicts.append(("CLI within 1.25x the import floor", cli_time <= 1.25 * floor, f"{cli_time / floor:.2f}x"))
    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PHASES, cli[-1]], capture_output=True, check=True, env=ENV)
        for name, seconds in json.loads(out.stdout).items():
            phases.setdefault(name, []).append(seconds)
    rows += [
        (f"CLI phase: {name}", f"{statistics.median(t) * 1000:.1f} ms", "in-process") for name, t in phases.items()
    ]

    warm = []
    for path in EXAMPLES:
        case = load_case(path)
        t_diag = per_call(lambda case=case: diagnose(case, today=TODAY), runs * 20)
        advice = diagnose(case, today=TODAY)
        t_render = per_call(lambda advice=advice: render_letter(advice), runs * 20)
        warm.append(t_diag)
        rows.append((f"warm diagnose {path.stem}", f"{t_diag * 1000:.2f} ms", f"+ render {t_render * 1000:.2f} ms"))
    verdicts.append(("warm diagnosis a few ms", max(warm) < 0.01, f"max {max(warm) * 1000:.2f} ms"))

    cases = [synthetic_case(5 + n % 20, observations=n % 3 != 0) for n in range(600)]
    items = [BatchItem(source=f"case-{n}", text=json.dumps(c)) for n, c in enumerate(cases)]
    throughput = {}
    for workers in (1, 2):
        started = time.perf_counter()
        for _ in run_batch(items, workers=workers, today=TODAY):
            pass
        throughput[workers] = len(items) / (time.perf_counter() - started)
        rows.append((f"batch, {workers} worker{'s' if workers > 1 else ''}", f"{throughput[workers]:.0f} cases/s",
                     f"{len(items)} cases"))  # fmt: skip
    speedup = throughput[2] / throughput[1]
    rows.append(("batch speed-up, 2 workers", f"{speedup:.2f}x", f"{os.cpu_count()} CPUs"))
    verdicts.append(("2 workers >= 1.8x one", speedup >= 1.8, f"{speedup:.2f}x"))

    scaling = {}
    for n in (5, 50, 500):
        case = case_from_data(synthetic_case(n))
        scaling[n] = per_call(lambda case=case: diagnose(case, today=TODAY), max(3, runs * 4))
        bare = case_from_data(synthetic_case(n, observations=False))
        t_bare = per_call(lambda bare=bare: diagnose(bare, today=TODAY), max(3, runs * 4))
        rows.append((f"diagnose, {n} partners", f"{scaling[n] * 1000:.2f} ms",
                     f"without observations {t_bare * 1000:.2f} ms"))  # fmt: skip
    ratio = scaling[500] / scaling[50]
    verdicts.append(("500 partners <= 12x 50 partners", ratio <= 12, f"{ratio:.2f}x"))

    table = ["| measurement | result | note |", "| --- | --- | --- |"]
    table += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    table += ["", "| target | met | measured |", "| --- | --- | --- |"]
    table += [f"| {name} | {'yes' if ok else 'no'} | {value} |" for name, ok, value in verdicts]
    text = "\n".join(table)
    print(text)
    if args.record:
        record(text)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()} ({sys.implementation.name})"
    )


def record(table: str) -> None:
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- results -->", "<!-- /results -->"
    block = f"{start}\nRecorded {date.today().isoformat()} on {machine()}.\n\n{table}\n{end}"
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    with tempfile.NamedTemporaryFile("w", delete=False, dir=readme.parent, encoding="utf-8") as handle:
        handle.write(head + block + tail)
    os.replace(handle.name, readme)


if __name__ == "__main__":
    main()
