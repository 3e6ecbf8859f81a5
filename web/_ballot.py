"""Meeting mode on the phones: ``/s/{code}`` joins a meeting without an account (a form whose CSRF token is an
HMAC of the code's digest), ``/s/stem/{token}`` is the participant's own ballot. A vote replaces the phone's
earlier one in one write transaction and is acknowledged only after the commit (see :mod:`._session`)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from ._context import app_state, in_words, page
from ._models import Meeting, Participant, Vote
from ._security import digest, new_token, now, same, signed
from ._session import EXPIRED_FORM, FULL, GONE, MAX_STEP_CHARS, normal_code, participant_count

router = APIRouter()


def _meeting_by_code(session: Session, code: str, *, lock: bool = False) -> Meeting:
    query = select(Meeting).where(Meeting.code_hash == digest(normal_code(code)), Meeting.state != "klaar")
    found = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise HTTPException(404, GONE)
    return found


def _participant(session: Session, token: str, *, share: bool = False) -> tuple[Participant, Meeting]:
    found = session.scalar(select(Participant).where(Participant.token_hash == digest(token)))
    if found is None:
        raise HTTPException(404, GONE)
    query = select(Meeting).where(Meeting.id == found.meeting_id, Meeting.state != "klaar")
    meeting = session.scalar(query.with_for_update(read=True) if share else query)
    if meeting is None:
        raise HTTPException(404, GONE)
    return found, meeting


def _checked(secret: str, form: FormData, value: str) -> None:
    sent = form.get("csrf_token")
    if not isinstance(sent, str) or not same(sent, signed(secret, value)):
        raise HTTPException(403, EXPIRED_FORM)


@router.get("/s/{code}")
def join_page(request: Request, code: str) -> Response:
    state = app_state(request)
    with state.db.reading() as s:
        meeting = _meeting_by_code(s, code)
        closed = meeting.state != "stemmen"
    csrf = signed(state.db.secret, "deelnemen:" + digest(normal_code(code)))
    return page(request, "session_join.html", code=normal_code(code), csrf=csrf, closed=closed)


@router.post("/s/{code}")
async def join(request: Request, code: str) -> Response:
    form = await request.form()
    state = app_state(request)
    _checked(state.db.secret, form, "deelnemen:" + digest(normal_code(code)))
    return await run_in_threadpool(_join, request, code)


def _join(request: Request, code: str) -> Response:
    token = new_token()
    with app_state(request).db.writing() as s:
        meeting = _meeting_by_code(s, code, lock=True)  # joins take turns: the bound holds
        if meeting.state != "stemmen":
            raise HTTPException(409, "De stemming is al gesloten; meedoen kan niet meer.")
        if participant_count(s, meeting) >= meeting.max_participants:
            raise HTTPException(409, FULL.format(n=_words(meeting.max_participants)))
        s.add(Participant(meeting_id=meeting.id, token_hash=digest(token), joined_at=now()))
    return RedirectResponse(f"/s/stem/{token}", status_code=303)


def _ballot_page(request: Request, token: str, message: str = "", saved: bool = False, status: int = 200) -> Response:
    state = app_state(request)
    with state.db.reading() as s:
        participant, meeting = _participant(s, token)
        mine = {v.intervention: v for v in s.scalars(select(Vote).where(Vote.participant_id == participant.id))}
        rows = [
            {"id": i["id"], "title": i["title"], "votes": mine[i["id"]].votes if i["id"] in mine else 0,
             "owner": (mine[i["id"]].owner or "") if i["id"] in mine else "",
             "step": (mine[i["id"]].first_step or "") if i["id"] in mine else ""}
            for i in meeting.ballot["interventions"]
        ]  # fmt: skip
        return page(
            request, "session_vote.html", status, rows=rows, partners=meeting.ballot["partners"],
            votes_each=meeting.votes_each, closed=meeting.state != "stemmen", message=message, saved=saved,
            csrf=signed(state.db.secret, "stem:" + digest(token)), action=f"/s/stem/{token}",
            used=sum(r["votes"] for r in rows),
        )  # fmt: skip


@router.get("/s/stem/{token}")
def ballot(request: Request, token: str) -> Response:
    return _ballot_page(request, token)


@router.post("/s/stem/{token}")
async def vote(request: Request, token: str) -> Response:
    form = await request.form()
    _checked(app_state(request).db.secret, form, "stem:" + digest(token))
    return await run_in_threadpool(_vote, request, token, form)


def _vote(request: Request, token: str, form: FormData) -> Response:
    """Replace this participant's ballot; answered only after the transaction is committed."""
    with app_state(request).db.reading() as s:
        _, meeting = _participant(s, token)
        ids = [i["id"] for i in meeting.ballot["interventions"]]
        partners, votes_each = meeting.ballot["partners"], meeting.votes_each
    ballot: list[tuple[str, int, str | None, str | None]] = []
    for n, intervention in enumerate(ids):
        raw = str(form.get(f"stemmen-{n}", "0")).strip() or "0"
        if not raw.isdigit() or int(raw) > votes_each:
            return _ballot_page(request, token, "Kies per interventie een aantal stemmen uit de lijst.", status=422)
        owner = str(form.get(f"eigenaar-{n}", "")).strip() or None
        if owner is not None and owner not in partners:
            owner = None
        step = str(form.get(f"stap-{n}", "")).strip()[:MAX_STEP_CHARS] or None
        if int(raw) or owner or step:
            ballot.append((intervention, int(raw), owner, step))
    used = sum(b[1] for b in ballot)
    if used > votes_each:
        message = f"U hebt {_words(votes_each)} stemmen; u verdeelde er {_words(used)}. Haal er een paar weg."
        return _ballot_page(request, token, message, status=422)
    with app_state(request).db.writing() as s:
        participant, meeting = _participant(s, token, share=True)
        if meeting.state != "stemmen":
            return _ballot_page(
                request, token, "De stemming is gesloten; uw keuze kon niet meer worden bewaard.", status=409
            )
        s.execute(delete(Vote).where(Vote.participant_id == participant.id))
        for intervention, n, owner, step in ballot:
            s.add(Vote(participant_id=participant.id, intervention=intervention, votes=n, owner=owner, first_step=step))
    # The transaction is committed: only now is the vote acknowledged.
    return _ballot_page(request, token, saved=True)


def _words(n: int) -> str:
    return in_words(n)


__all__ = ["ballot", "join", "join_page", "router", "vote"]
