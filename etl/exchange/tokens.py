"""API tokens (store module): issue, list, revoke, and check one on each request with its rate.

A token is 32 random bytes in URL-safe text, shown once; only its SHA-256 is stored (a token has
full entropy, so a slow hash adds nothing). A token acts as its user: a disabled user's tokens
stop working, and a changed role changes what they see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import accounts
from etl import models as m
from etl.accounts import Principal

PREFIX = "stm_"  # every token starts so: secret scanners and people recognise it
DEFAULT_DAYS = 90
MAX_DAYS = 366


class TokenError(Exception):
    """A token operation that cannot be done (unknown user or token, bad expiry)."""


@dataclass(frozen=True)
class Checked:
    """The answer to one request's token: who, or why not, and the requests in this minute."""

    principal: Principal | None
    token_id: int | None
    reason: str  # ok | missing | unknown | expired | revoked | disabled
    requests_this_minute: int = 0


def token_hash(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; they were stored as UTC.
    if value is None or value.tzinfo:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def create_token(
    session: Session,
    username: str,
    days: int = DEFAULT_DAYS,
    actor: str = "cli",
    note: str = "",
    now: dt.datetime | None = None,
) -> tuple[str, m.ApiToken]:
    """Issue a token for a user valid for `days` days; returns (the token text, its row)."""
    if not 1 <= days <= MAX_DAYS:
        raise TokenError(f"--days must be between 1 and {MAX_DAYS}")
    try:
        user = accounts.get_user(session, username)
    except accounts.AccountError as exc:
        raise TokenError(str(exc)) from exc
    if not user.is_active:
        raise TokenError(f"user {username} is disabled")
    now = now or dt.datetime.now(dt.timezone.utc)
    text = PREFIX + secrets.token_urlsafe(32)
    row = m.ApiToken(
        token_hash=token_hash(text),
        prefix=text[:12],
        user_id=user.id,
        created_at=now,
        created_by=actor,
        expires_at=now + dt.timedelta(days=days),
        note=note[:200],
        rate_window=0,
        rate_count=0,
    )
    session.add(row)
    session.flush()
    accounts.audit(
        session,
        actor,
        "api_token_create",
        {"token": row.id, "prefix": row.prefix, "user": username, "days": days},
    )
    return text, row


def revoke_token(session: Session, token_id: int, actor: str = "cli") -> m.ApiToken:
    """Revoke a token (idempotent: a revoked token keeps its first revocation)."""
    row = session.get(m.ApiToken, token_id)
    if row is None:
        raise TokenError(f"no token {token_id}")
    if row.revoked_at is None:
        row.revoked_at = dt.datetime.now(dt.timezone.utc)
        row.revoked_by = actor
        accounts.audit(session, actor, "api_token_revoke", {"token": row.id, "prefix": row.prefix})
    return row


def list_tokens(session: Session, now: dt.datetime | None = None) -> list[dict]:
    """Every token with its user, dates and state (active | expired | revoked), newest first."""
    now = now or dt.datetime.now(dt.timezone.utc)
    rows = session.execute(
        sa.select(m.ApiToken, m.UserAccount.username, m.UserAccount.role)
        .join(m.UserAccount, m.UserAccount.id == m.ApiToken.user_id)
        .order_by(m.ApiToken.id.desc())
    ).all()
    out = []
    for token, username, role in rows:
        out.append(
            {
                "id": token.id,
                "prefix": token.prefix,
                "user": username,
                "role": role,
                "created_at": _aware(token.created_at),
                "expires_at": _aware(token.expires_at),
                "last_used_at": _aware(token.last_used_at),
                "revoked_at": _aware(token.revoked_at),
                "state": _state(token, now),
                "note": token.note,
            }
        )
    return out


def _state(token: m.ApiToken, now: dt.datetime) -> str:
    if token.revoked_at is not None:
        return "revoked"
    if _aware(token.expires_at) <= now:
        return "expired"
    return "active"


def check_token(session: Session, text: str | None, now: dt.datetime | None = None) -> Checked:
    """Who a request's token acts for, counting the request in the token's rate window.

    Runs in the caller's write transaction: the count is one UPDATE, so parallel requests
    (threads, workers) never lose a count on SQLite or PostgreSQL."""
    if not text:
        return Checked(None, None, "missing")
    now = now or dt.datetime.now(dt.timezone.utc)
    token = session.scalar(sa.select(m.ApiToken).where(m.ApiToken.token_hash == token_hash(text)))
    if token is None:
        return Checked(None, None, "unknown")
    state = _state(token, now)
    if state != "active":
        return Checked(None, token.id, state)
    user = session.get(m.UserAccount, token.user_id)
    if user is None or not user.is_active:
        return Checked(None, token.id, "disabled")
    minute = int(now.timestamp() // 60)
    table = m.ApiToken.__table__
    session.execute(
        sa.update(table)
        .where(table.c.id == token.id)
        .values(
            rate_count=sa.case(
                (table.c.rate_window == minute, table.c.rate_count + 1), else_=sa.literal(1)
            ),
            rate_window=minute,
            last_used_at=now,
        )
    )
    count = session.scalar(sa.select(table.c.rate_count).where(table.c.id == token.id))
    principal = accounts.principal_of(user)
    return Checked(principal, token.id, "ok", int(count or 0))
