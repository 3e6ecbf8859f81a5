"""Storage, on SQLite and on a throwaway PostgreSQL server: the migrations, saving and resuming, many
respondents at once, and two writes of one row at once."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import inspect, select

from samenwerkwijzer.web import Database, create_app
from samenwerkwijzer.web._models import Respondent

from ..webkit import TestClient, csrf_of, current_question, invite, new_collaboration, postgres_server

RESPONDENTS = 20
ANSWERED = 4  # each respondent answers this many questions, all at the same time as the others


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def url(request, tmp_path_factory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('storage') / 'web.db'}"
        return
    with postgres_server() as found:
        yield found


@pytest.fixture(scope="module")
def db(url: str) -> Iterator[Database]:
    database = Database(url)
    yield database
    database.dispose()


def test_the_migrations_make_every_table_and_running_them_again_changes_nothing(db, url):
    tables = set(inspect(db.engine).get_table_names())
    assert {"users", "web_sessions", "collaborations", "measurements", "respondents", "alembic_version"} <= tables
    again = Database(url)  # a second start: the migrations find nothing to do
    assert again.secret == db.secret
    again.dispose()
    if url.startswith("sqlite"):
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_an_intake_saved_on_one_start_continues_on_the_next(db, url):
    client = TestClient(create_app(db, require_login=False))
    mid = new_collaboration(client, "Bewaard")
    page = client.get(f"/metingen/{mid}/intake").text
    client.post(
        f"/metingen/{mid}/intake",
        data={"csrf_token": csrf_of(page), "step": "description", "action": "answer", "answer": "Een beschrijving"},
    )
    restarted = Database(url)
    try:
        again = TestClient(create_app(restarted, require_login=False))
        resumed = again.get(f"/metingen/{mid}/intake").text
        assert current_question(resumed) == "context.domain" and "Een beschrijving" in resumed
    finally:
        restarted.dispose()


def test_twenty_respondents_answering_at_once_lose_nothing(db, request):
    app = create_app(db, require_login=False)
    stack = contextlib.ExitStack()
    request.addfinalizer(stack.close)
    advisor = stack.enter_context(TestClient(app))
    mid = new_collaboration(advisor, "Druk")
    links = [invite(advisor, mid, f"Respondent {n}") for n in range(RESPONDENTS)]
    clients = [stack.enter_context(TestClient(app)) for _ in links]
    pages = [c.get(link).text for c, link in zip(clients, links, strict=True)]
    start = threading.Barrier(RESPONDENTS)
    failures: list[str] = []

    def answer(n: int) -> None:
        page = pages[n]
        start.wait()
        for _ in range(ANSWERED):
            key = current_question(page)
            answer = "4" if key.startswith("statements.") else "ja"
            data = {"csrf_token": csrf_of(page), "step": key, "action": "answer", "answer": answer}
            response = clients[n].post(links[n], data=data)
            if response.status_code != 200 or current_question(response.text) == key:
                failures.append(f"{n}: {response.status_code} {key}")
                return
            page = response.text

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(RESPONDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with db.reading() as s:
        stored = s.scalars(select(Respondent).where(Respondent.measurement_id == mid)).all()
        assert len(stored) == RESPONDENTS
        assert all(len(r.progress["answers"]) == ANSWERED for r in stored)
    status = advisor.get(f"/metingen/{mid}/respondenten").text
    assert status.count(">bezig<") == RESPONDENTS


def test_one_question_posted_twice_at_once_is_recorded_once(db):
    app = create_app(db, require_login=False)
    advisor = TestClient(app)
    mid = new_collaboration(advisor, "Dubbel")
    link = invite(advisor, mid, "Dubbelklikker")
    page = TestClient(app).get(link).text
    key = current_question(page)
    data = {"csrf_token": csrf_of(page), "step": key, "action": "answer", "answer": "4"}
    start = threading.Barrier(4)
    codes: list[int] = []

    def post() -> None:
        start.wait()
        codes.append(TestClient(app).post(link, data=data).status_code)

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(codes) <= {200, 409}
    with db.reading() as s:
        stored = s.scalar(select(Respondent).where(Respondent.name == "Dubbelklikker"))
        assert stored is not None and stored.progress["answers"] == [[key, 4]]
