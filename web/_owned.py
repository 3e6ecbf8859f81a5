"""An advisor reaches only their own collaborations: every lookup by id goes through the owner."""

from __future__ import annotations

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from ._models import Collaboration, Measurement

NOT_FOUND = "Deze samenwerking bestaat niet, of is niet van u."


def owned_collaboration(session: Session, collaboration_id: int, user_id: int) -> Collaboration:
    found = session.scalar(
        select(Collaboration).where(Collaboration.id == collaboration_id, Collaboration.owner_id == user_id)
    )
    if found is None:
        raise HTTPException(404, NOT_FOUND)
    return found


def owned_measurement(session: Session, measurement_id: int, user_id: int) -> Measurement:
    found = session.scalar(
        select(Measurement)
        .join(Collaboration)
        .where(Measurement.id == measurement_id, Collaboration.owner_id == user_id)
    )
    if found is None:
        raise HTTPException(404, NOT_FOUND)
    return found


__all__ = ["NOT_FOUND", "owned_collaboration", "owned_measurement"]
