"""Meetings of the partners about a measurement (join code, participants, anonymous votes), the agenda they fix,
and its review at the next measurement.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "measurement_id",
            sa.Integer,
            sa.ForeignKey("measurements.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("votes_each", sa.Integer, nullable=False),
        sa.Column("max_participants", sa.Integer, nullable=False),
        sa.Column("ballot", sa.JSON, nullable=False),
        sa.Column("totals", sa.JSON, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "meeting_participants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "meeting_id", sa.Integer, sa.ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("joined_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "meeting_votes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "participant_id",
            sa.Integer,
            sa.ForeignKey("meeting_participants.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("intervention", sa.String(100), nullable=False),
        sa.Column("votes", sa.Integer, nullable=False),
        sa.Column("owner", sa.Text, nullable=True),
        sa.Column("first_step", sa.Text, nullable=True),
        sa.UniqueConstraint("participant_id", "intervention"),
    )
    op.create_table(
        "agenda_actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "measurement_id",
            sa.Integer,
            sa.ForeignKey("measurements.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("intervention", sa.String(100), nullable=False),
        sa.Column("intervention_title", sa.Text, nullable=False),
        sa.Column("conditions", sa.JSON, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("success", sa.Text, nullable=False),
        sa.Column("fixed_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("measurement_id", "position"),
    )
    op.create_table(
        "action_reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "measurement_id",
            sa.Integer,
            sa.ForeignKey("measurements.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "action_id", sa.Integer, sa.ForeignKey("agenda_actions.id", ondelete="CASCADE"), nullable=False, unique=True
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("action_reviews", "agenda_actions", "meeting_votes", "meeting_participants", "meetings"):
        op.drop_table(table)
