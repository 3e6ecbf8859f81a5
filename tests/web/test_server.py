"""The server as it runs (``samenwerkwijzer serve`` in its own process): killed with SIGKILL in the middle
of an intake and of a respondent's answers, restarted, it has lost nothing that was submitted."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ..webkit import Server, csrf_of, current_question, invite, new_collaboration

ADVISOR_STEPS = [
    ("description", "Een wijknetwerk."),
    ("context.domain", "gezondheid in de wijk"),
    ("partners", "Gemeente Noord"),
    ("context.type", "integraal"),
    ("context.phase", "verkennen"),
]


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server.db'}"


@pytest.fixture
def server(database: str) -> Iterator[Server]:
    running = Server(database).start()
    yield running
    running.stop()


def _keep_answering(client: httpx.Client, url: str, acknowledged: list[str], stop: threading.Event) -> None:
    """Answer (skip) question after question until the server goes away; ``acknowledged`` gets each
    question whose answer the server confirmed."""
    try:
        page = client.get(url).text
        while not stop.is_set():
            key = current_question(page)
            if key is None:
                return
            response = client.post(url, data={"csrf_token": csrf_of(page), "step": key, "action": "skip"})
            if response.status_code != 200:
                return
            acknowledged.append(key)
            page = response.text
    except httpx.HTTPError:
        return  # killed mid-request: that answer was not confirmed


def test_a_killed_server_loses_no_submitted_answer_of_an_intake_or_a_respondent(server, database):
    with httpx.Client(base_url=server.url, timeout=30, follow_redirects=True) as advisor:
        mid = new_collaboration(advisor, "Overleeft alles")
        url = f"/metingen/{mid}/intake"
        for key, value in ADVISOR_STEPS:
            page = advisor.get(url).text
            assert current_question(page) == key
            data = {"csrf_token": csrf_of(page), "step": key, "action": "answer", "answer": value}
            assert advisor.post(url, data=data).status_code == 200
        link = invite(advisor, mid, "Anna")
        cookies = dict(advisor.cookies)
    # Both keep answering while the server is killed under them.
    acknowledged: dict[str, list[str]] = {"advisor": [], "respondent": []}
    stop = threading.Event()
    clients = {
        "advisor": httpx.Client(base_url=server.url, timeout=30, follow_redirects=True, cookies=cookies),
        "respondent": httpx.Client(base_url=server.url, timeout=30, follow_redirects=True),
    }
    urls = {"advisor": url, "respondent": link}
    threads = [
        threading.Thread(target=_keep_answering, args=(clients[who], urls[who], acknowledged[who], stop))
        for who in clients
    ]
    for thread in threads:
        thread.start()
    deadline = threading.Event()
    while min(len(a) for a in acknowledged.values()) < 3 and not deadline.wait(0.02):
        pass
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(30)
    for client in clients.values():
        client.close()
    assert min(len(a) for a in acknowledged.values()) >= 3
    restarted = Server(database).start()
    try:
        with httpx.Client(base_url=restarted.url, timeout=30, follow_redirects=True, cookies=cookies) as advisor:
            page = advisor.get(url).text
            for key, value in ADVISOR_STEPS:
                assert value in page, key
            answered = page.count("wijzigen vanaf hier")
            assert answered >= 1 + len(ADVISOR_STEPS) - 1 + len(acknowledged["advisor"])  # the name is fixed
            assert "Anna" in advisor.get(f"/metingen/{mid}/respondenten").text
        with httpx.Client(base_url=restarted.url, timeout=30, follow_redirects=True) as respondent:
            page = respondent.get(link).text
            assert page.count("wijzigen vanaf hier") >= len(acknowledged["respondent"])
    finally:
        restarted.stop()
