"""``samenwerkwijzer --version`` and ``--help`` answer without importing click
or the library (issue 25, target 4; timed in bench/cli_start.py, never here),
and say exactly what click would say."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from samenwerkwijzer.cli._help import HELP

HEAVY = ("click", "pydantic", "experta", "jinja2", "yaml", "samenwerkwijzer.model._case")
MAIN = (
    "import atexit, sys\n"
    f"atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in {HEAVY!r} if m in sys.modules))))\n"
    "from samenwerkwijzer.cli import main\n"
    "sys.argv[0] = 'samenwerkwijzer'\n"
    "main()\n"
)
CLICK = "import sys; from samenwerkwijzer.cli._app import app; app(sys.argv[1:], prog_name='samenwerkwijzer')"


def _run(code: str, args: list[str], columns: str = "80") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"COLUMNS": columns}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["-h"]])
def test_version_and_help_import_neither_click_nor_the_library(args):
    done = _run(MAIN, args)
    assert done.returncode == 0
    assert done.stderr == "[]"


@pytest.mark.parametrize("columns", ["80", "200"])
def test_the_quick_help_is_what_click_prints(columns):
    click = _run(CLICK, ["--help"], columns)
    assert click.returncode == 0
    quick = _run(MAIN, ["--help"], columns)
    assert quick.stdout == click.stdout, (
        "cli/_help.py is stale: a command's first docstring line changed. Its HELP is now:\n" + click.stdout
    )
    assert click.stdout == HELP


def test_the_quick_version_is_what_click_prints():
    assert _run(MAIN, ["--version"]).stdout == _run(CLICK, ["--version"]).stdout


def test_a_narrow_terminal_gets_clicks_own_help():
    done = _run(MAIN, ["--help"], "60")
    assert done.stdout == _run(CLICK, ["--help"], "60").stdout
    assert "'click'" in done.stderr


def test_anything_else_goes_to_click():
    done = _run(MAIN, ["schema", "--help"])
    assert done.returncode == 0 and "Usage: samenwerkwijzer schema" in done.stdout
    assert "'click'" in done.stderr
