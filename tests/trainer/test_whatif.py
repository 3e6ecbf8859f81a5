"""What-if comparison and the reasoning graph."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pydot
import pytest
from click.testing import CliRunner

from samenwerkwijzer import InputError, diagnose, load_case
from samenwerkwijzer.cli import app
from samenwerkwijzer.trainer import compare, reasoning_graph, summarise, to_dot, to_mermaid, with_changes
from samenwerkwijzer.wording._dutch import count, number_word

from ..conftest import EXAMPLES, TODAY, skip_unless_installed

COMBINED = EXAMPLES / "gecombineerd.yaml"


def _changes(result, kind):
    return {i.id: i for i in result.interventions if i.change == kind}


def test_setting_the_climate_to_conflict_brings_de_escalation_to_the_top():
    case = load_case(COMBINED)
    before = diagnose(case, today=TODAY)
    after = diagnose(with_changes(case, ["observations.climate.declared=conflict"]), today=TODAY)
    result = compare(before, after)
    assert after.interventions[0].id == "I-DE-ESCALEREN"
    assert {f.id: f.change for f in result.findings} == {
        "F-KLIMAAT-CONFLICT": "appeared",
        "F-KLIMAAT-WAAKZAAM": "disappeared",
    }
    added = _changes(result, "added")
    assert added["I-DE-ESCALEREN"].after_rank == 1
    assert added["I-DE-ESCALEREN"].reason == "nieuw, omdat ‘Er is een conflict’ nu geldt"  # the summary's words
    removed = _changes(result, "removed")
    assert set(removed) == {"I-WAAKZAAMHEID-BESPREKEN", "I-TIJD-INVESTEREN-IN-RELATIES"}
    assert removed["I-WAAKZAAMHEID-BESPREKEN"].reason == "‘Waakzaam klimaat’ geldt niet meer"
    # Nothing structural goes ahead of de-escalation; among themselves regie, content and form keep their order.
    # (Observed problems only: advice from the situation that the conflict now also asks for moves up with it.)
    kept = {i.id for i in before.interventions if not i.priority.situational}
    structural = [i.id for i in after.interventions if i.tier != "klimaat" and i.id in kept]
    assert structural == [i.id for i in before.interventions if i.id in structural]
    assert [(f.path, f.before, f.after) for f in result.facts] == [
        ("climate.declared", "waakzaam", "conflict"),
        ("climate.level", "waakzaam", "conflict"),
    ]


def test_a_core_team_removes_the_suppression_and_shows_why():
    case = load_case(COMBINED)
    result = compare(
        diagnose(case, today=TODAY),
        diagnose(with_changes(case, ["observations.network.core_group=true"]), today=TODAY),
    )
    assert "F-GEEN-KERNTEAM" in {f.id for f in result.findings if f.change == "disappeared"}
    assert "I-NETWERK-VERBREDEN" in _changes(result, "added")
    assert "I-KERNTEAM-EN-SCHIL" in _changes(result, "removed")


def test_rerank_reason_names_a_changed_priority():
    mandate = ["observations.leadership.trekker=true", "observations.leadership.trekker_has_mandate=false"]
    base = with_changes(load_case(COMBINED), mandate)
    result = compare(
        diagnose(base, today=TODAY),
        diagnose(with_changes(base, ["observations.leadership.board_support=false"]), today=TODAY),
    )
    ownership = _changes(result, "reranked")["I-BESTUURLIJK-EIGENAARSCHAP"]
    assert ownership.reason == "de zwaarste bevinding erachter is nu hoog (was midden)"


def test_identical_cases_have_no_differences():
    advice = diagnose(load_case(COMBINED), today=TODAY)
    result = compare(advice, advice)
    assert (result.facts, result.findings, result.interventions) == ([], [], [])


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("observations.climate.declared", "VELD.PAD=WAARDE"),
        ("observations.climate.declard=conflict", "bedoelt u 'declared'"),
        ("observations.climate.declared=heet", "observations.climate.declared"),
        ("partners[20].kind=ggd", "geen item [20]"),
    ],
)
def test_bad_assignments_are_input_errors(assignment, message):
    with pytest.raises(InputError, match=re.escape(message)):
        with_changes(load_case(COMBINED), [assignment])


def test_assignment_into_a_list_item_and_new_section():
    case = with_changes(
        load_case(COMBINED), ["partners[0].kind=ggd", "observations.ambition.form_debate_dominates=yes"]
    )
    assert case.partners[0].kind == "ggd"
    assert case.observations.ambition.form_debate_dominates is True


def test_cli_compare_two_files_and_set():
    runner = CliRunner()
    two = runner.invoke(app, ["compare", str(EXAMPLES / "klimaat-waakzaam.yaml"), str(COMBINED)])
    assert two.exit_code == 0 and "Vergelijking: Netwerk Vitaal Ouder Worden → Consortium" in two.output
    what_if = runner.invoke(
        app, ["compare", str(COMBINED), "--set", "observations.climate.declared=conflict", "--format", "json"]
    )
    data = json.loads(what_if.output)
    assert {"id": "I-DE-ESCALEREN", "change": "entered", "after_rank": 1}.items() <= next(
        i for i in data["changes"] if i["id"] == "I-DE-ESCALEREN"
    ).items()
    neither = runner.invoke(app, ["compare", str(COMBINED)])
    assert neither.exit_code == 2 and "--set" in neither.output


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_dot_output_parses_and_holds_every_fired_rule(path):
    advice = diagnose(load_case(path), today=TODAY)
    dot = to_dot(reasoning_graph(advice, ids=True))
    [graph] = pydot.graph_from_dot_data(dot)
    names = {n.get_name().strip('"') for n in graph.get_nodes()}
    for intervention in advice.interventions:
        assert f"intervention:{intervention.id}" in names
        for reason in intervention.reasons:
            assert f"rule:{reason.rule}" in names
    for finding in advice.findings:
        assert f"finding:{finding.id}" in names
    edges = {(e.get_source().strip('"'), e.get_destination().strip('"')) for e in graph.get_edges()}
    assert all(src in names and dst in names for src, dst in edges)


_MERMAID_NODE = re.compile(r'^  [A-Za-z0-9_]+(\["[^"]*"\]|\(\["[^"]*"\]\)|\{\{"[^"]*"\}\}|\[/"[^"]*"/\]):::[a-z]+$')
_MERMAID_EDGE = re.compile(r"^  [A-Za-z0-9_]+ (-->|-\. onderdrukt \.->) [A-Za-z0-9_]+$")
_MERMAID_CLASS = re.compile(r"^  classDef [a-z]+ [a-z-]+:[^ ]+(,[a-z-]+:[^,]+)*$")


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_mermaid_output_follows_the_flowchart_grammar(path):
    """No Mermaid parser runs in Python; this checks every line against the
    flowchart syntax we emit, and that edges only join declared nodes."""
    text = to_mermaid(reasoning_graph(diagnose(load_case(path), today=TODAY)))
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    declared = set()
    for line in lines[1:]:
        if line.startswith("  classDef"):
            assert _MERMAID_CLASS.match(line), line
        elif _MERMAID_NODE.match(line):
            declared.add(line.split()[0].split("[")[0].split("(")[0].split("{")[0])
        else:
            assert _MERMAID_EDGE.match(line), line
            source, target = line.split()[0], line.split()[-1]
            assert source in declared and target in declared, line


def test_suppressed_intervention_is_drawn_dashed():
    dot = to_dot(reasoning_graph(diagnose(load_case(COMBINED), today=TODAY), ids=True))
    assert '"rule:NET102" -> "intervention:I-NETWERK-VERBREDEN" [style=dashed, label="onderdrukt"];' in dot


def test_graphviz_renders_svg(tmp_path):
    if shutil.which("dot") is None:
        skip_unless_installed("Graphviz")
    result = CliRunner().invoke(app, ["graph", str(COMBINED), "--format", "svg", "-o", str(tmp_path / "g.svg")])
    assert result.exit_code == 0, result.output
    svg = (tmp_path / "g.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Werk met een kernteam" in svg
    subprocess.run(
        ["dot", "-Tsvg"],
        input=to_dot(reasoning_graph(diagnose(load_case(COMBINED)))),
        text=True,
        check=True,
        capture_output=True,
    )


def test_cli_graph_formats():
    runner = CliRunner()
    assert runner.invoke(app, ["graph", str(COMBINED)]).output.startswith("flowchart LR")
    assert runner.invoke(app, ["graph", str(COMBINED), "--format", "dot"]).output.startswith("digraph")


# ---------------------------------------------------------------- the trainer's summary


def _conflict_summary(**kwargs):
    case = load_case(COMBINED)
    before = diagnose(case, today=TODAY)
    after = diagnose(with_changes(case, ["observations.climate.declared=conflict"]), today=TODAY)
    return summarise(before, after, **kwargs)


def test_summary_puts_de_escalation_first_with_its_one_reason():
    s = _conflict_summary()
    assert s.top == 5 and [i.id for i in s.after][:1] == ["I-DE-ESCALEREN"]
    entered = {c.id: c for c in s.changes if c.change == "entered"}
    assert entered["I-DE-ESCALEREN"].after_rank == 1 and entered["I-DE-ESCALEREN"].before_rank is None
    assert entered["I-DE-ESCALEREN"].reason == "nieuw, omdat ‘Er is een conflict’ nu geldt"
    left = {c.id: c for c in s.changes if c.change == "left"}
    assert left["I-WAAKZAAMHEID-BESPREKEN"].reason == "‘Waakzaam klimaat’ geldt niet meer"
    assert [(f.label, f.derived) for f in s.facts] == [("klimaat volgens de partners", False), ("klimaat", True)]
    json.loads(s.model_dump_json())  # a page can take it as it is


def test_summary_reasons_carry_no_ids():
    s = _conflict_summary(top=None)
    assert s.changes and all(not re.search(r"\b[IF]-[A-Z]", c.reason) for c in s.changes)


STORY = EXAMPLES / "verhalen" / "bibliotheek-eigen-organisatie-centraal.yaml"


def test_cli_compare_is_compact_and_hides_moves_of_one_place_unless_all():
    runner = CliRunner()
    args = ["compare", str(STORY), "--set", "observations.climate.declared=conflict"]
    compact = runner.invoke(app, args)
    assert compact.exit_code == 0, compact.output
    lines = compact.output.splitlines()
    assert "Top vijf voor → na:" in lines
    assert "  + De-escaleer het conflict: nieuw op plaats 1; nieuw, omdat ‘Er is een conflict’ nu geldt" in lines
    hidden = next(line for line in lines if line.startswith("Verborgen:"))
    assert "van één plaats" in hidden and "--all" in hidden
    assert not any(line.startswith("  ↕") and _one_place(line) for line in lines)
    left = [line for line in lines if line.startswith("  − ") and "uit de top (plaats 5 → " in line]
    assert left and "kwamen erboven" in left[0]  # leaving the top is shown, with the reason, even by few places
    assert len(lines) < 25
    everything = runner.invoke(app, [*args, "--all"])
    assert everything.exit_code == 0 and "Verborgen" not in everything.output
    assert any(line.startswith("  ↕") and _one_place(line) for line in everything.output.splitlines())
    top3 = runner.invoke(app, [*args, "--top", "3"])
    assert "Top drie voor → na:" in top3.output


def _one_place(line):
    m = re.search(r"plaats (\d+) → (\d+)", line)
    return bool(m) and abs(int(m[1]) - int(m[2])) == 1


# ---------------------------------------------------------------- one intervention's graph


def test_graph_of_one_intervention_holds_only_its_reasoning_in_dutch():
    advice = diagnose(load_case(COMBINED), today=TODAY)
    g = reasoning_graph(advice, "i-netwerk-verbreden")
    assert g.focus == "I-NETWERK-VERBREDEN"
    kinds = {n.kind for n in g.nodes}
    assert kinds == {"fact", "rule", "finding", "suppressed"}
    assert any(e.suppresses for e in g.edges)
    assert len(g.nodes) < len(reasoning_graph(advice).nodes) / 3
    labels = " ".join(n.label for n in g.nodes)
    assert "Is er een kernteam dat het werk" in labels and "Niet geadviseerd:" in labels
    assert not re.search(r"[A-Z]{3}\d{3}|\b[IF]-[A-Z]|[a-z]_[a-z]|\w\.\w", labels)
    dot = to_dot(g)
    assert not re.search(r"[A-Z]{3}\d{3}|\b[IF]-[A-Z]", dot)
    with_ids = reasoning_graph(advice, "I-NETWERK-VERBREDEN", ids=True)
    assert any(n.label.startswith("NET102\n") for n in with_ids.nodes)


def test_graph_of_an_intervention_the_case_does_not_reach_is_an_input_error():
    advice = diagnose(load_case(COMBINED), today=TODAY)
    with pytest.raises(InputError, match="why-not"):
        reasoning_graph(advice, "I-DE-ESCALEREN")
    with pytest.raises(InputError, match="bedoelt u I-DE-ESCALEREN"):
        reasoning_graph(advice, "I-DE-ESCALERE")


def test_cli_graph_intervention(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["graph", str(COMBINED), "--intervention", "I-KERNTEAM-EN-SCHIL", "--format", "dot"])
    assert result.exit_code == 0, result.output
    [graph] = pydot.graph_from_dot_data(result.output)
    assert len([n for n in graph.get_nodes() if n.get_name() not in ("node", "edge")]) == 6
    assert "rankdir=TB" in result.output
    assert "Werk met een kernteam" in result.output and "I-KERNTEAM" not in result.output
    bad = runner.invoke(app, ["graph", str(COMBINED), "--intervention", "I-DE-ESCALEREN"])
    assert bad.exit_code == 2 and "why-not" in bad.output
    if shutil.which("dot") is not None:
        svg = runner.invoke(app, ["graph", str(COMBINED), "--intervention", "I-KERNTEAM-EN-SCHIL", "--format", "svg"])
        width, height = (
            float(v) for v in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg.output).groups()
        )
        assert width < 800 and height < 800  # fits a projector at full size


_MOVE = r"nieuw op plaats \d+|vervalt \(was plaats \d+\)|(?:uit de top \(|in de top \()?plaats \d+ → \d+\)?"
_TEXT_MOVE = re.compile(rf"^  (?P<mark>[+−↕]) (?P<title>.+?): (?P<move>{_MOVE}); (?P<reason>.+)$")


@pytest.mark.parametrize("extra", [[], ["--all"], ["--top", "3"]], ids=["compact", "all", "top3"])
@pytest.mark.parametrize(
    "change",
    [
        "observations.climate.declared=conflict",
        "observations.network.core_group=true",
        "observations.leadership.board_support=false",
    ],
)
def test_compare_json_and_text_tell_the_same_moves(change, extra):
    """One what-if model: ``compare --format json`` is the summary the text shows, so both tell the same
    moves with the same reasons (the text hides the moves of one place the JSON marks ``minor``, and says
    how many)."""
    runner = CliRunner()
    args = ["compare", str(STORY), "--set", change, *extra]
    text = runner.invoke(app, args)
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).output)
    assert text.exit_code == 0, text.output
    told = [m.groupdict() for m in map(_TEXT_MOVE.match, text.output.splitlines()) if m]
    shown = [c for c in data["changes"] if "--all" in extra or not c["minor"]]
    marks = {"entered": "+", "left": "−", "moved": "↕"}
    assert [(t["mark"], t["title"], t["reason"]) for t in told] == [
        (marks[c["change"]], c["title"], c["reason"]) for c in shown
    ]
    hidden = len(data["changes"]) - len(shown)
    assert (f"Verborgen: {count(hidden, 'verschuiving', 'verschuivingen')}" in text.output) == (hidden > 0)
    assert f"Top {number_word(data['top'])} voor → na:" in text.output or data["before"] == data["after"]
    # The library's compare() is a view of the same model over the whole ranking: the same reasons.
    case = load_case(STORY)
    whole = compare(diagnose(case), diagnose(with_changes(case, [change])))
    reasons = {c["id"]: c["reason"] for c in data["changes"]}
    assert all(i.reason == reasons[i.id] for i in whole.interventions if i.id in reasons)
