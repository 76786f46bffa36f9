"""数据发布 in headless Chromium: read the checklist, release a month with a note, see it listed;
releasing it again is refused (nothing changed); the Overview then says 初步 on its figures."""

from __future__ import annotations

import pytest
from dash.testing import wait

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.ids import Overview
from dashboard.ids import Release as Ids
from etl.settings import Settings
from tests.browser.conftest import private_copy
from tests.browser.pages_data import TIMEOUT, assert_clean, open_page

pytestmark = pytest.mark.browser
NOTE = "2019年12月初步数，已核对报送情况"
RELEASE_TIMEOUT = 120  # seconds: a release job runs its disclosure audit (10 s here)


@pytest.fixture
def release_app(sample_db_released_to_november, tmp_path):
    """The dashboard on a copy of the shared sample (releasing writes), every month but December
    2019 released; releases stay 初步 until marked final (no automatic finality)."""
    url = private_copy(sample_db_released_to_november, tmp_path)
    app = create_app(
        Settings(
            instance_path=tmp_path / "instance",
            database_url=url,
            auth_required=False,
            release_final_after_months=0,
            disclosure_audit_seconds=10,  # the audit's budget: the page waits no longer
            # no briefing thread: one cut off by the server's stop can leave the session's chart
            # browser (tests/conftest.py one_chart_browser) held; tests/db/test_briefing*.py
            # test the release's briefing
            briefing_on_release=False,
        )
    )
    yield app
    app.server.config[CONFIG_KEY].dispose()


def test_rel001_release_a_month(dash_duo, release_app, screenshot_dir) -> None:
    open_page(dash_duo, release_app, "/release")
    dash_duo.wait_for_contains_text(f"#{Ids.CHECKLIST}", "首次发布", timeout=TIMEOUT)
    wait.until(lambda: dash_duo.find_element(f"#{Ids.CONFIRM}").is_enabled(), timeout=TIMEOUT)
    assert "待查数据质量提示" in dash_duo.find_element(f"#{Ids.CHECKLIST}").text
    dash_duo.wait_for_contains_text(f"#{Ids.LIST}", "2019年11月", timeout=TIMEOUT)
    assert NOTE not in dash_duo.find_element(f"#{Ids.LIST}").text
    dash_duo.find_element(f"#{Ids.NOTE}").send_keys(NOTE)
    dash_duo.find_element(f"#{Ids.CONFIRM}").click()
    # it runs in a worker process; while it runs the button cannot be clicked again, and the
    # page says what it is doing: the step the job is at (December's pattern, 1 of 1)
    running = dash_duo.find_element(f"#{Ids.RUNNING}")
    wait.until(lambda: running.is_displayed(), timeout=TIMEOUT)
    assert "正在发布" in running.text and "离开本页不会中断" in running.text
    assert not dash_duo.find_element(f"#{Ids.CONFIRM}").is_enabled()
    # the worker starts a Python of its own first: seconds more on a busy machine
    dash_duo.wait_for_contains_text(
        f"#{Ids.STEP}", "2019年12月 的保密模式", timeout=RELEASE_TIMEOUT
    )
    assert "（第 1/1 个月）" in dash_duo.find_element(f"#{Ids.STEP}").text
    assert "已用时" in dash_duo.find_element(f"#{Ids.STEP}").text  # and how long it has run
    assert not dash_duo.find_element(f"#{Ids.CONFIRM}").is_enabled()
    dash_duo.driver.save_screenshot(str(screenshot_dir / "release_running.png"))
    # the release computes December's pattern and audits 2019 (docs/disclosure.md, step 4)
    dash_duo.wait_for_contains_text(f"#{Ids.FEEDBACK}", "已发布", timeout=RELEASE_TIMEOUT)
    wait.until(lambda: not running.is_displayed(), timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Ids.LIST}", NOTE, timeout=TIMEOUT)
    listed = dash_duo.find_element(f"#{Ids.LIST}").text
    assert "2019年12月" in listed and "初步" in listed
    # the release made here ran the release-time disclosure audit (保密核查); the fixture's
    # releases did not (as the sample's)
    assert "保密核查" in listed and "未运行" in listed
    december = next(line for line in listed.splitlines() if line.startswith("2019年12月"))
    assert "通过" in december or "遗留" in december
    # under the list, what each outcome in it means
    legend = dash_duo.find_element(f"#{Ids.LIST}-audit-legend").text
    assert legend.startswith("保密核查：") and "“未运行”指发布时未做核查" in legend
    assert ("“通过" in legend) == ("通过" in december) and ("“遗留”指" in legend) == (
        "遗留" in december
    )
    dash_duo.wait_for_contains_text(f"#{Ids.CHECKLIST}", "没有变化", timeout=TIMEOUT)
    assert_clean(dash_duo)
    # the list has the page's width: every column shows, 保密核查 too, with nothing to scroll
    hidden = dash_duo.driver.execute_script(
        "const t = document.querySelector('.stm-release-list');"
        "return t.scrollWidth - t.parentElement.clientWidth;"
    )
    assert hidden <= 0
    dash_duo.driver.save_screenshot(str(screenshot_dir / "release.png"))

    # nothing changed since: the checklist says so and the button stays off (it was on, and a
    # click was refused with the same words)
    wait.until(lambda: not dash_duo.find_element(f"#{Ids.CONFIRM}").is_enabled(), timeout=TIMEOUT)
    assert not running.is_displayed()

    dash_duo.wait_for_page(url=dash_duo.server.url.rstrip("/") + "/overview?month=2019-12")
    wait.until(
        lambda: "初步" in dash_duo.find_element(f"#{Overview.CONTEXT}").text, timeout=TIMEOUT
    )
    assert "未发布" not in dash_duo.find_element(f"#{Overview.CONTEXT}").text
    dash_duo.wait_for_contains_text(f"#{Overview.KPIS}", "亿美元", timeout=TIMEOUT)
    dash_duo.driver.save_screenshot(str(screenshot_dir / "release_preliminary_month.png"))
