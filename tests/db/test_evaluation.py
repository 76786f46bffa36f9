"""绩效评价与考核 end to end: a constructed case computed by hand equals the product's scorecard."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D

import pandas as pd
import pytest

from etl import accounts
from etl.evaluation.entries import EntryError, set_entry
from etl.evaluation.report import evaluate, export_table, method_table
from etl.intake.load import load_file
from etl.periods import format_period, month_range
from etl.settings import PROJECT_ROOT
from etl.tasks.store import submit_report
from tests.db.helpers import line, write_report

UNIT = "天津市商务委"


def _due_2018() -> list[int]:
    """Tianjin tasks 天津市商务委 leads with a date deadline by 2018-12-31, read from the seed."""
    with open(PROJECT_ROOT / "seeds" / "pilot_tasks.csv", encoding="utf-8") as f:
        return [
            int(r["number"])
            for r in csv.DictReader(f)
            if r["document"] == "tianjin"
            and UNIT in r["lead_units"].split("；")
            and r["deadline_kind"] == "date"
            and r["deadline"] <= "2018-12-31"
        ]


def test_unit_scorecard_equals_a_hand_computation(session_factory):
    due = _due_2018()
    assert len(due) >= 4
    with session_factory.begin() as s:
        accounts.add_user(s, "tj", "unit", organisations=(UNIT,))
    with session_factory() as s:
        unit = accounts.principal_of(accounts.get_user(s, "tj"))
    on_time, in_progress = due[:2], due[2:3]
    with session_factory.begin() as s:
        for number in on_time:
            submit_report(s, unit, f"tianjin-{number}", "2018-09", "已完成", "完成")
        for number in in_progress:  # reported, not completed: due and not done
            submit_report(s, unit, f"tianjin-{number}", "2018-12", "推进中", "推进")
        set_entry(s, "policies", UNIT, 2018, "2", "admin")
        set_entry(s, "unit_data_sharing", UNIT, 2018, "80", "admin")
        set_entry(s, "policies", UNIT, 2018, "2", "admin")  # the same again: replaced, not added
        with pytest.raises(EntryError):
            set_entry(s, "task_completion", UNIT, 2018, "50", "admin")  # measured, not entered
    with session_factory() as s:
        result = evaluate(s, "unit", 2018, today=dt.date(2026, 1, 1))
    row = result.card.set_index("subject").loc[UNIT]
    n = D(len(due))
    completion = (D(200) / n).quantize(D("0.01"))  # 2 of n completed, both on time
    assert row["task_completion.value"] == completion
    assert row["task_timeliness.value"] == completion
    expected = (
        (D(40) * completion / 100).quantize(D("0.01"))
        + (D(20) * completion / 100).quantize(D("0.01"))
        + D("13.33")  # 20 × 2/3 policies
        + D("16.00")  # 20 × 80/100
    )
    assert row["total"] == expected
    assert row["rank"] == 1  # nobody else has completed anything or had values entered
    table = export_table(result, "zh")
    assert "总分" in table.columns and table.iloc[0]["单位"] == UNIT
    assert "计分方法" in method_table(result, "zh").columns


def _months(year: int, amount: str, area: str, ent: int) -> list[tuple]:
    name = {"120116": "滨海新区", "120101": "和平区"}[area]
    return [
        line(ent, format_period(p), "出口", "SC", 1, "US", amount, area=area, region=name)
        for p in month_range(year * 100 + 1, year * 100 + 12)
    ]


def test_district_scorecard_growth_and_entered_values(session_factory, tmp_path):
    # 滨海新区 (120116): 100 → 115 a month (+15%, above the 10% full mark); 和平区 (120101):
    # 100 → 104 (+4%: 30 × 4/10 = 12 points).
    rows = _months(2018, "100", "120116", 1) + _months(2019, "115", "120116", 1)
    rows += _months(2018, "100", "120101", 2) + _months(2019, "104", "120101", 2)
    path = write_report(tmp_path / "r.csv", rows)
    assert load_file(session_factory, path, today=dt.date(2020, 6, 30)).status == "loaded"
    with session_factory.begin() as s:
        set_entry(s, "investment", "120101", 2019, "10", "admin")  # 15 × 10/20 = 7.5
    with session_factory() as s:
        result = evaluate(s, "district", 2019)
    card = result.card.set_index("subject")
    assert card.loc["120116", "trade_growth.value"] == D("15.00")
    assert card.loc["120116", "total"] == D("30.00")
    assert card.loc["120101", "trade_growth.value"] == D("4.00")
    assert card.loc["120101", "total"] == D("19.50")  # 12 + 7.5
    assert list(card.loc[["120116", "120101"], "rank"]) == [1, 2]
    assert card.loc["120101", "name_zh"] == "和平区"


def test_a_leaders_scorecard_never_scores_a_confidential_growth(session_factory, tmp_path):
    # 和平区 has one enterprise: its growth is that enterprise's, confidential (etl.disclosure).
    # Read as a leader, its value, points, total and rank are C — 0 points would rank it last
    # and points would give the growth away — while the statistician's card keeps them.
    from dashboard.pages.evaluation.views import card_rows
    from etl.data_version import PROTECTED, RELEASED
    from tests.db.helpers import release_months

    rows = _months(2018, "100", "120101", 2) + _months(2019, "104", "120101", 2)
    for ent in (3, 4, 5):
        rows += _months(2018, str(90 + ent), "120116", ent)
        rows += _months(2019, str(99 + ent), "120116", ent)
    path = write_report(tmp_path / "r.csv", rows)
    assert load_file(session_factory, path, today=dt.date(2020, 6, 30)).status == "loaded"
    release_months(session_factory)
    with session_factory() as s:
        statistician = evaluate(s, "district", 2019)
        official = statistician.card.set_index("subject")
    with session_factory() as s:
        s.info[RELEASED] = s.info[PROTECTED] = True
        seen = evaluate(s, "district", 2019)
    assert official.loc["120101", "trade_growth.value"] == D("4.00")
    # printed as every percentage of the product is, with its places kept for the points
    rows = {r["name"]: r for r in card_rows(statistician, "en")}
    assert rows["Heping District"]["trade_growth_value"] == "4.00%"
    card = seen.card.set_index("subject")
    for column in ("trade_growth.value", "trade_growth.points", "total", "rank"):
        assert card.loc["120101", column] is pd.NA, column
    hidden = [r is pd.NA for r in seen.card["rank"]]
    assert hidden == sorted(hidden)  # listed after every ranked district
    heping = next(r for r in card_rows(seen, "zh") if r["name"] == "和平区")
    assert heping["rank"] == heping["total"] == heping["trade_growth"] == "C"
    assert heping["trade_growth_value"] == "C"
    table = export_table(seen, "zh").set_index("地区")
    assert table.loc["和平区", "总分"] == "C" and table.loc["和平区", "排名"] == "C"
    assert "4.00" not in set(table.loc["和平区"])
