"""The red team's findings of issue 23, each reproduced: the login limit under concurrent guesses, proxy
headers, exports, form values the case model refuses, PDF conversions, client-made advice, ids, sessions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from samenwerkwijzer.web import Database, _login_limit, _security, create_app, create_user

from .webkit import TestClient, csrf_of

PASSWORD = "een lang wachtwoord"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    monkeypatch.setattr(_security, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'web.db'}")
    yield database
    database.dispose()


@pytest.fixture
def accounts(db: Database):
    create_user(db, "anna", PASSWORD)
    create_user(db, "bert", PASSWORD)
    return create_app(db, require_login=True)


def _try(app, username: str, password: str, address: str = "10.0.0.1", headers: dict[str, str] | None = None):
    client = TestClient(app, client=(address, 40000))
    page = client.get("/inloggen").text
    return client.post(
        "/inloggen",
        data={"csrf_token": csrf_of(page), "username": username, "password": password},
        headers=headers or {},
    )


def test_forty_guesses_at_once_are_forty_attempts(accounts):
    results: list[int] = []
    start = threading.Barrier(40)

    def guess(n: int) -> None:
        client = TestClient(accounts, client=("10.0.0.1", 40000 + n))
        page = client.get("/inloggen").text
        start.wait()
        response = client.post("/inloggen", data={"csrf_token": csrf_of(page), "username": "anna", "password": f"x{n}"})
        results.append(response.status_code)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(401) <= 5 and results.count(429) == 40 - results.count(401), results


def test_a_successful_login_does_not_clear_the_address_count(accounts):
    for n in range(4):
        assert _try(accounts, f"iemand{n}", "fout").status_code == 401
    assert _try(accounts, "bert", PASSWORD).status_code == 200  # the attacker's own account
    assert _try(accounts, "iemand9", "fout").status_code == 401  # the fifth failure from this address
    assert _try(accounts, "iemand10", "fout").status_code == 429


def test_guesses_from_one_address_do_not_lock_the_real_user_out(accounts, monkeypatch):
    for _ in range(5):
        assert _try(accounts, "anna", "fout", "10.0.0.66").status_code == 401
    refused = _try(accounts, "anna", "fout", "10.0.0.66")
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "1"
    assert "Probeer het over een seconde opnieuw" in refused.text
    assert _try(accounts, "anna", PASSWORD, "10.0.0.2").status_code == 200  # the real user, elsewhere
    # The guesser backs off: one second, then two, then four ...
    later = _security.now() + timedelta(seconds=1, milliseconds=100)
    monkeypatch.setattr(_login_limit, "now", lambda: later)
    assert _try(accounts, "anna", "fout", "10.0.0.66").status_code == 401
    assert _try(accounts, "anna", "fout", "10.0.0.66").headers["Retry-After"] == "2"


def test_forwarded_addresses_count_only_from_a_trusted_proxy(db):
    create_user(db, "anna", PASSWORD)
    direct = create_app(db, require_login=True)
    for n in range(5):
        forged = {"X-Forwarded-For": f"192.0.2.{n}"}
        assert _try(direct, f"x{n}", "fout", "127.0.0.1", forged).status_code == 401
    assert _try(direct, "y", "fout", "127.0.0.1", {"X-Forwarded-For": "192.0.2.99"}).status_code == 429
    proxied = create_app(db, require_login=True, trusted_proxies=["127.0.0.1"])
    assert _try(proxied, "z", "fout", "127.0.0.1", {"X-Forwarded-For": "198.51.100.7"}).status_code == 401
