"""What every command shares: exit codes, a session factory, money text."""

from __future__ import annotations

from etl.db import make_engine, make_session_factory
from etl.numbers import decimal_text, scaled
from etl.settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def factory_for(settings: Settings):
    """A session factory for the configured database."""
    return make_session_factory(make_engine(settings.database_url))


def money_text(cents: int) -> str:
    """Cents as exact money text with thousands separators: 123456 -> '1,234.56' ("C": protected)."""
    return decimal_text(scaled(cents, 100), 2)
