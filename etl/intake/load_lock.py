"""The load lock: one `load_lock` row that every load, retraction and flag recompute updates first.

Holding it until the transaction ends runs them one after the other (processes, SQLite or
PostgreSQL), so each sees the others' reports and two recomputes of one enterprise never overlap.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m


def take_load_lock(session: Session, user: str) -> None:
    """Take the load lock in the session's transaction (held until it ends)."""
    session.execute(
        sa.update(m.LoadLock).where(m.LoadLock.id == 1).values(holder=user, at=m.utcnow())
    )
