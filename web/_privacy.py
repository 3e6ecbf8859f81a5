"""The AVG (GDPR): the privacy page, deleting a collaboration, a measurement or a respondent's answers (each
after a confirmation, every row gone), the retention period (``serve --purge``), and an export of everything
stored about a collaboration."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import delete, select

from ._agenda import agenda_export, remove_agenda_rows
from ._auth import Advisor, CheckedForm
from ._cases import anonymised
from ._context import app_state, page
from ._db import Database
from ._models import Collaboration, LoginFailure, Measurement, Respondent, WebSession
from ._owned import Id, owned_collaboration, owned_measurement
from ._security import now

router = APIRouter()


@router.get("/privacy")
def privacy(request: Request) -> Response:
    state = app_state(request)
    return page(
        request, "privacy.html", contact=state.privacy_contact, days=state.retention_days,
        minimum=state.min_respondents,
    )  # fmt: skip


def _confirmed(form: Any) -> bool:
    return bool(form.get("bevestig") == "ja")


@router.get("/samenwerkingen/{cid}/verwijderen")
def confirm_collaboration(request: Request, cid: Id, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        collaboration = owned_collaboration(s, cid, user)
        what = f"de samenwerking {collaboration.name}, met al haar metingen en de antwoorden van alle respondenten"
        return page(request, "delete.html", what=what, action=f"/samenwerkingen/{cid}/verwijderen",
                    back=f"/samenwerkingen/{cid}")  # fmt: skip


@router.post("/samenwerkingen/{cid}/verwijderen")
def delete_collaboration(request: Request, cid: Id, user: Advisor, form: CheckedForm) -> Response:
    if not _confirmed(form):
        return RedirectResponse(f"/samenwerkingen/{cid}/verwijderen", status_code=303)
    with app_state(request).db.writing() as s:
        collaboration = owned_collaboration(s, cid, user, lock=True)
        remove_collaboration(s, collaboration.id)
    app_state(request).db.forget()
    app_state(request).diagnoses.clear()
    return RedirectResponse("/", status_code=303)


def remove_collaboration(session: Any, cid: int) -> None:
    """Every row of a collaboration: its respondents, its measurements, itself (not left to the cascade)."""
    measurements = select(Measurement.id).where(Measurement.collaboration_id == cid).scalar_subquery()
    remove_agenda_rows(session, measurements)
    session.execute(delete(Respondent).where(Respondent.measurement_id.in_(measurements)))
    session.execute(delete(Measurement).where(Measurement.collaboration_id == cid))
    session.execute(delete(Collaboration).where(Collaboration.id == cid))


@router.get("/metingen/{mid}/verwijderen")
def confirm_measurement(request: Request, mid: Id, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        if len(measurement.collaboration.measurements) == 1:
            return RedirectResponse(f"/samenwerkingen/{measurement.collaboration_id}/verwijderen", status_code=303)
        what = (
            f"meting {measurement.number} van {measurement.collaboration.name}, met de antwoorden van haar respondenten"
        )
        return page(request, "delete.html", what=what, action=f"/metingen/{mid}/verwijderen",
                    back=f"/metingen/{mid}/resultaat")  # fmt: skip


@router.post("/metingen/{mid}/verwijderen")
def delete_measurement(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    if not _confirmed(form):
        return RedirectResponse(f"/metingen/{mid}/verwijderen", status_code=303)
    with app_state(request).db.writing() as s:
        measurement = owned_measurement(s, mid, user)
        cid = measurement.collaboration_id
        owned_collaboration(s, cid, user, lock=True)
        if len(measurement.collaboration.measurements) == 1:
            remove_collaboration(s, cid)
            target = "/"
        else:
            remove_agenda_rows(s, [mid])
            s.execute(delete(Respondent).where(Respondent.measurement_id == mid))
            s.execute(delete(Measurement).where(Measurement.id == mid))
            target = f"/samenwerkingen/{cid}"
    app_state(request).db.forget()
    app_state(request).diagnoses.clear()
    return RedirectResponse(target, status_code=303)


def _respondent(measurement: Measurement, rid: int) -> Respondent:
    found = next((r for r in measurement.respondents if r.id == rid), None)
    if found is None:
        raise HTTPException(404, "Deze respondent bestaat niet.")
    return found


@router.get("/metingen/{mid}/respondenten/{rid}/verwijderen")
def confirm_respondent(request: Request, mid: Id, rid: Id, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        respondent = _respondent(owned_measurement(s, mid, user), rid)
        what = f"respondent {respondent.name} en al diens antwoorden (de link werkt daarna niet meer)"
        return page(request, "delete.html", what=what, action=f"/metingen/{mid}/respondenten/{rid}/verwijderen",
                    back=f"/metingen/{mid}/respondenten")  # fmt: skip


@router.post("/metingen/{mid}/respondenten/{rid}/verwijderen")
def delete_respondent(request: Request, mid: Id, rid: Id, user: Advisor, form: CheckedForm) -> Response:
    if not _confirmed(form):
        return RedirectResponse(f"/metingen/{mid}/respondenten/{rid}/verwijderen", status_code=303)
    with app_state(request).db.writing() as s:
        _respondent(owned_measurement(s, mid, user), rid)
        s.execute(delete(Respondent).where(Respondent.id == rid))
    app_state(request).db.forget()
    app_state(request).diagnoses.clear()
    return RedirectResponse(f"/metingen/{mid}/respondenten", status_code=303)


@router.get("/samenwerkingen/{cid}/gegevens.json")
def export_collaboration(request: Request, cid: Id, user: Advisor) -> Response:
    """Everything stored about a collaboration, as JSON (respondents without their names unless disclosure
    was on before the round, as every export)."""
    with app_state(request).db.reading() as s:
        collaboration = owned_collaboration(s, cid, user)
        data = collaboration_data(collaboration)
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    headers = {"Content-Disposition": f'attachment; filename="samenwerking-{cid}-gegevens.json"'}
    return Response(body, media_type="application/json", headers=headers)


def collaboration_data(collaboration: Collaboration) -> dict[str, Any]:
    measurements = []
    for m in collaboration.measurements:
        disclosed = bool(m.letter.get("disclose"))
        order = sorted(m.respondents, key=lambda r: json.dumps(r.progress, sort_keys=True, default=str))
        respondents = [
            {
                "naam": r.name if disclosed else f"Respondent {n}",
                **({"partner": r.partner} if disclosed and r.partner else {}),
                "link_geldig_tot": r.expires_at.isoformat(),
                "link_ingetrokken": r.revoked,
                "antwoorden": r.progress.get("answers", []),
            }
            for n, r in enumerate(order if not disclosed else m.respondents, start=1)
        ]
        measurements.append(
            {
                "meting": m.number,
                "begonnen": m.created_at.isoformat(),
                "intake": m.progress.get("answers", []),
                "casusbestand": anonymised(m.imported) if m.imported is not None else None,
                "briefgegevens": m.letter,
                "brieftekst": m.letter_text,
                "logo": m.logo_type,
                "ronde_gesloten": m.round_closed,
                "respondenten": respondents,
                "agenda": agenda_export(m),
            }
        )
    return {
        "samenwerking": collaboration.name,
        "aangemaakt": collaboration.created_at.isoformat(),
        "metingen": measurements,
    }


def purge_expired(db: Database, days: int) -> int:
    """Remove the measurements begun more than ``days`` days ago (a collaboration with none left goes too),
    and expired sessions and old failed logins; how many measurements were removed."""
    cutoff = now() - timedelta(days=days)
    removed = 0
    with db.writing() as s:
        old = list(s.scalars(select(Measurement).where(Measurement.created_at < cutoff)))
        for measurement in old:
            remove_agenda_rows(s, [measurement.id])
            s.execute(delete(Respondent).where(Respondent.measurement_id == measurement.id))
            s.execute(delete(Measurement).where(Measurement.id == measurement.id))
            removed += 1
        for collaboration in s.scalars(select(Collaboration)):
            if not s.scalar(select(Measurement.id).where(Measurement.collaboration_id == collaboration.id).limit(1)):
                remove_collaboration(s, collaboration.id)
        s.execute(delete(WebSession).where(WebSession.expires_at < now()))
        s.execute(delete(LoginFailure).where(LoginFailure.at < now() - timedelta(days=1)))
    db.forget()
    return removed


def purged_text(removed: int, days: int) -> str:
    """What ``serve --purge`` says it did."""
    from ._context import in_words

    count = "Geen" if removed == 0 else in_words(removed).capitalize()
    return f"{count} {'meting' if removed == 1 else 'metingen'} ouder dan {days} dagen verwijderd."


__all__ = [
    "collaboration_data",
    "confirm_collaboration",
    "confirm_measurement",
    "confirm_respondent",
    "delete_collaboration",
    "delete_measurement",
    "delete_respondent",
    "export_collaboration",
    "privacy",
    "purge_expired",
    "purged_text",
    "remove_collaboration",
    "router",
]
