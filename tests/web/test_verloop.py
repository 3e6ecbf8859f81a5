"""*Verloop* in plain Dutch (issues 24 and 26): the result page of a second measurement and the collaboration's
timeline say per condition what it was and is now, beside the actions of the earlier agenda that served it and
whether they were done; the advice's changes by title; the answers that changed in words. Never an id, a field
path, a Python list or ``True``/``False``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from samenwerkwijzer.web import Database, create_app
from samenwerkwijzer.web._models import ActionReview, AgendaAction
from samenwerkwijzer.web._progress import band_sentence

from ..webkit import ADVISOR_ANSWERS, TestClient, csrf_of, drive, new_collaboration

CODE = re.compile(r"\bI-[A-Z]|\b[A-Z]{3}\d{3}\b|\[|'|\bTrue\b|\bFalse\b|\bNone\b|[a-z]_[a-z]|\b[a-z]+\.[a-z_]+\b")


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> Iterator[tuple[TestClient, int, int, int]]:
    """Two measurements of one collaboration, an agenda fixed at the first (two actions for the relation, one of
    them done) and the second answered differently (the climate now in conflict)."""
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('verloop') / 'web.db'}")
    with TestClient(create_app(db, require_login=False)) as client:
        mid = new_collaboration(client, str(ADVISOR_ANSWERS["name"]))
        drive(client, f"/metingen/{mid}/intake", ADVISOR_ANSWERS)
        cid = int(re.search(r'href="/samenwerkingen/(\d+)"', client.get(f"/metingen/{mid}/resultaat").text).group(1))
        first = client.get(f"/metingen/{mid}/advies.json").json()
        top = first["interventions"][:2]
        with db.writing() as s:
            for n, i in enumerate(top, start=1):
                s.add(AgendaAction(measurement_id=mid, position=n, intervention=i["id"], intervention_title=i["title"],
                                   conditions=["relatie"], action=f"Actie {n} voor de relatie", owner="GGD Oost",
                                   due=date(2027, 2, n), success="Men zegt wat dwarszit.",
                                   fixed_at=datetime(2026, 12, 1)))  # fmt: skip
        page = client.get(f"/samenwerkingen/{cid}")
        second = client.post(f"/samenwerkingen/{cid}/metingen", data={"csrf_token": csrf_of(page.text)})
        mid2 = int(re.search(r"/metingen/(\d+)/intake", str(second.url)).group(1))
        changed = ADVISOR_ANSWERS | {"observations.climate.declared": "conflict", "statements.regie_clear": "2"}
        drive(client, f"/metingen/{mid2}/intake", changed)
        with db.writing() as s:
            actions = s.query(AgendaAction).filter_by(measurement_id=mid).order_by(AgendaAction.position).all()
            s.add(ActionReview(measurement_id=mid2, action_id=actions[0].id, status="gedaan", note="Gedaan."))
            s.add(ActionReview(measurement_id=mid2, action_id=actions[1].id, status="niet", note="Geen tijd."))
        yield client, cid, mid, mid2
    db.dispose()


def _section(html: str, marker: str) -> str:
    part = html.split(marker, 1)[1]
    return part.split("</section>", 1)[0]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_the_result_page_tells_the_verloop_in_plain_dutch(measured):
    client, _, mid, mid2 = measured
    first = client.get(f"/metingen/{mid}/resultaat").text
    assert 'id="verloop"' not in first  # the first measurement has nothing to compare with
    html = client.get(f"/metingen/{mid2}/resultaat").text
    verloop = _section(html, 'id="verloop"')
    sentences = [s.strip() for s in re.findall(r"<li>([^<]+)", verloop)]
    relation = [s for s in sentences if s.startswith("De relatie")]
    assert relation == ["De relatie ging van aandacht naar zorg; één van de twee acties daarvoor is uitgevoerd."], (
        sentences
    )
    assert "Actie 1 voor de relatie: gedaan" in verloop and "Actie 2 voor de relatie: niet gedaan" in verloop
    text = _text(verloop)
    before, after = ({i["title"] for i in client.get(f"/metingen/{m}/advies.json").json()["interventions"]}
                     for m in (mid, mid2))  # fmt: skip
    assert after - before and all(f"‘{title}’" in text.split("Nu ook geadviseerd:")[1] for title in after - before)
    assert before - after <= {t for t in before if f"‘{t}’" in text.split("Niet meer geadviseerd:")[-1]}
    assert "Klimaat volgens de partners: eerst waakzaam, nu conflict." in text
    assert not CODE.search(text), CODE.search(text)


def test_the_timeline_has_no_code_left(measured):
    client, cid, _, _ = measured
    html = client.get(f"/samenwerkingen/{cid}/verloop").text
    change = _text(_section(html, "Wat veranderde van meting 1 naar meting 2"))
    assert "De relatie ging van aandacht naar zorg; één van de twee acties daarvoor is uitgevoerd." in change
    assert "‘Nog niet alle kaarten liggen op tafel’" in change or "waakzaam" in change
    assert not CODE.search(change), CODE.search(change)


@pytest.mark.parametrize(
    ("title", "before", "after", "statuses", "sentence"),
    [
        ("Relatie", "zorg", "aandacht", [], "De relatie ging van zorg naar aandacht."),
        ("Relatie", "zorg", "niet beoordeeld", [],
         "De relatie was eerst zorg en is nu niet beoordeeld, omdat er nu te weinig over bekend is."),
        ("Belangen", "aandacht", "niet beoordeeld", ["gedaan"],
         "De belangen waren eerst aandacht en zijn nu niet beoordeeld, omdat er nu te weinig over bekend is; de actie "
         "daarvoor is uitgevoerd."),
    ],
)  # fmt: skip
def test_a_sentence_without_actions_and_one_to_not_assessed(title, before, after, statuses, sentence):
    assert band_sentence(title, before, after, statuses) == sentence
