"""Diagnose many cases: a folder of case files or a JSONL file, one result per
case in input order; a case that fails is reported and the others go on."""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import json
import multiprocessing
import os
import stat
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

from ..model._advice import Advice
from ..model._case import Case
from ..model._errors import CaseError, InputError, Problem, SamenwerkwijzerError
from ..model._loading import MAX_CASE_BYTES, parse_case
from ..model._messages import number_nl, os_reason
from ._diagnose import diagnose
from ._rule_book import shared_runner

CASE_SUFFIXES = (".yaml", ".yml", ".json")
#: At most this many cases in one batch (a folder's case files or a JSONL file's lines).
MAX_BATCH_ITEMS = 100_000
#: A JSONL file is held in memory while its cases are diagnosed, so it is bounded too.
MAX_JSONL_BYTES = 512 * 1024 * 1024
#: An unexpected error's message is cut off after this many characters.
MAX_MESSAGE_CHARS = 1000


@dataclass(frozen=True)
class BatchItem:
    """One case to diagnose: a file, or one line of a JSONL file. ``problem``
    is set when the entry could not be taken as a case at all (not a regular
    file, a line that is not UTF-8 or too long); it becomes its error line."""

    source: str
    path: str | None = None
    text: str | None = None
    problem: str | None = None


def batch_items(input_path: str | Path) -> list[BatchItem]:
    """The cases in a folder (every entry with a case suffix, sorted by name:
    entries that are not regular files become error lines, never opened) or a
    JSONL file (one case per non-empty line)."""
    path = Path(input_path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: map of bestand bestaat niet") from None
    except OSError as exc:
        raise InputError(f"{path}: kan niet worden gelezen ({os_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        return _folder_items(path)
    if path.suffix.lower() != ".jsonl":
        raise InputError(f"{path}: de invoer van een batch is een map met casusbestanden of een .jsonl-bestand")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: {_not_regular(info.st_mode)}")
    return _jsonl_items(path)


def _too_many(path: Path) -> InputError:
    return InputError(f"{path}: meer dan {number_nl(MAX_BATCH_ITEMS)} casussen; splits de batch")


def _folder_items(folder: Path) -> list[BatchItem]:
    try:
        with os.scandir(folder) as entries:
            names = []
            for entry in entries:
                if os.path.splitext(entry.name)[1].lower() in CASE_SUFFIXES:
                    names.append(entry.name)
                    if len(names) > MAX_BATCH_ITEMS:
                        raise _too_many(folder)
    except OSError as exc:
        raise InputError(f"{folder}: kan niet worden gelezen ({os_reason(exc)})") from None
    items = []
    for name in sorted(names):
        source = str(folder / name)
        problem = _file_problem(source)
        items.append(BatchItem(source=source, problem=problem) if problem else BatchItem(source=source, path=source))
    return items


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is een map, geen casusbestand"
    kind = (
        "een benoemde pijp"
        if stat.S_ISFIFO(mode)
        else "een apparaat"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "een socket"
        if stat.S_ISSOCK(mode)
        else "geen bestand"
    )
    return f"is geen gewoon bestand ({kind})"


def _file_problem(path: str) -> str | None:
    """Why ``path`` cannot be read as a case file, from its metadata alone."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "is een symbolische koppeling naar niets" if os.path.islink(path) else "bestand niet gevonden"
    except OSError as exc:
        return f"kan niet worden gelezen ({os_reason(exc)})"
    if not stat.S_ISREG(info.st_mode):
        return _not_regular(info.st_mode)
    return None


def _too_large(what: str) -> str:
    return f"is te groot ({what}; een casus is hoogstens {MAX_CASE_BYTES // 1024 // 1024} MB)"


def _open_regular(path: str | Path) -> int:
    """A descriptor on ``path``, which must be a regular file; never blocks on a
    FIFO and never opens a device (checked before opening and again after)."""
    problem = _file_problem(str(path))
    if problem:
        raise CaseError(str(path), [Problem("", problem)])
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise CaseError(str(path), [Problem("", f"kan niet worden gelezen ({os_reason(exc)})")]) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):  # replaced between the two looks
        os.close(fd)
        raise CaseError(str(path), [Problem("", _not_regular(mode))])
    return fd


def _read_case_file(path: str) -> Case:
    """Like ``load_case``, but bounded even if the file grows or is swapped."""
    fd = _open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > MAX_CASE_BYTES:
            raise CaseError(path, [Problem("", _too_large(f"{size / 1024 / 1024:.1f} MB".replace(".", ",")))])
        parts: list[bytes] = []
        total = 0
        while total <= MAX_CASE_BYTES:
            part = os.read(fd, MAX_CASE_BYTES + 1 - total)
            if not part:
                break
            parts.append(part)
            total += len(part)
        if total > MAX_CASE_BYTES:
            raise CaseError(path, [Problem("", _too_large(f"meer dan {MAX_CASE_BYTES // 1024 // 1024} MB"))])
    except OSError as exc:
        raise CaseError(path, [Problem("", f"kan niet worden gelezen ({os_reason(exc)})")]) from None
    finally:
        os.close(fd)
    return parse_case(b"".join(parts), source=path, json_only=path.lower().endswith(".json"))


def _jsonl_items(path: Path) -> list[BatchItem]:
    try:
        fd = _open_regular(path)
    except CaseError as exc:
        raise InputError(str(exc)) from None
    try:
        size = os.fstat(fd).st_size
        if size > MAX_JSONL_BYTES:
            raise InputError(f"{path}: te groot ({size / 1024 / 1024:.0f} MB; hoogstens {MAX_JSONL_BYTES >> 20} MB)")
        items: list[BatchItem] = []
        total = 0
        with os.fdopen(fd, "rb", closefd=False) as handle:
            for number in itertools.count(1):
                line = handle.readline(MAX_CASE_BYTES + 1)
                if not line:
                    break
                total += len(line)
                source = f"{path}:{number}"
                if len(line) > MAX_CASE_BYTES and not line.endswith(b"\n"):
                    while (rest := handle.readline(MAX_CASE_BYTES + 1)) and not rest.endswith(b"\n"):
                        total += len(rest)
                    total += len(rest)
                    items.append(BatchItem(source=source, problem=_too_large("een langere regel")))
                elif not line.strip():
                    continue
                else:
                    try:
                        text = line.decode("utf-8-sig" if number == 1 else "utf-8")
                    except UnicodeDecodeError:
                        items.append(BatchItem(source=source, problem="is geen UTF-8-tekst"))
                    else:
                        items.append(BatchItem(source=source, text=text))
                if len(items) > MAX_BATCH_ITEMS:
                    raise _too_many(path)
                if total > MAX_JSONL_BYTES:  # it grew while being read
                    raise InputError(f"{path}: te groot (meer dan {MAX_JSONL_BYTES >> 20} MB)")
    except OSError as exc:
        raise InputError(f"{path}: kan niet worden gelezen ({os_reason(exc)})") from None
    finally:
        os.close(fd)
    return items


def diagnose_item(item: BatchItem, today: date | None = None) -> dict[str, Any]:
    """One result line: the advice, or the error that stopped this case. Never
    raises for a bad case: anything unexpected is reported as an
    ``InternalError`` for this case alone."""
    try:
        if item.problem is not None:
            raise CaseError(item.source, [Problem("", item.problem)])
        if item.path:
            case = _read_case_file(item.path)
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
    "CASE_SUFFIXES",
    "MAX_BATCH_ITEMS",
    "MAX_JSONL_BYTES",
    "MAX_MESSAGE_CHARS",
    "PR_SET_PDEATHSIG",
    "BatchError",
    "BatchItem",
    "BatchProblem",
    "BatchResult",
    "Job",
    "batch_items",
    "diagnose_item",
    "run_batch",
]
