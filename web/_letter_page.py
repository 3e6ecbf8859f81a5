"""The letter's page (``/metingen/{id}/brief``): its details (who signs, to whom, the dates, whether names go with
answers), its text as the advisor edits it before downloading, and the logo of its letterhead.

The edited text is Markdown, kept with the measurement (``letter_text``); the advice and its JSON are never
changed. The Word, PDF, Markdown and HTML letters use the edit (:func:`letter_markdown`) until the advisor goes
back to the proposed text. The proposed text's SHA-256 is kept beside the edit, so the page can say when the
proposed text changed since (a respondent answered, a detail changed). The logo is checked by :mod:`._logo`.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm.exc import StaleDataError
from starlette.datastructures import FormData, UploadFile

from samenwerkwijzer import Advice, CaseError, render_letter

from ._auth import Advisor, CheckedForm
from ._cases import LETTER_FIELDS, case_of
from ._checks import text_problem
from ._context import advice_for, app_state, page
from ._logo import MAX_LOGO_BYTES, LogoError, checked_logo, data_url
from ._models import Measurement
from ._owned import Id, owned_measurement

router = APIRouter()
CONFLICT = "Iemand anders wijzigde dit tegelijk met u; laad de pagina opnieuw en probeer het nog eens."
MAX_LETTER_CHARS = 60_000  # about four times the longest letter: room to write, not to store a book
EMPTY_LETTER = "De brief is leeg. Schrijf de tekst, of ga terug naar de voorgestelde tekst."
NOT_YET = "De tekst van de brief kan worden bewerkt zodra de intake volledig is."
DISCLOSE_TOO_LATE = (
    "Namen bij de antwoorden kunnen alleen aan voordat u respondenten uitnodigt: wie al een link kreeg, is "
    "verteld dat de antwoorden zonder naam worden verwerkt."
)
SAVED = {
    "gegevens": "De briefgegevens zijn bewaard.",
    "tekst": "De tekst van de brief is bewaard.",
    "terug": "De brief heeft weer de voorgestelde tekst.",
    "logo": "Het logo is bewaard.",
    "geen-logo": "Het logo is verwijderd.",
}
LETTER_LABELS = {
    "advisor": "De naam van de adviseur",
    "advisor_organisation": "De organisatie van de adviseur",
    "addressee": "Aan wie de brief is gericht",
    "letter_place": "De plaats op de brief",
    "letter_date": "De datum van de brief",
    "assessed_on": "De datum van de meting",
}


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def proposed_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def letter_markdown(measurement: Measurement) -> str | None:
    """The advisor's edit of the letter, or None for the proposed text."""
    return measurement.letter_text


def logo_of(measurement: Measurement) -> tuple[bytes, str] | None:
    """The letterhead's logo and its media type, when one was uploaded."""
    if measurement.logo is None or measurement.logo_type is None:
        return None
    return measurement.logo, measurement.logo_type


def _proposed(request: Request, measurement: Measurement, user: int) -> tuple[Advice | None, str | None]:
    try:
        advice = advice_for(request, case_of(measurement, app_state(request).min_respondents), user)
    except CaseError:
        return None, None
    return advice, render_letter(advice)


def _letter_page(
    request: Request, measurement: Measurement, user: int, *, status: int = 200, message: str = "",
    letter: dict[str, Any] | None = None, text: str | None = None, text_message: str = "", logo_message: str = "",
    saved: str = "",
) -> Response:  # fmt: skip
    _, proposed = _proposed(request, measurement, user)
    edited = measurement.letter_text
    changed = edited is not None and proposed is not None and measurement.letter_base != proposed_digest(proposed)
    logo = logo_of(measurement)
    return page(
        request, "letter.html", status, m=measurement, letter=measurement.letter if letter is None else letter,
        message=message, proposed=proposed, text=text if text is not None else (edited or proposed or ""),
        edited=edited is not None, changed=changed, text_message=text_message, logo_message=logo_message,
        logo=data_url(*logo) if logo else None, max_letter=MAX_LETTER_CHARS, max_logo_kb=MAX_LOGO_BYTES // 1024,
        saved=saved,
    )  # fmt: skip


@router.get("/metingen/{mid}/brief")
def letter_page(request: Request, mid: Id, user: Advisor, opgeslagen: str = "") -> Response:
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        return _letter_page(request, measurement, user, saved=SAVED.get(opgeslagen, ""))


@router.post("/metingen/{mid}/brief")
def save_letter(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    letter: dict[str, Any] = {}

    def refused(message: str) -> Response:
        with app_state(request).db.reading() as s:
            measurement = owned_measurement(s, mid, user)
            shown = {k: str(form.get(k, "")) for k in LETTER_FIELDS} | {"disclose": measurement.letter.get("disclose")}
            return _letter_page(request, measurement, user, status=422, letter=shown, message=message)

    for key, label in LETTER_LABELS.items():
        value = str(form.get(key, "")).strip()
        if value and key in ("letter_date", "assessed_on"):
            try:
                value = date.fromisoformat(value).isoformat()
            except ValueError:
                return refused(f"{value[:40]} is geen datum; gebruik de vorm 2026-12-01.")
        problem = text_problem(label, value)
        if problem:
            return refused(problem)
        if value:
            letter[key] = value
    letter["disclose"] = form.get("disclose") == "ja"
    kept = ("invitation", "reminder", "deadline")  # the invitation's texts are edited on the respondents' page
    try:
        with app_state(request).db.writing() as s:
            measurement = owned_measurement(s, mid, user)
            if letter["disclose"] and not measurement.letter.get("disclose") and measurement.respondents:
                # Respondents were told on their first page that their answers are shown without their name.
                return refused(DISCLOSE_TOO_LATE)
            measurement.letter = {k: v for k, v in measurement.letter.items() if k in kept} | letter
    except StaleDataError:
        raise HTTPException(409, CONFLICT) from None
    # Back on the letter page, where the notice that an edited text predates these details shows.
    return _see(f"/metingen/{mid}/brief?opgeslagen=gegevens")


def _text_refused(request: Request, mid: int, user: int, text: str, message: str) -> Response:
    with app_state(request).db.reading() as s:
        return _letter_page(request, owned_measurement(s, mid, user), user, status=422, text=text, text_message=message)


#: The Word letter's bound on a table's columns (engine/render/_docx.py): checked when the edit is kept, so that
#: a download never fails on it later.
MAX_TABLE_COLUMNS = 12
WIDE_TABLE = "Een tabel in de brief heeft hoogstens twaalf kolommen; maak de tabel smaller."


def _widest_table(text: str) -> int:
    rows = [line.strip() for line in text.splitlines() if line.lstrip().startswith("|")]
    return max((row.strip("|").count("|") + 1 for row in rows), default=0)


@router.post("/metingen/{mid}/brief/tekst")
def save_letter_text(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """Keep the advisor's edit of the letter (Markdown); the advice is not touched."""
    raw = form.get("tekst", "")
    text = raw.replace("\r\n", "\n") if isinstance(raw, str) else ""
    problem = text_problem("De brief", text, MAX_LETTER_CHARS)
    if problem:
        return _text_refused(request, mid, user, text[:MAX_LETTER_CHARS], problem)
    if not text.strip():
        return _text_refused(request, mid, user, text, EMPTY_LETTER)
    if _widest_table(text) > MAX_TABLE_COLUMNS:
        return _text_refused(request, mid, user, text, WIDE_TABLE)
    try:
        with app_state(request).db.writing() as s:
            measurement = owned_measurement(s, mid, user)
            _, proposed = _proposed(request, measurement, user)
            if proposed is None:
                raise HTTPException(409, NOT_YET)
            if text.strip() == proposed.strip():
                measurement.letter_text, measurement.letter_base = None, None
            else:
                measurement.letter_text = text if text.endswith("\n") else text + "\n"
                measurement.letter_base = proposed_digest(proposed)
    except StaleDataError:
        raise HTTPException(409, CONFLICT) from None
    return _see(f"/metingen/{mid}/brief?opgeslagen=tekst#brieftekst")


def _change(request: Request, mid: int, user: Any, **columns: Any) -> None:
    """Set ``columns`` of the advisor's own measurement in one transaction; a concurrent change is a 409."""
    try:
        with app_state(request).db.writing() as s:
            measurement = owned_measurement(s, mid, user)
            for column, value in columns.items():
                setattr(measurement, column, value)
    except StaleDataError:
        raise HTTPException(409, CONFLICT) from None


@router.post("/metingen/{mid}/brief/tekst/terug")
def restore_letter_text(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """Back to the proposed text: the edit is forgotten."""
    _change(request, mid, user, letter_text=None, letter_base=None)
    return _see(f"/metingen/{mid}/brief?opgeslagen=terug#brieftekst")


async def _upload(form: FormData) -> bytes | None:
    upload = form.get("logo")
    if not isinstance(upload, UploadFile):
        return None
    return await upload.read(MAX_LOGO_BYTES + 1)


@router.post("/metingen/{mid}/brief/logo")
async def upload_logo(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    data = await _upload(form)
    try:
        media_type, _ = checked_logo(data or b"")
    except LogoError as exc:
        message = str(exc)
        with app_state(request).db.reading() as s:
            return _letter_page(request, owned_measurement(s, mid, user), user, status=422, logo_message=message)
    _change(request, mid, user, logo=data, logo_type=media_type)
    return _see(f"/metingen/{mid}/brief?opgeslagen=logo#logo")


@router.post("/metingen/{mid}/brief/logo/verwijderen")
def remove_logo(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    _change(request, mid, user, logo=None, logo_type=None)
    return _see(f"/metingen/{mid}/brief?opgeslagen=geen-logo#logo")


__all__ = [
    "MAX_LETTER_CHARS",
    "letter_markdown",
    "letter_page",
    "logo_of",
    "remove_logo",
    "restore_letter_text",
    "router",
    "save_letter",
    "save_letter_text",
    "upload_logo",
]
