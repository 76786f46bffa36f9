"""Concurrent loads on SQLite wait their turn, or give up with a message and a history row."""

from __future__ import annotations

import sqlite3
import threading

import sqlalchemy as sa

from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from tests.db.helpers import line, write_report

ROWS = [line(1, "2021-12", "出口", "SC", 1, "US", "100")]


def _factory(url: str):
    """A session factory whose SQLite busy timeout is short, so the test does not wait a minute."""
    engine = make_engine(url)
    sa.event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA busy_timeout=300"))
    return engine, make_session_factory(engine)


def _holder(url: str) -> sqlite3.Connection:
    """Another process's load, holding SQLite's write lock."""
    conn = sqlite3.connect(url.split("///", 1)[1], check_same_thread=False, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_a_load_that_waits_too_long_is_refused_with_a_history_row(sqlite_url, tmp_path):
    """No raw 'database is locked' traceback: status busy, a batch row, nothing loaded."""
    engine, factory = _factory(sqlite_url)
    holder = _holder(sqlite_url)
    # The other load ends well after this one gave up (1 s of waiting): then the history row
    # can be written. Timed from the first wait, whatever reading and checking took.
    release = threading.Timer(2.5, lambda: holder.execute("ROLLBACK"))
    phases: list[str] = []

    def progress(phase: str) -> None:
        if phase == "wait" and "wait" not in phases:
            release.start()
        phases.append(phase)

    path = write_report(tmp_path / "r.csv", ROWS)
    outcome = load_file(factory, path, progress=progress, wait_seconds=1)
    release.join()
    assert outcome.status == "busy" and not outcome.ok and "wait" in phases
    with factory() as s:
        batch = s.get(m.UploadBatch, outcome.batch_id)
        assert batch.status == "busy" and batch.dedupe_key is None
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Report)) == 0
    assert load_file(factory, path).status == "loaded"  # later, the same file loads
    engine.dispose()


def test_a_load_waits_for_the_other_to_finish_then_loads(sqlite_url, tmp_path):
    engine, factory = _factory(sqlite_url)
    holder = _holder(sqlite_url)
    release = threading.Timer(1.5, lambda: holder.execute("ROLLBACK"))
    release.start()
    phases: list[str] = []
    outcome = load_file(
        factory, write_report(tmp_path / "r.csv", ROWS), progress=phases.append, wait_seconds=60
    )
    release.join()
    assert outcome.status == "loaded" and "wait" in phases
    engine.dispose()
