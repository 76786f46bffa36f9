"""Concurrent loads from separate processes lose and duplicate nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp

import sqlalchemy as sa

from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.filters import ReportFilter
from etl.intake.aggregate_tables import rebuild_all
from etl.queries import figures as queries_figures
from tests.db.helpers import aggregates, line, write_report


def _load_in_process(url: str, path: str, queue) -> None:
    from etl.intake.load import load_file

    engine = make_engine(url)
    outcome = load_file(make_session_factory(engine), path, today=dt.date(2022, 1, 1))
    queue.put((path, outcome.status, outcome.total_usd_cents))
    engine.dispose()


def test_parallel_loads_of_different_and_identical_files(db_url, tmp_path):
    """Four processes: three distinct files (overlapping reports) and one duplicate of the first."""
    files = []
    for k in range(3):
        rows = [line(e, "2019-06", "出口", "SC", 1, "US", str(10 + k + e)) for e in range(1, 30)]
        rows += [line(100 + k, "2019-07", "进口", "SJ", 1, "DE", "5")]
        files.append(str(write_report(tmp_path / f"f{k}.csv", rows)))
    jobs = files + [files[0]]
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_load_in_process, args=(db_url, f, queue)) for f in jobs]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    results = [queue.get(timeout=5) for _ in jobs]
    assert all(p.exitcode == 0 for p in procs)
    statuses = sorted(status for _, status, _ in results)
    assert statuses == ["loaded", "loaded", "loaded", "unchanged"]

    engine = make_engine(db_url)
    factory = make_session_factory(engine)
    with factory() as s:
        assert s.scalar(sa.select(sa.func.count(m.UploadBatch.id))) == 3
        # every June report was sent three times: one current version each, three versions in all
        current = s.scalar(sa.select(sa.func.count(m.Report.id)).where(m.Report.period == 201906))
        versions = s.scalar(sa.select(sa.func.count(m.ReportVersion.id)))
        assert current == 29 and versions == 29 * 3 + 3
        lines = s.scalar(sa.select(sa.func.count(m.ReportLine.id)))
        assert lines == 29 * 3 + 3
        july = queries_figures.totals(s, ReportFilter(201907, 201907), ())
        assert int(july["amount"].sum()) == 3 * 5 * 1_000_000
    incremental = aggregates(engine)
    with factory.begin() as s:
        rebuild_all(s)
    assert aggregates(engine) == incremental
    engine.dispose()
