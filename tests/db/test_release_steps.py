"""A release computes its patterns before its write transaction (etl.release.store
compute_then_release): other writers are not held up meanwhile, and a change of the data while
it computes is caught: computed again, or refused when the data keep changing."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa

from dashboard.i18n import t
from etl import models as m
from etl.intake.load import load_file
from etl.release import store
from etl.release.store import ReleaseRefused, compute_then_release
from tests.conftest import SQLITE_ONLY
from tests.db.helpers import line, no_lp, write_report
from tests.db.test_release import ROWS

RULES = dict(min_coverage=0.9, deadline_day=10, override_coverage=True, safeguards=no_lp())


def _release(factory, progress, note="六月"):
    return compute_then_release(factory, "120000", 201906, "stat", note, progress=progress, **RULES)


@SQLITE_ONLY
def test_rst001_others_write_while_the_patterns_are_computed(session_factory, db_url, tmp_path):
    """While the release computes (its progress step), another connection writes at once: the
    release holds no write lock yet (it held it for the whole computation before: minutes,
    and SQLite's other writers gave up after 60 s)."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    written = []

    def progress(step, **values):
        other = sqlite3.connect(db_url.split("///", 1)[1], timeout=0.5)
        try:
            other.execute("BEGIN IMMEDIATE")  # the write lock, or "database is locked"
            other.execute(
                "INSERT INTO audit_log (at, username, action, detail) "
                "VALUES (CURRENT_TIMESTAMP, 'lingdao', 'login', '{}')"
            )
            other.commit()
            written.append(values["month"])
        finally:
            other.close()

    release, check = _release(session_factory, progress)
    assert written == [201906] and release.revision == 0 and check.has_data
    with session_factory() as s:
        logins = sa.select(sa.func.count()).select_from(m.AuditEntry)
        assert s.scalar(logins.where(m.AuditEntry.action == "login")) == 1
        run = sa.select(m.DisclosureRun.cells).where(m.DisclosureRun.release_id == release.id)
        assert s.scalar(run) > 0  # its pattern was written with it


def test_rst002_data_loaded_while_computing_is_computed_again(session_factory, tmp_path):
    """A file loaded while the patterns are computed: the patterns are computed again, and the
    release holds the new data (its event, its total)."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    steps = []
    late = [line(3, "2019-06", "出口", "SC", 2, "JP", "25")]

    def progress(step, **values):
        steps.append(values["month"])
        if len(steps) == 1:
            assert load_file(session_factory, write_report(tmp_path / "b.csv", late)).ok

    release, check = _release(session_factory, progress)
    assert steps == [201906, 201906]  # computed twice
    with session_factory() as s:
        latest = s.scalar(sa.select(sa.func.max(m.DataEvent.id)))
    assert release.data_event_id == latest
    assert check.total_now == 165 * 1_000_000  # 100 + 40 + 25 万美元, in cents


def test_rst003_data_that_keep_changing_are_refused(session_factory, tmp_path, monkeypatch):
    """Each computation overtaken by a new file, ATTEMPTS times: refused (changing, in words
    on the page), nothing released."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    monkeypatch.setattr(store, "ATTEMPTS", 2)
    loads = []

    def progress(step, **values):
        loads.append(1)
        amount = str(20 + len(loads))
        rows = [line(3, "2019-06", "出口", "SC", 2, "JP", amount)]
        assert load_file(session_factory, write_report(tmp_path / f"{amount}.csv", rows)).ok

    with pytest.raises(ReleaseRefused) as refused:
        _release(session_factory, progress)
    assert refused.value.reason == "changing" and len(loads) == 2
    assert t("release.refused.changing", "zh").startswith("未发布：计算保密模式期间数据一再变化")
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Release)) == 0
