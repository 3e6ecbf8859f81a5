"""The intake's durable store: the case file and the progress beside it, written under locks.

After every answer the intake writes its progress beside the case
(``CASE.intake.json``, or ``CASE.intake.<respondent>.json``) and then the case
itself, each atomically (:func:`~._files.atomic_file`); the progress alone
defines the case, so an interruption between the two writes loses nothing
either. Several intakes may run on one case at once, one per respondent (and
the advisor's): each merges its answers into the case as the file holds it at
that moment, under a lock (see :class:`IntakeFiles`). A write that fails (a
full disk) stops the intake with a message and leaves both files as they were.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from samenwerkwijzer import SamenwerkwijzerError, case_from_data, load_case_data
from samenwerkwijzer.intake import Intake

from ._app import EXIT_REFUSED, fail, user_errors
from ._case_file import case_text, progress_text
from ._files import NAME_IN_TEMP, atomic_file, remove_temporaries


def progress_path(case: Path, respondent: str | None) -> Path:
    """Where the progress of an intake into ``case`` is kept."""
    if respondent is None:
        return case.with_name(f"{case.name}.intake.json")
    return case.with_name(f"{case.name}.intake.{_slug(respondent)}.json")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "casus"


class IntakeFiles:
    """The case file and the progress beside it, and the locks that keep
    intakes running at the same time on one case (one per respondent) from
    undoing each other's answers.

    Two advisory locks, both files beside the case: the *session* lock
    (``.CASE.intake[.respondent].json.lock``), held for the whole intake, so a
    second intake of the same progress (the same respondent twice, or the
    same resume twice) is refused rather than interleaved; and the *case* lock
    (``.CASE.lock``), held for every read-modify-write of the case and the
    progress: under it the case is re-read and this intake's answers merged
    in, so intakes of different respondents all end up in the case. Both lock
    files are removed when an intake ends (safely: see :func:`_lock_file`).
    """

    def __init__(self, case: Path | None, respondent: str | None, *, fresh: bool = False) -> None:
        self.case = case
        self.respondent = respondent
        self._fresh = fresh  # --force: the first write replaces the case as it was, respondents and all
        self._written: tuple[dict[str, Any], bool] | None = None  # what the case file holds now
        self._session: int | None = None  # the descriptor of the session lock, while held
        self._stamp: tuple[int, ...] | None = None  # the case file as this intake last wrote it (see _stamp)

    @property
    def progress(self) -> Path | None:
        return None if self.case is None else progress_path(self.case, self.respondent)

    def resume_command(self) -> str:
        assert self.case is not None
        if self.respondent is None:
            return f"samenwerkwijzer intake --resume {shlex.quote(str(self.case))}"
        return (
            f"samenwerkwijzer intake --respondent {shlex.quote(self.respondent)} --resume "
            f"-o {shlex.quote(str(self.case))}"
        )

    # -- locks --

    def claim(self) -> None:
        """Take the session lock, or refuse when another intake of this progress is running."""
        if not self._claim():
            assert self.case is not None
            who = f"respondent {self.respondent}" if self.respondent is not None else "de casus"
            fail(
                f"er loopt op dit moment al een intake voor {who} in {self.case} (in een ander venster of proces); "
                "twee intakes van dezelfde antwoorden tegelijk zouden elkaar overschrijven. Wacht tot die klaar "
                "of gestopt is en ga dan zo nodig verder met --resume.",
                EXIT_REFUSED,
            )

    def _claim(self) -> bool:
        assert self.progress is not None and self._session is None
        for attempt in range(5):  # a few times: the lock may be held a moment by one removing it as stale
            if attempt:
                time.sleep(0.02)
            try:
                self._session = _lock_file(_lock_path(self.progress), wait=False)
            except OSError as exc:
                fail(f"kan {self.case} niet vergrendelen: {os_reason(exc)}", EXIT_REFUSED)
            if self._session is not None:
                return True
        return False

    def release(self) -> None:
        """Give up the session lock; remove the lock files (see :func:`_lock_file`)."""
        if self._session is None:
            return
        assert self.case is not None and self.progress is not None
        with contextlib.suppress(OSError):
            fd = _lock_file(_lock_path(self.case), wait=True)
            assert fd is not None
            _unlock_file(fd, _lock_path(self.case), remove=True)
        _unlock_file(self._session, _lock_path(self.progress), remove=True)
        self._session = None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the case lock (waiting for it); temporary files that an intake
        killed while writing left behind are removed under it."""
        assert self.case is not None
        lock = _lock_path(self.case)
        try:
            fd = _lock_file(lock, wait=True)
        except OSError as exc:
            fail(f"kan {self.case} niet vergrendelen: {os_reason(exc)}", EXIT_REFUSED)
        assert fd is not None
        try:
            _remove_leftovers(self.case)
            yield
        finally:
            _unlock_file(fd, lock, remove=False)

    # -- reading and writing --

    def save(self, intake: Intake) -> None:
        """Under the case lock: re-read the case, merge this intake's answers in,
        write the progress, then the case (each atomically; both are written
        out before either replaces its file, so a failing write, a full disk
        say, leaves both as they were). Fails (exit 1) when they cannot be
        written."""
        if self.case is None:
            data = intake.case_data()
            if data is None:
                return  # nothing to lose yet: the case has no name
            self._choose(data["name"])
        assert self.case is not None and self.progress is not None
        try:
            with self.locked():
                self._write(intake)
        except OSError as exc:
            fail(self._write_failed(exc), EXIT_REFUSED)

    def _write(self, intake: Intake) -> None:
        assert self.case is not None and self.progress is not None
        text, merged = None, None
        if intake.case_data() is not None:
            merged = intake.merged_into(self._current())
            assert merged is not None
            if (merged, intake.done) != self._written:
                with user_errors():
                    case_from_data(merged, source=str(self.case))  # the intake keeps it valid; never write otherwise
                text = self._case_text(merged, done=intake.done)
        with contextlib.ExitStack() as stack:
            if text is not None:
                handle = stack.enter_context(atomic_file(self.case, force=True, fail=_raise_write_error))
                handle.write(text)
                handle.flush()  # a full disk shows here, before the progress is replaced
            with atomic_file(self.progress, force=True, fail=_raise_write_error) as handle:
                handle.write(progress_text(intake.progress()))
        if text is not None and merged is not None:
            self._written = (merged, intake.done)
            self._fresh = False
            self._stamp = _stamp(self.case)

    def _current(self) -> dict[str, Any] | None:
        """The case as its file holds it now, to merge into: for a respondent it must be there and
        valid; the advisor's intake starts anew (--force) or keeps writing over a file that is not."""
        assert self.case is not None
        if self._written is not None and self._stamp is not None and _stamp(self.case) == self._stamp:
            return self._written[0]  # the file is still the one this intake wrote last
        if self.respondent is None:
            if self._fresh or not self.case.exists():
                return None
            try:
                return load_case_data(self.case)
            except SamenwerkwijzerError:
                return None
        try:
            return load_case_data(self.case)
        except SamenwerkwijzerError as exc:
            fail(
                f"{self.case} is veranderd sinds de intake begon en geen geldige casus meer, dus de antwoorden van "
                f"{self.respondent} kunnen er niet bij; het laatste antwoord is niet bewaard. Herstel het bestand en "
                f"ga verder met: {self.resume_command()}. {exc}",
                EXIT_REFUSED,
            )

    def _write_failed(self, exc: OSError) -> str:
        assert self.case is not None and self.progress is not None
        then = (
            f"ga daarna verder met: {self.resume_command()}"
            if self.progress.exists()
            else "begin daarna opnieuw (er was nog niets bewaard)"
        )
        return (
            f"kan de antwoorden niet bewaren in {self.case}: {os_reason(exc)}. Het laatste antwoord is niet bewaard; "
            f"{self.case} en de voortgang zijn zoals ze waren. Maak ruimte vrij (of verhoog de limiet op de "
            f"bestandsgrootte) en {then}."
        )

    def _choose(self, name: str) -> None:
        """A file name in the current directory from the case name, not yet taken (nor being taken)."""
        base = _slug(name)
        n = 1
        while True:
            self.case = Path(f"{base}.yaml" if n == 1 else f"{base}-{n}.yaml")
            if not self._taken() and self._claim():
                if not self._taken():
                    return
                self.release()
            n += 1

    def _taken(self) -> bool:
        assert self.case is not None and self.progress is not None
        return self.case.exists() or self.progress.exists()

    def finish(self) -> None:
        """The intake is complete: remove its progress."""
        if self.progress is None:
            return
        try:
            with self.locked():
                self.progress.unlink(missing_ok=True)
        except OSError as exc:
            fail(f"kan {self.progress} niet verwijderen: {os_reason(exc)}", EXIT_REFUSED)

    def _case_text(self, data: dict[str, Any], *, done: bool) -> str:
        assert self.case is not None
        by_advisor = self.respondent is None
        resume = self.resume_command() if by_advisor and not done else None
        return case_text(self.case, data, by_advisor=by_advisor, resume=resume)


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


_no_locking_noted = False


def _lock_file(path: Path, *, wait: bool) -> int | None:
    """Open ``path`` (creating it) and lock it: the open descriptor, or
    ``None`` when another process holds the lock and ``wait`` is false.

    A lock file may be removed by its holder (:func:`_unlock_file`) while
    another process has it open and is waiting: that process then holds a
    lock on a file nobody else will open, so after locking we check that the
    path still names the file we locked, and start over if not. Where the
    system cannot lock files, nothing is locked (with a note, once)."""
    global _no_locking_noted
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            locked = _lock_descriptor(fd, wait=wait)
            if locked is None:
                if not _no_locking_noted:
                    _no_locking_noted = True
                    click.echo(
                        "samenwerkwijzer: let op: dit systeem kan het casusbestand niet vergrendelen; "
                        "start geen twee intakes tegelijk op dezelfde casus.",
                        err=True,
                    )
                return fd
            if not locked:
                os.close(fd)
                return None
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            return fd
        os.close(fd)  # removed (and perhaps created anew) while we waited: lock the file that is there now


def _lock_descriptor(fd: int, *, wait: bool) -> bool | None:
    """Lock an open file: ``True``, ``False`` when another process holds it
    (only when not ``wait``), ``None`` when this system has no file locks."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not wait:
                    return False
                time.sleep(0.05)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no such POSIX system in CI
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _unlock_file(fd: int, path: Path, *, remove: bool) -> None:
    """Release a lock from :func:`_lock_file`; with ``remove``, remove the lock
    file first, while still holding it (safe: see :func:`_lock_file`; not on
    Windows, which cannot remove an open file, so the lock files stay there)."""
    try:
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        elif remove:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
    finally:
        os.close(fd)


def _remove_leftovers(case: Path) -> None:
    """Remove what an intake killed while writing left: temporary files of the
    case and of its progress files (as :func:`atomic_file` makes them), and the
    session locks of progress files that no intake holds (removed as
    :func:`_unlock_file` does). Called under the case lock, which every intake
    holds while it writes these files, so none of them is still being written."""
    directory = case.parent if str(case.parent) else Path(".")

    def ours(info: os.stat_result, pid: int) -> bool:
        return sys.platform == "win32" or info.st_uid == os.getuid()

    remove_temporaries(directory, of=lambda target: _is_temporary_of(target, case.name), stale=ours)
    if sys.platform == "win32":
        return
    session = re.compile(rf"\.{re.escape(case.name)}\.intake(\.[a-z0-9-]+)?\.json\.lock")
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if not entry.is_file(follow_symlinks=False) or not session.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_uid != os.getuid():
                    continue
                fd = _lock_file(Path(entry.path), wait=False)
                if fd is not None:
                    _unlock_file(fd, Path(entry.path), remove=True)


def _raise_write_error(message: str) -> NoReturn:
    """For :func:`atomic_file`: a write error as an OSError with its reason
    ("File too large"), which the intake reports in its own words."""
    raise OSError(message.rpartition(": ")[2])


def _is_temporary_of(target: str, case_name: str) -> bool:
    """Whether ``target``, the (cut) target name of a temporary file
    :func:`atomic_file` made, is the case or one of its progress files; TARGET
    is cut to its first characters (see ``cli/_files.py``)."""
    if re.fullmatch(re.escape(case_name) + r"(\.intake(\.[a-z0-9-]+)?\.json)?", target):
        return True
    # A long name is cut: then it must be the start of the case's name or of a progress file's.
    return len(target) == NAME_IN_TEMP and (case_name + ".intake").startswith(target[: len(case_name) + 7])


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What tells a file from its next version: every write replaces the case
    file by a new one (a new inode), and an edit in place changes its time."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def os_reason(exc: OSError) -> str:
    """The operating system's reason for ``exc``, as it gives it."""
    return exc.strerror or str(exc)


__all__ = [
    "IntakeFiles",
    "os_reason",
    "progress_path",
]
