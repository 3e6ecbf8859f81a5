"""Meeting mode and the joint agenda (issue 26), in process: a session opened, phones joining by code and voting
(anonymous totals, the bounds, CSRF), the vote closed, three actions fixed; the agenda as Word, iCalendar and JSON
(with its schema); the code dead once the meeting ends; the follow-up at the next measurement."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from datetime import date, timedelta

import docx
import icalendar
import jsonschema
import pytest
from sqlalchemy import func, select, update

from samenwerkwijzer.web import Database, create_app
from samenwerkwijzer.web._agenda import band_sentence
from samenwerkwijzer.web._models import AgendaAction, Meeting, Participant, Vote
from samenwerkwijzer.web._session import ALPHABET, CODE_LENGTH

from ..webkit import ADVISOR_ANSWERS, TestClient, csrf_of, drive, new_collaboration, sqlite_database

PARTNERS = ["Gemeente Oostdam", "GGD Oost", "Woonstichting Oost"]
PHONES = 5


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('agenda') / 'web.db'}")
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def app(db):
    return create_app(db, require_login=False)


@pytest.fixture(scope="module")
def advisor(app) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="module")
def measured(advisor) -> int:
    mid = new_collaboration(advisor, str(ADVISOR_ANSWERS["name"]))
    drive(advisor, f"/metingen/{mid}/intake", ADVISOR_ANSWERS)
    return mid


def open_session(advisor: TestClient, mid: int) -> str:
    page = advisor.get(f"/metingen/{mid}/sessie")
    assert page.status_code == 200 and "Sessie openen" in page.text
    response = advisor.post(f"/metingen/{mid}/sessie", data={"csrf_token": csrf_of(page.text), "votes": "3"})
    assert response.status_code == 200
    found = re.search(r"code=([A-Z0-9]+)", str(response.url))
    assert found, response.url
    assert "<svg" in response.text and found.group(1) in response.text  # the QR code and the code itself
    return found.group(1)


def join(app, code: str) -> tuple[TestClient, str]:
    phone = TestClient(app)
    page = phone.get(f"/s/{code.lower()}")  # typed in lower case: the same code
    assert page.status_code == 200, page.text
    response = phone.post(f"/s/{code}", data={"csrf_token": csrf_of(page.text)})
    assert response.status_code == 200, response.text
    return phone, "/s/stem/" + str(response.url).rsplit("/s/stem/", 1)[1]


def test_a_meeting_from_joining_to_the_agenda_its_files_and_its_follow_up(app, advisor, measured, db):
    mid = measured
    code = open_session(advisor, mid)
    assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    with db.reading() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.measurement_id == mid))
        assert meeting is not None and code not in meeting.code_hash and len(meeting.code_hash) == 64
        ballot = [i["id"] for i in meeting.ballot["interventions"]]
    # Without the code in its address the presenter view shows no code, only the way to make a new one.
    assert code not in advisor.get(f"/metingen/{mid}/sessie").text
    phones = [join(app, code) for _ in range(PHONES)]
    # Five phones vote at the same moment: two votes for the first intervention, one for the second.
    start = threading.Barrier(PHONES)
    acknowledged: list[int] = []

    def vote(n: int) -> None:
        phone, link = phones[n]
        form = csrf_of(phone.get(link).text)
        start.wait()
        data = {"csrf_token": form, "stemmen-0": "2", "stemmen-1": "1", "eigenaar-0": PARTNERS[n % 3],
                "stap-0": f"Eerste stap {n}"}  # fmt: skip
        answer = phone.post(link, data=data)
        if answer.status_code == 200 and 'id="bewaard"' in answer.text:
            acknowledged.append(n)

    threads = [threading.Thread(target=vote, args=(n,)) for n in range(PHONES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(acknowledged) == list(range(PHONES))
    stand = advisor.get(f"/metingen/{mid}/sessie/stand").text
    totals = dict(re.findall(r'data-interventie="([^"]+)">(\d+)<', stand))
    assert totals[ballot[0]] == str(2 * PHONES) and totals[ballot[1]] == str(PHONES)
    assert 'hx-trigger="every 2s"' in stand and "Vijf deelnemers" in stand
    # Totals only: the stand names no phone and no link.
    assert "/s/stem/" not in stand
    # Too many votes are refused and change nothing; a form without its token is refused.
    phone, link = phones[0]
    token = csrf_of(phone.get(link).text)
    over = phone.post(link, data={"csrf_token": token, "stemmen-0": "3", "stemmen-1": "2"})
    assert over.status_code == 422
    assert phone.post(link, data={"stemmen-0": "1"}).status_code == 403
    assert (
        dict(re.findall(r'data-interventie="([^"]+)">(\d+)<', advisor.get(f"/metingen/{mid}/sessie/stand").text))
        == totals
    )
    # The bound on participants.
    with db.writing() as s:
        s.execute(update(Meeting).where(Meeting.measurement_id == mid).values(max_participants=PHONES))
    extra = TestClient(app)
    page = extra.get(f"/s/{code}")
    assert extra.post(f"/s/{code}", data={"csrf_token": csrf_of(page.text)}).status_code == 409
    # Close the vote: no more votes; then fix three actions.
    presenter = advisor.get(f"/metingen/{mid}/sessie?code={code}").text
    closed = advisor.post(f"/metingen/{mid}/sessie/sluiten", data={"csrf_token": csrf_of(presenter), "code": code})
    assert closed.status_code == 200 and "De agenda vastleggen" in closed.text
    assert phone.post(link, data={"csrf_token": token, "stemmen-0": "1"}).status_code == 409
    # The form starts with the most voted intervention and the owner most proposed.
    assert f'<option value="{ballot[0]}" selected>' in closed.text
    due = date.today() + timedelta(days=30)
    data = {"csrf_token": csrf_of(closed.text), "code": code}
    for n in (1, 2, 3):
        data |= {f"interventie-{n}": ballot[n - 1], f"actie-{n}": f"Actie {n}: samen aan de slag",
                 f"eigenaar-{n}": PARTNERS[n - 1], f"datum-{n}": (due + timedelta(days=n)).isoformat(),
                 f"succes-{n}": f"Teken {n}: de partners merken het, ook in Oost; echt."}  # fmt: skip
    too_few = advisor.post(
        f"/metingen/{mid}/sessie/agenda", data={k: v for k, v in data.items() if not k.endswith("-3")}
    )
    assert too_few.status_code == 422 and "tot" in too_few.text
    fixed = advisor.post(f"/metingen/{mid}/sessie/agenda", data=data)
    assert fixed.status_code == 200 and "Actie 1: samen aan de slag" in fixed.text
    # The meeting has ended: the code and the phones' links open nothing; only totals are kept.
    assert advisor.get(f"/s/{code}").status_code == 404
    assert phone.get(link).status_code == 404
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == 0
        assert s.scalar(select(func.count()).select_from(Vote)) == 0
        assert s.scalar(select(func.count()).select_from(AgendaAction)) == 3
    # The result page shows the agenda with its downloads.
    result = advisor.get(f"/metingen/{mid}/resultaat").text
    assert "De agenda van de partners" in result and f"/metingen/{mid}/agenda.ics" in result
    word = advisor.get(f"/metingen/{mid}/agenda.docx")
    assert word.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "Verbeteragenda" in text and "Waaraan merken we het? Teken 2" in text
    calendar = icalendar.Calendar.from_ical(advisor.get(f"/metingen/{mid}/agenda.ics").content)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert [e.decoded("DTSTART") for e in events] == [due + timedelta(days=n) for n in (1, 2, 3)]
    assert str(events[0]["SUMMARY"]) == "Actie 1: samen aan de slag"
    assert "Teken 1: de partners merken het, ook in Oost; echt." in str(events[0]["DESCRIPTION"])
    # For integrators: the agenda as JSON, valid against its schema.
    agenda = advisor.get(f"/api/v1/metingen/{mid}/agenda").json()
    schema = advisor.get("/api/v1/schema/agenda").json()
    jsonschema.validate(agenda, schema)
    assert [a["owner"] for a in agenda["actions"]] == PARTNERS and agenda["actions"][0]["review"] is None
    assert advisor.get("/api/v1/metingen/999999/agenda").status_code == 404
    # The export of everything stored holds the agenda, and no ballot.
    cid = int(re.search(r"/samenwerkingen/(\d+)", result).group(1))  # type: ignore[union-attr]
    export = advisor.get(f"/samenwerkingen/{cid}/gegevens.json").json()
    assert [a["eigenaar"] for a in export["metingen"][0]["agenda"]] == PARTNERS
    the_next_measurement_reviews_the_agenda(advisor, mid)


def the_next_measurement_reviews_the_agenda(advisor: TestClient, mid: int) -> None:
    """The next measurement reviews the agenda (done, partly, not) and shows the bands before and after."""
    cid = int(re.search(r"/samenwerkingen/(\d+)", advisor.get(f"/metingen/{mid}/resultaat").text).group(1))
    page = advisor.get(f"/samenwerkingen/{cid}")
    second = advisor.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf_of(page.text)})
    mid2 = int(re.search(r"/metingen/(\d+)/intake", str(second.url)).group(1))
    better = dict(ADVISOR_ANSWERS) | {"statements.speak_up": "4", "statements.regie_clear": "5"}
    drive(advisor, f"/metingen/{mid2}/intake", better)
    result = advisor.get(f"/metingen/{mid2}/resultaat").text
    assert f"/metingen/{mid2}/opvolging" in result
    review = advisor.get(f"/metingen/{mid2}/opvolging").text
    ids = re.findall(r'name="status-(\d+)" value="gedaan"', review)
    assert len(ids) == 3
    data = {"csrf_token": csrf_of(review)}
    for n, (aid, status) in enumerate(zip(ids, ["gedaan", "gedaan", "niet"], strict=True)):
        data |= {f"status-{aid}": status, f"toelichting-{aid}": f"Toelichting {n}"}
    saved = advisor.post(f"/metingen/{mid2}/opvolging", data=data)
    assert saved.status_code == 200
    assert saved.text.count(" checked") == 3 and "Toelichting 2" in saved.text
    verloop = saved.text.split('id="verloop"', 1)[1]
    sentences = re.findall(r"<li>([^<]+)</li>", verloop)
    assert sentences, verloop
    assert all(re.match(r"^(De|Het) [^;]+ (ging van|bleef|was eerst) .+; .+\.$", s) for s in sentences), sentences
    assert not any(re.search(r"\bI-[A-Z]|KLI|\d{3}", s) for s in sentences), sentences
    agenda = advisor.get(f"/api/v1/metingen/{mid}/agenda").json()
    assert [a["review"] for a in agenda["actions"]] == ["gedaan", "gedaan", "niet"]


@pytest.mark.parametrize(
    ("title", "before", "after", "statuses", "sentence"),
    [
        ("Relatie", "zorg", "aandacht", ["gedaan", "gedaan", "niet"],
         "De relatie ging van zorg naar aandacht; twee van de drie acties daarvoor zijn uitgevoerd."),
        ("Belangen", "aandacht", "aandacht", ["deels"],
         "De belangen bleven een aandachtspunt; de actie daarvoor is deels uitgevoerd."),
        ("Betekenisgevend proces", "zorg", "sterk", ["gedaan", "gedaan"],
         "Het betekenisgevend proces ging van zorg naar sterk; beide acties daarvoor zijn uitgevoerd."),
        ("Gedeelde ambitie", "niet beoordeeld", "zorg", ["niet", "deels", "gedaan"],
         "De gedeelde ambitie was eerst niet beoordeeld en is nu zorg; "
         "één van de drie acties daarvoor is uitgevoerd, een deels."),
        ("Relatie", "zorg", "zorg", [None], "De relatie bleef een zorg; de actie daarvoor is nog niet besproken."),
        ("Klimaat", "zorg", "aandacht", ["gedaan"],
         "Het klimaat ging van zorg naar aandacht; de actie daarvoor is uitgevoerd."),
    ],
)  # fmt: skip
def test_the_follow_up_says_in_plain_dutch_how_a_band_moved_beside_the_actions(
    title, before, after, statuses, sentence
):
    assert band_sentence(title, before, after, statuses) == sentence


def test_the_participant_bound_is_a_server_setting_with_a_dutch_message_when_full(tmp_path):
    from samenwerkwijzer.web import ServerSettings

    database = sqlite_database(tmp_path / "vol.db")
    try:
        app = create_app(database, require_login=False, settings=ServerSettings(session_participants=2))
        with TestClient(app) as advisor:
            mid = new_collaboration(advisor, str(ADVISOR_ANSWERS["name"]))
            drive(advisor, f"/metingen/{mid}/intake", ADVISOR_ANSWERS)
            code = open_session(advisor, mid)
            assert "Hoogstens twee deelnemers." in advisor.get(f"/metingen/{mid}/sessie?code={code}").text
            answers = []
            for _ in range(3):
                phone = TestClient(app)
                page = phone.get(f"/s/{code}")
                answers.append(phone.post(f"/s/{code}", data={"csrf_token": csrf_of(page.text)}))
            assert [a.status_code for a in answers] == [200, 200, 409]
            assert "Deze sessie is vol: er doen al twee deelnemers mee." in answers[2].text
    finally:
        database.dispose()


def test_serve_takes_the_participant_bound(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import samenwerkwijzer.web as web
    from samenwerkwijzer.cli._app import app as main

    seen = {}
    monkeypatch.setattr(web, "serve", lambda url, **options: seen.update(options))
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(main, ["serve", "--no-browser", "--database", database, "--session-participants", "12"])
    assert result.exit_code == 0, result.output
    assert seen["hosting"].session_participants == 12
    assert "--session-participants" in CliRunner().invoke(main, ["serve", "--help"]).output
    refused = CliRunner().invoke(main, ["serve", "--database", database, "--session-participants", "0"])
    assert refused.exit_code != 0
