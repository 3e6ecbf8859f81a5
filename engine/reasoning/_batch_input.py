"""What a batch reads: a folder of case files or a JSONL file, as bounded items in input order; an entry that
cannot be taken as a case at all becomes an item with its problem."""

from __future__ import annotations

import itertools
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..model._case import Case
from ..model._errors import CaseError, InputError, Problem
from ..model._loading import MAX_CASE_BYTES, parse_case
from ..model._messages import number_nl, os_reason

__all__ = ["CASE_SUFFIXES", "MAX_BATCH_ITEMS", "MAX_JSONL_BYTES", "BatchItem", "batch_items", "read_case_file"]

CASE_SUFFIXES = (".yaml", ".yml", ".json")
#: At most this many cases in one batch (a folder's case files or a JSONL file's lines).
MAX_BATCH_ITEMS = 100_000
#: A JSONL file is held in memory while its cases are diagnosed, so it is bounded too.
MAX_JSONL_BYTES = 512 * 1024 * 1024


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


def read_case_file(path: str) -> Case:
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
