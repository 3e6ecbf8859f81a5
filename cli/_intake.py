"""``samenwerkwijzer intake``: ask the advisor (or one respondent) the questions, saving after every answer.

The questions, their order, what is skipped and why are the library's
(:mod:`samenwerkwijzer._intake`); this module only prompts, reads answers and
writes files. After every answer it writes the progress beside the case
(``CASE.intake.json``, or ``CASE.intake.<respondent>.json``) and then the case
itself, each atomically; the progress alone defines the case, so an
interruption between the two writes loses nothing either. The progress file is
removed when the intake is complete.
"""

from __future__ import annotations

import contextlib
import json
import re
import shlex
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import yaml

from samenwerkwijzer import case_from_data, diagnose, load_case, render_letter
from samenwerkwijzer._intake import HINT, SECTION_TITLES, Intake, render_prompt

from ._app import EXIT_BAD_INPUT, EXIT_REFUSED, app, atomic_output, emit, fail, user_errors

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


def _reader(answers_file: Path | None, err: bool) -> Reader:
    """A function that shows a prompt and returns the answer, ``None`` at the
    end of the input: from ``answers_file`` (one answer per line, lines
    starting with # left out), from standard input when it is not a terminal,
    or typed at the terminal. Prompts go to standard error when ``err``."""
    if answers_file is not None:
        try:
            text = answers_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"kan {answers_file} niet lezen: {exc}", EXIT_BAD_INPUT)
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
    """The case file and the progress beside it."""

    def __init__(self, case: Path | None, respondent: str | None) -> None:
        self.case = case
        self.respondent = respondent
        self._written: tuple[dict[str, Any], bool] | None = None  # what the case file holds now

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

    def save(self, intake: Intake) -> None:
        """Write the progress, then the case (both atomically)."""
        data = intake.case_data()
        if self.case is None:
            if data is None:
                return  # nothing to lose yet: the case has no name
            self.case = _free_path(data["name"])
        assert self.progress is not None
        with atomic_output(self.progress, force=True) as handle:
            handle.write(_progress_text(intake.progress()))
        if data is not None and (data, intake.done) != self._written:
            case_from_data(data, source=str(self.case))  # the intake keeps it valid; never write otherwise
            with atomic_output(self.case, force=True) as handle:
                handle.write(self._case_text(data, done=intake.done))
            self._written = (data, intake.done)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress.unlink(missing_ok=True)

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


def _free_path(name: str) -> Path:
    """A file name in the current directory from the case name, not yet taken."""
    base = _slug(name)
    candidate, n = Path(f"{base}.yaml"), 1
    while candidate.exists() or progress_path(candidate, None).exists():
        n += 1
        candidate = Path(f"{base}-{n}.yaml")
    return candidate


def _read_case_data(path: Path) -> dict[str, Any]:
    """The case file's data as written (validated with the library's loader first)."""
    load_case(path)
    text = path.read_text(encoding="utf-8-sig")
    data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


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
    case_path = _case_path(output, resume, respondent)
    files = _Files(case_path, respondent)
    if letter_output is not None and letter_output.exists() and not force:
        fail(f"{letter_output} bestaat al; gebruik --force om het te overschrijven", EXIT_REFUSED)
    with user_errors():
        intake = _start(files, resume is not None, respondent, force)
    to_stderr = letter and letter_output is None

    def say(text: str) -> None:
        click.echo(text, err=to_stderr)

    reader = _reader(answers_file, to_stderr)
    try:
        finished = _converse(intake, files, reader, say)
    except KeyboardInterrupt:
        say("")
        say(_stopped_message(files, "Onderbroken"))
        sys.exit(EXIT_INTERRUPTED)
    if not finished:
        say(_stopped_message(files, "Gestopt"))
        return
    files.save(intake)
    files.finish()
    assert files.case is not None
    if respondent is not None:
        say(f"Klaar. De antwoorden van {respondent} staan in {files.case}.")
    else:
        say(f"Klaar. De casus staat in {files.case}.")
    say(f"De adviesbrief: samenwerkwijzer diagnose {shlex.quote(str(files.case))}")
    if letter or letter_output is not None:
        with user_errors():
            text = render_letter(diagnose(load_case(files.case)))
        emit(text, letter_output, force=True)


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
