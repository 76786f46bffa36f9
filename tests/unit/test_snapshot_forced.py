"""The stored pattern laid over the snapshot's tables (etl.snapshot.forced)."""

from __future__ import annotations

from etl.disclosure import TOTAL
from etl.filters import ReportFilter
from etl.snapshot.forced import (
    OTHER,
    catalogue_key,
    forced_cells,
    hidden_chart_months,
    hidden_measures,
)

CITY = "120000"


def test_snapshot_cells_map_to_the_pages_catalogue() -> None:
    assert catalogue_key("category", TOTAL, TOTAL, CITY) == (CITY, "*", "bop", "*", "*")
    assert catalogue_key("category", "group:KIS", "X", CITY) == (CITY, "group:KIS", "bop", "X", "*")
    assert catalogue_key("region", CITY, "M", CITY) == ("120000!", "*", "bop", "M", "*")  # 本级
    assert catalogue_key("region", "120116", "M", CITY) == ("120116", "*", "bop", "M", "*")
    assert catalogue_key("mode", 4, "X", CITY) == (CITY, "*", "4", "X", "*")
    assert catalogue_key("fats", TOTAL, "X", CITY) == (CITY, "*", "3", "X", "*")
    assert catalogue_key("partner", "US", TOTAL, CITY) == (CITY, "*", "bop", "*", "US")
    assert catalogue_key("partner", OTHER, TOTAL, CITY) is None  # 其他 is no catalogue cell


def test_a_hidden_top_partner_hides_other_in_its_column_only() -> None:
    hidden = {(CITY, "*", "bop", "X", "JP")}
    out = forced_cells("partner", ["US", "JP", OTHER], CITY, hidden)
    assert out == {("JP", "X"), (OTHER, "X")}
    assert forced_cells("partner", ["US", "JP", OTHER], CITY, None) == set()


def test_january_reads_the_1_2_month_cell_and_ranges_need_every_month() -> None:
    feb = {("m", 202102): {(CITY, "*", "bop", "X", "*")}}
    chart = hidden_chart_months([(202101, "X"), (202101, "M"), (202103, "X")], CITY, feb)
    assert chart == {(202101, "X")}
    inside = ReportFilter(202101, 202106, regions=(CITY,), directions=("X",))
    outside = ReportFilter(202103, 202106, regions=(CITY,), directions=("X",))
    total = ReportFilter(202101, 202106, regions=(CITY,))
    assert hidden_measures([inside, outside, total], feb) == {inside}
