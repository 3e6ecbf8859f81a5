"""The JSON API for integrators: a case in, the advice out (as ``samenwerkwijzer diagnose --format json``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from samenwerkwijzer import MAX_CASE_BYTES, CaseError, InputError, diagnose, parse_case

router = APIRouter()


def _error(status: int, message: str, problems: list[dict[str, str]] | None = None) -> JSONResponse:
    return JSONResponse({"fout": message, "problemen": problems or []}, status_code=status)


@router.post("/api/v1/diagnose")
async def api_diagnose(request: Request) -> Response:
    """Case JSON in (the case file's fields), Advice JSON out; errors as JSON with a Dutch message."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_CASE_BYTES:
            return _error(413, "De casus is te groot.")
    try:
        case = parse_case(body, source="verzoek", json_only=True)
    except CaseError as exc:
        problems = [{"plaats": p.location, "melding": p.message} for p in exc.problems]
        return _error(422, "De casus is ongeldig; zie de problemen.", problems)
    except InputError as exc:
        return _error(422, f"De casus kon niet worden gelezen: {exc}")
    advice = await run_in_threadpool(diagnose, case)
    return Response(advice.model_dump_json(indent=2) + "\n", media_type="application/json")
