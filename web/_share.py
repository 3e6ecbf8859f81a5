"""The partners' read-only page of a measurement (``/delen/{token}``): the group picture (the profile, in bands when
no single respondent can be read from it), the priorities with their first steps, and the agreed agenda; never an
individual answer. The advisor makes (or renews, which ends the old one) the link on the result page; only the
SHA-256 of its token is stored."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select

from ._agenda import actions_of
from ._auth import Advisor, CheckedForm
from ._cases import case_of
from ._context import advice_for, app_state, base_url, page
from ._mail import dutch_date
from ._models import Measurement
from ._owned import Id, owned_measurement
from ._results import bands_shown
from ._security import digest, new_token

__all__ = ["make_share_link", "router", "shared_page"]

router = APIRouter()
MAX_TOKEN = 100


@router.post("/metingen/{mid}/delen")
def make_share_link(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """A new link for the partners' page (an earlier one stops working)."""
    token = new_token()
    with app_state(request).db.writing() as s:
        measurement = owned_measurement(s, mid, user)
        measurement.share_hash = digest(token)
        name = measurement.collaboration.name
    link = f"{base_url(request)}/delen/{token}"
    return page(request, "share_made.html", mid=mid, name=name, link=link)


@router.get("/delen/{token}")
def shared_page(request: Request, token: str) -> Response:
    if not token or len(token) > MAX_TOKEN:
        raise HTTPException(404, "Deze link werkt niet (meer). Vraag de adviseur om een nieuwe.")
    state = app_state(request)
    with state.db.reading() as s:
        measurement = s.scalar(select(Measurement).where(Measurement.share_hash == digest(token)))
        if measurement is None:
            raise HTTPException(404, "Deze link werkt niet (meer). Vraag de adviseur om een nieuwe.")
        case = case_of(measurement, state.min_respondents)
        advice = advice_for(request, case, 0)  # the partners' page is no advisor's: a cache scope of its own
        agenda = actions_of(s, measurement.id)
        respondents = len(case.respondents)
        minimum = state.min_respondents
        name = measurement.collaboration.name
        number = measurement.number
    bands = bands_shown(advice, minimum)  # as on the result page
    return page(
        request, "share.html", advice=advice, name=name, number=number, agenda=agenda, bands=bands,
        respondents=respondents if respondents >= minimum else 0, dutch_date=dutch_date,
    )  # fmt: skip
