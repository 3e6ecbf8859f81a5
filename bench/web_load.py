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


def _start(folder: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port)]
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
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start within a minute")


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
            times, errors, wall = asyncio.run(_load(port, bodies, args.deadline))
        finally:
            process.terminate()
            process.wait(10)
    total = args.clients * args.requests
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
