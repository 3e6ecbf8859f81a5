"""A meeting's votes survive ``kill -9``: phones keep joining and voting while the server (``samenwerkwijzer
serve`` in its own process) is killed under them; restarted on the same database, every vote the server
acknowledged is there (SQLite, and PostgreSQL on a throwaway server)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import httpx
import pytest

from ..webkit import ADVISOR_ANSWERS, Server, csrf_of, drive, new_collaboration, postgres_server

THREADS = 4
ACKNOWLEDGED_BEFORE_KILL = 8


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'meeting.db'}"
        return
    with postgres_server() as url:
        yield url


def _keep_voting(url: str, code: str, n: int, acknowledged: list[tuple[str, int]], stop: threading.Event) -> None:
    """Join and vote (all three votes on intervention ``n % 2``) again and again until the server goes away."""
    try:
        with httpx.Client(base_url=url, timeout=30, follow_redirects=True) as phone:
            while not stop.is_set():
                page = phone.get(f"/s/{code}")
                if page.status_code != 200:
                    return
                joined = phone.post(f"/s/{code}", data={"csrf_token": csrf_of(page.text)})
                if joined.status_code != 200:
                    return
                link = "/s/stem/" + str(joined.url).rsplit("/s/stem/", 1)[1]
                choice = n % 2
                data = {"csrf_token": csrf_of(joined.text), f"stemmen-{choice}": "3"}
                answer = phone.post(link, data=data)
                if answer.status_code == 200 and 'id="bewaard"' in answer.text:
                    acknowledged.append((link, choice))
    except httpx.HTTPError:
        return  # killed mid-request: that vote was not acknowledged


def test_a_killed_server_loses_no_acknowledged_vote(database):
    server = Server(database).start()
    try:
        with httpx.Client(base_url=server.url, timeout=30, follow_redirects=True) as advisor:
            mid = new_collaboration(advisor, str(ADVISOR_ANSWERS["name"]))
            drive(advisor, f"/metingen/{mid}/intake", ADVISOR_ANSWERS)
            page = advisor.get(f"/metingen/{mid}/sessie")
            opened = advisor.post(f"/metingen/{mid}/sessie", data={"csrf_token": csrf_of(page.text)})
            code = re.search(r"code=([A-Z0-9]+)", str(opened.url)).group(1)  # type: ignore[union-attr]
            cookies = dict(advisor.cookies)
        acknowledged: list[tuple[str, int]] = []
        stop = threading.Event()
        threads = [
            threading.Thread(target=_keep_voting, args=(server.url, code, n, acknowledged, stop))
            for n in range(THREADS)
        ]
        for thread in threads:
            thread.start()
        waited = threading.Event()
        while len(acknowledged) < ACKNOWLEDGED_BEFORE_KILL and not waited.wait(0.01):
            pass
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(30)
    finally:
        server.stop()
    assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL
    restarted = Server(database).start()
    try:
        with httpx.Client(base_url=restarted.url, timeout=30, follow_redirects=True) as phone:
            for link, choice in acknowledged:
                page = phone.get(link)
                assert page.status_code == 200, link
                chosen = re.search(rf'id="stemmen-{choice}" name="stemmen-{choice}">.*?</select>', page.text, re.S)
                assert chosen and '<option value="3" selected>' in chosen.group(0), link
        with httpx.Client(base_url=restarted.url, timeout=30, cookies=cookies) as advisor:
            stand = advisor.get(f"/metingen/{mid}/sessie/stand").text
        total = sum(int(n) for n in re.findall(r'data-interventie="[^"]+">(\d+)<', stand))
        assert total >= 3 * len(acknowledged)
    finally:
        restarted.stop()
