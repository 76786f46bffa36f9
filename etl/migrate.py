"""Apply Alembic migrations programmatically (the app, the CLI and tests share this)."""

from __future__ import annotations

from contextlib import contextmanager

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from etl.settings import PROJECT_ROOT


def alembic_config() -> Config:
    """Alembic configuration for this project."""
    return Config(str(PROJECT_ROOT / "alembic.ini"))


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the schema of the engine's database up to the given revision."""
    _run(engine, command.upgrade, revision)


def downgrade(engine: sa.Engine, revision: str = "base") -> None:
    """Take the schema down to the given revision."""
    _run(engine, command.downgrade, revision)


def _run(engine: sa.Engine, step, revision: str) -> None:
    """One migration step in one transaction, with SQLite's foreign keys off while it runs."""
    cfg = alembic_config()
    with engine.connect() as conn, _foreign_keys_off(conn), conn.begin():
        cfg.attributes["connection"] = conn
        step(cfg, revision)
        broken = (
            conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if conn.dialect.name == "sqlite"
            else []
        )
        if broken:  # rolls the step back
            raise RuntimeError(f"migration to {revision} leaves broken foreign keys: {broken}")


@contextmanager
def _foreign_keys_off(conn: sa.Connection):
    """SQLite: foreign keys off for the connection while the block runs, as SQLite's own
    procedure for altering a table asks. Alembic's batch mode copies a table, drops it and
    renames the copy; with them on, dropping a table another one references fails. The
    pragma only takes effect outside a transaction, so it goes to the driver before BEGIN."""
    if conn.dialect.name != "sqlite":
        yield
        return
    driver = conn.connection.driver_connection
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")
