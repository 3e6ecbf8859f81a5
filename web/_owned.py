"""An advisor reaches only their own collaborations: every lookup by id goes through the owner."""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Path
from sqlalchemy import select
from sqlalchemy.orm import Session

from ._models import Collaboration, Measurement

NOT_FOUND = "Deze samenwerking bestaat niet, of is niet van u."
MAX_ID = 2**31 - 1  # the columns are 32-bit integers on PostgreSQL; a larger id in an address finds nothing
# An id in a page's address: a larger number is a page that does not exist (404), not a database error.
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


def owned_collaboration(session: Session, collaboration_id: int, user_id: int, *, lock: bool = False) -> Collaboration:
    """The advisor's collaboration; ``lock`` holds its row until the transaction ends (PostgreSQL), so that two
    writers numbering its measurements at once take turns."""
    query = select(Collaboration).where(Collaboration.id == collaboration_id, Collaboration.owner_id == user_id)
    found = session.scalar(query.with_for_update() if lock else query)
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
