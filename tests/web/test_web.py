"""The web application in process (FastAPI's test client, SQLite): the advisor's flow, the survey, the results,
measurements over time, the API, and what the CLI and the web share (the same case gives the same advice)."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from sqlalchemy import update

from samenwerkwijzer import InputError, case_from_data, diagnose, load_case
from samenwerkwijzer.cli import app
from samenwerkwijzer.intake import Intake
from samenwerkwijzer.web import Database, WebError, create_app
from samenwerkwijzer.web._models import Respondent

from ..conftest import EXAMPLES, skip_unless_installed
from ..webkit import (
    ADVISOR_ANSWERS,
    ALERT,
    TestClient,
    csrf_of,
    current_question,
    drive,
    import_case,
    invite,
    new_collaboration,
    respondent_answers,
    sqlite_database,
)

CLIMATE = "observations.climate.declared"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sqlite_database(tmp_path / "web.db")
    yield database
    database.dispose()


@pytest.fixture
def client(db: Database) -> Iterator[TestClient]:
    # One event loop for all of a test's requests (a test client outside a with block starts one per request).
    with TestClient(create_app(db, require_login=False)) as started:
        yield started


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> Iterator[tuple[TestClient, int, list[str]]]:
    """One advisor's intake, answered through the forms to the end (shared: it takes the most requests)."""
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}")
    with TestClient(create_app(database, require_login=False)) as client:
        mid = new_collaboration(client, str(ADVISOR_ANSWERS["name"]))
        lines = drive(client, f"/metingen/{mid}/intake", ADVISOR_ANSWERS)
        yield client, mid, [str(ADVISOR_ANSWERS["name"]), *lines]
    database.dispose()


def test_the_same_case_through_the_browser_and_the_cli_intake_gives_byte_identical_advice(finished, tmp_path):
    client, mid, lines = finished
    web_json = client.get(f"/metingen/{mid}/advies.json").text
    answers = tmp_path / "antwoorden.txt"
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    case = tmp_path / "casus.yaml"
    runner = CliRunner()
    made = runner.invoke(app, ["intake", "-o", str(case), "--answers", str(answers)])
    assert made.exit_code == 0, made.output
    cli_json = runner.invoke(app, ["diagnose", str(case), "--format", "json"])
    assert cli_json.exit_code == 0, cli_json.output
    assert web_json == cli_json.stdout
    assert json.loads(web_json)["interventions"], "the case should lead to advice"
    # The exported case file is the one the CLI reads, and gives the same advice again.
    exported = tmp_path / "export.yaml"
    exported.write_bytes(client.get(f"/metingen/{mid}/advies.yaml").content)
    assert runner.invoke(app, ["diagnose", str(exported), "--format", "json"]).stdout == web_json


def test_the_intake_form_shows_progress_and_why_saves_every_answer_and_resumes(db, client):
    mid = new_collaboration(client, "Buurtnetwerk")
    page = client.get(f"/metingen/{mid}/intake").text
    assert re.search(r"vraag 2 van ongeveer \d{2}", page)
    assert "Waarom deze vraag?" in page and current_question(page) == "description"
    assert '<p class="why">Waarom deze vraag?' not in page  # the summary asks it; the text answers
    drive_part = {"description": "Een buurtnetwerk.", "context.domain": "welzijn", "partners": "Gemeente X (gemeente)"}
    for key in ("description", "context.domain", "partners"):
        page = client.post(
            f"/metingen/{mid}/intake",
            data={"csrf_token": csrf_of(page), "step": key, "action": "answer", "answer": drive_part[key]},
        ).text
    assert current_question(page) == "context.type"
    # Another browser (a new app on the same database): the intake continues where it was.
    other = TestClient(create_app(db, require_login=False))
    resumed = other.get(f"/metingen/{mid}/intake").text
    assert current_question(resumed) == "context.type" and "Een buurtnetwerk." in resumed
    # A choice: radio buttons with labels, no codes; an answer that does not fit is refused in Dutch.
    assert 'type="radio" name="answer" value="integraal"' in resumed
    refused = other.post(
        f"/metingen/{mid}/intake",
        data={"csrf_token": csrf_of(resumed), "step": "context.type", "action": "answer", "answer": "iets"},
    ).text
    assert "geen van de mogelijke antwoorden" in ALERT.search(refused).group(1)
    assert current_question(refused) == "context.type"
    # Back: the last answer is undone and offered again, filled in.
    back = other.post(
        f"/metingen/{mid}/intake", data={"csrf_token": csrf_of(refused), "step": "context.type", "action": "back"}
    ).text
    assert current_question(back) == "partners" and "Gemeente X (gemeente)" in back
    # A form posted twice (a second window) records nothing the second time.
    stale = other.post(
        f"/metingen/{mid}/intake",
        data={"csrf_token": csrf_of(back), "step": "context.type", "action": "answer", "answer": "integraal"},
    ).text
    assert "al beantwoord" in stale and current_question(stale) == "partners"


def test_a_refused_checklist_keeps_its_ticks(client):
    """Two situations that contradict each other are refused; the checklist comes back with what was ticked, so the
    advisor corrects one tick instead of ticking everything again (the walk of 2026-12-07)."""
    mid = new_collaboration(client, "Buurtnetwerk")
    page = client.get(f"/metingen/{mid}/intake").text
    while (key := current_question(page)) != "signals":
        action = {"action": "answer", "answer": "Gemeente X (gemeente)"} if key == "partners" else {"action": "skip"}
        page = client.post(f"/metingen/{mid}/intake", data={"csrf_token": csrf_of(page), "step": key, **action}).text
    ticked = ["board_support_missing", "board_support_visible", "funding_cut"]
    refused = client.post(
        f"/metingen/{mid}/intake",
        data={"csrf_token": csrf_of(page), "step": "signals", "action": "answer", "answer": ticked},
    ).text
    assert "spreken elkaar tegen" in ALERT.search(refused).group(1)
    assert current_question(refused) == "signals"
    for signal in ticked:
        assert f'type="checkbox" name="answer" value="{signal}" checked' in refused, signal
    assert 'value="ending" checked' not in refused


def test_the_intake_skips_what_the_cli_intake_skips(finished):
    """One implementation of which questions still matter: the library's Intake decides for both."""
    client, mid, _ = finished
    replayed = Intake()
    for line in [str(ADVISOR_ANSWERS["name"])]:
        replayed.respond(line)
    while replayed.current is not None:
        value = ADVISOR_ANSWERS.get(replayed.current.key)
        replayed.respond("-" if value is None else value if isinstance(value, str) else ", ".join(value))
    yaml_case = yaml.safe_load(client.get(f"/metingen/{mid}/advies.yaml").text)
    assert yaml_case == json.loads(json.dumps(replayed.case_data(), default=str))
    assert "observations.funding.end_date" not in replayed.asked  # no subsidy: its end is not asked


def test_respondents_answer_through_their_own_links_and_the_advisor_sees_the_divergence(finished):
    client, mid, _ = finished
    names = ("Gemeente Oostdam", "GGD Oost", "Woonstichting Oost")
    links = {name: invite(client, mid, name, partner=name) for name in names}
    climates = {"Gemeente Oostdam": "waakzaam", "GGD Oost": "waakzaam", "Woonstichting Oost": "conflict"}
    for n, (name, link) in enumerate(links.items()):
        with TestClient(client.app) as respondent:
            page = respondent.get(link).text
            assert "vraag 1 van ongeveer" in page and name in page
            # The first answers every question; the others stop after the climate (answers are kept as given).
            drive(respondent, link, respondent_answers(climates[name]), until=None if n == 0 else CLIMATE)
            assert ("Dank u wel" in respondent.get(link).text) == (n == 0)
    status = client.get(f"/metingen/{mid}/respondenten").text
    assert status.count(">klaar<") == 1 and status.count(">bezig<") == 2
    assert "conflict" not in status  # who answered, not what
    advice = json.loads(client.get(f"/metingen/{mid}/advies.json").text)
    # Exactly as the library computes it for the same respondents added with `intake --respondent`.
    data = yaml.safe_load(client.get(f"/metingen/{mid}/advies.yaml").text)
    base = {k: v for k, v in data.items() if k != "respondents"}
    for name in links:
        intake = Intake({**base, "respondents": [{"name": name, "partner": name}]}, respondent=name)
        while intake.current is not None:
            key = intake.current.key
            value = respondent_answers(climates[name]).get(key)
            intake.respond("-" if value is None else str(value))
            if key == CLIMATE and name != names[0]:
                break
        base = intake.merged_into(base) or base
    expected = json.loads(diagnose(case_from_data(base)).model_dump_json())
    assert advice["divergences"] == expected["divergences"] and advice["divergences"]
    result = client.get(f"/metingen/{mid}/resultaat").text
    assert "Waar de respondenten verschillend antwoorden" in result and "conflict" in result
    word = docx.Document(io.BytesIO(client.get(f"/metingen/{mid}/advies.docx").content))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Verschillen tussen de partners" in text or "verschillend" in text


def test_closing_the_round_stops_changes_and_a_revoked_or_expired_link_stops_working(client):
    mid = import_case(client, (EXAMPLES / "gecombineerd.yaml").read_bytes())
    link = invite(client, mid, "Anna")
    page = client.get(link).text
    first = current_question(page)
    respondents = client.get(f"/metingen/{mid}/respondenten").text
    client.post(f"/metingen/{mid}/ronde", data={"csrf_token": csrf_of(respondents), "closed": "ja"})
    closed = client.post(link, data={"csrf_token": csrf_of(page), "step": first, "action": "answer", "answer": "ja"})
    assert "De ronde is gesloten" in closed.text and current_question(closed.text) is None
    rid = re.search(r"/respondenten/(\d+)/intrekken", respondents).group(1)
    client.post(f"/metingen/{mid}/respondenten/{rid}/intrekken", data={"csrf_token": csrf_of(respondents)})
    revoked = client.get(link)
    assert revoked.status_code == 404
    # A partner's error page sends them to the advisor, never to the advisor's overview (the walk of 2026-12-07).
    assert 'href="/"' not in revoked.text.split("<main", 1)[-1] and "Vraag de adviseur" in revoked.text
    expired = invite(client, mid, "Bert", days=1)
    assert client.get(expired).status_code == 200
    with client.app.state.sww.db.writing() as s:
        s.execute(update(Respondent).where(Respondent.name == "Bert").values(expires_at=datetime(2000, 1, 1)))
    assert client.get(expired).status_code == 404
    assert client.get("/r/" + "A" * 43).status_code == 404


def test_a_new_measurement_keeps_the_earlier_one_and_the_timeline_compares_them(finished):
    client, mid, _ = finished
    page = client.get(f"/metingen/{mid}/resultaat").text
    cid = re.search(r'href="/samenwerkingen/(\d+)"', page).group(1)
    overview = client.get(f"/samenwerkingen/{cid}").text
    second = client.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf_of(overview)})
    mid2 = int(re.search(r"/metingen/(\d+)/intake", str(second.url)).group(1))
    assert mid2 != mid and 'value="Gemeente, GGD' in second.text  # the description is offered, filled in
    # Answered up to the climate only: the rest stays unanswered (the intake can be left at any question).
    drive(client, f"/metingen/{mid2}/intake", ADVISOR_ANSWERS | {CLIMATE: "conflict"}, until=CLIMATE)
    timeline = client.get(f"/samenwerkingen/{cid}/verloop").text
    assert "Meting 1" in timeline and "Meting 2" in timeline and timeline.count("<svg") == 2
    assert "Wat veranderde van meting 1 naar meting 2" in timeline and "conflict" in timeline
    first, later = (client.get(f"/metingen/{m}/advies.json").json() for m in (mid, mid2))
    assert first["facts"] != later["facts"]


def test_a_case_file_from_the_cli_is_imported_and_shown(client):
    source = EXAMPLES / "respondenten.yaml"
    home = client.get("/").text
    response = client.post(
        "/samenwerkingen/importeren",
        data={"csrf_token": csrf_of(home)},
        files={"case": ("respondenten.yaml", source.read_bytes(), "application/yaml")},
    )
    assert response.status_code == 200 and "Profiel per voorwaarde" in response.text
    mid = re.search(r"/metingen/(\d+)/advies.json", response.text).group(1)
    expected = diagnose(load_case(source)).model_dump_json(indent=2) + "\n"
    assert client.get(f"/metingen/{mid}/advies.json").text == expected
    assert "<svg" in response.text
    bad = client.post(
        "/samenwerkingen/importeren",
        data={"csrf_token": csrf_of(home)},
        files={"case": ("x.yaml", b"name: x\nunknown_field: 1\n", "application/yaml")},
    )
    assert bad.status_code == 422 and "niet geldig" in bad.text


def test_the_result_page_shows_the_profile_findings_interventions_sources_and_what_is_not_advised(client):
    combined = (EXAMPLES / "gecombineerd.yaml").read_bytes()
    response = client.post(
        "/samenwerkingen/importeren",
        data={"csrf_token": csrf_of(client.get("/").text)},
        files={"case": ("gecombineerd.yaml", combined, "application/yaml")},
    )
    page = response.text
    advice = diagnose(load_case(EXAMPLES / "gecombineerd.yaml"))
    for condition in advice.conditions:
        assert f"{condition.title}: {condition.status}." in page
    assert page.count('<article class="intervention card">') == len(advice.interventions)
    assert advice.interventions[0].title in page and "Waarom dit advies?" in page and "Bronnen" in page
    if advice.suppressed:
        assert "Bewust niet geadviseerd" in page and advice.suppressed[0].title in page
    assert ".txt" not in page  # sources by title, never a file name
    for fmt, start in (("md", b"# Advies"), ("html", b"<!doctype html"), ("docx", b"PK")):
        body = client.get(re.search(rf'href="(/metingen/\d+/advies\.{fmt})"', page).group(1)).content
        assert body.lower().startswith(start.lower()), fmt


def test_the_api_diagnoses_a_case_and_answers_errors_in_dutch_json(client):
    case = yaml.safe_load((EXAMPLES / "gecombineerd.yaml").read_text(encoding="utf-8"))
    response = client.post("/api/v1/diagnose", content=json.dumps(case, default=str))
    assert response.status_code == 200
    assert response.text == diagnose(case_from_data(case)).model_dump_json(indent=2) + "\n"
    wrong = client.post("/api/v1/diagnose", content=b'{"name": "x", "partners": [{"name": "a", "kind": "planeet"}]}')
    assert wrong.status_code == 422
    body = wrong.json()
    assert body["fout"].startswith("De casus is ongeldig") and body["problemen"][0]["plaats"].startswith("partners")
    assert client.post("/api/v1/diagnose", content=b"not json").status_code == 422


def test_the_progress_estimate_ends_on_the_number_of_questions_asked():
    """ "vraag 12 van ongeveer 40": the estimate never counts fewer than asked, and is exact at the end."""
    intake = Intake()
    estimates = []
    while intake.current is not None:
        estimates.append(intake.estimated_total())
        assert estimates[-1] >= len(intake.asked) + 1
        value = ADVISOR_ANSWERS.get(intake.current.key)
        intake.respond("-" if value is None else value if isinstance(value, str) else ", ".join(value))
    assert intake.estimated_total() == len(intake.asked)
    assert abs(estimates[0] - len(intake.asked)) <= len(intake.asked) // 2


def test_a_database_that_cannot_be_reached_is_a_clear_error(tmp_path):
    with pytest.raises(WebError, match="kan de database niet openen"):
        Database(f"sqlite:///{tmp_path / 'geen-map' / 'web.db'}")
    with pytest.raises(InputError):
        Database("mysql://iemand@ergens/db")


def test_a_mistyped_address_is_a_dutch_page(client):
    response = client.get("/metingen/geen-getal/intake")
    assert response.status_code == 404 and "Deze pagina bestaat niet." in response.text
    assert client.get("/bestaat-niet").status_code == 404
    assert "Deze pagina bestaat niet." in client.get("/bestaat-niet").text


def test_the_letter_downloads_as_pdf_where_libreoffice_is_installed(client, monkeypatch):
    mid = import_case(client, (EXAMPLES / "gecombineerd.yaml").read_bytes())
    if shutil.which("soffice") is None:
        skip_unless_installed("LibreOffice (libreoffice-writer-nogui)")
    pdf = client.get(f"/metingen/{mid}/advies.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # Without LibreOffice, the advisor reads why in Dutch instead of a broken download.
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    missing = client.get(f"/metingen/{mid}/advies.pdf")
    assert missing.status_code == 503 and "LibreOffice" in missing.text and "Word-brief" in missing.text


def test_a_new_round_carries_the_respondents_links_over_with_their_answers_filled_in(tmp_path):
    """Issue 21: a repeated measurement starts from the previous answers; the respondents' links open the new
    round, with their earlier scores filled in to confirm or change."""
    database = sqlite_database(tmp_path / "web.db")
    with TestClient(create_app(database, require_login=False)) as client:
        mid = import_case(client, b"name: Het Netwerk Oost\n")
        link = invite(client, mid, "Anna")
        page = client.get(link).text
        key = current_question(page)
        client.post(link, data={"csrf_token": csrf_of(page), "step": key, "action": "answer", "answer": "2"})
        overview = client.get(f"/metingen/{mid}/resultaat").text
        cid = re.search(r'href="/samenwerkingen/(\d+)"', overview).group(1)
        home = client.get(f"/samenwerkingen/{cid}").text
        second = client.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf_of(home)})
        mid2 = int(re.search(r"/metingen/(\d+)/", str(second.url)).group(1))
        again = client.get(link).text  # the same link, the new round
        assert current_question(again) == key and 'value="2" checked' in again
        assert "Anna" in client.get(f"/metingen/{mid2}/respondenten").text
        # The first round keeps its answer.
        with database.reading() as s:
            from samenwerkwijzer.web._models import Measurement

            first = s.get(Measurement, mid)
            assert [r.progress["answers"] for r in first.respondents] == [[[key, 2]]]
    database.dispose()


def test_the_summary_of_answers_names_checklist_items_by_their_sentences():
    """walk8 #7: "Uw antwoorden tot nu toe" listed the checklist as "funding ultimatum, low trust, …"."""
    from types import SimpleNamespace

    from samenwerkwijzer.web._forms import answered_view

    labels = {
        "signals": {f"item_{n}": f"Zin nummer {n}." for n in range(20)} | {"low_trust": "Het vertrouwen is laag."}
    }
    answered = SimpleNamespace(answers=[("signals", ["low_trust", "item_3"])])  # answered_view reads only the answers
    [(key, _, shown)] = answered_view(answered, {}, labels)
    assert key == "signals" and shown == "Het vertrouwen is laag; Zin nummer 3"
