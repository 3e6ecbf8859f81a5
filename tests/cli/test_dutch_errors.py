"""Every message a user reads is Dutch: the library's errors (a case that cannot be read or is invalid, an
unknown intervention, rule or schema, a bad option), what the CLI prints when it refuses, and the HTTP API's
``detail`` and ``melding`` texts. English texts of other libraries (pydantic, the JSON decoder, PyYAML, the
operating system) are mapped to Dutch by their type; the errors carry their exit code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import samenwerkwijzer
from samenwerkwijzer import (
    AdviceError,
    CaseError,
    InputError,
    KnowledgeBaseError,
    SamenwerkwijzerError,
    advice_from_data,
    case_from_data,
    diagnose,
    json_schema,
    load_case,
    parse_case,
    render_letter,
)
from samenwerkwijzer.authoring import find_rule
from samenwerkwijzer.cli import app
from samenwerkwijzer.trainer import explain, reasoning_graph, why_not, with_changes
from samenwerkwijzer.web import Database, create_app

from ..conftest import EXAMPLES
from ..webkit import TestClient

COMBINED = EXAMPLES / "gecombineerd.yaml"

#: Words that are English and not Dutch (``is``, ``in``, ``of`` and ``over`` are both, and left out).
ENGLISH = set(
    " ".join(
        [
            "the an and or not no be been must should cannot can't could would will shall may",
            "invalid unknown required found given expected allowed only valid input value values field fields",
            "file folder directory error failed failure too large many more less than least most at with without",
            "which there this that these those has have had does did you your mean please use using give either",
            "both repeated names unique smaller number listed contains character characters text string integer",
            "boolean list mapping key keys duplicate line column exists already refusing write read such nested",
            "deeply empty binary got type date",
        ]
    ).split()
)


def english_words(message: str) -> list[str]:
    """The English words of ``message``, leaving out what it quotes (a user's value, a field path, an id,
    a file name, a command): those are the user's own words or codes, not the message's."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|`[^`]*`", " ", message)
    words = [w for w in re.split(r"\s+", text) if w and not re.search(r"[/._\[\]<>=+@\\0-9-]", w.strip(",;:()?!"))]
    return [w for w in (w.strip(",;:()?!").lower() for w in words) if w in ENGLISH]


def test_the_detector_finds_english_and_leaves_dutch_alone():
    assert english_words("Invalid case x.yaml: name: String should have at least 1 character")
    assert english_words("unknown intervention 'I-X'; did you mean I-Y?")
    assert not english_words("Ongeldige casus x.yaml: name: mag niet leeg zijn (gegeven: '')")
    assert not english_words("onbekende interventie 'I-X'; bedoelt u I-Y, I-Z of I-W?")


BAD_CASES: list[str | bytes | Any] = [
    "",
    "# niets\n",
    b"\x89PNG\r\n\x1a\n\x00\x00",
    "name: Caf\xe9\n".encode("latin-1"),
    "name: X\nobservations: [\n",
    "name: [",
    "\tname: x\n",
    "name: &a X\nother: *a\n",
    "name: !!str X\n",
    "name: X\nname: Y\n",
    "name: X\nassessed_on: 2026-13-45\n",
    "name: X\nx: " + "[" * 200 + "]" * 200 + "\n",
    "- a\n- b\n",
    "description: geen naam\n",
    "name: ''\n",
    "name: X\ncontext: {fase: verkennen}\n",
    "name: X\ncontext: {phase: planeet}\n",
    "name: X\npartners: {name: A}\n",
    "name: X\nobservations: {network: {partner_count: 0}}\n",
    "name: X\nobservations: {network: {partner_count: veel}}\n",
    "name: X\nobservations: {leadership: {trekker: 'ja'}}\n",
    "name: X\nobservations: {funding: {months_left: -1}}\n",
    "name: X\npartners: [{name: A, kind: ggd}, {name: A, kind: ggd}]\n",
    "name: X\npartners: [{name: A, kind: ggd, roles: [baas]}]\n",
    "name: X\nobservations: {network: {partner_count: 1}}\npartners: [{name: A, kind: ggd}, {name: B, kind: ggd}]\n",
    "name: X\nobservations: {funding: {end_date: 2027-01-01, months_left: 3}}\n",
    'name: X\ndescription: "a\\x07b"\n',
    "name: 0x1F\nobservations: {network: {partner_count: 0x1F}}\n",
]
BAD_JSON = ["{", '{"name": "X",}', '{"name": "X", "name": "Y"}', '{"name": NaN}', '{"name": "X"} x', "[1, 2]"]


@pytest.mark.parametrize("text", BAD_CASES)
def test_a_case_that_cannot_be_read_or_is_invalid_is_refused_in_dutch(text):
    with pytest.raises(CaseError) as refused:
        parse_case(text, source="casus.yaml")
    message = str(refused.value)
    assert message.startswith("Ongeldige casus casus.yaml")
    assert english_words(message) == [], message
    assert refused.value.exit_code == 2


@pytest.mark.parametrize("text", BAD_JSON)
def test_bad_json_is_refused_in_dutch(text):
    with pytest.raises(CaseError) as refused:
        parse_case(text, source="casus.json", json_only=True)
    assert english_words(str(refused.value)) == [], str(refused.value)


def test_files_that_cannot_be_read_are_refused_in_dutch(tmp_path):
    for path in (tmp_path / "nergens.yaml", tmp_path, Path("/dev/null")):
        with pytest.raises(CaseError) as refused:
            load_case(path)
        assert english_words(str(refused.value)) == [], str(refused.value)


def test_data_that_is_no_case_or_no_advice_is_refused_in_dutch():
    for data in ([1], None, "tekst", {"name": "X", "partners": [{"name": str(n)} for n in range(600)]}):
        with pytest.raises(CaseError) as refused:
            case_from_data(data)
        assert english_words(str(refused.value)) == [], str(refused.value)
    for data in ({"schema_version": "1.0"}, [], {"schema_version": "2.0", "generator": 1}):
        with pytest.raises(AdviceError) as wrong:
            advice_from_data(data)
        assert str(wrong.value).startswith("Ongeldig advies")
        assert english_words(str(wrong.value)) == [], str(wrong.value)


def test_an_unknown_intervention_is_dutch_with_the_nearest_ids():
    advice = diagnose(load_case(COMBINED))
    for call in (
        lambda: why_not(advice, "I-DE-ESCALEREM"),
        lambda: explain(advice, "I-DE-ESCALEREM"),
        lambda: reasoning_graph(advice, "I-DE-ESCALEREM"),
    ):
        with pytest.raises(InputError) as refused:
            call()
        message = str(refused.value)
        assert message.startswith("onbekende interventie 'I-DE-ESCALEREM'; bedoelt u I-DE-ESCALEREN")
        assert english_words(message) == [], message
    with pytest.raises(InputError) as far:
        why_not(advice, "XYZ")
    assert "samenwerkwijzer kb" in str(far.value) and english_words(str(far.value)) == []


def test_the_library_s_other_input_errors_are_dutch():
    advice = diagnose(load_case(COMBINED))
    case = load_case(COMBINED)
    not_recommended = next(s.id for s in advice.suppressed) if advice.suppressed else None
    calls = [
        lambda: find_rule("rol0001"),
        lambda: json_schema("geval"),  # type: ignore[arg-type]
        lambda: render_letter(advice, top=0),
        lambda: with_changes(case, ["observations.climate.declared"]),
        lambda: with_changes(case, ["partners[20].kind=ggd"]),
        lambda: with_changes(case, ["observations.climate.declard=conflict"]),
        lambda: with_changes(case, ["=x"]),
    ]
    if not_recommended:
        calls.append(lambda: explain(advice, not_recommended))
    for call in calls:
        with pytest.raises(InputError) as refused:
            call()
        assert english_words(str(refused.value)) == [], str(refused.value)


def test_each_error_class_carries_its_exit_code():
    assert SamenwerkwijzerError.exit_code == 1 and KnowledgeBaseError.exit_code == 1
    assert InputError.exit_code == 2 and CaseError.exit_code == 2 and AdviceError.exit_code == 2
    assert issubclass(AdviceError, InputError)


def _cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_what_the_cli_prints_when_it_refuses_is_dutch(tmp_path):
    existing = tmp_path / "brief.md"
    existing.write_text("x")
    bad = tmp_path / "casus.yaml"
    bad.write_text("name: X\ncontext: {phase: planeet}\n")
    runs = [
        (("diagnose", str(tmp_path / "nergens.yaml")), 2),
        (("diagnose", str(bad)), 2),
        (("diagnose", str(COMBINED), "-o", str(existing)), 1),
        (("diagnose", str(COMBINED), "--date", "morgen"), 2),
        (("diagnose", str(COMBINED), "--format", "docx"), 2),
        (("diagnose", str(COMBINED), "--reasoning"), 2),
        (("explain", str(COMBINED), "--why-not", "I-DE-ESCALEREM"), 2),
        (("explain", str(COMBINED), "I-BESTAAT-NIET"), 2),
        (("graph", str(COMBINED), "--intervention", "I-KERNTEEM"), 2),
        (("compare", str(COMBINED), "--set", "partners[20].kind=ggd"), 2),
        (("rules", "show", "ROL0001"), 2),
        (("batch", str(tmp_path / "nergens")), 2),
        (("diagnose", str(COMBINED), "--template", str(tmp_path / "geen.j2")), 2),
        (("intake", "-o", str(tmp_path / "nieuw.yaml"), "--answers", str(tmp_path / "nergens.txt")), 2),
    ]
    for args, code in runs:
        result = _cli(*args)
        assert result.exit_code == code, (args, result.output)
        message = result.stderr.strip()
        assert message.startswith("samenwerkwijzer: ") and "\n" not in message, (args, message)
        assert english_words(message.removeprefix("samenwerkwijzer: ")) == [], (args, message)


def test_ctrl_c_ends_a_command_in_dutch_and_stops_the_server_as_its_normal_end(monkeypatch, tmp_path):
    """Click's own answer to Ctrl+C is the English "Aborted!" with exit status 1; stopping ``serve`` is how it ends."""
    import samenwerkwijzer.web

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(samenwerkwijzer.web, "serve", interrupted)
    database = f"sqlite:///{tmp_path / 'web.db'}"
    result = _cli("serve", "--no-browser", "--port", "8765", "--database", database)
    assert result.exit_code == 0, result.output
    assert "Aborted" not in result.output and "gestopt" in result.stderr


def test_the_cli_catches_the_library_s_errors_in_one_place():
    """``with user_errors()`` is gone from the commands: the group turns every ``SamenwerkwijzerError`` into
    its message and exit code (the intake, the conversation and its store, keeps its own for now)."""
    folder = Path(samenwerkwijzer.cli.__file__).parent
    users = sorted(p.name for p in folder.glob("*.py") if "with user_errors()" in p.read_text(encoding="utf-8"))
    assert set(users) <= {"_intake.py", "_intake_store.py"}


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> Any:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('api') / 'web.db'}")
    yield TestClient(create_app(database, require_login=False))
    database.dispose()


def _texts(body: dict[str, Any]) -> list[str]:
    return [body["title"], body["detail"], *(p["melding"] for p in body["problemen"])]


def test_the_api_s_problem_texts_are_dutch(client):
    case = json.loads(json.dumps(samenwerkwijzer.load_case_data(COMBINED)))
    advice = client.post("/api/v1/diagnose", json=case).json()
    broken_advice = dict(advice, interventions=[{"id": 1}])
    requests = [
        ("/api/v1/diagnose", b'{"name": "x", "partners": [{"name": "a", "kind": "planeet"}]}'),
        ("/api/v1/diagnose", b'{"name": "x", "context": {"phase": "verkenen"}, "extra": 1}'),
        ("/api/v1/diagnose", b'{"name": '),
        ("/api/v1/diagnose", b"[1]"),
        ("/api/v1/diagnose", b'{"name": "x", "observations": {"leadership": {"trekker": "ja"}}}'),
        ("/api/v1/explain", json.dumps({"case": case, "intervention": "I-DE-ESCALEREM"}).encode()),
        ("/api/v1/why-not", json.dumps({"advice": advice, "intervention": "XYZ"}).encode()),
        ("/api/v1/why-not", json.dumps({"advice": broken_advice, "intervention": "I-KERNTEAM"}).encode()),
        ("/api/v1/compare", json.dumps({"case": case, "answers": {"partners[20].kind": "ggd"}}).encode()),
        ("/api/v1/compare", json.dumps({"case": case, "answers": {"observations.climate.declared": "heet"}}).encode()),
        ("/api/v1/letter?top=0", json.dumps(case).encode()),
    ]
    for path, body in requests:
        response = client.post(path, content=body, headers={"Content-Type": "application/json"})
        assert response.status_code >= 400, (path, response.text)
        problem = response.json()
        for text in _texts(problem):
            assert english_words(text) == [], (path, text)


def test_a_pdf_with_open_slots_says_which(monkeypatch, tmp_path):
    """A PDF goes out as it is; '[naam]' or '[plaats]' left in it must not go unnoticed (the README walkthrough)."""
    monkeypatch.setattr(samenwerkwijzer, "render_pdf", lambda advice, **kwargs: b"%PDF-1.4\n")
    out = tmp_path / "brief.pdf"
    result = _cli("diagnose", str(COMBINED), "--format", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "open plekken" in result.stderr and "--place" in result.stderr and "--advisor" not in result.stderr
    result = _cli("diagnose", str(COMBINED), "--format", "pdf", "-o", str(out), "--force", "--place", "Zuidstad")
    assert result.exit_code == 0 and "open plekken" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["diagnose", str(COMBINED), "--top", "0"],
        ["diagnose", str(COMBINED), "--top", "x"],
        ["diagnose", str(COMBINED), "--formaat", "html"],
        ["diagnose", str(COMBINED), "--adviso", "Jan"],
        ["diagnose", str(COMBINED), "--format", "xyz"],
        ["diagnose", str(COMBINED), "--format"],
        ["diagnose"],
        ["diagnose", str(COMBINED), "extra"],
        ["bogus"],
    ],
    ids=[
        "range",
        "integer",
        "no-such-option",
        "one-suggestion",
        "choice",
        "needs-a-value",
        "missing-case",
        "extra",
        "no-command",
    ],
)
def test_a_usage_error_is_said_in_dutch_with_exit_code_2(args):
    """click writes its usage errors in English ('Error: No such option …'); the walk of 2026-12-07."""
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    message = result.output.strip().splitlines()[-1]
    assert message.startswith("samenwerkwijzer: ") and "--help" in message, message
    assert not english_words(message), (message, english_words(message))
    assert "Error:" not in result.output and "Usage:" not in result.output
