"""``samenwerkwijzer intake``, the conversation: ask the advisor (or one respondent) the questions,
saving after every answer.

The questions, their order, what is skipped and why are the library's
(:mod:`samenwerkwijzer.intake`); this module only prompts and reads answers.
What it writes, and how several intakes on one case keep each other's answers,
is the durable store's (:mod:`._intake_store`); how a case file reads, is
:mod:`._case_file`'s. The progress file is removed when the intake is complete.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import click
import yaml

from samenwerkwijzer import (
    SamenwerkwijzerError,
    diagnose,
    load_case,
    load_case_data,
    render_letter,
)
from samenwerkwijzer.intake import HINT, SECTION_TITLES, AnswerSheet, Intake, render_prompt

from ._app import EXIT_BAD_INPUT, EXIT_REFUSED, app, emit, fail, long_running, user_errors
from ._files import reason
from ._intake_store import IntakeFiles, os_reason

EXIT_INTERRUPTED = 130

Reader = Callable[[str], str | None]


def _reader(answers_file: Path | None, err: bool, intake: Intake) -> tuple[Reader, AnswerSheet | None]:
    """A function that shows a prompt and returns the answer, ``None`` at the
    end of the input: from ``answers_file`` (a YAML file of answers by question,
    or one answer per line, lines starting with # left out), from standard input
    when it is not a terminal, or typed at the terminal. Prompts go to standard
    error when ``err``. With it, a file by question's answers (to say afterwards
    which the intake never asked for), else ``None``."""
    if answers_file is not None:
        try:
            text = answers_file.read_text(encoding="utf-8-sig")
        except OSError as exc:
            fail(f"kan {answers_file} niet lezen ({reason(exc)})", EXIT_BAD_INPUT)
        except UnicodeDecodeError:
            fail(f"kan {answers_file} niet lezen (geen UTF-8-tekst)", EXIT_BAD_INPUT)
        sheet = None
        if answers_file.suffix.lower() in (".yaml", ".yml"):
            read, sheet = _by_question(text, answers_file, err, intake)
        else:
            read = _scripted(iter(text.splitlines()), err)
        # A file cannot answer a refused question again: stop there (exit code 2) instead of typing it for ever
        # or, one answer per line, answering the next questions with shifted lines (walk6).
        return _refusal_stops(read, answers_file, err, intake), sheet
    if not sys.stdin.isatty():
        return _scripted((line.rstrip("\r\n") for line in sys.stdin), err), None

    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing for input())

    def interactive(prompt: str) -> str | None:
        click.echo(f"{prompt}\n> ", nl=False, err=err)
        try:
            return input()
        except EOFError:
            return None

    return interactive, None


def _unused_answers(sheet: AnswerSheet | None, path: Path | None, intake: Intake) -> None:
    """Says which answers of a file by question the intake never asked for (walk7: a mistyped key, or a follow-up
    whose statement did not open it, was dropped without a word); the intake itself is complete."""
    if sheet is None or path is None:
        return
    unused = sheet.unasked(intake.asked)
    if unused:
        what = "antwoord is" if len(unused) == 1 else "antwoorden zijn"
        click.echo(
            f"Let op: {len(unused)} {what} uit {path.name} niet gebruikt, omdat de intake er niet naar vroeg: "
            f"{', '.join(unused)}. Controleer de sleutel; een vervolgvraag wordt alleen gesteld als de stelling "
            "erboven op 3 of lager scoort.",
            err=True,
        )


def _by_question(text: str, path: Path, err: bool, intake: Intake) -> tuple[Reader, AnswerSheet]:
    """Answers from a YAML file of answers by question (see ``AnswerSheet``): each question the intake
    asks gets the file's answer, or is skipped; the input ends when the intake is complete. With it, the
    file's answers."""
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

    return by_question, sheet


def _refusal_stops(read: Reader, path: Path, err: bool, intake: Intake) -> Reader:
    """``read`` from an answers file, stopping (exit code 2) when the intake asks the question just answered again:
    the file's answer was refused, and the file has no other one to give."""
    last: list[str] = []  # the question answered last

    def once(prompt: str) -> str | None:
        step = intake.current
        if step is not None and last == [step.key]:
            click.echo(prompt, err=err)
            fail(
                f"{path}: het antwoord op ‘{step.question}’ past niet (zie hierboven). De antwoorden tot hier zijn "
                "bewaard: verbeter het bestand en ga verder met --resume en hetzelfde --answers",
                EXIT_BAD_INPUT,
            )
        last[:] = [step.key] if step is not None else []
        return read(prompt)

    return once


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


def _read_progress(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"kan de voortgang in {path} niet lezen ({reason(exc)})", EXIT_BAD_INPUT)
    except ValueError:
        fail(f"kan de voortgang in {path} niet lezen (geen geldige voortgang)", EXIT_BAD_INPUT)


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
    help=(
        "Read the answers from this file: a YAML file of answers by question (.yaml, .yml; see"
        " examples/intake/antwoorden.yml), or one answer per line, in the order of the questions (# starts a comment)."
    ),
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
    files = IntakeFiles(case_path, respondent, fresh=force and resume is None)
    if letter_output is not None and letter_output.exists() and not force:
        fail(f"{letter_output} bestaat al; gebruik --force om het te overschrijven", EXIT_REFUSED)
    try:
        _intake(files, resume is not None, respondent, answers_file, letter, letter_output, force)
    finally:
        files.release()


def _intake(
    files: IntakeFiles,
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

    reader, sheet = _reader(answers_file, to_stderr, intake)
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
    _unused_answers(sheet, answers_file, intake)
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
            fail(
                f"kan de adviesbrief niet schrijven naar {where}: {os_reason(exc)} (de casus is bewaard)", EXIT_REFUSED
            )


def _output_failed(exc: OSError, then: str) -> NoReturn:
    """Stop: what the intake says cannot be shown (written to a full disk, or a
    closed pipe); say so on standard error, if that still can be written."""
    with contextlib.suppress(OSError):
        click.echo(f"samenwerkwijzer: kan niet meer naar de uitvoer schrijven: {os_reason(exc)}. {then}", err=True)
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


def _start(files: IntakeFiles, resume: bool, respondent: str | None, force: bool) -> Intake:
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
        base = load_case_data(case) if respondent is not None else None
        return Intake.from_progress(data, base)
    if respondent is not None:
        assert case is not None and progress is not None
        base = load_case_data(case)
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


def _converse(intake: Intake, files: IntakeFiles, read: Reader, say: Callable[[str], None]) -> bool:
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


def _stopped_message(files: IntakeFiles, what: str) -> str:
    if files.progress is None or not files.progress.exists():
        return f"{what}; er was nog niets te bewaren."
    return f"{what}. Alles is bewaard in {files.case}; ga verder met: {files.resume_command()}"


__all__ = [
    "EXIT_INTERRUPTED",
    "Reader",
    "intake_command",
]
