"""Per-app database context, kept on the Flask server; the engine is made on first use."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from etl.db import make_engine, make_session_factory
from etl.settings import Settings

CONFIG_KEY = "STM"  # server.config["STM"] holds the AppContext


class AppContext:
    """Settings plus a lazily created engine and session factory (safe across threads)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._engine: sa.Engine | None = None
        self._session_factory: sessionmaker[Session] | None = None
        self._lock = threading.Lock()

    @property
    def engine_created(self) -> bool:
        """Whether anything has asked for the engine yet."""
        return self._engine is not None

    @property
    def engine(self) -> sa.Engine:
        """The engine; created on first access (never at import or app creation)."""
        return self._ensure()[0]

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """Session factory bound to the engine."""
        return self._ensure()[1]

    def _ensure(self) -> tuple[sa.Engine, sessionmaker[Session]]:
        # Lazy so importing app.py touches no database, and each gunicorn worker
        # builds its own connection pool after the fork.
        with self._lock:
            if self._engine is None or self._session_factory is None:
                self._engine = make_engine(self.settings.database_url)
                self._session_factory = make_session_factory(self._engine)
            return self._engine, self._session_factory

    def dispose(self) -> None:
        """Close pooled connections (tests call this; the next use makes a new engine)."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = self._session_factory = None
