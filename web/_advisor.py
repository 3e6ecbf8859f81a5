"""The advisor's pages: the collaborations, a new one (or one imported from a case file), the intake, a new
measurement (the letter's page is :mod:`._letter_page`)."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError
from starlette.datastructures import UploadFile

from samenwerkwijzer import MAX_CASE_BYTES, CaseError, InputError, Problem, parse_case
from samenwerkwijzer.intake import Intake, field_question

from ._answering import revisit, submit, typed_again
from ._auth import Advisor, CheckedForm
from ._cases import advisor_intake, answers_of, jsonable, new_progress
from ._checks import text_problem
from ._context import app_state, page
from ._forms import answered_view, field_for
from ._models import Collaboration, Measurement, Respondent
from ._owned import Id, owned_collaboration, owned_measurement
from ._security import now

router = APIRouter()
NAME_QUESTION = "Hoe heet de samenwerking?"
CONFLICT = "Iemand anders wijzigde dit tegelijk met u; laad de pagina opnieuw en probeer het nog eens."


def _see(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/")
def home(request: Request, user: Advisor) -> Response:
    return _home(request, user)


def _home(request: Request, user: int, status: int = 200, **shown: Any) -> Response:
    """The start page with the advisor's collaborations, also under a refusal (walk6: a refused import said the
    advisor had none)."""
    with app_state(request).db.reading() as s:
        collaborations = s.scalars(
            select(Collaboration).where(Collaboration.owner_id == user).order_by(Collaboration.created_at.desc())
        ).all()
        rows = [(c.id, c.name, len(c.measurements)) for c in collaborations]
    return page(request, "home.html", status, collaborations=rows, **shown)


def _readable(problem: Problem) -> str:
    """A problem of an imported case as an advisor reads it: the question that fills the field, not its path."""
    asked = field_question(problem.location)
    return f"Bij ‘{asked}’: {problem.message}" if asked else str(problem)


@router.post("/samenwerkingen")
def create(request: Request, user: Advisor, form: CheckedForm) -> Response:
    name = str(form.get("name", "")).strip()
    if not name:
        return _home(request, user, 422, message="Geef de samenwerking een naam.")
    problem = text_problem("De naam van de samenwerking", name)
    if problem:
        return _home(request, user, 422, message=problem)
    intake = Intake()
    reply = intake.respond(name)
    if reply.kind != "answered":
        return _home(request, user, 422, message=reply.message)
    with app_state(request).db.writing() as s:
        collaboration = Collaboration(owner_id=user, name=name, created_at=now())
        measurement = _measurement(1, new_progress(list(intake.answers), questions={"name": NAME_QUESTION}))
        collaboration.measurements.append(measurement)
        s.add(collaboration)
        s.flush()
        mid = measurement.id
    return _see(f"/metingen/{mid}/intake")


def _measurement(number: int, progress: dict[str, Any], imported: dict[str, Any] | None = None) -> Measurement:
    return Measurement(
        number=number, created_at=now(), progress=progress, imported=imported, letter={}, round_closed=False
    )


@router.post("/samenwerkingen/importeren")
async def import_case(request: Request, user: Advisor, form: CheckedForm) -> Response:
    upload = form.get("case")
    if not isinstance(upload, UploadFile):
        return _home(request, user, 422, message="Kies een casusbestand (YAML of JSON).")
    content = await upload.read(MAX_CASE_BYTES + 1)
    try:
        case = parse_case(content, source="het casusbestand")
    except CaseError as exc:
        problems = [_readable(p) for p in exc.problems]
        return _home(request, user, 422, message="Dit casusbestand is niet geldig.", problems=problems)
    except InputError as exc:
        return _home(request, user, 422, message=str(exc))
    data = jsonable(case.model_dump(mode="json", exclude_defaults=True))
    with app_state(request).db.writing() as s:
        collaboration = Collaboration(owner_id=user, name=case.name, created_at=now())
        measurement = _measurement(1, new_progress(), imported=data)
        collaboration.measurements.append(measurement)
        s.add(collaboration)
        s.flush()
        mid = measurement.id
    return _see(f"/metingen/{mid}/resultaat")


@router.get("/samenwerkingen/{cid}")
def collaboration_page(request: Request, cid: Id, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        collaboration = owned_collaboration(s, cid, user)
        measurements = [
            (m.id, m.number, m.created_at, m.imported is not None, len(m.respondents))
            for m in collaboration.measurements
        ]
        name = collaboration.name
    return page(request, "collaboration.html", cid=cid, name=name, measurements=measurements)


@router.post("/samenwerkingen/{cid}/metingen")
def new_measurement(request: Request, cid: Id, user: Advisor, form: CheckedForm) -> Response:
    """A new measurement keeps the earlier ones; its intake starts with the earlier answers filled in."""
    with app_state(request).db.writing() as s:
        collaboration = owned_collaboration(s, cid, user, lock=True)
        last = collaboration.measurements[-1]
        number = (s.scalar(select(func.max(Measurement.number)).where(Measurement.collaboration_id == cid)) or 0) + 1
        answers = answers_of(last.progress)
        previous = dict(last.progress.get("previous", {})) | dict(answers)
        measurement = _measurement(
            number,
            new_progress(answers[:1], previous, last.progress.get("questions"), last.progress.get("labels")),
            imported=last.imported,
        )
        measurement.letter = {k: v for k, v in last.letter.items() if k not in ("letter_date", "assessed_on")}
        measurement.logo, measurement.logo_type = last.logo, last.logo_type  # the letterhead stays; the text not
        collaboration.measurements.append(measurement)
        s.flush()
        _carry_links_over(s, last, measurement)
        mid = measurement.id
    return _see(f"/metingen/{mid}/intake" if last.imported is None else f"/metingen/{mid}/resultaat")


def _carry_links_over(session: Any, last: Measurement, measurement: Measurement) -> None:
    """The respondents of the last round keep their links: each link now opens the new round's questionnaire,
    with the earlier answers filled in to confirm or change (the last round keeps its answers, under a link that
    no longer opens)."""
    for old in [r for r in last.respondents if not r.revoked]:
        token_hash = old.token_hash
        old.token_hash = hashlib.sha256(f"vorige ronde:{token_hash}".encode()).hexdigest()
        session.flush()  # the link's hash is unique: free it before the new round takes it
        measurement.respondents.append(
            Respondent(
                name=old.name,
                partner=old.partner,
                email=old.email,
                token_hash=token_hash,
                expires_at=max(old.expires_at, now() + timedelta(days=30)),
                revoked=False,
                base=None,
                progress=new_progress([], dict(answers_of(old.progress))),
            )
        )
    session.flush()


def _intake_page(
    request: Request,
    measurement: Measurement,
    message: str = "",
    intake: Intake | None = None,
    again: dict[str, Any] | None = None,
) -> Response:
    intake = intake or advisor_intake(measurement)
    field = field_for(intake, measurement.progress.get("previous", {}) | (again or {}))
    partners = (intake.case_data() or {}).get("partners", [])
    return page(
        request,
        "intake.html",
        m=measurement,
        name=measurement.collaboration.name,
        field=field,
        number=len(intake.asked) + 1,
        total=intake.estimated_total(),
        answered=answered_view(
            intake, measurement.progress.get("questions", {}), measurement.progress.get("labels", {})
        ),
        partners=partners,
        message=message,
        action=f"/metingen/{measurement.id}/intake",
    )


@router.get("/metingen/{mid}/intake")
def intake_page(request: Request, mid: Id, user: Advisor) -> Response:
    with app_state(request).db.reading() as s:
        measurement = owned_measurement(s, mid, user)
        if measurement.imported is not None:
            return _see(f"/metingen/{mid}/resultaat")
        return _intake_page(request, measurement)


@router.post("/metingen/{mid}/intake")
def answer(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    """Save on every answer: the reply is recorded and committed before the next question is shown."""
    try:
        with app_state(request).db.writing() as s:
            measurement = owned_measurement(s, mid, user)
            if measurement.imported is not None:
                raise HTTPException(409, "Deze meting is uit een casusbestand geladen; er is geen intake.")
            intake = advisor_intake(measurement)
            progress, message = submit(intake, measurement.progress, form)
            again = typed_again(intake, form) if progress is None else {}
            if progress is not None:
                measurement.progress = progress
            _ = measurement.collaboration.name  # loaded for the page, shown after the commit
    except StaleDataError:
        raise HTTPException(409, CONFLICT) from None
    return _intake_page(request, measurement, message, intake, again)


@router.post("/metingen/{mid}/intake/wijzig")
def change(request: Request, mid: Id, user: Advisor, form: CheckedForm) -> Response:
    key = str(form.get("step", ""))
    try:
        with app_state(request).db.writing() as s:
            measurement = owned_measurement(s, mid, user)
            if key == "name":
                raise HTTPException(422, "De naam van de samenwerking ligt vast; begin een nieuwe samenwerking.")
            measurement.progress = revisit(measurement.progress, key)
    except InputError as exc:
        raise HTTPException(422, "Die vraag is nog niet beantwoord.") from exc
    except StaleDataError:
        raise HTTPException(409, CONFLICT) from None
    return _see(f"/metingen/{mid}/intake")


__all__ = [
    "CONFLICT",
    "NAME_QUESTION",
    "answer",
    "change",
    "collaboration_page",
    "create",
    "home",
    "import_case",
    "intake_page",
    "new_measurement",
    "router",
]
