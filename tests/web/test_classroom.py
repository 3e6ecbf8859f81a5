"""The classroom page in front of a group (issue 24), in process: every story once in the gallery, numbers with
their unit ("over acht maanden", never a bare "8"), and a condition that goes from *zorg* to *niet beoordeeld*
says what that means. The browser half (the panel in view, the pressed button readable) is
tests/web/test_classroom_browser.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from samenwerkwijzer import diagnose, load_case
from samenwerkwijzer.trainer import case_inputs, reasoning_graph, with_answers
from samenwerkwijzer.web import Database, create_app

from ..conftest import EXAMPLES
from ..webkit import TestClient

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


def _to_not_assessed() -> tuple[str, str]:
    """A fact of the example whose answer, left open, turns a condition from zorg to niet beoordeeld (found with
    the library, so that a change of the rules does not silently empty this test): the field and the condition."""
    case = load_case(EXAMPLES / "gecombineerd.yaml")
    before = {c.id: c for c in diagnose(case).conditions}
    for group in case_inputs(case):
        for item in group.inputs:
            if item.value is None or item.question.answer == "multiple":
                continue
            for c in diagnose(with_answers(case, {item.question.field: None})).conditions:
                if before[c.id].status == "zorg" and c.status == "niet beoordeeld":
                    return item.question.field, c.title
    pytest.fail("no single fact of the example turns a condition from zorg to niet beoordeeld")


def test_a_move_from_zorg_to_not_assessed_explains_itself(client):
    field, title = _to_not_assessed()
    html = client.get(f"/les/uitkomst?casus={CASE}&formulier=1&{field}=").text
    text = _text(html)
    found = re.search(rf"{title}: niet beoordeeld \(was zorg\)\. Niet beoordeeld is geen oordeel: ([^.]+)\.", text)
    assert found, text


def test_the_reasoning_graph_says_the_months_with_their_unit(client):
    advice = diagnose(load_case(EXAMPLES / "gecombineerd.yaml"))
    focus = next(
        i.id for i in advice.interventions
        if any(n.code == "funding.months_left" for n in reasoning_graph(advice, i.id).nodes)
    )  # fmt: skip
    graph = client.get(f"/les/graaf?casus={CASE}&advies={focus}").text
    words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", graph))
    assert "over zes maanden" in words and not re.search(r"Antwoord: \d", words), words
