"""Failed logins in the database, so that every server process counts the same ones.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_login_failures_key_hash", "login_failures", ["key_hash"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_key_hash", table_name="login_failures")
    op.drop_table("login_failures")
