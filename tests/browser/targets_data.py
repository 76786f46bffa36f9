"""A small loaded database for the Targets page: known statuses for the seeded targets.

Tianjin (滨海新区, transport exports, 万美元 a month): 100 in 2017-07..2018-06 (the base), 130 in
pilot year 1 (+30%: met; on track as of 2019-03), 120 in pilot year 2 (missed); 和平区 adds 20 of
telecom imports every month. 两江新区: 8亿美元 a month in 2017, 96.0亿美元 against 100 (missed).
"""

from __future__ import annotations

import datetime as dt

from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from etl.periods import format_period, month_range
from tests.db.helpers import line, write_report

TODAY = dt.date(2022, 6, 30)
FIRST, LAST = 201701, 202006


def _rows() -> list[tuple]:
    rows = []
    for p in month_range(201707, 202006):
        amount = "100" if p <= 201806 else "130" if p <= 201906 else "120"
        rows.append(line(1, format_period(p), "出口", "SC", 1, "US", amount))
        rows.append(
            line(2, format_period(p), "进口", "SI", 1, "DE", "20", region="和平区", area="120101")
        )
    for p in month_range(201701, 201712):
        rows.append(
            line(
                3,
                format_period(p),
                "出口",
                "SJ",
                1,
                "HK",
                "80000",
                region="两江新区",
                area="500112",
            )
        )
    return rows


def load_targets_sample(url: str, workdir) -> None:
    """Load the rows above into the (migrated, seeded) database at url."""
    engine = make_engine(url)
    try:
        outcome = load_file(
            make_session_factory(engine),
            write_report(workdir / "targets.csv", _rows()),
            today=TODAY,
        )
        assert outcome.status == "loaded", outcome.validation and outcome.validation.issues
    finally:
        engine.dispose()
