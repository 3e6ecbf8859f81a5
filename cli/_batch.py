"""``batch``: many cases in, one JSON result line per case out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._app import EXIT_REFUSED, app, atomic_output, force_option, user_errors


@app.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSONL file for the results (default: standard output).",
)
@click.option("--workers", type=click.IntRange(min=1, max=64), default=1, show_default=True, help="Processes to use.")
@force_option
def batch_command(input_path: Path, output: Path | None, workers: int, force: bool) -> None:
    """Diagnose every case in INPUT (a folder of YAML/JSON case files, or a
    JSONL file with one case per line) and write one JSON line per case, in
    input order: {"source", "ok": true, "advice"} or {"source", "ok": false,
    "error"}. A failing case does not stop the others; the exit code is 1 when
    any case failed."""
    from samenwerkwijzer._batch import batch_items, run_batch  # here: keeps CLI start-up fast

    with user_errors():
        items = batch_items(input_path)
    failures: list[tuple[str, str]] = []
    with (
        _sink(output, force) as sink,
        click.progressbar(length=len(items), label="diagnosing", file=sys.stderr, show_pos=True) as bar,
    ):
        for result in run_batch(items, workers=workers):
            sink.write(result.line + "\n")
            if not result.ok:
                failures.append((result.source, str(result.error)))
            bar.update(1)
    ok = len(items) - len(failures)
    click.echo(f"batch: {len(items)} cases, {ok} diagnosed, {len(failures)} failed", err=True)
    for source, message in failures:
        click.echo(f"  failed: {source}: {message}", err=True)
    if failures:
        sys.exit(EXIT_REFUSED)


def _sink(output: Path | None, force: bool):  # type: ignore[no-untyped-def]
    if output is None:
        from contextlib import nullcontext

        return nullcontext(sys.stdout)
    return atomic_output(output, force=force)
