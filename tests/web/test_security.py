"""Access to the web application: logins off the loopback, CSRF on every form, respondents' links reach only
their own questionnaire, each advisor only their own collaborations, security headers, escaped case text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner
from sqlalchemy import select

from samenwerkwijzer.cli import app
from samenwerkwijzer.web import Database, WebError, _security, create_app, create_user, is_loopback
from samenwerkwijzer.web._models import User

from ..conftest import EXAMPLES
from ..webkit import TestClient, csrf_of, current_question, free_port, invite, new_collaboration, sqlite_database

PASSWORD = "een lang wachtwoord"


@pytest.fixture
def real_hashes(monkeypatch):
    """argon2id at the cost the web application sets (tests/web/conftest.py lowers it for the others)."""
    monkeypatch.setattr(_security, "_HASHER", PasswordHasher())


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sqlite_database(tmp_path / "web.db")
    yield database
    database.dispose()


def _login(app, username: str, password: str = PASSWORD) -> TestClient:
    client = TestClient(app)
    page = client.get("/inloggen")
    response = client.post(
        "/inloggen", data={"csrf_token": csrf_of(page.text), "username": username, "password": password}
    )
    assert response.status_code == 200 and "Uw samenwerkingen" in response.text, response.text
    return client


@pytest.fixture
def accounts(db: Database):
    create_user(db, "anna", PASSWORD)
    create_user(db, "bert", PASSWORD)
    return create_app(db, require_login=True)


def test_a_non_loopback_address_without_accounts_refuses_to_start(db, tmp_path):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    with pytest.raises(WebError, match="inloggen"):
        create_app(db, require_login=True)
    url = f"sqlite:///{tmp_path / 'other.db'}"
    port = str(free_port())  # not the default: another server may hold it
    options = ["serve", "--host", "0.0.0.0", "--port", port, "--insecure-http", "--no-browser", "--database", url]
    refused = CliRunner().invoke(app, options)
    assert refused.exit_code == 1 and "--create-user" in refused.output


def test_accounts_are_argon2_hashed_and_the_command_creates_them(db, tmp_path, real_hashes):
    url = f"sqlite:///{tmp_path / 'accounts.db'}"
    command = ["serve", "--database", url, "--create-user", "carla"]
    made = CliRunner().invoke(app, command, env={"SAMENWERKWIJZER_PASSWORD": PASSWORD})
    assert made.exit_code == 0 and "Account carla aangemaakt" in made.output, made.output
    other = Database(url)
    with other.reading() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "carla"))
    other.dispose()
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored
    assert PasswordHasher().check_needs_rehash(stored) is False  # hashed at the application's own cost
    with pytest.raises(WebError):
        create_user(db, "kort", "kort")


def test_without_a_login_every_advisor_page_leads_to_the_login(accounts):
    anonymous = TestClient(accounts)
    for path in ("/", "/samenwerkingen/1", "/metingen/1/intake", "/metingen/1/resultaat", "/metingen/1/advies.docx"):
        response = anonymous.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/inloggen", path
    assert anonymous.post("/samenwerkingen", data={"name": "x"}, follow_redirects=False).status_code in (303, 403)


def test_each_advisor_sees_only_their_own_collaborations(accounts):
    anna, bert = _login(accounts, "anna"), _login(accounts, "bert")
    mid = new_collaboration(anna, "Alleen van Anna")
    assert "Alleen van Anna" in anna.get("/").text and "Alleen van Anna" not in bert.get("/").text
    for path in (
        f"/metingen/{mid}/intake",
        f"/metingen/{mid}/resultaat",
        f"/metingen/{mid}/advies.yaml",
        "/samenwerkingen/1",
    ):
        assert bert.get(path).status_code == 404, path
    page = bert.get("/").text
    stolen = bert.post(f"/metingen/{mid}/respondenten", data={"csrf_token": csrf_of(page), "name": "x", "days": "3"})
    assert stolen.status_code == 404


def test_logins_are_rate_limited(accounts):
    client = TestClient(accounts)
    for _ in range(5):
        page = client.get("/inloggen").text
        wrong = client.post("/inloggen", data={"csrf_token": csrf_of(page), "username": "anna", "password": "fout"})
        assert wrong.status_code == 401
    page = client.get("/inloggen").text
    right = client.post("/inloggen", data={"csrf_token": csrf_of(page), "username": "anna", "password": PASSWORD})
    assert right.status_code == 429 and "Te veel mislukte pogingen" in right.text


def test_a_form_without_its_csrf_token_is_refused(db):
    client = TestClient(create_app(db, require_login=False))
    mid = new_collaboration(client, "Buurt")
    link = invite(client, mid, "Anna")
    for path, data in (
        ("/samenwerkingen", {"name": "x"}),
        (f"/metingen/{mid}/intake", {"step": "description", "action": "skip"}),
        (f"/metingen/{mid}/brief", {"advisor": "x"}),
        (f"/metingen/{mid}/respondenten", {"name": "Bert", "days": "3"}),
        (f"/metingen/{mid}/ronde", {"closed": "ja"}),
        (link, {"step": "statements.shared_goal", "action": "skip"}),
    ):
        for token in (None, "verkeerd"):
            sent = data if token is None else data | {"csrf_token": token}
            response = client.post(path, data=sent)
            assert response.status_code == 403 and "Laad de pagina opnieuw" in response.text, path
    assert current_question(client.get(f"/metingen/{mid}/intake").text) == "description"  # nothing was recorded
    # A respondent's form token is bound to their link: it does not work on another's.
    other = invite(client, mid, "Carla")
    token = csrf_of(client.get(link).text)
    response = client.post(other, data={"csrf_token": token, "step": "statements.shared_goal", "action": "skip"})
    assert response.status_code == 403


def test_a_respondent_link_reaches_only_its_own_questionnaire(accounts):
    anna = _login(accounts, "anna")
    mid = new_collaboration(anna, "Wijk")
    first, second = invite(anna, mid, "Respondent Een"), invite(anna, mid, "Respondent Twee")
    one = TestClient(accounts)
    page = one.get(first).text
    key = current_question(page)
    one.post(first, data={"csrf_token": csrf_of(page), "step": key, "action": "answer", "answer": "2"})
    own = one.get(first).text
    assert "2 van 5" in own and "Respondent Twee" not in own
    assert "Uw antwoorden (" in own and "Uw antwoorden (" not in one.get(second).text  # none of the first's answers
    for path in ("/", f"/metingen/{mid}/resultaat", f"/metingen/{mid}/respondenten", f"/metingen/{mid}/advies.json"):
        assert one.get(path, follow_redirects=False).status_code == 303, path  # to the login
    assert one.get(first + "x").status_code == 404 and one.get("/r/").status_code == 404
    status = anna.get(f"/metingen/{mid}/respondenten").text
    assert "bezig" in status and "2 van 5" not in status


def test_case_text_is_escaped_and_every_page_sends_the_security_headers(db):
    client = TestClient(create_app(db, require_login=False))
    evil = 'Wijk <script>alert("x")</script> & <img src=x onerror=alert(1)>'
    mid = new_collaboration(client, evil)
    pages = [f"/metingen/{mid}/intake", f"/metingen/{mid}/resultaat", "/", f"/metingen/{mid}/respondenten"]
    for path in pages:
        response = client.get(path)
        assert "<script>alert" not in response.text and "<img src=x" not in response.text, path
        assert "&lt;script&gt;alert" in response.text, path
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-frame-options"] == "SAMEORIGIN"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert not re.search(r"<script(?![^>]*\bsrc=)", response.text), "an inline script"
    letter = client.get(f"/metingen/{mid}/voorbeeld")
    assert "sandbox" in letter.headers["content-security-policy"] and "<script>alert" not in letter.text
    assert client.get(f"/metingen/{mid}/advies.html").headers["content-disposition"].startswith("attachment")
    assert (EXAMPLES / "gecombineerd.yaml").exists()


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80"]
)
def test_a_server_without_accounts_refuses_a_foreign_host_name(db, host):
    """DNS rebinding: a page whose own name points at 127.0.0.1 must not read or change the advisor's data."""
    client = TestClient(create_app(db, require_login=False))
    mid = new_collaboration(client, "Buurt")
    page = client.get("/")
    assert "Buurt" in page.text
    for method, path in (
        ("GET", "/"),
        ("GET", f"/metingen/{mid}"),
        ("POST", "/samenwerkingen"),
        ("GET", "/api/v1/schema/case"),
    ):
        answer = client.request(method, path, headers={"Host": host})
        assert answer.status_code == 400, (method, path)
        assert "Buurt" not in answer.text and "csrf" not in answer.text
        assert answer.headers["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "127.0.0.2", "LOCALHOST"])
def test_a_server_without_accounts_answers_to_the_loopback_names(db, host):
    client = TestClient(create_app(db, require_login=False))
    assert client.get("/", headers={"Host": host}).status_code == 200


def test_allowed_host_names_are_answered_and_others_refused(db):
    create_user(db, "anna", PASSWORD)
    client = TestClient(create_app(db, require_login=True, allowed_hosts=["samenwerken.example.nl"]))
    assert client.get("/inloggen", headers={"Host": "samenwerken.example.nl"}).status_code == 200
    assert client.get("/inloggen", headers={"Host": "evil.example"}).status_code == 400
