"""Apply Alembic migrations programmatically (the app, the CLI and tests share this)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from etl.settings import PROJECT_ROOT


def alembic_config() -> Config:
    """Alembic configuration for this project."""
    return Config(str(PROJECT_ROOT / "alembic.ini"))


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the schema of the engine's database up to the given revision."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: sa.Engine, revision: str = "base") -> None:
    """Take the schema down to the given revision."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
