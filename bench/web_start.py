"""What starting the web application costs a process (issue 25, target 7: every server the tests start and every
test worker pays it): ``python bench/web_start.py [--runs 8] [--baseline FOLDER]``.

Two measurements, each the processor time (user + system, from ``wait4``) of a child process: importing
``samenwerkwijzer.web`` (``python -c``), and ``samenwerkwijzer serve`` on a new SQLite database from its start to its
first answer and its stop (import, migrations, the application, the garbage collector's freeze, one request).
With ``--baseline FOLDER`` (a copy of another version's package: ``FOLDER/samenwerkwijzer``, byte-compiled),
that version runs in turn with this one through ``PYTHONPATH``, the order alternating; medians. The package's
``.pyc`` files are written first, as tests/conftest.py does for the test run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import ENV  # noqa: E402


def _cpu(child: subprocess.Popen[bytes]) -> float:
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime


def imported(env: dict[str, str]) -> float:
    child = subprocess.Popen([sys.executable, "-c", "import samenwerkwijzer.web"], env=env, cwd=tempfile.gettempdir())
    cpu = _cpu(child)
    if child.returncode != 0:
        raise SystemExit("importing samenwerkwijzer.web failed")
    return cpu


def served(env: dict[str, str]) -> float:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port)]
        child = subprocess.Popen(
            [*command, "--database", f"sqlite:///{folder}/web.db"],
            env=env,
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        with httpx.Client() as client:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if client.get(f"http://127.0.0.1:{port}/").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.05)
            else:
                child.kill()
                raise SystemExit("the server did not answer")
        child.terminate()
        return _cpu(child)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--baseline", type=Path, help="a folder holding another version's samenwerkwijzer package")
    args = parser.parse_args()
    import samenwerkwijzer

    compileall.compile_dir(Path(samenwerkwijzer.__file__).parent, quiet=2)
    versions = {"this version": dict(ENV)}
    if args.baseline:
        compileall.compile_dir(args.baseline, quiet=2)
        versions["baseline"] = {**ENV, "PYTHONPATH": str(args.baseline.resolve())}
    for name, measure in (("import samenwerkwijzer.web", imported), ("serve: start, first answer, stop", served)):
        times: dict[str, list[float]] = {version: [] for version in versions}
        for n in range(args.runs):
            order = list(versions.items())
            for version, env in order if n % 2 == 0 else reversed(order):
                times[version].append(measure(env))
        for version, seconds in times.items():
            print(f"{name:34} {version:13} median {statistics.median(seconds):.3f} s of CPU (min {min(seconds):.3f})")


if __name__ == "__main__":
    main()
