"""End-to-end behaviour of the diagnosis on the examples and on focused cases."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from samenwerkwijzer import Advice, diagnose, load_case
from samenwerkwijzer.model._catalogue import load_catalogue

from ..conftest import EXAMPLES, ROOT, TODAY, recommended, run

STRUCTURAL_TIERS = {"inhoud", "vorm"}


def test_combined_example_puts_the_deadline_and_the_missing_trekker_before_healthy_vigilance(example):
    """Issue 11, acceptance 2: urgency and severity come before the tier; waakzaam is not urgent."""
    advice = example("gecombineerd")
    ids = recommended(advice)
    vigilance = min(ids.index("I-WAAKZAAMHEID-BESPREKEN"), ids.index("I-TIJD-INVESTEREN-IN-RELATIES"))
    assert ids.index("I-VERVOLG-NA-SUBSIDIE") < vigilance
    assert ids.index("I-TREKKER-AANWIJZEN") < vigilance and ids.index("I-REGIE-BELEGGEN") > vigilance
    regie = advice.interventions[ids.index("I-REGIE-BELEGGEN")]
    assert regie.serves_with == "I-TREKKER-AANWIJZEN"  # the regie is the "how" of the one trekker here
    assert {"I-VERVOLG-NA-SUBSIDIE", "I-TREKKER-AANWIJZEN", "I-WAAKZAAMHEID-BESPREKEN"} <= set(ids[:5])
    assert "I-KERNTEAM-EN-SCHIL" in ids and "I-AFSPRAKEN-EN-GOVERNANCE-BORGEN" in ids


def test_combined_example_never_advises_adding_partners(example):
    advice = example("gecombineerd")
    assert "I-NETWERK-VERBREDEN" not in recommended(advice)
    [suppressed] = advice.suppressed
    assert suppressed.id == "I-NETWERK-VERBREDEN"
    assert {s.rule for s in suppressed.suppressed_by} == {"NET102"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rollen-onduidelijk", {"I-REGIE-BELEGGEN", "I-TREKKER-TIJD-GEVEN", "I-BESTUURLIJK-EIGENAARSCHAP"}),
        ("klimaat-waakzaam", {"I-WAAKZAAMHEID-BESPREKEN", "I-KLIMAAT-SAMEN-METEN"}),
        ("te-veel-partners", {"I-KERNTEAM-EN-SCHIL"}),
        ("subsidie-eindigt", {"I-VERVOLG-NA-SUBSIDIE", "I-AFSPRAKEN-EN-GOVERNANCE-BORGEN"}),
    ],
)
def test_each_situation_gets_its_own_interventions(example, name, expected):
    advice = example(name)
    assert expected <= set(recommended(advice))
    for intervention in advice.interventions:
        assert intervention.references, intervention.id
        assert intervention.reasons, intervention.id


def test_each_situation_example_is_specific():
    """No two situation examples share their top intervention."""
    tops = {
        n: recommended(diagnose(load_case(EXAMPLES / f"{n}.yaml"), today=TODAY))[0]
        for n in ("rollen-onduidelijk", "klimaat-waakzaam", "te-veel-partners", "subsidie-eindigt")
    }
    assert len(set(tops.values())) == len(tops), tops


def test_too_many_partners_suppresses_broadening_but_a_small_group_may_broaden():
    many = run(
        {
            "context": {"phase": "vormgeven"},
            "partners": [{"name": f"P{i}", "kind": "gemeente", "roles": ["uitvoerder"]} for i in range(8)],
            "observations": {"network": {"roles_missing": ["beslisser"]}},
        }
    )
    assert "I-NETWERK-VERBREDEN" not in recommended(many)
    assert "I-KERNTEAM-EN-SCHIL" in recommended(many)
    few = run(
        {
            "context": {"phase": "vormgeven"},
            "partners": [{"name": f"P{i}", "kind": "gemeente", "roles": ["uitvoerder"]} for i in range(3)],
            "observations": {"network": {"roles_missing": ["beslisser"]}},
        }
    )
    assert "I-NETWERK-VERBREDEN" in recommended(few)
    assert "I-KERNTEAM-EN-SCHIL" not in recommended(few)


def test_conflict_puts_de_escalation_first_even_with_structural_problems():
    advice = run(
        {
            "context": {"phase": "vormgeven"},
            "observations": {
                "climate": {"declared": "conflict"},
                "network": {"partner_count": 12, "core_group": False},
                "ambition": {"shared": False, "form_debate_dominates": True},
                "funding": {"subsidy": True, "months_left": 3, "dependency": "hoog"},
            },
        }
    )
    assert recommended(advice)[0] == "I-DE-ESCALEREN"
    ids = recommended(advice)
    content = min(ids.index("I-INHOUD-VOOR-VORM"), ids.index("I-GEDEELDE-AMBITIE-FORMULEREN"))
    assert content < ids.index("I-KERNTEAM-EN-SCHIL")  # inhoud bepaalt vorm


def test_an_intervention_recommended_twice_appears_once_with_both_reasons_and_ranks_higher():
    leadership = {"trekker": True, "trekker_has_mandate": False, "board_support": False}
    advice = run({"observations": {"leadership": leadership}})
    ids = recommended(advice)
    assert ids.count("I-BESTUURLIJK-EIGENAARSCHAP") == 1
    ownership = advice.interventions[ids.index("I-BESTUURLIJK-EIGENAARSCHAP")]
    assert {r.rule for r in ownership.reasons} == {"ROL104", "ROL105"}
    assert ownership.priority.reason_count == 2
    assert ids.index("I-BESTUURLIJK-EIGENAARSCHAP") < ids.index("I-DRIE-NIVEAUS-VERBINDEN")


def test_climate_from_signs_and_disagreement_with_declared_climate(example):
    advice = example("klimaat-waakzaam")
    assert advice.fact("climate.derived") == "waakzaam"
    assert advice.fact("climate.level") == "waakzaam"
    assert {f.id for f in advice.findings} >= {"F-KLIMAAT-WAAKZAAM", "F-KLIMAATBEELD-WIJKT-AF"}
    level = next(f for f in advice.facts if f.path == "climate.level")
    assert level.derived_by == "KLI004"
    assert level.because == ["climate.declared", "climate.derived"]


@pytest.mark.parametrize(
    ("signs", "level"),
    [
        (["vrijuit_spreken"], "vriendschappelijk"),
        (["vrijuit_spreken", "niet_doorvragen"], "waakzaam"),  # warmest with any sign
        (["afhaken", "op_de_tenen_trappen", "geremd_voelen"], "onenigheid"),  # two signs outweigh one
        (["afhaken", "elkaar_niet_horen", "geremd_voelen"], "conflict"),
    ],
)
def test_climate_level_from_signs(signs, level):
    assert run({"observations": {"climate": {"signs": signs}}}).fact("climate.level") == level


def test_derived_facts_and_findings_record_rule_and_facts(example):
    advice = example("gecombineerd")
    regie = next(f for f in advice.findings if f.id == "F-REGIE-ONDUIDELIJK")
    assert [(r.rule, r.facts) for r in regie.reasons] == [("ROL001", ["leadership.regie"])]
    rec = next(i for i in advice.interventions if i.id == "I-REGIE-BELEGGEN")
    assert [(r.rule, r.findings) for r in rec.reasons] == [("ROL101", ["F-REGIE-ONDUIDELIJK"])]


def test_findings_are_grouped_by_the_five_conditions(example):
    advice = example("gecombineerd")
    kb = load_catalogue()
    assert [c.id for c in advice.conditions] == [c.id for c in kb.conditions]
    for condition in advice.conditions:
        for fid in condition.findings:
            assert kb.finding[fid].condition == condition.id


def test_unknown_facts_keep_rules_silent():
    advice = run({})
    assert advice.findings == [] and advice.interventions == []


def test_subsidy_months_counted_from_assessment_date():
    advice = run(
        {"assessed_on": "2026-01-15", "observations": {"funding": {"subsidy": True, "end_date": "2026-07-14"}}}
    )
    assert advice.fact("funding.months_left") == 5
    assert "F-SUBSIDIE-EINDIGT-ZONDER-PLAN" in {f.id for f in advice.findings}


def test_engine_is_compiled_once_and_reused():
    from samenwerkwijzer.reasoning._rule_book import shared_runner

    first = shared_runner()
    run({"observations": {"leadership": {"regie": "onduidelijk"}}})
    assert shared_runner() is first
    # A second run on the reused engine starts from a clean working memory.
    assert run({}).findings == []


def test_json_validates_against_the_advice_model(example):
    advice = example("gecombineerd")
    again = Advice.model_validate_json(advice.model_dump_json())
    assert again == advice


def _cli_output(fmt: str, hash_seed: str) -> bytes:
    return subprocess.run(
        [sys.executable, "-m", "samenwerkwijzer.cli", "diagnose", str(EXAMPLES / "gecombineerd.yaml"), "--format", fmt],
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        cwd=ROOT,
        check=True,
    ).stdout


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_same_case_gives_byte_identical_output_in_separate_processes(fmt):
    first, second = _cli_output(fmt, "1"), _cli_output(fmt, "2")
    assert first == second
    if fmt == "json":
        Advice.model_validate_json(first)
