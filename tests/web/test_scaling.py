"""The web application under load: recent diagnoses kept per process (exactly what a new diagnosis gives,
bounded, never shared between API keys), failed logins counted in the database (so that every worker counts
the same ones), and ``serve --workers N`` (N processes on one port, all stopped with the server)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from samenwerkwijzer import diagnose, load_case
from samenwerkwijzer.web import Database, create_api_key, create_app, create_user
from samenwerkwijzer.web._advice_cache import AdviceCache

from ..conftest import EXAMPLES
from ..webkit import TestClient, csrf_of, free_port, sqlite_database, stop_in_time

PASSWORD = "een lang wachtwoord"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sqlite_database(tmp_path / "web.db")
    yield database
    database.dispose()


def _case_json(name: str = "gecombineerd") -> dict:
    return json.loads(load_case(EXAMPLES / f"{name}.yaml").model_dump_json())


def test_a_cached_advice_is_exactly_a_new_diagnosis_and_each_caller_gets_its_own_model():
    cache = AdviceCache()
    case = load_case(EXAMPLES / "gecombineerd.yaml")
    day = date(2026, 11, 22)
    first = cache.advice_json(case, today=day)
    assert cache.misses == 1 and cache.hits == 0
    assert cache.advice_json(case, today=day) is first and cache.hits == 1
    assert first == diagnose(case, today=day).model_dump_json(indent=2)
    mine = cache.advice(case, today=day)
    mine.interventions.clear()
    assert cache.advice(case, today=day).interventions, "a caller's change reached the cache"
    # The reference date is part of what the advice depends on: another day is another diagnosis.
    later = cache.advice_json(case, today=date(2027, 3, 1))
    assert cache.misses == 2 and later == diagnose(case, today=date(2027, 3, 1)).model_dump_json(indent=2)
    assert cache.cached_json(case, "another key", today=day) is None, "a scope saw another scope's advice"


def test_the_cache_is_bounded_in_entries_and_in_bytes():
    cases = [load_case(EXAMPLES / f"{name}.yaml") for name in ("gecombineerd", "subsidie-eindigt", "respondenten")]
    by_entries = AdviceCache(max_entries=2)
    for case in cases:
        by_entries.advice_json(case)
    assert len(by_entries) == 2 and by_entries.cached_json(cases[0]) is None  # the oldest went first
    assert by_entries.cached_json(cases[2]) is not None
    size = sys.getsizeof(by_entries.advice_json(cases[2]))
    by_bytes = AdviceCache(max_bytes=size + 10)
    for case in cases:
        by_bytes.advice_json(case)
    assert by_bytes._bytes <= size + 10 and len(by_bytes) == 1
    assert by_bytes.cached_json(cases[2]) is not None  # the newest is the one kept


def test_the_api_serves_a_repeated_case_from_the_cache_but_never_across_api_keys(db):
    create_user(db, "anna", PASSWORD)
    one, other = create_api_key(db, "systeem een"), create_api_key(db, "systeem twee")
    app = create_app(db, require_login=True)
    cache = app.state.sww.diagnoses
    client = TestClient(app)
    case = _case_json()
    answers = [client.post("/api/v1/diagnose", json=case, headers={"X-API-Key": one}) for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200] and answers[0].content == answers[1].content
    assert (cache.misses, cache.hits) == (1, 1)
    assert client.post("/api/v1/diagnose", json=case, headers={"X-API-Key": other}).content == answers[0].content
    assert (cache.misses, cache.hits) == (2, 1), "the second key was served the first key's diagnosis"
    # The letter of the same case needs no second diagnosis.
    letter = client.post("/api/v1/letter", json=case, headers={"X-API-Key": one})
    assert letter.status_code == 200 and (cache.misses, cache.hits) == (2, 2)


def test_failed_logins_are_counted_in_the_database_so_every_worker_blocks_them(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    first, second = Database(url), Database(url)
    create_user(first, "anna", PASSWORD)
    worker_a, worker_b = (
        TestClient(create_app(first, require_login=True)),
        TestClient(create_app(second, require_login=True)),
    )
    for _ in range(5):
        page = worker_a.get("/inloggen").text
        data = {"csrf_token": csrf_of(page), "username": "anna", "password": "fout"}
        assert worker_a.post("/inloggen", data=data).status_code == 401
    page = worker_b.get("/inloggen").text
    right = worker_b.post("/inloggen", data={"csrf_token": csrf_of(page), "username": "anna", "password": PASSWORD})
    assert right.status_code == 429 and "Te veel mislukte pogingen" in right.text
    with first.reading() as s:
        stored = [row[0] for row in s.execute(text("select key_hash from login_failures"))]
    assert stored and all(len(k) == 64 and "anna" not in k and "testclient" not in k for k in stored)
    first.dispose()
    second.dispose()


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
def test_serve_with_two_workers_answers_on_one_port_and_stops_them_all(tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port)]
    command += ["--workers", "2", "--database", f"sqlite:///{tmp_path / 'web.db'}"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a loaded machine (load 20) took over a minute
        with httpx.Client(timeout=1) as probe:  # one client for all the tries (httpx.get makes one per call)
            while True:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else "server ended"
                assert time.monotonic() < deadline, "the server did not start"
                try:
                    if probe.get(url + "/api/v1/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
        workers: set[int] = set()
        # uvicorn's workers are the children of its own process; with spawn, one more for the resource tracker.
        # Each binds its socket once it has imported the application: on a machine other work loads (the
        # suite's own workers, other processes), the second one can take more than half a minute.
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = {p for p in _children(server.pid) if _is_spawned(p) and _listens(p, port)}
            time.sleep(0.1)
        assert len(workers) >= 2, f"expected two worker processes, found {workers}"
        with httpx.Client(base_url=url, timeout=30) as client:
            answers = [client.post("/api/v1/diagnose", json=_case_json()) for _ in range(6)]
        assert all(a.status_code == 200 for a in answers) and len({a.content for a in answers}) == 1
    finally:
        stop_in_time(server)
    time.sleep(0.5)
    alive = [p for p in workers if Path(f"/proc/{p}").exists() and _state(p) != "Z"]
    assert not alive, f"workers outlived the server: {alive}"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def _is_spawned(pid: int) -> bool:
    """A worker uvicorn started: multiprocessing's spawn, not its resource tracker."""
    line = _cmdline(pid)
    return "spawn_main" in line and "resource_tracker" not in line


def _listens(pid: int, port: int) -> bool:
    """The process holds the server's listening socket (uvicorn hands it to every worker)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for row in Path(table).read_text().splitlines()[1:]:
                fields = row.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # LISTEN
                    inodes.add(fields[9])
    try:
        links = [os.readlink(f) for f in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return False
    return any(link == f"socket:[{inode}]" for link in links for inode in inodes)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "X"


def test_a_worker_needs_the_settings_serve_hands_it(monkeypatch, tmp_path):
    from samenwerkwijzer.web import _server

    monkeypatch.setenv("SAMENWERKWIJZER_WEB_DATABASE", f"sqlite:///{tmp_path / 'w.db'}")
    monkeypatch.setenv("SAMENWERKWIJZER_WEB_REQUIRE_LOGIN", "0")
    app = _server.worker_app()
    assert TestClient(app).get("/api/v1/health").status_code == 200
    assert app.state.sww.require_login is False
    # The database address (it may hold a password) is not passed on to what the worker starts.
    assert "SAMENWERKWIJZER_WEB_DATABASE" not in os.environ
    # Anything but an exact "0" means logins: a mistyped setting does not open the application.
    database = sqlite_database(tmp_path / "w.db")
    create_user(database, "anna", PASSWORD)
    database.dispose()
    for setting in ("1", "true", "no", ""):
        monkeypatch.setenv("SAMENWERKWIJZER_WEB_DATABASE", f"sqlite:///{tmp_path / 'w.db'}")
        monkeypatch.setenv("SAMENWERKWIJZER_WEB_REQUIRE_LOGIN", setting)
        assert _server.worker_app().state.sww.require_login is True, setting


def test_an_unexpected_error_is_answered_in_dutch_with_the_security_headers(db):
    """Starlette answers an unhandled error outside the middlewares; the page still carries the headers."""
    from samenwerkwijzer.web._security import HEADERS

    app = create_app(db, require_login=False)

    @app.get("/kapot")
    def broken() -> None:
        raise RuntimeError("a bug")

    answer = TestClient(app, raise_server_exceptions=False).get("/kapot")
    assert answer.status_code == 500 and "Er ging iets mis" in answer.text
    assert all(answer.headers.get(name) == value for name, value in HEADERS.items()), answer.headers
