"""Benchmark the web application: ``python bench/web.py [--record] [--quick]``.

Starts ``samenwerkwijzer serve`` on a fresh SQLite database, prepares a collaboration (the combined
example, read in as a case file) and twenty respondent links, then measures each kind of request
alone (one client) and under twenty concurrent clients:
- the result page (a full diagnosis and page render per request);
- a respondent's questionnaire page, and a respondent saving an answer (a write per request);
- ``POST /api/v1/diagnose`` with the combined example.

Reported: the median and 95th percentile latency, and the ratio of the concurrent median to the
single-client one (two CPUs serve twenty clients, so about ten is the fair share). ``--record``
writes the table into bench/web.md with the machine. Nothing in the test suite asserts a timing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "gecombineerd.yaml"
CLIENTS = 20
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
STEP = re.compile(r'<section id="vraag"(?:(?!</section>).)*?name="step" value="([^"]+)"', re.S)
LINK = re.compile(r'value="(https?://[^"]+/r/[^"]+)" data-respondent')


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(folder: Path):
    port = _port()
    command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port)]
    process = subprocess.Popen([*command, "--database", f"sqlite:///{folder / 'bench.db'}"])
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/static/style.css").status_code == 200:
                    break
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def prepare(url: str) -> tuple[str, list[str]]:
    """The result page's path and twenty respondent links."""
    with httpx.Client(base_url=url, follow_redirects=True, timeout=60) as advisor:
        token = CSRF.search(advisor.get("/").text).group(1)  # type: ignore[union-attr]
        result = advisor.post(
            "/samenwerkingen/importeren",
            data={"csrf_token": token},
            files={"case": ("gecombineerd.yaml", EXAMPLE.read_bytes(), "application/yaml")},
        )
        mid = re.search(r"/metingen/(\d+)/resultaat", str(result.url)).group(1)  # type: ignore[union-attr]
        links = []
        for n in range(CLIENTS):
            page = advisor.post(
                f"/metingen/{mid}/respondenten", data={"csrf_token": token, "name": f"Respondent {n}", "days": "30"}
            )
            links.append("/r/" + LINK.findall(page.text)[-1].rsplit("/r/", 1)[1])
        cookies = dict(advisor.cookies)
    return f"/metingen/{mid}/resultaat", [*links, json.dumps(cookies)]


def measure(
    clients: int, requests: int, make: Callable[[int], Callable[[httpx.Client], None]], url: str
) -> list[float]:
    """Latencies (seconds) of ``requests`` requests by each of ``clients`` threads, all started together."""
    latencies: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def run(n: int) -> None:
        action = make(n)
        with httpx.Client(base_url=url, timeout=120) as client:
            action(client)  # warm the connection
            start.wait()
            for _ in range(requests):
                t = time.perf_counter()
                action(client)
                with lock:
                    latencies.append(time.perf_counter() - t)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--record", action="store_true", help="write the results into bench/web.md")
    parser.add_argument("--quick", action="store_true", help="fewer requests, for a smoke run")
    args = parser.parse_args()
    requests = 3 if args.quick else 10
    case_json = json.dumps(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")), default=str)
    rows = []
    with tempfile.TemporaryDirectory() as folder, server(Path(folder)) as url:
        result, extra = prepare(url)
        links, cookies = extra[:-1], json.loads(extra[-1])

        def result_page(n: int) -> Callable[[httpx.Client], None]:
            def get(client: httpx.Client) -> None:
                assert client.get(result, cookies=cookies).status_code == 200

            return get

        def questionnaire(n: int) -> Callable[[httpx.Client], None]:
            def get(client: httpx.Client) -> None:
                assert client.get(links[n]).status_code == 200

            return get

        def answer(n: int) -> Callable[[httpx.Client], None]:
            def post(client: httpx.Client) -> None:
                page = client.get(links[n]).text
                step = STEP.search(page)
                if step is None:
                    return
                token = CSRF.search(page).group(1)  # type: ignore[union-attr]
                data = {"csrf_token": token, "step": step.group(1), "action": "skip"}
                assert client.post(links[n], data=data).status_code == 200

            return post

        def api(n: int) -> Callable[[httpx.Client], None]:
            def post(client: httpx.Client) -> None:
                assert client.post("/api/v1/diagnose", content=case_json).status_code == 200

            return post

        for label, make in (
            ("result page", result_page),
            ("respondent questionnaire page", questionnaire),
            ("respondent saves an answer (page + post)", answer),
            ("POST /api/v1/diagnose", api),
        ):
            alone = measure(1, requests * 2, make, url)
            crowd = measure(CLIENTS, requests, make, url)
            single, median = statistics.median(alone), statistics.median(crowd)
            p95 = statistics.quantiles(crowd, n=20)[-1]
            rows.append((label, single, median, p95))
    table = [
        "| request | 1 client, median | 20 clients, median | 20 clients, p95 | ratio |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, single, median, p95 in rows:
        cells = f"{single * 1000:.1f} ms | {median * 1000:.1f} ms | {p95 * 1000:.1f} ms | {median / single:.1f}x"
        table.append(f"| {label} | {cells} |")
    text = "\n".join(table)
    print(text)
    if args.record:
        where = (
            f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.1f} at the end"
        )
        header = (
            f"# Web application under load\n\n`python bench/web.py --record`, {time.strftime('%Y-%m-%d')}, {where}."
        )
        (ROOT / "bench" / "web.md").write_text(f"{header}\n\n{text}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
