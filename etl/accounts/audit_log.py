"""The audit log: one entry per account change, sign-in and other audited action."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from etl import models as m


def audit(
    session: Session,
    username: str,
    action: str,
    detail: dict | None = None,
    remote_addr: str | None = None,
) -> None:
    """Append an audit entry (in the caller's transaction)."""
    session.add(
        m.AuditEntry(
            username=username,
            action=action,
            remote_addr=remote_addr,
            detail=json.dumps(detail or {}, ensure_ascii=False),
        )
    )
