"""The web application (``samenwerkwijzer serve``): an interface over the public library API, like the CLI.

FastAPI with jinja2 pages rendered on the server and htmx (a static file) for partial updates,
SQLAlchemy 2 and Alembic migrations on SQLite (the default, in the user's data folder) or PostgreSQL.
"""

from __future__ import annotations

from ._api_keys import api_keys, create_api_key, revoke_api_key_named
from ._app import account_count, create_app, create_user
from ._db import Database, WebError, default_database_url
from ._middleware import is_loopback
from ._privacy import purge_expired, purged_text
from ._server import serve
from ._settings import ServerSettings

__all__ = [
    "Database",
    "ServerSettings",
    "WebError",
    "account_count",
    "api_keys",
    "create_api_key",
    "create_app",
    "create_user",
    "default_database_url",
    "is_loopback",
    "purge_expired",
    "purged_text",
    "revoke_api_key_named",
    "serve",
]
