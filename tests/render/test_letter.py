"""Rendering is a pure function of the advice."""

from __future__ import annotations

import re

import pytest

from samenwerkwijzer import SamenwerkwijzerError, render_letter
from samenwerkwijzer.render._letter import letter_context

from ..conftest import run


def test_rendering_is_pure_and_deterministic(example):
    advice = example("gecombineerd")
    before = advice.model_dump_json()
    assert render_letter(advice) == render_letter(advice)
    assert advice.model_dump_json() == before


def test_letter_has_greeting_core_picture_priorities_meeting_and_closing(example):
    advice = example("gecombineerd")
    letter = render_letter(advice)
    assert "Geachte leden van de stuurgroep," in letter
    assert "Er doen negen partners mee" in letter and "Het klimaat in de samenwerking is waakzaam" in letter
    assert "over zes maanden afloopt" in letter
    headings = re.findall(r"^## (.+)$", letter, re.M)
    assert headings == [
        "Kernboodschap",
        "Het beeld in het kort",
        "Onze prioriteiten",
        "Ook het overwegen waard",
        "Voorstel voor uw volgende overleg",
        "Tot slot",
        "Bronnen",
    ]
    body = letter.split("## Ook het overwegen waard")[0]
    for intervention in advice.interventions[:3]:
        assert f"### {intervention.rank}. {intervention.title}" in body
        assert intervention.first_steps[0] in body
    more = letter.split("## Ook het overwegen waard")[1].split("\n## ")[0]
    shown = letter_context(advice, 3)["more"]
    assert 1 <= len(shown) <= 5
    for intervention in shown:
        assert f"- {intervention.title}. " in more
    assert more.count("\n- ") == len(shown)
    assert "Met vriendelijke groet,\n\nMarieke de Vries" in letter
    assert "\n\n\n" not in letter and ".txt" not in letter


def test_letter_without_findings_still_reads_well():
    letter = render_letter(run({}))
    assert "geen aanleiding voor specifieke interventies" in letter
    # Without an advisor the signature keeps visible slots, never nothing.
    assert letter.rstrip().endswith("Met vriendelijke groet,\n\n[naam]  \n[functie]")
    assert "Bijlage" not in letter


def test_letter_explains_declared_and_derived_climate(example):
    letter = render_letter(example("klimaat-waakzaam"))
    assert "de partners noemen het vriendschappelijk, de signalen wijzen op waakzaam" in letter


def test_top_must_be_positive(example):
    with pytest.raises(SamenwerkwijzerError):
        render_letter(example("gecombineerd"), top=0)


def test_markdown_letter_escapes_case_text_once():
    # The sentences are shared with the HTML report, which HTML-escapes; Markdown escapes for Markdown only.
    partner = {"name": "<script>x</script> & Zn", "kind": "overig", "roles": ["beslisser"]}
    letter = render_letter(run({"name": "A & <B>", "partners": [partner]}))
    assert "# Advies over de samenwerking A & \\<B\\>" in letter
    assert "- Er doet één partner mee. Dat is \\<script\\>x\\</script\\> & Zn." in letter
    assert "&amp;" not in letter and "&lt;" not in letter


def test_letter_situation_sentences():
    letter = render_letter(
        run(
            {
                "partners": [
                    {"name": "Gemeente", "kind": "gemeente", "roles": ["beslisser"]},
                    {"name": "Bedrijf", "kind": "bedrijf", "roles": ["beslisser"]},
                ],
                "observations": {
                    "leadership": {
                        "regie": "gedeeld",
                        "trekker": True,
                        "trekker_has_time": False,
                        "trekker_has_mandate": False,
                    },
                    "funding": {"subsidy": True, "months_left": 1, "continuation_plan": True},
                    "ambition": {"shared": False, "form_debate_dominates": True},
                },
            }
        )
    )
    assert "- Er doen twee partners mee, onder wie één private partij. Dat zijn de gemeente en Bedrijf." in letter
    # The roles in plain words, not the checklist's labels (review 7 Dec: "ontbreken de rollen financier en gebruiker");
    # missing only where the answers say so, not because no partner named holds the role (eighth session).
    assert "Aan tafel ontbre" not in letter
    assert "Niet aan tafel zitten" not in letter
    assert (
        "- De regie is gedeeld over meerdere partners. Er is een trekker, maar die heeft er geen tijd voor"
        " en mist mandaat." in letter
    )
    assert "- De samenwerking draait op subsidie, die over een maand afloopt. Er is een plan voor daarna." in letter
    assert "- Een gedeelde ambitie waarin alle partners zich herkennen, ontbreekt nog." in letter
    assert "- De vraag naar de organisatievorm overheerst de gesprekken." in letter


def test_a_long_partner_list_is_shortened_in_the_letter():
    partners = [{"name": f"Partner {n}", "kind": "gemeente"} for n in range(40)]
    letter = render_letter(run({"partners": partners}))
    assert "Partner 11 en nog 28 andere." in letter  # by name; the kind is the intake's word
    assert "Partner 12 " not in letter


def test_the_profile_per_condition_opens_the_letter(example):
    advice = example("gecombineerd")
    statuses = {c.id: c.status for c in advice.conditions}
    assert statuses == {
        "gedeelde_ambitie": "niet beoordeeld",  # only "shared" is answered: too little to call it op orde
        "belangen": "zorg",
        "relatie": "aandacht",
        "betekenisgevend_proces": "zorg",
        "professioneel_organiseren": "zorg",
    }
    letter = render_letter(advice)
    assert letter.index("## Kernboodschap") < letter.index("| Conditie | Stand | Toelichting |")
    assert "| Relatie | aandacht | Aandachtspunt: waakzaam klimaat. |" in letter
    assert "| Betekenisgevend proces | zorg | Ernstig: geen trekker en onduidelijk wie de regie voert. |" in letter
    assert {c.status for c in run({}).conditions} == {"niet beoordeeld"}


def test_letter_date_and_advisor_organisation_come_from_the_case():
    advice = run({"letter_date": "2026-12-01", "advisor": "A. Adviseur", "advisor_organisation": "Bureau Samen"})
    assert advice.case.letter_date.isoformat() == "2026-12-01"
    letter = render_letter(advice)
    assert "1 december 2026" in letter
    assert "A. Adviseur  \nBureau Samen" in letter


def test_the_order_is_explained_only_with_the_tiers_the_letter_has():
    both = render_letter(run({"observations": {"climate": {"declared": "waakzaam"}, "ambition": {"shared": False}}}))
    assert "Wij beginnen bij" not in both  # the more serious missing ambition comes before the waakzaam climate
    conflict = render_letter(
        run({"observations": {"climate": {"declared": "conflict"}, "ambition": {"shared": False}}})
    )
    assert "Wij beginnen bij wat niet kan wachten." in conflict
    regie_only = render_letter(run({"observations": {"leadership": {"regie": "onduidelijk"}}}))
    assert "Wij beginnen bij" not in regie_only and "inhoud bepaalt de vorm" not in regie_only


def test_letter_names_the_roles_the_answers_say_are_missing():
    """Eighth session: a role is missing where the answers say so, in plain words and with the verb agreeing."""
    partners = [{"name": "Gemeente", "kind": "gemeente", "roles": ["beslisser"]}]
    two = render_letter(
        run({"partners": partners, "observations": {"network": {"roles_missing": ["uitvoerder", "gebruiker"]}}})
    )
    assert "Aan tafel ontbreken nog wie het werk uitvoert en de mensen voor wie de samenwerking er is." in two
    one = render_letter(run({"partners": partners, "observations": {"network": {"roles_missing": ["uitvoerder"]}}}))
    assert "Aan tafel ontbreekt nog wie het werk uitvoert." in one
