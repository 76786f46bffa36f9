"""对比监测 in headless Chromium: published totals against the synthetic sample's direct reports,
the flag, the movers and the benchmark sentence, in Chinese, with nothing reading NaN."""

from __future__ import annotations

import csv
import shutil

import pytest
from dash.testing import wait

from dashboard.ids import Reconciliation as Ids
from etl.db import make_engine, make_session_factory
from etl.exchange.store import load_external
from tests.browser.pages_data import TIMEOUT, assert_clean, open_page

pytestmark = pytest.mark.browser
HEADER = ["来源", "地区", "期间", "口径", "方向", "服务类别", "金额", "单位", "同比%"]
PUBLISHED = [
    ["国家外汇管理局", "天津市", "2019年1-6月", "国际收支口径", "出口", "", "45", "亿美元", ""],
    ["国家外汇管理局", "天津市", "2018年1-6月", "国际收支口径", "出口", "", "40", "亿美元", ""],
    ["国家外汇管理局", "天津市", "2019年1-6月", "国际收支口径", "出口", "SJ", "12", "亿美元", ""],
    ["国家外汇管理局", "天津市", "2018年1-6月", "国际收支口径", "出口", "SJ", "7", "亿美元", ""],
    ["商务部", "天津市", "2019年1-6月", "国际收支口径", "进出口", "", "600", "亿元", "9.5"],
    ["商务部", "全国", "2019年1-6月", "国际收支口径", "进出口", "", "26000", "亿元", "6.1"],
    ["商务部", "北京市", "2019年1-6月", "国际收支口径", "进出口", "", "5200", "亿元", "11.2"],
    ["商务部", "上海市", "2019年1-6月", "国际收支口径", "进出口", "", "5000", "亿元", "4.0"],
]


@pytest.fixture
def sample_db(sample_db, tmp_path) -> str:
    """A copy of the shared sample with a file of published totals loaded."""
    path = tmp_path / "rec.sqlite3"
    shutil.copy(sample_db.split("///", 1)[1], path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    file = tmp_path / "公布数.csv"
    with open(file, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *PUBLISHED])
    assert load_external(make_session_factory(engine), file).status == "loaded"
    engine.dispose()
    return url


def test_rec001_reconciliation_page(dash_duo, sample_app, sample_db, tmp_path) -> None:
    open_page(dash_duo, sample_app, "/reconciliation?year=2019&month=6")
    wait.until(lambda: "覆盖率" in dash_duo.find_element(f"#{Ids.TABLE}").text, timeout=TIMEOUT)
    wait.until(lambda: "居第" in dash_duo.find_element(f"#{Ids.BENCHMARK}").text, timeout=TIMEOUT)
    table = dash_duo.find_element(f"#{Ids.TABLE}").text
    assert "国家外汇管理局" in table and "商务部" in table and "SJ" in table
    assert "个百分点" in table and "低于阈值" in table  # SJ: 5.99 of 12亿美元
    bench = dash_duo.find_element(f"#{Ids.BENCHMARK}").text
    assert "在3个地区中居第2位" in bench and "高于全国3.4个百分点" in bench
    assert "SJ" in dash_duo.find_element(f"#{Ids.MOVERS}").text
    assert_clean(dash_duo)
    dash_duo.driver.save_screenshot(str(tmp_path / "reconciliation.png"))
