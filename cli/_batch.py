"""``batch``: many cases in, one JSON result line per case out."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import click

from ._app import EXIT_REFUSED, app, fail, force_option, long_running
from ._files import reason

PARTIAL_SUFFIX = ".partial"


@app.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSONL file for the results (default: standard output). Results are written to OUTPUT.partial as "
    "they complete and it is renamed to OUTPUT when the batch is done.",
)
@click.option("--workers", type=click.IntRange(min=1, max=64), default=1, show_default=True, help="Processes to use.")
@force_option
def batch_command(input_path: Path, output: Path | None, workers: int, force: bool) -> None:
    """Diagnose every case in INPUT (a folder of YAML/JSON case files, or a
    JSONL file with one case per line) and write one JSON line per case, in
    input order: {"source", "ok": true, "advice"} or {"source", "ok": false,
    "error"}. A failing case does not stop the others; the exit code is 1 when
    any case failed. Each line is written as soon as it and the ones before it
    are done; with -o they go to OUTPUT.partial first, so an interrupted run
    keeps its results there and OUTPUT only ever appears complete."""
    from samenwerkwijzer.batch import (  # here: keeps CLI start-up fast
        batch_items,
        run_batch,
    )

    long_running()

    items = batch_items(input_path)
    failures: list[tuple[str, str]] = []
    with (
        _sink(output, force) as write,
        click.progressbar(length=len(items), label="diagnosing", file=sys.stderr, show_pos=True) as bar,
    ):
        for result in run_batch(items, workers=workers):
            write(result.line)
            if result.error is not None:
                failures.append((result.source, result.error.message))
            bar.update(1)
    ok = len(items) - len(failures)
    click.echo(f"batch: {len(items)} cases, {ok} diagnosed, {len(failures)} failed", err=True)
    for source, message in failures:
        click.echo(f"  failed: {source}: {message}", err=True)
    if failures:
        sys.exit(EXIT_REFUSED)


Writer = Callable[[str], None]


def _sink(output: Path | None, force: bool) -> AbstractContextManager[Writer]:
    return _stdout_lines() if output is None else _file_lines(output, force=force)


@contextmanager
def _stdout_lines() -> Iterator[Writer]:
    def write(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    yield write


@contextmanager
def _file_lines(output: Path, *, force: bool) -> Iterator[Writer]:
    """Lines appended to OUTPUT.partial, each whole in one write and at once in
    the file (no buffer to lose if the process is killed); renamed to OUTPUT
    when the block ends without error. Without ``force`` refuses an existing
    OUTPUT or OUTPUT.partial (the results of an interrupted run)."""
    partial = output.with_name(output.name + PARTIAL_SUFFIX)
    for path in (output, partial):
        if not force and (path.exists() or path.is_symlink()):
            fail(f"{path} bestaat al; --force overschrijft het", EXIT_REFUSED)
    try:
        if force:
            partial.unlink(missing_ok=True)  # a symlink is replaced, not followed
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        fail(f"kan {partial} niet schrijven ({reason(exc)})", EXIT_REFUSED)
    written = 0

    def write(line: str) -> None:
        nonlocal written
        data = memoryview((line + "\n").encode("utf-8"))
        while data:
            data = data[os.write(fd, data) :]
        written += 1

    try:
        try:
            yield write
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, output)
    except BaseException:
        if written:
            click.echo(f"samenwerkwijzer: stopped; the {written} results so far are in {partial}", err=True)
        else:
            partial.unlink(missing_ok=True)
        raise


__all__ = ["PARTIAL_SUFFIX", "Writer", "batch_command"]
