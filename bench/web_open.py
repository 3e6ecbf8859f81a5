"""Open-loop load on the HTTP API: ``python bench/web_open.py [--workers 1] [--load 0.5 0.75] [--seconds 20]
[--record]``.

Closed-loop clients wait for an answer before they send again, so a slow server slows its own load down and
hides its queue. Here requests arrive at a fixed rate whatever the server does: request ``i`` is due at
``start + i / rate``, is sent then on a free keep-alive connection (a new one is opened when all are busy, at
most ``--connections``), and its latency runs from that scheduled time to the last byte of the answer, so
that time spent waiting for the server (or for a connection) counts.

The run: start ``samenwerkwijzer serve --workers N`` on a free loopback port (bench/web_load.py's start-up),
warm every worker, measure the unloaded latency (one request at a time), the capacity (requests/s of
``--clients`` closed-loop clients, distinct cases), then, for each ``--load`` fraction of that capacity, an
open-loop run of ``--seconds`` seconds. Every request is a case of its own (none is answered from the
server's cache). Only the loopback is addressed; every loop is bounded in requests and in time.

``--record`` writes the table into bench/README.md (section "Open loop") with the machine and the load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from run import record_section  # bench/ is on the path when a script here runs
from web_load import _bodies, _load, _percentile, _request, _start

README = Path(__file__).with_name("README.md")


class _Pool:
    """Keep-alive connections to the server: a free one, or a new one while fewer than ``limit`` are open."""

    def __init__(self, port: int, limit: int) -> None:
        self.port, self.limit = port, limit
        self.free: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.open = 0
        self.waiting: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()

    async def get(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.free:
            return self.free.pop()
        if self.open < self.limit:
            self.open += 1
            return await asyncio.open_connection("127.0.0.1", self.port)
        return await self.waiting.get()

    def put(self, connection: tuple[asyncio.StreamReader, asyncio.StreamWriter]) -> None:
        if self.waiting._getters:  # noqa: SLF001 - someone is waiting for a connection: hand it over
            self.waiting.put_nowait(connection)
        else:
            self.free.append(connection)

    def lost(self) -> None:
        self.open -= 1

    def close(self) -> None:
        for _, writer in self.free:
            writer.close()


async def _one(pool: _Pool, request: bytes, due: float, times: list[float], errors: list[str]) -> None:
    reader, writer = await pool.get()
    try:
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        status = head.split(b" ", 2)[1]
        length = int(head.lower().split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
        content = await reader.readexactly(length)
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, IndexError, ValueError) as exc:
        errors.append(type(exc).__name__)
        writer.close()
        pool.lost()
        return
    pool.put((reader, writer))
    if status != b"200" or b'"interventions"' not in content:
        errors.append(f"HTTP {status.decode()}")
        return
    times.append(time.perf_counter() - due)


async def open_loop(
    port: int, bodies: list[bytes], rate: float, connections: int
) -> tuple[list[float], list[str], float]:
    """Send ``bodies`` at ``rate`` per second, each at its scheduled time; latencies from that time."""
    pool = _Pool(port, connections)
    requests = [_request(port, body) for body in bodies]
    times: list[float] = []
    errors: list[str] = []
    tasks: list[asyncio.Task[None]] = []
    start = time.perf_counter() + 0.05
    lag: list[float] = []
    for i, request in enumerate(requests):
        due = start + i / rate
        pause = due - time.perf_counter()
        if pause > 0:
            await asyncio.sleep(pause)
        lag.append(time.perf_counter() - due)
        tasks.append(asyncio.create_task(_one(pool, request, due, times, errors)))
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)
    pool.close()
    return times, errors, statistics.median(lag)


async def _unloaded(port: int, bodies: list[bytes]) -> list[float]:
    """One request at a time on one connection: the latency without a queue."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    times = []
    for body in bodies:
        t0 = time.perf_counter()
        writer.write(_request(port, body))
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
        await reader.readexactly(length)
        times.append(time.perf_counter() - t0)
        await asyncio.sleep(0.005)
    writer.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    parser.add_argument("--load", type=float, nargs="+", default=[0.5, 0.75], help="fractions of the capacity")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each open-loop run")
    parser.add_argument("--clients", type=int, default=20, help="closed-loop clients measuring the capacity")
    parser.add_argument("--connections", type=int, default=64, help="most connections the open loop opens")
    parser.add_argument("--record", action="store_true", help="write the figures into bench/README.md")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="sww-open-") as folder:
        process, url = _start(Path(folder), args.workers)
        try:
            for body in _bodies(1, 4 * args.workers, True)[0]:
                assert httpx.post(url + "/api/v1/diagnose", content=body, timeout=60).status_code == 200
            port = int(url.rsplit(":", 1)[1])
            quiet = [t * 1000 for t in asyncio.run(_unloaded(port, _bodies(1, 200, True)[0]))]
            p50 = _percentile(quiet, 50)
            rows.append(("unloaded, one request at a time", f"p50 {p50:.1f} ms, p95 {_percentile(quiet, 95):.1f} ms"))
            per_client = max(20, int(8 * args.workers * 100 / args.clients))
            times, errors, wall = asyncio.run(_load(port, _bodies(args.clients, per_client, True), 120))
            capacity = len(times) / wall
            rows.append((f"capacity, {args.clients} closed-loop clients", f"{capacity:.0f} requests/s"))
            for load in args.load:
                rate = capacity * load
                count = max(50, int(rate * args.seconds))
                bodies = [b.replace(b'"name": "', f'"name": "o{load} '.encode(), 1) for b in _bodies(1, count, True)[0]]
                got, errors, lag = asyncio.run(open_loop(port, bodies, rate, args.connections))
                ms = [t * 1000 for t in got]
                mid = _percentile(ms, 50)
                figures = (
                    f"p50 {_percentile(ms, 50):.1f}, p95 {_percentile(ms, 95):.1f}, p99 {_percentile(ms, 99):.1f}, "
                    f"max {max(ms):.1f} ms; p95 {_percentile(ms, 95) / p50:.2f}x the unloaded p50, max "
                    f"{max(ms) / mid:.2f}x this run's p50; {len(got)} answered, {len(errors)} errors"
                    + (f" ({', '.join(sorted(set(errors)))})" if errors else "")
                )
                rows.append((f"open loop at {load:.0%} of capacity ({rate:.0f} requests/s)", figures))
                print(rows[-1], f"(median send lag {lag * 1000:.2f} ms)", file=sys.stderr, flush=True)
        finally:
            process.terminate()
            process.wait(10)
    table = "\n".join(
        [f"| server processes: {args.workers} | result |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in rows)]
    )
    print(table)
    if args.record:
        record_section(f"web-open {args.workers}", table, load_start, setting="; server and driver on the same machine")


if __name__ == "__main__":
    main()
