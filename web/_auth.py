"""Who is asking: server-side sessions, the single local user, logging in and out, and CSRF.

On 127.0.0.1 (the default) there is one local user, given to every visitor of this machine; on any
other address every advisor logs in. Every form carries the session's CSRF token, every POST is
refused without it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy import delete, select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._context import VISITOR_PATHS, AppState, app_state, in_words, page
from ._login_limit import keys_for
from ._models import User, WebSession
from ._security import digest, new_token, now, same, signed, verify_password

COOKIE = "sww_sessie"
SESSION_DAYS = 7
router = APIRouter()

# Pages anyone may reach: the login, the API, static files, the privacy page, and the visitors' pages
# (respondents' questionnaires, a meeting's phones, a shared advice: their link is their key).
_OPEN = ("/inloggen", "/api/", "/static/", "/privacy", *VISITOR_PATHS)


class NotLoggedIn(Exception):
    """Raised by :func:`advisor` on a page that needs a login."""


class SessionMiddleware:
    """Finds the visitor's session before a route runs (``request.state.session`` and ``.username``). A plain
    ASGI middleware: Starlette's ``BaseHTTPMiddleware`` costs a task group and a memory stream per request,
    more than the API's own work.

    Only a login writes a session to the database. On a loopback install the one local user's session is the
    cookie itself: a random token, with the CSRF token derived from it by the database's secret, so that a
    thousand requests without a cookie write nothing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        state = app_state(request)
        token = request.cookies.get(COOKIE)
        session: WebSession | None = None
        username: str | None = None
        new_cookie: str | None = None
        if not state.require_login:
            if not token and not scope["path"].startswith(_OPEN[1:]):
                token = new_cookie = new_token()
            if token:
                session = local_session(state, token)
        elif token:
            with state.db.reading() as s:
                session = s.get(WebSession, digest(token))
                if session is not None and session.expires_at < now():
                    session = None
                if session is not None:
                    user = s.get(User, session.user_id)
                    username = user.username if user is not None else None
        request.state.session = session
        request.state.username = username if state.require_login else None
        if new_cookie is None:
            await self.app(scope, receive, send)
            return
        cookie = Response()
        _set_cookie(cookie, new_cookie, secure=scope.get("scheme") == "https")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", cookie.headers["set-cookie"])
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def local_session(state: AppState, token: str) -> WebSession:
    """The loopback's session of ``token``: not stored, its CSRF token signed from the cookie's."""
    assert state.local_user_id is not None
    return WebSession(
        id=digest(token),
        user_id=state.local_user_id,
        csrf=signed(state.db.secret, "csrf:" + token),
        expires_at=now() + timedelta(days=SESSION_DAYS),
    )


def _open_session(request: Request, user_id: int) -> tuple[str, WebSession]:
    token = new_token()
    moment = now()
    session = WebSession(
        id=digest(token), user_id=user_id, csrf=new_token(), expires_at=moment + timedelta(days=SESSION_DAYS)
    )
    with app_state(request).db.writing() as s:
        s.execute(delete(WebSession).where(WebSession.expires_at < moment))  # the expired ones go as new ones come
        s.add(session)
    return token, session


def _set_cookie(response: Response, token: str, *, secure: bool) -> None:
    response.set_cookie(
        COOKIE, token, httponly=True, samesite="strict", max_age=SESSION_DAYS * 86400, path="/", secure=secure
    )


def advisor(request: Request) -> int:
    """The logged-in advisor's user id (the local user on a loopback install)."""
    session: WebSession | None = getattr(request.state, "session", None)
    if session is None:
        raise NotLoggedIn
    return session.user_id


Advisor = Annotated[int, Depends(advisor)]


async def checked_form(request: Request) -> FormData:
    """The submitted form, refused (403) without the session's CSRF token."""
    form = await request.form()
    session: WebSession | None = getattr(request.state, "session", None)
    sent = form.get("csrf_token")
    if session is None or not isinstance(sent, str) or not same(sent, session.csrf):
        raise HTTPException(403, "Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw.")
    return form


CheckedForm = Annotated[FormData, Depends(checked_form)]


@router.get("/inloggen")
def login_page(request: Request) -> Response:
    if not app_state(request).require_login:
        return RedirectResponse("/", status_code=303)
    return _login_form(request)


def _login_form(request: Request, message: str = "", status_code: int = 200) -> Response:
    # The login form's CSRF token: a pre-session, so that a forged login is refused too.
    token = request.cookies.get("sww_login") or new_token()
    response = page(request, "login.html", status_code=status_code, csrf=token, message=message)
    response.set_cookie(
        "sww_login", token, httponly=True, samesite="strict", max_age=3600, path="/inloggen",
        secure=request.url.scheme == "https",
    )  # fmt: skip
    return response


@router.post("/inloggen")
async def login(request: Request) -> Response:
    state = app_state(request)
    form = await request.form()
    if not same(request.cookies.get("sww_login"), str(form.get("csrf_token", ""))):
        raise HTTPException(403, "Dit formulier is verlopen of komt niet van deze site. Laad de pagina opnieuw.")
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    keys = keys_for(username, request.client.host if request.client else "-")
    # In a thread: argon2 takes a fifth of a second and the limiter writes to the database.
    wait, user_id = await run_in_threadpool(_check_login, state, keys, username, password)
    if wait:
        message = f"Te veel mislukte pogingen. Probeer het over {wait_text(wait)} opnieuw."
        response = _login_form(request, message, 429)
        response.headers["Retry-After"] = str(wait)
        return response
    if user_id is None:
        return _login_form(request, "Deze combinatie van naam en wachtwoord kennen we niet.", 401)
    token, _ = _open_session(request, user_id)
    response = RedirectResponse("/", status_code=303)
    _set_cookie(response, token, secure=request.url.scheme == "https")
    response.delete_cookie("sww_login", path="/inloggen")
    return response


def wait_text(seconds: int) -> str:
    """'een seconde', 'twee minuten', … for the login page."""
    if seconds < 60:
        return f"{in_words(seconds)} {'seconde' if seconds == 1 else 'seconden'}"
    minutes = (seconds + 59) // 60
    return f"{in_words(minutes)} {'minuut' if minutes == 1 else 'minuten'}"


def _check_login(state: AppState, keys: dict[str, int], username: str, password: str) -> tuple[int, int | None]:
    """(seconds to wait before another attempt, or 0; the user id for a right name and password, or None).

    The attempt is recorded as a failure before the password is checked, in the transaction that checks the
    count, and forgotten when the password is right."""
    attempt = state.limiter.attempt(keys)
    if attempt.refused:
        return attempt.wait, None
    with state.db.reading() as s:
        user = s.scalar(select(User).where(User.username == username))
        user_id, stored = (user.id, user.password_hash) if user is not None else (None, None)
    if user_id is None or not verify_password(stored, password):
        return 0, None
    state.limiter.succeeded(attempt, username)
    return 0, user_id


@router.post("/uitloggen")
def logout(request: Request, form: CheckedForm) -> Response:
    token = request.cookies.get(COOKIE)
    if token:
        with app_state(request).db.writing() as s:
            s.execute(delete(WebSession).where(WebSession.id == digest(token)))
    response = RedirectResponse("/inloggen" if app_state(request).require_login else "/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


__all__ = [
    "COOKIE",
    "SESSION_DAYS",
    "Advisor",
    "CheckedForm",
    "NotLoggedIn",
    "SessionMiddleware",
    "advisor",
    "checked_form",
    "login",
    "login_page",
    "logout",
    "router",
]
