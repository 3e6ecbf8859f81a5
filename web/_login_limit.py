"""Failed logins slow down what is counted: an address, a user name from one address, and a user name from anywhere.

The failures are kept in the database, so that every worker of ``serve --workers N`` counts the same ones and
a restart forgets none. A row holds the SHA-256 of what was counted (``user:NAME``, ``ip:ADDRESS`` or
``pair:NAME@ADDRESS``) and when: the table is no list of who tried to log in from where.

An attempt is checked and recorded in one transaction (:meth:`LoginLimiter.attempt`), before the password is
verified: forty guesses sent at once are forty attempts, not forty checks of an empty count. On SQLite the
write transaction holds the database's lock; on PostgreSQL a transaction lock per key serialises the attempts.
A successful login forgets only the user name's own failures and the attempt itself, never the address's: an
attacker with an account of their own cannot clear their count by logging in between guesses.

Past its free attempts a key backs off: the next attempt waits one second after the last failure, then two,
four, … up to a quarter of an hour. A user name from anywhere has many more free attempts than an address, so
that someone guessing another's password from one address does not lock the real user out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text

from ._db import Database
from ._models import LoginFailure
from ._security import digest, now

ATTEMPTS = 5  # free attempts per address, and per user name from one address
USER_ATTEMPTS = 20  # free attempts per user name from all addresses together
WINDOW = timedelta(minutes=15)
MAX_WAIT = WINDOW


@dataclass(frozen=True)
class Attempt:
    """An attempt let through (``ids`` are its rows, forgotten on success), or refused for ``wait`` seconds."""

    ids: tuple[int, ...] = ()
    wait: int = 0

    @property
    def refused(self) -> bool:
        return self.wait > 0


def keys_for(username: str, address: str) -> dict[str, int]:
    """What one login attempt counts, with the free attempts of each."""
    name = username.strip().lower()
    return {f"ip:{address}": ATTEMPTS, f"pair:{name}@{address}": ATTEMPTS, f"user:{name}": USER_ATTEMPTS}


def back_off(failures: int, free: int) -> timedelta:
    """How long after the last failure the next attempt waits."""
    if failures < free:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - free, 20)), MAX_WAIT)


class LoginLimiter:
    def __init__(self, db: Database, window: timedelta = WINDOW) -> None:
        self.db = db
        self.window = window

    def attempt(self, keys: dict[str, int]) -> Attempt:
        """Check the keys' back-off and record the attempt as a failure, in one transaction."""
        moment = now()
        hashes = {digest(key): free for key, free in keys.items()}
        with self.db.writing() as s:
            if s.get_bind().dialect.name == "postgresql":
                for key_hash in sorted(hashes):  # in one order, so that two attempts cannot deadlock
                    s.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": key_hash})
            # Old failures count for nothing any more: forget them as new ones come in.
            s.execute(delete(LoginFailure).where(LoginFailure.at <= moment - self.window))
            wait = timedelta(0)
            for key_hash, free in hashes.items():
                count, last = s.execute(
                    select(func.count(), func.max(LoginFailure.at)).where(LoginFailure.key_hash == key_hash)
                ).one()
                if count and last is not None:
                    wait = max(wait, _as_naive(last) + back_off(count, free) - moment)
            if wait > timedelta(0):
                return Attempt(wait=max(1, int(wait.total_seconds() + 0.999)))
            rows = [LoginFailure(key_hash=key_hash, at=moment) for key_hash in hashes]
            s.add_all(rows)
            s.flush()
            return Attempt(ids=tuple(r.id for r in rows))

    def succeeded(self, attempt: Attempt, username: str) -> None:
        """The attempt was right: forget it, and the user name's failures (not the address's)."""
        name = username.strip().lower()
        with self.db.writing() as s:
            s.execute(delete(LoginFailure).where(LoginFailure.id.in_(attempt.ids)))
            s.execute(delete(LoginFailure).where(LoginFailure.key_hash == digest(f"user:{name}")))


def _as_naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


__all__ = ["ATTEMPTS", "WINDOW", "LoginLimiter"]
