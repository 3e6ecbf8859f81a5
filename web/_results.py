"""The result of a measurement in the browser: the profile per condition, the findings, the ranked
interventions with why and sources, what is deliberately not advised, the respondents' divergences,
the letter; the downloads; and the measurements of one collaboration over time (the library's compare)."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

import samenwerkwijzer
from samenwerkwijzer import Advice, CaseError, InputError, SamenwerkwijzerError, render_letter
from samenwerkwijzer.trainer import compare

from ._agenda import actions_of, agenda_context
from ._auth import Advisor
from ._cases import advisor_data, anonymised, answered, case_data, case_of, case_yaml
from ._context import advice_for, app_state, page
from ._letter_page import letter_markdown, logo_of
from ._logo import with_logo
from ._mail import dutch_date
from ._models import ActionReview, Measurement
from ._owned import Id, owned_collaboration, owned_measurement
from ._progress import Progress, answer_labels, progress
from ._security import LETTER_CSP

router = APIRouter()
PDF_SLOTS = threading.BoundedSemaphore(2)
PDF_RETRY_SECONDS = 30
PDF_BUSY = "Er worden nu al twee PDF-brieven gemaakt. Probeer het over een halve minuut opnieuw, of kies de Word-brief."

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHANGE_WORDS = {
    "appeared": "nieuw",
    "disappeared": "verdwenen",
    "added": "nieuw geadviseerd",
    "removed": "niet meer geadviseerd",
    "reranked": "andere plaats",
}


def bands_shown(advice: Advice, minimum: int) -> bool:
    """Whether the profile in bands may be shown: no respondent scored a statement, or at least ``minimum`` did
    (the advisor's own voice apart), so that no single respondent's score can be read from a band."""
    own = 1 if any(st.advisor is not None for st in advice.statements) else 0
    others = max((b.voices for b in advice.profile), default=0) - own
    return bool(advice.profile) and (others == 0 or others >= minimum)


def result_context(advice: Advice) -> dict[str, Any]:
    """What the result page shows, looked up once: findings and sources by id."""
    return {
        "advice": advice,
        "findings_by_id": {f.id: f for f in advice.findings},
        "sources_by_id": {s.id: s for s in advice.sources},
    }


def _advice(request: Request, measurement: Measurement, user: int) -> Advice:
    return advice_for(request, case_of(measurement, app_state(request).min_respondents), user)


@router.get("/metingen/{mid}/resultaat")
def result(request: Request, mid: Id, user: Advisor) -> Response:
    minimum = app_state(request).min_respondents
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        case = case_of(measurement, minimum)
        advice = advice_for(request, case, user)
        count = len(answered(measurement))
        shown = len(case.respondents) >= minimum
        return page(
            request, "result.html", m=measurement, answered=count, invited=len(measurement.respondents),
            minimum=minimum, shown=shown, bands=bands_shown(advice, minimum),
            views=_views(advice, advisor_data(measurement)) if shown else [],
            **result_context(advice), **agenda_context(s, measurement), dutch_date=dutch_date,
            verloop=_since_last(request, s, measurement, advice, user),
        )  # fmt: skip


def _reviews(session: Session, actions: list[Any]) -> dict[int, ActionReview]:
    found = session.scalars(select(ActionReview).where(ActionReview.action_id.in_([a.id for a in actions])))
    return {r.action_id: r for r in found}


def _since_last(
    request: Request, session: Session, measurement: Measurement, advice: Advice, user: int
) -> Progress | None:
    """The *Verloop* since the collaboration's previous measurement (None for the first, or one that cannot be read)."""
    earlier = [m for m in measurement.collaboration.measurements if m.number < measurement.number]
    if not earlier:
        return None
    last = max(earlier, key=lambda m: m.number)
    minimum = app_state(request).min_respondents
    try:
        before = _advice(request, last, user)
    except CaseError:
        return None
    actions = actions_of(session, last.id)
    return progress(
        last.number, before, advice, compare(before, advice), answer_labels(case_of(measurement, minimum), advice),
        bands=bands_shown(before, minimum) and bands_shown(advice, minimum), actions=actions,
        reviews=_reviews(session, actions),
    )  # fmt: skip


def _views(advice: Advice, own: dict[str, Any]) -> list[tuple[str, str | None, list[tuple[str, int, str]]]]:
    """Per divergence: its label, the advisor's own answer (shown apart), and the respondents' answers with
    how many gave each, as the Advice counts them: the advisor apart, a list answer (the climate's signs)
    per item, since a combination of items would single out the one respondent who gave it."""
    out = []
    for d in advice.divergences:
        rows: list[tuple[str, int, str]] = []
        for v in d.views:
            items = _items(v.value)
            for item in items if items is not None else [v.value]:
                rows.append((item.replace("_", " "), v.count, ", ".join(x for x in v.respondents if x != "adviseur")))
        merged: dict[str, tuple[int, list[str]]] = {}
        for value, count, who in rows:
            n, names = merged.get(value, (0, []))
            merged[value] = (n + count, names + ([who] if who else []))
        table = [(value, n, ", ".join(names)) for value, (n, names) in merged.items() if n > 0]
        out.append((d.label, d.advisor, table))
    return out


def _items(value: str) -> list[str] | None:
    """The items of a list answer as the advice spells it (``[a, b]``, ``[]``), or None for another answer."""
    if value.startswith("[") and value.endswith("]"):
        return [x.strip() for x in value[1:-1].split(",") if x.strip()]
    return None


def _spelled(value: Any) -> str:
    return "ja" if value is True else "nee" if value is False else str(value)


def _file_name(advice: Advice, suffix: str) -> str:
    # ASCII only in the header; the case name is the user's text.
    stem = "".join(c if c.isascii() and c.isalnum() else "-" for c in advice.case.name).strip("-")[:60] or "advies"
    return f"{stem}.{suffix}"


def render_pdf(advice: Advice, *, logo: bytes | None, markdown: str | None) -> bytes:
    """The library's PDF letter. The Word and PDF letters (python-docx, Markdown-it) load on the first download
    (``samenwerkwijzer.render_docx`` and the others are looked up when called), not at every server start."""
    return samenwerkwijzer.render_pdf(advice, logo=logo, markdown=markdown)


def _download(content: str | bytes, media_type: str, name: str) -> Response:
    return Response(content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/metingen/{mid}/advies.{fmt}")
def download(request: Request, mid: Id, fmt: str, user: Advisor) -> Response:
    """The letter (Word, PDF, Markdown, HTML: the advisor's edit of its text when there is one, with the logo), the
    advice as JSON (never edited), the case as YAML (anonymised)."""
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        if fmt == "yaml":
            data = anonymised(case_data(measurement, app_state(request).min_respondents))
            return _download(
                case_yaml(data), "application/yaml", _file_name(_advice(request, measurement, user), "yaml")
            )
        advice = _advice(request, measurement, user)
        markdown, logo = letter_markdown(measurement), logo_of(measurement)
    image = logo[0] if logo else None
    if fmt == "docx":
        try:
            word = samenwerkwijzer.render_docx(advice, logo=image, markdown=markdown)
        except InputError as exc:  # a logo Word cannot read, an edit it cannot lay out: said in Dutch, on a page
            return page(request, "error.html", 422, message=f"De Word-brief kan niet worden gemaakt: {exc}.")
        return _download(word, DOCX, _file_name(advice, "docx"))
    if fmt == "pdf":
        # At most two LibreOffice conversions at once in this process: each holds a few hundred megabytes.
        if not PDF_SLOTS.acquire(blocking=False):
            busy = page(request, "error.html", 503, message=PDF_BUSY)
            busy.headers["Retry-After"] = str(PDF_RETRY_SECONDS)
            return busy
        try:
            pdf = render_pdf(advice, logo=image, markdown=markdown)
            return _download(pdf, "application/pdf", _file_name(advice, "pdf"))
        except InputError as exc:  # as for the Word letter
            return page(request, "error.html", 422, message=f"De PDF-brief kan niet worden gemaakt: {exc}.")
        except SamenwerkwijzerError as exc:  # LibreOffice is not installed here: the library says so in Dutch
            return page(request, "error.html", 503, message=str(exc))
        finally:
            PDF_SLOTS.release()
    if fmt == "md":
        text = markdown if markdown is not None else render_letter(advice)
        return _download(text, "text/markdown; charset=utf-8", _file_name(advice, "md"))
    if fmt == "json":
        body = advice.model_dump_json(indent=2) + "\n"
        return _download(body, "application/json", _file_name(advice, "json"))
    if fmt == "html":
        response = _download(
            _letter_html(advice, markdown, logo), "text/html; charset=utf-8", _file_name(advice, "html")
        )
        response.headers["Content-Security-Policy"] = LETTER_CSP
        return response
    return page(request, "error.html", 404, message="Dit formaat is er niet.")


def _letter_html(advice: Advice, markdown: str | None, logo: tuple[bytes, str] | None) -> str:
    html = samenwerkwijzer.render_html(advice, markdown=markdown)
    return with_logo(html, *logo) if logo else html


@router.get("/metingen/{mid}/voorbeeld")
def preview(request: Request, mid: Id, user: Advisor) -> Response:
    """The letter as the HTML download shows it, for the frame on the result page (no script runs)."""
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        advice = _advice(request, measurement, user)
        markdown, logo = letter_markdown(measurement), logo_of(measurement)
    response = Response(_letter_html(advice, markdown, logo), media_type="text/html; charset=utf-8")
    response.headers["Content-Security-Policy"] = LETTER_CSP
    return response


@router.get("/samenwerkingen/{cid}/verloop")
def timeline(request: Request, cid: Id, user: Advisor) -> Response:
    """Every measurement's profile, and from each to the next what moved, in plain Dutch (:mod:`._progress`)."""
    minimum = app_state(request).min_respondents
    with app_state(request).db.reading() as s:
        collaboration = owned_collaboration(s, cid, user)
        measurements = list(collaboration.measurements)
        advices = [(m.number, m.id, _advice(request, m, user)) for m in measurements]
        changes = []
        for i in range(1, len(advices)):
            (number, _, before), (_, _, after) = advices[i - 1], advices[i]
            actions = actions_of(s, measurements[i - 1].id)
            changes.append(progress(
                number, before, after, compare(before, after), answer_labels(case_of(measurements[i], minimum), after),
                bands=bands_shown(before, minimum) and bands_shown(after, minimum), actions=actions,
                reviews=_reviews(s, actions),
            ))  # fmt: skip
        name = collaboration.name
    return page(request, "timeline.html", cid=cid, name=name, advices=advices, changes=changes)


__all__ = [
    "CHANGE_WORDS",
    "DOCX",
    "bands_shown",
    "download",
    "preview",
    "result",
    "result_context",
    "router",
    "timeline",
]
