"""The advisor's pages as walk6 found them: the intake's last question, what the collaboration itself asks advice on
(issue 22), and a refused import that kept the collaborations and said each problem by its question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from samenwerkwijzer.web import create_app

from ..webkit import ADVISOR_ANSWERS, ALERT, TestClient, csrf_of, current_question, new_collaboration, sqlite_database


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    database = sqlite_database(tmp_path / "web.db")
    with TestClient(create_app(database, require_login=False)) as started:
        yield started
    database.dispose()


def test_the_question_says_how_many_to_choose_refuses_a_third_and_keeps_two(client):
    mid = new_collaboration(client, str(ADVISOR_ANSWERS["name"]))
    url = f"/metingen/{mid}/intake"
    page = client.get(url)
    while (key := current_question(page.text)) not in (None, "context.question"):
        value = ADVISOR_ANSWERS.get(key)
        data = {"csrf_token": csrf_of(page.text), "step": key}
        data |= {"action": "skip"} if value is None else {"action": "answer", "answer": value}
        page = client.post(url, data=data)
    assert key == "context.question"
    assert "Waarover wil de samenwerking zelf vooral advies?" in page.text
    assert "Kies er hoogstens twee, of geen als de partners geen eigen vraag hebben." in page.text
    assert page.text.count('type="checkbox" name="answer"') == 13
    three = {"csrf_token": csrf_of(page.text), "step": key, "action": "answer"}
    page = client.post(url, data=three | {"answer": ["opbrengst", "verankeren", "regie"]})
    assert ALERT.findall(page.text) and "Kies er hoogstens twee." in page.text
    page = client.post(url, data=three | {"csrf_token": csrf_of(page.text), "answer": ["opbrengst", "verankeren"]})
    assert current_question(page.text) is None and not ALERT.search(page.text)
    case = client.get(f"/metingen/{mid}/advies.yaml").text
    assert "question:" in case and "opbrengst" in case and "verankeren" in case


def test_a_refused_import_keeps_the_collaborations_and_names_the_questions(client):
    new_collaboration(client, "Samenwerking Jeugd en Gezin Hoeksche Waard")
    home = client.get("/")
    bad = b"name: Kapot\ncontext:\n  type: iets\nobservations:\n  statements:\n    regie_clear: 9\n"
    page = client.post(
        "/samenwerkingen/importeren",
        data={"csrf_token": csrf_of(home.text)},
        files={"case": ("bad.yaml", bad, "application/yaml")},
    )
    assert page.status_code == 422 and "Dit casusbestand is niet geldig." in page.text
    assert "Samenwerking Jeugd en Gezin Hoeksche Waard" in page.text
    assert "U heeft nog geen samenwerkingen beschreven." not in page.text
    assert "Bij ‘Om wat voor samenwerking gaat het?’" in page.text
    assert "Bij ‘Voor alle partners is duidelijk wie de regie over het proces voert.’" in page.text
    assert "context.type" not in page.text and "observations.statements" not in page.text
