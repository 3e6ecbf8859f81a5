"""A measurement's letter as the advisor edited it in the browser, and the logo of its letterhead.

``letter_text`` is the edited Markdown letter (the advice JSON is never changed); ``letter_base`` is the SHA-256
of the proposed text it was edited from, so that the page can say when the proposed text has changed since.
``logo`` holds a PNG or JPEG image (checked on upload), ``logo_type`` its media type.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("measurements") as batch:
        batch.add_column(sa.Column("letter_text", sa.Text(), nullable=True))
        batch.add_column(sa.Column("letter_base", sa.String(64), nullable=True))
        batch.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("logo_type", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("measurements") as batch:
        batch.drop_column("logo_type")
        batch.drop_column("logo")
        batch.drop_column("letter_base")
        batch.drop_column("letter_text")
