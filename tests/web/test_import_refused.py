"""A refused import keeps the advisor's collaborations on the page and says each problem by its question (walk6)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from samenwerkwijzer.web import Database, create_app

from ..webkit import TestClient, csrf_of, new_collaboration


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    database = Database(f"sqlite:///{tmp_path / 'web.db'}")
    with TestClient(create_app(database, require_login=False)) as started:
        yield started
    database.dispose()


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
