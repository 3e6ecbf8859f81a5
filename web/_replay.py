"""The classroom replays a finished meeting as a story (issue 26): ``/les/sessies`` lists the trainer's meetings
that ended, ``/les/sessie/{id}?stap=N`` tells one in four steps: the picture the partners saw (the profile and the
interventions on the ballot), the vote (the totals only: who voted what was never kept), the agenda they fixed,
and the follow-up at the next measurement (done, partly, not; each condition before and after).

Nothing here is new data: the meeting's totals, the agenda and its reviews are what :mod:`._session`,
:mod:`._agenda` and the follow-up stored. A meeting of another advisor answers 404, as every measurement does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from samenwerkwijzer import Advice, CaseError

from ._agenda import STATUSES, actions_of
from ._auth import Advisor
from ._cases import case_of
from ._context import advice_for, app_state, page
from ._mail import dutch_date
from ._models import ActionReview, AgendaAction, Collaboration, Measurement, Meeting
from ._owned import Id
from ._progress import NOT_ASSESSED, ConditionMove, condition_moves
from ._results import bands_shown

router = APIRouter()
STEPS = ("Het beeld", "De stemming", "De keuze", "De opvolging")
GONE = "Deze sessie bestaat niet, of is nog niet afgerond."


@dataclass
class Replay:
    """What the story of one finished meeting shows; never who voted what (that was never kept)."""

    meeting_id: int
    name: str
    number: int
    held_on: str
    profile: list[tuple[str, str]]  # condition title, band or status
    by_band: bool
    ballot: list[tuple[str, int]]  # intervention title, votes (most votes first)
    order: list[str]  # the ballot's titles in the advice's order
    people: int
    cast: int
    votes_each: int
    actions: list[AgendaAction] = field(default_factory=list)
    reviews: dict[int, ActionReview] = field(default_factory=dict)
    later: int | None = None  # the number of the measurement that reviewed the agenda
    moves: list[ConditionMove] = field(default_factory=list)


def finished_meetings(session: Session, user: int) -> list[tuple[int, str, int, str]]:
    """The advisor's meetings that ended, newest first: id, collaboration, measurement number, date."""
    rows = session.execute(
        select(Meeting.id, Collaboration.name, Measurement.number, Meeting.closed_at)
        .join(Measurement, Meeting.measurement_id == Measurement.id)
        .join(Collaboration)
        .where(Collaboration.owner_id == user, Meeting.state == "klaar")
        .order_by(Meeting.closed_at.desc(), Meeting.id.desc())
    ).all()
    return [(mid, name, number, dutch_date(closed.date()) if closed else "") for mid, name, number, closed in rows]


def _advice(request: Request, measurement: Measurement, user: int) -> Advice | None:
    try:
        return advice_for(request, case_of(measurement, app_state(request).min_respondents), user)
    except CaseError:
        return None


def _assessed(advice: Advice) -> bool:
    """Whether any condition has a band (else the conditions' status tells more)."""
    return any(b.band != NOT_ASSESSED for b in advice.profile)


def replay(request: Request, session: Session, meeting_id: int, user: int) -> Replay:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.state != "klaar" or meeting.totals is None:
        raise HTTPException(404, GONE)
    measurement = session.get(Measurement, meeting.measurement_id)
    if measurement is None or measurement.collaboration.owner_id != user:
        raise HTTPException(404, GONE)
    minimum = app_state(request).min_respondents
    advice = _advice(request, measurement, user)
    by_band = advice is not None and bands_shown(advice, minimum) and _assessed(advice)
    profile: list[tuple[str, str]] = []
    if advice is not None:
        profile = [(b.title, b.band) for b in advice.profile] if by_band else [
            (c.title, c.status) for c in advice.conditions]  # fmt: skip
    votes = {k: int(v) for k, v in meeting.totals.get("votes", {}).items()}
    ballot = sorted(((i["title"], votes.get(i["id"], 0)) for i in meeting.ballot["interventions"]),
                    key=lambda row: -row[1])  # fmt: skip
    held = meeting.closed_at or meeting.created_at
    story = Replay(
        meeting.id, measurement.collaboration.name, measurement.number, dutch_date(held.date()), profile, by_band,
        ballot, [i["title"] for i in meeting.ballot["interventions"]], int(meeting.totals.get("people", 0)),
        sum(votes.values()), meeting.votes_each,
    )  # fmt: skip
    story.actions = actions_of(session, measurement.id)
    found = session.scalars(select(ActionReview).where(ActionReview.action_id.in_([a.id for a in story.actions])))
    story.reviews = {r.action_id: r for r in found}
    reviewed_in = {r.measurement_id for r in story.reviews.values()}
    later = max((m for m in measurement.collaboration.measurements if m.id in reviewed_in), key=lambda m: m.number,
                default=None)  # fmt: skip
    if later is not None and advice is not None:
        after = _advice(request, later, user)
        story.later = later.number
        if after is not None:
            story.moves = condition_moves(
                advice, after, story.actions, story.reviews,
                by_band=by_band and bands_shown(after, minimum) and _assessed(after), served_only=True,
            )  # fmt: skip
    return story


@router.get("/les/sessies")
def finished_sessions(request: Request, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        rows = finished_meetings(s, user)
    return page(request, "les_sessies.html", rows=rows)


@router.get("/les/sessie/{meeting_id}")
def session_story(request: Request, meeting_id: Id, user: Advisor, stap: str = "1") -> Response:
    number = min(max(int(stap) if stap.isdigit() and len(stap) < 3 else 1, 1), len(STEPS))
    presenting = request.query_params.get("presentatie") == "ja"
    with app_state(request).db.reading() as s:
        story = replay(request, s, meeting_id, user)
        context: dict[str, Any] = {"story": story, "step": number, "steps": STEPS, "statuses": STATUSES,
                                   "dutch_date": dutch_date, "presenting": presenting}  # fmt: skip
        return page(request, "les_sessie.html", **context)


__all__ = ["STEPS", "Replay", "finished_meetings", "finished_sessions", "replay", "router", "session_story"]
