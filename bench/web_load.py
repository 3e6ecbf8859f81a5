"""Load on the HTTP API: ``python bench/web_load.py [--clients 20] [--requests 500] [--workers N]
[--cases same|distinct] [--record]``.

Starts ``samenwerkwijzer serve --workers N`` on a free loopback port with a throwaway SQLite database, then lets
``--clients`` concurrent clients (one keep-alive connection each) send ``--requests`` ``POST /api/v1/diagnose``
each, one after the other: examples/gecombineerd.yaml every time (``--cases same``), or every request a case of
its own (``--cases distinct``: the same case under another name, so that none is answered from the server's
cache of recent diagnoses). Reports latency percentiles, throughput and errors (any answer but 200 with an
advice, or a failed connection). Only the loopback is ever addressed; the run is bounded in requests and in
time (``--deadline`` seconds) and stops the server when done.

``--record`` writes the figures into bench/README.md (section "HTTP API under load") with the machine.
Timing is not asserted in the test suite; this script is the place.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx
import yaml
from run import machine  # bench/ is on the path when a script here runs

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "gecombineerd.yaml"
README = Path(__file__).with_name("README.md")
# One table per --cases: <!-- web-load same --> … <!-- /web-load same -->, and so for distinct.
START, END = "<!-- web-load -->", "<!-- /web-load -->"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(folder: Path, workers: int, python: str = sys.executable) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [python, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port)]
    command += ["--workers", str(workers)]
    process = subprocess.Popen(
        [*command, "--database", f"sqlite:///{folder / 'web.db'}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server did not start: " + (process.stderr.read().decode() if process.stderr else ""))
        try:
            if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                _settle(process, workers, port, deadline)
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start within a minute")


def server_cpu(process: subprocess.Popen[bytes]) -> dict[int, float]:
    """CPU seconds (user + system) of the server and each of its worker processes, by process id (Linux)."""
    found: dict[int, float] = {}
    todo = [process.pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        pid = todo.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            found[pid] = (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


ANCHOR = """
import json, sys, time, yaml
from samenwerkwijzer import diagnose, load_case
case = load_case(sys.argv[1])
cases = [case.model_copy(update={"name": f"{case.name} {i}"}) for i in range(int(sys.argv[2]))]
for c in cases[:20]:
    diagnose(c)
t0 = time.process_time()
for c in cases[20:]:
    diagnose(c)
print((time.process_time() - t0) / (len(cases) - 20))
"""


def anchor_cpu(python: str = sys.executable, runs: int = 220) -> float:
    """CPU seconds of one in-process ``diagnose`` of the same case (under other names), warm."""
    out = subprocess.run([python, "-c", ANCHOR, str(CASE), str(runs)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def _listening(port: int) -> int:
    """How many sockets listen on ``port`` of the loopback (Linux): one per worker with SO_REUSEPORT."""
    try:
        lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return 0
    return sum(1 for line in lines if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A")


def _settle(process: subprocess.Popen[bytes], workers: int, port: int, deadline: float) -> None:
    """Wait until every worker process has started (the health check answers as soon as one has), or the
    load's connections would all go to the first one up: every worker's slot claimed in the table of the
    balanced accept (web/_server.py), a listening socket per worker (SO_REUSEPORT), or,
    with one shared socket, every worker has done its start-up's second of CPU and then none used any for a
    second (a busy machine can hold a starting process back for a while)."""
    from web_split import _claimed, _table_of

    last: dict[int, float] = {}
    still = 0
    while time.monotonic() < deadline:
        if _listening(port) >= workers:
            return
        children = [pid for pid in server_cpu(process) if pid != process.pid]
        table = next(filter(None, map(_table_of, children)), None)
        if table is not None:  # the balanced accept: every worker accepting once it has claimed its slot
            if len(_claimed(table)) >= workers:
                return
            time.sleep(0.2)
            continue
        time.sleep(0.5)
        now = server_cpu(process)
        workers_up = len(now) >= workers + (workers > 1)
        done = all(cpu >= 1.0 for pid, cpu in now.items() if pid != process.pid or workers == 1)
        still = still + 1 if all(abs(now[p] - last.get(p, -1)) < 0.02 for p in now) else 0
        if workers_up and done and still >= 2:
            return
        last = now


def _request(port: int, body: bytes) -> bytes:
    head = (
        f"POST /api/v1/diagnose HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


async def _client(port: int, requests: list[bytes], stop_at: float, times: list[float], errors: list[str]) -> None:
    """One keep-alive connection sending ``requests`` one after the other. A plain HTTP/1.1 exchange on
    asyncio streams: httpx spent as much CPU per request as the server's HTTP layer, on the same two cores."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for request in requests:
            if time.monotonic() > stop_at:
                errors.append("deadline")
                return
            t0 = time.perf_counter()
            try:
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                status = head.split(b" ", 2)[1]
                length = int(head.lower().split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
                content = await reader.readexactly(length)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, IndexError, ValueError) as exc:
                errors.append(type(exc).__name__)
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            if status != b"200" or b'"interventions"' not in content:
                errors.append(f"HTTP {status.decode()}")
                continue
            times.append(time.perf_counter() - t0)
    finally:
        writer.close()


def _bodies(clients: int, requests: int, distinct: bool) -> list[list[bytes]]:
    """Each client's request bodies: all the same case, or (``distinct``) a case of its own for every request,
    so that no diagnosis can be served from the server's cache of recent ones."""
    case = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    same = json.dumps(case, default=str).encode()
    if not distinct:
        return [[same] * requests for _ in range(clients)]
    return [
        [json.dumps({**case, "name": f"{case['name']} {c}-{r}"}, default=str).encode() for r in range(requests)]
        for c in range(clients)
    ]


async def _load(port: int, bodies: list[list[bytes]], deadline: float) -> tuple[list[float], list[str], float]:
    requests = [[_request(port, body) for body in client] for client in bodies]
    times: list[float] = []
    errors: list[str] = []
    stop_at = time.monotonic() + deadline
    t0 = time.perf_counter()
    await asyncio.gather(*(_client(port, own, stop_at, times, errors) for own in requests))
    return times, errors, time.perf_counter() - t0


def measure(python: str, workers: int, clients: int, requests: int, distinct: bool = True) -> dict[str, float]:
    """One closed-loop run against a server of ``python``'s installed version: requests/s, server CPU per
    request (seconds), the busiest server process's share of it, latency p50 and max (seconds)."""
    with tempfile.TemporaryDirectory(prefix="sww-load-") as folder:
        process, url = _start(Path(folder), workers, python)
        try:
            for body in _bodies(1, 4 * workers, True)[0]:
                assert httpx.post(url + "/api/v1/diagnose", content=body, timeout=60).status_code == 200
            port = int(url.rsplit(":", 1)[1])
            before = server_cpu(process)
            times, errors, wall = asyncio.run(_load(port, _bodies(clients, requests, distinct), 600))
            after = server_cpu(process)
        finally:
            process.terminate()
            process.wait(10)
    used = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    cpu = sum(used.values())
    return {
        "throughput": len(times) / wall,
        "cpu": cpu / max(1, len(times)),
        "busiest": max(used.values()) / cpu if cpu else 0.0,
        "p50": _percentile(times, 50),
        "max": max(times),
        "errors": len(errors),
    }


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=500, help="per client")
    parser.add_argument("--deadline", type=float, default=900.0, help="seconds before the run stops itself")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes (serve --workers)")
    parser.add_argument(
        "--cases",
        choices=("same", "distinct"),
        default="same",
        help="every request the same case (served from the cache of recent diagnoses after the first), "
        "or every request a case of its own (each one diagnosed)",
    )
    parser.add_argument("--record", action="store_true", help="write the figures into bench/README.md")
    args = parser.parse_args()
    bodies = _bodies(args.clients, args.requests, args.cases == "distinct")
    with tempfile.TemporaryDirectory(prefix="sww-load-") as folder:
        process, url = _start(Path(folder), args.workers)
        try:
            # Warm-up: the first diagnosis in each worker compiles the rule engine.
            warm = _bodies(1, 4 * args.workers, True)[0]
            for body in warm:
                assert httpx.post(url + "/api/v1/diagnose", content=body, timeout=60).status_code == 200
            port = int(url.rsplit(":", 1)[1])
            before = server_cpu(process)
            times, errors, wall = asyncio.run(_load(port, bodies, args.deadline))
            after = server_cpu(process)
        finally:
            process.terminate()
            process.wait(10)
    total = args.clients * args.requests
    used = {pid: after[pid] - before.get(pid, 0.0) for pid in after}
    cpu = sum(used.values())
    anchor = anchor_cpu()
    ms = [t * 1000 for t in times]
    rows = [
        ("cases", "the same case every time" if args.cases == "same" else "every request a case of its own"),
        ("server processes", f"{args.workers}"),
        ("clients × requests", f"{args.clients} × {args.requests} = {total}"),
        ("answered with an advice", f"{len(times)}"),
        ("errors", f"{len(errors)}" + (f" ({', '.join(sorted(set(errors)))})" if errors else "")),
        ("throughput", f"{len(times) / wall:.0f} requests/s" if wall else "-"),
        ("latency p50", f"{_percentile(ms, 50):.0f} ms" if ms else "-"),
        ("latency p95", f"{_percentile(ms, 95):.0f} ms" if ms else "-"),
        ("latency p99", f"{_percentile(ms, 99):.0f} ms" if ms else "-"),
        ("latency max", f"{max(ms):.0f} ms" if ms else "-"),
        ("latency mean", f"{statistics.fmean(ms):.0f} ms" if ms else "-"),
        ("server CPU per request", f"{cpu / max(1, len(times)) * 1000:.2f} ms" if times else "-"),
        ("in-process diagnose CPU (anchor)", f"{anchor * 1000:.2f} ms"),
        ("server CPU / in-process diagnose", f"{cpu / max(1, len(times)) / anchor:.2f}x" if times else "-"),
        ("busiest process's share of the CPU", f"{max(used.values()) / cpu:.0%}" if cpu else "-"),
    ]
    table = "\n".join(["| measurement | result |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in rows)])
    print(table)
    if args.record:
        start, end = START.replace("-->", f"{args.cases} -->"), END.replace("-->", f"{args.cases} -->")
        section = (
            f"{start}\nRecorded {date.today().isoformat()} on {machine()}; server and clients on the same machine, "
            f"load average {os.getloadavg()[0]:.1f} at the end (other work on the machine counts in it).\n\n"
            f"{table}\n{end}"
        )
        text = README.read_text(encoding="utf-8")
        if start in text:
            text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: section, text, flags=re.S)
        else:
            text = text.rstrip("\n") + "\n\n## HTTP API under load\n\n" + _HOW + "\n" + section + "\n"
        README.write_text(text, encoding="utf-8")


_HOW = """\
`bench/web_load.py` starts `samenwerkwijzer serve --workers N` (uvicorn; N is the number of CPUs by default) on a
free loopback port and lets twenty concurrent clients, one keep-alive connection each, send five hundred
`POST /api/v1/diagnose` each (`--clients`, `--requests`), then prints latency percentiles, throughput and errors;
`--record` writes them here. `--cases same` sends `examples/gecombineerd.yaml` every time (after the first, each
server process answers it from its cache of recent diagnoses); `--cases distinct` gives every request a case of
its own (the same case under another name), so that every request is diagnosed.

```sh
.venv/bin/python bench/web_load.py --record                    # the same case, every time
.venv/bin/python bench/web_load.py --cases distinct --record   # every request a new diagnosis
```
"""


if __name__ == "__main__":
    main()
