"""Anonymity by design and the AVG (issue 23): respondents' answers shown only from three respondents on,
counted per answer with the advisor's own apart; the privacy page; deleting a collaboration, a measurement or
a respondent's answers leaves no row (SQLite and PostgreSQL); the retention period; the export of everything."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
import yaml
from sqlalchemy import inspect, select, text

from samenwerkwijzer.web import Database, create_app, purge_expired
from samenwerkwijzer.web._models import Measurement, Respondent
from samenwerkwijzer.web._security import now

from ..conftest import EXAMPLES
from ..webkit import TestClient, csrf_of, import_case, postgres_server

PEOPLE = {"GGD Oost": "Anna de Vries", "Woonstichting Oost": "Bert Jansen", "Gemeente Oostdam": "Carla Smit"}


def _case(respondents: int = 3) -> bytes:
    data = yaml.safe_load((EXAMPLES / "respondenten.yaml").read_text(encoding="utf-8"))
    for respondent in data["respondents"]:
        respondent["name"] = PEOPLE[respondent["name"]]
    data["respondents"] = data["respondents"][:respondents]
    return yaml.safe_dump(data, allow_unicode=True).encode()


@pytest.fixture(params=["sqlite", "postgresql"], scope="module")
def database_url(request, tmp_path_factory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('avg') / 'web.db'}"
    else:
        with postgres_server() as url:
            yield url


@pytest.fixture
def db(database_url) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    with database.writing() as s:  # each test starts from an empty database
        for table in ("respondents", "measurements", "collaborations", "web_sessions"):
            s.execute(text(f"DELETE FROM {table}"))
    database.dispose()


def _rows_naming(db: Database, *needles: str) -> list[str]:
    """Every table row, in any table, that holds one of ``needles`` (a name, a collaboration's name)."""
    found = []
    with db.reading() as s:
        tables = inspect(s.get_bind()).get_table_names()
        for table in tables:
            for row in s.execute(text(f"SELECT * FROM {table}")):
                dumped = json.dumps([str(v) for v in row], ensure_ascii=False)
                found += [f"{table}: {n}" for n in needles if n in dumped]
    return found


def _count(db: Database, table: str) -> int:
    with db.reading() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


# --- Anonymity by design ------------------------------------------------------------------------------------


def test_no_table_of_respondents_answers_until_three_have_answered(db):
    client = TestClient(create_app(db, require_login=False))
    two = client.get(f"/metingen/{import_case(client, _case(2))}/resultaat").text
    assert 'id="verschillen"' not in two
    three = client.get(f"/metingen/{import_case(client, _case(3))}/resultaat").text
    assert 'id="verschillen"' in three and "Aantal respondenten" in three
    assert not any(name in three for name in PEOPLE.values())
    # The minimum is a setting, never below three.
    strict = TestClient(create_app(db, require_login=False, min_respondents=4))
    assert 'id="verschillen"' not in strict.get(f"/metingen/{import_case(strict, _case(3))}/resultaat").text
    lax = TestClient(create_app(db, require_login=False, min_respondents=1))
    assert 'id="verschillen"' not in lax.get(f"/metingen/{import_case(lax, _case(2))}/resultaat").text


def test_web_respondents_answers_count_only_from_three_on(db):
    from samenwerkwijzer.web._cases import case_data

    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case(0))
    with db.writing() as s:
        measurement = s.get(Measurement, mid)
        for n in range(2):
            measurement.respondents.append(
                Respondent(name=f"R{n}", token_hash=f"{n:064x}", expires_at=now(), revoked=False,
                           base={"name": "x"}, progress={"answers": [["observations.climate.declared", "conflict"]]})
            )  # fmt: skip
    with db.reading() as s:
        assert "respondents" not in case_data(s.get(Measurement, mid)) or not case_data(s.get(Measurement, mid)).get(
            "respondents"
        )
    page = client.get(f"/metingen/{mid}/resultaat").text
    assert "minstens drie hebben geantwoord" in page


# --- The privacy page -----------------------------------------------------------------------------------------


def test_the_privacy_page_is_linked_from_every_page_and_names_the_contact(db):
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case())
    for path in ("/", f"/metingen/{mid}/resultaat", f"/metingen/{mid}/respondenten", f"/metingen/{mid}/brief"):
        assert 'href="/privacy"' in client.get(path).text, path
    page = client.get("/privacy").text
    assert "Wat wordt bewaard" in page and "driehonderdvijfenzestig" not in page
    from samenwerkwijzer.web import ServerSettings

    settings = ServerSettings(privacy_contact="de functionaris gegevensbescherming, privacy@oostdam.nl")
    hosted = TestClient(create_app(db, require_login=False, settings=settings))
    assert "privacy@oostdam.nl" in hosted.get("/privacy").text


# --- Deleting, keeping, exporting -----------------------------------------------------------------------------


def _with_respondents(client: TestClient, db: Database) -> tuple[int, int]:
    mid = import_case(client, _case())
    page = client.get(f"/metingen/{mid}/respondenten").text
    for name in ("Dirk Dekker", "Eva Evers"):
        client.post(f"/metingen/{mid}/respondenten", data={"csrf_token": csrf_of(page), "name": name, "days": "3"})
    cid = int(re.search(r"/samenwerkingen/(\d+)", client.get(f"/metingen/{mid}/resultaat").text).group(1))
    return cid, mid


def test_deleting_a_collaboration_asks_first_and_leaves_no_row(db):
    client = TestClient(create_app(db, require_login=False))
    cid, mid = _with_respondents(client, db)
    csrf = csrf_of(client.get(f"/samenwerkingen/{cid}/verwijderen").text)
    client.post(f"/samenwerkingen/{cid}/verwijderen", data={"csrf_token": csrf})  # not confirmed
    assert _count(db, "collaborations") == 1
    client.post(f"/samenwerkingen/{cid}/verwijderen", data={"csrf_token": csrf, "bevestig": "ja"})
    assert _count(db, "collaborations") == _count(db, "measurements") == _count(db, "respondents") == 0
    assert _rows_naming(db, "Dirk Dekker", "Eva Evers", "Wijkalliantie", "Anna de Vries") == []
    assert client.get(f"/metingen/{mid}/resultaat").status_code == 404


def test_deleting_a_measurement_or_a_respondent_removes_their_rows(db):
    client = TestClient(create_app(db, require_login=False))
    cid, mid = _with_respondents(client, db)
    csrf = csrf_of(client.get(f"/samenwerkingen/{cid}").text)
    with db.reading() as s:
        rid = s.scalar(text("SELECT id FROM respondents WHERE name = 'Dirk Dekker'"))
    confirm = client.get(f"/metingen/{mid}/respondenten/{rid}/verwijderen").text
    assert "Dirk Dekker" in confirm
    client.post(f"/metingen/{mid}/respondenten/{rid}/verwijderen", data={"csrf_token": csrf, "bevestig": "ja"})
    assert _rows_naming(db, "Dirk Dekker") == [] and _count(db, "respondents") == 1
    # A new round carries Eva's link over: that round's row is hers in the new round, apart from the first's.
    client.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf})
    assert _count(db, "respondents") == 2
    client.post(f"/metingen/{mid}/verwijderen", data={"csrf_token": csrf, "bevestig": "ja"})
    assert _count(db, "measurements") == 1 and _count(db, "respondents") == 1
    with db.reading() as s:  # what is left is the new round's, with no answer of the deleted round
        left = s.scalar(select(Respondent))
        assert left is not None and left.measurement_id != mid and left.progress["answers"] == []


def test_purge_removes_what_is_past_the_retention_period(db):
    client = TestClient(create_app(db, require_login=False))
    cid, mid = _with_respondents(client, db)
    assert purge_expired(db, 30) == 0 and _count(db, "measurements") == 1
    with db.writing() as s:
        s.get(Measurement, mid).created_at = now() - timedelta(days=31)
    assert purge_expired(db, 30) == 1
    assert _count(db, "collaborations") == _count(db, "measurements") == _count(db, "respondents") == 0


def test_the_export_holds_everything_stored_without_respondents_names(db):
    client = TestClient(create_app(db, require_login=False))
    cid, mid = _with_respondents(client, db)
    exported = client.get(f"/samenwerkingen/{cid}/gegevens.json")
    assert exported.status_code == 200 and "attachment" in exported.headers["content-disposition"]
    data = exported.json()
    assert data["samenwerking"] == "Wijkalliantie Gezond Oost"
    assert [r["naam"] for r in data["metingen"][0]["respondenten"]] == ["Respondent 1", "Respondent 2"]
    assert not any(name in exported.text for name in [*PEOPLE.values(), "Dirk Dekker", "Eva Evers"])


def test_serve_purge_removes_old_measurements_from_the_command_line(db, database_url):
    from click.testing import CliRunner

    from samenwerkwijzer.cli import app

    client = TestClient(create_app(db, require_login=False))
    cid, mid = _with_respondents(client, db)
    with db.writing() as s:
        s.get(Measurement, mid).created_at = now() - timedelta(days=400)
    done = CliRunner().invoke(app, ["serve", "--database", database_url, "--purge"])
    assert done.exit_code == 0 and "Een meting ouder dan 365 dagen verwijderd." in done.output, done.output
    assert _count(db, "respondents") == 0 and _rows_naming(db, "Dirk Dekker") == []


def test_signs_are_counted_per_sign_and_the_advisors_own_answer_is_apart(db):
    data = yaml.safe_load(_case(3))
    signs = [
        ["afspraken_afgezegd", "direct_verdedigen", "geremd_voelen"],
        ["afspraken_afgezegd"],
        ["direct_verdedigen"],
    ]
    for respondent, chosen in zip(data["respondents"], signs, strict=True):
        respondent["observations"]["climate"]["signs"] = chosen
    data.setdefault("observations", {}).setdefault("climate", {})["signs"] = ["geremd_voelen"]
    client = TestClient(create_app(db, require_login=False))
    page = client.get(
        f"/metingen/{import_case(client, yaml.safe_dump(data, allow_unicode=True).encode())}/resultaat"
    ).text
    section = page.split('id="verschillen"', 1)[1].split("</section>", 1)[0]
    rows = dict(re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td>", section))
    # Each sign in the thermometer's words, counted per sign, the advisor's own apart.
    assert rows["afspraken worden makkelijk afgezegd"] == "2"
    assert rows["de partners hebben de neiging zich direct te verdedigen"] == "2"
    assert rows["de partners voelen zich geremd en letten op wat zij zeggen"] == "1"
    assert not any("," in value for value in rows)  # no combination that singles one respondent out
    assert "Uw eigen antwoord (adviseur): de partners voelen zich geremd en letten op wat zij zeggen." in section


def test_the_result_page_shows_the_bands_only_when_no_one_respondent_can_be_read_from_them(db):
    client = TestClient(create_app(db, require_login=False))
    data = {"name": "Het Netwerk Oost", "observations": {"statements": {"regie_clear": 2, "energy_holds": 3}}}
    alone = client.get(f"/metingen/{import_case(client, yaml.safe_dump(data).encode())}/resultaat").text
    assert (
        "De stellingen in banden" in alone
        and "<td>Betekenisgevend proces</td><td>zorg</td><td>2,5</td><td>1</td>" in alone
    )
    data["respondents"] = [{"name": "Anna", "observations": {"statements": {"regie_clear": 5}}}]
    one = client.get(f"/metingen/{import_case(client, yaml.safe_dump(data).encode())}/resultaat").text
    assert "De stellingen in banden" not in one  # one respondent: the mean would give away her score


def test_an_imported_file_cannot_turn_on_naming_the_respondents(db):
    """Red team N1: disclosure is the advisor's choice on the page before the round, never a case file's."""
    data = yaml.safe_load(_case(3))
    data["disclose_respondents"] = True
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, yaml.safe_dump(data, allow_unicode=True).encode())
    for path in (f"/metingen/{mid}/resultaat", f"/metingen/{mid}/advies.yaml", f"/metingen/{mid}/advies.json"):
        shown = client.get(path).text
        assert not any(name in shown for name in PEOPLE.values()), path


def test_a_respondent_who_only_skipped_does_not_count_towards_the_minimum(db):
    """Red team N3: 'weet ik niet' alone does not make one of the three that protect each other."""
    from samenwerkwijzer.web._cases import answered

    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case(0))
    with db.writing() as s:
        measurement = s.get(Measurement, mid)
        for n, answers in enumerate(([["statements.shared_goal", None]], [["statements.shared_goal", 2]])):
            measurement.respondents.append(
                Respondent(name=f"R{n}", token_hash=f"{n + 7:064x}", expires_at=now(), revoked=False,
                           base={"name": "x"}, progress={"answers": answers})
            )  # fmt: skip
    with db.reading() as s:
        assert [r.name for r in answered(s.get(Measurement, mid))] == ["R1"]


def test_the_partners_page_shows_the_group_picture_and_the_priorities_never_an_individual_answer(db):
    """Issue 24: a read-only page for the partners, by a link the advisor makes; no individual answers."""
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case(3))
    result = client.get(f"/metingen/{mid}/resultaat").text
    made = client.post(f"/metingen/{mid}/delen", data={"csrf_token": csrf_of(result)}).text
    link = re.search(r'id="deellink" class="link-field" value="([^"]+)"', made).group(1)
    path = "/delen/" + link.rsplit("/delen/", 1)[1]
    partners = TestClient(create_app(db, require_login=False))  # another browser: no advisor's session
    shared = partners.get(path)
    assert shared.status_code == 200 and "De prioriteiten" in shared.text and "Profiel per voorwaarde" in shared.text
    assert shared.headers["Cache-Control"] == "no-store"
    assert not any(name in shared.text for name in PEOPLE.values())
    assert "Waar de respondenten verschillend antwoorden" not in shared.text
    assert "Aantal respondenten" not in shared.text
    assert "csrf_token" not in shared.text  # read-only: no form
    # A new link ends the old one.
    again = client.post(f"/metingen/{mid}/delen", data={"csrf_token": csrf_of(result)})
    assert again.status_code == 200 and partners.get(path).status_code == 404
    assert partners.get("/delen/" + "x" * 500).status_code == 404
