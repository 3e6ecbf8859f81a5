"""The ranking model of knowledge/ranking.yaml (issue 11): urgency and severity
before the tier, the documents' precedence constraints, a source's sequence kept
together, one intervention per problem in the top, and no advice that
contradicts the case."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import yaml

from samenwerkwijzer import Advice, SamenwerkwijzerError, case_from_data, diagnose, load_case
from samenwerkwijzer.authoring._kbcheck import check_knowledge_base, contradicted
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.rules import all_rules
from samenwerkwijzer.rules.dsl import Recommend, finding, rule
from samenwerkwijzer.trainer._compare import with_changes

from ..conftest import EXAMPLES, TODAY, recommended, run
from ..every import every

KB = load_catalogue()
COMBINED = EXAMPLES / "gecombineerd.yaml"
TOP = 5
STRUCTURAL = {"regie", "inhoud", "vorm", "onderhoud"}


def _case_files() -> list[Path]:
    """Every example and story, and the panel's cases where the panel keeps case files."""
    panel = sorted((EXAMPLES.parent / "tests" / "panel").glob("**/*.yaml"))
    return [*sorted(EXAMPLES.glob("*.yaml")), *sorted((EXAMPLES / "verhalen").glob("*.yaml")), *panel]


@cache
def _advice(path: Path) -> Advice | None:
    if "panel" not in path.parts:
        return diagnose(load_case(path), today=TODAY)
    # A panel file is a case file, or holds its case under `case:` beside the expectations.
    try:
        return diagnose(load_case(path), today=TODAY)
    except SamenwerkwijzerError:
        pass
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    case = data.get("case") if isinstance(data, dict) else None
    if not isinstance(case, dict):
        return None
    try:
        return diagnose(case_from_data({"name": path.stem, **case}), today=TODAY)
    except SamenwerkwijzerError:
        return None


def _is_case(path: Path) -> bool:
    """A panel file that is a valid case, or holds one under `case:` (``_advice`` reads and diagnoses it; the tests
    assert that it did). Decided without diagnosing: diagnosing all of the panel's cases cost two seconds more."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    case = data.get("case") if isinstance(data, dict) else None
    for candidate in (data, {"name": path.stem, **case} if isinstance(case, dict) else None):
        if candidate is None:
            continue
        try:
            case_from_data(candidate)
            return True
        except SamenwerkwijzerError:
            pass
    return False


@cache
def cases() -> list[Path]:
    """The examples, the stories and the panel's case files. Read when a test first needs them, not when the module
    is imported: every test process imports every test module (0.3 s of CPU here), one runs this file."""
    return [p for p in _case_files() if "panel" not in p.parts or _is_case(p)]


def test_the_deadline_and_the_missing_trekker_rank_above_healthy_vigilance():
    advice = diagnose(load_case(COMBINED), today=TODAY)
    ids = recommended(advice)
    vigilance = [n for n, i in enumerate(advice.interventions) if "F-KLIMAAT-WAAKZAAM" in _findings(i)]
    assert vigilance and not any(advice.interventions[n].priority.urgent for n in vigilance)  # waakzaam is not urgent
    for theme in ("I-VERVOLG-NA-SUBSIDIE", "I-TREKKER-AANWIJZEN"):
        assert ids.index(theme) < min(vigilance), (theme, ids)


def test_in_a_conflict_de_escalation_is_first_and_nothing_structural_above_it():
    case = with_changes(load_case(COMBINED), ["observations.climate.declared=conflict"])
    advice = diagnose(case, today=TODAY)
    assert recommended(advice)[0] == "I-DE-ESCALEREN"
    assert advice.interventions[0].placed_by.startswith("Deze interventie staat bovenaan, omdat zij een urgent")


def test_the_cli_with_set_conflict_puts_de_escalation_first():
    from click.testing import CliRunner

    from samenwerkwijzer.cli import app

    args = ["compare", str(COMBINED), "--format", "json", "--set", "observations.climate.declared=conflict"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    changes = {c["id"]: c for c in json.loads(result.output)["changes"]}
    assert changes["I-DE-ESCALEREN"]["after_rank"] == 1


def test_de_escalation_goes_before_acknowledging_competition_not_by_the_id():
    advice = diagnose(load_case(EXAMPLES / "verhalen" / "alliantie-na-gewonnen-subsidie.yaml"), today=TODAY)
    ids = recommended(advice)
    assert ids.index("I-DE-ESCALEREN") < ids.index("I-CONCURRENTIE-ERKENNEN")


def test_content_goes_before_form_even_when_the_form_finding_is_more_serious():
    advice = run(
        {
            "context": {"phase": "verdiepen"},
            "observations": {"organising": {"agreements": "nauwelijks"}, "ambition": {"form_debate_dominates": True}},
        }
    )
    ids = recommended(advice)
    form = advice.interventions[ids.index("I-AFSPRAKEN-EN-GOVERNANCE-BORGEN")]
    content = advice.interventions[ids.index("I-INHOUD-VOOR-VORM")]
    assert content.priority.max_severity < form.priority.max_severity  # severity alone would put form first
    assert content.rank < form.rank
    assert "de bronnen voorschrijven: de inhoud bepaalt de vorm." in form.placed_by


def test_the_netwerkdip_ingredients_stay_together_in_the_source_order():
    advice = run(
        {
            "context": {"type": "netwerk"},
            "observations": {
                "process": {"momentum": "afnemend"},
                "leadership": {"board_support": False},
                "network": {"partner_count": 4},
            },
        }
    )
    [sequence] = [s for s in KB.ranking.sequences if s.id == "netwerkdip"]
    ids = recommended(advice)
    places = [ids.index(step) for step in sequence.steps]
    assert places == list(range(places[0], places[0] + len(places))), ids
    assert all(advice.interventions[n].sequence == sequence.title for n in places)
    # Another serious problem neither splits the package nor is pushed out of the top by it.
    assert "I-BESTUURLIJK-EIGENAARSCHAP" in ids[:TOP]


def test_a_sequence_only_holds_in_the_situation_its_source_speaks_of():
    """Shared leadership and a joint analysis without a netwerkdip are two pieces of advice, not one package."""
    advice = run(
        {
            "observations": {
                "leadership": {"others_lean_back": True},
                "ambition": {"shared_problem_picture": False},
            }
        }
    )
    ids = recommended(advice)
    assert {"I-GEDEELD-EIGENAARSCHAP", "I-GEZAMENLIJKE-PROBLEEMANALYSE"} <= set(ids)
    assert not any(i.sequence for i in advice.interventions)


@every("path", cases, ids=lambda p: p.name)
def test_no_two_interventions_in_the_top_serve_only_the_same_problem(path):
    advice = _advice(path)
    assert advice is not None
    # The top holds one intervention per problem; the others follow all of them, each as the "how" of one there.
    # Advice from the situation follows every observed problem and its "hows", with its own after it; only the
    # "hows" of a light problem (severity laag: ranking.yaml's ahead_of_hows_up_to) may wait behind it.
    light = [
        i for i in advice.interventions if not i.priority.situational and i.serves_with and i.priority.max_severity <= 1
    ]
    rest = [i for i in advice.interventions if i not in light]
    observed = [i for i in rest if not i.priority.situational]
    situational = [i for i in rest if i.priority.situational]
    assert rest == observed + situational
    if light:
        assert advice.interventions.index(light[0]) > advice.interventions.index(observed[-1])
    observed = [i for i in advice.interventions if not i.priority.situational]
    for part in (observed, situational):
        main = [i for i in part if not i.serves_with]
        assert part[: len(main)] == main
    top = [i for i in advice.interventions if not i.serves_with][:TOP]
    # A group led by the collaboration's own question counts only where the question is asked (as the ranking does).
    diagnosed = {f.id for f in advice.findings}
    one = {f: lead for f, lead in _ONE.items() if not KB.finding[lead].asked or lead in diagnosed}
    for n, later in enumerate(top):
        for earlier in top[:n]:
            if later.sequence and later.sequence == earlier.sequence:
                continue  # the source gives them as separate steps
            assert not _findings(later, one) <= _served(earlier, one), (later.id, earlier.id)
    for how in advice.interventions:
        if how.serves_with:
            survivor = next(i for i in advice.interventions if i.id == how.serves_with)
            assert survivor.rank < how.rank and _findings(survivor) & _findings(how)


@every("path", cases, ids=lambda p: p.name)
def test_no_advice_contradicts_the_case(path):
    advice = _advice(path)
    assert advice is not None
    facts = {f.path: f.value for f in advice.facts}
    assert not contradicted(recommended(advice), facts, KB)


def test_the_declared_contradictions_catch_the_cases_of_the_issue():
    """A trekker already there; already too many meetings; an open conflict; an overloaded network."""
    declared = {(i.id, c.fact) for i in KB.interventions for c in i.not_when}
    assert {
        ("I-TREKKER-AANWIJZEN", "leadership.trekker"),
        ("I-TIJD-INVESTEREN-IN-RELATIES", "organising.meeting_overload"),
        ("I-NETWERK-VERBREDEN", "climate.level"),
        ("I-HERNIEUWDE-ENERGIE-ZOEKEN", "organising.workload"),
    } <= declared
    advice = diagnose(load_case(EXAMPLES / "rollen-onduidelijk.yaml"), today=TODAY)
    assert advice.fact("leadership.trekker") is True
    assert "I-TREKKER-AANWIJZEN" not in recommended(advice)


def test_kb_check_fails_on_a_seeded_contradiction():
    @rule(
        "ROL199",
        title="Onduidelijke regie: wijs één trekker aan",
        when=[finding("F-REGIE-ONDUIDELIJK")],
        then=[Recommend("I-TREKKER-AANWIJZEN")],
    )
    def seeded() -> None:
        """The old ROL101: it advised a trekker also where the case has one."""

    issues = check_knowledge_base(KB, [*all_rules(), seeded], samples=1)
    found = [i.message for i in issues if i.check == "contradiction"]
    assert any(m.startswith("ROL199 advises I-TREKKER-AANWIJZEN although leadership.trekker = True") for m in found)


def test_kb_check_refuses_a_contradiction_on_an_unknown_fact():
    trekker = KB.intervention["I-TREKKER-AANWIJZEN"]
    broken = trekker.model_copy(update={"not_when": (trekker.not_when[0].model_copy(update={"fact": "leadership.x"}),)})
    kb = KB.model_copy(update={"interventions": tuple(broken if i.id == trekker.id else i for i in KB.interventions)})
    kb.__dict__.pop("intervention", None)
    messages = [i.message for i in check_knowledge_base(kb, samples=0) if i.check == "contradiction"]
    assert messages == ["I-TREKKER-AANWIJZEN declares a contradiction on unknown fact 'leadership.x'"]


def test_every_place_says_what_decided_it():
    for path in cases()[:6]:
        advice = _advice(path)
        assert advice is not None
        for item in advice.interventions:
            assert item.placed_by.startswith("Deze interventie "), (path.name, item.id)
            assert not any(ch.isdigit() for ch in item.placed_by), item.placed_by  # no codes or numbers


# Findings the ranking model calls one problem (ranking.yaml same_problem) count as their first; the groups led by
# the collaboration's own question only where it is asked (the top-five test passes its own).
_ONE = {f: lead for f, lead in KB.problem_of.items() if not KB.finding[lead].asked}


def _findings(item: object, one: dict[str, str] = _ONE) -> frozenset[str]:
    return frozenset(one.get(f, f) for r in item.reasons for f in r.findings)  # type: ignore[attr-defined]


_RULES = {r.id: r for r in all_rules()}


def _served(item: object, one: dict[str, str] = _ONE) -> frozenset[str]:
    """The findings an intervention serves for the rule of one per problem: every observed finding behind it, and a
    situation's finding only where a rule gives it as that situation's main advice (its first recommendation)."""
    out = set()
    for r in item.reasons:  # type: ignore[attr-defined]
        main = next(c.intervention for c in _RULES[r.rule].then if isinstance(c, Recommend))
        out.update(one.get(f, f) for f in r.findings if KB.finding[f].package is None or main == item.id)  # type: ignore[attr-defined]
    return frozenset(out)


def test_a_condition_whose_deciding_facts_are_unknown_is_not_assessed_and_says_what_to_ask():
    """Agreements hardly arranged, but the phase unknown: the letter may not call organising 'op orde'."""
    advice = run({"observations": {"organising": {"agreements": "nauwelijks"}}})
    organising = next(c for c in advice.conditions if c.id == "professioneel_organiseren")
    assert organising.status == "niet beoordeeld"
    assert "fase" in organising.to_ask and "In welke fase is de samenwerking?" in organising.reason
    answered = run({"context": {"phase": "verdiepen"}, "observations": {"organising": {"agreements": "nauwelijks"}}})
    assert next(c for c in answered.conditions if c.id == "professioneel_organiseren").status == "zorg"


def test_one_answer_out_of_many_does_not_make_a_condition_op_orde():
    advice = run({"observations": {"ambition": {"shared": True}}})
    ambition = next(c for c in advice.conditions if c.id == "gedeelde_ambitie")
    assert ambition.status == "niet beoordeeld" and ambition.to_ask


def test_a_condition_is_op_orde_when_the_answers_decide_it():
    ambition = {
        "shared": True,
        "why_discussed": True,
        "form_debate_dominates": False,
        "competing_activities": False,
        "goals_shifting": False,
        "shared_problem_picture": True,
        "value_only_financial": False,
    }
    # Whether the collaboration reaches its people belongs to the ambition too (Common Eye: "Partijen én burgers
    # hebben elkaar nodig").
    advice = run({"observations": {"ambition": ambition, "residents": {"not_reached": False}}})
    condition = next(c for c in advice.conditions if c.id == "gedeelde_ambitie")
    assert (condition.status, condition.to_ask) == ("op orde", [])


@every("path", cases, ids=lambda p: p.name)
def test_op_orde_only_without_open_questions(path):
    advice = _advice(path)
    assert advice is not None
    for condition in advice.conditions:
        assert (condition.status == "op orde") <= (not condition.to_ask), condition
        assert not any(ch.isdigit() or "_" in ch for ch in condition.reason), condition.reason


def test_a_light_problem_does_not_fill_the_top_with_its_own_steps():
    """A newly formed team (severity laag) keeps its main advice first; its further steps wait behind the main advice
    the documents give for the situation (here: the sectors at the table), so the top five holds both."""
    case = case_from_data(
        {
            "name": "Wijkteam",
            "context": {"type": "intersectoraal", "phase": "verdiepen"},
            "partners": [
                {"name": "Thuiszorg", "kind": "zorgaanbieder", "roles": ["uitvoerder"]},
                {"name": "Welzijn", "kind": "welzijnsorganisatie", "roles": ["uitvoerder"]},
            ],
            "observations": {"relation": {"team_new": True}},
        }
    )
    advice = diagnose(case, today=TODAY)
    ids = [i.id for i in advice.interventions]
    team = [
        i for i in advice.interventions if "F-TEAM-NIEUW-SAMENGESTELD" in {f for r in i.reasons for f in r.findings}
    ]
    assert ids[0] == team[0].id and not team[0].serves_with
    hows = [i for i in team if i.serves_with]
    assert len(hows) >= 2
    sectors = ids.index("I-DOMEINVERSCHILLEN-ERKENNEN")
    assert sectors < 5 and all(ids.index(h.id) > sectors for h in hows)


def test_findings_that_are_one_problem_get_one_place_in_the_top():
    """A subsidy that ends soon without a plan and a high dependency on it are one problem (ranking.yaml
    same_problem): its plan goes first, its other steps follow as "hows", and the network's dip, a problem of its
    own, gets a place in the top three."""
    case = case_from_data(
        {
            "name": "Buurtnetwerk",
            "context": {"type": "netwerk", "phase": "verankeren"},
            "observations": {
                "funding": {"subsidy": True, "months_left": 4, "dependency": "hoog", "continuation_plan": False},
                "process": {"momentum": "afnemend"},
                "climate": {"declared": "waakzaam"},
            },
        }
    )
    advice = diagnose(case, today=TODAY)
    found = {f.id for f in advice.findings}
    assert {"F-SUBSIDIE-EINDIGT-ZONDER-PLAN", "F-HOGE-SUBSIDIEAFHANKELIJKHEID", "F-NETWERKDIP"} <= found
    ids = [i.id for i in advice.interventions]
    assert ids[0] == "I-VERVOLG-NA-SUBSIDIE"
    borging = next(i for i in advice.interventions if i.id == "I-STRUCTURELE-BORGING-ZOEKEN")
    assert borging.serves_with == "I-VERVOLG-NA-SUBSIDIE"
    top3 = {f for i in advice.interventions[:3] for r in i.reasons for f in r.findings}
    assert "F-NETWERKDIP" in top3


def test_what_a_condition_still_asks_is_an_intake_question():
    """Eighth session: a rule reading a partner-list fact (residents and municipality at one table) made the profile ask
    for a fact without a question of its own, and diagnose crashed; the partner list is asked for as the partners."""
    from samenwerkwijzer.model._catalogue import load_catalogue
    from samenwerkwijzer.model._facts import FACT_LABELS

    questions = {FACT_LABELS[q.fact] for q in load_catalogue().questions if q.fact in FACT_LABELS}
    answers = {"interests": {"respected": False}, "process": {"decisions_difficult": False, "momentum": "stabiel"}}
    advice = run({"observations": answers})
    assert all(set(c.to_ask) <= questions for c in advice.conditions), [c.to_ask for c in advice.conditions]


def test_a_collaboration_that_ends_looks_back_together_before_it_anchors_what_stays():
    """Eighth session: where the collaboration ends, 'Evalueer de samenwerking' (the PPS's sixth phase before its
    seventh) comes before embedding what works; as a "how" after it, the evaluation ranked seven to ten."""
    advice = run({"context": {"phase": "verankeren"}, "observations": {"process": {"ending": True}}})
    ids = [i.id for i in advice.interventions]
    assert "I-WERKWIJZE-INBEDDEN" in ids
    assert ids.index("I-SAMEN-EVALUEREN") < ids.index("I-WERKWIJZE-INBEDDEN"), ids
