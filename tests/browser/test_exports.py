"""The Exports page in headless Chromium: a leader downloads the snapshot a statistician made of
the last released month (leaders do not make the official edition)."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from dash.testing import wait
from selenium.webdriver.common.by import By

from dashboard.ids import Exports
from tests.browser.conftest import private_copy
from tests.browser.pages_data import absent
from tests.browser.test_login import _sign_in, set_own_password
from tests.browser.test_login import secured_app as secured_app  # a fixture, used by name

pytestmark = pytest.mark.browser
TIMEOUT = 10
MAKE_TIMEOUT = 90  # reading, protecting, writing and printing the PDF, on a busy machine


@pytest.fixture
def sqlite_url(sample_db_released, tmp_path) -> str:
    """A private copy of the page sample, every month released (secured_app adds its leader
    account to it)."""
    return private_copy(sample_db_released, tmp_path)


def sign_in(dash_duo, path: str, username: str, password: str) -> None:
    """Open path, get sent to the sign-in form, sign in and land on path."""
    dash_duo.driver.get(dash_duo.server.url + path)
    dash_duo.wait_for_text_to_equal("h1", "登录", timeout=TIMEOUT)
    _sign_in(dash_duo, username, password)
    set_own_password(dash_duo, password)  # the fixture's account has a one-time password


def downloaded(folder: Path, suffix: str, timeout: float = 30) -> Path:
    """The file Chromium finished downloading into folder."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = list(folder.glob(f"*{suffix}"))
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {list(folder.iterdir())}")


def test_exp001_leader_downloads_last_months_snapshot(dash_duo, secured_app, tmp_path):
    """A statistician made December's edition; sign in as a leader: no form to make one, the row
    is listed; click Excel: the browser saves the workbook under its Chinese name and it opens
    with its cover."""
    from dashboard.context import CONFIG_KEY
    from etl.snapshot.archive import make_snapshot

    app, password = secured_app
    ctx = app.server.config[CONFIG_KEY]
    made = make_snapshot(
        ctx.session_factory, ctx.settings, 201912, "120000", user="stat1", pdf=False
    )
    assert made.snapshot_id is not None
    folder = tmp_path / "downloads"
    folder.mkdir()
    dash_duo.start_server(app, navigate=False)
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )
    sign_in(dash_duo, "/exports", "leader1", password)
    dash_duo.wait_for_text_to_equal(f"#{Exports.TITLE}", "月度快照导出", timeout=TIMEOUT)
    assert absent(dash_duo, f"#{Exports.MAKE}")  # leaders make no edition
    link = f"#{Exports.GRID} .ag-row a[href$='/xlsx']"
    wait.until(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, link), TIMEOUT)
    row = dash_duo.find_element(f"#{Exports.GRID} .ag-center-cols-container .ag-row").text
    assert "2019年12月" in row and "天津市" in row and "对外通报版" in row and "首版" in row
    dash_duo.driver.save_screenshot(str(tmp_path / "exports-leader.png"))  # to look at
    dash_duo.find_element(link).click()
    path = downloaded(folder, ".xlsx")
    assert path.name == "服务贸易统计监测月报_2019年12月_天津市_对外通报版.xlsx"
    workbook = openpyxl.load_workbook(path)
    cover = workbook["封面"]
    assert workbook.sheetnames[0] == "封面"
    texts = [c for row in cover.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert any("服务贸易统计监测月报 2019年12月" in text for text in texts)
    assert not any("内部资料" in text for text in texts)
    assert dash_duo.get_logs() == []
