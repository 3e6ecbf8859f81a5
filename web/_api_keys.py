"""API keys: what an integrator's system sends (``Authorization: Bearer KEY`` or ``X-API-Key: KEY``) when the
server listens on an address other than the loopback. The database keeps only the key's SHA-256: a key is 256
random bits, so a copy of the database opens nothing and a slow hash would buy nothing."""

from __future__ import annotations

from datetime import datetime

from fastapi import Request
from sqlalchemy import Boolean, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from samenwerkwijzer import InputError

from ._checks import MAX_NAME_CHARS, text_problem
from ._context import app_state
from ._db import Database
from ._models import Base
from ._security import digest, new_token, now

PREFIX = "sww_"


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class ApiKeyRefused(Exception):
    """The request carries no key, or one the database does not know (``code`` says which)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


def create_api_key(db: Database, name: str) -> str:
    """A new key for ``name`` (shown once: only its hash is kept)."""
    name = name.strip()
    if not name:
        raise InputError("geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt")
    problem = (
        text_problem("De naam van de sleutel", name, MAX_NAME_CHARS)
        or ("\n" in name or "\t" in name)
        and ("De naam van de sleutel is één regel zonder tabs.")
    )
    if problem:
        raise InputError(problem[0].lower() + problem[1:].rstrip("."))
    key = PREFIX + new_token()
    with db.writing() as s:
        if s.scalar(select(ApiKey).where(ApiKey.name == name)) is not None:
            raise InputError(f"er is al een API-sleutel met de naam {name}")
        s.add(ApiKey(name=name, key_hash=digest(key), created_at=now(), revoked=False))
    return key


def api_keys(db: Database) -> list[tuple[str, datetime, bool]]:
    """Every key's name, when it was made, and whether it is revoked (the keys themselves are not kept)."""
    with db.reading() as s:
        return [(k.name, k.created_at, k.revoked) for k in s.scalars(select(ApiKey).order_by(ApiKey.name))]


def revoke_api_key_named(db: Database, name: str) -> None:
    """Revoke the key named ``name``: requests with it are refused from now on."""
    with db.writing() as s:
        found = s.scalar(select(ApiKey).where(ApiKey.name == name.strip()))
        if found is None:
            raise InputError(f"er is geen API-sleutel met de naam {name.strip()}")
        found.revoked = True


def sent_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def check_key(request: Request) -> None:
    """Raise :class:`ApiKeyRefused` unless the server is on the loopback or the request carries a known key."""
    state = app_state(request)
    if not state.require_login:
        return
    key = sent_key(request)
    if key is None:
        raise ApiKeyRefused("sleutel-ontbreekt")
    with state.db.reading() as s:
        found = s.scalar(select(ApiKey).where(ApiKey.key_hash == digest(key), ApiKey.revoked.is_(False)))
    if found is None:
        raise ApiKeyRefused("sleutel-onbekend")


__all__ = ["PREFIX", "ApiKey", "ApiKeyRefused", "check_key", "create_api_key", "sent_key"]
