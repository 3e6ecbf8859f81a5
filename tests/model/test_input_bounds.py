"""Regression tests for the input-hardening review: every reproducer gives a
CaseError (exit 2 and one line in the CLI), quickly, with a bounded message."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from samenwerkwijzer import CaseError, case_from_data, load_case, parse_case
from samenwerkwijzer.cli import app
from samenwerkwijzer.model._limits import (
    MAX_CASE_BYTES,
    MAX_LIST_ITEMS,
    MAX_NODES,
    MAX_PARTNERS,
    MAX_PROBLEMS,
    MAX_RESPONDENTS,
    MAX_TEXT_CHARS,
)
from samenwerkwijzer.trainer._compare import with_changes

EXAMPLE = Path(__file__).parents[2] / "examples" / "gecombineerd.yaml"


def _refused(text: str | bytes, *, json_only: bool = False, within: float = 2.0) -> str:
    started = time.process_time()
    with pytest.raises(CaseError) as info:
        parse_case(text, json_only=json_only)
    assert time.process_time() - started < within
    message = str(info.value)
    assert len(message) < 2_000 and "\n" not in message
    return message


def _cli(*args: str, input: str | bytes | None = None) -> str:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    return result.output


# 3. YAML type tags


@pytest.mark.parametrize(
    "text",
    [
        'name: X\nobservations: {leadership: {trekker: !!bool "misschien"}}\n',
        'name: X\nassessed_on: !!timestamp "gisteren"\n',
        'name: !!int ""\n',
        'name: !!float ""\n',
        'name: !!int "_"\n',
        "name: !eigen X\n",
        "name: ! X\n",
        "name: X\npartners: !!seq []\n",
    ],
)
def test_explicit_tags_are_refused_with_line_and_column(text):
    message = _refused(text)
    assert "labels (" in message and "regel " in message and ", kolom " in message


def test_set_with_a_tag_or_a_bad_date_is_a_clean_error(tmp_path):
    output = _cli("compare", str(EXAMPLE), "--set", "observations.leadership.trekker=!!bool misschien")
    assert "labels (" in output
    output = _cli("compare", str(EXAMPLE), "--set", "assessed_on=2026-13-45")
    assert "ongeldige waarde" in output


# 4. Huge integers in exotic forms


@pytest.mark.parametrize(
    "number",
    ["0x" + "f" * 4_000, "0b" + "1" * 20_000, "1" + ":59" * 20_000, "9" * 5_000, "0o" + "7" * 5_000, "012"],
)
def test_exotic_and_huge_integers_are_refused_with_a_short_message(number):
    message = _refused(f"name: X\nobservations: {{network: {{partner_count: {number}}}}}\n")
    assert "geheel getal" in message and "…" in message or "'012'" in message
    assert len(message) < 300


def test_huge_json_integers_and_nan_are_refused():
    assert "meer dan 15 cijfers" in _refused('{"name": "X", "x": ' + "9" * 5_000 + "}", json_only=True)
    assert "NaN is geen getal" in _refused('{"name": "X", "x": NaN}', json_only=True)


def test_a_huge_integer_from_an_integrator_is_not_formatted():
    with pytest.raises(CaseError) as info:
        case_from_data({"name": "X", "observations": {"network": {"partner_count": 16**4_000}}})
    assert "een getal van ongeveer" in str(info.value) and len(str(info.value)) < 300


# 5. Lone surrogates and control characters


@pytest.mark.parametrize("text", ["\ud800", "a\x00b", "a\x1bb", "a\x7fb", "a\x85b", "a\rb"])
def test_unprintable_text_is_refused_in_every_text_field(text):
    for field in ("name", "description", "advisor", "addressee"):
        with pytest.raises(CaseError):
            case_from_data({"name": "X", field: text})
    with pytest.raises(CaseError):
        case_from_data({"name": "X", "partners": [{"name": text, "kind": "ggd"}]})
    with pytest.raises(CaseError):
        case_from_data({"name": "X", "respondents": [{"name": "R", "partner": text}]})


def test_a_lone_surrogate_in_json_is_refused():
    assert "description" in _refused('{"name": "X", "description": "\\ud800"}', json_only=True)
    assert "losse surrogaat" in _refused('name: X\ndescription: "\ud800"\n')


def test_newline_and_tab_are_allowed():
    assert case_from_data({"name": "X", "description": "a\n\tb"}).description == "a\n\tb"


# 7. Reading is bounded


def test_a_device_is_refused_without_reading_it():
    started = time.process_time()
    with pytest.raises(CaseError, match="geen gewoon bestand"):
        load_case("/dev/zero")
    assert time.process_time() - started < 0.5
    assert "geen gewoon bestand" in _cli("diagnose", "/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_without_a_writer_never_blocks(tmp_path):
    fifo = tmp_path / "casus.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: outcome.append(pytest.raises(CaseError, load_case, fifo).value))
    worker.daemon = True
    worker.start()
    worker.join(2.0)
    assert outcome and "geen gewoon bestand" in str(outcome[0])


class _Endless(io.RawIOBase):
    """Standard input that never ends; counts what was read."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        buffer[:] = b"#" * len(buffer)
        self.taken += len(buffer)
        return len(buffer)


def test_standard_input_is_read_at_most_one_byte_past_the_limit(monkeypatch):
    from cli._app import read_case

    endless = _Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless)))
    with pytest.raises(CaseError, match="meer dan 2.097.152 bytes"):
        read_case("-")
    assert endless.taken <= MAX_CASE_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


# 8. Time and memory are bounded; checks are linear; messages are capped


def _timed(call, within: float = 2.0):
    started = time.process_time()
    with pytest.raises(CaseError) as info:
        call()
    assert time.process_time() - started < within
    assert len(str(info.value)) < 4_000  # ten problems at most
    return str(info.value)


def test_a_long_flat_list_is_refused_quickly():
    text = "name: X\nx: [" + ",".join(["0"] * (MAX_CASE_BYTES // 2 - 20)) + "]\n"
    assert "te veel waarden" in _refused(text)


def test_many_deeply_nested_lists_are_refused_quickly():
    deep = "[" * 20 + "0" + "]" * 20
    text = "name: X\nx: [" + ",".join([deep] * (MAX_CASE_BYTES // (len(deep) + 1) - 1)) + "]\n"
    assert len(text.encode()) <= MAX_CASE_BYTES
    assert "te veel waarden" in _refused(text)


def _base36(n: int) -> str:
    digits = ""
    while True:
        n, d = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[d] + digits
        if n == 0:
            return digits


def test_seventy_thousand_partners_in_json_are_refused_quickly():
    partners = [{"name": _base36(n), "kind": "ggd"} for n in range(70_274)]
    text = json.dumps({"name": "X", "partners": partners}, separators=(",", ":"))
    assert len(text) <= MAX_CASE_BYTES
    assert "te veel waarden" in _refused(text, json_only=True)
    assert "te veel waarden" in _timed(lambda: case_from_data({"name": "X", "partners": partners}))


def test_many_partners_in_yaml_are_refused_quickly():
    text = "name: X\npartners:\n" + "".join(f"- {{name: P{n}, kind: ggd}}\n" for n in range(74_000))
    text = text[: text.rfind("\n", 0, MAX_CASE_BYTES) + 1]
    assert "te veel waarden" in _refused(text)


def test_bad_kinds_give_a_capped_message():
    partners = [{"name": f"P{n}", "kind": "x"} for n in range(MAX_PARTNERS)]
    message = _timed(lambda: case_from_data({"name": "X", "partners": partners}))
    assert f"en nog {MAX_PARTNERS - MAX_PROBLEMS}" in message


def test_the_listed_limits_hold():
    partners = [{"name": f"P{n}", "kind": "ggd"} for n in range(MAX_PARTNERS + 1)]
    assert "partners: heeft 501 items; een casus noemt er hoogstens 500" in _timed(
        lambda: case_from_data({"name": "X", "partners": partners}), within=0.5
    )
    respondents = [{"name": f"R{n}"} for n in range(MAX_RESPONDENTS + 1)]
    assert "respondents: heeft 201 items; een casus noemt er hoogstens 200" in _timed(
        lambda: case_from_data({"name": "X", "respondents": respondents}), within=0.5
    )
    signs = {"observations": {"climate": {"signs": ["afhaken"] * (MAX_LIST_ITEMS + 1)}}}
    assert "te veel items (hoogstens 100)" in _timed(lambda: case_from_data({"name": "X", **signs}))
    assert "hoogstens 10000 tekens" in _timed(lambda: case_from_data({"name": "x" * (MAX_TEXT_CHARS + 1)}))
    data = {"name": "X", "x": [[0]] * MAX_NODES}
    assert "te veel waarden" in _timed(lambda: case_from_data(data))


def test_a_full_case_at_the_limits_is_accepted():
    observations = json.loads(json.dumps(case_from_data({"name": "X"}).model_dump(mode="json")["observations"]))
    respondents = [{"name": f"R{n}", "observations": observations} for n in range(MAX_RESPONDENTS)]
    partners = [{"name": f"P{n}", "kind": "ggd", "roles": ["beslisser"]} for n in range(MAX_PARTNERS)]
    case = case_from_data({"name": "X", "partners": partners, "respondents": respondents})
    assert len(case.partners) == MAX_PARTNERS and len(case.respondents) == MAX_RESPONDENTS


def test_duplicate_names_are_found_in_linear_time_with_a_capped_message():
    partners = [{"name": f"P{n % 250}", "kind": "ggd"} for n in range(MAX_PARTNERS)]
    message = _timed(lambda: case_from_data({"name": "X", "partners": partners}), within=1.0)
    assert "de namen van de partners moeten verschillen" in message and "en nog 240" in message


# 9. --set values are read with the case loader


def test_an_alias_bomb_in_set_is_refused_quickly():
    bomb = (
        "["
        + ",".join(
            ["&a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]"]
            + [f"&a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
        )
        + "]"
    )
    case = load_case(EXAMPLE)
    message = _timed(lambda: with_changes(case, [f"description={bomb}"]), within=1.0)
    assert "ankers en aliassen" in message
    assert "ankers en aliassen" in _cli("compare", str(EXAMPLE), "--set", f"description={bomb}")


def test_set_values_that_are_not_yaml_stay_text():
    case = with_changes(load_case(EXAMPLE), ["description=a: b: c"])
    assert case.description == "a: b: c"


# 17. Duplicate keys, positions, sizes


def test_duplicate_keys_are_refused_with_both_lines():
    message = _refused("name: X\ndescription: a\nname: Y\n")
    assert "regel 3, kolom 1: dubbel veld 'name' (eerder op regel 1)" in message
    assert "dubbel veld 'name' (regels 1 en 3)" in _refused('{"name": "X",\n"a": 1,\n"name": "Y"}', json_only=True)
    message = _refused('{"name": "X", "partners": [{"name": "A", "kind": "ggd", "kind": "ggd"}]}', json_only=True)
    assert "dubbel veld 'kind'" in message


def test_special_characters_give_a_line_and_column():
    message = _refused('name: é\ndescription: "a\x01b"\n')
    assert "regel 2, kolom 16" in message and "position" not in message
    message = _refused("name: X\ndescription: a\x1bb\n")
    assert "regel 2, kolom 15" in message


def test_too_large_never_reads_as_equal_to_the_limit(tmp_path):
    path = tmp_path / "groot.yaml"
    path.write_bytes(b"#" * (MAX_CASE_BYTES + 1))
    with pytest.raises(CaseError, match=r"2.097.153 bytes; een casus is hoogstens 2.097.152 bytes"):
        load_case(path)


def test_a_string_is_measured_in_utf8_bytes():
    message = _refused("name: X\n#" + "😀" * (MAX_CASE_BYTES // 4 + 1))
    assert "is te groot" in message


def test_json_stops_building_objects_past_the_node_budget():
    text = '{"name": "X", "x": [' + ",".join(["{}"] * (MAX_CASE_BYTES // 3 - 10)) + "]}"
    assert "te veel waarden" in _refused(text, json_only=True, within=1.0)
