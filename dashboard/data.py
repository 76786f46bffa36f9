"""Read service for pages: one session per call, etl.queries inside, plain data out."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from dashboard.context import CONFIG_KEY, AppContext
from etl import queries

log = logging.getLogger(__name__)


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or has no schema yet (pages show a message)."""


def app_context() -> AppContext:
    """The AppContext of the app serving the current request."""
    return current_app.config[CONFIG_KEY]


@contextmanager
def session() -> Iterator[Session]:
    """A read session for one call; connection and schema errors become DatabaseUnavailable."""
    try:
        with app_context().session_factory() as s:
            yield s
    except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
        log.exception("database unavailable")
        raise DatabaseUnavailable(str(exc.orig)) from exc


def database_facts() -> dict[str, int | None]:
    """Periods, enterprises, current reports, lines and loaded batches in the database."""
    with session() as s:
        return queries.database_facts(s)
