"""The classroom page (/les) in process: the gallery, the switches grouped by condition, the before → after
of one switch with its reason, the story step by step (forward and back), one intervention's graph in Dutch,
the page without JavaScript, and the web app's access rules."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from samenwerkwijzer import load_case
from samenwerkwijzer.trainer import case_inputs
from samenwerkwijzer.web import Database, create_app, create_user

from ..conftest import EXAMPLES
from ..webkit import TestClient, new_collaboration, sqlite_database

CASE = "voorbeeld-gecombineerd"
CLIMATE = "observations.climate.declared"
RAW = re.compile(r"\b(?:[IF]-[A-Z]|[A-Z]{3}\d{3}\b)|\b[a-z]+\.[a-z]|_[a-z]")


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> Iterator[TestClient]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('les') / 'web.db'}")
    yield TestClient(create_app(database, require_login=False))
    database.dispose()


def _top_after(html: str) -> list[str]:
    block = re.search(r'<ol class="rangorde" id="top-na">(.*?)</ol>', html, re.S)
    assert block, html[:2000]
    return re.findall(r'data-intervention="([^"]+)"', block.group(1))


def _text(svg: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if t.strip()]


def test_the_gallery_shows_the_fifteen_stories_the_examples_and_saved_collaborations(client):
    mid = new_collaboration(client, "Wijkteam Noord")
    page = client.get("/les").text
    stories = sorted((EXAMPLES / "verhalen").glob("*.yaml"))
    assert len(stories) == 15
    for path in stories:
        assert f"/les?casus=verhaal-{path.stem}" in page
        assert load_case(path).name.replace("'", "&#39;") in page
    assert f"/les?casus={CASE}" in page
    assert f"/les?casus=meting-{mid}" in page and "Wijkteam Noord (meting 1)" in page
    assert client.get(f"/les?casus=meting-{mid}").status_code == 200


def test_the_switches_are_the_case_inputs_grouped_by_condition(client):
    page = client.get(f"/les?casus={CASE}").text
    groups = case_inputs(load_case(EXAMPLES / "gecombineerd.yaml"))
    legends = re.findall(r"<legend>([^<]+)</legend>", page)
    assert [g.title for g in groups] == legends
    for group in groups:
        for item in group.inputs:
            assert f'name="{item.question.field}"' in page
    assert re.search(r'<select id="v-observations-climate-declared"[^>]*>.*?value="waakzaam" selected', page, re.S)
    assert 'hx-get="/les/uitkomst"' in page and 'hx-trigger="change"' in page


def test_switching_the_climate_to_conflict_puts_de_escalation_first_with_the_reason(client):
    query = f"casus={CASE}&formulier=1&{CLIMATE}=conflict"
    part = client.get(f"/les/uitkomst?{query}")
    assert part.status_code == 200
    assert part.text.lstrip().startswith('<section id="uitkomst"')  # a part, not a page
    assert _top_after(part.text)[0] == "I-DE-ESCALEREN"
    change = re.search(r'<li class="entered" data-intervention="I-DE-ESCALEREN">(.*?)</li>', part.text, re.S)
    assert change and "nieuw op plaats 1. Nieuw, omdat ‘Er is een conflict’ nu geldt." in change.group(1)
    changed = re.search(r"<h3>U veranderde</h3>\s*<ul class=\"wijzigingen\">(.*?)</ul>", part.text, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", changed, re.S) == [
        "<strong>Klimaat volgens de partners</strong>: waakzaam → conflict",
        "Klimaat (afgeleid): waakzaam → conflict",
    ]  # a field not sent keeps its value
    # In the same answer, out of band: the story from its first step, and the graph to fetch in the new state.
    assert '<section id="verhaal" aria-labelledby="h-verhaal" hx-swap-oob="true">' in part.text
    graph = re.search(r'<section id="graaf"[^>]*hx-swap-oob="true"[^>]*hx-get="([^"]+)"', part.text)
    assert graph and f"{CLIMATE}=conflict" in graph.group(1).replace("&amp;", "&")
    # Without JavaScript the form is sent to /les: the whole page, in the same state.
    whole = client.get(f"/les?{query}").text
    assert _top_after(whole)[0] == "I-DE-ESCALEREN" and 'value="conflict" selected' in whole
    # The story as it is: nothing changed.
    assert "Dit is het verhaal zoals het is" in client.get(f"/les/uitkomst?casus={CASE}").text


def test_the_whole_form_sent_changes_only_what_was_switched(client):
    page = client.get(f"/les?casus={CASE}").text
    form = re.search(r'<form id="les-form".*?</form>', page, re.S).group(0)
    fields: list[tuple[str, str]] = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)">(.*?)</select>', form, re.S):
        fields.append((name, re.search(r'value="([^"]*)" selected', body).group(1)))
    fields += re.findall(r'<input type="checkbox" name="([^"]+)" value="([^"]+)" checked>', form)
    fields += re.findall(r'<input id="[^"]+" type="number" name="([^"]+)" min="\d+" value="([^"]*)"', form)
    unchanged = client.get("/les/uitkomst", params=fields).text
    assert "Dit is het verhaal zoals het is" in unchanged
    switched = [(k, "conflict" if k == CLIMATE else v) for k, v in fields]
    assert _top_after(client.get("/les/uitkomst", params=switched).text)[0] == "I-DE-ESCALEREN"


def test_a_bad_value_is_refused_in_dutch(client):
    response = client.get(f"/les/uitkomst?casus={CASE}&formulier=1&{CLIMATE}=storm")
    assert response.status_code == 422 and "geen keuze" in response.text
    assert client.get("/les?casus=verhaal-bestaat-niet").status_code == 404


def test_the_story_goes_forward_and_back_in_the_storys_order(client):
    first = client.get(f"/les/verhaal?casus={CASE}").text
    total = int(re.search(r"Stap 1 van (\d+)", first).group(1))
    assert "De feiten uit de casus" in first and 'rel="prev"' not in first
    second = client.get(f"/les/verhaal?casus={CASE}&stap=2").text
    assert "Stap 2 van" in second and "Bevinding:" in second
    back = re.search(r'rel="prev" href="([^"]+)"', second).group(1).replace("&amp;", "&")
    assert "stap=1" in back and "De feiten uit de casus" in client.get(back).text
    last = client.get(f"/les/verhaal?casus={CASE}&stap={total + 5}").text
    assert f"Stap {total} van {total}" in last and 'rel="next"' not in last


def test_the_graph_of_one_intervention_has_dutch_labels_and_ids_only_when_asked(client):
    part = client.get(f"/les/graaf?casus={CASE}&formulier=1&{CLIMATE}=conflict&advies=I-DE-ESCALEREN").text
    svg = re.search(r"<svg.*?</svg>", part, re.S).group(0)
    labels = _text(svg)
    assert labels and not [t for t in labels if RAW.search(t)], labels
    assert "<title>" not in svg and "<!--" not in svg
    assert any("De-escaleer" in t for t in labels) and any("Regel" in t for t in labels)
    with_codes = client.get(f"/les/graaf?casus={CASE}&formulier=1&{CLIMATE}=conflict&advies=I-DE-ESCALEREN&codes=ja")
    coded = _text(with_codes.text)
    assert "I-DE-ESCALEREN" in coded and "climate.declared" in coded and [t for t in coded if RAW.search(t)]


def test_presenter_mode_is_a_class_the_page_can_start_in(client):
    page = client.get(f"/les?casus={CASE}&presentatie=ja").text
    assert 'class="les presentatie"' in page and 'src="/static/les.js"' in page
    assert "<script>" not in page
    css = client.get("/static/les.css").text
    assert ".les.presentatie" in css


def test_off_the_loopback_the_classroom_page_needs_a_login(tmp_path: Path):
    database = sqlite_database(tmp_path / "web.db")
    try:
        create_user(database, "trainer", "een lang wachtwoord")
        remote = TestClient(create_app(database, require_login=True), follow_redirects=False)
        for path in ("/les", f"/les?casus={CASE}", f"/les/uitkomst?casus={CASE}"):
            response = remote.get(path)
            assert response.status_code == 303 and response.headers["location"] == "/inloggen", path
    finally:
        database.dispose()


def test_a_statement_switched_in_the_classroom_changes_the_advice(client):
    """Issue 21: a statement can be toggled as well as a fact; its score reads into the facts."""
    page = client.get(f"/les?casus={CASE}").text
    assert 'name="observations.statements.speak_up"' in page
    part = client.get(f"/les/uitkomst?casus={CASE}&formulier=1&observations.statements.speak_up=1")
    assert part.status_code == 200
    changed = re.search(r"<h3>U veranderde</h3>\s*<ul class=\"wijzigingen\">(.*?)</ul>", part.text, re.S).group(1)
    assert "Stelling: als iets de partners dwarszit" in changed and "1: helemaal oneens" in changed
    bad = client.get(f"/les/uitkomst?casus={CASE}&formulier=1&observations.statements.speak_up=9")
    assert bad.status_code == 422 and "score van 1 tot en met 5" in bad.text


def test_the_gallery_reads_the_folder_serve_is_given_never_the_installed_code(tmp_path):
    from samenwerkwijzer.web import ServerSettings

    (tmp_path / "verhalen").mkdir()
    (tmp_path / "verhalen" / "eigen.yaml").write_text("name: Het Netwerk Eigen Verhaal\n", encoding="utf-8")
    database = sqlite_database(tmp_path / "web.db")
    try:
        own = TestClient(create_app(database, require_login=False, settings=ServerSettings(lessons=str(tmp_path))))
        page = own.get("/les").text
        assert "Het Netwerk Eigen Verhaal" in page
        assert "Consortium Gezond Opgroeien Zuidwijk" not in page  # not the checkout's examples beside the code
    finally:
        database.dispose()
        create_app(Database("sqlite://"), require_login=False)  # back to examples/ of the current directory
