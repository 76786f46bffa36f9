"""Engine and session factories; no engine exists until somebody asks for one."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

WRITE_FIRST = "stm_write_first"  # execution option: on SQLite, BEGIN IMMEDIATE


def write_first(session: Session) -> Session:
    """Make the session's transaction take SQLite's write lock first (waits; never 'locked').

    Call it before the session runs anything; PostgreSQL ignores it.
    """
    session.connection(execution_options={WRITE_FIRST: True})
    return session


def make_engine(url: str) -> sa.Engine:
    """Create an engine; SQLite gets WAL, foreign keys, a busy timeout and real transactions."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            _create_private(Path(path))
        engine = sa.create_engine(url, connect_args={"timeout": 60})
        _make_sqlite_transactional(engine)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _create_private(path: Path) -> None:
    """Create the SQLite file readable by its owner only (0600), like the secret key.

    SQLite gives its -wal and -shm files the database file's permissions, so they follow.
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


def database_initialised(url: str) -> bool:
    """Whether the database exists and holds the schema (migrated at least once).

    A missing SQLite file is not created by asking.
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not Path(path).exists():
            return False
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            return inspector.has_table("alembic_version") and inspector.has_table("report")
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


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
        # A transaction that will write after reading asks for the write lock up front
        # (WRITE_FIRST): a deferred one would fail at once with "database is locked" when
        # another writer committed after its first read, instead of waiting its turn.
        immediate = conn.get_execution_options().get(WRITE_FIRST)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    """A session factory bound to the engine (sessions are opened by callers, never here)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
