"""The database: SQLite in the user's data folder by default (WAL, every commit synced), or PostgreSQL by URL;
the migrations run on start.

SQLite write transactions begin IMMEDIATE, so that writers queue on the lock (``busy_timeout``) instead of
failing when another committed between their read and their write.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from samenwerkwijzer import InputError, SamenwerkwijzerError

from ._models import Setting

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class WebError(SamenwerkwijzerError):
    """The web application cannot start as asked (the message is Dutch)."""


def default_database_url() -> str:
    """SQLite in the user's data folder (created when missing)."""
    folder = Path(platformdirs.user_data_dir("samenwerkwijzer", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'samenwerkwijzer.db'}"


def normalised_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 (the driver installed with the package)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    url = normalised_url(url)
    try:
        parsed = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError with an English text
        raise InputError(
            f"dit is geen database-adres: {url!r}; bijvoorbeeld sqlite:////pad/naar/samenwerkwijzer.db of "
            "postgresql://gebruiker@server/database"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        _sqlite_setup(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    raise InputError(f"alleen SQLite en PostgreSQL worden ondersteund, niet {parsed.get_backend_name()}")


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # A deleted row's bytes are overwritten, not left in free pages (the AVG's "removed" means gone).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# The key of PostgreSQL's advisory lock that servers starting at once take turns on to migrate.
MIGRATION_LOCK = 0x5357_5701


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration. On PostgreSQL the migrations run under an advisory lock held
    to the end of their transaction: of two servers starting at once on an empty database, the second waits
    and finds the schema made (on SQLite the first write's lock does the same).

    Alembic (with Mako and Pygments, a tenth of the web application's import) loads here, when a database is
    opened, not when the web application is imported."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    """The engine and the two kinds of session: reading, and writing (one writer at a time on SQLite)."""

    def __init__(self, url: str) -> None:
        self.url = normalised_url(url)
        self.engine = make_engine(self.url)
        try:
            migrate(self.engine)
        except DBAPIError as exc:
            self.engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise WebError(f"kan de database niet openen ({make_url(self.url).render_as_string()}): {reason}") from None
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(immediate=True), expire_on_commit=False)
        self.secret = self._secret()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A transaction committed when the block ends without error."""
        with self._write() as session, session.begin():
            yield session

    def forget(self) -> None:
        """After a deletion: on SQLite, copy the write-ahead log into the database and empty it, so that the
        deleted rows (overwritten there by ``secure_delete``) no longer sit in the ``-wal`` file either. A
        reader still holding an old snapshot can stop the log from emptying; the next deletion tries again."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def _secret(self) -> str:
        """The key that signs respondents' form tokens, made once per database (by the first of two servers
        starting at once; the other reads it)."""
        try:
            return self._made_secret()
        except IntegrityError:
            return self._made_secret()

    def _made_secret(self) -> str:
        with self.writing() as session:
            found = session.scalar(select(Setting).where(Setting.key == "secret"))
            if found is not None:
                return found.value
            value = secrets.token_hex(32)
            session.add(Setting(key="secret", value=value))
            return value

    def dispose(self) -> None:
        self.engine.dispose()


__all__ = ["MIGRATIONS", "Database", "WebError", "default_database_url", "make_engine", "migrate", "normalised_url"]
