"""The advisor's side of the survey: one link per respondent (unguessable, with an expiry, revocable),
who has answered (not what), and closing the round."""

from __future__ import annotations

import re
import smtplib
from datetime import date, timedelta

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from samenwerkwijzer.trainer import name_with_article

from ._advisor import CONFLICT
from ._auth import Advisor, CheckedForm
from ._cases import advisor_data, new_progress, respondent_intake
from ._checks import MAX_NAME_CHARS, respondents_full, text_problem
from ._context import app_state, base_url, in_words, page
from ._db import WebError
from ._mail import default_invitation, default_reminder, dutch_date, mailto, personal, send, signature
from ._models import Measurement, Respondent
from ._owned import Id, owned_measurement
from ._security import digest, new_token, now

router = APIRouter()
DEFAULT_DAYS = 30
MAX_EMAIL = 254  # what an address may be (RFC 5321) and the column holds
EMAIL = re.compile(r"[^@\s<>,;\"]{1,64}@[^@\s<>,;\"]{1,189}\.[^@\s<>,;\".]{2,63}")


def _subject(measurement: Measurement) -> str:
    """The invitation's subject line: on one line, whatever the collaboration's name holds."""
    return " ".join(f"Vragenlijst over {name_with_article(measurement.collaboration.name)}".split())


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
    state = app_state(request)
    base = base_url(request)
    rows = [
        (r.id, r.name, r.partner, _status(r), dutch_date(r.expires_at.date()), r.revoked)
        for r in measurement.respondents
    ]
    partners = partners_of(measurement)
    shown = {rid: f"{base}/r/{token}" for rid, token in (links or {}).items()}
    texts = invitation_texts(request, measurement)
    subject = _subject(measurement)
    emails = {r.id: r.email for r in measurement.respondents}
    mails = {rid: mailto([email] if (email := emails.get(rid)) else [], subject, personal(texts["invitation"], link))
             for rid, link in shown.items()}  # fmt: skip
    unfinished = [r for r in measurement.respondents if not r.revoked and _status(r) != "klaar"]
    reminder_to = [r.email for r in unfinished if r.email]
    reminder = mailto(reminder_to, "Herinnering: " + subject, texts["reminder"], bcc=True) if reminder_to else None
    return page(
        request, "respondents.html", m=measurement, rows=rows, partners=partners, links=shown, message=message,
        days=DEFAULT_DAYS, texts=texts, mails=mails, reminder=reminder, reminder_count=len(unfinished),
        reminder_emails=len(reminder_to), smtp=state.smtp_url is not None,
        all_mail=mailto([], subject, "\n\n".join(personal(texts["invitation"], link) for link in shown.values()))
        if len(shown) > 1 else None,
    )  # fmt: skip


def invitation_texts(request: Request, measurement: Measurement) -> dict[str, str]:
    """The invitation, the reminder and the deadline of the measurement's round: as the advisor edited them,
    else the defaults."""
    deadline = measurement.letter.get("deadline") or None
    name = measurement.collaboration.name
    disclosed = bool(measurement.letter.get("disclose"))
    minimum = app_state(request).min_respondents
    sender = signature(measurement.letter.get("advisor"), measurement.letter.get("advisor_organisation"))
    return {
        "invitation": measurement.letter.get("invitation")
        or default_invitation(name, deadline, disclosed, minimum, sender),
        "reminder": measurement.letter.get("reminder") or default_reminder(name, deadline, sender),
        "deadline": deadline or "",
    }


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
    email = str(form.get("email", "")).strip() or None
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
        elif email is not None and (len(email) > MAX_EMAIL or not EMAIL.fullmatch(email)):
            problem = "Dit is geen e-mailadres; laat het veld leeg als u de link zelf doorstuurt."
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
                name=name, partner=partner, email=email, token_hash=digest(token),
                expires_at=now() + timedelta(days=days), revoked=False, progress=new_progress(),
            )  # fmt: skip
            measurement.respondents.append(respondent)
            s.flush()
            rid = respondent.id
    except (IntegrityError, StaleDataError):
        raise HTTPException(409, CONFLICT) from None
    with app_state(request).db.reading() as s:
        # The link is shown this once: only its hash is kept.
        measurement = owned_measurement(s, mid, user)
        message = ""
        if email is not None and form.get("send") == "ja" and app_state(request).smtp_url:
            message = _send(request, measurement, email, invitation_texts(request, measurement)["invitation"], token)
        return _page(request, measurement, links={rid: token}, message=message)


def _send(request: Request, measurement: Measurement, email: str, text: str, token: str | None) -> str:
    """Send one message by e-mail; what to tell the advisor."""
    smtp_url = app_state(request).smtp_url
    assert smtp_url is not None
    subject = _subject(measurement)
    body = personal(text, f"{base_url(request)}/r/{token}") if token else text
    try:
        send(smtp_url, email, subject if token else "Herinnering: " + subject, body)
    except (OSError, smtplib.SMTPException, WebError):
        return f"De e-mail aan {email} kon niet worden verstuurd; kopieer de link en stuur hem zelf."
    return f"De uitnodiging is per e-mail verstuurd aan {email}." if token else ""


@router.post("/metingen/{mid}/uitnodiging")
def save_invitation(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """The round's invitation and reminder texts and its deadline, as the advisor edits them."""
    texts = {key: str(form.get(key, "")).strip().replace("\r\n", "\n") for key in ("invitation", "reminder")}
    deadline = str(form.get("deadline", "")).strip()
    problem = next(
        (
            p
            for p in (
                text_problem("De uitnodiging", texts["invitation"]),
                text_problem("De herinnering", texts["reminder"]),
            )
            if p
        ),
        None,
    )
    if deadline and problem is None:
        try:
            deadline = date.fromisoformat(deadline).isoformat()
        except ValueError:
            problem = f"{deadline[:40]} is geen datum; gebruik de vorm 2026-12-01."
    if problem:
        with app_state(request).db.reading() as s:
            return _page(request, owned_measurement(s, mid, user), message=problem)
    try:
        with app_state(request).db.writing() as s:
            measurement = owned_measurement(s, mid, user)
            measurement.letter = {**measurement.letter, **texts, "deadline": deadline}
    except StaleDataError:
        raise HTTPException(409, CONFLICT) from None
    return RedirectResponse(f"/metingen/{mid}/respondenten#uitnodiging", status_code=303)


@router.post("/metingen/{mid}/herinnering")
def send_reminders(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """The reminder by e-mail to every respondent with an address who has not finished."""
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        if not app_state(request).smtp_url:
            return _page(request, measurement, message="Er is geen mailserver ingesteld; gebruik de knop om te mailen.")
        text = invitation_texts(request, measurement)["reminder"]
        to = [r.email for r in measurement.respondents if r.email and not r.revoked and _status(r) != "klaar"]
        failed = [e for e in to if _send(request, measurement, e, text, None)]
        sent = len(to) - len(failed)
        message = f"De herinnering is verstuurd aan {in_words(sent)} {'respondent' if sent == 1 else 'respondenten'}."
        if failed:
            message += f" Aan {', '.join(failed)} lukte het niet."
        return _page(request, measurement, message=message)


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


__all__ = ["DEFAULT_DAYS", "close_round", "invite", "new_link", "respondents_page", "revoke", "router"]
