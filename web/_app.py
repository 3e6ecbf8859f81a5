"""The web application: its parts put together, and the server that runs it.

:func:`create_app` builds the FastAPI application on a database (migrated on start);
:func:`serve` runs it with uvicorn, refusing an address other than the loopback without accounts.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import ipaddress
import json
import os
import re
import signal
import socket
import sys
import threading
import webbrowser
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from samenwerkwijzer import CaseError, default_rule_book

from ._advisor import router as advisor_pages
from ._agenda import api_router as agenda_api
from ._agenda import router as agenda_pages
from ._auth import NotLoggedIn, SessionMiddleware
from ._auth import router as login_pages
from ._cases import MIN_RESPONDENTS, RETENTION_DAYS
from ._checks import MAX_NAME_CHARS, stored_case_problem, text_problem
from ._context import HERE, AppState, page
from ._db import Database, WebError
from ._invites import router as invite_pages
from ._lesson import router as lesson_pages
from ._letter_page import router as letter_pages
from ._login_limit import LoginLimiter
from ._models import User
from ._openapi import install_api, is_api
from ._privacy import router as privacy_pages
from ._problems import case_problem, for_status
from ._replay import router as replay_pages
from ._respondent import router as respondent_pages
from ._results import router as result_pages
from ._security import HEADERS, hash_password, now
from ._session import MAX_PARTICIPANTS
from ._session import router as session_pages
from ._share import router as share_pages

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
        session_pages, agenda_pages, agenda_api, share_pages, letter_pages, replay_pages,
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
        _secure(response.headers, request.url.path, request.url.scheme == "https")
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
                _secure(response.headers, scope["path"], scope.get("scheme") == "https")
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
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _secure(MutableHeaders(scope=message), path, https)
            await send(message)

        await self.app(scope, receive, send_with_headers)


HSTS = "max-age=31536000"


def _secure(headers: MutableHeaders, path: str, https: bool = False) -> None:
    """The security headers an answer lacks, ``no-store`` on a respondent's and a measurement's pages, and
    Strict-Transport-Security on an answer over HTTPS."""
    for name, value in HEADERS.items():
        headers.setdefault(name, value)
    if https:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if path.startswith(("/r/", "/s/", "/delen/", "/metingen/")):
        headers.setdefault("Cache-Control", "no-store")


@dataclass(frozen=True)
class ServerSettings:
    """How a server is reached: its public address, the reverse proxies in front of it, its own TLS; and what
    it promises the respondents (the fewest whose answers are shown, whom to ask about their data, how long it
    is kept) and how it sends invitations.

    ``public_url`` (``https://samenwerken.example.nl``) is the address partners open: every link the pages
    make uses it, and its host is one the server answers to. ``trusted_proxies`` are the addresses whose
    ``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed. ``tls_certificate`` and ``tls_key`` make the
    server speak HTTPS itself."""

    public_url: str | None = None
    trusted_proxies: tuple[str, ...] = ()
    tls_certificate: str | None = None
    tls_key: str | None = None
    insecure_http: bool = False
    min_respondents: int = MIN_RESPONDENTS
    privacy_contact: str | None = None
    retention_days: int = RETENTION_DAYS
    smtp_url: str | None = None
    session_participants: int = MAX_PARTICIPANTS

    def check(self, host: str) -> None:
        """Refuse what would send passwords and links in clear text, or cannot work (a Dutch WebError)."""
        if self.public_url is not None:
            parsed = urlsplit(self.public_url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                example = "https://samenwerken.example.nl"
                raise WebError(f"--public-url is een volledig adres, zoals {example}, niet {self.public_url!r}")
            if parsed.scheme == "http" and not self.insecure_http and not is_loopback(parsed.hostname):
                raise WebError("--public-url begint met https://; een adres met http:// kan alleen met --insecure-http")
        if (self.tls_certificate is None) != (self.tls_key is None):
            raise WebError("geef --tls-certificate en --tls-key samen")
        for path in (self.tls_certificate, self.tls_key):
            if path is not None and not os.path.isfile(path):
                raise WebError(f"het bestand {path} bestaat niet")
        networks(self.trusted_proxies)
        tls = self.tls_certificate is not None
        if not is_loopback(host) and not tls and not self.trusted_proxies and not self.insecure_http:
            raise WebError(
                f"op {host} zouden wachtwoorden en links onversleuteld over het netwerk gaan. Gebruik HTTPS: "
                "--tls-certificate en --tls-key, of een reverse proxy met --trusted-proxy ADRES (zie README, "
                "'Hosting for partners'); of zeg met --insecure-http dat het zo moet"
            )

    @property
    def allowed_hosts(self) -> tuple[str, ...] | None:
        if self.public_url is None:
            return None
        return (urlsplit(self.public_url).netloc,)


def bound_socket(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a port in use is a Dutch sentence, not uvicorn's traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise WebError(
                f"poort {port} op {host} is al in gebruik, misschien door een Samenwerkwijzer die nog draait. "
                "Stop die, of kies een andere poort met --port"
            ) from None
        raise WebError(f"kan niet luisteren op {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


class ReusePortSockets(list[socket.socket]):
    """The listening socket of :func:`serve`'s workers: in the supervisor the socket bound there (it keeps the
    port from others), and in each worker, as it is unpickled there, a socket of the worker's own, bound to the
    same address with ``SO_REUSEPORT``. The kernel then spreads new connections over the workers by their
    addresses; with one shared socket, the worker whose loop woke first accepted them all (asyncio accepts
    every waiting connection at once), and one worker did most of the work."""

    def __init__(self, sock: socket.socket, address: tuple[str, int]) -> None:
        super().__init__([sock])
        self.address = address

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return _reuse_port_sockets, self.address


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` with ``SO_REUSEPORT`` (a worker's own listening socket)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _reuse_port_sockets(host: str, port: int) -> ReusePortSockets:
    return ReusePortSockets(reuse_port_socket(host, port), (host, port))


def _listening_sockets(host: str, port: int, workers: int) -> list[socket.socket]:
    """The sockets :func:`serve` hands uvicorn: one bound socket for one process or without ``SO_REUSEPORT``;
    for workers, a socket per worker (:class:`ReusePortSockets`). The port is first bound without
    ``SO_REUSEPORT`` (:func:`bound_socket`), so that a port in use, even by another Samenwerkwijzer's
    workers, is still refused with a Dutch sentence."""
    sock = bound_socket(host, port)
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        return [sock]
    port = sock.getsockname()[1]
    sock.close()
    try:
        return ReusePortSockets(reuse_port_socket(host, port), (host, port))
    except OSError:  # pragma: no cover - a kernel without SO_REUSEPORT for TCP: one shared socket
        return [bound_socket(host, port)]


def freeze_start_up() -> None:
    """Move everything start-up made (modules, models, the compiled rules) out of the garbage collector's
    reach: a collection of the oldest generation then walks only what requests made, not the some hundred
    thousand objects of the application (pauses of tens of milliseconds under load before)."""
    gc.collect()
    gc.freeze()


def serve(
    database: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    open_browser: bool = True,
    workers: int = 1,
    hosting: ServerSettings | None = None,
) -> None:  # pragma: no cover - runs until stopped; tests start it as a process
    """Run the application until stopped; ``workers`` server processes share the port (and the database)."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    hosting = hosting or ServerSettings()
    hosting.check(host)
    db = Database(database)  # migrated here, once, before any worker starts
    require_login = not is_loopback(host)
    app = create_app(db, require_login=require_login, settings=hosting)
    # After the accounts and settings are checked (a missing account is said even when the port is in use);
    # a port in use is a Dutch sentence, not uvicorn's traceback. One socket per worker (SO_REUSEPORT).
    sockets = _listening_sockets(host, port, workers)
    scheme = "https" if hosting.tls_certificate else "http"
    url = hosting.public_url or f"{scheme}://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    print(f"Samenwerkwijzer draait op {url} (stoppen: Ctrl+C)", flush=True)
    options: dict[str, Any] = {
        "log_level": "warning",
        "proxy_headers": False,  # ProxyHeaders reads them, from the trusted proxies only
        "server_header": False,
        "http": HeaderTimeoutProtocol,
        # Longer than the pools of common clients keep an idle connection (httpx 5 s, aiohttp 15 s): the client
        # closes it first, so that it never sends a request on a connection the server is closing.
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "ssl_certfile": hosting.tls_certificate,
        "ssl_keyfile": hosting.tls_key,
    }
    if workers == 1:
        freeze_start_up()
        uvicorn.Server(uvicorn.Config(app, **options)).run(sockets=sockets)
        return
    db.dispose()
    os.environ[_DATABASE_VARIABLE] = database
    os.environ[_LOGIN_VARIABLE] = "1" if require_login else "0"
    os.environ[_SETTINGS_VARIABLE] = json.dumps({"hosting": asdict(hosting), "supervisor": os.getpid()})
    config = uvicorn.Config(f"{__name__}:worker_app", factory=True, workers=workers, **options)
    Multiprocess(config, sockets=sockets).run()


# How long an idle kept-alive connection stays open (seconds); see serve().
KEEP_ALIVE_SECONDS = 20

# How serve() hands its settings to the worker processes uvicorn starts.
_DATABASE_VARIABLE = "SAMENWERKWIJZER_WEB_DATABASE"
_LOGIN_VARIABLE = "SAMENWERKWIJZER_WEB_REQUIRE_LOGIN"
_SETTINGS_VARIABLE = "SAMENWERKWIJZER_WEB_SETTINGS"
HEADER_TIMEOUT_VARIABLE = "SAMENWERKWIJZER_HEADER_TIMEOUT"


def worker_app() -> FastAPI:
    """The application in a worker process of :func:`serve`. Logins are required unless the setting says
    exactly "0" (the loopback); the database address (it may hold a password) is taken out of the
    environment, so that the programs the worker starts (LibreOffice, Graphviz) do not inherit it.

    The worker ends with its supervisor: the kernel sends it SIGTERM when the supervisor dies, even by
    kill -9, so that no orphaned worker keeps serving the port."""
    settings = json.loads(os.environ.get(_SETTINGS_VARIABLE) or "{}")
    supervisor = settings.get("supervisor")
    if supervisor is not None:
        _die_with_parent(int(supervisor))
    database = os.environ.pop(_DATABASE_VARIABLE)
    given: dict[str, Any] = settings.get("hosting", {})
    hosting = ServerSettings(
        public_url=given.get("public_url"),
        trusted_proxies=tuple(given.get("trusted_proxies", ())),
        tls_certificate=given.get("tls_certificate"),
        tls_key=given.get("tls_key"),
        insecure_http=bool(given.get("insecure_http")),
        min_respondents=int(given.get("min_respondents", MIN_RESPONDENTS)),
        privacy_contact=given.get("privacy_contact"),
        retention_days=int(given.get("retention_days", RETENTION_DAYS)),
        smtp_url=given.get("smtp_url"),
        session_participants=int(given.get("session_participants", MAX_PARTICIPANTS)),
    )
    app = create_app(Database(database), require_login=os.environ.get(_LOGIN_VARIABLE) != "0", settings=hosting)
    freeze_start_up()
    return app


def _die_with_parent(supervisor: int) -> None:
    """SIGTERM to this process when its parent ends (Linux); and at once if it has ended already."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != supervisor:
        os.kill(os.getpid(), signal.SIGTERM)


class HeaderTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's HTTP protocol, with time limits on reading a request: a client that opens a connection and sends
    its headers a byte at a time (slowloris) is cut off after the header timeout, and one that sends its body a
    byte at a time after the body timeout (six times as long: a case file may come over a slow line)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None
        self._header_seconds = float(os.environ.get(HEADER_TIMEOUT_VARIABLE) or 10)
        self._body_seconds = 6 * self._header_seconds

    def _arm(self, seconds: float | None = None) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(seconds or self._header_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        self._arm(self._body_seconds)  # the body, if any, must come in time too
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


__all__ = [
    "LOCAL_USER",
    "KEEP_ALIVE_SECONDS",
    "HostCheck",
    "SecurityHeaders",
    "account_count",
    "create_app",
    "create_user",
    "host_name",
    "is_loopback",
    "serve",
    "worker_app",
]
