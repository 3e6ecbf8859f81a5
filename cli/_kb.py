"""``kb check``: verify the knowledge base (for authors and CI)."""

from __future__ import annotations

import sys

import click

from ._app import EXIT_REFUSED, app, user_errors


@app.group("kb")
def kb_group() -> None:
    """The knowledge base: findings, interventions, rules and their sources."""


@kb_group.command("check")
@click.option(
    "--samples",
    type=click.IntRange(min=0),
    default=400,
    show_default=True,
    help="Random fact combinations to search for opposed interventions advised together.",
)
def check_command(samples: int) -> None:
    """Verify the knowledge base; exit 1 on any error.

    Checks that every quote is found verbatim in its source, every finding
    and intervention is reachable by a rule, rules name only existing ids,
    facts, values and thresholds, no rule repeats or is subsumed by another,
    and opposed interventions are never advised together."""
    from samenwerkwijzer import check_knowledge_base  # here: keeps CLI start-up fast

    with user_errors():
        issues = check_knowledge_base(samples=samples)
    for issue in issues:
        click.echo(str(issue))
    errors = sum(i.level == "error" for i in issues)
    warnings = len(issues) - errors
    click.echo(f"kb check: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    if errors:
        sys.exit(EXIT_REFUSED)
