"""``compare`` (what-if) and ``graph``: for trainers and for follow-up measurements."""

from __future__ import annotations

from pathlib import Path

import click

from samenwerkwijzer.trainer import COMPARE_TOP

from ._app import app, emit, force_option, output_option, read_case, text_or_json_option


@app.command("compare")
@click.argument("case_a", metavar="CASE_A")
@click.argument("case_b", metavar="[CASE_B]", required=False)
@click.option(
    "--set",
    "assignments",
    metavar="FIELD.PATH=VALUE",
    multiple=True,
    help="Change a field of CASE_A, e.g. observations.climate.declared=conflict (repeatable).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=COMPARE_TOP,
    show_default=True,
    help="How many places of the ranking to compare.",
)
@click.option("--all", "show_all", is_flag=True, help="Every change in the whole ranking, moves of one place included.")
@text_or_json_option(
    "The summary as text, or the same summary as JSON (the top N before and after, every change with its "
    "reason; moves of one place marked minor, which the text hides unless --all)."
)
@output_option
@force_option
def compare_command(
    case_a: str,
    case_b: str | None,
    assignments: tuple[str, ...],
    top: int,
    show_all: bool,
    fmt: str,
    output: Path | None,
    force: bool,
) -> None:
    """What changes between CASE_A and CASE_B (e.g. two measurements of one
    collaboration), or between CASE_A and CASE_A with --set changes: the facts
    that changed, findings that appeared or disappeared, and the top N before →
    after, with the one reason for each intervention that entered, left or
    moved. Moves of one place are hidden unless --all."""
    from samenwerkwijzer import diagnose  # here: fast start-up
    from samenwerkwijzer.trainer import format_summary, summarise, with_changes  # here: fast start-up

    if (case_b is None) == (not assignments):
        raise click.UsageError("geef CASE_B of een of meer --set VELD.PAD=WAARDE")
    before_case = read_case(case_a)
    after_case = read_case(case_b) if case_b is not None else with_changes(before_case, list(assignments))
    # One what-if model for both formats: the text is a view of the JSON.
    summary = summarise(diagnose(before_case), diagnose(after_case), top=None if show_all else top)
    text = summary.model_dump_json(indent=2) + "\n" if fmt == "json" else format_summary(summary, show_all=show_all)
    emit(text, output, force=force)


@app.command("graph")
@click.argument("case", metavar="CASE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["mermaid", "dot", "svg"]),
    default="mermaid",
    show_default=True,
    help="svg needs Graphviz ('dot') installed.",
)
@click.option(
    "--intervention",
    metavar="INTERVENTION_ID",
    help="Draw only what leads to this intervention (recommended or withheld).",
)
@click.option("--ids", is_flag=True, help="Add the rule, finding and intervention ids and fact paths to the labels.")
@output_option
@force_option
def graph_command(case: str, fmt: str, intervention: str | None, ids: bool, output: Path | None, force: bool) -> None:
    """The reasoning as a graph: case facts -> rules -> findings -> interventions,
    labelled in Dutch (the questions and answers, rule titles, finding and
    intervention titles). A whole case is large; --intervention draws one."""
    from samenwerkwijzer import diagnose
    from samenwerkwijzer.trainer import dot_to_svg, reasoning_graph, to_dot, to_mermaid

    g = reasoning_graph(diagnose(read_case(case)), intervention, ids=ids)
    text = to_mermaid(g) if fmt == "mermaid" else to_dot(g)
    if fmt == "svg":
        text = dot_to_svg(text)
    emit(text, output, force=force)


__all__ = ["compare_command", "graph_command"]
