"""``kb check``: verify the knowledge base; ``kb panel``: score the advice on the expert panel (for authors and CI)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ._app import EXIT_REFUSED, app, text_or_json_option

if TYPE_CHECKING:
    from samenwerkwijzer.authoring import PanelScore


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
    from samenwerkwijzer.authoring import (
        check_knowledge_base,  # here: keeps CLI start-up fast
    )

    issues = check_knowledge_base(samples=samples)
    for issue in issues:
        click.echo(str(issue))
    errors = sum(i.level == "error" for i in issues)
    warnings = len(issues) - errors
    click.echo(f"kb check: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    if errors:
        sys.exit(EXIT_REFUSED)


@kb_group.command("panel")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Places of the advice a MUST theme has to reach.",
)
@click.option(
    "--check", is_flag=True, help="Exit 1 unless the panel passes: recall >= 0.90, no MUST-NOT, every first at place 1."
)
@text_or_json_option("One block per case and the totals, or the whole score as JSON.")
def panel_command(folder: Path | None, top: int, check: bool, fmt: str) -> None:
    """Score the advice on the expert panel (default: tests/panel of the current directory).

    Per case: the MUST themes found in the top, the MUST-NOT themes advised and
    the place of the themes that must come first; then the totals."""
    from samenwerkwijzer.authoring import score_panel  # here: keeps CLI start-up fast  # here: keeps CLI start-up fast

    score = score_panel(folder, top=top)
    if fmt == "json":
        click.echo(json.dumps(score.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        # The folder's own cases: the panel's document cases, or a group folder given itself (tests/panel/real).
        own = "(documents)" if folder is None or folder.name == "panel" else folder.name
        click.echo(_panel_text(score, own))
    if check and not score.passes:
        sys.exit(EXIT_REFUSED)


def _panel_text(score: PanelScore, own: str = "(documents)") -> str:
    lines: list[str] = []
    for case in score.cases:
        hits = len(case.must_not_hits)
        firsts = case.firsts
        first_note = f", first at place 1: {sum(t.place == 1 for t in firsts)}/{len(firsts)}" if firsts else ""
        where = f"{case.group}/" if case.group else ""
        lines.append(
            f"{where}{case.case} ({case.entered}): MUST {case.found}/{len(case.must)} in top {score.top}, "
            f"MUST-NOT {hits}{first_note}"
        )
        for theme in case.must:
            where = f"place {theme.place} ({theme.id})" if theme.place is not None else "not advised"
            mark = "ok  " if theme.found and (not theme.first or theme.place == 1) else "MISS"
            lines.append(f"  {mark} must{' first' if theme.first else ''}: {theme.theme}: {where}")
        for hit in case.must_not_hits:
            lines.append(f"  HIT  must-not: {hit.theme}: place {hit.place} ({hit.id})")
        lines.append(f"  top {score.top}: {', '.join(case.top)}")
    for group, recall in score.groups.items():
        cases = [c for c in score.cases if c.group == group]
        entered = sum(c.entered == "intake" for c in cases)
        lines.append(
            f"group {group or own}: {len(cases)} cases ({entered} through the intake), MUST recall {recall:.2f}"
        )
    lines.append(
        f"panel: {len(score.cases)} cases, MUST recall in top {score.top} {score.recall:.2f} "
        f"({score.must_found}/{score.must_total}), MUST-NOT hits {score.must_not_hits}, "
        f"firsts at place 1 {score.firsts_at_one}/{score.firsts}"
    )
    return "\n".join(lines)


__all__ = ["check_command", "kb_group", "panel_command"]
