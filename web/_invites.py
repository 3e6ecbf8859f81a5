"""The advisor's side of the survey: one link per respondent (unguessable, with an expiry, revocable),
who has answered (not what), and closing the round."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ._advisor import CONFLICT
from ._auth import Advisor, CheckedForm
from ._cases import advisor_data, new_progress, respondent_intake
from ._checks import MAX_NAME_CHARS, respondents_full, text_problem
from ._context import app_state, base_url, page
from ._models import Measurement, Respondent
from ._owned import Id, owned_measurement
from ._security import digest, new_token, now

router = APIRouter()
DEFAULT_DAYS = 30


def _status(respondent: Respondent) -> str:
    """Who has answered, not what."""
    if respondent.revoked:
        return "link ingetrokken"
    answers = respondent.progress.get("answers", [])
    if not answers:
        return "verlopen, nog niet begonnen" if respondent.expires_at < now() else "nog niet begonnen"
    if respondent_intake(respondent).done:
        return "klaar"
    return "bezig"


def _page(
    request: Request, measurement: Measurement, links: dict[int, str] | None = None, message: str = ""
) -> Response:
    base = base_url(request)
    rows = [
        (r.id, r.name, r.partner, _status(r), r.expires_at.date().isoformat(), r.revoked)
        for r in measurement.respondents
    ]
    partners = partners_of(measurement)
    shown = {rid: f"{base}/r/{token}" for rid, token in (links or {}).items()}
    return page(
        request, "respondents.html", m=measurement, rows=rows, partners=partners, links=shown, message=message,
        days=DEFAULT_DAYS,
    )  # fmt: skip


def partners_of(measurement: Measurement) -> list[str]:
    return [str(p["name"]) for p in advisor_data(measurement).get("partners", [])]


@router.get("/metingen/{mid}/respondenten")
def respondents_page(request: Request, mid: Id, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        return _page(request, owned_measurement(s, mid, user))


@router.post("/metingen/{mid}/respondenten")
def invite(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    name = str(form.get("name", "")).strip()
    partner = str(form.get("partner", "")).strip() or None
    try:
        days = int(str(form.get("days", DEFAULT_DAYS)))
    except ValueError:
        days = 0
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        problem = ""
        if not name:
            problem = "Geef de respondent een naam."
        elif text_problem("De naam van de respondent", name, MAX_NAME_CHARS):
            problem = text_problem("De naam van de respondent", name, MAX_NAME_CHARS) or ""
        elif partner is not None and partner not in partners_of(measurement):
            problem = "Kies een partner uit de lijst."
        elif respondents_full(len(measurement.respondents)):
            problem = respondents_full(len(measurement.respondents)) or ""
        elif not 1 <= days <= 365:
            problem = "Een link is een tot driehonderdvijfenzestig dagen geldig."
        elif any(r.name == name for r in measurement.respondents):
            problem = f"Er is al een respondent die {name} heet; geef elke respondent een eigen naam."
        if problem:
            return _page(request, measurement, message=problem)
    token = new_token()
    try:
        with app_state(request).db.writing() as s:
            measurement = owned_measurement(s, mid, user)
            respondent = Respondent(
                name=name, partner=partner, token_hash=digest(token), expires_at=now() + timedelta(days=days),
                revoked=False, progress=new_progress(),
            )  # fmt: skip
            measurement.respondents.append(respondent)
            s.flush()
            rid = respondent.id
    except (IntegrityError, StaleDataError):
        raise HTTPException(409, CONFLICT) from None
    with app_state(request).db.reading() as s:
        # The link is shown this once: only its hash is kept.
        return _page(request, owned_measurement(s, mid, user), links={rid: token})


def _respondent(measurement: Measurement, rid: Id) -> Respondent:
    found = next((r for r in measurement.respondents if r.id == rid), None)
    if found is None:
        raise HTTPException(404, "Deze respondent bestaat niet.")
    return found


@router.post("/metingen/{mid}/respondenten/{rid}/intrekken")
def revoke(request: Request, mid: Id, rid: Id, user: Advisor, form: CheckedForm) -> Response:
    with app_state(request).db.writing() as s:
        _respondent(owned_measurement(s, mid, user), rid).revoked = True
    return RedirectResponse(f"/metingen/{mid}/respondenten", status_code=303)


@router.post("/metingen/{mid}/respondenten/{rid}/nieuwe-link")
def new_link(request: Request, mid: Id, rid: Id, user: Advisor, form: CheckedForm) -> Response:
    """A new link replaces the old one (which stops working); the answers so far are kept."""
    token = new_token()
    with app_state(request).db.writing() as s:
        respondent = _respondent(owned_measurement(s, mid, user), rid)
        respondent.token_hash = digest(token)
        respondent.revoked = False
        respondent.expires_at = max(respondent.expires_at, now() + timedelta(days=DEFAULT_DAYS))
    with app_state(request).db.reading() as s:
        return _page(request, owned_measurement(s, mid, user), links={rid: token})


@router.post("/metingen/{mid}/ronde")
def close_round(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    with app_state(request).db.writing() as s:
        owned_measurement(s, mid, user).round_closed = form.get("closed") == "ja"
    return RedirectResponse(f"/metingen/{mid}/respondenten", status_code=303)
