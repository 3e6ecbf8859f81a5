"""The HTTP API for integrators, ``/api/v1/``: a thin layer over the public library API.

Bodies are read here, bounded by the library's ``MAX_CASE_BYTES``, and a case goes through the library's own
loader (``parse_case``), so that the API accepts and refuses exactly what ``samenwerkwijzer diagnose`` does,
with the same field paths. Every error is a problem document (:mod:`._problems`). The routes' descriptions
and the models they exchange are in :mod:`._openapi`.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

import samenwerkwijzer
from samenwerkwijzer import (
    DEFAULT_TOP,
    MAX_CASE_BYTES,
    Advice,
    AdviceError,
    Case,
    CaseError,
    InputError,
    Problem,
    __version__,
    advice_from_data,
    json_schema,
    parse_case,
    render_letter,
)
from samenwerkwijzer.intake import questions
from samenwerkwijzer.trainer import explain, summarise, why_not, with_answers

from ._api_keys import ApiKeyRefused, check_key, sent_key
from ._context import app_state
from ._problems import ApiProblem, ProblemItem
from ._security import digest

API_VERSION = "1"
LETTER_TYPES = {
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


async def api_key(request: Request) -> None:
    # On the loopback there is nothing to look up: no worker-thread round trip. Off it, the database is asked
    # in a thread, so that a slow database cannot hold up the event loop.
    if not app_state(request).require_login:
        return
    try:
        await run_in_threadpool(check_key, request)
    except ApiKeyRefused as exc:
        raise ApiProblem(exc.code) from None


router = APIRouter(prefix="/api/v1", dependencies=[Depends(api_key)])
open_router = APIRouter(prefix="/api/v1")


def _diagnosed(request: Request, case: Case) -> Advice:
    # On the event loop, not in a worker thread: a diagnosis takes a few milliseconds and the engine runs one
    # at a time, and under twenty clients the threads waiting on it and the loop fought over the interpreter's
    # lock, which cost a third of the throughput (bench/README.md). A Word letter still renders in a thread.
    return app_state(request).diagnoses.advice(case, _scope(request))


def _scope(request: Request) -> str:
    """Whose diagnoses a request may share: those sent with the same API key (all, on the loopback)."""
    key = sent_key(request) if app_state(request).require_login else None
    return digest(key) if key else ""


def _json(data: Any) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, indent=2) + "\n", media_type="application/json")


def _model_json(text: str) -> Response:
    return Response(text + "\n", media_type="application/json")


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_CASE_BYTES:
        raise ApiProblem("te-groot", f"Een verzoek is hoogstens {MAX_CASE_BYTES} bytes.")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_CASE_BYTES:
            raise ApiProblem("te-groot", f"Een verzoek is hoogstens {MAX_CASE_BYTES} bytes.")
    return bytes(body)


async def _object(request: Request, allowed: set[str]) -> dict[str, Any]:
    """A JSON object body with only the ``allowed`` members."""
    body = await _body(request)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as exc:
        where = f"regel {exc.lineno}, kolom {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        what = "te diep genest" if isinstance(exc, RecursionError) else "hier is de JSON onleesbaar"
        raise ApiProblem("verzoek-ongeldig", "Het verzoek is geen geldige JSON.", [_item(where, what)]) from None
    if not isinstance(data, dict):
        raise ApiProblem("verzoek-ongeldig", "Het verzoek moet een JSON-object zijn.")
    unknown = sorted(set(data) - allowed)
    if unknown:
        items = [_item(k, "onbekend veld; toegestaan: " + ", ".join(sorted(allowed))) for k in unknown]
        raise ApiProblem("verzoek-ongeldig", "Het verzoek heeft onbekende velden.", items)
    return data


def _item(where: str, message: str) -> ProblemItem:
    return ProblemItem(plaats=where, melding=message)


def _case(data: Any, where: str = "") -> Case:
    """Case data through the library's loader (its bounds, its field paths), prefixed with ``where``."""
    try:
        return parse_case(json.dumps(data), source="verzoek", json_only=True)
    except CaseError as exc:
        if not where:
            raise
        moved = [Problem(f"{where}.{p.location}" if p.location else where, p.message) for p in exc.problems]
        raise CaseError(exc.source, moved) from None


def _advice(data: Any, where: str) -> Advice:
    """Advice data through the library's reader (Dutch problems, field paths), prefixed with ``where``."""
    try:
        return advice_from_data(data, source="verzoek")
    except AdviceError as exc:
        items = [
            _item(f"{where}.{p.location}" if where and p.location else p.location or where, p.message)
            for p in exc.problems
        ]
        raise ApiProblem("advies-ongeldig", "Het advies is ongeldig; zie de problemen.", items) from None


def is_advice(data: Any) -> bool:
    """An advice carries ``schema_version`` and ``generator``; a case has neither field."""
    return isinstance(data, dict) and "schema_version" in data and "generator" in data


async def _advice_of(request: Request, data: dict[str, Any]) -> Advice:
    """``{"case": …}`` diagnosed, or ``{"advice": …}`` as given."""
    if ("case" in data) == ("advice" in data):
        raise ApiProblem("verzoek-ongeldig", "Geef precies één van 'case' en 'advice'.")
    if "advice" in data:
        return _advice(data["advice"], "advice")
    return _diagnosed(request, _case(data["case"], "case"))


def _intervention(data: dict[str, Any], required: bool) -> str | None:
    value = data.get("intervention")
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ApiProblem("verzoek-ongeldig", "Geef de interventie als tekst, bijvoorbeeld I-DE-ESCALEREN.")
    return value


def _top(request: Request, default: int | None = DEFAULT_TOP) -> int | None:
    text = request.query_params.get("top")
    if text is None:
        return default
    if not text.isdigit() or not 1 <= int(text) <= 100:
        raise ApiProblem("verzoek-ongeldig", "top is een geheel getal van 1 tot en met 100.", [_item("top", text)])
    return int(text)


@router.post("/diagnose")
async def api_diagnose(request: Request) -> Response:
    case = parse_case(await _body(request), source="verzoek", json_only=True)
    cache, scope = app_state(request).diagnoses, _scope(request)
    return _model_json(cache.advice_json(case, scope))


@router.post("/letter")
async def api_letter(request: Request) -> Response:
    kind = request.query_params.get("format", "markdown")
    if kind not in LETTER_TYPES:
        raise ApiProblem("verzoek-ongeldig", "format is markdown, html of docx.", [_item("format", kind)])
    top = _top(request)
    assert top is not None
    body = await _body(request)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        data = None
    if is_advice(data):
        advice = _advice(data, "")
    else:
        advice = _diagnosed(request, parse_case(body, source="verzoek", json_only=True))
    if kind == "docx":
        content: str | bytes = await run_in_threadpool(samenwerkwijzer.render_docx, advice, top=top)
        headers = {"Content-Disposition": 'attachment; filename="adviesbrief.docx"'}
    else:
        content = (samenwerkwijzer.render_html if kind == "html" else render_letter)(advice, top=top)
        headers = {}
    return Response(content, media_type=LETTER_TYPES[kind], headers=headers)


@router.post("/explain")
async def api_explain(request: Request) -> Response:
    data = await _object(request, {"case", "advice", "intervention"})
    wanted = _intervention(data, required=False)
    advice = await _advice_of(request, data)
    try:
        found = explain(advice, wanted)
    except InputError as exc:
        raise ApiProblem("interventie-onbekend", None, [_item("intervention", str(exc))]) from None
    return _json([e.model_dump(mode="json") for e in found])


@router.post("/why-not")
async def api_why_not(request: Request) -> Response:
    data = await _object(request, {"case", "advice", "intervention"})
    wanted = _intervention(data, required=True)
    assert wanted is not None
    advice = await _advice_of(request, data)
    try:
        found = why_not(advice, wanted)
    except InputError as exc:
        raise ApiProblem("interventie-onbekend", None, [_item("intervention", str(exc))]) from None
    return _model_json(found.model_dump_json(indent=2))


@router.post("/compare")
async def api_compare(request: Request) -> Response:
    data = await _object(request, {"case", "after", "answers"})
    if "case" not in data or ("after" in data) == ("answers" in data):
        raise ApiProblem("verzoek-ongeldig", "Geef 'case' en daarnaast precies één van 'after' en 'answers'.")
    before = _case(data["case"], "case")
    if "after" in data:
        after = _case(data["after"], "after")
    else:
        answers = data["answers"]
        if not isinstance(answers, dict):
            raise ApiProblem(
                "verzoek-ongeldig", "answers is een object van veldpad naar waarde.", [_item("answers", "")]
            )
        try:
            after = with_answers(before, answers)
        except CaseError:
            raise  # a value the case model refuses: its field path
        except InputError as exc:
            raise ApiProblem(
                "verzoek-ongeldig", "Een antwoord past niet in de casus.", [_item("answers", str(exc))]
            ) from None
    top = _top(request)
    a, b = _diagnosed(request, before), _diagnosed(request, after)
    return _model_json(summarise(a, b, top=top).model_dump_json(indent=2))


@router.get("/questions")
def api_questions() -> Response:
    return _json([q.model_dump(mode="json") for q in questions()])


@router.get("/schema/case")
def api_schema_case() -> Response:
    return _json(json_schema("case"))


@router.get("/schema/advice")
def api_schema_advice() -> Response:
    return _json(json_schema("advice"))


@open_router.get("/health")
def api_health() -> JSONResponse:
    return JSONResponse(
        {
            "status": "ok",
            "version": __version__,
            "api_version": API_VERSION,
            "schema_version": Advice.model_fields["schema_version"].default,
        }
    )


__all__ = [
    "API_VERSION",
    "LETTER_TYPES",
    "api_compare",
    "api_diagnose",
    "api_explain",
    "api_health",
    "api_key",
    "api_letter",
    "api_questions",
    "api_schema_advice",
    "api_schema_case",
    "api_why_not",
    "is_advice",
    "open_router",
    "router",
]
