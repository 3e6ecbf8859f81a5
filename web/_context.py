"""What every route shares: the database, the templates, the login rules, and how a page is rendered."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from samenwerkwijzer import Advice, Case

from ._advice_cache import AdviceCache
from ._db import Database
from ._login_limit import LoginLimiter

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))

_WORDS = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
]


def in_words(number: int) -> str:
    """Numbers up to twenty in words, as the letter writes them; larger ones in digits."""
    return _WORDS[number] if 0 <= number < len(_WORDS) else str(number)


def listed(items: list[str]) -> str:
    """Titles in a sentence: ‘A’, ‘B’ en ‘C’."""
    quoted = [f"‘{item}’" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " en " + quoted[-1] if quoted else ""


TEMPLATES.env.filters["words"] = in_words
TEMPLATES.env.filters["listed"] = listed


@dataclass
class AppState:
    db: Database
    require_login: bool
    local_user_id: int | None
    limiter: LoginLimiter
    public_url: str | None = None
    min_respondents: int = 3  # never fewer than three (create_app sees to it)
    privacy_contact: str | None = None  # whom respondents ask about their data (the organisation's contact)
    retention_days: int = 365  # how long a measurement's respondents' answers are kept
    smtp_url: str | None = None  # smtp://user:password@host:port/?from=adres: invitations are sent by e-mail
    session_participants: int = 50  # the most phones in one meeting with the partners (serve --session-participants)
    diagnoses: AdviceCache = field(default_factory=AdviceCache)


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.sww
    return state


def advice_for(request: Request, case: Case, user: int) -> Advice:
    """The advice on ``case`` for advisor ``user``, from this process's recent diagnoses when it is there
    (a result page and its letter frame, a switch flipped back): each advisor's own."""
    return app_state(request).diagnoses.advice(case, f"gebruiker:{user}")


def base_url(request: Request) -> str:
    """Where links to this server start: the public address when one is set, else the address asked."""
    return app_state(request).public_url or str(request.base_url).rstrip("/")


#: The pages of people who come by a link of their own (a respondent, a phone in a session, a shared advice).
VISITOR_PATHS = ("/r/", "/s/", "/delen/")


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``templates/``, with the session's CSRF token and who is logged in."""
    session = getattr(request.state, "session", None)
    context.setdefault("csrf", session.csrf if session is not None else "")
    context.setdefault("username", getattr(request.state, "username", None))
    context.setdefault("require_login", app_state(request).require_login)
    # Links made on a server without a public address only open on this computer: the pages say so.
    context.setdefault("local_links", app_state(request).public_url is None and not app_state(request).require_login)
    # A partner's or a phone's page (a link of their own) never points to the advisor's overview.
    context.setdefault("visitor", request.url.path.startswith(VISITOR_PATHS))
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


__all__ = ["HERE", "TEMPLATES", "VISITOR_PATHS", "AppState", "advice_for", "app_state", "in_words", "page"]
