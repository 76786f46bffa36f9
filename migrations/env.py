"""Alembic environment: runs on a connection handed over by etl.migrate, or on DATABASE_URL."""

from alembic import context

from etl.db import make_engine
from etl.models import Base
from etl.settings import Settings

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    """Run migrations online, on the caller's connection when there is one."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(Settings.from_env().database_url)
    with engine.connect() as conn:
        _run(conn)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
