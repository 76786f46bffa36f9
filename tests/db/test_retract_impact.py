"""Retracting a batch shows its impact first (#17): reports, months, totals — and changes nothing."""

from __future__ import annotations

import sqlalchemy as sa

from etl import models as m
from etl.intake.retract import retract_batch
from etl.queries.retract import batch_impact
from tests.db.helpers import line, write_report
from tests.db.test_load import CLEAN, _load


def _current_total(factory, periods) -> int:
    with factory() as s:
        return int(
            s.scalar(
                sa.select(sa.func.coalesce(sa.func.sum(m.ReportVersion.total_usd_cents), 0))
                .join(m.Report, m.Report.current_version_id == m.ReportVersion.id)
                .where(m.Report.period.in_(periods))
            )
        )


def test_impact_matches_what_the_retraction_then_does(session_factory, tmp_path):
    first = _load(session_factory, write_report(tmp_path / "a.csv", CLEAN))
    revised = [
        line(1, "2019-06", "出口", "SC", 1, "US", "150"),
        line(9, "2019-06", "出口", "SG", 1, "GB", "7"),
    ]  # 1 revises a report, 9 is new
    second = _load(session_factory, write_report(tmp_path / "rev.csv", revised))
    with session_factory() as s:
        impact = batch_impact(s, second.batch_id)
        assert s.get(m.UploadBatch, second.batch_id).status == "loaded"  # nothing changed
    assert (impact.reports, impact.withdrawn, impact.restored) == (2, 1, 1)
    assert impact.periods == (201906,)
    before = _current_total(session_factory, impact.periods)
    out = retract_batch(session_factory, second.batch_id, "tester", "wrong figures")
    assert (out.reports_withdrawn, out.reports_restored) == (impact.withdrawn, impact.restored)
    after = _current_total(session_factory, impact.periods)
    assert after - before == impact.total_after - impact.total_before
    with session_factory() as s:
        assert batch_impact(s, second.batch_id).reports == 0  # retracted: nothing current left
        assert batch_impact(s, first.batch_id).reports > 0
