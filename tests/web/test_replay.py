"""The classroom replays a finished meeting as a story (issue 26): the picture, the vote's totals, the actions the
group fixed and the follow-up at the next measurement; never who voted what; another advisor's meeting is not
there. ``finished_meeting`` runs a meeting through the pages, as phones and a presenter would."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from samenwerkwijzer.web import Database, create_app, create_user

from ..webkit import ADVISOR_ANSWERS, TestClient, csrf_of, drive, new_collaboration, sqlite_database

PARTNERS = ["Gemeente Oostdam", "GGD Oost", "Woonstichting Oost"]


def finished_meeting(advisor: httpx.Client, phone: Callable[[], httpx.Client]) -> tuple[int, int, list[str], int]:
    """A collaboration measured twice: a meeting on the first measurement (three phones vote, the group fixes three
    actions), the second measurement reviews them. The first measurement's id, the meeting's id, the ballot, the
    second measurement's id."""
    mid = new_collaboration(advisor, str(ADVISOR_ANSWERS["name"]))
    drive(advisor, f"/metingen/{mid}/intake", ADVISOR_ANSWERS)
    page = advisor.get(f"/metingen/{mid}/sessie")
    opened = advisor.post(f"/metingen/{mid}/sessie", data={"csrf_token": csrf_of(page.text), "votes": "3"})
    code = re.search(r"code=([A-Z0-9]+)", str(opened.url)).group(1)  # type: ignore[union-attr]
    for n in range(3):
        client = phone()
        joined = client.post(f"/s/{code}", data={"csrf_token": csrf_of(client.get(f"/s/{code}").text)})
        link = "/s/stem/" + str(joined.url).rsplit("/s/stem/", 1)[1]
        votes = {"stemmen-0": "2", "stemmen-1": "1"} if n < 2 else {"stemmen-2": "3"}
        voted = client.post(link, data={"csrf_token": csrf_of(client.get(link).text), **votes})
        assert voted.status_code == 200 and 'id="bewaard"' in voted.text
    presenter = advisor.get(f"/metingen/{mid}/sessie?code={code}").text
    closed = advisor.post(f"/metingen/{mid}/sessie/sluiten", data={"csrf_token": csrf_of(presenter), "code": code})
    ballot = re.findall(r'<option value="(I-[A-Z0-9-]+)"', closed.text)
    ballot = list(dict.fromkeys(ballot))
    data: dict[str, Any] = {"csrf_token": csrf_of(closed.text), "code": code}
    due = date.today() + timedelta(days=40)
    for n in (1, 2, 3):
        data |= {f"interventie-{n}": ballot[n - 1], f"actie-{n}": f"Actie {n} van de groep",
                 f"eigenaar-{n}": PARTNERS[n - 1], f"datum-{n}": (due + timedelta(days=n)).isoformat(),
                 f"succes-{n}": f"Teken {n} van succes"}  # fmt: skip
    fixed = advisor.post(f"/metingen/{mid}/sessie/agenda", data=data)
    assert fixed.status_code == 200 and "Actie 1 van de groep" in fixed.text
    cid = re.search(r"/samenwerkingen/(\d+)", fixed.text).group(1)  # type: ignore[union-attr]
    overview = advisor.get(f"/samenwerkingen/{cid}").text
    second = advisor.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf_of(overview)})
    mid2 = int(re.search(r"/metingen/(\d+)/intake", str(second.url)).group(1))  # type: ignore[union-attr]
    drive(advisor, f"/metingen/{mid2}/intake", ADVISOR_ANSWERS | {"statements.speak_up": "4"})
    review = advisor.get(f"/metingen/{mid2}/opvolging").text
    ids = re.findall(r'name="status-(\d+)" value="gedaan"', review)
    data = {"csrf_token": csrf_of(review)}
    for aid, status in zip(ids, ["gedaan", "deels", "niet"], strict=True):
        data |= {f"status-{aid}": status, f"toelichting-{aid}": f"Zo ging het met {status}"}
    assert advisor.post(f"/metingen/{mid2}/opvolging", data=data).status_code == 200
    sessions = advisor.get("/les/sessies").text
    meeting = int(re.findall(r'href="/les/sessie/(\d+)"', sessions)[0])
    return mid, meeting, ballot, mid2


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> Iterator[tuple[TestClient, int, list[str], Any]]:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('naspelen') / 'web.db'}")
    app = create_app(db, require_login=False)
    with TestClient(app) as advisor:
        _, meeting, ballot, _ = finished_meeting(advisor, lambda: TestClient(app))
        yield advisor, meeting, ballot, app
    db.dispose()


def _text(html: str) -> str:
    main = html.split('id="inhoud"', 1)[-1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).replace(" .", ".").strip()


def test_a_finished_session_is_told_in_four_steps(played):
    advisor, meeting, ballot, _ = played
    gallery = advisor.get("/les").text
    assert 'href="/les/sessies"' in gallery
    listed = advisor.get("/les/sessies").text
    assert "Wijkalliantie Gezond Oost, meting 1" in listed
    steps = [_text(advisor.get(f"/les/sessie/{meeting}?stap={n}").text) for n in (1, 2, 3, 4)]
    picture, vote, choice, follow_up = steps
    assert "Stap een van vier" in picture and "Op de stemkaart stonden de eerste vijf adviezen" in picture
    # The totals: two phones gave 2 and 1, one gave 3 to the third intervention; nine votes from three people.
    assert "Drie deelnemers kregen elk drie stemmen; samen brachten ze er negen uit." in vote
    rows = re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td>", advisor.get(f"/les/sessie/{meeting}?stap=2").text)
    assert sorted(int(n) for _, n in rows)[-3:] == [2, 3, 4]
    assert (
        "Actie 1 van de groep" in choice and "Eigenaar: Gemeente Oostdam" in choice and "Teken 3 van succes" in choice
    )
    assert "Bij meting 2 keken de partners terug op hun agenda." in follow_up
    assert "Actie 1 van de groep: gedaan" in follow_up and "Actie 2 van de groep: deels gedaan" in follow_up
    assert "Actie 3 van de groep: niet gedaan. Zo ging het met niet" in follow_up
    # Never who voted what, never an id.
    for text in steps:
        assert not re.search(r"\bI-[A-Z]|/s/stem/|deelnemer \d|stemde voor", text), text


def test_the_steps_are_bounded_and_another_advisors_session_is_not_there(played, tmp_path):
    advisor, meeting, _, app = played
    assert "Stap vier van vier" in advisor.get(f"/les/sessie/{meeting}?stap=99").text
    assert "Stap een van vier" in advisor.get(f"/les/sessie/{meeting}?stap=x").text
    assert advisor.get(f"/les/sessie/{meeting + 1000}").status_code == 404
    # With accounts, another advisor gets 404 for this meeting.
    db = sqlite_database(tmp_path / "twee.db")
    try:
        create_user(db, "anna", "een lang wachtwoord")
        create_user(db, "bert", "een ander wachtwoord")
        served = create_app(db, require_login=True, allowed_hosts=["127.0.0.1"])
        with TestClient(served) as anna, TestClient(served) as bert:
            for client, name, password in (
                (anna, "anna", "een lang wachtwoord"),
                (bert, "bert", "een ander wachtwoord"),
            ):
                page = client.get("/inloggen")
                client.post(
                    "/inloggen", data={"csrf_token": csrf_of(page.text), "username": name, "password": password}
                )
            _, theirs, _, _ = finished_meeting(anna, lambda: TestClient(served))
            assert anna.get(f"/les/sessie/{theirs}").status_code == 200
            assert bert.get(f"/les/sessie/{theirs}").status_code == 404
            assert f"/les/sessie/{theirs}" not in bert.get("/les/sessies").text
    finally:
        db.dispose()
