"""``explain``, ``trace`` and ``step``: the reasoning, for trainers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._app import app, emit, force_option, output_option, read_case, text_or_json_option


@app.command("explain")
@click.argument("case", metavar="CASE")
@click.argument("intervention", metavar="[INTERVENTION_ID]", required=False)
@click.option(
    "--why-not", "why_not_id", metavar="INTERVENTION_ID", help="Explain why this intervention is not advised."
)
@text_or_json_option()
@output_option
@force_option
def explain_command(
    case: str, intervention: str | None, why_not_id: str | None, fmt: str, output: Path | None, force: bool
) -> None:
    """HOW: the chain from case facts through the rules that fired to each
    recommended intervention (or to INTERVENTION_ID), with sources.

    With --why-not: which rules could have recommended an intervention and
    which of their conditions were not met, or which rule suppressed it."""
    from samenwerkwijzer import diagnose
    from samenwerkwijzer.trainer import explain, format_explanations, format_why_not, why_not

    if intervention and why_not_id:
        raise click.UsageError("geef INTERVENTION_ID of --why-not, niet allebei")
    advice = diagnose(read_case(case))
    if why_not_id:
        answer = why_not(advice, why_not_id.upper())
        text = answer.model_dump_json(indent=2) + "\n" if fmt == "json" else format_why_not(answer)
    else:
        explanations = explain(advice, intervention.upper() if intervention else None)
        if fmt == "json":
            text = json.dumps([e.model_dump(mode="json") for e in explanations], indent=2, ensure_ascii=False) + "\n"
        else:
            text = format_explanations(explanations)
    emit(text, output, force=force)


@app.command("trace")
@click.argument("case", metavar="CASE")
@text_or_json_option()
@output_option
@force_option
def trace_command(case: str, fmt: str, output: Path | None, force: bool) -> None:
    """The rule firings of a run in order: the facts each matched and what it
    declared."""
    from samenwerkwijzer.trainer import format_trace, trace

    result = trace(read_case(case))
    emit(result.model_dump_json(indent=2) + "\n" if fmt == "json" else format_trace(result), output, force=force)


@app.command("step")
@click.argument("case", metavar="CASE")
@click.option(
    "--steps",
    "count",
    type=click.IntRange(min=1),
    help="Show this many steps and stop, without asking (for scripts and tests).",
)
@click.option("--ids", is_flag=True, help="Show the rule ids beside their titles.")
def step_command(case: str, count: int | None, ids: bool) -> None:
    """Walk through the reasoning as a story, one step at a time: first the
    facts of the case, then each finding with the rules that led to it, then
    each intervention in the order of the advice, then what was left out.

    Interactively, press Enter for the next step, b to go back and q to stop;
    with --steps N it shows N steps (or all there are) and stops. For the rules
    in the order the engine fired them, see 'trace'."""
    from samenwerkwijzer import diagnose  # here: keeps CLI start-up fast
    from samenwerkwijzer.trainer import format_story_step, number_word, story  # here: keeps CLI start-up fast

    told = story(diagnose(read_case(case)))
    if count is not None:
        for step in told[:count]:
            click.echo(format_story_step(step, ids=ids))
        shown = min(count, len(told))
        more = "; er zijn er meer" if shown < len(told) else ""
        click.echo(f"Gestopt na {number_word(shown)} {'stap' if shown == 1 else 'stappen'}{more}.")
        return
    at = 0
    while True:
        click.echo(format_story_step(told[at], ids=ids))
        last = at == len(told) - 1
        answer = _ask(last, at > 0)
        if answer == "q" or (answer == "next" and last):
            break
        at = max(at - 1, 0) if answer == "b" else at + 1
    seen = at + 1
    if seen == len(told):
        click.echo("Klaar: de enige stap gezien." if seen == 1 else f"Klaar: alle {number_word(seen)} stappen gezien.")
    else:
        click.echo(f"Gestopt bij stap {seen} van {len(told)}.")


def _ask(last: bool, can_go_back: bool) -> str:
    options = ["Enter: einde" if last else "Enter: volgende stap"]
    if can_go_back:
        options.append("b: terug")
    options.append("q: stoppen")
    answer = click.prompt(", ".join(options), default="", show_default=False).strip().lower()
    if answer in ("q", "quit", "stop"):
        return "q"
    if answer in ("b", "terug", "back") and can_go_back:
        return "b"
    return "next"


__all__ = ["explain_command", "step_command", "trace_command"]
