"""Hosting for partners (issue 23): a public address, HTTPS directly or through a trusted reverse proxy, the
refusal to serve plain HTTP off the loopback, and the server process's own defences (a port in use, workers
that die with their supervisor, a header-read timeout, proxy headers believed only from trusted proxies)."""

from __future__ import annotations

import contextlib
import os
import re
import select as io_select
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from samenwerkwijzer.cli import app
from samenwerkwijzer.web import Database, create_app, create_user
from samenwerkwijzer.web._models import WebSession

from ..webkit import TestClient, csrf_of, free_port, sqlite_database, wait_until_serving

trustme = pytest.importorskip("trustme")
PASSWORD = "een lang wachtwoord"


class Running:
    """``samenwerkwijzer serve`` with the given options, in its own process."""

    def __init__(self, *options: str, scheme: str = "http", verify: ssl.SSLContext | bool = True, env=None) -> None:
        self.port = free_port()
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}
        )
        self.verify = verify
        try:
            wait_until_serving(self.process, self.url, verify=verify, seconds=60)
        except AssertionError:
            self.stop()
            raise

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=self.verify, timeout=30, follow_redirects=True, **kwargs)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path, ssl.SSLContext]:
    """A certificate for 127.0.0.1 made here, by a CA made here; the context that trusts it."""
    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1", "localhost")
    cert, key = folder / "cert.pem", folder / "key.pem"
    cert.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems))
    issued.private_key_pem.write_to_path(str(key))
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return cert, key, context


@pytest.fixture(scope="module")
def https_server(tmp_path_factory, certificate) -> Iterator[Running]:
    cert, key, context = certificate
    database = f"sqlite:///{tmp_path_factory.mktemp('https') / 'web.db'}"
    port = free_port()
    options = ["--database", database, "--tls-certificate", str(cert), "--tls-key", str(key)]
    options += ["--public-url", f"https://127.0.0.1:{port}"]
    running = Running(*options, scheme="https", verify=context)
    yield running
    running.stop()


# --- HTTPS and a public address -------------------------------------------------------------------------------


def test_serve_speaks_https_with_its_own_certificate_and_marks_the_cookie_secure(https_server):
    with https_server.client() as client:
        home = client.get("/")
        assert home.status_code == 200
        assert home.headers["strict-transport-security"].startswith("max-age=")
        cookie = home.headers["set-cookie"]
        assert "sww_sessie=" in cookie and "secure" in cookie.lower() and "httponly" in cookie.lower()
    with pytest.raises(httpx.HTTPError):
        httpx.get(https_server.url.replace("https", "http") + "/", timeout=3)


def test_links_use_the_public_address(tmp_path):
    db = sqlite_database(tmp_path / "web.db")
    try:
        client = TestClient(create_app(db, require_login=False, public_url="https://samenwerken.example.nl/"))
        from ..webkit import import_case
        from .test_red_team import _case_with_people

        mid = import_case(client, _case_with_people())
        page = client.get(f"/metingen/{mid}/respondenten").text
        response = client.post(f"/metingen/{mid}/respondenten", data={"csrf_token": csrf_of(page), "name": "Anna"})
        assert re.search(r'value="https://samenwerken\.example\.nl/r/[\w-]+"', response.text), response.text
        # The public address's host is one the server answers to.
        hosted = TestClient(
            create_app(db, require_login=False, public_url="https://samenwerken.example.nl"),
            base_url="https://samenwerken.example.nl",
        )
        assert hosted.get("/").status_code == 200
        assert TestClient(hosted.app, base_url="https://evil.example").get("/").status_code == 400
    finally:
        db.dispose()


def test_behind_a_trusted_proxy_https_is_read_from_x_forwarded_proto_and_only_from_it(tmp_path):
    db = sqlite_database(tmp_path / "web.db")
    try:
        https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
        proxied = TestClient(
            create_app(db, require_login=False, trusted_proxies=["127.0.0.1"]), client=("127.0.0.1", 1)
        )
        answer = proxied.get("/", headers=https)
        assert "secure" in answer.headers["set-cookie"].lower() and "strict-transport-security" in answer.headers
        # The same headers from an address that is no trusted proxy change nothing.
        other = TestClient(create_app(db, require_login=False, trusted_proxies=["10.0.0.5"]), client=("127.0.0.1", 1))
        answer = other.get("/", headers=https)
        assert "secure" not in answer.headers["set-cookie"].lower()
        assert "strict-transport-security" not in answer.headers
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--host", "0.0.0.0"], "onversleuteld"),
        (["--host", "0.0.0.0", "--tls-certificate", "cert.pem"], "samen"),
        (["--public-url", "samenwerken.example.nl"], "volledig adres"),
        (["--host", "0.0.0.0", "--trusted-proxy", "proxy.example"], "geen IP-adres"),
    ],
)
def test_serve_refuses_plain_http_off_the_loopback_and_wrong_hosting_options(tmp_path, options, expected):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    db = Database(url)
    create_user(db, "anna", PASSWORD)
    db.dispose()
    refused = CliRunner().invoke(app, ["serve", "--no-browser", "--database", url, *options])
    assert refused.exit_code != 0 and expected in refused.output, refused.output


# --- The server process -----------------------------------------------------------------------------------------


def test_a_port_in_use_is_a_dutch_message(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", str(port),
             "--database", f"sqlite:///{tmp_path / 'web.db'}"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode != 0
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in done.stderr and "Traceback" not in done.stderr, done.stderr


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal")
def test_workers_die_with_their_supervisor_even_by_kill_9(tmp_path):
    running = Running("--workers", "2", "--database", f"sqlite:///{tmp_path / 'web.db'}")
    try:
        deadline = time.monotonic() + 30
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = {p for p in _children(running.process.pid) if "spawn_main" in _cmdline(p)}
            workers = {p for p in workers if "resource_tracker" not in _cmdline(p)}
            time.sleep(0.1)
        assert len(workers) == 2
        time.sleep(1)  # the workers have made their app (and asked for the signal)
        running.process.send_signal(signal.SIGKILL)
        running.process.wait()
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _alive(p)]
        with pytest.raises(httpx.HTTPError):
            httpx.get(running.url + "/static/style.css", timeout=2)
    finally:
        for pid in _children(running.process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        running.stop()


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


@pytest.fixture(scope="module")
def plain_hosted(tmp_path_factory) -> Iterator[Running]:
    """A server on every address over plain HTTP (told so), with an account; headers must come within a second."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hosted') / 'web.db'}"
    db = Database(url)
    create_user(db, "anna", PASSWORD)
    db.dispose()
    running = Running(
        "--host", "0.0.0.0", "--insecure-http", "--database", url, env={"SAMENWERKWIJZER_HEADER_TIMEOUT": "1"}
    )
    yield running
    running.stop()


def test_a_client_that_never_finishes_its_headers_is_cut_off(plain_hosted):
    running = plain_hosted
    with socket.create_connection(("127.0.0.1", running.port), timeout=10) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        for _ in range(8):  # a header line now and then, never the blank line that ends them
            time.sleep(0.25)
            with contextlib.suppress(OSError):
                slow.sendall(b"X-Slow: 1\r\n")
        assert slow.recv(100) == b""  # closed by the server
        assert time.monotonic() - started < 5


def test_forwarded_addresses_from_a_local_process_do_not_dodge_the_login_limit(plain_hosted):
    running = plain_hosted
    codes = []
    for n in range(6):
        with running.client() as client:
            page = client.get("/inloggen").text
            data = {"csrf_token": csrf_of(page), "username": f"gok{n}", "password": "fout"}
            codes.append(client.post("/inloggen", data=data, headers={"X-Forwarded-For": f"192.0.2.{n}"}).status_code)
    assert codes == [401] * 5 + [429]


# --- Accounts, keys and sessions ------------------------------------------------------------------------------


def test_api_keys_are_listed_and_revoked_from_the_command_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    runner = CliRunner()
    made = runner.invoke(app, ["serve", "--database", url, "--create-api-key", "zaaksysteem"])
    key = made.output.strip().splitlines()[-1]
    listed = runner.invoke(app, ["serve", "--database", url, "--list-api-keys"])
    assert listed.exit_code == 0 and "zaaksysteem" in listed.output and "geldig" in listed.output
    assert key not in listed.output
    revoked = runner.invoke(app, ["serve", "--database", url, "--revoke-api-key", "zaaksysteem"])
    assert revoked.exit_code == 0 and "ingetrokken" in revoked.output
    assert "ingetrokken" in runner.invoke(app, ["serve", "--database", url, "--list-api-keys"]).output
    db = Database(url)
    create_user(db, "anna", PASSWORD)
    client = TestClient(create_app(db, require_login=True))
    assert client.post("/api/v1/diagnose", json={"name": "x"}, headers={"X-API-Key": key}).status_code == 401
    db.dispose()
    unknown = runner.invoke(app, ["serve", "--database", url, "--revoke-api-key", "onbekend"])
    assert unknown.exit_code != 0 and "geen API-sleutel" in unknown.output


@pytest.mark.parametrize(("name", "expected"), [("anna\x1b[2J", "stuurteken"), ("a" * 300, "te lang")])
def test_create_user_refuses_control_characters_and_overlong_names(tmp_path, name, expected):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    refused = CliRunner().invoke(
        app, ["serve", "--database", url, "--create-user", name], env={"SAMENWERKWIJZER_PASSWORD": PASSWORD}
    )
    assert refused.exit_code != 0 and expected in refused.output and "Traceback" not in refused.output


def test_requests_without_a_cookie_write_no_session_and_expired_sessions_are_purged(tmp_path, monkeypatch):
    from datetime import timedelta

    from samenwerkwijzer.web import _security

    db = sqlite_database(tmp_path / "web.db")
    try:
        local = create_app(db, require_login=False)
        for _ in range(30):
            assert TestClient(local).get("/").status_code == 200
        # The form still works: its token belongs to the cookie.
        client = TestClient(local)
        page = client.get("/").text
        assert client.post("/samenwerkingen", data={"csrf_token": csrf_of(page), "name": ""}).status_code == 422
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(WebSession)) == 0
        create_user(db, "anna", PASSWORD)
        hosted = create_app(db, require_login=True)
        with db.writing() as s:
            s.add(WebSession(id="0" * 64, user_id=1, csrf="x", expires_at=_security.now() - timedelta(days=1)))
        page = TestClient(hosted).get("/inloggen").text
        client = TestClient(hosted)
        page = client.get("/inloggen").text
        client.post("/inloggen", data={"csrf_token": csrf_of(page), "username": "anna", "password": PASSWORD})
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(WebSession)) == 1
            assert s.get(WebSession, "0" * 64) is None
    finally:
        db.dispose()


def test_a_client_that_sends_its_body_a_byte_at_a_time_is_cut_off(plain_hosted):
    """Red team N9: the body has a time limit too (six times the header timeout, here six seconds)."""
    running = plain_hosted
    with socket.create_connection(("127.0.0.1", running.port), timeout=15) as slow:
        slow.sendall(b"POST /inloggen HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n")
        started = time.monotonic()
        closed_after = None
        for _ in range(60):  # a byte every quarter second: the whole body would take twenty-five seconds
            readable, _, _ = io_select.select([slow], [], [], 0.25)
            if readable and slow.recv(100) == b"":
                closed_after = time.monotonic() - started
                break
            try:
                slow.sendall(b"x")
            except OSError:
                closed_after = time.monotonic() - started
                break
        assert closed_after is not None, "the server kept waiting for the body"
        assert 4 < closed_after < 10, closed_after
