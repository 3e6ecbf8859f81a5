"""Errors of the HTTP API as RFC 9457 problem details (``application/problem+json``).

Each carries a stable ``code`` (also the last part of its ``type``), a Dutch ``title`` and ``detail``, and for
an invalid case the field paths of the library's problems. ``fout`` and ``problemen`` are the members the first
version of ``POST /api/v1/diagnose`` answered with; v1 keeps them.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from samenwerkwijzer import CaseError

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "urn:samenwerkwijzer:probleem:"

#: code -> (HTTP status, Dutch title). Codes are part of the API: never rename one.
CODES: dict[str, tuple[int, str]] = {
    "casus-ongeldig": (422, "De casus is ongeldig"),
    "advies-ongeldig": (422, "Het advies is ongeldig"),
    "verzoek-ongeldig": (422, "Het verzoek is ongeldig"),
    "interventie-onbekend": (422, "Deze interventie kan hier niet worden uitgelegd"),
    "te-groot": (413, "Het verzoek is te groot"),
    "sleutel-ontbreekt": (401, "Een API-sleutel is nodig"),
    "sleutel-onbekend": (401, "Deze API-sleutel is onbekend of ingetrokken"),
    "niet-gevonden": (404, "Dit adres bestaat niet"),
    "methode-niet-toegestaan": (405, "Deze methode is hier niet toegestaan"),
    "mediatype-ongeldig": (415, "Stuur JSON (application/json)"),
    "interne-fout": (500, "Er ging iets mis in de server"),
}


class ProblemItem(BaseModel):
    plaats: str = Field(description="Where in the case: a field path such as partners[0].kind, or a line and column.")
    melding: str = Field(description="What is wrong there.")


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, with the API's extension members."""

    type: str = Field(description="URI of the problem type: urn:samenwerkwijzer:probleem:CODE.")
    title: str = Field(description="Dutch, the same for every problem of this type.")
    status: int
    detail: str = Field(description="Dutch: this occurrence.")
    code: str = Field(description="Stable code of the problem type; see the versioning policy.")
    problemen: list[ProblemItem] = Field(description="For an invalid case: each problem with its field path.")
    fout: str = Field(description="The same as detail (kept from the first version of v1).")


def problem(
    code: str, detail: str | None = None, problems: list[ProblemItem] | None = None, *, status: int | None = None
) -> JSONResponse:
    """The problem ``code``; ``status`` for an HTTP error of the framework that has no code of its own."""
    own, title = CODES[code]
    status = status or own
    body = ProblemDetails(
        type=TYPE_BASE + code,
        title=title,
        status=status,
        detail=detail or title + ".",
        code=code,
        problemen=problems or [],
        fout=detail or title + ".",
    )
    headers = {"WWW-Authenticate": 'Bearer realm="samenwerkwijzer"'} if status == 401 else None
    return JSONResponse(body.model_dump(), status_code=status, media_type=MEDIA_TYPE, headers=headers)


def case_problem(exc: CaseError, code: str = "casus-ongeldig", what: str = "De casus") -> JSONResponse:
    items = [ProblemItem(plaats=p.location, melding=p.message) for p in exc.problems]
    return problem(code, f"{what} is ongeldig; zie de problemen.", items)


class ApiProblem(Exception):
    """Raised inside a route: answered as the problem ``code``."""

    def __init__(self, code: str, detail: str | None = None, problems: list[ProblemItem] | None = None) -> None:
        self.code, self.detail, self.problems = code, detail, problems
        super().__init__(detail or code)

    def response(self) -> JSONResponse:
        return problem(self.code, self.detail, self.problems)


def for_status(status: int) -> JSONResponse:
    """A problem for an HTTP error the framework raised (an unknown address, a wrong method)."""
    code = {404: "niet-gevonden", 405: "methode-niet-toegestaan", 413: "te-groot", 415: "mediatype-ongeldig"}.get(
        status, "verzoek-ongeldig" if 400 <= status < 500 else "interne-fout"
    )
    return problem(code, status=status)


def problem_schema() -> dict[str, Any]:
    return ProblemDetails.model_json_schema()


__all__ = [
    "CODES",
    "MEDIA_TYPE",
    "TYPE_BASE",
    "ApiProblem",
    "ProblemDetails",
    "ProblemItem",
    "case_problem",
    "for_status",
    "problem",
    "problem_schema",
]
