"""The library behind a classroom page and integrators: the question
catalogue as models, a case's answers as switchable inputs by condition,
changing them, typed batch results, and a schema that carries the Dutch
questions and agrees with what YAML loading produces."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from samenwerkwijzer import Advice, InputError, diagnose, json_schema, load_case, load_case_data
from samenwerkwijzer.batch import BatchItem, run_batch
from samenwerkwijzer.intake import questions
from samenwerkwijzer.model._catalogue import load_catalogue
from samenwerkwijzer.trainer import case_inputs, summarise, with_answers

from ..conftest import EXAMPLES, TODAY

COMBINED = EXAMPLES / "gecombineerd.yaml"
CONDITIONS = [c.id for c in load_catalogue().conditions]


def test_questions_are_the_catalogue_with_dutch_option_labels():
    asked = questions()
    assert [q.fact for q in asked] == [q.fact for q in load_catalogue().questions]
    assert {q.condition for q in asked} <= {"algemeen", *CONDITIONS}
    by_fact = {q.fact: q for q in asked}
    climate = by_fact["climate.declared"]
    assert climate.answer == "choice" and climate.condition == "relatie"
    assert [o.value for o in climate.options] == ["vriendschappelijk", "waakzaam", "onenigheid", "conflict"]
    assert [(o.value, o.label) for o in by_fact["network.core_group"].options] == [(True, "ja"), (False, "nee")]
    signs = by_fact["climate.signs"].options
    assert signs and all("_" not in o.label and o.label != o.value for o in signs)
    assert all("_" not in o.label for q in asked for o in q.options)
    assert by_fact["context.phase"].condition == "algemeen"
    json.loads(json.dumps([q.model_dump(mode="json") for q in asked]))


def test_case_inputs_are_grouped_by_condition_with_current_values():
    groups = case_inputs(load_case(COMBINED))
    assert [g.condition for g in groups] == ["algemeen", *CONDITIONS, "klimaat", "resultaten"]
    assert all(g.title and not re.search(r"[a-z]_[a-z]", g.title) for g in groups)
    where = {i.question.fact: (g.condition, i) for g in groups for i in g.inputs}
    condition, climate = where["climate.declared"]
    assert condition == "relatie" and climate.value == "waakzaam" and climate.value_label == "waakzaam"
    assert where["network.core_group"][1].value is False and where["network.core_group"][1].value_label == "nee"
    assert where["ambition.why_discussed"][1].value is None  # not answered in the case
    assert "network.partner_count" not in where  # answered through the partner list: no single switch
    assert all(i.question.field.startswith(("context.", "observations.")) for g in groups for i in g.inputs)


def test_a_statement_switches_like_a_fact():
    """Issue 21: the classroom page can toggle a statement as well as a fact; its score reads into the facts."""
    case = load_case(COMBINED)
    where = {i.question.field: i for g in case_inputs(case) for i in g.inputs}
    switch = where["observations.statements.regie_clear"]
    assert switch.question.answer == "scale" and [o.value for o in switch.question.options] == list("12345")
    assert switch.value is None and switch.value_label == "onbekend"
    low = with_answers(
        case.model_copy(
            update={
                "observations": case.observations.model_copy(
                    update={"leadership": case.observations.leadership.model_copy(update={"regie": None})}
                )
            }
        ),
        {"observations.statements.regie_clear": 1},
    )
    advice = diagnose(low, today=TODAY)
    assert advice.fact("leadership.regie") == "onduidelijk"
    assert "I-REGIE-BELEGGEN" in [i.id for i in advice.interventions]


def test_switching_the_climate_to_conflict_puts_de_escalation_first():
    case = load_case(COMBINED)
    changed = with_answers(case, {"observations.climate.declared": "conflict"})
    before, after = diagnose(case, today=TODAY), diagnose(changed, today=TODAY)
    summary = summarise(before, after)
    assert summary.after[0].id == "I-DE-ESCALEREN"
    [first] = [c for c in summary.changes if c.after_rank == 1]
    assert first.change == "entered" and "‘Er is een conflict’" in first.reason
    unset = with_answers(case, {"observations.climate.declared": None})
    assert unset.observations.climate.declared is None


def test_with_answers_refuses_what_a_case_cannot_hold():
    case = load_case(COMBINED)
    with pytest.raises(InputError):
        with_answers(case, {"observations.climate.declared": "heet"})
    with pytest.raises(InputError):
        with_answers(case, {"observations.climate.declared.x": "conflict"})


def test_run_batch_yields_models_not_strings(tmp_path):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("name: Kapot\ncontext: {type: fout}\n", encoding="utf-8")
    items = [BatchItem(source=str(COMBINED), path=str(COMBINED)), BatchItem(source=str(bad), path=str(bad))]
    good, broken = run_batch(items, today=TODAY)
    assert good.ok and good.error is None and isinstance(good.advice, Advice)
    assert good.advice == diagnose(load_case(COMBINED), today=TODAY)
    assert not broken.ok and broken.advice is None and broken.error is not None
    assert broken.error.type == "CaseError" and [p.location for p in broken.error.problems or []] == ["context.type"]
    # The JSON line batch writes is unchanged.
    assert list(json.loads(good.line)) == ["source", "ok", "advice"]
    assert json.loads(broken.line)["error"] == broken.error.model_dump(exclude_none=True)
    assert json.loads(broken.model_dump_json())["error"]["problems"][0]["location"] == "context.type"


def test_case_schema_carries_the_dutch_questions():
    schema = json_schema("case")
    declared = schema["$defs"]["Climate"]["properties"]["declared"]
    assert declared["x-question"] == "Hoe zouden de partners het klimaat in de samenwerking zelf noemen?"
    assert declared["x-why"] and declared["x-label"] == "klimaat volgens de partners"
    text = json.dumps(schema)
    asked = [q for q in load_catalogue().questions if q.field.startswith(("context.", "observations."))]
    assert text.count('"x-question"') == len(asked)


def test_yaml_dates_validate_against_the_schema_as_loaded(tmp_path):
    path = tmp_path / "datum.yaml"
    path.write_text(
        "name: Met datum\nassessed_on: 2026-03-01\nobservations:\n  funding: {subsidy: true, end_date: 2027-01-01}\n",
        encoding="utf-8",
    )
    data = load_case_data(path)
    assert data["assessed_on"] == "2026-03-01" and data["observations"]["funding"]["end_date"] == "2027-01-01"
    jsonschema.validate(data, json_schema("case"))
    assert load_case(path).observations.funding.end_date.isoformat() == "2027-01-01"


RAW = re.compile(r"[A-Z]{3}\d{3}|\b[IF]-[A-Z]{2}|[a-z]_[a-z]|\b[a-z]+\.[a-z_]+\b")  # rule and item ids, paths


@pytest.mark.parametrize(
    "path", sorted([*EXAMPLES.glob("*.yaml"), *(EXAMPLES / "verhalen").glob("*.yaml")]), ids=lambda p: p.stem
)
def test_what_a_trainer_reads_carries_no_raw_ids(path):
    from samenwerkwijzer.trainer import format_story_step, reasoning_graph, story

    advice = diagnose(load_case(path), today=TODAY)
    told = "".join(format_story_step(step) for step in story(advice))
    assert not RAW.findall(told)
    assert not [n.label for n in reasoning_graph(advice).nodes if RAW.search(n.label)]
    assert not [i.value_label for g in case_inputs(load_case(path)) for i in g.inputs if RAW.search(i.value_label)]
