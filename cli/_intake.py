"""``samenwerkwijzer intake``: ask the advisor (or one respondent) the questions, saving after every answer.

The questions, their order, what is skipped and why are the library's
(:mod:`samenwerkwijzer.intake._intake`); this module only prompts, reads answers and
writes files. After every answer it writes the progress beside the case
(``CASE.intake.json``, or ``CASE.intake.<respondent>.json``) and then the case
itself, each atomically; the progress alone defines the case, so an
interruption between the two writes loses nothing either. The progress file is
removed when the intake is complete.

Several intakes may run on one case at once, one per respondent (and the
advisor's): each merges its answers into the case as the file holds it at
that moment, under a lock (see :class:`_Files`). A write that fails (a full
disk) stops the intake with a message and leaves both files as they were.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click
import yaml

from samenwerkwijzer import (
    SamenwerkwijzerError,
    case_from_data,
    diagnose,
    load_case,
    load_case_data,
    render_letter,
)
from samenwerkwijzer.intake import HINT, SECTION_TITLES, AnswerSheet, Intake, render_prompt

from ._app import EXIT_BAD_INPUT, EXIT_REFUSED, app, emit, fail, long_running, user_errors
from ._files import NAME_IN_TEMP, TEMP_SUFFIX, atomic_file

EXIT_INTERRUPTED = 130
_BASE_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: quick


class _CaseDumper(_BASE_DUMPER):  # type: ignore[misc]
    """Block style, except lists of plain values (``roles: [beslisser, financier]``), as in the examples."""


def _represent_list(dumper: Any, data: list[Any]) -> Any:
    flow = all(isinstance(item, str | int | float | bool) or item is None for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_CaseDumper.add_representer(list, _represent_list)

Reader = Callable[[str], str | None]


def progress_path(case: Path, respondent: str | None) -> Path:
    """Where the progress of an intake into ``case`` is kept."""
    if respondent is None:
        return case.with_name(f"{case.name}.intake.json")
    return case.with_name(f"{case.name}.intake.{_slug(respondent)}.json")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "casus"


def _reader(answers_file: Path | None, err: bool, intake: Intake) -> Reader:
    """A function that shows a prompt and returns the answer, ``None`` at the
    end of the input: from ``answers_file`` (a YAML file of answers by question,
    or one answer per line, lines starting with # left out), from standard input
    when it is not a terminal, or typed at the terminal. Prompts go to standard
    error when ``err``."""
    if answers_file is not None:
        try:
            text = answers_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"kan {answers_file} niet lezen: {exc}", EXIT_BAD_INPUT)
        if answers_file.suffix.lower() in (".yaml", ".yml"):
            return _by_question(text, answers_file, err, intake)
        return _scripted(iter(text.splitlines()), err)
    if not sys.stdin.isatty():
        return _scripted((line.rstrip("\r\n") for line in sys.stdin), err)

    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing for input())

    def interactive(prompt: str) -> str | None:
        click.echo(f"{prompt}\n> ", nl=False, err=err)
        try:
            return input()
        except EOFError:
            return None

    return interactive


def _by_question(text: str, path: Path, err: bool, intake: Intake) -> Reader:
    """Answers from a YAML file of answers by question (see ``AnswerSheet``): each question the intake
    asks gets the file's answer, or is skipped; the input ends when the intake is complete."""
    try:
        sheet = AnswerSheet(yaml.safe_load(text) or {})
    except yaml.YAMLError as exc:
        fail(f"kan {path} niet lezen: {exc}", EXIT_BAD_INPUT)
    except SamenwerkwijzerError as exc:
        fail(f"{path}: {exc}", EXIT_BAD_INPUT)

    def by_question(prompt: str) -> str | None:
        click.echo(prompt, err=err)
        step = intake.current
        if step is None:
            return None
        line = sheet.text_for(step)
        click.echo(f"> {line}", err=err)
        return line

    return by_question


def _scripted(lines: Iterator[str], err: bool) -> Reader:
    """Answers from ``lines``, shown after their prompt as if typed."""

    def scripted(prompt: str) -> str | None:
        click.echo(prompt, err=err)
        for line in lines:
            if line.lstrip().startswith("#"):
                continue
            click.echo(f"> {line}", err=err)
            return line
        return None

    return scripted


class _Files:
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
                fail(f"kan {self.case} niet vergrendelen: {_reason(exc)}", EXIT_REFUSED)
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
            fail(f"kan {self.case} niet vergrendelen: {_reason(exc)}", EXIT_REFUSED)
        assert fd is not None
        try:
            _remove_stale_temporaries(self.case)
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
                handle.write(_progress_text(intake.progress()))
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
                return _read_case_data(self.case)
            except SamenwerkwijzerError:
                return None
        try:
            return _read_case_data(self.case)
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
            f"kan de antwoorden niet bewaren in {self.case}: {_reason(exc)}. Het laatste antwoord is niet bewaard; "
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
            fail(f"kan {self.progress} niet verwijderen: {_reason(exc)}", EXIT_REFUSED)

    def _case_text(self, data: dict[str, Any], *, done: bool) -> str:
        assert self.case is not None
        if self.case.suffix.lower() == ".json":
            return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        header = ""
        if self.respondent is None:
            header = "# Opgesteld met samenwerkwijzer intake.\n"
            if not done:
                header += _comment(f"De intake is nog niet af; ga verder met: {self.resume_command()}")
        body = yaml.dump(data, Dumper=_CaseDumper, sort_keys=False, allow_unicode=True, width=100)
        return header + body


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


def _remove_stale_temporaries(case: Path) -> None:
    """Remove what an intake killed while writing left: temporary files of the
    case and of its progress files (``.NAME.xxxxxxxx``, as :func:`atomic_output`
    makes them), and the session locks of progress files that no intake holds
    (removed as :func:`_unlock_file` does). Called under the case lock, which
    every intake holds while it writes these files, so none of them is still
    being written."""
    name = re.escape(case.name)
    session = re.compile(rf"\.{name}\.intake(\.[a-z0-9-]+)?\.json\.lock")
    with contextlib.suppress(OSError):
        for entry in os.scandir(case.parent if str(case.parent) else "."):
            if not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if sys.platform != "win32" and entry.stat(follow_symlinks=False).st_uid != os.getuid():
                    continue
                if _is_temporary_of(entry.name, case.name):
                    os.unlink(entry.path)
                elif session.fullmatch(entry.name) and sys.platform != "win32":
                    fd = _lock_file(Path(entry.path), wait=False)
                    if fd is not None:
                        _unlock_file(fd, Path(entry.path), remove=True)


def _raise_write_error(message: str) -> NoReturn:
    """For :func:`atomic_file`: a write error as an OSError with its reason
    ("File too large"), which the intake reports in its own words."""
    raise OSError(message.rpartition(": ")[2])


def _is_temporary_of(entry: str, case_name: str) -> bool:
    """Whether ``entry`` is a temporary file :func:`atomic_output` makes for the
    case or one of its progress files: ``.TARGET.PID.RANDOM.swwtmp``, with
    TARGET cut to its first characters (see ``cli/_files.py``)."""
    match = re.fullmatch(r"\.(.+)\.[0-9]+\.[A-Za-z0-9_]+" + re.escape(TEMP_SUFFIX), entry)
    if not match:
        return False
    target = match[1]
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


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _comment(text: str) -> str:
    """``text`` as one YAML comment line: a line break, another control or
    format character in it (from a file name, say) is written as an escape such
    as ``\\n``, so that it can neither end the comment nor hide what follows."""
    safe = "".join(ascii(ch)[1:-1] if _unsafe_in_comment(ch) else ch for ch in text)
    return f"# {safe}\n"


def _unsafe_in_comment(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] == "C" or category in ("Zl", "Zp")  # control, format, surrogate; line, paragraph break


def _progress_text(progress: dict[str, Any]) -> str:
    return json.dumps(progress, ensure_ascii=False) + "\n"


def _read_case_data(path: Path) -> dict[str, Any]:
    """The case file's data as written (validated with the library's loader first)."""
    return load_case_data(path)


def _read_progress(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        fail(f"kan de voortgang in {path} niet lezen: {exc}", EXIT_BAD_INPUT)


@app.command("intake")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The case file to write (default: a name made from the case's name). With --respondent: the existing case.",
)
@click.option(
    "--resume",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[CASE]",
    help="Continue an intake that was stopped, where it stopped (CASE, or the file given with -o).",
)
@click.option("--respondent", metavar="NAME", help="Add the answers of one respondent to an existing case (-o).")
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Read the answers from this file, one per line (lines starting with # are left out).",
)
@click.option("--letter", is_flag=True, help="When the intake is complete, print the advice letter (Markdown).")
@click.option(
    "--letter-output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="When the intake is complete, write the advice letter to this file.",
)
@click.option("--force", is_flag=True, help="Start anew over an existing case file or letter file.")
def intake_command(
    output: Path | None,
    resume: str | None,
    respondent: str | None,
    answers_file: Path | None,
    letter: bool,
    letter_output: Path | None,
    force: bool,
) -> None:
    """Ask the questions of the catalogue in Dutch and write the case file,
    skipping what cannot change the advice given the answers so far.

    Type ? (or waarom) for why a question is asked, terug for the previous
    question, - or Enter to skip, stop to stop. Every answer is saved at once;
    --resume continues where the intake stopped. Answers are read from
    --answers FILE or from standard input when it is not a terminal; the end of
    the input stops the intake (saved, to be resumed)."""
    long_running()
    case_path = _case_path(output, resume, respondent)
    files = _Files(case_path, respondent, fresh=force and resume is None)
    if letter_output is not None and letter_output.exists() and not force:
        fail(f"{letter_output} bestaat al; gebruik --force om het te overschrijven", EXIT_REFUSED)
    try:
        _intake(files, resume is not None, respondent, answers_file, letter, letter_output, force)
    finally:
        files.release()


def _intake(
    files: _Files,
    resume: bool,
    respondent: str | None,
    answers_file: Path | None,
    letter: bool,
    letter_output: Path | None,
    force: bool,
) -> None:
    claimed = files.case is not None and files.case.parent.is_dir()
    if claimed:
        files.claim()  # before looking at the files: what they hold cannot change under us
    with user_errors(), files.locked() if claimed else contextlib.nullcontext():
        intake = _start(files, resume, respondent, force)
    to_stderr = letter and letter_output is None

    def say(text: str) -> None:
        click.echo(text, err=to_stderr)

    reader = _reader(answers_file, to_stderr, intake)
    try:
        if not _converse(intake, files, reader, say):
            say(_stopped_message(files, "Gestopt"))
            return
    except KeyboardInterrupt:
        say("")
        say(_stopped_message(files, "Onderbroken"))
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:  # the conversation cannot be shown: output to a full disk, or to a closed pipe
        _output_failed(exc, _stopped_message(files, "Gestopt"))
    files.save(intake)
    files.finish()
    assert files.case is not None
    try:
        if respondent is not None:
            say(f"Klaar. De antwoorden van {respondent} staan in {files.case}.")
        else:
            say(f"Klaar. De casus staat in {files.case}.")
        say(f"De adviesbrief: samenwerkwijzer diagnose {shlex.quote(str(files.case))}")
    except OSError as exc:
        _output_failed(exc, f"De intake is wel af: alles staat in {files.case}.")
    if letter or letter_output is not None:
        with user_errors():
            text = render_letter(diagnose(load_case(files.case)))
        try:
            emit(text, letter_output, force=True)
        except OSError as exc:
            where = "de uitvoer" if letter_output is None else str(letter_output)
            fail(f"kan de adviesbrief niet schrijven naar {where}: {_reason(exc)} (de casus is bewaard)", EXIT_REFUSED)


def _output_failed(exc: OSError, then: str) -> NoReturn:
    """Stop: what the intake says cannot be shown (written to a full disk, or a
    closed pipe); say so on standard error, if that still can be written."""
    with contextlib.suppress(OSError):
        click.echo(f"samenwerkwijzer: kan niet meer naar de uitvoer schrijven: {_reason(exc)}. {then}", err=True)
    with contextlib.suppress(OSError, ValueError):  # what is still buffered for it would fail again on exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(EXIT_REFUSED)


def _case_path(output: Path | None, resume: str | None, respondent: str | None) -> Path | None:
    if resume:
        if output is not None and Path(resume) != output:
            fail("geef het casusbestand bij --resume of bij -o, niet twee verschillende", EXIT_BAD_INPUT)
        return Path(resume)
    if resume is not None and output is None:
        fail("--resume heeft het casusbestand nodig: --resume CASUS.yaml", EXIT_BAD_INPUT)
    if respondent is not None and output is None:
        fail("--respondent heeft het bestaande casusbestand nodig: -o CASUS.yaml", EXIT_BAD_INPUT)
    return output


def _start(files: _Files, resume: bool, respondent: str | None, force: bool) -> Intake:
    """A new intake, or the one that was stopped."""
    case, progress = files.case, files.progress
    who = f"respondent {respondent}" if respondent is not None else "de casus"
    if resume:
        assert case is not None and progress is not None
        if not progress.exists():
            done = " (de intake is al afgerond)" if case.exists() else ""
            fail(f"er is geen onderbroken intake voor {who} in {case}{done}", EXIT_REFUSED)
        data = _read_progress(progress)
        if isinstance(data, dict) and data.get("respondent") != respondent:
            fail(f"{progress} is de voortgang van een andere intake", EXIT_BAD_INPUT)
        base = _read_case_data(case) if respondent is not None else None
        return Intake.from_progress(data, base)
    if respondent is not None:
        assert case is not None and progress is not None
        base = _read_case_data(case)
        if progress.exists() and not force:
            fail(f"er loopt al een intake voor {who} in {case}; ga verder met --resume", EXIT_REFUSED)
        names = [r.get("name") for r in base.get("respondents") or [] if isinstance(r, dict)]
        if respondent.strip() in names and not force:
            fail(f"{case} heeft al antwoorden van {respondent}; gebruik --force om ze opnieuw te vragen", EXIT_REFUSED)
        return Intake(base, respondent=respondent)
    if case is not None and progress is not None and (case.exists() or progress.exists()) and not force:
        hint = "ga verder met --resume of " if progress.exists() else ""
        fail(f"{case} bestaat al; {hint}gebruik --force om opnieuw te beginnen", EXIT_REFUSED)
    if progress is not None:
        progress.unlink(missing_ok=True)
    return Intake()


def _converse(intake: Intake, files: _Files, read: Reader, say: Callable[[str], None]) -> bool:
    """Ask until the intake is complete (``True``), or stopped or out of input."""
    if intake.respondent is not None:
        say(f"Intake voor respondent {intake.respondent} in {files.case}.")
    say(HINT)
    if intake.answers:
        say(f"Verder waar de intake stopte ({len(intake.answers)} antwoorden bewaard).")
    section = ""
    while (step := intake.current) is not None:
        if step.section != section:
            section = step.section
            say(f"\n== {SECTION_TITLES.get(section, section)} ==")
        line = read(render_prompt(step))
        if line is None:
            return False
        reply = intake.respond(line)
        if reply.kind == "stop":
            return False
        if reply.kind in ("answered", "skipped", "back"):
            files.save(intake)
        if reply.message:
            say(reply.message)
    return True


def _stopped_message(files: _Files, what: str) -> str:
    if files.progress is None or not files.progress.exists():
        return f"{what}; er was nog niets te bewaren."
    return f"{what}. Alles is bewaard in {files.case}; ga verder met: {files.resume_command()}"


__all__ = [
    "EXIT_INTERRUPTED",
    "Reader",
    "intake_command",
    "progress_path",
]
