"""Meeting mode: the partners look at the result together and choose what to do first.

The advisor opens a meeting on a measurement (``/metingen/{id}/sessie``): a presenter view for the projector
(the profile in bands, where the partners differ, the top interventions with why and first steps, keyboard
navigation by ``static/sessie.js``) and a short join code with its QR code. A phone opens ``/s/{code}``, joins
without an account and gets a link of its own (``/s/stem/{token}``); it spreads a few votes over the
interventions and may propose an owner and a first step. The presenter view polls the totals every two seconds
(htmx), never who voted what. The presenter closes the vote and fixes the agenda (:mod:`._agenda`); the meeting
then ends: the code and the phones' links stop working and only the totals are kept.

The code is eight characters from an alphabet without look-alikes (about 40 bits); only its SHA-256 is stored,
so the presenter view carries it in its own address. Each vote is answered only after its transaction is
committed (SQLite: WAL with synced commits; PostgreSQL: the meeting row locked for share, so that closing the
vote waits for the ballots being stored).
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

import segno
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from samenwerkwijzer import Advice

from ._auth import Advisor, CheckedForm
from ._cases import case_of
from ._checks import text_problem
from ._context import advice_for, app_state, base_url, page
from ._models import AgendaAction, Measurement, Meeting, Participant, Vote
from ._owned import Id, owned_measurement
from ._security import digest, now

router = APIRouter()
# The phones' pages (join by code, the ballot) are in :mod:`._ballot`.

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed on a phone without doubt
CODE_LENGTH = 8
VOTES_EACH = 3  # the votes each participant spreads (the advisor may choose one to five when opening)
MAX_PARTICIPANTS = 50  # phones per meeting unless serve --session-participants says otherwise
BALLOT_SIZE = 5  # the top interventions on the ballot
MIN_ACTIONS, MAX_ACTIONS = 3, 5
MAX_STEP_CHARS = 300
GONE = "Deze sessie is afgelopen of de code klopt niet. Vraag de adviseur om de code op het scherm."
FULL = (
    "Deze sessie is vol: er doen al {n} deelnemers mee. Kijk mee op het scherm of op de telefoon van iemand naast u; "
    "de adviseur kan de grens hoger zetten voor een volgende sessie."
)
EXPIRED_FORM = "Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw."


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str) -> str:
    """The code as typed: case and spaces or dashes do not matter."""
    return "".join(c for c in text.upper() if c.isalnum())


def open_meeting(session: Session, measurement_id: int) -> Meeting | None:
    """The measurement's meeting that has not ended (at most one)."""
    return session.scalar(
        select(Meeting)
        .where(Meeting.measurement_id == measurement_id, Meeting.state != "klaar")
        .order_by(Meeting.id.desc())
        .limit(1)
    )


def qr_svg(url: str) -> Markup:
    """The QR code of ``url`` as inline SVG (no style attribute: the CSP allows none)."""
    svg = segno.make(url, error="m").svg_inline(scale=10, omitsize=True, dark="#000000", light="#ffffff")
    svg = svg.replace("<svg ", '<svg role="img" aria-label="QR-code om mee te doen" ', 1)
    return Markup(svg)  # noqa: S704 - segno's own markup of a URL this server made


def conditions_served(advice: Advice, intervention_id: str) -> list[str]:
    """The conditions (ids) whose findings the intervention serves in ``advice``."""
    found = {f.id: f.condition for f in advice.findings}
    for i in advice.interventions:
        if i.id == intervention_id:
            return sorted({found[fid] for r in i.reasons for fid in r.findings if fid in found})
    return []


def why_of(advice: Advice, intervention_id: str) -> list[str]:
    """Why an intervention is advised, in the letter's sentences (its *Waarom nu*), else what placed it."""
    if advice.letter is not None and advice.letter.why.get(intervention_id):
        return [s.text for s in advice.letter.why[intervention_id]]
    for i in advice.interventions:
        if i.id == intervention_id:
            return [i.placed_by] if i.placed_by else sorted({r.rule_title for r in i.reasons})
    return []


def totals(session: Session, meeting: Meeting) -> dict[str, int]:
    """Votes per intervention, summed over every participant (nothing about who)."""
    if meeting.totals is not None:
        return {k: int(v) for k, v in meeting.totals.get("votes", {}).items()}
    rows = session.execute(
        select(Vote.intervention, func.sum(Vote.votes))
        .join(Participant)
        .where(Participant.meeting_id == meeting.id)
        .group_by(Vote.intervention)
    ).all()
    return {intervention: int(n or 0) for intervention, n in rows}


def proposals(session: Session, meeting: Meeting) -> dict[str, dict[str, Any]]:
    """Per intervention the owners proposed (with how often) and the first steps proposed, without who."""
    out: dict[str, dict[str, Any]] = {}
    rows = session.execute(
        select(Vote.intervention, Vote.owner, Vote.first_step)
        .join(Participant)
        .where(Participant.meeting_id == meeting.id)
        .order_by(Vote.intervention, Vote.first_step)
    ).all()
    for intervention, owner, step in rows:
        entry = out.setdefault(intervention, {"owners": {}, "steps": []})
        if owner:
            entry["owners"][owner] = entry["owners"].get(owner, 0) + 1
        if step and step not in entry["steps"]:
            entry["steps"].append(step)
    return out


def participant_count(session: Session, meeting: Meeting) -> int:
    return (
        session.scalar(select(func.count()).select_from(Participant).where(Participant.meeting_id == meeting.id)) or 0
    )


# --- the presenter (the advisor's pages) -------------------------------------------------------------------


def _advice(request: Request, measurement: Measurement, user: int) -> Advice:
    return advice_for(request, case_of(measurement, app_state(request).min_respondents), user)


def _presenter(
    request: Request, mid: int, user: int, code: str | None, message: str = "", status: int = 200
) -> Response:
    state = app_state(request)
    with state.db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        advice = _advice(request, measurement, user)
        case = case_of(measurement, state.min_respondents)
        shown = len(case.respondents) >= state.min_respondents
        meeting = open_meeting(s, mid)
        if meeting is not None and (code is None or digest(normal_code(code)) != meeting.code_hash):
            code = None  # the code is only known to the address that opened the meeting
        stand = _stand(s, meeting) if meeting is not None else None
        agenda = s.scalars(select(AgendaAction).where(AgendaAction.measurement_id == mid)).all()
        top = advice.interventions[:BALLOT_SIZE]
        join = f"{base_url(request)}/s/{code}" if code else None
        differ = [st for st in advice.statements if st.differ] if shown else []
        return page(
            request, "session_presenter.html", status, m=measurement, advice=advice, top=top,
            why={i.id: why_of(advice, i.id) for i in top}, differ=differ,
            divergences=_divergences(advice) if shown else [], meeting=meeting, code=code, join=join,
            qr=qr_svg(join) if join else None, stand=stand, has_agenda=bool(agenda), message=message,
            votes_each=VOTES_EACH, choices=_agenda_choices(advice, stand),
            partners=[p.name for p in advice.case.partners], min_actions=MIN_ACTIONS, max_actions=MAX_ACTIONS,
            default_due=(date.today() + timedelta(weeks=6)).isoformat(),
        )  # fmt: skip


def _divergences(advice: Advice) -> list[tuple[str, list[tuple[str, int]]]]:
    """Per divergence its label and how many respondents gave each answer (never who)."""
    out = []
    for d in advice.divergences:
        counts: dict[str, int] = {}
        for v in d.views:
            value = v.value
            items = [x.strip() for x in value[1:-1].split(",") if x.strip()] if value.startswith("[") else [value]
            for item in items:
                counts[item.replace("_", " ")] = counts.get(item.replace("_", " "), 0) + v.count
        out.append((d.label, [(k, n) for k, n in counts.items() if n > 0]))
    return out


def _stand(session: Session, meeting: Meeting) -> dict[str, Any]:
    found = totals(session, meeting)
    rows = [(i["id"], i["title"], found.get(i["id"], 0)) for i in meeting.ballot["interventions"]]
    return {
        "state": meeting.state,
        "rows": rows,
        "most": max([n for _, _, n in rows] + [1]),
        "participants": participant_count(session, meeting) if meeting.totals is None else meeting.totals["people"],
        "cast": sum(n for _, _, n in rows),
        "proposals": proposals(session, meeting),
    }


def _agenda_choices(advice: Advice, stand: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The rows the agenda form starts with: the interventions by votes (then rank), each with the owner most
    proposed and the first step proposed first (or the advice's own)."""
    votes = {i: n for i, _, n in stand["rows"]} if stand else {}
    extra = stand["proposals"] if stand else {}
    ranked = sorted(advice.interventions[:BALLOT_SIZE], key=lambda i: (-votes.get(i.id, 0), i.rank))
    rows = []
    for i in ranked:
        owners = extra.get(i.id, {}).get("owners", {})
        owner = max(sorted(owners), key=lambda o: owners[o]) if owners else ""
        steps = extra.get(i.id, {}).get("steps", [])
        rows.append({"id": i.id, "title": i.title, "votes": votes.get(i.id, 0), "owner": owner,
                     "step": steps[0] if steps else (i.first_steps[0] if i.first_steps else i.title)})  # fmt: skip
    return rows


@router.get("/metingen/{mid}/sessie")
def presenter(request: Request, mid: Id, user: Advisor, code: str | None = None) -> Response:
    return _presenter(request, mid, user, code)


@router.post("/metingen/{mid}/sessie")
def open_session(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """Open a meeting (or give the open one a new code: the old code stops working, joined phones go on)."""
    raw = str(form.get("votes", VOTES_EACH))
    votes_each = int(raw) if raw.isdigit() and 1 <= int(raw) <= 5 else VOTES_EACH
    code = new_code()
    with app_state(request).db.writing() as s:
        measurement = owned_measurement(s, mid, user)
        meeting = open_meeting(s, mid)
        if meeting is not None:
            meeting.code_hash = digest(code)
        else:
            advice = _advice(request, measurement, user)
            ballot = {
                "interventions": [{"id": i.id, "title": i.title} for i in advice.interventions[:BALLOT_SIZE]],
                "partners": [p.name for p in advice.case.partners],
            }
            bound = app_state(request).session_participants
            s.add(Meeting(measurement_id=mid, code_hash=digest(code), state="stemmen", votes_each=votes_each,
                          max_participants=bound, ballot=ballot, created_at=now()))  # fmt: skip
    return RedirectResponse(f"/metingen/{mid}/sessie?code={code}#dia-kiezen", status_code=303)


@router.get("/metingen/{mid}/sessie/stand")
def stand(request: Request, mid: Id, user: Advisor) -> Response:
    """The totals for the presenter view, polled by htmx every two seconds while the vote is open."""
    with app_state(request).db.reading() as s:
        owned_measurement(s, mid, user)
        meeting = open_meeting(s, mid)
        if meeting is None:
            return Response(status_code=204)
        return page(request, "session_stand.html", m_id=mid, stand=_stand(s, meeting))


@router.post("/metingen/{mid}/sessie/sluiten")
def close_vote(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    with app_state(request).db.writing() as s:
        owned_measurement(s, mid, user)
        meeting = s.scalar(
            select(Meeting).where(Meeting.measurement_id == mid, Meeting.state == "stemmen").with_for_update()
        )
        if meeting is not None:
            meeting.state = "kiezen"
    code = str(form.get("code", ""))
    return RedirectResponse(f"/metingen/{mid}/sessie?code={normal_code(code)}#agenda-vastleggen", status_code=303)


@router.post("/metingen/{mid}/sessie/agenda")
def fix_agenda(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """Fix three to five actions; the meeting ends (the ballots go, their totals stay)."""
    code = str(form.get("code", ""))
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        advice = _advice(request, measurement, user)
    titles = {i.id: i.title for i in advice.interventions}
    partners = [p.name for p in advice.case.partners]
    actions, problems = [], []
    for n in range(1, MAX_ACTIONS + 1):
        chosen = str(form.get(f"interventie-{n}", "")).strip()
        if not chosen:
            continue
        action = str(form.get(f"actie-{n}", "")).strip()
        owner = str(form.get(f"eigenaar-{n}", "")).strip()
        due_text = str(form.get(f"datum-{n}", "")).strip()
        success = str(form.get(f"succes-{n}", "")).strip()
        if chosen not in titles:
            problems.append(f"Actie {n}: kies een interventie uit het advies.")
            continue
        if owner not in partners:
            problems.append(f"Actie {n}: kies een eigenaar uit de partners.")
        try:
            due = date.fromisoformat(due_text)
        except ValueError:
            problems.append(f"Actie {n}: geef een datum (dag, maand en jaar).")
            due = date.today()
        if not action or not success:
            problems.append(f"Actie {n}: beschrijf de actie en waaraan u merkt dat ze werkt.")
        for label, text in (("De actie", action), ("Waaraan merken we het", success)):
            problem = text_problem(label, text, MAX_STEP_CHARS) if text else None
            if problem:
                problems.append(f"Actie {n}: {problem}")
        actions.append((chosen, action, owner, due, success))
    if not MIN_ACTIONS <= len(actions) <= MAX_ACTIONS:
        problems.insert(0, f"Leg {MIN_ACTIONS} tot {MAX_ACTIONS} acties vast; nu zijn het er {len(actions)}.")
    if problems:
        return _presenter(request, mid, user, code, " ".join(problems), 422)
    moment = now()
    with app_state(request).db.writing() as s:
        owned_measurement(s, mid, user)
        meeting = s.scalar(
            select(Meeting).where(Meeting.measurement_id == mid, Meeting.state != "klaar").with_for_update()
        )
        s.execute(delete(AgendaAction).where(AgendaAction.measurement_id == mid))
        for position, (chosen, action, owner, due, success) in enumerate(actions, start=1):
            s.add(AgendaAction(
                measurement_id=mid, position=position, intervention=chosen, intervention_title=titles[chosen],
                conditions=conditions_served(advice, chosen), action=action, owner=owner, due=due, success=success,
                fixed_at=moment,
            ))  # fmt: skip
        if meeting is not None:
            end_meeting(s, meeting)
    return RedirectResponse(f"/metingen/{mid}/agenda", status_code=303)


def end_meeting(session: Session, meeting: Meeting) -> None:
    """The meeting ends: its totals are kept, every ballot and participant goes, the code opens nothing."""
    meeting.totals = {"votes": totals(session, meeting), "people": participant_count(session, meeting)}
    participants = select(Participant.id).where(Participant.meeting_id == meeting.id).scalar_subquery()
    session.execute(delete(Vote).where(Vote.participant_id.in_(participants)))
    session.execute(delete(Participant).where(Participant.meeting_id == meeting.id))
    meeting.state = "klaar"
    meeting.closed_at = now()


__all__ = [
    "ALPHABET",
    "CODE_LENGTH",
    "MAX_PARTICIPANTS",
    "VOTES_EACH",
    "close_vote",
    "conditions_served",
    "end_meeting",
    "fix_agenda",
    "new_code",
    "normal_code",
    "open_meeting",
    "open_session",
    "presenter",
    "qr_svg",
    "router",
    "stand",
    "why_of",
]
