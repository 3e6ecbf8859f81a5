"""The suite's CPU per test file, as a pytest plugin (issue 25, target 7; bench/README.md).

Run the whole suite or some files in one process with it:

    PYTHONPATH=bench SUITE_CPU_OUT=cpu.json .venv/bin/python -m pytest -n 0 -q -p no:randomly -p suite_cpu

and it writes, as JSON, the processor time (user + system, of pytest and every child process it waited for: the
CLI, servers, pip, mypy, LibreOffice, Chromium through chromedriver) of each test file, of the collection and of the
whole run; of each test its CPU and wall time (a module's fixtures count to its first test, a child to the test
that waited for it); and per file the commands it started (``subprocess.Popen``, first three words). PostgreSQL's
daemonised server is nobody's child and not in it. One process only: under xdist each worker would write its own.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Generator
from typing import Any

import pytest

_files: defaultdict[str, float] = defaultdict(float)
_tests: dict[str, tuple[float, float]] = {}
_started: defaultdict[str, Counter[str]] = defaultdict(Counter)
_current = ["<collection>"]
_start = [0.0]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "subprocess.Popen":
        argv = args[1] if isinstance(args[1], (list, tuple)) else [args[0]]
        _started[_current[0]][" ".join(os.path.basename(str(a)) for a in list(argv)[:3])] += 1


def pytest_configure(config: pytest.Config) -> None:
    _start[0] = _cpu()
    sys.addaudithook(_audit)


def pytest_collection_finish(session: pytest.Session) -> None:
    _files["<collection>"] = _cpu() - _start[0]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, object, object]:
    _current[0] = item.location[0]
    cpu, wall = _cpu(), time.monotonic()
    try:
        return (yield)
    finally:
        used = _cpu() - cpu
        _files[item.location[0]] += used
        _tests[item.nodeid] = (used, time.monotonic() - wall)


def pytest_sessionfinish(session: pytest.Session) -> None:
    _files["<total>"] = _cpu() - _start[0]
    report = {"files": _files, "tests": _tests, "started": {k: dict(v) for k, v in _started.items()}}
    with open(os.environ.get("SUITE_CPU_OUT", "suite_cpu.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, indent=1)
