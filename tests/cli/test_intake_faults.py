"""The intake under faults: odd file names, write errors, kill -9 at any moment, and two respondents
at once on one case. ``FAULT_TRIALS=50`` runs the randomised trials that many times (CI: a few);
``FAULT_SEED=...`` picks other random trials (the default seed repeats the same ones)."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import random
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from samenwerkwijzer import load_case
from samenwerkwijzer.cli import _intake as cli_intake
from samenwerkwijzer.intake._intake import Intake

from ..intake.test_intake import HAND_WRITTEN, STATEMENTS, feed, full_script, hand_written, intake_cli

FIRST = STATEMENTS[0].id

# -- 11. nothing unescaped in a comment -------------------------------------------------


def test_a_file_name_with_a_line_break_keeps_the_case_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "x\n[broken.yaml"
    result = intake_cli("-o", name, input="Mijn casus\nstop\n")
    assert result.exit_code == 0, result.output
    assert load_case(tmp_path / name).name == "Mijn casus"
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert "--resume 'x\\n[broken.yaml'" in text.splitlines()[1]
    for odd in ("a\rb.yaml", "a\u2028b.yaml", "a\x85b.yaml", "a\x1b[2Jb.yaml", "a\u202eb.yaml"):
        result = intake_cli("-o", odd, input="Casus\nstop\n")
        assert result.exit_code == 0, (odd, result.output)
        assert load_case(tmp_path / odd).name == "Casus", odd
        assert all(line.startswith("# ") for line in (tmp_path / odd).read_text(encoding="utf-8").splitlines()[:2])


# -- helpers for intakes in their own process ----------------------------------------------

TRIALS = int(os.environ.get("FAULT_TRIALS") or 0)
ROOT = Path(__file__).resolve().parents[2]


def clean_script() -> list[str]:
    """The full script with every line an answer or a skip (no ?, no wrong answer, no terug)."""
    return [line for line in full_script() if line not in ("?", "misschien", "terug")]


def respondent_script(name: str, answers: list[str]) -> list[str]:
    """``answers`` and then exactly as many skips as the respondent's intake still asks."""
    intake = Intake(yaml.safe_load(HAND_WRITTEN), respondent=name)
    lines = list(answers)
    for line in answers:
        intake.respond(line)
    while not intake.done:
        intake.respond("")
        lines.append("")
    return lines


class Process:
    """``samenwerkwijzer intake ARGS`` in its own process, answers written to its standard input
    (a pipe) one by one, its output collected as it comes."""

    def __init__(self, *args: str, cwd: Path, **popen: Any) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "samenwerkwijzer.cli", "intake", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            **popen,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self._pumps = [
            threading.Thread(target=self._pump, args=(self.proc.stdout, self.out), daemon=True),
            threading.Thread(target=self._pump, args=(self.proc.stderr, self.err), daemon=True),
        ]
        for pump in self._pumps:
            pump.start()

    @staticmethod
    def _pump(stream: Any, into: list[str]) -> None:
        for line in stream:
            into.append(line)

    def started(self, timeout: float = 30) -> None:
        """Wait until it asks its first question (it has the locks then)."""
        deadline = time.monotonic() + timeout
        while not any(line.startswith("==") for line in self.out):
            assert self.proc.poll() is None, self.output()
            assert time.monotonic() < deadline, "the intake did not start"
            time.sleep(0.01)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def close(self, timeout: float = 60) -> int:
        assert self.proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.close()
        code = self.proc.wait(timeout)
        for pump in self._pumps:
            pump.join(timeout)
        return code

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(30)
        for pump in self._pumps:
            pump.join(30)
        assert self.proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.close()

    def acknowledged(self) -> int:
        """The answers it has certainly saved: each one it echoed and then said something after
        (the next question), since it saves before it says anything else."""
        lines = "".join(self.out).splitlines()
        echoed = [n for n, line in enumerate(lines) if line.startswith("> ")]
        if echoed and echoed[-1] == len(lines) - 1:
            return len(echoed) - 1
        return len(echoed)

    def output(self) -> str:
        return "".join(self.out) + "".join(self.err)


def leftovers(directory: Path, *keep: str) -> list[str]:
    """Files in ``directory`` other than ``keep``: temporary files, progress, lock files."""
    return sorted(p.name for p in directory.iterdir() if p.name not in keep)


# -- (a) kill -9 at any moment, then resume -----------------------------------------------


def _killed_and_resumed(tmp_path: Path, rng: random.Random) -> None:
    lines = clean_script()
    target = tmp_path / "case.yaml"
    run = Process("-o", str(target), cwd=tmp_path)
    run.started()
    sent = rng.randrange(len(lines))  # never all: it is still waiting for an answer when killed
    for line in lines[:sent]:
        run.send(line)
        time.sleep(rng.uniform(0, 0.012))
    time.sleep(rng.uniform(0, 0.03))
    run.kill()

    progress = Path(f"{target}.intake.json")
    saved = json.loads(progress.read_text(encoding="utf-8"))["answers"] if progress.exists() else []
    k = len(saved)
    assert run.acknowledged() <= k <= sent, (run.acknowledged(), k, sent)  # no answer lost
    assert saved == feed(lines[:k]).progress()["answers"]
    if target.exists():  # valid, and the progress or one answer behind it (killed between the two)
        assert load_case(target) in (feed(lines[:k]).case(), feed(lines[: max(k - 1, 0)]).case())
    else:
        assert k <= 1

    rest = "".join(f"{line}\n" for line in lines[k:])
    if progress.exists():
        result = intake_cli("--resume", str(target), input=rest)
    else:
        result = intake_cli("-o", str(target), "--force", input=rest)
    assert result.exit_code == 0, result.output
    assert "Klaar." in result.output
    assert load_case(target) == hand_written()
    assert leftovers(tmp_path, "case.yaml") == []  # no progress, temporary or lock file left


def test_kill_9_at_any_moment_loses_no_answer(tmp_path):
    rng = random.Random(os.environ.get("FAULT_SEED", "kill"))
    for trial in range(TRIALS or 2):
        directory = tmp_path / f"trial{trial}"
        directory.mkdir()
        _killed_and_resumed(directory, rng)


def test_stale_temporary_files_are_removed_by_the_next_run(tmp_path):
    target = tmp_path / "case.yaml"
    assert intake_cli("-o", str(target), input="Mijn casus\n").exit_code == 0
    # atomic_output's temporary files are .TARGET.PID.RANDOM.swwtmp (cli/_files.py)
    stale = [
        ".case.yaml.4242.k2x_9abc.swwtmp",
        ".case.yaml.intake.json.17.0a1b2c3d.swwtmp",
        ".case.yaml.intake.anna.json.99.zz_zz_zz.swwtmp",
        ".case.yaml.intake.anna.json.lock",  # Anna's intake was killed; nobody holds her lock
    ]
    kept = [
        ".case.yaml.bak",
        ".case.yaml.k2x_9abc",  # not a temporary file of ours: a user's own
        "case.yaml.4242.k2x_9abc.swwtmp",
        ".other.yaml.4242.k2x_9abc.swwtmp",
        ".case.yaml.intake.bert.json.lock",
    ]
    for name in stale + kept:
        (tmp_path / name).write_text("" if name.endswith("lock") else "half", encoding="utf-8")
    with (tmp_path / ".case.yaml.intake.bert.json.lock").open("a") as bert:  # Bert's intake is running
        fcntl.flock(bert, fcntl.LOCK_EX)
        result = intake_cli("--resume", str(target), input="Een beschrijving\n")
    assert result.exit_code == 0, result.output
    assert leftovers(tmp_path, "case.yaml") == sorted(kept + ["case.yaml.intake.json"])


def test_without_file_locks_the_intake_works_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_intake, "_lock_descriptor", lambda fd, wait: None)
    monkeypatch.setattr(cli_intake, "_no_locking_noted", False)
    target = tmp_path / "case.yaml"
    result = intake_cli("-o", str(target), input="Mijn casus\nEen beschrijving\n")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("kan het casusbestand niet vergrendelen") == 1
    assert load_case(target).description == "Een beschrijving"


# -- (b) two respondents at once ------------------------------------------------------------

ANNA = ["5", "4", "-", "2"]
BERT = ["1", "2", "3"]


def _two_respondents_at_once(tmp_path: Path, rng: random.Random) -> None:
    target = tmp_path / "case.yaml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    scripts = {"Anna": respondent_script("Anna", ANNA), "Bert": respondent_script("Bert", BERT)}
    runs = {name: Process("--respondent", name, "-o", str(target), cwd=tmp_path) for name in scripts}
    for run in runs.values():
        run.started()
    for n in range(max(map(len, scripts.values()))):
        for name in rng.sample(sorted(runs), 2):
            if n < len(scripts[name]):
                runs[name].send(scripts[name][n])
        time.sleep(rng.uniform(0, 0.004))
    for name, run in runs.items():
        assert run.close() == 0, run.output()
        assert f"Klaar. De antwoorden van {name} staan in" in run.output()
    case = load_case(target)
    assert sorted(r.name for r in case.respondents) == ["Anna", "Bert"]
    for respondent in case.respondents:
        alone = Intake(yaml.safe_load(HAND_WRITTEN), respondent=respondent.name)
        for line in scripts[respondent.name]:
            alone.respond(line)
        assert [respondent] == alone.case().respondents
    assert case.model_copy(update={"respondents": []}) == load_case(_hand_written_file(tmp_path))
    assert leftovers(tmp_path, "case.yaml", "hand.yaml") == []


def _hand_written_file(directory: Path) -> Path:
    path = directory / "hand.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def test_two_respondents_at_once_both_end_up_in_the_case(tmp_path):
    rng = random.Random(os.environ.get("FAULT_SEED", "two"))
    for trial in range(TRIALS or 1):
        directory = tmp_path / f"trial{trial}"
        directory.mkdir()
        _two_respondents_at_once(directory, rng)


def test_the_same_respondent_twice_at_once_is_refused(tmp_path):
    target = tmp_path / "case.yaml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    first = Process("--respondent", "Anna", "-o", str(target), cwd=tmp_path)
    first.started()
    first.send("4")
    second = intake_cli("--respondent", "Anna", "-o", str(target), input="2\n")
    assert second.exit_code == 1
    assert "er loopt op dit moment al een intake voor respondent Anna" in second.output
    resumed = intake_cli("--respondent", "Anna", "--resume", "-o", str(target), input="2\n")
    assert resumed.exit_code == 1 and "er loopt op dit moment al een intake" in resumed.output
    assert first.close() == 0, first.output()
    assert load_case(target).respondents[0].observations.statements == {FIRST: 4}
    resumed = intake_cli("--respondent", "Anna", "--resume", "-o", str(target), input="\n" * 80)
    assert resumed.exit_code == 0, resumed.output
    assert leftovers(tmp_path, "case.yaml") == []


def test_a_respondent_who_answers_while_the_advisor_pauses_is_kept(tmp_path):
    target = tmp_path / "case.yaml"
    assert intake_cli("-o", str(target), input="Mijn casus\n").exit_code == 0
    result = intake_cli("--respondent", "Anna", "-o", str(target), input="4\n" + "\n" * 80)
    assert result.exit_code == 0, result.output
    result = intake_cli("--resume", str(target), input="Een beschrijving\n")
    assert result.exit_code == 0, result.output
    case = load_case(target)
    assert case.description == "Een beschrijving"
    assert [r.name for r in case.respondents] == ["Anna"]
    # Starting anew (--force) starts from nothing, though.
    assert intake_cli("-o", str(target), "--force", input="Nieuw\n").exit_code == 0
    assert load_case(target).respondents == []


# -- 12. write errors: one clear paragraph, exit 1, the files as they were ------------------


def _paused_intake(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A case with a long description (some 3 kB), stopped after it; its files' bytes."""
    target = tmp_path / "case.yaml"
    result = intake_cli("-o", str(target), input="Mijn casus\n" + "a" * 3000 + "\n")
    assert result.exit_code == 0, result.output
    return target, {p.name: p.read_bytes() for p in tmp_path.iterdir()}


def _limit_file_size(limit: int) -> Callable[[], None]:
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return preexec


def _one_paragraph(err: str) -> str:
    assert "Traceback" not in err
    assert err.count("samenwerkwijzer:") == 1 and err.strip().count("\n") == 0, err
    return err


def test_a_file_too_large_leaves_the_case_and_its_progress_as_they_were(tmp_path):
    target, before = _paused_intake(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "samenwerkwijzer.cli", "intake", "--resume", str(target)],
        input="b" * 3000 + "\n",  # the case file would grow past 4 kB
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_limit_file_size(4096),
        timeout=60,
    )
    assert proc.returncode == 1
    assert "het bestand wordt te groot" in _one_paragraph(proc.stderr)
    assert "case.yaml en de voortgang zijn zoals ze waren" in proc.stderr
    assert f"ga daarna verder met: samenwerkwijzer intake --resume {target}" in proc.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing else left either
    result = intake_cli("--resume", str(target), input="b" * 3000 + "\n")
    assert result.exit_code == 0, result.output
    assert load_case(target).context.domain == "b" * 3000


def test_output_to_a_file_too_large_stops_clearly(tmp_path):
    target = tmp_path / "case.yaml"
    with (tmp_path / "uitvoer.txt").open("w") as out:
        proc = subprocess.run(
            [sys.executable, "-m", "samenwerkwijzer.cli", "intake", "-o", str(target)],
            input="\n".join(clean_script()) + "\n",
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_limit_file_size(1200),
            timeout=60,
        )
    assert proc.returncode == 1
    assert "kan niet meer naar de uitvoer schrijven: File too large" in _one_paragraph(proc.stderr)
    assert f"ga verder met: samenwerkwijzer intake --resume {target}" in proc.stderr
    assert load_case(target).name == "Wijkaanpak Gezond Noord"


class _FullDisk:
    """``atomic_file`` whose writes to the files named ``failing`` fail with ENOSPC."""

    def __init__(self, failing: Callable[[Path], bool]) -> None:
        self.failing = failing
        self.real = cli_intake.atomic_file

    @contextlib.contextmanager
    def __call__(self, output: Path, *, force: bool, fail: Any) -> Iterator[Any]:
        with self.real(output, force=force, fail=fail) as handle:
            if not self.failing(output):
                yield handle
                return

            class Full:
                def write(self, text: str) -> int:
                    handle.write(text[: len(text) // 2])
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

                def flush(self) -> None:
                    handle.flush()

            yield Full()


@pytest.mark.parametrize("which", ["case", "progress"])
def test_a_full_disk_leaves_the_case_and_its_progress_as_they_were(tmp_path, monkeypatch, which):
    target, before = _paused_intake(tmp_path)
    suffix = ".yaml" if which == "case" else ".json"
    monkeypatch.setattr(cli_intake, "atomic_file", _FullDisk(lambda path: path.name.endswith(suffix)))
    result = intake_cli("--resume", str(target), input="gezondheid in de wijk\n")
    assert result.exit_code == 1
    assert "de schijf is vol" in _one_paragraph(result.stderr)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    monkeypatch.undo()
    result = intake_cli("--resume", str(target), input="gezondheid in de wijk\n")
    assert result.exit_code == 0, result.output
    assert load_case(target).context.domain == "gezondheid in de wijk"


def test_a_full_disk_before_anything_was_saved(tmp_path, monkeypatch):
    target = tmp_path / "case.yaml"
    monkeypatch.setattr(cli_intake, "atomic_file", _FullDisk(lambda path: True))
    result = intake_cli("-o", str(target), input="Mijn casus\n")
    assert result.exit_code == 1
    assert "begin daarna opnieuw" in _one_paragraph(result.stderr)
    assert leftovers(tmp_path) == []


def test_merging_into_the_case_as_it_is_now():
    base = yaml.safe_load(HAND_WRITTEN)
    anna = feed(["4"], Intake(base, respondent="Anna"))
    bert = feed(["2"], Intake(base, respondent="Bert"))
    both = bert.merged_into(anna.merged_into(base))
    assert [r["name"] for r in both["respondents"]] == ["Anna", "Bert"]
    feed(["-", "-"], anna)
    again = anna.merged_into(both)  # Anna's entry replaced in place, Bert's kept
    assert [r["name"] for r in again["respondents"]] == ["Anna", "Bert"]
    assert again["respondents"][1] == both["respondents"][1]
    assert Intake(base, respondent="Anna").merged_into(None) is not None
    advisor = feed(["Nieuwe naam"])
    assert advisor.merged_into(both) == advisor.case_data() | {"respondents": both["respondents"]}
    assert Intake().merged_into(both) is None  # no name yet: nothing to write
