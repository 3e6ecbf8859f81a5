"""At most five failed logins per user name and per address in a quarter of an hour, across server processes.

The failures are kept in the database, so that every worker of ``serve --workers N`` counts the same ones and
a restart forgets none. A row holds the SHA-256 of what was counted (``user:NAME`` or ``ip:ADDRESS``) and when:
the table is no list of who tried to log in from where.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select

from ._db import Database
from ._models import LoginFailure
from ._security import digest, now

ATTEMPTS = 5
WINDOW = timedelta(minutes=15)


class LoginLimiter:
    """At most ``attempts`` failed logins per key in ``window``."""

    def __init__(self, db: Database, attempts: int = ATTEMPTS, window: timedelta = WINDOW) -> None:
        self.db = db
        self.attempts = attempts
        self.window = window

    def blocked(self, *keys: str) -> bool:
        since = now() - self.window
        with self.db.reading() as s:
            for key in keys:
                count = s.scalar(
                    select(func.count())
                    .select_from(LoginFailure)
                    .where(LoginFailure.key_hash == digest(key), LoginFailure.at > since)
                )
                if (count or 0) >= self.attempts:
                    return True
        return False

    def failed(self, *keys: str) -> None:
        moment = now()
        with self.db.writing() as s:
            # Old failures count for nothing any more: forget them as new ones come in.
            s.execute(delete(LoginFailure).where(LoginFailure.at <= moment - self.window))
            s.add_all(LoginFailure(key_hash=digest(key), at=moment) for key in keys)

    def succeeded(self, *keys: str) -> None:
        with self.db.writing() as s:
            s.execute(delete(LoginFailure).where(LoginFailure.key_hash.in_([digest(k) for k in keys])))


__all__ = ["ATTEMPTS", "WINDOW", "LoginLimiter"]
