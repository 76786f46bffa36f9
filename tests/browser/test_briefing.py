"""The 简报 page in headless Chromium as a leader: the briefing of the last released month with its
Word and PDF downloads; in print media only the paper is shown; the Exports page lists it."""

from __future__ import annotations

import pytest
from dash.testing import wait
from selenium.webdriver.common.by import By

from dashboard.ids import Briefing as Ids
from tests.browser.conftest import private_copy
from tests.browser.test_exports import sign_in
from tests.browser.test_login import secured_app as secured_app  # a fixture, used by name

pytestmark = pytest.mark.browser
TIMEOUT = 60  # the page reads the month's figures and targets on a busy machine


@pytest.fixture
def sqlite_url(sample_db_released, tmp_path) -> str:
    """A private copy of the page sample, every month released (secured_app adds its leader
    account to it)."""
    return private_copy(sample_db_released, tmp_path)


def test_brf001_leader_reads_prints_and_downloads_the_briefing(
    dash_duo, secured_app, screenshot_dir
):
    """December 2019 is the last released month: its briefing reads like the bureau's release,
    offers Word and PDF, and prints without the navigation, controls or download line."""
    from dashboard.context import CONFIG_KEY
    from etl.briefing.archive import make_briefing

    app, password = secured_app
    ctx = app.server.config[CONFIG_KEY]
    made = make_briefing(ctx.session_factory, ctx.settings, "120000", 201912, "zh", "stat1")
    dash_duo.start_server(app, navigate=False)
    dash_duo.driver.set_window_size(1400, 2200)
    sign_in(dash_duo, "/briefing", "leader1", password)
    dash_duo.wait_for_text_to_equal(f"#{Ids.TITLE}", "月度简报", timeout=TIMEOUT)
    wait.until(lambda: dash_duo.driver.find_elements(By.ID, "briefing-headline"), TIMEOUT)
    headline = dash_duo.find_element("#briefing-headline").text
    assert headline == made.briefing.headline
    assert headline.startswith("2019年1–12月，全市服务进出口")
    for kind in ("docx", "pdf"):
        assert dash_duo.driver.find_elements(
            By.CSS_SELECTOR, f".stm-briefing-files a[href$='/briefings/{made.briefing_id}/{kind}']"
        )
    wait.until(
        lambda: (
            len(dash_duo.driver.find_elements(By.CSS_SELECTOR, ".stm-briefing-chart .main-svg"))
            >= 3
        ),
        TIMEOUT,
    )
    page = dash_duo.driver.find_element(By.TAG_NAME, "body").text
    for bad in ("NaN", "undefined", "None", "<NA>"):
        assert bad not in page
    dash_duo.driver.save_screenshot(str(screenshot_dir / "briefing.png"))  # to look at
    dash_duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    for hidden in (".stm-navbar", ".stm-briefing-controls", ".stm-briefing-files"):
        assert not dash_duo.find_element(hidden).is_displayed(), hidden
    assert dash_duo.find_element(".stm-briefing-paper article").is_displayed()
    dash_duo.driver.save_screenshot(str(screenshot_dir / "briefing_print.png"))
    dash_duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    dash_duo.driver.get(dash_duo.server.url + "/exports")
    link = f"#{Ids.ARCHIVE} a[href$='/briefings/{made.briefing_id}/docx']"
    wait.until(lambda: dash_duo.driver.find_elements(By.CSS_SELECTOR, link), TIMEOUT)
    row = dash_duo.find_element(f"#{Ids.ARCHIVE} tbody tr").text
    assert "2019年12月" in row and "天津市" in row and "中文" in row
    assert dash_duo.get_logs() == []
