"""Sign-in: the password check, with a delay per account and client address that grows
with every failure; audited."""

from __future__ import annotations

import datetime as dt
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash

from etl import models as m
from etl.accounts.audit_log import audit
from etl.accounts.passwords import hash_password
from etl.accounts.roles import Principal
from etl.accounts.users import principal_of
from etl.db import write_first

MAX_FAILED_LOGINS = 5  # free tries per account and client address before the delay starts
FIRST_DELAY_SECONDS = 15  # after MAX_FAILED_LOGINS failures; doubles with each further failure
MAX_DELAY_SECONDS = 15 * 60

# Checked when the user name is unknown, so an unknown name costs what a wrong password costs
# (no user enumeration by timing). Hashed once, on first use.
_DUMMY: list[str] = []


def sign_in(
    factory, username: str, password: str, remote_addr: str | None = None
) -> Principal | None:
    """authenticate() in its own transaction, which on SQLite waits for the write lock first.

    A burst of sign-ins then queues for the database (busy timeout) instead of failing with
    "database is locked" (HTTP 500) when another sign-in wrote between this one's read and write.
    """
    with factory.begin() as session:
        write_first(session)
        return authenticate(session, username, password, remote_addr)


def authenticate(
    session: Session,
    username: str,
    password: str,
    remote_addr: str | None = None,
    now: dt.datetime | None = None,
) -> Principal | None:
    """Check a sign-in; failures are counted per account and client address. Audited.

    After MAX_FAILED_LOGINS failures from one address, that address waits before its next try,
    longer with every failure: nobody can lock an account for its owner from elsewhere, and
    guessing slows to a crawl. The count is one atomic statement, so parallel guesses (several
    workers, PostgreSQL) are all counted.
    """
    now = now or m.utcnow()
    username, addr = username[:64], (remote_addr or "-")[:64]
    _lock_throttle_row(session, username, addr, now)
    wait = throttle_wait(session, username, addr, now)
    if wait > 0:
        audit(session, username, "login_failed", {"reason": "delayed", "wait": wait}, remote_addr)
        return None
    user = session.scalar(sa.select(m.UserAccount).where(m.UserAccount.username == username))
    if user is None or not user.is_active:
        check_password_hash(_dummy_hash(), password)  # the same work as a real check
        failures = _count_failure(session, username, addr, now)
        detail = {"reason": "unknown or disabled", "failures": failures}
        audit(session, username, "login_failed", detail, remote_addr)
        return None
    if not check_password_hash(user.password_hash, password):
        failures = _count_failure(session, username, addr, now)
        session.execute(
            sa.update(m.UserAccount)
            .where(m.UserAccount.id == user.id)
            .values(failed_logins=m.UserAccount.failed_logins + 1)
        )
        detail = {"reason": "password", "failures": failures}
        if failures >= MAX_FAILED_LOGINS:
            detail["wait"] = _delay(failures)
        audit(session, username, "login_failed", detail, remote_addr)
        return None
    session.execute(
        sa.delete(m.LoginThrottle).where(
            m.LoginThrottle.username == username, m.LoginThrottle.remote_addr == addr
        )
    )
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    audit(session, username, "login", {}, remote_addr)
    return principal_of(user)


def _lock_throttle_row(session: Session, username: str, addr: str, now: dt.datetime) -> None:
    """Hold the (account, address) row until this sign-in ends: parallel guesses queue here.

    Without it, guesses sent at once would all be checked before any failure is counted
    (PostgreSQL; on SQLite the write-first transaction already serialises sign-ins).
    """
    table = m.LoginThrottle.__table__
    stmt = _insert(session)(table).values(
        username=username, remote_addr=addr, failures=0, last_failed_at=now
    )
    session.execute(
        stmt.on_conflict_do_nothing(index_elements=[table.c.username, table.c.remote_addr])
    )
    session.execute(
        sa.select(table.c.failures)
        .where(table.c.username == username, table.c.remote_addr == addr)
        .with_for_update()
    )


def _insert(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def throttle_wait(session: Session, username: str, addr: str, now: dt.datetime) -> int:
    """Seconds this account must wait before a sign-in from this address is checked (0: none)."""
    row = session.get(m.LoginThrottle, (username[:64], addr[:64]))
    if row is None or row.failures < MAX_FAILED_LOGINS:
        return 0
    until = _aware(row.last_failed_at) + dt.timedelta(seconds=_delay(row.failures))
    return max(0, int((until - now).total_seconds() + 0.999))


def _delay(failures: int) -> int:
    """The wait after this many failures: 15 s, 30 s, 60 s … up to 15 minutes."""
    steps = min(failures - MAX_FAILED_LOGINS, 16)
    return min(FIRST_DELAY_SECONDS * 2**steps, MAX_DELAY_SECONDS)


def _count_failure(session: Session, username: str, addr: str, now: dt.datetime) -> int:
    """Add one failure for (account, address) in one atomic upsert; the new count."""
    table = m.LoginThrottle.__table__
    stmt = _insert(session)(table).values(
        username=username, remote_addr=addr, failures=1, last_failed_at=now
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.username, table.c.remote_addr],
        set_={"failures": table.c.failures + 1, "last_failed_at": now},
    ).returning(table.c.failures)
    count = session.execute(stmt).scalar_one()
    session.expire_all()  # the ORM must not keep a stale copy of the row
    return count


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_urlsafe(16)))
    return _DUMMY[0]


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
