"""The API's OpenAPI 3.1 description, built from the library's pydantic models, and its interactive docs.

The request and response bodies are the library's models (``Case`` as it is read, ``Advice`` and the others as
they are written), generated in one go so that a model used both ways gets an ``-Input`` and an ``-Output``
schema. ``/docs`` is Swagger UI from vendored static files (``static/swagger-ui*``, see ``VENDORED.txt``),
started by a static script: the site's Content-Security-Policy allows no inline script and no CDN.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from samenwerkwijzer import Advice, Case, CaseError, InputError, __version__
from samenwerkwijzer.intake import QuestionInfo
from samenwerkwijzer.trainer import ChangeSummary, Explanation, WhyNot

from ._agenda import Agenda
from ._api_v1 import API_VERSION, LETTER_TYPES
from ._api_v1 import open_router as api_open
from ._api_v1 import router as api
from ._problems import MEDIA_TYPE, ApiProblem, ProblemDetails, ProblemItem, case_problem, for_status, problem

POLICY = """\
Versioning: everything under `/api/v1/` stays compatible for as long as v1 exists. Within v1, members may be
added to responses, optional members to requests, and new endpoints and problem codes may appear; nothing is
removed or renamed and no meaning changes. Clients must ignore members they do not know. A change that breaks
this goes to `/api/v2/`, served beside v1 for at least one release. Every advice carries `schema_version`
(now "1.0"; a new minor version only adds members); `GET /api/v1/health` tells the server's version.

Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`, a Dutch `title` and
`detail`, and for an invalid case `problemen`: each problem with its field path (`plaats`).

On an address other than the loopback every endpoint but `/health` needs an API key
(`Authorization: Bearer KEY` or `X-API-Key: KEY`), made with `samenwerkwijzer serve --create-api-key NAME`.
Request bodies are at most the library's input bound (`MAX_CASE_BYTES`, 2 MiB).
"""


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExplainRequest(_Body):
    """A case to diagnose, or an advice already made (exactly one), and optionally one intervention."""

    case: Case | None = None
    advice: Advice | None = None
    intervention: str | None = Field(default=None, description="An intervention id (default: every recommended one).")


class WhyNotRequest(_Body):
    """A case or an advice (exactly one), and the intervention to ask about."""

    case: Case | None = None
    advice: Advice | None = None
    intervention: str = Field(description="An intervention id, e.g. I-DE-ESCALEREN.")


class CompareRequest(_Body):
    """The case before, and after it either a second case or answers to change in it."""

    case: Case
    after: Case | None = None
    answers: dict[str, Any] | None = Field(
        default=None,
        description="Case-file field paths to new values (null unsets), as the questions' `field` names them.",
    )


class Health(BaseModel):
    status: Literal["ok"]
    version: str = Field(description="The Samenwerkwijzer release.")
    api_version: str
    schema_version: str = Field(description="The advice schema version this server writes.")


_MODELS: list[tuple[type[BaseModel], JsonSchemaMode]] = [
    (Case, "validation"),
    (Advice, "serialization"),
    (Advice, "validation"),
    (ExplainRequest, "validation"),
    (WhyNotRequest, "validation"),
    (CompareRequest, "validation"),
    (Explanation, "serialization"),
    (WhyNot, "serialization"),
    (ChangeSummary, "serialization"),
    (QuestionInfo, "serialization"),
    (Health, "serialization"),
    (Agenda, "serialization"),
    (ProblemDetails, "serialization"),
]


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


@functools.cache
def openapi_document() -> dict[str, Any]:
    refs, defs = models_json_schema(_MODELS, ref_template="#/components/schemas/{model}")

    def ref(model: type[BaseModel], mode: JsonSchemaMode = "serialization") -> dict[str, Any]:
        return dict(refs[(model, mode)])

    problem_ref = {MEDIA_TYPE: {"schema": ref(ProblemDetails)}}
    errors = {
        "401": {"description": "API key missing or unknown (off the loopback).", "content": problem_ref},
        "413": {"description": "Body larger than the library's input bound.", "content": problem_ref},
        "422": {"description": "Invalid case, advice or request; field paths in `problemen`.", "content": problem_ref},
    }
    top = {
        "name": "top",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 5},
        "description": "How many interventions the letter's body (or the comparison) covers.",
    }

    def post(op_id: str, summary: str, body: dict[str, Any], ok: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {
            "post": {
                "operationId": op_id,
                "summary": summary,
                "requestBody": {"required": True, "content": body},
                "responses": {"200": ok, **errors},
                **extra,
            }
        }

    def get(op_id: str, summary: str, ok: dict[str, Any]) -> dict[str, Any]:
        return {"get": {"operationId": op_id, "summary": summary, "responses": {"200": ok, "401": errors["401"]}}}

    object_schema = {"type": "object", "additionalProperties": True}
    paths = {
        "/api/v1/diagnose": post(
            "diagnose",
            "Diagnose a case: the advice, as `samenwerkwijzer diagnose --format json` writes it.",
            _json(ref(Case, "validation")),
            {"description": "The advice.", "content": _json(ref(Advice))},
        ),
        "/api/v1/letter": post(
            "letter",
            "The advice letter of a case or of an advice already made.",
            _json({"oneOf": [ref(Case, "validation"), ref(Advice, "validation")]}),
            {
                "description": "The letter.",
                "content": {
                    LETTER_TYPES["markdown"].split(";")[0]: {"schema": {"type": "string"}},
                    LETTER_TYPES["html"].split(";")[0]: {"schema": {"type": "string"}},
                    LETTER_TYPES["docx"]: {"schema": {"type": "string", "contentEncoding": "binary"}},
                },
            },
            parameters=[
                {
                    "name": "format",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "string", "enum": list(LETTER_TYPES), "default": "markdown"},
                },
                top,
            ],
        ),
        "/api/v1/explain": post(
            "explain",
            "HOW: for each recommended intervention (or one), the rules and facts that led to it.",
            _json(ref(ExplainRequest, "validation")),
            {"description": "The explanations.", "content": _json({"type": "array", "items": ref(Explanation)})},
        ),
        "/api/v1/why-not": post(
            "why_not",
            "WHY NOT: why an intervention was not recommended (withheld, or which conditions failed).",
            _json(ref(WhyNotRequest, "validation")),
            {"description": "The answer.", "content": _json(ref(WhyNot))},
        ),
        "/api/v1/compare": post(
            "compare",
            "What-if: the top N before and after, what entered, left or moved, and the one reason why.",
            _json(ref(CompareRequest, "validation")),
            {"description": "The comparison.", "content": _json(ref(ChangeSummary))},
            parameters=[top],
        ),
        "/api/v1/questions": get(
            "questions",
            "The question catalogue: Dutch questions, answer types and labels, why each is asked.",
            {"description": "The questions.", "content": _json({"type": "array", "items": ref(QuestionInfo)})},
        ),
        "/api/v1/schema/case": get(
            "schema_case",
            "The JSON Schema of a case.",
            {"description": "JSON Schema.", "content": _json(object_schema)},
        ),
        "/api/v1/metingen/{mid}/agenda": {
            "get": {
                "operationId": "agenda",
                "summary": "The improvement agenda the partners fixed for a measurement (its actions, their review).",
                "parameters": [
                    {"name": "mid", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
                ],
                "responses": {
                    "200": {"description": "The agenda (no actions: none fixed yet).", "content": _json(ref(Agenda))},
                    "401": errors["401"],
                    "404": {"description": "No such measurement.", "content": problem_ref},
                },
            }
        },
        "/api/v1/schema/agenda": get(
            "schema_agenda",
            "The JSON Schema of an agenda.",
            {"description": "JSON Schema.", "content": _json(object_schema)},
        ),
        "/api/v1/schema/advice": get(
            "schema_advice",
            "The JSON Schema of an advice.",
            {"description": "JSON Schema.", "content": _json(object_schema)},
        ),
        "/api/v1/health": {
            "get": {
                "operationId": "health",
                "summary": "Is the server up; its versions (needs no key).",
                "responses": {"200": {"description": "Up.", "content": _json(ref(Health))}},
            }
        },
    }
    return {
        "openapi": "3.1.0",
        # The version of this description is the release that serves it (a PEP 440 version, so that a
        # client generated from it installs with pip); the API's own version is in the paths and below.
        "info": {
            "title": "Samenwerkwijzer API",
            "version": __version__,
            "x-api-version": API_VERSION,
            "description": POLICY,
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": defs.get("$defs", {}),
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
        "security": [{}, {"bearer": []}, {"apiKey": []}],
    }


docs = APIRouter()

_DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samenwerkwijzer API</title>
<link rel="stylesheet" href="/static/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-url="/openapi.json"></div>
<script src="/static/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script>
</body>
</html>
"""


@docs.get("/openapi.json", include_in_schema=False)
def openapi_json() -> JSONResponse:
    return JSONResponse(openapi_document())


@docs.get("/docs", include_in_schema=False)
def api_docs() -> HTMLResponse:
    return HTMLResponse(_DOCS_PAGE)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def install_api(app: FastAPI) -> None:
    """The API's routes, its description and docs, and its errors as problem documents."""
    for router in (api_open, api, docs):
        app.include_router(router)

    @app.exception_handler(ApiProblem)
    async def _problem(request: Request, exc: ApiProblem) -> Response:
        return exc.response()

    # The pages catch the library's errors themselves; these reach here only from the API's routes.
    @app.exception_handler(CaseError)
    async def _case(request: Request, exc: CaseError) -> Response:
        return case_problem(exc)

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return problem(
            "verzoek-ongeldig", "Het verzoek kon niet worden gelezen.", [ProblemItem(plaats="", melding=str(exc))]
        )


__all__ = ["for_status", "install_api", "is_api", "openapi_document"]
