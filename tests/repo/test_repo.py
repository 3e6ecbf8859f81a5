"""The README's set-up commands and CI stay in step."""

from __future__ import annotations

import re
import subprocess

from ..conftest import ROOT


def _command_after(marker: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {marker} -->\n```sh\n(.+?)\n```", text)
    assert match, marker
    return match.group(1)


def test_readme_has_exactly_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text.split("## Set-up")[1].split("\n## ")[0]
    assert setup.count("```sh") == 2
    assert "diagnose examples/gecombineerd.yaml" in _command_after("run-command")
    assert "pytest" in _command_after("test-command")


def test_ci_runs_the_readme_test_command():
    printed = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run")],
        env={"CI_PRINT_COMMAND": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert printed == _command_after("test-command")


def test_every_example_is_a_valid_case():
    from samenwerkwijzer import load_case

    examples = sorted((ROOT / "examples").glob("*.yaml"))
    assert len(examples) >= 5
    for path in examples:
        load_case(path)
