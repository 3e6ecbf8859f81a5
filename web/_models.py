"""The tables: advisors and their sessions, collaborations, their measurements, the respondents invited to one.

A measurement keeps the intake as its progress (every answer in the order asked, replayed by the
library's :class:`~samenwerkwijzer.Intake`), or the case imported from a file; a respondent keeps the
progress of their own questionnaire. ``version`` guards against two writes of one row at once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    # None for the single local user of a loopback install: it cannot log in, it is given.
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class WebSession(Base):
    __tablename__ = "web_sessions"
    # The SHA-256 of the cookie's token: the database alone opens no session.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class Collaboration(Base):
    __tablename__ = "collaborations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="collaboration", order_by="Measurement.number", cascade="all, delete-orphan"
    )


class Measurement(Base):
    __tablename__ = "measurements"
    __table_args__ = (UniqueConstraint("collaboration_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collaboration_id: Mapped[int] = mapped_column(ForeignKey("collaborations.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # {"answers": [[step, value], ...], "previous": {step: value}}; ``previous`` prefills the form.
    progress: Mapped[dict[str, Any]] = mapped_column(JSON)
    imported: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # Letter metadata and disclosure: {"advisor": ..., "letter_date": "2026-12-01", ...}
    letter: Mapped[dict[str, Any]] = mapped_column(JSON)
    round_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The SHA-256 of the partners' read-only link (the group picture and the priorities), when one was made.
    share_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    # The letter as the advisor edited it (Markdown; the advice is never changed), and the SHA-256 of the proposed
    # text it was edited from (migration 0007).
    letter_text: Mapped[str | None] = mapped_column(Text, nullable=True, deferred=True)
    letter_base: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The letterhead's logo: a PNG or JPEG checked on upload (web/_logo.py), and its media type.
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    logo_type: Mapped[str | None] = mapped_column(String(16), nullable=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    collaboration: Mapped[Collaboration] = relationship(back_populates="measurements")
    respondents: Mapped[list[Respondent]] = relationship(
        back_populates="measurement", order_by="Respondent.id", cascade="all, delete-orphan"
    )
    __mapper_args__ = {"version_id_col": version}


class Respondent(Base):
    __tablename__ = "respondents"
    __table_args__ = (UniqueConstraint("measurement_id", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurements.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    partner: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Where the invitation and the reminder go, if the advisor gave it (deleted with the respondent).
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    # The SHA-256 of the link's token: a copy of the database opens no questionnaire.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The case as it stood when the respondent began: the questionnaire's skip logic reads it.
    base: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    progress: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    measurement: Mapped[Measurement] = relationship(back_populates="respondents")
    __mapper_args__ = {"version_id_col": version}


class LoginFailure(Base):
    """One failed login, counted for a user name and for an address (see :mod:`._login_limit`)."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)


class Meeting(Base):
    """A meeting of the partners about a measurement (:mod:`._session`): its join code (only the SHA-256 kept),
    its state (``stemmen``: voting, ``kiezen``: the vote closed, the agenda being fixed, ``klaar``: ended, the
    code and the participants' links no longer open anything), its bounds."""

    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurements.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(16))
    votes_each: Mapped[int] = mapped_column(Integer)
    max_participants: Mapped[int] = mapped_column(Integer)
    # What the phones show, as it stood when the meeting opened: {"interventions": [{"id", "title"}, ...],
    # "partners": [name, ...]} (no diagnosis runs for a participant).
    ballot: Mapped[dict[str, Any]] = mapped_column(JSON)
    # When the meeting ended: the totals per intervention only (the ballots are deleted).
    totals: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Participant(Base):
    """A phone that joined a meeting: no name, only the SHA-256 of its link's token."""

    __tablename__ = "meeting_participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    joined_at: Mapped[datetime] = mapped_column(DateTime)


class Vote(Base):
    """A participant's votes for one intervention, with the owner and first step they propose (anonymous)."""

    __tablename__ = "meeting_votes"
    __table_args__ = (UniqueConstraint("participant_id", "intervention"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("meeting_participants.id", ondelete="CASCADE"), index=True)
    intervention: Mapped[str] = mapped_column(String(100))
    votes: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str | None] = mapped_column(Text, nullable=True)
    first_step: Mapped[str | None] = mapped_column(Text, nullable=True)


class AgendaAction(Base):
    """One action of the agenda the partners fixed for a measurement."""

    __tablename__ = "agenda_actions"
    __table_args__ = (UniqueConstraint("measurement_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    intervention: Mapped[str] = mapped_column(String(100))
    intervention_title: Mapped[str] = mapped_column(Text)
    # The conditions the intervention served in that measurement's advice (ids), for the follow-up.
    conditions: Mapped[list[str]] = mapped_column(JSON)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    due: Mapped[date] = mapped_column(Date)
    success: Mapped[str] = mapped_column(Text)
    fixed_at: Mapped[datetime] = mapped_column(DateTime)


class ActionReview(Base):
    """At a later measurement: was an action of the previous agenda done (``gedaan``, ``deels``, ``niet``)."""

    __tablename__ = "action_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurements.id", ondelete="CASCADE"), index=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("agenda_actions.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)


__all__ = [
    "ActionReview",
    "AgendaAction",
    "Base",
    "Collaboration",
    "LoginFailure",
    "Measurement",
    "Meeting",
    "Participant",
    "Respondent",
    "Setting",
    "User",
    "Vote",
    "WebSession",
]
