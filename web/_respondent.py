"""A respondent's questionnaire, reached only through their own link: the respondent questions of
the catalogue, one at a time, each answer saved at once, changeable until the advisor closes the round.

The page shows this respondent's own answers and nothing else of the collaboration.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from samenwerkwijzer.intake import Intake
from samenwerkwijzer.trainer import name_with_article

from ._advisor import CONFLICT
from ._answering import revisit, submit, typed_again
from ._cases import respondent_base, respondent_intake
from ._context import app_state, page
from ._forms import answered_view, field_for
from ._models import Respondent
from ._security import digest, now, same, signed

router = APIRouter()
GONE = "Deze link werkt niet (meer). Vraag de adviseur om een nieuwe link."


def _find(session: Session, token: str) -> Respondent:
    found = session.scalar(select(Respondent).where(Respondent.token_hash == digest(token)))
    if found is None or found.revoked or found.expires_at < now():
        raise HTTPException(404, GONE)
    return found


def _page(
    request: Request,
    token: str,
    respondent: Respondent,
    message: str = "",
    intake: Intake | None = None,
    again: dict[str, Any] | None = None,
) -> Response:
    intake = intake or respondent_intake(respondent)
    closed = respondent.measurement.round_closed
    return page(
        request,
        "respond.html",
        csrf=signed(app_state(request).db.secret, digest(token)),
        field=None if closed else field_for(intake, respondent.progress.get("previous", {}) | (again or {})),
        number=len(intake.asked) + 1,
        total=intake.estimated_total(),
        answered=answered_view(intake, respondent.progress.get("questions", {}), respondent.progress.get("labels", {})),
        closed=closed,
        who=respondent.name,
        disclosed=bool(respondent.measurement.letter.get("disclose")),
        collaboration=name_with_article(respondent.measurement.collaboration.name),
        message=message,
        action=f"/r/{token}",
    )


async def _form(request: Request, token: str) -> FormData:
    form = await request.form()
    sent = form.get("csrf_token")
    if not isinstance(sent, str) or not same(sent, signed(app_state(request).db.secret, digest(token))):
        raise HTTPException(403, "Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw.")
    return form


@router.get("/r/{token}")
def questionnaire(request: Request, token: str) -> Response:
    with app_state(request).db.reading() as s:
        return _page(request, token, _find(s, token))


@router.post("/r/{token}")
async def respond(request: Request, token: str) -> Response:
    form = await _form(request, token)
    return await run_in_threadpool(_respond, request, token, form)


def _respond(request: Request, token: str, form: FormData) -> Response:
    message = ""
    intake: Intake | None = None
    again: dict[str, Any] = {}
    try:
        with app_state(request).db.writing() as s:
            respondent = _find(s, token)
            _ = respondent.measurement.collaboration.name  # loaded for the page, shown after the commit
            if respondent.measurement.round_closed:
                message = "De ronde is gesloten; uw antwoorden kunnen niet meer veranderen."
            else:
                if respondent.base is None:
                    respondent.base = respondent_base(respondent.measurement, respondent)
                intake = respondent_intake(respondent)
                progress, message = submit(intake, respondent.progress, form)
                again = typed_again(intake, form) if progress is None else {}
                if progress is not None:
                    respondent.progress = progress
    except StaleDataError:
        raise HTTPException(409, CONFLICT) from None
    return _page(request, token, respondent, message, intake, again)


@router.post("/r/{token}/wijzig")
async def change(request: Request, token: str) -> Response:
    form = await _form(request, token)
    key = str(form.get("step", ""))
    with app_state(request).db.writing() as s:
        respondent = _find(s, token)
        if not respondent.measurement.round_closed and key in dict(respondent.progress.get("answers", [])):
            respondent.progress = revisit(respondent.progress, key)
    return RedirectResponse(f"/r/{token}", status_code=303)


__all__ = [
    "GONE",
    "change",
    "questionnaire",
    "respond",
    "router",
]
