"""Bad input, tried hard: every class gives a CaseError in the library and exit
2 with one clear line in the CLI, in bounded time, never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from samenwerkwijzer import CaseError, case_from_data, load_case
from samenwerkwijzer.cli import app

BOMB = 'name: X\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


CASES = {
    "malformed-yaml": ("casus.yaml", "name: X\nobservations: [\n", "regel 3, kolom 1: ongeldige YAML"),
    "unknown-field": (
        "casus.yaml",
        "name: X\ncontext: {fase: verkennen}\n",
        "context.fase: onbekend veld; bedoelt u 'phase'?",
    ),
    "wrong-type": ("casus.yaml", "name: X\npartners: {name: A}\n", "partners: moet een lijst zijn"),
    "out-of-range": (
        "casus.yaml",
        "name: X\nobservations: {network: {partner_count: 0}}\n",
        "moet ten minste 1 zijn",
    ),
    "empty": ("casus.yaml", "", "is leeg"),
    "only-comments": ("casus.yaml", "# niets\n", "moet een verzameling velden zijn"),
    "binary": ("casus.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is een binair bestand"),
    "not-utf8": ("casus.yaml", "name: Caf\xe9\n".encode("latin-1"), "is geen UTF-8-tekst"),
    "alias-bomb": ("casus.yaml", BOMB, "ankers en aliassen (& en *) zijn in een casusbestand niet toegestaan"),
    "deep-yaml": ("casus.yaml", "name: X\nx: " + "[" * 50_000 + "]" * 50_000 + "\n", "te diep genest"),
    "deep-json": ("casus.json", '{"name": "X", "x": ' + "[" * 50_000 + "]" * 50_000 + "}", "te diep genest"),
    "bad-date": ("casus.yaml", "name: X\nassessed_on: 2026-13-45\n", "ongeldige waarde"),
    "duplicate-partners": (
        "casus.yaml",
        "name: X\npartners: [{name: A, kind: ggd}, {name: A, kind: ggd}]\n",
        "de namen van de partners moeten verschillen",
    ),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_library_raises_case_error_quickly(tmp_path, kind):
    name, content, message = CASES[kind]
    path = _write(tmp_path, name, content)
    started = time.process_time()
    with pytest.raises(CaseError) as info:
        load_case(path)
    assert time.process_time() - started < 2.0
    assert message in str(info.value)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_cli_exits_2_with_one_line(tmp_path, kind):
    name, content, message = CASES[kind]
    path = _write(tmp_path, name, content)
    result = CliRunner().invoke(app, ["diagnose", str(path)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "groot.yaml"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    started = time.process_time()
    with pytest.raises(CaseError, match="is te groot"):
        load_case(path)
    assert time.process_time() - started < 0.5
    assert CliRunner().invoke(app, ["diagnose", str(path)]).exit_code == 2


def test_too_large_on_stdin_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["diagnose", "-"], input="name: X\n" + "#" * (3 * 1024 * 1024))
    assert result.exit_code == 2 and "is te groot" in result.output


def test_deeply_nested_data_from_an_integrator_is_refused():
    data: dict = {"name": "X"}
    node = data
    for _ in range(10_000):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(CaseError, match="te diep genest"):
        case_from_data(data)


def test_a_directory_is_not_a_case(tmp_path):
    with pytest.raises(CaseError, match="is een map"):
        load_case(tmp_path)
