"""The agenda the partners fixed in a meeting (:mod:`._session`), as a product: its page, a Word document in
the letter's house style, an iCalendar file of the action dates, JSON for integrators; and its follow-up at the
next measurement (done, partly, not; each condition's band before and after beside the actions that served it).
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, object_session

from samenwerkwijzer import Advice

from ._api_v1 import api_key
from ._auth import Advisor, CheckedForm
from ._cases import case_of
from ._context import advice_for, app_state, in_words, page
from ._mail import dutch_date
from ._models import ActionReview, AgendaAction, Measurement, Meeting
from ._owned import Id, owned_measurement
from ._problems import ApiProblem
from ._progress import band_sentence, follow_up

router = APIRouter()
api_router = APIRouter(prefix="/api/v1", dependencies=[Depends(api_key)])

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STATUSES = {"gedaan": "gedaan", "deels": "deels gedaan", "niet": "niet gedaan"}


def actions_of(session: Session, measurement_id: int) -> list[AgendaAction]:
    return list(
        session.scalars(
            select(AgendaAction).where(AgendaAction.measurement_id == measurement_id).order_by(AgendaAction.position)
        )
    )


def previous_with_agenda(session: Session, measurement: Measurement) -> Measurement | None:
    """The latest earlier measurement of the same collaboration that has an agenda."""
    for earlier in sorted(measurement.collaboration.measurements, key=lambda m: -m.number):
        if earlier.number < measurement.number and actions_of(session, earlier.id):
            return earlier
    return None


def agenda_context(session: Session, measurement: Measurement) -> dict[str, Any]:
    """What the result page shows of agendas: this measurement's, and whether an earlier one waits for review."""
    earlier = previous_with_agenda(session, measurement)
    return {"agenda": actions_of(session, measurement.id), "earlier_agenda": earlier.number if earlier else None}


def agenda_export(measurement: Measurement) -> list[dict[str, Any]]:
    """The measurement's agenda for the export of everything stored (with its review, when there is one)."""
    session = object_session(measurement)
    if session is None:
        return []
    actions = actions_of(session, measurement.id)
    reviews = {
        r.action_id: r
        for r in session.scalars(select(ActionReview).where(ActionReview.action_id.in_([a.id for a in actions])))
    }
    return [
        {
            "actie": a.action,
            "interventie": a.intervention_title,
            "eigenaar": a.owner,
            "datum": a.due.isoformat(),
            "waaraan_merken_we_het": a.success,
            **({"opvolging": reviews[a.id].status, "toelichting": reviews[a.id].note} if a.id in reviews else {}),
        }
        for a in actions
    ]


def remove_agenda_rows(session: Session, measurement_ids: Any) -> None:
    """Every meeting, agenda and review row of the measurements (``measurement_ids``: a list or a subquery)."""
    from ._models import Participant, Vote

    meetings = select(Meeting.id).where(Meeting.measurement_id.in_(measurement_ids)).scalar_subquery()
    participants = select(Participant.id).where(Participant.meeting_id.in_(meetings)).scalar_subquery()
    actions = select(AgendaAction.id).where(AgendaAction.measurement_id.in_(measurement_ids)).scalar_subquery()
    session.execute(delete(Vote).where(Vote.participant_id.in_(participants)))
    session.execute(delete(Participant).where(Participant.meeting_id.in_(meetings)))
    session.execute(delete(Meeting).where(Meeting.measurement_id.in_(measurement_ids)))
    session.execute(delete(ActionReview).where(ActionReview.action_id.in_(actions)))
    session.execute(delete(ActionReview).where(ActionReview.measurement_id.in_(measurement_ids)))
    session.execute(delete(AgendaAction).where(AgendaAction.measurement_id.in_(measurement_ids)))


# --- the page and the files ---------------------------------------------------------------------------------------


@router.get("/metingen/{mid}/agenda")
def agenda_page(request: Request, mid: Id, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        actions = actions_of(s, mid)
        return page(request, "agenda.html", m=measurement, actions=actions, dutch_date=dutch_date)


def _file_stem(name: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in name).strip("-")[:50] or "agenda"


def agenda_docx(advice: Advice, name: str, actions: list[AgendaAction]) -> bytes:
    """The agenda as Word, in the letter's house style: the library's Word letter is the template (its styles,
    letterhead, page layout), its body replaced by the agenda."""
    import docx  # python-docx and the Word letter load when an agenda is downloaded, not at every server start

    from samenwerkwijzer import render_docx

    document = docx.Document(io.BytesIO(render_docx(advice)))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    document.add_paragraph(f"Verbeteragenda {name}", style="Title")
    fixed = actions[0].fixed_at.date() if actions else date.today()
    document.add_paragraph(
        f"Op {dutch_date(fixed)} kozen de partners samen {in_words(len(actions))} acties uit het advies. "
        "De agenda is geen blauwdruk: bij de volgende meting kijkt u samen wat er gedaan is en wat het opleverde."
    )
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid" if "Table Grid" in [s.name for s in document.styles] else table.style
    for cell, text in zip(table.rows[0].cells, ("Actie", "Eigenaar", "Wanneer", "Waaraan merken we het?"), strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for a in actions:
        row = table.add_row().cells
        for cell, text in zip(row, (a.action, a.owner, dutch_date(a.due), a.success), strict=True):
            cell.text = text
    for a in actions:
        document.add_heading(f"{a.position}. {a.action}", level=1)
        document.add_paragraph(f"Uit het advies: {a.intervention_title}.")
        document.add_paragraph(f"Eigenaar: {a.owner}. Klaar op {dutch_date(a.due)}.")
        document.add_paragraph(f"Waaraan merken we het? {a.success}")
    document.core_properties.title = f"Verbeteragenda {name}"[:255]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _ics_text(text: str) -> str:
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines of at most 75 octets, continued after CRLF and a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += ch
        size += n
    parts.append(current)
    return "\r\n ".join(parts)


def agenda_ics(mid: int, name: str, actions: list[AgendaAction]) -> str:
    """The action dates as an iCalendar file (RFC 5545): one all-day event per action."""
    stamp = (actions[0].fixed_at if actions else datetime.now(UTC).replace(tzinfo=None)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samenwerkwijzer//Verbeteragenda//NL", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_ics_text('Verbeteragenda ' + name)}"]  # fmt: skip
    for a in actions:
        about = f"Eigenaar: {a.owner}. Uit het advies: {a.intervention_title}. Waaraan merken we het? {a.success}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:agenda-{mid}-{a.position}-{stamp}@samenwerkwijzer",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{a.due.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(a.due + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(a.action)}",
            f"DESCRIPTION:{_ics_text(about)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


@router.get("/metingen/{mid}/agenda.{fmt}")
def agenda_download(request: Request, mid: Id, fmt: str, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        actions = actions_of(s, mid)
        name = measurement.collaboration.name
        advice = (
            advice_for(request, case_of(measurement, app_state(request).min_respondents), user)
            if fmt == "docx"
            else None
        )
    if not actions:
        return page(request, "error.html", 404, message="Deze meting heeft nog geen agenda.")
    stem = _file_stem(name) + "-agenda"
    if fmt == "docx" and advice is not None:
        body: str | bytes = agenda_docx(advice, name, actions)
        media = DOCX
    elif fmt == "ics":
        body, media = agenda_ics(mid, name, actions), "text/calendar; charset=utf-8"
    else:
        return page(request, "error.html", 404, message="Dit formaat is er niet.")
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


# --- the follow-up at the next measurement ------------------------------------------------------------------------


@router.get("/metingen/{mid}/opvolging")
def follow_up_page(request: Request, mid: Id, user: Advisor, message: str = "") -> Response:
    state = app_state(request)
    with state.db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        earlier = previous_with_agenda(s, measurement)
        if earlier is None:
            return page(request, "agenda_follow_up.html", m=measurement, earlier=None, rows=[], verloop=[])
        actions = actions_of(s, earlier.id)
        reviews = {
            r.action_id: r
            for r in s.scalars(select(ActionReview).where(ActionReview.action_id.in_([a.id for a in actions])))
        }
        before = advice_for(request, case_of(earlier, state.min_respondents), user)
        after = advice_for(request, case_of(measurement, state.min_respondents), user)
        return page(
            request, "agenda_follow_up.html", m=measurement, earlier=earlier, actions=actions, reviews=reviews,
            statuses=STATUSES, verloop=follow_up(before, after, actions, reviews), dutch_date=dutch_date,
        )  # fmt: skip


@router.post("/metingen/{mid}/opvolging")
def save_follow_up(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    with app_state(request).db.writing() as s:
        measurement = owned_measurement(s, mid, user)
        earlier = previous_with_agenda(s, measurement)
        if earlier is not None:
            for a in actions_of(s, earlier.id):
                status = str(form.get(f"status-{a.id}", ""))
                note = str(form.get(f"toelichting-{a.id}", "")).strip()[:300]
                if status not in STATUSES:
                    continue
                found = s.scalar(select(ActionReview).where(ActionReview.action_id == a.id))
                if found is None:
                    s.add(ActionReview(measurement_id=mid, action_id=a.id, status=status, note=note))
                else:
                    found.status, found.note, found.measurement_id = status, note, mid
    return RedirectResponse(f"/metingen/{mid}/opvolging", status_code=303)


# --- for integrators ----------------------------------------------------------------------------------------------


class AgendaItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    position: int = Field(ge=1, le=5)
    intervention: str = Field(description="The id of the advice's intervention the action comes from.")
    intervention_title: str
    action: str
    owner: str = Field(description="The partner who owns the action.")
    due: date
    success: str = Field(description="Dutch: how the partners will notice it works (waaraan merken we het?).")
    conditions: list[str] = Field(description="The conditions the intervention served in the advice (ids).")
    review: Literal["gedaan", "deels", "niet"] | None = Field(
        default=None, description="At a later measurement: done, partly, not (null: not reviewed yet)."
    )
    review_note: str | None = None


class Agenda(BaseModel):
    """The improvement agenda the partners fixed for a measurement."""

    model_config = ConfigDict(extra="forbid")
    schema_version: Literal["1.0"] = "1.0"
    measurement: int = Field(description="The measurement's number within its collaboration.")
    collaboration: str
    fixed_at: datetime | None
    actions: list[AgendaItem]


@api_router.get("/metingen/{mid}/agenda")
def api_agenda(request: Request, mid: Id) -> Response:
    with app_state(request).db.reading() as s:
        measurement = s.get(Measurement, mid)
        if measurement is None:
            raise ApiProblem("niet-gevonden", "Deze meting bestaat niet.")
        actions = actions_of(s, mid)
        reviews = {
            r.action_id: r
            for r in s.scalars(select(ActionReview).where(ActionReview.action_id.in_([a.id for a in actions])))
        }
        agenda = Agenda(
            measurement=measurement.number, collaboration=measurement.collaboration.name,
            fixed_at=actions[0].fixed_at if actions else None,
            actions=[
                AgendaItem(position=a.position, intervention=a.intervention, intervention_title=a.intervention_title,
                           action=a.action, owner=a.owner, due=a.due, success=a.success, conditions=a.conditions,
                           review=reviews[a.id].status if a.id in reviews else None,  # type: ignore[arg-type]
                           review_note=reviews[a.id].note if a.id in reviews else None)
                for a in actions
            ],
        )  # fmt: skip
    return Response(agenda.model_dump_json(indent=2) + "\n", media_type="application/json")


@api_router.get("/schema/agenda")
def api_schema_agenda() -> Response:
    import json

    return Response(
        json.dumps(Agenda.model_json_schema(), ensure_ascii=False, indent=2) + "\n", media_type="application/json"
    )


__all__ = [
    "Agenda",
    "AgendaItem",
    "agenda_context",
    "agenda_export",
    "agenda_docx",
    "agenda_ics",
    "api_router",
    "band_sentence",
    "follow_up",
    "remove_agenda_rows",
    "router",
]
