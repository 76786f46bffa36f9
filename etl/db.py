"""Engine and session factories; no engine exists until somebody asks for one."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> sa.Engine:
    """Create an engine; SQLite gets WAL, foreign keys, a busy timeout and real transactions."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 60})
        _make_sqlite_transactional(engine)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _make_sqlite_transactional(engine: sa.Engine) -> None:
    # pysqlite opens transactions lazily and only before DML; the SQLAlchemy-documented recipe
    # hands BEGIN to SQLAlchemy so a load's reads and writes share one transaction.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")


def make_session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    """A session factory bound to the engine (sessions are opened by callers, never here)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
