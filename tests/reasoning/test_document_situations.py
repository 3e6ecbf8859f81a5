"""Every situation the documents reason about (issue 11, point 8) can be entered, in a case file, against
the JSON Schema and in the intake, and changes the advice: the finding and the intervention the documents
give for it appear, and do not without it."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import jsonschema
import pytest

from samenwerkwijzer import case_from_data, diagnose, json_schema
from samenwerkwijzer.intake._answers import parse
from samenwerkwijzer.intake._intake_steps import Step, catalogue_step, questions_by_field
from samenwerkwijzer.model._facts import CASE_PATHS

TODAY = date(2026, 1, 1)

# situation: (observations entered, the finding it leads to, the intervention the documents advise)
SITUATIONS: dict[str, tuple[dict[str, dict[str, Any]], str, str]] = {
    "built fast for a subsidy, still in that mode": (
        {"funding": {"subsidy": True, "origin": "subsidieaanvraag", "bid_mode_continues": "ja"}},
        "F-WERKWIJZE-VAN-DE-AANVRAAG",
        "I-AFSPRAKEN-EN-GOVERNANCE-BORGEN",
    ),
    "the trekker is the party at odds": (
        {"leadership": {"leader_at_odds": "ja"}},
        "F-TREKKER-IN-ONMIN-MET-PARTNERS",
        "I-ONAFHANKELIJKE-PROCESBEGELEIDING",
    ),
    "organisations want to join": (
        {"network": {"want_to_join": True}},
        "F-AANSLUITING-ZONDER-SPELREGELS",
        "I-TOETREDING-AFSPREKEN",
    ),
    "capacity and money uncertain without a subsidy": (
        {"funding": {"subsidy": False, "capacity_money_uncertain": "deels"}},
        "F-ONZEKERHEID-CAPACITEIT-EN-GELD",
        "I-INBRENG-EN-FINANCIERING-AFSPREKEN",
    ),
    "accountability demanded": (
        {"funding": {"accountability_pressure": "ja"}},
        "F-VERANTWOORDINGSDRUK",
        "I-EFFECTEN-ZICHTBAAR-MAKEN",
    ),
    "leadership fallen back to hierarchy": (
        {"leadership": {"hierarchy_returned": "deels", "trekker": True}},
        "F-LEIDERSCHAP-TERUG-IN-HIERARCHIE",
        "I-GEDEELD-EIGENAARSCHAP",
    ),
    "the chair is the largest party's director": (
        {"leadership": {"chair_from_largest_party": True}},
        "F-LEIDERSCHAP-TERUG-IN-HIERARCHIE",
        "I-GEDEELD-EIGENAARSCHAP",
    ),
    "different decision strategies": (
        {"process": {"decision_strategies_differ": True}},
        "F-VERSCHILLENDE-BESLUITVORMINGSSTRATEGIEEN",
        "I-BESLUITVORMING-BESPREKEN",
    ),
    "a policy domain missing": (
        {"network": {"domain_missing": True}},
        "F-BELEIDSTERREIN-ONTBREEKT",
        "I-BELEIDSTERREIN-BETREKKEN",
    ),
    "a process depending on coincidences and persons": (
        {"process": {"depends_on_coincidence": "ja"}},
        "F-PROCES-AFHANKELIJK-VAN-TOEVAL",
        "I-PROCES-VERANKEREN",
    ),
    "health not on the agenda": (
        {"ambition": {"health_on_agenda": "nee"}},
        "F-GEZONDHEID-NIET-OP-AGENDA",
        "I-GEZONDHEID-AGENDEREN",
    ),
    "regie that exists but is too weak": (
        {"leadership": {"regie": "duidelijk", "regie_strong_enough": False}},
        "F-REGIE-TE-ZWAK",
        "I-REGIE-VERSTERKEN",
    ),
    "a network nested in another": (
        {"network": {"nested": True}},
        "F-NETWERK-IN-NETWERK",
        "I-BESTAANDE-TAFELS-VERBINDEN",
    ),
    "members split into two groups": (
        {"network": {"split_in_groups": True}},
        "F-PARTNERS-IN-TWEE-GROEPEN",
        "I-VERSCHILLEN-EXPLICIET-BESPREKEN",
    ),
    "heavy administrative load": (
        {"organising": {"administrative_load": "hoog"}},
        "F-ZWARE-ADMINISTRATIEVE-LAST",
        "I-ADMINISTRATIEVE-LAST-VERLICHTEN",
    ),
    "a residents' initiative repeatedly sent back": (
        {"residents": {"initiative_sent_back": True}},
        "F-BEWONERSINITIATIEF-TERUGGESTUURD",
        "I-ZELFORGANISATIES-FACILITEREN",
    ),
    "one-sided information exchange": (
        {"relation": {"information_one_sided": True}},
        "F-INFORMATIE-EENZIJDIG",
        "I-INFORMATIE-WEDERZIJDS-DELEN",
    ),
    "a partner who stays out": (
        {"interests": {"partner_stays_out": True}},
        "F-PARTNER-HOUDT-ZICH-AFZIJDIG",
        "I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR",
    ),
}


def _observation_steps() -> dict[str, Step]:
    """Each observation's question as the intake asks it (a statement's follow-up)."""
    return {
        field: catalogue_step(question, field.split(".")[1], tuple(field.split(".")), field)
        for field, question in questions_by_field().items()
        if field.startswith("observations.")
    }


STEPS = _observation_steps()
BASE: dict[str, Any] = {"name": "Wijkaanpak", "context": {"type": "integraal", "phase": "verdiepen"}}


def _advice(observations: dict[str, Any]) -> tuple[set[str], set[str]]:
    advice = diagnose(case_from_data({**BASE, "observations": observations}), today=TODAY)
    return {f.id for f in advice.findings}, {i.id for i in advice.interventions}


_WITHOUT = functools.cache(lambda: _advice({}))


@pytest.mark.parametrize("situation", SITUATIONS)
def test_the_situation_changes_the_advice(situation):
    observations, finding, intervention = SITUATIONS[situation]
    findings, interventions = _advice(observations)
    assert finding in findings and intervention in interventions
    without, advised_without = _WITHOUT()
    assert finding not in without
    # Without the situation the intervention may still be advised from the kind of collaboration alone (an
    # integral approach is advised to put health on the other domains' agendas); then the situation must
    # make it weigh more: it moves up.
    # make it rest on an observed problem, not on the situation alone.
    if intervention in advised_without:
        assert _situational(observations, intervention) is False and _situational({}, intervention) is True


def _situational(observations: dict[str, Any], intervention: str) -> bool:
    advice = diagnose(case_from_data({**BASE, "observations": observations}), today=TODAY)
    return next(i.priority.situational for i in advice.interventions if i.id == intervention)


def test_every_situation_fits_the_json_schema():
    validator = jsonschema.Draft202012Validator(json_schema("case"))
    for observations, _, _ in SITUATIONS.values():
        validator.validate({**BASE, "observations": observations})


def _fields() -> list[tuple[str, str, Any]]:
    return sorted(
        {
            (section, name, value)
            for observations, _, _ in SITUATIONS.values()
            for section, entered in observations.items()
            for name, value in entered.items()
        },
        key=repr,
    )


@pytest.mark.parametrize(("section", "name", "value"), _fields())
def test_the_intake_asks_for_it_with_weet_niet_allowed(section, name, value):
    assert f"{section}.{name}" in CASE_PATHS
    key = f"observations.{section}.{name}"
    step = STEPS[key]
    assert not step.required  # weet niet: the question may be left open
    typed = {True: "ja", False: "nee"}.get(value) if isinstance(value, bool) else None
    if typed is None:
        labels = dict(zip(step.options, step.labels or step.options, strict=True))
        typed = labels[value]
    assert parse(step, typed) == value


def test_a_matter_of_degree_is_a_scale():
    for _, name, value in _fields():
        if value in ("nee", "deels", "ja"):
            step = next(s for k, s in STEPS.items() if k.endswith(f".{name}"))
            assert step.options == ("nee", "deels", "ja"), name
