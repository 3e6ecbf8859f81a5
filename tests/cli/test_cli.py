"""The command line: output, files, and clear errors for bad input (exit 2, no traceback)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from samenwerkwijzer import __version__
from samenwerkwijzer.cli import app

from ..conftest import EXAMPLES, ROOT

COMBINED = str(EXAMPLES / "gecombineerd.yaml")


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def test_diagnose_prints_a_dutch_letter():
    result = invoke("diagnose", COMBINED)
    assert result.exit_code == 0
    assert result.output.startswith("# Advies over ")
    for heading in (
        "## Kernboodschap",
        "## Het beeld in het kort",
        "## Onze prioriteiten",
        "## Voorstel voor uw volgende overleg",
        "## Tot slot",
        "## Bronnen",
    ):
        assert heading in result.output
    assert "## Bijlage" not in result.output


def test_diagnose_json_is_the_advice():
    result = invoke("diagnose", COMBINED, "--format", "json")
    data = json.loads(result.output)
    assert data["schema_version"] == "1.0"
    assert data["interventions"][0]["rank"] == 1


def test_top_sets_the_priorities_and_appendix_works_out_the_rest():
    result = invoke("diagnose", COMBINED, "--top", "2")
    assert "### 2." in result.output and "### 3." not in result.output
    body, appendix = invoke("diagnose", COMBINED, "--top", "2", "--appendix").output.split("## Bijlage A")
    assert "### 2." in body and "### 3." not in body
    assert "### 3." in appendix and "## Bijlage C – Onze diagnose per conditie" in appendix


def test_reasoning_and_logo_only_where_they_apply():
    assert invoke("diagnose", COMBINED, "--reasoning").exit_code == 2
    assert invoke("diagnose", COMBINED, "--logo", COMBINED).exit_code == 2


def test_stdin_case():
    with open(COMBINED, encoding="utf-8") as handle:
        result = invoke("diagnose", "-", input=handle.read())
    assert result.exit_code == 0 and "Consortium Gezond Opgroeien Zuidwijk" in result.output


def test_output_file_is_not_overwritten_without_force(tmp_path):
    target = tmp_path / "advies.md"
    assert invoke("diagnose", COMBINED, "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Advies")
    target.write_text("eigen aantekeningen", encoding="utf-8")
    refused = invoke("diagnose", COMBINED, "-o", str(target))
    assert refused.exit_code == 1 and "--force" in refused.output
    assert target.read_text(encoding="utf-8") == "eigen aantekeningen"
    assert invoke("diagnose", COMBINED, "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Advies")


def test_output_into_missing_directory_is_a_clear_error(tmp_path):
    result = invoke("diagnose", COMBINED, "-o", str(tmp_path / "nope" / "advies.md"))
    assert result.exit_code == 1 and "niet schrijven" in result.output


def test_version_and_help():
    assert invoke("--version").output.strip() == f"samenwerkwijzer, version {__version__}"
    assert "diagnose" in invoke("--help").output
    assert "--format" in invoke("diagnose", "--help").output


def write(tmp_path, text: str, name: str = "casus.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "name: X\nobservations:\n  leadership:\n    regi: onduidelijk\n",
            ["observations.leadership.regi", "onbekend veld", "bedoelt u 'regie'"],
        ),
        (
            "name: X\nobservations:\n  climate:\n    declared: heet\n",
            ["observations.climate.declared", "'vriendschappelijk'", "'heet'"],
        ),
        (
            "name: X\npartners:\n  - {name: A, kind: gemeente}\nobservations:\n  network:\n    partner_count: veel\n",
            ["observations.network.partner_count", "geheel getal", "'veel'"],
        ),
        (
            "name: X\nobservations:\n  leadership:\n    trekker: 'ja'\n",
            ["observations.leadership.trekker", "true of false"],
        ),
        ("name: X\npartners:\n  - {name: A, kind: gemeente, roles: [baas]}\n", ["partners[0].roles[0]", "'beslisser'"]),
        ("name: X\nobservations: [\n  leadership\n", ["regel ", "kolom ", "ongeldige YAML"]),
        ("", ["is leeg"]),
        ("- a\n- b\n", ["moet een verzameling velden zijn"]),
        ("description: geen naam\n", ["name: is verplicht"]),
        (
            "name: X\nobservations:\n  funding:\n    months_left: -1\n",
            ["observations.funding.months_left", "moet ten minste 0 zijn"],
        ),
    ],
    ids=[
        "unknown-field",
        "bad-enum",
        "wrong-type",
        "strict-bool",
        "bad-role",
        "bad-yaml",
        "empty",
        "not-mapping",
        "missing-name",
        "out-of-range",
    ],
)
def test_bad_case_exits_2_with_a_message_naming_file_and_field(tmp_path, content, expected):
    path = write(tmp_path, content)
    result = CliRunner().invoke(app, ["diagnose", path])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert path in result.output
    for fragment in expected:
        assert fragment in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1  # one paragraph


def test_bad_json_case_names_line_and_column(tmp_path):
    path = write(tmp_path, '{"name": "X",\n "context": }', name="casus.json")
    result = CliRunner().invoke(app, ["diagnose", path])
    assert result.exit_code == 2 and "regel 2, kolom" in result.output and "ongeldige JSON" in result.output


def test_missing_file_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["diagnose", str(tmp_path / "bestaat-niet.yaml")])
    assert result.exit_code == 2
    assert "bestaat-niet.yaml" in result.output and "bestand niet gevonden" in result.output


def test_real_process_prints_no_traceback_for_user_error(tmp_path):
    path = write(tmp_path, "name: X\nonbekend: 1\n")
    proc = subprocess.run(
        [sys.executable, "-m", "samenwerkwijzer.cli", "diagnose", path], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("samenwerkwijzer: Ongeldige casus") and "Traceback" not in proc.stderr


def test_written_files_get_normal_permissions(tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    try:
        target = tmp_path / "advies.md"
        assert invoke("diagnose", COMBINED, "-o", str(target)).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(umask)


def test_every_command_is_found_where_the_lazy_group_looks_for_it():
    """Each command loads with its module on first use: the table must name
    the module that registers it, and list every command there is."""
    import importlib

    from samenwerkwijzer.cli import _app

    # Every module of the package, so that one left out of the table is found by what it registers.
    modules = sorted(p.stem for p in (ROOT / "cli").glob("_*.py") if p.stem not in ("__init__", "__main__"))
    assert set(_app.COMMAND_MODULES.values()) <= set(modules)
    for module in modules:
        importlib.import_module(f"samenwerkwijzer.cli.{module}")
    assert sorted(_app.app.commands) == sorted(_app.COMMAND_MODULES)
    for name, module in _app.COMMAND_MODULES.items():
        assert _app.app.commands[name].callback.__module__ == f"samenwerkwijzer.cli.{module}", name
    listed = CliRunner().invoke(_app.app, ["--help"])
    assert listed.exit_code == 0 and all(name in listed.output for name in _app.COMMAND_MODULES)
