"""The HTTP API (/api/v1/) in process: every endpoint, problem documents with field paths, the body bound,
API keys off the loopback, and the OpenAPI 3.1 description (validated with openapi-spec-validator)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

import samenwerkwijzer
from samenwerkwijzer import MAX_CASE_BYTES, case_from_data, diagnose, json_schema
from samenwerkwijzer.intake import questions
from samenwerkwijzer.web import Database, create_api_key, create_app, create_user

from ..conftest import EXAMPLES
from ..webkit import TestClient, sqlite_database

PROBLEM = "application/problem+json"


def _case(name: str = "gecombineerd") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        json.dumps(yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")), default=str)
    )
    return data


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('api') / 'web.db'}")
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def client(db: Database) -> TestClient:
    return TestClient(create_app(db, require_login=False))


@pytest.fixture(scope="module")
def advice_json(client: TestClient) -> dict[str, Any]:
    response = client.post("/api/v1/diagnose", json=_case())
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def _problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["code"] == code and body["status"] == status and body["type"].endswith(":" + code)
    assert body["title"] and body["detail"] and body["fout"] == body["detail"]
    return body


def test_diagnose_gives_the_advice_the_library_gives_with_its_schema_version(client, advice_json):
    case = _case()
    assert advice_json == json.loads(diagnose(case_from_data(case)).model_dump_json())
    assert advice_json["schema_version"] == "1.0"


def test_a_bad_case_is_a_problem_document_with_the_field_path(client):
    body = _problem(
        client.post("/api/v1/diagnose", content=b'{"name": "x", "partners": [{"name": "a", "kind": "planeet"}]}'),
        422,
        "casus-ongeldig",
    )
    assert body["detail"] == "De casus is ongeldig; zie de problemen."
    assert body["problemen"][0]["plaats"] == "partners[0].kind"
    assert "planeet" in body["problemen"][0]["melding"]
    nested = _problem(
        client.post("/api/v1/explain", json={"case": {"name": "x", "context": {"phase": "zweven"}}}),
        422,
        "casus-ongeldig",
    )
    assert nested["problemen"][0]["plaats"] == "case.context.phase"
    _problem(client.post("/api/v1/diagnose", content=b"geen json"), 422, "casus-ongeldig")


def test_the_body_is_bounded_by_the_librarys_input_bound(client):
    too_big = b'{"name": "' + b"x" * MAX_CASE_BYTES + b'"}'
    _problem(client.post("/api/v1/diagnose", content=too_big), 413, "te-groot")


@pytest.mark.parametrize("kind", ["markdown", "html", "docx"])
def test_letter_from_a_case_and_from_an_advice(client, advice_json, kind):
    from_case = client.post(f"/api/v1/letter?format={kind}", json=_case())
    from_advice = client.post(f"/api/v1/letter?format={kind}&top=3", json=advice_json)
    for response in (from_case, from_advice):
        assert response.status_code == 200, response.text
    if kind == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(from_case.content)).paragraphs)
        assert "De-escaleer" in text or "Bespreek" in text
    else:
        assert from_case.headers["content-type"].startswith("text/" + kind)
        assert advice_json["interventions"][0]["title"] in from_case.text
    _problem(client.post("/api/v1/letter?format=pdf", json=_case()), 422, "verzoek-ongeldig")


def test_explain_and_why_not_from_a_case_or_an_advice(client, advice_json):
    first = advice_json["interventions"][0]["id"]
    every = client.post("/api/v1/explain", json={"advice": advice_json})
    assert every.status_code == 200, every.text
    assert [e["intervention"] for e in every.json()] == [i["id"] for i in advice_json["interventions"]]
    one = client.post("/api/v1/explain", json={"case": _case(), "intervention": first}).json()
    assert len(one) == 1 and one[0]["intervention"] == first
    why = client.post("/api/v1/why-not", json={"case": _case(), "intervention": "I-DE-ESCALEREN"})
    assert why.status_code == 200, why.text
    assert why.json()["intervention"] == "I-DE-ESCALEREN" and why.json()["status"] == "not_recommended"
    _problem(client.post("/api/v1/why-not", json={"advice": advice_json, "intervention": "I-BESTAAT-NIET"}), 422,
             "interventie-onbekend")  # fmt: skip
    _problem(client.post("/api/v1/why-not", json={"advice": advice_json}), 422, "verzoek-ongeldig")
    _problem(client.post("/api/v1/explain", json={"case": _case(), "advice": advice_json}), 422, "verzoek-ongeldig")
    _problem(client.post("/api/v1/explain", json={"casus": _case()}), 422, "verzoek-ongeldig")


def test_compare_by_answers_and_by_a_second_case(client):
    by_answers = client.post(
        "/api/v1/compare", json={"case": _case(), "answers": {"observations.climate.declared": "conflict"}}
    )
    assert by_answers.status_code == 200, by_answers.text
    summary = by_answers.json()
    assert summary["after"][0]["id"] == "I-DE-ESCALEREN"
    entered = next(c for c in summary["changes"] if c["id"] == "I-DE-ESCALEREN")
    assert entered["change"] == "entered" and entered["reason"]
    after = _case()
    after["observations"]["climate"]["declared"] = "conflict"
    by_case = client.post("/api/v1/compare?top=3", json={"case": _case(), "after": after})
    assert by_case.status_code == 200 and by_case.json()["top"] == 3
    assert by_case.json()["after"] == summary["after"][:3]
    _problem(client.post("/api/v1/compare", json={"case": _case()}), 422, "verzoek-ongeldig")
    _problem(client.post("/api/v1/compare", json={"case": _case(), "answers": {"observations.climate.declared": 7}}),
             422, "casus-ongeldig")  # fmt: skip


def test_questions_and_schemas(client):
    listed = client.get("/api/v1/questions").json()
    assert listed == [q.model_dump(mode="json") for q in questions()]
    climate = next(q for q in listed if q["field"] == "observations.climate.declared")
    assert climate["answer"] == "choice" and {o["value"] for o in climate["options"]} >= {"conflict"}
    assert client.get("/api/v1/schema/case").json() == json_schema("case")
    assert client.get("/api/v1/schema/advice").json() == json_schema("advice")


def test_health_and_unknown_addresses(client):
    health = client.get("/api/v1/health").json()
    assert health["status"] == "ok" and health["schema_version"] == "1.0" and health["api_version"] == "1"
    _problem(client.get("/api/v1/bestaat-niet"), 404, "niet-gevonden")
    _problem(client.get("/api/v1/diagnose"), 405, "methode-niet-toegestaan")


def test_off_the_loopback_the_api_needs_a_key_kept_as_a_hash(tmp_path: Path):
    database = sqlite_database(tmp_path / "web.db")
    try:
        create_user(database, "adviseur", "een lang wachtwoord")
        key = create_api_key(database, "zaaksysteem")
        remote = TestClient(create_app(database, require_login=True))
        _problem(remote.post("/api/v1/diagnose", json=_case()), 401, "sleutel-ontbreekt")
        _problem(remote.post("/api/v1/diagnose", json=_case(), headers={"X-API-Key": key + "x"}), 401,
                 "sleutel-onbekend")  # fmt: skip
        assert remote.post("/api/v1/diagnose", json=_case(), headers={"X-API-Key": key}).status_code == 200
        bearer = remote.get("/api/v1/questions", headers={"Authorization": f"Bearer {key}"})
        assert bearer.status_code == 200
        assert remote.get("/api/v1/health").status_code == 200  # no key: a load balancer asks this
        with database.engine.connect() as connection:
            stored = [row[0] for row in connection.exec_driver_sql("SELECT key_hash FROM api_keys")]
        assert len(stored) == 1 and key not in stored[0] and len(stored[0]) == 64
    finally:
        database.dispose()


def test_the_openapi_description_is_valid_3_1_from_the_models(client):
    validator = pytest.importorskip("openapi_spec_validator")
    spec = client.get("/openapi.json").json()
    validator.validate(spec)
    assert spec["openapi"].startswith("3.1")
    paths = {(p, m) for p, ops in spec["paths"].items() for m in ops}
    assert paths == {
        ("/api/v1/diagnose", "post"), ("/api/v1/letter", "post"), ("/api/v1/explain", "post"),
        ("/api/v1/why-not", "post"), ("/api/v1/compare", "post"), ("/api/v1/questions", "get"),
        ("/api/v1/schema/case", "get"), ("/api/v1/schema/advice", "get"), ("/api/v1/health", "get"),
        ("/api/v1/metingen/{mid}/agenda", "get"), ("/api/v1/schema/agenda", "get"),
    }  # fmt: skip
    schemas = spec["components"]["schemas"]
    assert "schema_version" in schemas["Advice"]["properties"]
    assert "partners" in schemas["Case"]["properties"]
    assert "actions" in schemas["Agenda"]["properties"]
    assert "v1 stays compatible" in spec["info"]["description"].replace("everything under `/api/v1/` stays", "v1 stays")
    # A PEP 440 version (the release), so that a generated client installs with pip; the API's own version beside it.
    from packaging.version import Version

    assert str(Version(spec["info"]["version"])) == spec["info"]["version"] == samenwerkwijzer.__version__
    assert spec["info"]["x-api-version"] == "1"


def test_the_docs_page_needs_no_cdn_and_no_inline_script(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "<script>" not in page.text and "http" not in page.text.replace('"/openapi.json"', "")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/swagger-ui-bundle.js", "/static/swagger-ui.css", "/static/api-docs.js"):
        assert client.get(asset).status_code == 200, asset


def test_serve_creates_an_api_key_shown_once(tmp_path: Path):
    from click.testing import CliRunner

    from samenwerkwijzer.cli import app

    url = f"sqlite:///{tmp_path / 'web.db'}"
    done = CliRunner().invoke(app, ["serve", "--database", url, "--create-api-key", "zaaksysteem"])
    assert done.exit_code == 0, done.output
    key = done.output.strip().splitlines()[-1]
    assert key.startswith("sww_")
    again = CliRunner().invoke(app, ["serve", "--database", url, "--create-api-key", "zaaksysteem"])
    assert again.exit_code != 0 and "al een API-sleutel" in again.output
    database = Database(url)
    try:
        create_user(database, "adviseur", "een lang wachtwoord")
        remote = TestClient(create_app(database, require_login=True))
        assert remote.get("/api/v1/questions", headers={"X-API-Key": key}).status_code == 200
    finally:
        database.dispose()
