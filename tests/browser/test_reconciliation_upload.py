"""对比监测 in headless Chromium, signed in as a statistician: a bad file of published totals shows
its problems by row and column and loads nothing; the good file loads, the tables and the history
follow; the Overview then shows the benchmarking sentence under its cards. Screenshots of the
three (reconciliation_errors, reconciliation_upload, overview_benchmark) go to screenshot_dir."""

from __future__ import annotations

import csv
import shutil

import pytest
import sqlalchemy as sa
from dash.testing import wait
from selenium.webdriver.common.by import By

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.ids import Overview
from dashboard.ids import Reconciliation as Ids
from etl import accounts
from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.settings import Settings
from tests.browser.pages_data import BAD_WORDS
from tests.browser.test_reconciliation import HEADER, PUBLISHED

pytestmark = pytest.mark.browser
TIMEOUT = 30
PASSWORD = "Rec0ncileTest2026"
BAD = [
    ["国家外汇管理局", "天津市", "2019年1-6月", "国际收支口径", "出口", "", "45", "亿美元", ""],
    ["国家外汇管理局", "天津市", "2019年13月", "国际收支口径", "出口", "", "40", "亿美元", ""],
    ["外汇管理部门", "天津市", "2019年1-6月", "国际收支口径", "进口", "", "30", "亿美元", ""],
    ["商务部", "天津市", "2019年1-6月", "国际收支口径", "进出口", "SX", "12", "亿美元", ""],
    ["商务部", "全国", "2019年1-6月", "国际收支口径", "进出口", "", "两万六", "亿元", "6.1"],
    ["商务部", "北京市", "2019年1-6月", "国际收支口径", "进出口", "", "5200", "亿英镑", "11.2"],
]


@pytest.fixture
def rec_app(sample_db, tmp_path):
    """A copy of the shared sample (no published totals yet) behind sign-in, with a statistician."""
    path = tmp_path / "rec.sqlite3"
    shutil.copy(sample_db.split("///", 1)[1], path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        accounts.add_user(s, "stat", "statistician", "统计科", (), PASSWORD)
        accounts.get_user(s, "stat").must_change_password = False
    app = create_app(Settings(instance_path=tmp_path / "inst", database_url=url))
    yield app, factory
    app.server.config[CONFIG_KEY].dispose()
    engine.dispose()


def _csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


def _drop(dash_duo, path) -> None:
    field = dash_duo.find_element(f"#{Ids.UPLOAD} input[type=file]")
    dash_duo.driver.execute_script("arguments[0].value = '';", field)  # chromedriver appends
    field.send_keys(str(path))


def _shoot(dash_duo, path) -> None:
    """The whole page: the window as tall as the content (up to 3000 px), 1366 wide."""
    driver = dash_duo.driver
    driver.set_window_size(1366, 900)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1366, min(max(height + 140, 900), 3000))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(path))


def _clean(dash_duo) -> None:
    text = dash_duo.find_element("body").text
    assert not [w for w in BAD_WORDS if w in text], text


def _figures(factory) -> int:
    with factory() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(m.ExternalFigure))


def test_recu001_upload_errors_then_loaded_and_the_overview_sentence(
    dash_duo, rec_app, tmp_path, screenshot_dir
):
    app, factory = rec_app
    dash_duo.start_server(app, navigate=False)
    driver = dash_duo.driver
    driver.get(f"{dash_duo.server.url}/login?next=/reconciliation")
    driver.find_element(By.ID, "username").send_keys("stat")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login-submit").click()
    dash_duo.wait_for_text_to_equal(f"#{Ids.TITLE}", "对比监测", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.EMPTY}", "尚未导入官方公布数", timeout=TIMEOUT)

    _drop(dash_duo, _csv(tmp_path / "公布数_有误.csv", BAD))
    dash_duo.wait_for_contains_text(f"#{Ids.UPLOAD_RESULT}", "未导入任何数据", timeout=TIMEOUT)
    problems = dash_duo.find_element(f"#{Ids.PROBLEMS}").text
    for words in ("期间应为", "无法识别的来源", "无法识别的服务类别", "金额应为数字", "单位应为"):
        assert words in problems, problems
    assert _figures(factory) == 0
    _clean(dash_duo)
    _shoot(dash_duo, screenshot_dir / "reconciliation_errors.png")

    _drop(dash_duo, _csv(tmp_path / "公布数_2019年1-6月.csv", PUBLISHED))
    dash_duo.wait_for_contains_text(
        f"#{Ids.UPLOAD_RESULT}", f"{len(PUBLISHED)}项公布数", timeout=TIMEOUT
    )
    wait.until(lambda: "覆盖率" in dash_duo.find_element(f"#{Ids.TABLE}").text, timeout=TIMEOUT)
    wait.until(lambda: "居第" in dash_duo.find_element(f"#{Ids.BENCHMARK}").text, timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.HISTORY}", "公布数_2019年1-6月.csv", timeout=TIMEOUT)
    assert "stat" in dash_duo.find_element(f"#{Ids.HISTORY}").text
    assert "在3个地区中居第2位" in dash_duo.find_element(f"#{Ids.BENCHMARK}").text
    assert _figures(factory) == len(PUBLISHED)
    _clean(dash_duo)
    _shoot(dash_duo, screenshot_dir / "reconciliation_upload.png")

    driver.set_window_size(1366, 900)
    driver.get(f"{dash_duo.server.url}/overview?month=2019-06")
    dash_duo.wait_for_contains_text(
        f"#{Overview.BENCHMARK}", "高于全国3.4个百分点", timeout=TIMEOUT
    )
    line = dash_duo.find_element(f"#{Overview.BENCHMARK}").text
    assert line.startswith("2019年1–6月天津市服务进出口增速+9.5%，在3个地区中居第2位"), line
    dash_duo.wait_for_element(f"#{Overview.KPI_TOTAL} .stm-kpi-value", timeout=TIMEOUT)
    dash_duo.wait_for_element(f"#{Overview.TREND} .main-svg", timeout=TIMEOUT)
    _clean(dash_duo)
    driver.set_window_size(1366, 1100)
    driver.save_screenshot(str(screenshot_dir / "overview_benchmark.png"))
    assert dash_duo.get_logs() == []
