"""报送情况 in the browser: a clerk sees whom to chase in their region; the line beside the
figures on Overview and Regions; a statistician adds a member on the register tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from dash.testing import wait
from selenium.webdriver.common.by import By

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.ids import Coverage, RegisterEdit
from etl import accounts
from etl.db import make_engine, make_session_factory
from etl.settings import Settings
from tests.browser import ports
from tests.browser.coverage_pages_data import build_coverage_db
from tests.browser.pages_data import BAD_WORDS, TIMEOUT, absent, open_page
from tests.db.helpers import uscc

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def coverage_db(template_urls, tmp_path_factory) -> str:
    """The register and December's on-time, late and missing reports (built once)."""
    return build_coverage_db(template_urls, tmp_path_factory.mktemp("coverage"))


def _app(url: str, tmp_path: Path, auth_required: bool):
    return create_app(
        Settings(instance_path=tmp_path / "inst", database_url=url, auth_required=auth_required)
    )


@pytest.fixture
def open_app(coverage_db, tmp_path):
    """The dashboard on a copy of the coverage database, without sign-in."""
    import shutil

    path = tmp_path / "copy.sqlite3"
    shutil.copy(coverage_db.removeprefix("sqlite:///"), path)
    app = _app(f"sqlite:///{path}", tmp_path, False)
    yield app
    app.server.config[CONFIG_KEY].dispose()


def _grid_cells(dash_duo, grid: str, column: str) -> list[str]:
    cells = dash_duo.driver.find_elements(
        By.CSS_SELECTOR, f"#{grid} .ag-center-cols-container [col-id='{column}']"
    )
    return [c.text for c in cells]


def _no_bad_words(dash_duo) -> None:
    text = dash_duo.find_element("body").text
    assert not any(word in text for word in BAD_WORDS), text


def test_cov001_clerk_sees_whom_to_chase_in_their_region(
    dash_duo, coverage_db, tmp_path, screenshot_dir
):
    """A clerk of 滨海新区 opens 报送情况: their region is chosen, the list holds its missing and
    late enterprises with contacts and none of 和平区's; asking for 天津市 in the URL shows
    their own region instead."""
    engine = make_engine(coverage_db)
    with make_session_factory(engine).begin() as s:
        password = accounts.add_user(s, "clerk9", "clerk", "李填报", regions=("120116",))
        accounts.get_user(s, "clerk9").must_change_password = False  # tested in test_login
    engine.dispose()
    app = _app(coverage_db, tmp_path, True)
    dash_duo.start_server(app, navigate=False, port=ports.free(ports.PAGES))
    dash_duo.driver.get(dash_duo.server.url + "/coverage?region=120000")
    dash_duo.wait_for_text_to_equal("h1", "登录", timeout=TIMEOUT)
    driver = dash_duo.driver
    driver.find_element(By.ID, "username").send_keys("clerk9")
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()
    dash_duo.wait_for_text_to_equal(f"#{Coverage.TITLE}", "报送情况", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Coverage.REGION}", "滨海新区", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(
        f"#{Coverage.CHASE_GRID}", "未报示例一有限公司（合成）", timeout=TIMEOUT
    )
    names = _grid_cells(dash_duo, Coverage.CHASE_GRID, "name")
    statuses = set(_grid_cells(dash_duo, Coverage.CHASE_GRID, "status"))
    assert "未报示例二有限公司（合成）" in names and "未报示例三有限公司（合成）" not in names
    assert statuses == {"未报", "迟报"}
    assert "022-6620" in dash_duo.find_element(f"#{Coverage.CHASE_GRID}").text
    summary = dash_duo.find_element(f"#{Coverage.SUMMARY}").text
    assert "报送截止：2020年1月10日" in summary and "应报重点企业" in summary
    assert "只显示您负责的地区" in dash_duo.find_element("body").text
    assert absent(dash_duo, f"#{Coverage.TABS}")  # no register tab
    _no_bad_words(dash_duo)
    dash_duo.driver.set_window_size(1400, 1700)
    dash_duo.driver.save_screenshot(str(screenshot_dir / "coverage.png"))
    assert dash_duo.get_logs() == []
    app.server.config[CONFIG_KEY].dispose()


def test_cov002_line_beside_the_figures(dash_duo, open_app, tmp_path):
    """Overview and Regions say how many key enterprises the month's figure rests on."""
    open_page(dash_duo, open_app, "/overview")
    line = f"#{Coverage.LINE}"
    dash_duo.wait_for_contains_text(line, "2019年12月已报送", timeout=TIMEOUT)
    text = dash_duo.find_element(line).text
    assert "重点企业（" in text and "缺报企业上年贸易额占" in text and "报送情况" in text
    dash_duo.driver.save_screenshot(str(tmp_path / "overview-line.png"))
    dash_duo.wait_for_page(url=dash_duo.server.url + "/regions?region=120116")
    dash_duo.wait_for_contains_text(line, "2019年12月已报送", timeout=TIMEOUT)
    dash_duo.driver.save_screenshot(str(tmp_path / "regions-line.png"))
    _no_bad_words(dash_duo)
    assert dash_duo.get_logs() == []


def test_cov003_statistician_adds_a_member(dash_duo, open_app):
    """The register tab: a bad code is refused with its column named; a good form adds the
    enterprise, which then appears in the register and in the history."""
    open_page(dash_duo, open_app, "/coverage/register")
    dash_duo.wait_for_text_to_equal(f"#{RegisterEdit.TITLE}", "重点企业名录", timeout=TIMEOUT)

    def fill(key: str, value: str) -> None:
        box = dash_duo.find_element(f"#{RegisterEdit.ADD_FIELDS[key]}")
        box.clear()
        box.send_keys(value)

    fill("uscc", "91120116MA05XXXX0")
    fill("name", "新增示例有限公司（合成）")
    dash_duo.find_element(f"#{RegisterEdit.ADD}").click()
    dash_duo.wait_for_contains_text(
        f"#{RegisterEdit.ADD_RESULT}", "统一社会信用代码无效", timeout=TIMEOUT
    )
    fill("uscc", uscc(777))
    dash_duo.select_dcc_dropdown(f"#{RegisterEdit.ADD_FIELDS['region']}", value="120116 滨海新区")
    dash_duo.find_element(f"#{RegisterEdit.ADD}").click()
    dash_duo.wait_for_contains_text(
        f"#{RegisterEdit.ADD_RESULT}", "已将新增示例有限公司", timeout=TIMEOUT
    )
    wait.until(
        lambda: (
            "新增示例有限公司（合成）" in dash_duo.find_element(f"#{RegisterEdit.HISTORY}").text
        ),
        timeout=TIMEOUT,
    )
    _no_bad_words(dash_duo)
    assert dash_duo.get_logs() == []
