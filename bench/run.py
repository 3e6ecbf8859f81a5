"""Benchmark Samenwerkwijzer: ``python bench/run.py [--record] [--baseline PYTHON] [--web-url URL]``.

Every figure is a ratio against an anchor measured in the same run, side by
side (paired runs, interleaved, medians), because the machine's other load
moves absolute times from one minute to the next:

- the **import floor**: ``import experta, pydantic, jinja2, click`` (with the
  ``collections.Mapping`` alias a bare ``import experta`` needs on Python >= 3.10);
- the **floor + one pydantic model** (defined and validated once: what any
  validated input costs);
- **bare Experta on the same compiled patterns**: the same rules on Experta's own
  matcher and reset, one declaration per fact, as its documentation does;
- **today's code** (``--baseline PYTHON``: the interpreter of a virtual
  environment with the version to compare with installed), for the targets
  that are ratios to it.

Measured: CLI ``diagnose`` with the caches warm, cold (an empty cache
directory each run) and off; its phases in-process; warm diagnosis per example;
``load_case`` and the CLI against the number of partners; batch throughput with
1 and 2 workers; and, given ``--web-url``, ``POST /api/v1/diagnose`` latency
with 20 concurrent clients. ``--record`` writes the tables into bench/README.md
with the machine. Nothing in the test suite asserts a timing; this is the place.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
COMBINED = ROOT / "examples" / "gecombineerd.yaml"
TODAY = date(2026, 11, 22)
ALIAS = "import collections, collections.abc; collections.Mapping = collections.abc.Mapping"
FLOOR = f"{ALIAS}; import experta, pydantic, jinja2, click"
FLOOR_MODEL = f"{FLOOR}\nclass M(pydantic.BaseModel):\n    x: int\nM.model_validate({{'x': 1}})"
# A regular install has byte-compiled modules; do not let the environment forbid writing them.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SAMENWERKWIJZER_NO_CACHE")}
CLI = "import sys; from samenwerkwijzer.cli import main; sys.argv[0] = 'samenwerkwijzer'; main()"
PHASES = """
import json, sys, time
t0 = time.perf_counter()
import collections, collections.abc; collections.Mapping = collections.abc.Mapping
import experta, pydantic, jinja2, click
t1 = time.perf_counter()
import samenwerkwijzer.cli
t2 = time.perf_counter()
from samenwerkwijzer.model._catalogue import load_catalogue
load_catalogue()
t3 = time.perf_counter()
from samenwerkwijzer.reasoning._rule_book import shared_runner
shared_runner()
t4 = time.perf_counter()
from samenwerkwijzer import diagnose, load_case, render_letter
advice = diagnose(load_case(sys.argv[1]))
t5 = time.perf_counter()
render_letter(advice)
t6 = time.perf_counter()
print(json.dumps({"third-party imports": t1 - t0, "samenwerkwijzer imports (models, modules)": t2 - t1,
                  "knowledge base (cache warm)": t3 - t2, "Experta engine (compiled rules, cache warm)": t4 - t3,
                  "case load + diagnosis": t5 - t4, "letter (template cache warm)": t6 - t5}))
"""
# Median of warm diagnoses of one case, in one process (run by this and by the baseline interpreter).
WARM = """
import statistics, sys, time
from datetime import date
from samenwerkwijzer import diagnose, load_case
case = load_case(sys.argv[1]); today = date(2026, 11, 22)
for _ in range(20): diagnose(case, today=today)
times = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); diagnose(case, today=today); times.append(time.perf_counter() - t)
print(statistics.median(times))
"""


def paired(commands: Sequence[Callable[[], list[str]] | list[str]], runs: int, env: dict[str, str] | None = None,
           before: Sequence[Callable[[], None] | None] | None = None) -> list[float]:  # fmt: skip
    """Median wall time of each command, run in turn (order alternating) ``runs`` times after a warm-up.
    A command may be a function giving the command line; ``before[i]`` runs untimed before command i."""

    def line(c: Callable[[], list[str]] | list[str]) -> list[str]:
        return c() if callable(c) else c

    prepare = list(before) if before else [None] * len(commands)
    for k, c in enumerate(commands):
        if prepare[k]:
            prepare[k]()  # type: ignore[misc]
        subprocess.run(line(c), capture_output=True, check=True, env=env or ENV)
    times: list[list[float]] = [[] for _ in commands]
    for r in range(runs):
        order = range(len(commands)) if r % 2 == 0 else reversed(range(len(commands)))
        for k in order:
            if prepare[k]:
                prepare[k]()  # type: ignore[misc]
            cmd = line(commands[k])
            started = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, env=env or ENV)
            times[k].append(time.perf_counter() - started)
    return [statistics.median(t) for t in times]


def per_call(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def interleaved(
    fns: Sequence[Callable[[], object]],
    runs: int,
    clock: Callable[[], float] = time.perf_counter,
    *,
    warm: bool = False,
) -> list[float]:
    """Median time per call of each function, called in turn; ``clock=time.thread_time`` counts the CPU this
    thread used instead of the wall time (on a machine other work loads, the wall time counts theirs too).
    ``warm``: each timed call follows an untimed call of the same function, so that every function is timed
    with its own data in the processor's caches; otherwise each is timed right after the one before it in
    the list, which leaves the caches holding that one's data (a function after a large one pays for it)."""
    for fn in fns:
        fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for k, fn in enumerate(fns):
            if warm:
                fn()
            started = clock()
            fn()
            times[k].append(clock() - started)
    return [statistics.median(t) for t in times]


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def machine_speedup(runs: int) -> float:
    """The anchor for the batch: how much faster two processes run a pure-Python loop than one does the
    same work (median of paired runs). A virtual machine's two CPUs may share a core, and then no
    program gets 2x."""
    import multiprocessing

    n = 3_000_000
    ratios = []
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_spin, [1000, 1000])
        for _ in range(runs):
            started = time.perf_counter()
            _spin(2 * n)
            one = time.perf_counter() - started
            started = time.perf_counter()
            pool.map(_spin, [n, n])
            ratios.append(one / (time.perf_counter() - started))
    return statistics.median(ratios)


def synthetic_case(partners: int, observations: bool = True) -> dict[str, Any]:
    kinds = ["gemeente", "ggd", "zorgaanbieder", "welzijnsorganisatie", "woningcorporatie", "bedrijf", "school"]
    roles = ["beslisser", "uitvoerder", "financier", "gebruiker"]
    case: dict[str, Any] = {
        "name": f"Synthetisch netwerk met {partners} partners",
        "context": {"type": "netwerk", "phase": "vormgeven"},
        "partners": [
            {"name": f"Partner {n}", "kind": kinds[n % len(kinds)], "roles": [roles[n % 3]]} for n in range(partners)
        ],
    }
    if observations:
        case["observations"] = {
            "leadership": {"regie": "onduidelijk", "trekker": True, "trekker_has_time": False,
                           "trekker_has_mandate": False},
            "climate": {"declared": "waakzaam", "signs": ["op_de_tenen_trappen", "geremd_voelen", "afhaken"]},
            "network": {"core_group": False},
            "funding": {"subsidy": True, "months_left": 4, "dependency": "hoog", "continuation_plan": False},
            "ambition": {"shared": False, "form_debate_dominates": True},
        }  # fmt: skip
    return case


def stock_runner() -> Callable[[dict[str, Any]], object]:
    """The anchor for warm runs: the shipped rules, compiled the same way, on Experta as it ships."""
    from samenwerkwijzer.reasoning._engine import Obs, _collect
    from samenwerkwijzer.reasoning._rule_book import shared_runner
    from samenwerkwijzer.reasoning.experta._experta import KnowledgeEngine, ReteMatcher

    compiled = shared_runner()._engine
    stock = type("StockEngine", (type(compiled),), {"__matcher__": ReteMatcher,
                                                    "get_deffacts": KnowledgeEngine.get_deffacts})()  # fmt: skip
    stock.knowledge = compiled.knowledge

    def run(facts: dict[str, Any]) -> object:
        stock.reset()
        for path in sorted(facts):
            stock.declare(Obs(path=path, value=facts[path]))
        stock.run()
        return _collect(stock.facts.values(), stock.firings)

    return run


def web_latency(url: str, requests: int = 10_000, clients: int = 20) -> tuple[float, float, int]:
    """p50 and p95 (seconds) of ``POST {url}/api/v1/diagnose`` with ``clients`` concurrent
    clients, each on its own keep-alive connection, and the number of failed requests."""
    target = urllib.parse.urlsplit(url)
    body = json.dumps(synthetic_case(12)).encode()
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    share = requests // clients

    def client() -> None:
        conn = http.client.HTTPConnection(target.hostname or "localhost", target.port or 80, timeout=30)
        mine, failed = [], 0
        for _ in range(share):
            started = time.perf_counter()
            try:
                conn.request("POST", target.path.rstrip("/") + "/api/v1/diagnose", body,
                             {"Content-Type": "application/json"})  # fmt: skip
                response = conn.getresponse()
                response.read()
                failed += response.status != 200
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection(target.hostname or "localhost", target.port or 80, timeout=30)
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    return latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.95)], errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", action="store_true", help="write the results into bench/README.md")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for a smoke run)")
    parser.add_argument("--baseline", metavar="PYTHON", help="interpreter with the version to compare with installed")
    parser.add_argument(
        "--web-url", metavar="URL", help="a running web application to measure (e.g. http://127.0.0.1:8000)"
    )
    args = parser.parse_args()
    runs = 3 if args.quick else 11

    from samenwerkwijzer import case_from_data, diagnose, load_case, render_letter
    from samenwerkwijzer.model._combined_facts import combined_facts
    from samenwerkwijzer.reasoning._batch import run_batch
    from samenwerkwijzer.reasoning._batch_input import BatchItem
    from samenwerkwijzer.reasoning._rule_book import shared_runner

    rows: list[tuple[str, str, str]] = []
    verdicts: list[tuple[str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="samenwerkwijzer-bench-"))
    warm_dir, cold_dir = work / "warm-cache", work / "cold-cache"
    env = ENV | {"SAMENWERKWIJZER_CACHE_DIR": str(warm_dir)}

    def cli(case: Path, python: str = sys.executable) -> list[str]:
        return [python, "-c", CLI, "diagnose", str(case)]

    def empty_cold_cache() -> None:
        shutil.rmtree(cold_dir, ignore_errors=True)

    # --- start-up -------------------------------------------------------------------------------
    plain = cli(COMBINED)
    cold = ["env", f"SAMENWERKWIJZER_CACHE_DIR={cold_dir}", *plain]
    off = ["env", "SAMENWERKWIJZER_NO_CACHE=1", *plain]
    commands: list[list[str]] = [[sys.executable, "-c", FLOOR], [sys.executable, "-c", FLOOR_MODEL], plain, cold, off]
    before: list[Callable[[], None] | None] = [None, None, None, empty_cold_cache, None]
    if args.baseline:
        commands.append(["env", "SAMENWERKWIJZER_NO_CACHE=1", *cli(COMBINED, args.baseline)])
        before.append(None)
    floor, floor_model, warm_cli, cold_cli, off_cli, *base = paired(commands, runs, env=env, before=before)
    rows += [
        ("import floor (experta, pydantic, jinja2, click)", f"{floor * 1000:.0f} ms", "median wall time, paired"),
        ("floor + one pydantic model", f"{floor_model * 1000:.0f} ms", f"{floor_model / floor:.2f}x the floor"),
        ("CLI diagnose gecombineerd, caches warm", f"{warm_cli * 1000:.0f} ms", f"{warm_cli / floor:.2f}x the floor"),
        ("CLI diagnose, caches cold (empty dir)", f"{cold_cli * 1000:.0f} ms", f"{cold_cli / floor:.2f}x the floor"),
        ("CLI diagnose, caching off", f"{off_cli * 1000:.0f} ms", f"{off_cli / floor:.2f}x the floor"),
    ]
    verdicts.append(("1a. CLI, caches warm, <= 1.5x the import floor", _yes(warm_cli <= 1.5 * floor),
                     f"{warm_cli / floor:.2f}x (floor + one model: {floor_model / floor:.2f}x)"))  # fmt: skip
    if base:
        rows.append(("CLI diagnose, baseline version", f"{base[0] * 1000:.0f} ms", f"{base[0] / floor:.2f}x the floor"))
        verdicts.append(("1b. CLI, caches cold, <= 1.1x the baseline", _yes(cold_cli <= 1.1 * base[0]),
                         f"{cold_cli / base[0]:.2f}x (warm {warm_cli / base[0]:.2f}x)"))  # fmt: skip
    else:
        verdicts.append(("1b. CLI, caches cold, <= 1.1x the baseline", "not measured", "needs --baseline"))

    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PHASES, str(COMBINED)], capture_output=True, check=True, env=env)
        for name, seconds in json.loads(out.stdout).items():
            phases.setdefault(name, []).append(seconds)
    rows += [
        (f"CLI phase: {name}", f"{statistics.median(t) * 1000:.1f} ms", "in-process") for name, t in phases.items()
    ]

    # --- warm path -------------------------------------------------------------------------------
    stock = stock_runner()
    for path in EXAMPLES:
        case = load_case(path)
        facts, _ = combined_facts(case, case.assessed_on or TODAY)
        ours, bare = interleaved([lambda f=facts: shared_runner().run(f), lambda f=facts: stock(f)], runs * 20)
        t_diag = per_call(lambda case=case: diagnose(case, today=TODAY), runs * 20)
        advice = diagnose(case, today=TODAY)
        t_render = per_call(lambda advice=advice: render_letter(advice), runs * 20)
        rows.append((f"warm diagnose {path.stem}", f"{t_diag * 1000:.2f} ms",
                     f"engine {ours / bare:.2f}x bare Experta; + render {t_render * 1000:.2f} ms"))  # fmt: skip
        if path == COMBINED:
            combined_vs_bare = ours / bare
    if args.baseline:
        n = str(runs * 20)
        medians: dict[str, list[float]] = {"new": [], "base": []}
        for _ in range(max(3, runs // 2)):
            for key, python in (("new", sys.executable), ("base", args.baseline)):
                out = subprocess.run([python, "-c", WARM, str(COMBINED), n], capture_output=True, check=True, env=env)
                medians[key].append(float(out.stdout))
        ratio = statistics.median(medians["new"]) / statistics.median(medians["base"])
        base_ms = statistics.median(medians["base"]) * 1000
        rows.append(("warm diagnose gecombineerd, baseline version", f"{base_ms:.2f} ms", f"this version {ratio:.2f}x"))
        verdicts.append(("2. warm diagnosis <= 0.75x the baseline (identical firings: tests)", _yes(ratio <= 0.75),
                         f"{ratio:.2f}x; engine {combined_vs_bare:.2f}x bare Experta"))  # fmt: skip
    else:
        verdicts.append(("2. warm diagnosis <= 0.75x the baseline", "not measured",
                         f"needs --baseline; engine {combined_vs_bare:.2f}x bare Experta"))  # fmt: skip

    # --- case size -------------------------------------------------------------------------------
    sizes = (10, 50, 500)  # MAX_PARTNERS is 500: a larger case file is refused (SECURITY.md)
    files = {}
    for n in sizes:
        files[n] = work / f"partners-{n}.json"
        files[n].write_text(json.dumps(synthetic_case(n)), encoding="utf-8")
        t_load = per_call(lambda n=n: load_case(files[n]), runs * 4)
        t_diag = per_call(lambda n=n: diagnose(case_from_data(synthetic_case(n)), today=TODAY), runs * 4)
        rows.append((f"load_case, {n} partners", f"{t_load * 1000:.2f} ms", f"diagnose {t_diag * 1000:.2f} ms"))
    cli_sizes = paired([cli(files[n]) for n in sizes], runs, env=env)
    for n, t in zip(sizes, cli_sizes, strict=True):
        rows.append((f"CLI diagnose, {n} partners", f"{t * 1000:.0f} ms", f"{t / cli_sizes[0]:.2f}x 10 partners"))
    growth = cli_sizes[-1] / cli_sizes[0]
    verdicts.append(("3. CLI with the most partners <= 1.2x 10 partners", _yes(growth <= 1.2),
                     f"{growth:.2f}x at 500 (5,000 is past the input bound MAX_PARTNERS)"))  # fmt: skip

    # --- batch -----------------------------------------------------------------------------------
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
    anchor = machine_speedup(runs)
    rows.append(("batch speed-up, 2 workers", f"{speedup:.2f}x", f"{os.cpu_count()} CPUs"))
    rows.append(("two processes of a pure-Python loop", f"{anchor:.2f}x", "the machine's own speed-up (anchor)"))
    verdicts.append(("4. batch, 2 workers >= 1.8x one", _yes(speedup >= 1.8),
                     f"{speedup:.2f}x (the machine itself: {anchor:.2f}x)"))  # fmt: skip

    # --- web ---------------------------------------------------------------------------------------
    if args.web_url:
        p50, p95, errors = web_latency(args.web_url)
        rows.append(("web POST /api/v1/diagnose, 20 clients", f"p95 {p95 * 1000:.1f} ms",
                     f"p50 {p50 * 1000:.1f} ms, {errors} errors in 10,000"))  # fmt: skip
        verdicts.append(("5. web p95 <= 50 ms, 0 errors", _yes(p95 <= 0.05 and errors == 0),
                         f"p95 {p95 * 1000:.1f} ms, {errors} errors"))  # fmt: skip
    else:
        verdicts.append(("5. web p95 <= 50 ms, 0 errors", "not measured", "needs --web-url (the web application)"))

    shutil.rmtree(work, ignore_errors=True)
    table = ["| measurement | result | note |", "| --- | --- | --- |"]
    table += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    table += ["", "| target | met | measured |", "| --- | --- | --- |"]
    table += [f"| {name} | {ok} | {value} |" for name, ok, value in verdicts]
    text = "\n".join(table)
    print(text)
    if args.record:
        record(text)


def _yes(ok: bool) -> str:
    return "yes" if ok else "no"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = f", load average {os.getloadavg()[0]:.1f} at the start"
    except OSError:
        load = ""
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs{load}, "
        f"Python {platform.python_version()} ({sys.implementation.name})"
    )


def record_section(tag: str, table: str, load_start: float, *, setting: str = "", detail: str = "") -> None:
    """Write ``table`` into bench/README.md between ``<!-- tag -->`` and ``<!-- /tag -->`` (added at the end the
    first time), with the date, the machine and the load at the start and the end of the run."""
    readme = ROOT / "bench" / "README.md"
    start, end = f"<!-- {tag} -->", f"<!-- /{tag} -->"
    where = re.sub(r", load average [0-9.]+ at the start", "", machine())  # the load is given here
    section = (
        f"{start}\nRecorded {date.today().isoformat()} on {where}{setting}, load average {load_start:.1f} at the "
        f"start, {os.getloadavg()[0]:.1f} at the end{detail}.\n\n{table}\n{end}"
    )
    text = readme.read_text(encoding="utf-8")
    if start in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    readme.write_text(text, encoding="utf-8")


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
