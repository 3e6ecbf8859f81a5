"""The classroom page in front of a group (issue 24), in process: every story once in the gallery, numbers with
their unit ("over acht maanden", never a bare "8"), and a condition that goes from *zorg* to *niet beoordeeld*
says what that means. The browser half (the panel in view, the pressed button readable) is
tests/test_web_classroom_browser.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from samenwerkwijzer import load_case
from samenwerkwijzer.web import Database, create_app

from .conftest import EXAMPLES
from .webkit import TestClient

CASE = "voorbeeld-gecombineerd"
MONTHS = "observations.funding.months_left"


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> Iterator[TestClient]:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('klas') / 'web.db'}")
    with TestClient(create_app(db, require_login=False)) as c:
        yield c
    db.dispose()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_no_story_is_listed_twice_in_the_gallery(client):
    page = client.get("/les").text
    gallery = page.split("Verhalen uit de bronnen", 1)[1].split("Afgeronde sessies", 1)[0]
    titles = [t.strip() for t in re.findall(r"<strong>([^<]+)</strong>", gallery)]
    assert titles and len(titles) == len(set(titles)), sorted(t for t in titles if titles.count(t) > 1)
    names = {load_case(p).name for p in [*EXAMPLES.glob("*.yaml"), *(EXAMPLES / "verhalen").glob("*.yaml")]}
    assert set(titles) == {n.replace("'", "&#39;") for n in names}
    # The example that tells a story's case is left out of the list, but its address still opens it.
    assert client.get("/les?casus=voorbeeld-subsidie-eindigt").status_code == 200


def test_the_months_to_the_end_of_the_subsidy_read_with_their_unit(client):
    page = client.get(f"/les?casus={CASE}").text
    field = re.search(r'<span class="met-eenheid">.*?</span></span>', page, re.S)
    assert (
        field
        and "maanden" in field.group(0)
        and 'aria-describedby="v-observations-funding-months_left-eenheid"' in (field.group(0))
    )
    changed = _text(client.get(f"/les/uitkomst?casus={CASE}&formulier=1&{MONTHS}=8").text)
    assert (
        "Wanneer loopt de subsidie af: over zes maanden → over acht maanden"
        in changed.replace("Maanden subsidie resterend", "Wanneer loopt de subsidie af")
        or "over zes maanden → over acht maanden" in changed
    )
    assert not re.search(r"(?<![\w,])[0-9]+ → [0-9]+", changed)
    # The story's facts too: the number of months is said with its unit wherever it appears.
    for step in range(1, 40):
        story = client.get(f"/les/verhaal?casus={CASE}&stap={step}").text
        if "Wanneer loopt de subsidie af?" in story:
            assert re.search(r"<dt>Wanneer loopt de subsidie af\?</dt><dd>over zes maanden</dd>", story), story
            break
    else:
        pytest.fail("no step of the story shows the months to the subsidy's end")


def test_a_move_from_zorg_to_not_assessed_explains_itself(client):
    # Leaving the months open takes away what made the interests a concern in this case.
    html = client.get(f"/les/uitkomst?casus={CASE}&formulier=1&{MONTHS}=").text
    text = _text(html)
    found = re.search(r"Belangen: niet beoordeeld \(was zorg\)\. Niet beoordeeld is geen oordeel: ([^.]+)\.", text)
    assert found, text
    assert "over zes maanden → onbekend" in text


def test_the_reasoning_graph_says_the_months_with_their_unit(client):
    graph = client.get(f"/les/graaf?casus={CASE}&advies=I-VERVOLG-NA-SUBSIDIE").text
    words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", graph))
    assert "over zes maanden" in words and not re.search(r"Antwoord: \d", words), words
