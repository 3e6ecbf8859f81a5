"""Diagnose many cases: a folder of case files or a JSONL file, one result per
case in input order; a case that fails is reported and the others go on."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ._diagnose import diagnose, shared_runner
from ._errors import CaseError, InputError, SamenwerkwijzerError
from ._loading import load_case, parse_case

CASE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class BatchItem:
    """One case to diagnose: a file, or one line of a JSONL file."""

    source: str
    path: str | None = None
    text: str | None = None


def batch_items(input_path: str | Path) -> list[BatchItem]:
    """The cases in a folder (its case files, sorted by name) or a JSONL file
    (one case per non-empty line)."""
    path = Path(input_path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in CASE_SUFFIXES and p.is_file())
        return [BatchItem(source=str(p), path=str(p)) for p in files]
    if path.is_file():
        if path.suffix.lower() != ".jsonl":
            raise InputError(f"{path}: batch input must be a folder of case files or a .jsonl file")
        with path.open(encoding="utf-8", errors="replace") as handle:
            return [
                BatchItem(source=f"{path}:{n}", text=line) for n, line in enumerate(handle, start=1) if line.strip()
            ]
    raise InputError(f"{path}: no such folder or file")


def diagnose_item(item: BatchItem, today: date | None = None) -> dict[str, Any]:
    """One result line: the advice, or the error that stopped this case."""
    try:
        case = load_case(item.path) if item.path else parse_case(item.text or "", source=item.source, json_only=True)
        advice = diagnose(case, today=today)
    except CaseError as exc:
        return {
            "source": item.source,
            "ok": False,
            "error": {
                "type": type(exc).__name__,
                "message": str(exc),
                "problems": [{"location": p.location, "message": p.message} for p in exc.problems],
            },
        }
    except SamenwerkwijzerError as exc:
        return {"source": item.source, "ok": False, "error": {"type": type(exc).__name__, "message": str(exc)}}
    return {"source": item.source, "ok": True, "advice": advice.model_dump(mode="json")}


@dataclass(frozen=True)
class BatchResult:
    line: str = field(repr=False)
    source: str
    ok: bool
    error: str | None


def _diagnose_line(args: tuple[BatchItem, date]) -> BatchResult:
    result = diagnose_item(*args)
    error = None if result["ok"] else str(result["error"]["message"])
    return BatchResult(json.dumps(result, ensure_ascii=False), result["source"], result["ok"], error)


def run_batch(items: list[BatchItem], *, workers: int = 1, today: date | None = None) -> Iterator[BatchResult]:
    """Results (each with its JSON line) in input order.

    With several workers the cases go out in chunks to ``workers - 1`` child
    processes while this process works through every ``workers``-th chunk
    itself, so no core waits on the one that only collects results. Experta is
    single-threaded, hence processes; forked children inherit the compiled
    engine and start at once."""
    today = today or date.today()  # one date for every worker
    jobs = [(item, today) for item in items]
    if workers <= 1 or len(items) < 2:
        yield from map(_diagnose_line, jobs)
        return
    shared_runner()  # compile before forking
    size = max(1, min(32, len(jobs) // (workers * 4)))
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods and os.name == "posix" else "spawn")
    gc.freeze()  # keep the collector from touching (and so copying) the parent's pages in the children
    try:
        with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
            pending = {n: pool.submit(_diagnose_chunk, chunk) for n, chunk in enumerate(chunks) if n % workers}
            for n, chunk in enumerate(chunks):
                yield from pending.pop(n).result() if n in pending else _diagnose_chunk(chunk)
    finally:
        gc.unfreeze()


def _diagnose_chunk(chunk: list[tuple[BatchItem, date]]) -> list[BatchResult]:
    return [_diagnose_line(job) for job in chunk]
