"""Reads of the briefing archive and the mail outbox."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m


def briefing_records(session: Session) -> list[tuple[m.Briefing, int]]:
    """Archived briefings with their release's revision, newest month first."""
    rows = session.execute(
        sa.select(m.Briefing, m.Release.revision)
        .join(m.Release, m.Release.id == m.Briefing.release_id)
        .order_by(m.Briefing.period.desc(), m.Briefing.id.desc())
    ).all()
    return [(row, revision) for row, revision in rows]


def briefing_record(session: Session, briefing_id: int) -> m.Briefing | None:
    """One archived briefing row."""
    return session.get(m.Briefing, briefing_id)


def outbox(session: Session, limit: int = 200) -> list[m.MailOutbox]:
    """The newest messages of the outbox."""
    return list(
        session.scalars(sa.select(m.MailOutbox).order_by(m.MailOutbox.id.desc()).limit(limit))
    )
