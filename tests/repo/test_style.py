"""Code style is checked with the tests, so CI enforces it."""

from __future__ import annotations

import subprocess
import sys

from ..conftest import ROOT

CODE = ["engine", "rules", "cli", "tests", "bench"]


def test_ruff_check_and_format():
    check = subprocess.run([sys.executable, "-m", "ruff", "check", *CODE], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *CODE], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr
