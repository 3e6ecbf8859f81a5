"""The documents' own stories: for each source at least one case built from a
situation it describes; the advice the document gives for it must be among the
top interventions."""

from __future__ import annotations

import pytest

from samenwerkwijzer import diagnose, load_case
from samenwerkwijzer.model._catalogue import load_catalogue

from ..conftest import EXAMPLES, TODAY

STORIES = EXAMPLES / "verhalen"

# file -> (source document, what the document advises, within the top N)
EXPECTED: dict[str, tuple[str, list[str], int]] = {
    "consortium-na-de-subsidie.yaml": (
        "000",
        ["I-VERVOLG-NA-SUBSIDIE", "I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN", "I-KENNISDELING-AFSPREKEN"],
        5,
    ),
    "hink-stap-sprong-gemeente.yaml": (
        "000",
        [
            "I-GEZAMENLIJKE-PROBLEEMANALYSE",
            "I-INWONERS-BETREKKEN",
            "I-BESTUURLIJK-EIGENAARSCHAP",
            "I-FINANCIERING-ONTSCHOTTEN",
        ],
        7,
    ),  # fmt: skip
    "wijkaanpak-rolonduidelijkheid.yaml": (
        "001",
        ["I-REGIE-BELEGGEN", "I-TREKKER-AANWIJZEN", "I-KRACHTENVELD-ANALYSEREN", "I-DOMEINVERSCHILLEN-ERKENNEN"],
        5,
    ),
    "krachtenveld-wat-hebben-we-aan-elkaar.yaml": (
        "001",
        ["I-KRACHTENVELD-ANALYSEREN", "I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN"],
        3,
    ),
    "bossche-jeugd-huisartsen.yaml": ("002", ["I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"], 1),
    "pps-te-veel-bedrijven.yaml": (
        "002",
        ["I-PRIVATE-PARTNERS-BEGRENZEN", "I-BELANGEN-OP-TAFEL", "I-PPS-FASEN-DOORLOPEN"],
        4,
    ),
    "dementiecafe-of-wandelclub.yaml": ("003", ["I-ONDERLIGGEND-DOEL-EXPLICITEREN"], 1),
    "wijknetwerk-verankeren.yaml": ("003", ["I-TREKKER-TIJD-GEVEN", "I-EFFECTEN-ZICHTBAAR-MAKEN"], 4),
    "alliantie-na-gewonnen-subsidie.yaml": (
        "004",
        ["I-AFSPRAKEN-EN-GOVERNANCE-BORGEN", "I-CONCURRENTIE-ERKENNEN", "I-DE-ESCALEREN"],
        4,
    ),
    "krimp-scholen-regio.yaml": (
        "004",
        ["I-INHOUD-VOOR-VORM", "I-BESTUURLIJK-EIGENAARSCHAP", "I-EIGEN-ORGANISATIE-VOORBEREIDEN"],
        5,
    ),
    "zorgnetwerk-netwerkdip.yaml": (
        "004",
        [
            "I-GEZAMENLIJKE-PROBLEEMANALYSE",
            "I-NETWERK-BOUWSTENEN",
            "I-DEELCOALITIES-VORMEN",
            "I-GEDEELD-EIGENAARSCHAP",
            "I-NETWERKWAARDE-DRIE-KAPITALEN",
        ],
        6,
    ),  # fmt: skip
    "weer-thuis-wonen-zorg.yaml": (
        "004",
        [
            "I-BELANGEN-OP-TAFEL",
            "I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR",
            "I-BESTAANDE-TAFELS-VERBINDEN",
            "I-SAMENHANG-ZICHTBAAR-MAKEN",
        ],
        5,
    ),  # fmt: skip
    "bibliotheek-eigen-organisatie-centraal.yaml": (
        "004",
        ["I-GUNNEN-EN-INVESTEREN", "I-TIJD-INVESTEREN-IN-RELATIES", "I-FOCUS-EN-FASEREN"],
        3,
    ),
    "sociaal-domein-partnerschap.yaml": (
        "004",
        ["I-DUURZAAM-PARTNERSCHAP", "I-GEMEENTE-BETROUWBARE-PARTNER", "I-INWONERS-BETREKKEN"],
        3,
    ),
    "nieuw-team-samenwerkingsassessment.yaml": (
        "004",
        ["I-SAMENWERKINGSASSESSMENT", "I-ROLLEN-OP-KRACHT-VERDELEN"],
        2,
    ),
}


def test_every_story_file_is_listed_and_every_document_has_a_story():
    assert {p.name for p in STORIES.glob("*.yaml")} == set(EXPECTED)
    sources = {s.id[:3] for s in load_catalogue().sources}
    assert {source for source, _, _ in EXPECTED.values()} == sources


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_document_s_own_advice_is_among_the_top_interventions(name):
    source, advised, top = EXPECTED[name]
    advice = diagnose(load_case(STORIES / name), today=TODAY)
    ranked = [i.id for i in advice.interventions]
    # An intervention that serves the same problem as one in the top is given as its "how" (knowledge/ranking.yaml).
    shown = set(ranked[:top]) | {i.id for i in advice.interventions if i.serves_with in ranked[:top]}
    missing = [i for i in advised if i not in shown]
    assert not missing, f"{name}: {missing} not in the top {top} nor a 'how' of one there: {ranked[:top]}"
    for intervention in advice.interventions[:top]:
        assert intervention.references, intervention.id


def test_the_story_header_quotes_its_source():
    for name, (source, _, _) in EXPECTED.items():
        header = (STORIES / name).read_text(encoding="utf-8").split("\nname:")[0]
        assert f"Bron: {source}_" in header, name


def test_the_story_quotes_are_verbatim():
    import re

    from samenwerkwijzer.model._catalogue import Reference, quote_is_in_source

    sources = {s.id[:3]: s.id for s in load_catalogue().sources}
    for name, (source, _, _) in EXPECTED.items():
        header = (STORIES / name).read_text(encoding="utf-8").split("\nname:")[0]
        quotes = re.findall(r"“(.+?)” \(", header)
        assert quotes, name
        for quote in quotes:
            assert quote_is_in_source(Reference(source=sources[source], locator="", quote=quote)), (name, quote)
