"""A measurement's link for the partners' read-only page: only the SHA-256 of its token is stored.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("measurements") as batch:
        batch.add_column(sa.Column("share_hash", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_measurements_share_hash", ["share_hash"])


def downgrade() -> None:
    with op.batch_alter_table("measurements") as batch:
        batch.drop_constraint("uq_measurements_share_hash", type_="unique")
        batch.drop_column("share_hash")
