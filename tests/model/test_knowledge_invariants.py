"""Catalogue-wide invariants of the knowledge base."""

from __future__ import annotations

import pytest

from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.model._source_text import normalise_text, quote_is_in_source, read_source_text
from samenwerkwijzer.rules import all_rules
from samenwerkwijzer.rules.dsl import Diagnose, Recommend, Suppress

from ..conftest import ROOT
from ..every import every

KB = load_catalogue()


@every(("owner", "reference"), KB.references(), ids=[f"{o}:{r.quote[:30]}" for o, r in KB.references()])
def test_every_quote_is_found_verbatim_in_its_source(owner, reference):
    assert quote_is_in_source(reference), f"{owner}: quote not in {reference.source}: {reference.quote!r}"


def test_quote_check_rejects_a_quote_that_is_not_there():
    from samenwerkwijzer.model._vocabulary import Reference

    real = KB.intervention["I-TREKKER-AANWIJZEN"].references[0]
    forged = Reference(source=real.source, locator=real.locator, quote=real.quote + " altijd")
    assert not quote_is_in_source(forged)


def test_normalisation_only_joins_hyphenated_line_breaks_and_whitespace():
    assert normalise_text("waak-\n\nzaamheid  bij\none") == "waakzaamheid bij one"
    assert normalise_text("publiek-\nprivate", keep_break_hyphens=True) == "publiek-private"
    assert normalise_text("3-5 organisaties") == "3-5 organisaties"


def test_shipped_sources_are_the_shared_documents():
    shared = ROOT.parent / "shared" / "sources"
    if not shared.is_dir():
        pytest.skip("../shared/sources is not beside this checkout")
    for path in sorted(shared.glob("*.txt")):
        assert read_source_text(path.name) == path.read_text(encoding="utf-8"), path.name
    assert {s.id for s in KB.sources} == {p.name for p in shared.glob("*.txt")}


def test_every_finding_and_intervention_has_a_reference_and_is_reachable_by_a_rule():
    diagnosed = {c.finding for r in all_rules() for c in r.then if isinstance(c, Diagnose)}
    recommended = {c.intervention for r in all_rules() for c in r.then if isinstance(c, Recommend)}
    assert set(KB.finding) <= diagnosed, set(KB.finding) - diagnosed
    assert set(KB.intervention) <= recommended, set(KB.intervention) - recommended


def test_every_suppressed_intervention_is_also_recommendable():
    suppressed = {c.intervention for r in all_rules() for c in r.then if isinstance(c, Suppress)}
    recommended = {c.intervention for r in all_rules() for c in r.then if isinstance(c, Recommend)}
    assert suppressed <= recommended


def test_the_five_conditions_and_the_tiers_are_in_document_order():
    assert [c.id for c in KB.conditions] == [
        "gedeelde_ambitie",
        "belangen",
        "relatie",
        "betekenisgevend_proces",
        "professioneel_organiseren",
    ]
    assert [t.id for t in KB.tiers] == ["klimaat", "regie", "inhoud", "vorm", "onderhoud"]
    assert [level.id for level in KB.thermometer.levels] == [
        "vriendschappelijk",
        "waakzaam",
        "onenigheid",
        "conflict",
    ]


def test_every_thermometer_sign_is_a_case_value_and_back():
    import typing

    from samenwerkwijzer.model._case_types import ClimateSign

    assert set(typing.get_args(ClimateSign)) == set(KB.sign_level)


def test_duplicate_ids_and_dangling_references_are_refused():
    from samenwerkwijzer import KnowledgeBaseError
    from samenwerkwijzer.model._catalogue import _check_invariants

    broken = KB.model_copy(update={"findings": KB.findings + (KB.findings[0],)})
    with pytest.raises(KnowledgeBaseError, match="duplicate id"):
        _check_invariants(broken)
    dangling = KB.findings[0].model_copy(update={"condition": "geen_conditie"})
    with pytest.raises(KnowledgeBaseError, match="unknown condition"):
        _check_invariants(KB.model_copy(update={"findings": (dangling,) + KB.findings[1:]}))


def test_the_collaborations_own_question_is_refused_as_an_observed_problem():
    """An asked finding (rules/question) must name a package: the ranking, the conditions' profile and the letter tell
    observed problems by `package is None`, and the question is none."""
    from samenwerkwijzer import KnowledgeBaseError
    from samenwerkwijzer.model._catalogue import _check_invariants

    asked = next(f for f in KB.findings if f.asked)
    unpackaged = asked.model_copy(update={"package": None})
    findings = tuple(unpackaged if f.id == asked.id else f for f in KB.findings)
    with pytest.raises(KnowledgeBaseError, match="asked, but names no package"):
        _check_invariants(KB.model_copy(update={"findings": findings}))


def test_each_place_in_a_document_is_spelled_one_way():
    """The letter numbers one source note per document and place: two spellings
    of one place (a hyphen for a dash, quotes or not) would print it twice."""
    import re

    from samenwerkwijzer.render._letter import section_nl

    def plain(locator: str, source: str) -> str:
        text = section_nl(locator, KB.source[source].short).translate(
            str.maketrans({"‘": "", "’": "", "“": "", "”": "", '"': "", "'": ""})
        )
        return re.sub(r"\s*[-–—]\s*", " - ", text).strip().casefold()

    spellings: dict[tuple[str, str], set[str]] = {}
    entries = [*KB.finding.values(), *KB.intervention.values()]
    for entry in entries:
        for ref in entry.references:
            short = KB.source[ref.source].short
            spellings.setdefault((ref.source, plain(ref.locator, ref.source)), set()).add(
                section_nl(ref.locator, short)
            )
    assert len(spellings) > 50
    assert not {key: found for key, found in spellings.items() if len(found) > 1}


def test_a_locator_loses_the_documents_short_name_in_front():
    """The letter's note names the document once (by its short name from
    knowledge/sources.yaml), and then the place in it without that name again."""
    from samenwerkwijzer.render._letter import section_nl

    assert section_nl("Common Eye, Voorwoord", "Common Eye") == "Voorwoord"
    assert section_nl("HAN-toolbox (Zorg+Welzijn), ‘Verankeren’", "HAN toolbox") == "‘Verankeren’"
    zonmw = "ZonMw, leernetwerk Maak ruimte voor gezondheid, ‘Gouden tips voor succesvol duurzaam samenwerken’, tip 3"
    assert section_nl(zonmw, "ZonMw") == "‘Gouden tips voor succesvol duurzaam samenwerken’, tip 3"
    assert section_nl("ZonMw leernetwerk – inleiding", "ZonMw") == "ZonMw leernetwerk – inleiding"
    assert section_nl("Gouden tips, tip 3", "ZonMw") == "Gouden tips, tip 3"
    for entry in [*KB.finding.values(), *KB.intervention.values()]:
        for ref in entry.references:
            shown = section_nl(ref.locator, KB.source[ref.source].short)
            assert not shown.startswith(KB.source[ref.source].short + ","), ref.locator
