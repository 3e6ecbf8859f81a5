"""kill -9 at a random moment of ``diagnose -o``: the target is the old file or
the complete new one, never a part; the next run leaves no temporary file.

A handful of trials in the normal suite; ``FAULT_TRIALS=50`` for the long run
(``FAULT_SEED`` picks other moments)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import EXAMPLES

TRIALS = int(os.environ.get("FAULT_TRIALS", "2"))
SEED = int(os.environ.get("FAULT_SEED", "20261201"))
CASE = EXAMPLES / "gecombineerd.yaml"


def _diagnose(target: Path, fmt: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "samenwerkwijzer.cli",
            "diagnose",
            str(CASE),
            "--format",
            fmt,
            "-o",
            str(target),
            "--force",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _leftovers(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != target.name)


# Both formats go through the same writer: the Word letter in the normal suite, both in the long run.
@pytest.mark.parametrize("fmt", ["markdown", "docx"] if "FAULT_TRIALS" in os.environ else ["docx"])
def test_kill_9_during_diagnose_o_leaves_the_old_or_the_new_file_and_no_temporary_file(tmp_path, fmt):
    target = tmp_path / ("advies.docx" if fmt == "docx" else "advies.md")
    # How long a run takes here, so that the kills land before, during and after the write.
    started = time.monotonic()
    assert _diagnose(target, fmt).wait(timeout=60) == 0
    duration = time.monotonic() - started
    complete = target.read_bytes()
    old = b"the previous letter\n"
    rng = random.Random(SEED + len(fmt))
    for trial in range(TRIALS):
        target.write_bytes(old)
        process = _diagnose(target, fmt)
        time.sleep(rng.uniform(0.5, 1.05) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert target.read_bytes() in (old, complete), trial
        # The next run replaces it completely and removes what the killed one left.
        assert _diagnose(target, fmt).wait(timeout=60) == 0
        assert target.read_bytes() == complete
        assert _leftovers(tmp_path, target) == [], trial
