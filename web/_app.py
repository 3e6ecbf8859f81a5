"""The web application: its parts put together, and the server that runs it.

:func:`create_app` builds the FastAPI application on a database (migrated on start);
:func:`serve` runs it with uvicorn, refusing an address other than the loopback without accounts.
"""

from __future__ import annotations

import ipaddress
import os
import re
import threading
import webbrowser
from collections.abc import Iterable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from samenwerkwijzer import CaseError, default_rule_book

from ._advisor import router as advisor_pages
from ._auth import NotLoggedIn, SessionMiddleware
from ._auth import router as login_pages
from ._checks import stored_case_problem
from ._context import HERE, AppState, page
from ._db import Database, WebError
from ._invites import router as invite_pages
from ._lesson import router as lesson_pages
from ._login_limit import LoginLimiter
from ._models import User
from ._openapi import install_api, is_api
from ._problems import case_problem, for_status
from ._respondent import router as respondent_pages
from ._results import router as result_pages
from ._security import HEADERS, hash_password, now

LOCAL_USER = "lokaal"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without its port, in lower case (``[::1]:8000`` gives ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


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
) -> FastAPI:
    """The application on ``db``; ``require_login`` for any address but the loopback.

    ``allowed_hosts`` are the names the application answers to besides the loopback names. Without
    accounts it answers to the loopback names only, so that a web page whose name is made to point at
    127.0.0.1 (DNS rebinding) cannot read or change the advisor's data; with accounts and no names
    given it answers to any name (a login protects every page).

    ``trusted_proxies`` are the addresses (or networks) of the reverse proxies in front of the server: only
    from them are ``X-Forwarded-For`` and ``X-Forwarded-Proto`` believed."""
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
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in (login_pages, advisor_pages, invite_pages, result_pages, respondent_pages, lesson_pages):
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
        _secure(response.headers, request.url.path)
        return response

    return app


_STATUS_TEXT = {
    404: "Deze pagina bestaat niet.",
    405: "Zo kan deze pagina niet worden gebruikt.",
    403: "Dit mag niet.",
}


def networks(addresses: Iterable[str]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Addresses and networks (``10.0.0.5``, ``10.0.0.0/24``) as networks; a Dutch error for a wrong one."""
    found = []
    for address in addresses:
        try:
            found.append(ipaddress.ip_network(address.strip(), strict=False))
        except ValueError:
            raise WebError(f"{address!r} is geen IP-adres of netwerk van een proxy") from None
    return tuple(found)


def _in(address: str, trusted: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


class ProxyHeaders:
    """The client's address and scheme as a trusted reverse proxy reports them (``X-Forwarded-For``, the
    nearest address that is not itself a trusted proxy; ``X-Forwarded-Proto``); from anyone else the headers
    are ignored, so that a local process cannot pose as many addresses to the login limit."""

    def __init__(self, app: ASGIApp, trusted: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> None:
        self.app = app
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.trusted and scope.get("client") and _in(scope["client"][0], self.trusted):
            headers = dict(scope["headers"])
            proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                scope["scheme"] = proto
            chain = [a.strip() for a in headers.get(b"x-forwarded-for", b"").decode("latin-1").split(",") if a.strip()]
            while chain and _in(chain[-1], self.trusted):
                chain.pop()
            if chain:
                scope["client"] = (chain[-1], 0)
        await self.app(scope, receive, send)


class HostCheck:
    """Answers 400 to a request whose Host header names neither the loopback nor an allowed name."""

    def __init__(self, app: ASGIApp, allowed: set[str]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            header = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
            name = host_name(header)
            if not (is_loopback(name) or name in self.allowed):
                response = PlainTextResponse(
                    "Samenwerkwijzer antwoordt niet op dit adres. Open het via het adres dat de server noemt.",
                    status_code=400,
                )
                _secure(response.headers, scope["path"])
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """The security headers on every answer, and ``no-store`` on a respondent's and a measurement's pages
    (a plain ASGI middleware, like :class:`._auth.SessionMiddleware`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _secure(MutableHeaders(scope=message), path)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _secure(headers: MutableHeaders, path: str) -> None:
    """The security headers an answer lacks, and ``no-store`` on a respondent's and a measurement's pages."""
    for name, value in HEADERS.items():
        headers.setdefault(name, value)
    if path.startswith(("/r/", "/metingen/")):
        headers.setdefault("Cache-Control", "no-store")


def serve(
    database: str, *, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = True, workers: int = 1
) -> None:  # pragma: no cover - runs until stopped; tests start it as a process
    """Run the application until stopped; ``workers`` server processes share the port (and the database)."""
    import uvicorn

    db = Database(database)  # migrated here, once, before any worker starts
    require_login = not is_loopback(host)
    app = create_app(db, require_login=require_login)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    print(f"Samenwerkwijzer draait op {url} (stoppen: Ctrl+C)", flush=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    db.dispose()
    os.environ[_DATABASE_VARIABLE] = database
    os.environ[_LOGIN_VARIABLE] = "1" if require_login else "0"
    uvicorn.run(f"{__name__}:worker_app", factory=True, host=host, port=port, workers=workers, log_level="warning")


# How serve() hands its settings to the worker processes uvicorn starts.
_DATABASE_VARIABLE = "SAMENWERKWIJZER_WEB_DATABASE"
_LOGIN_VARIABLE = "SAMENWERKWIJZER_WEB_REQUIRE_LOGIN"


def worker_app() -> FastAPI:
    """The application in a worker process of :func:`serve`. Logins are required unless the setting says
    exactly "0" (the loopback); the database address (it may hold a password) is taken out of the
    environment, so that the programs the worker starts (LibreOffice, Graphviz) do not inherit it."""
    database = os.environ.pop(_DATABASE_VARIABLE)
    return create_app(Database(database), require_login=os.environ.get(_LOGIN_VARIABLE) != "0")
