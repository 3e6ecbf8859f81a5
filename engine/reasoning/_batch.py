"""Diagnose many cases: a folder of case files or a JSONL file, one result per
case in input order; a case that fails is reported and the others go on."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from multiprocessing.context import BaseContext
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

from ..model._advice import Advice
from ..model._errors import CaseError, Problem, SamenwerkwijzerError
from ..model._loading import parse_case
from ._batch_input import BatchItem, read_case_file
from ._diagnose import diagnose
from ._rule_book import shared_runner

#: An unexpected error's message is cut off after this many characters.
MAX_MESSAGE_CHARS = 1000


def diagnose_item(item: BatchItem, today: date | None = None) -> dict[str, Any]:
    """One result line: the advice, or the error that stopped this case. Never
    raises for a bad case: anything unexpected is reported as an
    ``InternalError`` for this case alone."""
    try:
        if item.problem is not None:
            raise CaseError(item.source, [Problem("", item.problem)])
        if item.path:
            case = read_case_file(item.path)
        else:
            case = parse_case(item.text or "", source=item.source, json_only=True)
        advice = diagnose(case, today=today)
        return {"source": item.source, "ok": True, "advice": advice.model_dump(mode="json")}
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
        return _error(item.source, type(exc).__name__, str(exc))
    except Exception as exc:  # noqa: BLE001 (one case's bug must not stop the batch)
        return _error(item.source, "InternalError", f"onverwachte fout ({type(exc).__name__}) in Samenwerkwijzer")


def _error(source: str, kind: str, message: str) -> dict[str, Any]:
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return {"source": source, "ok": False, "error": {"type": kind, "message": message}}


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BatchProblem(_M):
    location: str = Field(description="Field path in the case ('' for the case as a whole).")
    message: str


class BatchError(_M):
    """Why one case of a batch has no advice."""

    type: str = Field(description="CaseError, InputError, …, InternalError or WorkerCrash.")
    message: str
    problems: list[BatchProblem] | None = Field(default=None, description="For a CaseError: each problem by field.")


class BatchResult(_M):
    """One case's result: ``advice`` when ``ok``, else ``error``. ``line`` is
    the JSON line ``batch`` writes; it is what crosses from a worker process
    (cheaper than the models), and ``advice`` is read from it on first use."""

    source: str
    ok: bool
    error: BatchError | None = None
    line: str = Field(repr=False, exclude=True)

    @computed_field  # type: ignore[prop-decorator]
    @functools.cached_property
    def advice(self) -> Advice | None:
        """The advice of a case that was diagnosed, else None."""
        return _AdviceLine.model_validate_json(self.line).advice if self.ok else None


class _AdviceLine(BaseModel):
    advice: Advice


def _result(result: dict[str, Any]) -> BatchResult:
    line = json.dumps(result, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # e.g. a file name that is not UTF-8: escape it
        line = json.dumps(result)
    error = None if result["ok"] else BatchError.model_validate(result["error"])
    return BatchResult(source=result["source"], ok=result["ok"], error=error, line=line)


def _diagnose_line(args: tuple[BatchItem, date]) -> BatchResult:
    return _result(diagnose_item(*args))


def _crashed(item: BatchItem) -> BatchResult:
    return _result(
        _error(
            item.source,
            "WorkerCrash",
            "het proces dat deze casus diagnosticeerde is gestopt (geheugen op, afgebroken of vastgelopen)",
        )
    )


def run_batch(items: list[BatchItem], *, workers: int = 1, today: date | None = None) -> Iterator[BatchResult]:
    """Results (each with its JSON line) in input order, each as soon as it
    and every result before it are done.

    With several workers the cases go out in chunks to ``workers - 1`` child
    processes while this process works through every ``workers``-th chunk
    itself, so no core waits on the one that only collects results. Experta is
    single-threaded, hence processes; forked children inherit the compiled
    engine and start at once. Children end when this process dies. If a child
    dies, the cases it may have been working on are diagnosed again one by one,
    each in a fresh child; a case that kills that child too is reported as a
    ``WorkerCrash`` and the others go on."""
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
        yield from _run_chunks(chunks, workers, context)
    finally:
        gc.unfreeze()


Job = tuple[BatchItem, date]


def _run_chunks(chunks: list[list[Job]], workers: int, context: BaseContext) -> Iterator[BatchResult]:
    pool: ProcessPoolExecutor | None = None
    pending: dict[int, Future[list[BatchResult]]] = {}
    redone: dict[int, list[BatchResult]] = {}
    window = 4 * workers  # chunks submitted ahead of the one being collected
    submitted = 0
    try:
        for n, chunk in enumerate(chunks):
            while submitted < len(chunks) and submitted < n + window:
                if submitted % workers:
                    if pool is None:
                        pool = _pool(workers - 1, context)
                    with contextlib.suppress(BrokenProcessPool):  # if so, redone below when its turn comes
                        pending[submitted] = pool.submit(_diagnose_chunk, chunks[submitted])
                submitted += 1
            if n % workers == 0:
                yield from _diagnose_chunk(chunk)
                continue
            if n in redone:
                yield from redone.pop(n)
                continue
            future = pending.pop(n, None)
            try:
                if future is None:
                    raise BrokenProcessPool
                results = future.result()
            except BrokenProcessPool:
                # A child died: every chunk that pool had not finished is lost. Shut
                # it down, then redo those chunks case by case before forking again.
                if pool is not None:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = None
                lost = [m for m in range(n, submitted) if m % workers and m not in redone]
                for m in lost:
                    done = pending.pop(m, None) if m != n else None
                    if done is not None and done.done() and not done.cancelled() and done.exception() is None:
                        redone[m] = done.result()
                    else:
                        redone[m] = list(_isolated(chunks[m], context))
                results = redone.pop(n)
            yield from results
    finally:
        for future in pending.values():
            future.cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _pool(processes: int, context: BaseContext) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=processes, mp_context=context, initializer=_worker_started, initargs=(os.getpid(),)
    )


def _isolated(chunk: list[Job], context: BaseContext) -> Iterator[BatchResult]:
    """Each case in a child of its own (reused until one dies), so a case that
    kills its process is known and reported."""
    solo: ProcessPoolExecutor | None = None
    try:
        for job in chunk:
            if solo is None:
                solo = _pool(1, context)
            try:
                yield solo.submit(_diagnose_line, job).result()
            except BrokenProcessPool:
                solo.shutdown(wait=True, cancel_futures=True)
                solo = None
                yield _crashed(job[0])
    finally:
        if solo is not None:
            solo.shutdown(wait=True, cancel_futures=True)


def _diagnose_chunk(chunk: list[Job]) -> list[BatchResult]:
    return [_diagnose_line(job) for job in chunk]


PR_SET_PDEATHSIG = 1


def _worker_started(parent: int) -> None:
    """In each child: die with the parent, so a killed batch leaves no workers.
    On Linux the kernel sends SIGKILL when the parent goes; elsewhere (or if
    that fails) a thread watches for being orphaned."""
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), name="batch-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was arranged
        os._exit(1)


def _die_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


__all__ = [
    "MAX_MESSAGE_CHARS",
    "PR_SET_PDEATHSIG",
    "BatchError",
    "BatchProblem",
    "BatchResult",
    "Job",
    "diagnose_item",
    "run_batch",
]
