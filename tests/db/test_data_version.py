"""Answers remembered until the next data event: served again while the data is unchanged, and
never after a load or a retraction, even one made through another engine (another worker)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from etl.data_version import forget, remembered_until_next_load
from etl.db import make_engine, make_session_factory
from etl.filters import ReportFilter
from etl.intake.load import load_file
from etl.intake.retract import retract_batch
from etl.queries import figures as queries_figures
from etl.queries.facts import database_facts
from tests.db.helpers import line, write_report

TODAY = dt.date(2022, 6, 30)
CALLS: list[int] = []


@remembered_until_next_load
def _counted_total(session, f: ReportFilter) -> dict:
    CALLS.append(1)
    return {"usd": int(queries_figures.totals(session, f, ())["amount"].sum())}


def test_answers_follow_loads_and_retractions_made_elsewhere(session_factory, db_url, tmp_path):
    """A second engine (as another worker would) loads and retracts; the first sees each change
    on its next call, and between changes the remembered answer is served without recomputing."""
    forget()
    CALLS.clear()
    f = ReportFilter(201901, 201912)
    first = write_report(tmp_path / "a.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "10")])
    assert load_file(session_factory, first, today=TODAY).status == "loaded"
    with session_factory() as s:
        assert _counted_total(s, f) == {"usd": 10 * 10_000 * 100}
        answer = _counted_total(s, f)
        answer["usd"] = -1  # a caller changing its copy does not change the remembered one
        assert _counted_total(s, f) == {"usd": 10 * 10_000 * 100} and len(CALLS) == 1
        facts = database_facts(s)
    other = make_engine(db_url)
    other_factory = make_session_factory(other)
    second = write_report(tmp_path / "b.csv", [line(2, "2019-07", "出口", "SC", 1, "US", "5")])
    batch = load_file(other_factory, second, today=TODAY)
    with session_factory() as s:
        assert _counted_total(s, f) == {"usd": 15 * 10_000 * 100} and len(CALLS) == 2
        after_load = database_facts(s)
    assert (after_load["enterprises"], after_load["reports"]) == (
        facts["enterprises"] + 1,
        facts["reports"] + 1,
    )
    retract_batch(other_factory, batch.batch_id, "tester", "test")
    other.dispose()
    with session_factory() as s:
        assert _counted_total(s, f) == {"usd": 10 * 10_000 * 100} and len(CALLS) == 3
        assert database_facts(s) == facts


def test_another_database_is_another_answer(session_factory, tmp_path, template_urls):
    """Two databases at the same data event do not share answers."""
    from tests.conftest import clone_database

    forget()
    path = write_report(tmp_path / "a.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "10")])
    assert load_file(session_factory, path, today=TODAY).status == "loaded"
    with session_factory() as s:
        loaded = database_facts(s)
    empty = make_engine(clone_database(template_urls, "sqlite", tmp_path))
    with make_session_factory(empty)() as s:
        assert s.scalar(sa.text("SELECT count(*) FROM data_event")) == 0
        assert database_facts(s)["reports"] == 0 != loaded["reports"]
    empty.dispose()
