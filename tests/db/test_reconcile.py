"""对比监测: published totals load all-or-nothing with row/column problems; reconciliation of a
constructed case computed by hand (coverage, its change, the flag, CNY at the documented rate);
benchmarking rank and gap in 百分点; the CLI commands."""

from __future__ import annotations

import csv
import json
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard.pages.overview import data as overview_data
from etl import models as m
from etl.cli.main import main
from etl.exchange.reconcile import benchmark, reconciliation
from etl.exchange.store import load_external
from etl.intake.load import load_file
from etl.reference import reference_codes
from tests.db.helpers import line, write_report

HEADER = ["来源", "地区", "期间", "口径", "方向", "服务类别", "金额", "单位", "同比%"]
REPORTS = [
    line(1, "2019-06", "出口", "SC", 1, "US", "300"),  # 3,000,000 USD
    line(2, "2019-06", "进口", "SJ", 1, "DE", "100"),  # 1,000,000 USD
    line(1, "2018-06", "出口", "SC", 1, "US", "200"),  # 2,000,000 USD
]
PUBLISHED = [
    ["国家外汇管理局", "天津市", "2019-06", "国际收支口径", "出口", "SC", "0.05", "亿美元", ""],
    ["国家外汇管理局", "120000", "2018-06", "国际收支口径", "出口", "运输", "250", "万美元", ""],
    ["商务部", "天津市", "2019年6月", "国际收支口径", "进出口", "", "0.3", "亿元", ""],
    ["商务部", "天津市", "2019年1-6月", "国际收支口径", "进出口", "", "100", "亿美元", "10"],
    ["商务部", "全国", "2019年1-6月", "国际收支口径", "进出口", "", "4000", "亿美元", "5.0"],
    ["商务部", "北京市", "2019年1-6月", "国际收支口径", "进出口", "", "500", "亿美元", "15"],
    ["商务部", "上海市", "2019年1-6月", "国际收支口径", "进出口", "", "600", "亿美元", ""],
    ["商务部", "上海市", "2018年1-6月", "国际收支口径", "进出口", "", "480", "亿美元", ""],
]


def write(path: Path, rows: list[list[str]], header=HEADER) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def loaded(session_factory, tmp_path):
    assert load_file(session_factory, write_report(tmp_path / "r.csv", REPORTS), user="c").ok
    result = load_external(session_factory, write(tmp_path / "pub.csv", PUBLISHED), "stat")
    assert result.status == "loaded" and result.figures == len(PUBLISHED), result.problems
    return session_factory


def test_reconciliation_computed_by_hand(loaded):
    with loaded() as s:
        result = reconciliation(s, 2019, 6, min_coverage=0.7)
        rate = reference_codes(s).rate_for(201906)
    rows = {
        (r["source"], r["direction"], r["period_from"]): r for r in result.rows.to_dict("records")
    }
    sc = rows[("SAFE_BOP", "X", 201906)]
    assert sc["published_usd"] == 500_000_000 and sc["direct_usd"] == 300_000_000
    assert sc["coverage"] == pytest.approx(0.6)  # 300 / 500 万美元
    assert sc["coverage_previous"] == pytest.approx(0.8)  # 200 / 250 万美元
    assert sc["coverage_change_pp"] == pytest.approx(-20.0)
    assert sc["flagged"]  # 60% < 70%
    assert sc["category_zh"] == "运输"
    # CNY published: compared with the reports' CNY amounts (each line converted at the rate)
    total = rows[("MOFCOM", "XM", 201906)]

    def fen(cents: int) -> int:
        return int((Decimal(cents) * rate).to_integral_value(rounding=ROUND_HALF_EVEN))

    direct_cny = fen(300_000_000) + fen(100_000_000)
    assert total["direct_cny"] == direct_cny and total["direct_usd"] == 400_000_000
    assert total["published_cny"] == 3_000_000_000  # 0.3 亿元 in fen
    expected_usd = int((Decimal(3_000_000_000) / rate).to_integral_value(rounding=ROUND_HALF_EVEN))
    assert total["published_usd"] == expected_usd
    assert total["coverage"] == pytest.approx(direct_cny / 3_000_000_000)
    assert (
        total["coverage_previous"] is None
        or total["coverage_previous"] != total["coverage_previous"]
    )
    # other areas are for benchmarking only
    assert set(result.rows["area_code"]) == {"120000"}
    assert result.movers["category_code"].tolist() == ["SC"]
    assert result.flagged == sum(
        1 for r in rows.values() if r["coverage"] is not None and r["coverage"] < 0.7
    )


def test_benchmark_rank_and_gap(loaded):
    with loaded() as s:
        bench = benchmark(s, 2019, 6, "120000")
    assert bench.source == "MOFCOM" and (bench.period_from, bench.period_to) == (201901, 201906)
    growth = dict(zip(bench.rows["area_code"], bench.rows["growth"]))
    assert growth["上海市"] == pytest.approx(0.25)  # 600 against 480 in the same file
    assert growth["CN"] == pytest.approx(0.05)
    assert bench.rows["area_code"].tolist()[:3] == ["上海市", "北京市", "120000"]
    assert (bench.rank, bench.of) == (3, 3)
    assert bench.gap_pp == pytest.approx(5.0)  # 10% against the nation's 5%


BAD = [
    (["统计局", "天津市", "2019-06", "国际收支口径", "出口", "", "1", "亿英镑", ""], 2, "单位"),
    (["统计局", "天津市", "2019-13", "国际收支口径", "出口", "", "1", "亿美元", ""], 2, "期间"),
    (["统计局", "999999", "2019-06", "国际收支口径", "出口", "", "1", "亿美元", ""], 2, "地区"),
    (
        ["统计局", "天津市", "2019-06", "国际收支口径", "出口", "SX", "1", "亿美元", ""],
        2,
        "服务类别",
    ),
    (["统计局", "天津市", "2019-06", "国际收支口径", "出口", "", "一亿", "亿美元", ""], 2, "金额"),
    (["某机构", "天津市", "2019-06", "国际收支口径", "出口", "", "1", "亿美元", ""], 2, "来源"),
    (["统计局", "天津市", "2019-06", "半口径", "出口", "", "1", "亿美元", ""], 2, "口径"),
    (["统计局", "天津市", "2019-06", "国际收支口径", "", "", "1", "亿美元", ""], 2, "方向"),
]


@pytest.mark.parametrize("row,excel_row,column", BAD)
def test_bad_rows_are_rejected_by_row_and_column_and_nothing_loads(
    session_factory, engine, tmp_path, row, excel_row, column
):
    good = ["统计局", "天津市", "2019-05", "国际收支口径", "出口", "", "1", "亿美元", ""]
    path = write(tmp_path / "bad.csv", [row, good])
    result = load_external(session_factory, path, "stat")
    assert result.status == "rejected"
    assert [(p.row, p.column) for p in result.problems] == [(excel_row, column)]
    with engine.connect() as c:
        assert c.scalar(sa.select(sa.func.count()).select_from(m.ExternalFigure)) == 0
        assert c.scalar(sa.select(sa.func.count()).select_from(m.ExternalBatch)) == 0


def test_missing_columns_and_duplicates(session_factory, tmp_path):
    path = write(
        tmp_path / "cols.csv", [["统计局", "天津市", "2019-06"]], header=["来源", "地区", "期间"]
    )
    problems = load_external(session_factory, path).problems
    assert (
        problems[0].row == 1
        and "口径" in problems[0].problem_zh
        and "金额" in problems[0].problem_zh
    )
    dup = ["统计局", "天津市", "2019-06", "国际收支口径", "出口", "", "1", "亿美元", ""]
    problems = load_external(session_factory, write(tmp_path / "dup.csv", [dup, dup])).problems
    assert [(p.row, p.column) for p in problems] == [(3, "期间")] and "第2行" in problems[
        0
    ].problem_zh


def test_same_file_twice_and_a_revised_figure(session_factory, tmp_path):
    first = write(tmp_path / "a.csv", PUBLISHED[:2])
    assert load_external(session_factory, first).status == "loaded"
    assert load_external(session_factory, first).status == "unchanged"
    revised = [
        ["国家外汇管理局", "天津市", "2019-06", "国际收支口径", "出口", "SC", "0.06", "亿美元", ""]
    ]
    result = load_external(session_factory, write(tmp_path / "b.csv", revised))
    assert (result.status, result.replaced) == ("loaded", 1)
    with session_factory() as s:
        amounts = s.scalars(
            sa.select(m.ExternalFigure.amount_minor).order_by(m.ExternalFigure.period_to)
        )
        assert list(amounts) == [250_000_000, 600_000_000]


def test_cli_external_load_and_reconcile(loaded, settings, tmp_path, capsys):
    bad = write(tmp_path / "bad.csv", [BAD[0][0]])
    assert (
        main(["external", "load", str(bad), "--errors-out", str(tmp_path / "e.xlsx")], settings)
        == 1
    )
    out = capsys.readouterr().out
    assert "rejected, nothing loaded" in out and "row 2, column 单位" in out
    assert (tmp_path / "e.xlsx").exists()
    assert main(["reconcile", "--year", "2019", "--month", "6"], settings) == 0
    out = capsys.readouterr().out
    assert "60.0%" in out and "-20.0" in out and "rank 3 of 3" in out and "+5.0" in out
    assert main(["reconcile", "--year", "2019", "--format", "json"], settings) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["benchmark"]["rank"] == 3 and len(body["rows"]) == 3  # 天津市, 2019


def test_page_for_statisticians_only(loaded, db_url, tmp_path):
    from dashboard.ids import Reconciliation as Ids
    from tests.db.auth_helpers import app_with_accounts, signed_in
    from tests.db.dash_calls import dash_call

    app, passwords = app_with_accounts(db_url, tmp_path / "inst", loaded)
    stat, lead = signed_in(app, passwords, "stat"), signed_in(app, passwords, "lead")
    values = {f"{Ids.YEAR}.value": 2019, f"{Ids.MONTH}.value": 6, f"{Ids.LANG}.data": "zh"}
    response = dash_call(stat, app, f"{Ids.TABLE}.children", values)
    assert response.status_code == 200
    text = json.dumps(response.get_json()["response"], ensure_ascii=False)
    # SC exports 60.0% (not below the default 60%); the 1–6月 total of 100亿美元: 0.04%, flagged
    assert "60.0%" in text and "3项公布数中，1项直报覆盖率低于60%" in text
    assert text.count("低于阈值") == 1
    assert "-20.0个百分点" in text and "运输" in text and "国家外汇管理局" in text
    assert "在3个地区中居第3位" in text and "高于全国5.0个百分点" in text
    assert "NaN" not in text and "None" not in text and "undefined" not in text
    assert dash_call(lead, app, f"{Ids.TABLE}.children", values).status_code == 403
    page = dash_call(
        lead,
        app,
        "_pages_content.children",
        {"_pages_location.pathname": "/reconciliation", "_pages_location.search": ""},
    )
    assert "access-denied" in page.get_data(as_text=True)


def test_growth_benchmark_data_function_for_the_overview(loaded, db_url, tmp_path):
    from dashboard import create_app
    from dashboard.benchmark_line import benchmark_sentence
    from dashboard.filter_state import FilterState
    from etl.settings import Settings

    app = create_app(
        Settings(instance_path=tmp_path / "i", database_url=db_url, auth_required=False)
    )
    with app.server.test_request_context():
        view, bench = overview_data.growth_benchmark(FilterState(end=201906))
    assert view.end == 201906 and (bench.rank, bench.of) == (3, 3)
    sentence = benchmark_sentence(bench, "天津市", "zh")
    assert (
        sentence
        == "2019年1–6月天津市服务进出口增速+10.0%，在3个地区中居第3位，高于全国5.0个百分点（商务部公布数）。"
    )
    assert "rank 3 of 3; 5.0 points above the nation" in benchmark_sentence(bench, "Tianjin", "en")
