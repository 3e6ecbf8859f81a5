"""The web application: its parts put together.

:func:`create_app` builds the FastAPI application on a database (migrated on start): the routers, the
middlewares (:mod:`._middleware`), the error pages; the advisors' accounts. :mod:`._server` runs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select
from starlette.exceptions import HTTPException as StarletteHTTPException

from samenwerkwijzer import CaseError, default_rule_book

from ._advisor import router as advisor_pages
from ._agenda import api_router as agenda_api
from ._agenda import router as agenda_pages
from ._auth import NotLoggedIn, SessionMiddleware
from ._auth import router as login_pages
from ._ballot import router as ballot_pages
from ._cases import MIN_RESPONDENTS
from ._checks import MAX_NAME_CHARS, stored_case_problem, text_problem
from ._context import HERE, AppState, page
from ._db import Database, WebError
from ._invites import router as invite_pages
from ._lesson import router as lesson_pages
from ._lesson import use_lessons
from ._letter_page import router as letter_pages
from ._login_limit import LoginLimiter
from ._middleware import HostCheck, ProxyHeaders, SecurityHeaders, host_name, networks, secure
from ._models import User
from ._openapi import install_api, is_api
from ._privacy import router as privacy_pages
from ._problems import case_problem, for_status
from ._replay import router as replay_pages
from ._respondent import router as respondent_pages
from ._results import router as result_pages
from ._security import hash_password, now
from ._session import router as session_pages
from ._settings import ServerSettings
from ._share import router as share_pages

LOCAL_USER = "lokaal"


def _local_user(db: Database) -> int:
    with db.writing() as s:
        found = s.scalar(select(User).where(User.username == LOCAL_USER, User.password_hash.is_(None)))
        if found is None:
            found = User(username=LOCAL_USER, password_hash=None, created_at=now())
            s.add(found)
            s.flush()
        return found.id


def account_count(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(User).where(User.password_hash.is_not(None))) or 0


def create_user(db: Database, username: str, password: str) -> None:
    """An advisor account (argon2 hash of the password)."""
    username = username.strip()
    if not username or username == LOCAL_USER:
        raise WebError(f"kies een andere gebruikersnaam dan {username!r}")
    problem = text_problem("De gebruikersnaam", username, MAX_NAME_CHARS)
    if problem is None and ("\n" in username or "\t" in username):
        problem = "De gebruikersnaam is één regel zonder tabs."
    if problem:
        raise WebError(problem[0].lower() + problem[1:].rstrip("."))
    if len(password) < 10:
        raise WebError("een wachtwoord heeft minstens tien tekens")
    with db.writing() as s:
        if s.scalar(select(User).where(User.username == username)) is not None:
            raise WebError(f"er is al een gebruiker {username}")
        s.add(User(username=username, password_hash=hash_password(password), created_at=now()))


def create_app(
    db: Database,
    *,
    require_login: bool,
    allowed_hosts: Iterable[str] | None = None,
    trusted_proxies: Iterable[str] = (),
    public_url: str | None = None,
    min_respondents: int = MIN_RESPONDENTS,
    settings: ServerSettings | None = None,
) -> FastAPI:
    """The application on ``db``; ``require_login`` for any address but the loopback.

    ``allowed_hosts`` are the names the application answers to besides the loopback names. Without
    accounts it answers to the loopback names only, so that a web page whose name is made to point at
    127.0.0.1 (DNS rebinding) cannot read or change the advisor's data; with accounts and no names
    given it answers to any name (a login protects every page).

    ``trusted_proxies`` are the addresses (or networks) of the reverse proxies in front of the server: only
    from them are ``X-Forwarded-For`` and ``X-Forwarded-Proto`` believed. ``public_url`` is the address the
    partners open (every link the pages make starts with it); its host is answered to."""
    if settings is not None:  # a server's settings, as serve() was given them
        public_url, min_respondents = settings.public_url or public_url, settings.min_respondents
        allowed_hosts = (*(allowed_hosts or ()), *(settings.allowed_hosts or ())) or None
        trusted_proxies = (*trusted_proxies, *settings.trusted_proxies)
    settings = settings or ServerSettings()
    use_lessons(Path(settings.lessons) if settings.lessons else None)
    if public_url is not None:
        allowed_hosts = (*(allowed_hosts or ()), urlsplit(public_url).netloc)
    if require_login and account_count(db) == 0:
        raise WebError(
            "op een ander adres dan 127.0.0.1 moet elke adviseur inloggen, maar er is nog geen account; "
            "maak er een met: samenwerkwijzer serve --create-user NAAM"
        )
    app = FastAPI(title="Samenwerkwijzer", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.sww = AppState(
        db=db,
        require_login=require_login,
        local_user_id=None if require_login else _local_user(db),
        limiter=LoginLimiter(db),
        public_url=public_url.rstrip("/") if public_url else None,
        min_respondents=max(MIN_RESPONDENTS, min_respondents),
        privacy_contact=settings.privacy_contact,
        retention_days=settings.retention_days,
        smtp_url=settings.smtp_url,
        session_participants=settings.session_participants,
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in (
        login_pages, advisor_pages, invite_pages, result_pages, respondent_pages, lesson_pages, privacy_pages,
        session_pages, agenda_pages, agenda_api, share_pages, letter_pages, replay_pages, ballot_pages,
    ):  # fmt: skip
        app.include_router(router)
    install_api(app)
    # Compile the rules now: the first diagnosis would otherwise pay for it, on the event loop.
    default_rule_book().runner  # noqa: B018
    app.add_middleware(SessionMiddleware)
    app.add_middleware(SecurityHeaders)  # it sees every answer, the session's too
    if allowed_hosts is not None or not require_login:
        app.add_middleware(HostCheck, allowed={host_name(h) for h in allowed_hosts or ()})
    app.add_middleware(ProxyHeaders, trusted=networks(trusted_proxies))  # the outermost

    @app.exception_handler(CaseError)
    async def _stored_case(request: Request, exc: CaseError) -> Response:
        if is_api(request):
            return case_problem(exc)
        if request.url.path.startswith("/r/"):
            message = "Deze vragenlijst kan nu niet worden geopend. Laat het de adviseur weten."
            return page(request, "error.html", 422, message=message)
        found = re.match(r"/metingen/(\d+)", request.url.path)
        message, fix = stored_case_problem(exc, int(found.group(1)) if found else None)
        return page(request, "error.html", 422, message=f"Deze meting kan zo niet worden gelezen. {message}", fix=fix)

    @app.exception_handler(NotLoggedIn)
    async def _login_first(request: Request, exc: NotLoggedIn) -> Response:
        return RedirectResponse("/inloggen", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else None
        if exc.status_code == 404 and isinstance(exc.detail, str) and exc.detail != "Not Found":
            message = exc.detail
        message = message or _STATUS_TEXT.get(exc.status_code, "Er ging iets mis.")
        if is_api(request):
            return for_status(exc.status_code)
        return page(request, "error.html", exc.status_code, message=message)

    @app.exception_handler(RequestValidationError)
    async def _bad_address(request: Request, exc: RequestValidationError) -> Response:
        # Only a path can fail FastAPI's validation here (forms are read by hand): a mistyped address.
        if is_api(request):
            return for_status(422)
        return page(request, "error.html", 404, message=_STATUS_TEXT[404])

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        message = "Er ging iets mis in Samenwerkwijzer. Wat u eerder opsloeg, is bewaard; probeer het opnieuw."
        response = for_status(500) if is_api(request) else page(request, "error.html", 500, message=message)
        # Starlette answers an unhandled error outside every middleware: the headers are set here.
        secure(response.headers, request.url.path, request.url.scheme == "https")
        return response

    return app


_STATUS_TEXT = {
    404: "Deze pagina bestaat niet.",
    405: "Zo kan deze pagina niet worden gebruikt.",
    403: "Dit mag niet.",
}


__all__ = [
    "LOCAL_USER",
    "account_count",
    "create_app",
    "create_user",
]
