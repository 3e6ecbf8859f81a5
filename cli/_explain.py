"""``explain``, ``trace`` and ``step``: the reasoning, for trainers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ._app import app, emit, force_option, output_option, read_case, text_or_json_option, user_errors


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
    from samenwerkwijzer import (  # here: keeps CLI start-up fast
        diagnose,
        explain,
        format_explanations,
        format_why_not,
        why_not,
    )

    if intervention and why_not_id:
        raise click.UsageError("give either INTERVENTION_ID or --why-not, not both")
    with user_errors():
        advice = diagnose(read_case(case))
        if why_not_id:
            answer = why_not(advice, why_not_id.upper())
            text = answer.model_dump_json(indent=2) + "\n" if fmt == "json" else format_why_not(answer)
        else:
            explanations = explain(advice, intervention.upper() if intervention else None)
            if fmt == "json":
                text = (
                    json.dumps([e.model_dump(mode="json") for e in explanations], indent=2, ensure_ascii=False) + "\n"
                )
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
    from samenwerkwijzer import (
        format_trace,
        trace,  # here: keeps CLI start-up fast
    )

    with user_errors():
        result = trace(read_case(case))
    emit(result.model_dump_json(indent=2) + "\n" if fmt == "json" else format_trace(result), output, force=force)


@app.command("step")
@click.argument("case", metavar="CASE")
@click.option(
    "--steps",
    "count",
    type=click.IntRange(min=1),
    help="Fire this many rules and stop, without asking (for scripts and tests).",
)
def step_command(case: str, count: int | None) -> None:
    """Fire the rules one at a time, showing what became true after each.

    Interactively, press Enter for the next rule and q to stop; with --steps N
    it fires N rules (or all there are) and stops."""
    from samenwerkwijzer import (
        format_firing,
        steps,  # here: keeps CLI start-up fast
    )

    with user_errors():
        parsed = read_case(case)
        fired = 0
        for firing in steps(parsed):
            if count is not None and fired >= count:
                click.echo(f"Gestopt na {fired} {'regel' if fired == 1 else 'regels'}; er zijn er meer.")
                return
            click.echo(format_firing(firing), nl=False)
            fired += 1
            if count is None and not _next():
                click.echo(f"Gestopt na {fired} {'regel' if fired == 1 else 'regels'}.")
                return
    click.echo(f"Klaar: {fired} {'regel' if fired == 1 else 'regels'} gevuurd; er vuurt niets meer.")


def _next() -> bool:
    answer = click.prompt("Enter: volgende regel, q: stoppen", default="", show_default=False)
    return answer.strip().lower() not in ("q", "quit", "stop")
