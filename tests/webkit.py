"""What the web tests share: driving the pages as an advisor or a respondent would, a server in its own
process, and a throwaway PostgreSQL server."""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient as _StarletteTestClient

from samenwerkwijzer.web import Database


class TestClient(_StarletteTestClient):
    """FastAPI's test client addressed to the loopback, the one name a server without accounts answers to
    (Starlette's default, ``testserver``, is refused as a DNS-rebinding attempt would be)."""

    __test__ = False

    def __init__(self, app: Any, base_url: str = "http://127.0.0.1", **kwargs: Any) -> None:
        super().__init__(app, base_url=base_url, **kwargs)


CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
QUESTION = re.compile(r'<section id="vraag"(?:(?!</section>).)*?name="step" value="([^"]+)"', re.S)
LINK = re.compile(r'value="(https?://[^"]+/r/[^"]+)" data-respondent="([^"]+)"')
ALERT = re.compile(r'role="alert">([^<]*)<')

# An advisor's intake: answers by question (step key); every other question is skipped.
ADVISOR_ANSWERS: dict[str, str | list[str]] = {
    "name": "Wijkalliantie Gezond Oost",
    "description": "Gemeente, GGD en woningcorporatie werken samen aan gezondheid in de wijk.",
    "context.domain": "de gezondheid in de wijk",
    "partners": "Gemeente Oostdam (gemeente)\nGGD Oost (GGD)\nWoonstichting Oost (woningcorporatie)",
    "context.type": "integraal",
    "context.phase": "verdiepen",
    "observations.funding.subsidy": "nee",
    "statements.regie_clear": "4",
    "statements.trekker_has_time": "4",
    "statements.speak_up": "2",
    "observations.climate.declared": "waakzaam",
}


def respondent_answers(climate: str) -> dict[str, str | list[str]]:
    return {"statements.regie_clear": "4", "statements.speak_up": "2", "observations.climate.declared": climate}


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def current_question(html: str) -> str | None:
    found = QUESTION.search(html)
    return found.group(1) if found else None


def drive(
    client: httpx.Client,
    url: str,
    answers: Mapping[str, str | list[str]],
    *,
    until: str | None = None,
    limit: int = 120,
) -> list[str]:
    """Answer the questions at ``url`` until none is left (or the one named ``until`` is answered);
    the replies as the command line's advisor types them."""
    lines: list[str] = []
    page = client.get(url)
    assert page.status_code == 200, page.text
    for _ in range(limit):
        key = current_question(page.text)
        if key is None:
            return lines
        value = answers.get(key)
        data: dict[str, Any] = {"csrf_token": csrf_of(page.text), "step": key}
        if value is None:
            data["action"] = "skip"
            lines.append("-")
        else:
            data |= {"action": "answer", "answer": value}
            # As typed on one line: a textarea's lines (the partners) become parts between semicolons.
            lines.append(value.replace("\n", "; ") if isinstance(value, str) else ", ".join(value))
        page = client.post(url, data=data)
        assert page.status_code == 200, page.text
        assert not ALERT.search(page.text), (key, ALERT.findall(page.text))
        if key == until:
            return lines
    raise AssertionError("the intake did not end")


def advisor_csrf(client: httpx.Client) -> str:
    return csrf_of(client.get("/").text)


def new_collaboration(client: httpx.Client, name: str) -> int:
    """Create a collaboration; the id of its first measurement."""
    response = client.post("/samenwerkingen", data={"csrf_token": advisor_csrf(client), "name": name})
    assert response.status_code == 200, response.text
    found = re.search(r"/metingen/(\d+)/intake", str(response.url))
    assert found, response.url
    return int(found.group(1))


def import_case(client: httpx.Client, content: bytes) -> int:
    """A collaboration from a case file (quick: no intake); its measurement's id."""
    response = client.post(
        "/samenwerkingen/importeren",
        data={"csrf_token": csrf_of(client.get("/").text)},
        files={"case": ("casus.yaml", content, "application/yaml")},
    )
    assert response.status_code == 200, response.text
    found = re.search(r"/metingen/(\d+)/advies.json", response.text)
    assert found, "the page links no advice of the new measurement"
    return int(found.group(1))


def invite(client: httpx.Client, mid: int, name: str, partner: str = "", days: int = 30) -> str:
    """Invite a respondent; their link's path (/r/TOKEN)."""
    page = client.get(f"/metingen/{mid}/respondenten")
    response = client.post(
        f"/metingen/{mid}/respondenten",
        data={"csrf_token": csrf_of(page.text), "name": name, "partner": partner, "days": str(days)},
    )
    assert response.status_code == 200, response.text
    links = {who: link for link, who in LINK.findall(response.text)}
    return "/r/" + links[name].rsplit("/r/", 1)[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``samenwerkwijzer serve`` in its own process, on a free port."""

    def __init__(self, database: str) -> None:
        self.database = database
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--database", self.database], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        wait_until_serving(self.process, self.url, seconds=30)
        return self

    def kill(self) -> None:
        """kill -9: no chance to finish anything."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()


def stop_in_time(process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Stop a server as Ctrl+C or a service manager does (SIGTERM) and fail if it is not gone within ``seconds``;
    a server that hangs is killed first, so that no test leaves it running."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


def wait_until_serving(
    process: subprocess.Popen[bytes],
    url: str,
    *,
    path: str = "/static/style.css",
    verify: Any = True,
    seconds: float = 30,
) -> None:
    """Wait until the server ``process`` started answers ``url + path`` with 200; fail if it ends first or
    takes longer than ``seconds``. One client for all the tries: ``httpx.get`` makes a client (and its TLS
    context) per call, which cost 25 ms of processor time and 50 ms of waiting per try."""
    deadline = time.monotonic() + seconds
    with httpx.Client(verify=verify, timeout=1) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode() if process.stderr else "the server ended")
            with contextlib.suppress(httpx.HTTPError):
                if client.get(url + path).status_code == 200:
                    return
            time.sleep(0.02)
    raise AssertionError("the server did not start")


def sqlite_database(path: Path) -> Database:
    """``Database`` on a new SQLite file at ``path``, as ``Database(url)`` makes it (the migrations run on start,
    finding the schema at the newest; the database makes its own signing secret), the file a copy of an empty one
    this process migrated once: migrating an empty database took 20 ms of CPU in each of some ninety tests.
    Migrating an empty database is itself tested (tests/web/test_storage.py, test_red_team.py and every server the
    tests start)."""
    global _sqlite_template
    if _sqlite_template is None:
        from samenwerkwijzer.web._db import make_engine, migrate

        folder = tempfile.mkdtemp(prefix="sww-template-")
        atexit.register(shutil.rmtree, folder, True)
        template = Path(folder) / "migrated.db"
        engine = make_engine(f"sqlite:///{template}")
        migrate(engine)
        engine.dispose()
        _sqlite_template = template
    with (
        contextlib.closing(sqlite3.connect(_sqlite_template)) as source,
        contextlib.closing(sqlite3.connect(path)) as copy,
    ):
        source.backup(copy)  # a consistent copy, write-ahead log and all
    return Database(f"sqlite:///{path}")


_sqlite_template: Path | None = None


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on a throwaway server (as ``nobody`` when run as root); its URL.
    The server is one per test run, shared by its test workers: started on first use, by whichever process needs
    it first, in a temporary folder on a free port, and stopped and removed when the run ends (initdb and a
    server start cost seconds of CPU each: once per module at first, then once per worker). Each use gets a
    database of its own, named after its process, dropped afterwards (its connections closed first)."""
    import psycopg

    base = _shared_postgres()
    global _databases
    _databases += 1
    name = f"sww_{os.getpid()}_{_databases}"
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(base, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_databases = 0
_postgres: str | None = None
# In the folder the run's processes share (tests/conftest.py makes it): the server's URL and its folder, written
# by the process that started it; the process that made the shared folder stops the server when it ends.
SHARED_FOLDER = "SAMENWERKWIJZER_TEST_CACHE_DIR"
_URL, _FOLDER = "postgres.url", "postgres.folder"


def _shared_postgres() -> str:
    """The URL of the run's PostgreSQL server's first database, the server started on first use (under a lock, so
    that two workers asking at once start one)."""
    import fcntl

    global _postgres
    if _postgres is None:
        shared = os.environ.get(SHARED_FOLDER)
        if shared is None:  # outside the test run's processes: a server of this process alone
            shared = tempfile.mkdtemp(prefix="sww-pg-shared-")
            atexit.register(shutil.rmtree, shared, True)
            atexit.register(stop_shared_postgres, Path(shared))
        with open(Path(shared) / "postgres.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (Path(shared) / _URL).exists():
                folder, url = _start_postgres()
                (Path(shared) / _FOLDER).write_text(str(folder))
                (Path(shared) / _URL).write_text(url)
            _postgres = (Path(shared) / _URL).read_text()
    return _postgres


def _as_nobody() -> list[str]:
    return ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []


def _run_postgres(folder: Path, *args: str) -> None:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run([*_as_nobody(), *args], check=True, capture_output=True, env=env, cwd=folder)


def _start_postgres() -> tuple[Path, str]:
    """A new server: its folder and the URL of its first database."""
    from .conftest import skip_unless_installed

    bin_dir = _postgres_bin()
    if bin_dir is None:
        skip_unless_installed("PostgreSQL (initdb, pg_ctl)")
    assert bin_dir is not None
    folder = Path(tempfile.mkdtemp(prefix="sww-pg-"))
    data = folder / "data"
    port = free_port()
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
        folder.chmod(0o700)
    try:
        _run_postgres(folder, str(bin_dir / "initdb"), "-D", str(data), "-U", "sww", "--auth=trust", "-E", "UTF8",
                      "--no-sync")  # fmt: skip
        # Connections for the run's workers together (each had a server of its own, with a hundred).
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
        _run_postgres(folder, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                      "-w", "start")  # fmt: skip
        _run_postgres(folder, str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "sww",
                      "samenwerkwijzer")  # fmt: skip
    except BaseException:
        _stop_postgres(folder)
        raise
    return folder, f"postgresql://sww@127.0.0.1:{port}/samenwerkwijzer"


def _stop_postgres(folder: Path) -> None:
    bin_dir = _postgres_bin()
    if bin_dir is not None and (folder / "data").exists():
        with contextlib.suppress(subprocess.CalledProcessError):
            _run_postgres(folder, str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop")
    shutil.rmtree(folder, ignore_errors=True)


def stop_shared_postgres(shared: Path) -> None:
    """Stop and remove the server a process of the run started, if one did (by the process that made ``shared``,
    when the run ends)."""
    if (shared / _FOLDER).exists():
        _stop_postgres(Path((shared / _FOLDER).read_text()))
