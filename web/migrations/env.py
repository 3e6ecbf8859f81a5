"""Alembic's environment: the web application runs the migrations on start, on the connection it gives."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from samenwerkwijzer.web._models import Base

connection: Connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
