"""The mail outbox (store): enqueue messages, claim the due ones, record success or failure."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

CLAIM_SECONDS = 600  # a claimed message is not picked up by another sender for this long


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def enqueue(
    session: Session,
    briefing_id: int | None,
    recipient: str,
    subject: str,
    body: str,
    username: str | None = None,
) -> m.MailOutbox:
    """Add a message to send now, unless the same briefing already went (or waits) to them."""
    if briefing_id is not None:
        found = session.scalar(
            sa.select(m.MailOutbox).where(
                m.MailOutbox.briefing_id == briefing_id, m.MailOutbox.recipient == recipient
            )
        )
        if found is not None:
            return found
    row = m.MailOutbox(
        briefing_id=briefing_id,
        recipient=recipient,
        username=username,
        subject=subject,
        body=body,
        status="pending",
        attempts=0,
        next_attempt_at=_now(),
    )
    session.add(row)
    session.flush()
    return row


def due_ids(session: Session, now: dt.datetime) -> list[int]:
    """Pending messages whose time has come, oldest first."""
    return list(
        session.scalars(
            sa.select(m.MailOutbox.id)
            .where(m.MailOutbox.status == "pending", m.MailOutbox.next_attempt_at <= now)
            .order_by(m.MailOutbox.id)
        )
    )


def claim(session: Session, message_id: int, now: dt.datetime) -> bool:
    """Take a due message for sending (False: another sender took it first)."""
    done = session.execute(
        sa.update(m.MailOutbox)
        .where(
            m.MailOutbox.id == message_id,
            m.MailOutbox.status == "pending",
            m.MailOutbox.next_attempt_at <= now,
        )
        .values(next_attempt_at=now + dt.timedelta(seconds=CLAIM_SECONDS))
    )
    return done.rowcount == 1


def mark_sent(session: Session, message_id: int, now: dt.datetime) -> None:
    """The message went out."""
    row = session.get(m.MailOutbox, message_id)
    row.status, row.sent_at, row.attempts, row.last_error = "sent", now, row.attempts + 1, None


def mark_failed(
    session: Session,
    message_id: int,
    error: str,
    now: dt.datetime,
    max_attempts: int,
    retry_seconds: int,
) -> m.MailOutbox:
    """Count a failed attempt: retry after retry_seconds × 2^(attempts−1), or give up (failed)."""
    row = session.get(m.MailOutbox, message_id)
    row.attempts += 1
    row.last_error = error[-2000:]
    if row.attempts >= max_attempts:
        row.status = "failed"
    else:
        row.next_attempt_at = now + dt.timedelta(seconds=retry_seconds * 2 ** (row.attempts - 1))
    return row


def retry_failed(session: Session) -> int:
    """Give messages that ran out of attempts another round (mail retry --failed)."""
    done = session.execute(
        sa.update(m.MailOutbox)
        .where(m.MailOutbox.status == "failed")
        .values(status="pending", attempts=0, next_attempt_at=_now())
    )
    return done.rowcount
