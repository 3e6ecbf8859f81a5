"""The red team's findings of issue 23, each reproduced: the login limit under concurrent guesses, proxy
headers, exports, form values the case model refuses, PDF conversions, client-made advice, ids, sessions."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from samenwerkwijzer.web import Database, _login_limit, _security, create_app, create_user

from ..conftest import EXAMPLES
from ..webkit import TestClient, csrf_of, import_case, sqlite_database

PASSWORD = "een lang wachtwoord"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sqlite_database(tmp_path / "web.db")
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


# --- The YAML download and disclosure (defect 3) -------------------------------------------------------------

PEOPLE = {"GGD Oost": "Anna de Vries", "Woonstichting Oost": "Bert Jansen", "Gemeente Oostdam": "Carla Smit"}


def _case_with_people(disclose: bool = False) -> bytes:
    import yaml

    data = yaml.safe_load((EXAMPLES / "respondenten.yaml").read_text(encoding="utf-8"))
    for respondent in data["respondents"]:
        respondent["name"] = PEOPLE[respondent["name"]]
    data["disclose_respondents"] = disclose
    return yaml.safe_dump(data, allow_unicode=True).encode()


def test_the_yaml_download_names_no_respondent_unless_disclosure_was_on(db):
    client = TestClient(create_app(db, require_login=False))
    hidden = client.get(f"/metingen/{import_case(client, _case_with_people())}/advies.yaml").text
    assert not any(name in hidden for name in PEOPLE.values()), hidden
    assert "Respondent 1" in hidden and "partner: GGD Oost" not in hidden
    # A file's own flag does not name them (red team N1): only the advisor's choice on the page, before the round.
    mid = import_case(client, _case_with_people(disclose=True))
    assert not any(name in client.get(f"/metingen/{mid}/advies.yaml").text for name in PEOPLE.values())
    page = client.get(f"/metingen/{mid}/brief").text
    client.post(f"/metingen/{mid}/brief", data={"csrf_token": csrf_of(page), "disclose": "ja"})
    shown = client.get(f"/metingen/{mid}/advies.yaml").text
    assert all(name in shown for name in PEOPLE.values())


def test_disclosure_cannot_be_turned_on_once_respondents_are_invited(db):
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case_with_people())
    page = client.get(f"/metingen/{mid}/respondenten").text
    client.post(f"/metingen/{mid}/respondenten", data={"csrf_token": csrf_of(page), "name": "Dirk", "days": "3"})
    response = client.post(f"/metingen/{mid}/brief", data={"csrf_token": csrf_of(page), "disclose": "ja"})
    assert response.status_code == 422 and "voordat u respondenten uitnodigt" in response.text
    assert "Respondent 1" in client.get(f"/metingen/{mid}/advies.yaml").text


# --- Form values the case model refuses (defect 4) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [("advisor", "Anna\x1b[31m", "stuurteken"), ("addressee", "x" * 10_001, "hoogstens 10.000 tekens")],
)
def test_a_letter_field_the_case_model_refuses_is_refused_on_the_form(db, field, value, expected):
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case_with_people())
    csrf = csrf_of(client.get(f"/metingen/{mid}/brief").text)
    response = client.post(f"/metingen/{mid}/brief", data={"csrf_token": csrf, field: value})
    assert response.status_code == 422 and expected in response.text
    assert client.get(f"/metingen/{mid}/resultaat").status_code == 200
    assert client.get(f"/metingen/{mid}/advies.md").status_code == 200


def test_a_respondent_name_with_a_control_character_and_a_201st_respondent_are_refused(db):
    from samenwerkwijzer.web._models import Measurement, Respondent

    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case_with_people())
    csrf = csrf_of(client.get(f"/metingen/{mid}/respondenten").text)
    response = client.post(f"/metingen/{mid}/respondenten", data={"csrf_token": csrf, "name": "E\x1bva", "days": "3"})
    assert "stuurteken" in response.text and "E\x1bva" not in response.text
    with db.writing() as s:
        measurement = s.get(Measurement, mid)
        for n in range(200):
            measurement.respondents.append(
                Respondent(name=f"R{n}", token_hash=f"{n:064x}", expires_at=_security.now(), revoked=False,
                           progress={"answers": []})
            )  # fmt: skip
    response = client.post(f"/metingen/{mid}/respondenten", data={"csrf_token": csrf, "name": "Eva", "days": "3"})
    assert "hoogstens 200 respondenten" in response.text
    assert client.get(f"/metingen/{mid}/resultaat").status_code == 200


def test_a_stored_case_that_no_longer_validates_is_a_page_naming_the_field(db):
    from samenwerkwijzer.web._models import Measurement

    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case_with_people())
    with db.writing() as s:
        s.get(Measurement, mid).letter = {"advisor": "Anna\x1b"}
    for path in (f"/metingen/{mid}/resultaat", f"/metingen/{mid}/advies.yaml", f"/metingen/{mid}/advies.docx"):
        response = client.get(path)
        assert response.status_code == 422 and response.headers["content-type"].startswith("text/html"), path
        assert "De naam van de adviseur in de briefgegevens bevat een onzichtbaar stuurteken" in response.text
        assert f'href="/metingen/{mid}/brief"' in response.text


# --- User templates stay in their folder (defect 5) ---------------------------------------------------------


@pytest.fixture(scope="module")
def example_advice():
    from samenwerkwijzer import diagnose, load_case

    return diagnose(load_case(EXAMPLES / "respondenten.yaml"))


@pytest.mark.parametrize(
    "name", [".ssh/id_rsa", "wortel/etc/hostname", "gelinkt.txt", "sub/../.verborgen", "map/.git/config"]
)
def test_a_user_template_cannot_include_hidden_files_or_links(tmp_path, example_advice, name):
    from samenwerkwijzer import InputError
    from samenwerkwijzer.render._usertemplate import render_with_template

    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM", encoding="utf-8")
    folder = tmp_path / "sjablonen"
    (folder / ".ssh").mkdir(parents=True)
    (folder / ".ssh" / "id_rsa").write_text("GEHEIM", encoding="utf-8")
    (folder / ".verborgen").write_text("GEHEIM", encoding="utf-8")
    (folder / "map" / ".git").mkdir(parents=True)
    (folder / "map" / ".git" / "config").write_text("GEHEIM", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "wortel").symlink_to("/")
    (folder / "gelinkt.txt").symlink_to(secret)
    (folder / "gewoon.txt").write_text("gewoon", encoding="utf-8")
    template = folder / "brief.j2"
    template.write_text('{% include "gewoon.txt" %}', encoding="utf-8")
    assert render_with_template(example_advice, template) == "gewoon"
    template.write_text('{% include "' + name + '" %}', encoding="utf-8")
    with pytest.raises(InputError) as refused:
        render_with_template(example_advice, template)
    assert "GEHEIM" not in str(refused.value)


# --- PDF conversions (defect 6) -----------------------------------------------------------------------------


def test_at_most_two_pdf_conversions_run_at_once(db, monkeypatch):
    from samenwerkwijzer.web import _results

    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case_with_people())
    started, release = threading.Semaphore(0), threading.Event()

    def slow_pdf(advice, **options):  # the logo and an edited text, as the page passes them
        started.release()
        release.wait(10)
        return b"%PDF-1.4"

    monkeypatch.setattr(_results, "render_pdf", slow_pdf)
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(client.get(f"/metingen/{mid}/advies.pdf").status_code))
               for _ in range(2)]  # fmt: skip
    for t in threads:
        t.start()
    assert started.acquire(timeout=10) and started.acquire(timeout=10)
    third = client.get(f"/metingen/{mid}/advies.pdf")
    assert third.status_code == 503 and third.headers["Retry-After"] == "30" and "twee PDF-brieven" in third.text
    release.set()
    for t in threads:
        t.join()
    assert answers == [200, 200]
    assert client.get(f"/metingen/{mid}/advies.pdf").status_code == 200


def _running_in_group(group: int) -> list[int]:
    """The processes of a process group that still run (a killed one may linger as a zombie)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[0] != "Z" and int(fields[2]) == group:
                found.append(int(stat.parent.name))
    return found


CONVERT = """
import sys
from samenwerkwijzer.render._pdf import docx_to_pdf
docx_to_pdf(open(sys.argv[1], "rb").read())
"""


def test_a_conversion_whose_process_is_killed_leaves_no_libreoffice_and_no_folder(tmp_path, example_advice):
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time

    from samenwerkwijzer import render_docx
    from samenwerkwijzer.render._pdf import sweep

    from ..conftest import skip_unless_installed

    if shutil.which("soffice") is None:
        skip_unless_installed("LibreOffice (libreoffice-writer-nogui)")
    letter = tmp_path / "brief.docx"
    letter.write_bytes(render_docx(example_advice))
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", CONVERT, str(letter)], env={**os.environ, "TMPDIR": str(temporary)}
    )
    deadline = time.monotonic() + 30
    while not list(temporary.glob("samenwerkwijzer-pdf-*/group")) and time.monotonic() < deadline:
        time.sleep(0.02)
    [group_file] = list(temporary.glob("samenwerkwijzer-pdf-*/group"))
    time.sleep(0.2)
    group = int(group_file.read_text())
    process.send_signal(signal.SIGKILL)
    process.wait()
    try:
        assert sweep(temporary) == 1
        assert not list(temporary.iterdir())
        deadline = time.monotonic() + 5
        while _running_in_group(group) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running_in_group(group)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)


# --- Client-made advice documents (defect 7) ----------------------------------------------------------------


def _broken_advices(advice) -> list[tuple[str, dict]]:
    import json

    base = json.loads(advice.model_dump_json())
    broken = []
    unknown_source = json.loads(json.dumps(base))
    unknown_source["sources"] = unknown_source["sources"][1:]
    broken.append(("a cited source is not listed", unknown_source))
    unknown_finding = json.loads(json.dumps(base))
    unknown_finding["findings"] = unknown_finding["findings"][1:]
    broken.append(("a named finding is not listed", unknown_finding))
    bad_value = json.loads(json.dumps(base))
    for fact in bad_value["facts"]:
        if fact["path"] == "context.type":
            fact["value"] = "x"
    broken.append(("a fact's value it cannot take", bad_value))
    no_reason = json.loads(json.dumps(base))
    no_reason["findings"][0]["reasons"] = []
    broken.append(("a finding without reason", no_reason))
    return broken


def test_client_made_advice_that_does_not_hold_together_is_refused(db, example_advice):
    from pydantic import ValidationError

    from samenwerkwijzer import Advice

    client = TestClient(create_app(db, require_login=False))
    intervention = example_advice.interventions[0].id
    for what, data in _broken_advices(example_advice):
        with pytest.raises(ValidationError, match="inconsistent"):
            Advice.model_validate(data)
        for path, body in (
            ("/api/v1/letter", data),
            ("/api/v1/letter?format=html", data),
            ("/api/v1/explain", {"advice": data, "intervention": intervention}),
            ("/api/v1/why-not", {"advice": data, "intervention": intervention}),
        ):
            response = client.post(path, json=body)
            assert response.status_code == 422, (what, path, response.text)
            assert response.json()["type"].endswith("advies-ongeldig"), (what, path)


# --- PostgreSQL: concurrent measurements, ids, migrations (defects 8 and 9) ---------------------------------


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    from ..webkit import postgres_server

    with postgres_server() as url:
        yield url


def _fresh_database(url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


def test_twelve_new_measurements_at_once_on_postgresql(postgres):
    database = Database(_fresh_database(postgres, "metingen"))
    try:
        app = create_app(database, require_login=False)
        client = TestClient(app)
        mid = import_case(client, _case_with_people())
        cid = int(re.search(r"/samenwerkingen/(\d+)", client.get(f"/metingen/{mid}/resultaat").text).group(1))
        csrf = csrf_of(client.get(f"/samenwerkingen/{cid}").text)
        start = threading.Barrier(12)
        codes: list[int] = []

        def new() -> None:
            start.wait()
            answer = client.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf}, follow_redirects=False)
            codes.append(answer.status_code)

        threads = [threading.Thread(target=new) for _ in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert codes == [303] * 12
        page = client.get(f"/samenwerkingen/{cid}").text
        assert "meting 13" in page.lower() or page.count("/resultaat") >= 13
    finally:
        database.dispose()


@pytest.mark.parametrize("number", ["9223372036854775808", "99999999999999999999", "2147483648", "0"])
def test_an_id_out_of_range_in_an_address_is_a_page_that_does_not_exist(postgres, number):
    database = Database(postgres)
    try:
        client = TestClient(create_app(database, require_login=False))
        for path in (f"/metingen/{number}/resultaat", f"/samenwerkingen/{number}", f"/metingen/{number}/advies.yaml"):
            response = client.get(path)
            assert response.status_code == 404 and "bestaat niet" in response.text, path
    finally:
        database.dispose()


def test_servers_starting_at_once_on_an_empty_postgresql_database_all_start(postgres):
    import subprocess
    import sys

    url = _fresh_database(postgres, "leeg")
    code = "import sys; from samenwerkwijzer.web import Database; Database(sys.argv[1]).dispose()"
    processes = [
        subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True) for _ in range(4)
    ]
    failures = [p.communicate(timeout=60)[1] for p in processes if p.wait(60) != 0]
    assert failures == []


def test_a_huge_measurement_id_on_the_classroom_page_is_not_found(postgres):
    database = Database(postgres)
    try:
        client = TestClient(create_app(database, require_login=False))
        for number in ("2147483648", "9223372036854775808", "99999999999999999999999"):
            response = client.get(f"/les?casus=meting-{number}")
            assert response.status_code == 404, (number, response.status_code)
    finally:
        database.dispose()
