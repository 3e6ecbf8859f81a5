"""HOW / WHY-NOT explanations, trace and step mode, checked against the run itself."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from samenwerkwijzer import InputError, diagnose, load_case
from samenwerkwijzer.cli import app
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.reasoning._rule_book import rules_by_id
from samenwerkwijzer.rules.dsl import holds
from samenwerkwijzer.trainer import explain, number_word, steps, story, trace, why_not

from ..conftest import EXAMPLES, TODAY, fired_rules, run

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _case(path):
    return load_case(path)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_explanation_names_rules_and_case_facts_that_the_run_really_used(path):
    case = _case(path)
    advice = diagnose(case, today=TODAY)
    run_trace = trace(case, today=TODAY)
    firings = {(f.rule, tuple(sorted(m.key for m in f.matched))) for f in run_trace.firings}
    matched_case_facts = {(m.key, str(m.value)) for f in run_trace.firings for m in f.matched if m.kind == "fact"} & {
        (f.key, str(f.value)) for f in run_trace.initial_facts
    }
    explanations = explain(advice)
    assert [e.intervention for e in explanations] == [i.id for i in advice.interventions]
    for e in explanations:
        assert e.steps and e.case_facts, e.intervention
        for step in e.steps:
            used = tuple(sorted([f.path for f in step.used_facts] + step.used_findings))
            assert (step.rule, used) in firings, (e.intervention, step.rule)
        for fact in e.case_facts:
            assert (fact.path, str(fact.value)) in matched_case_facts, (e.intervention, fact.path)
        assert e.steps[-1].concluded == [e.intervention] or e.intervention in e.steps[-1].concluded


def test_explanation_orders_steps_from_facts_to_intervention():
    advice = diagnose(_case(EXAMPLES / "klimaat-waakzaam.yaml"), today=TODAY)
    [e] = explain(advice, "I-KLIMAAT-SAMEN-METEN")
    assert [s.rule for s in e.steps] == ["KLI001", "KLI004", "KLI105"]
    assert [f.path for f in e.case_facts] == ["climate.declared", "climate.signs"]


def test_why_not_names_the_unmet_condition():
    advice = diagnose(_case(EXAMPLES / "gecombineerd.yaml"), today=TODAY)
    answer = why_not(advice, "I-DE-ESCALEREN")
    assert answer.status == "not_recommended"
    [kli101] = answer.candidates
    assert kli101.rule == "KLI101" and not kli101.fired
    [condition] = kli101.conditions
    assert not condition.met and condition.finding is not None
    [kli013] = condition.finding.rules
    assert kli013.rule == "KLI013"
    [level] = kli013.conditions
    assert (level.met, level.actual) == (False, "waakzaam")
    assert "observations.climate.declared" in (level.hint or "")


def test_why_not_points_to_unknown_case_fields():
    answer = why_not(run({}), "I-TREKKER-TIJD-GEVEN")
    checks = answer.candidates[0].conditions[0].finding.rules[0].conditions
    assert [(c.met, c.actual) for c in checks] == [(False, "onbekend"), (False, "onbekend")]
    assert checks[0].hint == "in de casus: observations.leadership.trekker"


def test_why_not_names_the_suppression():
    advice = diagnose(_case(EXAMPLES / "gecombineerd.yaml"), today=TODAY)
    answer = why_not(advice, "I-NETWERK-VERBREDEN")
    assert answer.status == "suppressed"
    assert [s.rule for s in answer.suppressed_by] == ["NET102"]
    assert [r.rule for r in answer.recommended_by] == ["NET104"]
    assert answer.candidates[0].fired


def test_why_not_for_a_recommended_intervention_says_so():
    advice = diagnose(_case(EXAMPLES / "gecombineerd.yaml"), today=TODAY)
    answer = why_not(advice, "I-REGIE-BELEGGEN")
    assert answer.status == "recommended" and answer.rank is not None


def test_unknown_intervention_is_an_input_error_with_a_suggestion():
    advice = run({})
    with pytest.raises(InputError, match="bedoelt u I-REGIE-BELEGGEN"):
        why_not(advice, "I-REGIE-BELEGEN")
    with pytest.raises(InputError, match="--why-not"):
        explain(advice, "I-REGIE-BELEGGEN")


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_condition_evaluation_agrees_with_the_engine(path):
    """The evaluator behind WHY-NOT must mean what the compiled patterns mean."""
    advice = diagnose(_case(path), today=TODAY)
    facts = {f.path: f.value for f in advice.facts}
    findings = {f.id for f in advice.findings}
    thresholds = load_catalogue().threshold
    fired = fired_rules(advice)
    for rule in rules_by_id().values():
        assert all(holds(c, facts, findings, thresholds) for c in rule.when) == (rule.id in fired), rule.id


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_stepping_fires_as_many_rules_as_a_run(path):
    case = _case(path)
    stepped = list(steps(case, today=TODAY))
    traced = trace(case, today=TODAY).firings
    assert len(stepped) == len(traced) > 0
    assert sorted(f.rule for f in stepped) == sorted(f.rule for f in traced)
    assert {f.rule for f in traced} == fired_rules(diagnose(case, today=TODAY))


def test_trace_records_matched_and_declared_facts():
    result = trace(_case(EXAMPLES / "klimaat-waakzaam.yaml"), today=TODAY)
    kli001 = next(f for f in result.firings if f.rule == "KLI001")
    assert [m.key for m in kli001.matched] == ["climate.signs"]
    assert [(d.kind, d.key, d.value) for d in kli001.declared] == [("fact", "climate.derived", "waakzaam")]
    assert [f.step for f in result.firings] == list(range(1, len(result.firings) + 1))


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


COMBINED = str(EXAMPLES / "gecombineerd.yaml")


def test_cli_explain_text_and_json():
    text = invoke("explain", COMBINED, "I-TREKKER-AANWIJZEN")
    assert text.exit_code == 0
    assert "ROL002" in text.output and "ROL102" in text.output and "leadership.trekker = nee" in text.output
    # What decided its place, in the words of the ranking model.
    placed = "Plaats: Deze interventie staat na ‘Maak een plan voor na de subsidie’, omdat die een urgent probleem"
    placed += " aanpakt"
    assert placed in text.output
    import json

    data = json.loads(invoke("explain", COMBINED, "--format", "json").output)
    assert len(data) == len(diagnose(_case(COMBINED)).interventions)


def test_cli_why_not_and_unknown_id():
    assert "NET102" in invoke("explain", COMBINED, "--why-not", "I-NETWERK-VERBREDEN").output
    bad = invoke("explain", COMBINED, "--why-not", "I-BESTAAT-NIET")
    assert bad.exit_code == 2 and "onbekende interventie" in bad.output


@pytest.mark.parametrize("n", [1, 2])
def test_cli_step_shows_n_story_steps(n):
    result = invoke("step", COMBINED, "--steps", str(n))
    assert result.exit_code == 0
    headings = [line for line in result.output.splitlines() if line.startswith("Stap ")]
    assert len(headings) == n and headings[0].startswith("Stap 1 van ") and "De feiten uit de casus" in headings[0]
    assert f"Gestopt na {['', 'één', 'twee'][n]} stap" in result.output


def test_cli_step_all_tells_the_whole_story():
    told = story(diagnose(_case(COMBINED)))
    result = invoke("step", COMBINED, "--steps", "1000")
    assert result.output.count("\nStap ") + result.output.startswith("Stap ") == len(told)
    assert "er zijn er meer" not in result.output


def test_story_order_is_facts_then_findings_then_interventions_then_withheld():
    advice = diagnose(_case(COMBINED))
    told = story(advice)
    kinds = [s.kind for s in told]
    assert kinds == sorted(kinds, key=["facts", "finding", "intervention", "withheld"].index)
    assert kinds.count("finding") == len(advice.findings) and kinds.count("withheld") == len(advice.suppressed)
    assert [s.id for s in told if s.kind == "intervention"] == [i.id for i in advice.interventions]
    assert [s.number for s in told] == list(range(1, len(told) + 1)) and {s.of for s in told} == {len(told)}
    climate = next(s for s in told if s.id == "F-KLIMAAT-WAAKZAAM")
    assert [r.rule for r in climate.rules] == ["KLI002", "KLI011"]  # from the fact towards the finding
    assert [f.path for f in climate.facts] == ["climate.declared", "climate.level"]
    text = " ".join(s.model_dump_json() for s in told)
    assert "laag 1" not in text


def test_cli_step_interactive_goes_back_and_stops_on_q():
    n = len(story(diagnose(_case(COMBINED))))
    result = invoke("step", COMBINED, input="\n\nb\nq\n")
    assert result.exit_code == 0
    headings = [line.split("·")[0].split("Stap ")[-1].strip() for line in result.output.splitlines() if "Stap " in line]
    assert headings == [f"1 van {n}", f"2 van {n}", f"3 van {n}", f"2 van {n}"]
    assert "b: terug" in result.output and "Gestopt bij stap 2 van" in result.output


def test_cli_step_to_the_end():
    told = story(diagnose(_case(COMBINED)))
    result = invoke("step", COMBINED, input="\n" * len(told))
    assert result.exit_code == 0 and f"Klaar: alle {number_word(len(told))} stappen gezien." in result.output
    # A story a class can follow, not the engine's firings; the advice from the situation adds a few steps
    # (thirty-five since the GPs' structural consultation joined the combined case's advice).
    assert 10 < len(told) < 40


def test_explain_names_the_tier_by_its_dutch_title_not_a_layer_number():
    result = invoke("explain", COMBINED)
    assert "laag 1" not in result.output
    assert "Rang: groep ‘Samenwerkingsklimaat bespreekbaar maken’ (de eerste van vijf)" in result.output


def test_cli_trace():
    result = invoke("trace", COMBINED)
    count = len(trace(_case(COMBINED)).firings)
    assert result.exit_code == 0 and f"Regels in de volgorde waarin ze vuurden ({count})" in result.output
    assert result.output.count(" — ") == count
