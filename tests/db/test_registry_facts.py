"""Registry facts for validation: names, and the median of each enterprise's 12 newest reports."""

from __future__ import annotations

import datetime as dt

from etl.intake.load import load_file
from etl.queries.facts import registry_facts
from tests.db.helpers import line, uscc, write_report

MONTHS = [
    f"{y}-{mo:02d}"
    for y, mo in [(2018, m) for m in range(5, 13)] + [(2019, m) for m in range(1, 7)]
]  # 14 months, 2018-05..2019-06


def test_median_of_the_twelve_newest_reports_only(session_factory, tmp_path):
    rows = [line(1, month, "出口", "SC", 1, "US", str(i + 1)) for i, month in enumerate(MONTHS)]
    rows.append(line(2, "2019-06", "出口", "SC", 1, "US", "7", name="乙公司"))
    path = write_report(tmp_path / "a.csv", rows)
    assert load_file(session_factory, path, today=dt.date(2022, 6, 30)).status == "loaded"
    with session_factory() as s:
        facts = registry_facts(s, [uscc(1), uscc(2), uscc(3)])
    # amounts 1..14 万美元 by month: the newest 12 are 3..14, median 8.5 万美元 = 8,500,000 cents
    assert facts.recent_median_usd_cents == {uscc(1): 8_500_000, uscc(2): 7_000_000}
    assert facts.names == {uscc(1): "测试企业1有限公司", uscc(2): "乙公司"}
