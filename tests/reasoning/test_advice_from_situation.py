"""Advice from the situation (issue 22): what the documents advise for the kind of collaboration, the
phase, the party mix and the funding, and maintenance when it goes well. It ranks below every observed
problem, one item per package ahead, never urgent, and never reads as an observed problem."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from samenwerkwijzer import Advice, diagnose, load_case
from samenwerkwijzer.authoring._kbcheck import check_knowledge_base
from samenwerkwijzer.authoring._kbcheck_witness import unreachable_interventions
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.model._vocabulary import SEVERITY_WEIGHT
from samenwerkwijzer.reasoning._engine import Runner
from samenwerkwijzer.rules import all_rules
from samenwerkwijzer.rules.dsl import Recommend, is_, rule, variants

from ..conftest import EXAMPLES, TODAY, recommended, run
from ..every import every

KB = load_catalogue()
TOP = 5
CASES = [*sorted(EXAMPLES.glob("*.yaml")), *sorted((EXAMPLES / "verhalen").glob("*.yaml"))]

# A collaboration that goes well: every answer that could point to a problem points away from one.
HEALTHY = {
    "context": {"type": "netwerk", "phase": "verdiepen"},
    "partners": [
        {"name": "Gemeente", "kind": "gemeente", "roles": ["beslisser", "financier"]},
        {"name": "Welzijn", "kind": "welzijnsorganisatie", "roles": ["uitvoerder"]},
        {"name": "Buurtteam", "kind": "zorgaanbieder", "roles": ["uitvoerder", "gebruiker"]},
    ],
    "observations": {
        "leadership": {"trekker": True, "trekker_has_time": True, "trekker_has_mandate": True, "regie": "duidelijk"},
        "climate": {"declared": "vriendschappelijk"},
        "ambition": {"shared": True, "why_discussed": True},
        "interests": {"known": True},
        "process": {"momentum": "groeiend", "collaboration_on_agenda": True},
        "organising": {"agreements": "licht", "tasks_divided": True},
        "funding": {"subsidy": False},
    },
}


@cache
def _advice(path: Path) -> Advice:
    return diagnose(load_case(path), today=TODAY)


def _observed(advice: Advice) -> list[str]:
    return [f.id for f in advice.findings if f.package is None]


@every("path", CASES, ids=lambda p: p.name)
def test_every_example_and_story_gets_at_least_three_interventions(path):
    assert len(_advice(path).interventions) >= 3


@every("path", CASES, ids=lambda p: p.name)
def test_a_serious_observed_problem_is_served_in_the_top_three(path):
    advice = _advice(path)
    # Findings the ranking model calls one problem (ranking.yaml same_problem) are served by serving one of them.
    one = KB.problem_of
    top = {one.get(f, f) for i in advice.interventions[:3] for r in i.reasons for f in r.findings}
    for f in advice.findings:
        if f.severity == "hoog" and f.package is None:
            assert one.get(f.id, f.id) in top, (f.id, recommended(advice)[:3])


@every("path", CASES, ids=lambda p: p.name)
def test_situational_advice_follows_the_observed_problems_one_per_package_in_the_top(path):
    advice = _advice(path)
    # Observed problems (False) first; only the "hows" of a light problem (ranking.yaml's ahead_of_hows_up_to) may
    # wait behind the situation's items that go ahead.
    light = KB.ranking.situational.ahead_of_hows_up_to
    standing = [
        i.priority.situational
        for i in advice.interventions
        if i.priority.situational or not i.serves_with or i.priority.max_severity > SEVERITY_WEIGHT[light]
    ]
    assert standing == sorted(standing)
    assert not any(i.priority.urgent for i in advice.interventions if i.priority.situational)
    # Each situational item ahead in the top stands for a package of its own (one of its packages).
    order = [p.id for p in KB.ranking.situational.packages]
    taken: set[str] = set()
    for item in advice.interventions[:TOP]:
        if not item.priority.situational or item.serves_with or "per onderwerp één interventie" in item.placed_by:
            continue  # observed, a "how", or moved behind every other item (in the top only when nothing else is)
        if (
            item.sequence
            and taken
            and item.placed_by.startswith("Deze interventie staat na")
            and "stappen" in (item.placed_by)
        ):
            continue  # a later step of a source's sequence counts with its first
        found = {KB.finding[f].package for r in item.reasons for f in r.findings}
        free = [p for p in order if p in found and p not in taken]
        assert free, (item.id, taken)
        taken.add(free[0])


def test_a_collaboration_without_an_observed_problem_gets_proportionate_maintenance():
    advice = run(HEALTHY)
    assert _observed(advice) == []
    assert not any(i.priority.urgent for i in advice.interventions)
    assert all(i.priority.situational for i in advice.interventions)
    maintenance = {"I-REGELMATIGE-REFLECTIE", "I-EIGEN-BELANGEN-UITEN", "I-SUCCESSEN-DELEN-EN-VIEREN"}
    maintenance |= {"I-NIEUWE-MENSEN-OPNEMEN"}
    ids = recommended(advice)
    assert 3 <= len(maintenance & set(ids)) <= 5, ids
    # It flags no condition: situational findings are no problems of the conditions.
    assert all(c.status in ("op orde", "niet beoordeeld") for c in advice.conditions), advice.conditions


def test_situational_findings_say_they_rest_on_the_situation_not_on_a_problem():
    # In the first sentence: the letter's "Waarom nu" quotes the first sentence of a finding's explanation.
    for f in KB.findings:
        if f.package is not None and not f.asked:  # the collaboration's own question is said in its own words
            assert "niet uit een waargenomen probleem" in f.explanation.split(". ")[0], f.id
            assert f.severity != "hoog", f.id


def test_a_subsidy_calls_for_a_continuation_plan_whatever_its_end_and_only_the_horizon_makes_it_urgent():
    def findings(funding):
        advice = run({"observations": {"funding": funding}})
        return {f.id for f in advice.findings}, advice

    far, advice = findings({"subsidy": True, "months_left": 30})
    assert "F-SUBSIDIE-VERVOLG-PLANNEN" in far
    assert "I-VERVOLG-NA-SUBSIDIE" in recommended(advice)
    assert not any(i.priority.urgent for i in advice.interventions)
    unknown_end, advice = findings({"subsidy": True})  # an unknown end date is no distant one
    assert "F-SUBSIDIE-VERVOLG-PLANNEN" in unknown_end and "I-VERVOLG-NA-SUBSIDIE" in recommended(advice)
    near, advice = findings({"subsidy": True, "months_left": 6})
    assert "F-SUBSIDIE-EINDIGT-ZONDER-PLAN" in near and "F-SUBSIDIE-VERVOLG-PLANNEN" not in near
    assert advice.interventions[0].priority.urgent
    planned, _ = findings({"subsidy": True, "months_left": 30, "continuation_plan": True})
    assert "F-SUBSIDIE-VERVOLG-PLANNEN" not in planned


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("pps", "I-PPS-FASEN-DOORLOPEN"),
        ("intersectoraal", "I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"),
        ("integraal", "I-GEZONDHEID-AGENDEREN"),
        ("netwerk", "I-NETWERK-BOUWSTENEN"),
        ("consortium", "I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN"),
    ],
)
def test_each_kind_of_collaboration_gets_the_documents_advice_for_it(kind, expected):
    advice = run({"context": {"type": kind, "phase": "vormgeven"}})
    assert expected in recommended(advice)


@pytest.mark.parametrize("phase", ["verkennen", "vormgeven", "verdiepen", "verankeren"])
def test_each_phase_gets_advice_of_its_own(phase):
    advice = run({"context": {"phase": phase}})
    assert any(KB.finding[f.id].package == "fase" for f in advice.findings), phase


def test_an_observed_problem_ranks_above_the_advice_for_the_situation():
    advice = run(
        {
            "context": {"type": "netwerk", "phase": "verkennen"},
            "observations": {"leadership": {"trekker": False}},
        }
    )
    assert recommended(advice)[0] == "I-TREKKER-AANWIJZEN"
    assert not advice.interventions[0].priority.situational
    assert advice.interventions[1].priority.situational


def test_every_intervention_is_reachable_and_kb_check_fails_on_one_that_is_not():
    flat = [v for r in all_rules() for v in variants(r)]
    assert unreachable_interventions(KB, flat, Runner(all_rules(), KB)) == []

    @rule(
        "SIT199",
        title="x",
        when=[is_("funding.subsidy", True), is_("funding.subsidy", False)],
        then=[Recommend("I-NIEUWE-MENSEN-OPNEMEN")],
    )
    def impossible() -> None:
        """A rule that can never fire."""

    others = [r for r in all_rules() if Recommend("I-NIEUWE-MENSEN-OPNEMEN") not in r.then]
    issues = check_knowledge_base(rules=[*others, impossible], samples=1)
    assert any(
        i.level == "error"
        and i.check == "reachability"
        and "I-NIEUWE-MENSEN-OPNEMEN is advised in no case" in i.message
        for i in issues
    ), issues


def _partner(name, kind, roles=("uitvoerder",)):
    return {"name": name, "kind": kind, "roles": list(roles)}


# Every role is held, so the partner list itself raises no observed problem.
_TABLE = [
    _partner("Gemeente", "gemeente", ["beslisser", "financier"]),
    _partner("GGD", "ggd", ["uitvoerder"]),
    _partner("Welzijn", "welzijnsorganisatie", ["uitvoerder", "gebruiker"]),
]


@pytest.mark.parametrize(
    ("phase", "expected"),
    [
        ("verkennen", "I-MEDESTANDERS-ZOEKEN"),  # HAN toolbox: "Stap één is dat: verken of je medestanders heb"
        ("vormgeven", "I-GEDEELDE-AMBITIE-FORMULEREN"),  # Common Eye (Krimp): first the ambition, then the form
        ("verdiepen", "I-REGELMATIGE-REFLECTIE"),
        ("verankeren", "I-WERKWIJZE-INBEDDEN"),
    ],
)
def test_the_phases_own_advice_reaches_the_top_five_beside_an_observed_problem_and_other_packages(phase, expected):
    # Few facts, as through the intake: a kind, a phase, the partners, a subsidy, one observed problem.
    advice = run(
        {
            "context": {"type": "integraal", "phase": phase},
            "partners": _TABLE,
            "observations": {"funding": {"subsidy": True}, "leadership": {"trekker": False}},
        }
    )
    top = recommended(advice)[:TOP]
    assert expected in top, top
    assert "I-VERVOLG-NA-SUBSIDIE" in top, top  # the subsidy's own item keeps its place too
    assert not advice.interventions[0].priority.situational


def test_several_municipalities_get_regie_on_the_regional_process_and_a_shared_regional_agenda():
    advice = run(
        {
            "context": {"type": "netwerk", "phase": "vormgeven"},
            "partners": [
                _partner("Gemeente Noord", "gemeente", ["beslisser", "financier"]),
                _partner("Gemeente Zuid", "gemeente", ["beslisser"]),
                _partner("Gemeente Oost", "gemeente", ["beslisser", "gebruiker"]),
                _partner("GGD", "ggd", ["uitvoerder"]),
            ],
        }
    )
    top = recommended(advice)[:TOP]
    assert "I-REGIE-BELEGGEN" in top, top
    assert {"I-DEELCOALITIES-VORMEN", "I-GEZAMENLIJKE-PROBLEEMANALYSE"} & set(top), top
    assert {"I-DEELCOALITIES-VORMEN", "I-WEDERZIJDSE-MEERWAARDE-ZICHTBAAR"} <= set(recommended(advice))
    one = run({"partners": [_partner("Gemeente Noord", "gemeente"), _partner("GGD", "ggd")]})
    assert "F-REGIONALE-SAMENWERKING" not in {f.id for f in one.findings}


def test_a_pps_gets_companies_as_real_partners_and_its_phases():
    advice = run(
        {
            "context": {"type": "pps", "phase": "vormgeven"},
            "partners": [*_TABLE, _partner("Supermarkt", "bedrijf"), _partner("Sportschool", "bedrijf")],
        }
    )
    top = recommended(advice)[:TOP]
    assert {"I-WEDERZIJDS-VERTROUWEN-WIN-WIN", "I-PPS-FASEN-DOORLOPEN"} <= set(top), top


def test_residents_at_the_table_keep_the_ownership():
    advice = run(
        {
            "context": {"type": "netwerk", "phase": "verdiepen"},
            "partners": [_partner("Bewonerscoöperatie", "bewoners", ["beslisser", "uitvoerder", "gebruiker"]), *_TABLE],
            "observations": {"funding": {"subsidy": True}},
        }
    )
    assert "I-EIGENAARSCHAP-BIJ-BEWONERS" in recommended(advice)[:TOP]


def test_a_large_network_gets_sub_coalitions_and_leadership_in_a_team():
    kinds = [
        "ggd",
        "zorgaanbieder",
        "school",
        "zorgverzekeraar",
        "woningcorporatie",
        "bedrijf",
        "kennisinstelling",
        "zorgaanbieder",
        "welzijnsorganisatie",
    ]
    advice = run(
        {
            "context": {"type": "netwerk", "phase": "verdiepen"},
            "partners": [*_TABLE, *(_partner(f"Partner {i}", k) for i, k in enumerate(kinds))],
        }
    )
    assert "I-DEELCOALITIES-VORMEN" in recommended(advice)[:TOP]
    assert "I-GEDEELD-EIGENAARSCHAP" in recommended(advice)


def test_visible_results_are_shared_and_celebrated_and_a_joint_subsidy_calls_for_agreements_on_money():
    advice = run(
        {
            "context": {"type": "consortium", "phase": "verdiepen"},
            "partners": _TABLE,
            "observations": {"funding": {"subsidy": True}, "statements": {"results_visible": 5}},
        }
    )
    assert "I-SUCCESSEN-DELEN-EN-VIEREN" in recommended(advice)
    assert "I-INBRENG-EN-FINANCIERING-AFSPREKEN" in recommended(advice)
    assert not any(i.priority.urgent for i in advice.interventions)


def test_integral_work_aligns_terms_and_wins_the_other_domains():
    advice = run({"context": {"type": "integraal", "phase": "verdiepen"}, "partners": _TABLE})
    top = recommended(advice)[:TOP]
    assert {"I-ELKAAR-ECHT-BEGRIJPEN", "I-GEZONDHEID-AGENDEREN"} <= set(top), top


def test_the_interests_rule_knows_every_answer_about_interests():
    """SIT057 advises putting the interests on the table while no answer says anything about them: a new interests
    fact the rule does not list would leave the advice standing beside that answer."""
    from samenwerkwijzer.model._facts import CASE_PATHS
    from samenwerkwijzer.rules.situation.interests import _INTEREST_FACTS

    assert set(_INTEREST_FACTS) == {p for p in CASE_PATHS if p.startswith("interests.")}


def test_with_no_observed_problem_the_collaborations_own_question_is_answered_first():
    """Issue 22 and the letters' review: a case whose answers show no problem, but whose partners ask advice on a
    topic, gets that topic's advice first (ahead of the sources' general advice); with an observed problem the
    question's advice ranks below it."""
    calm = run({"context": {"type": "netwerk", "phase": "verdiepen", "question": ["opbrengst"]}})
    assert not [f for f in calm.findings if f.package is None]
    first = calm.interventions[0]
    assert "F-VRAAG-OPBRENGST" in {f for r in first.reasons for f in r.findings}, [i.id for i in calm.interventions]
    troubled = run(
        {
            "context": {"type": "netwerk", "phase": "verdiepen", "question": ["opbrengst"]},
            "observations": {"leadership": {"trekker": False}},
        }
    )
    serving = [i.id for i in troubled.interventions if any("F-VRAAG-OPBRENGST" in r.findings for r in i.reasons)]
    assert serving and troubled.interventions[0].id not in serving
