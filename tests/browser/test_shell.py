"""The app shell in headless Chromium: navigation, language, home facts and the 404 page."""

from __future__ import annotations

import dash
import pytest
from dash.testing import wait

from dashboard.i18n import t
from dashboard.ids import Home, NotFound, Shell
from dashboard.shell.nav import nav_pages, nav_tree
from tests.browser.pages_data import absent

pytestmark = pytest.mark.browser

BRAND, NAV = f"#{Shell.BRAND}", f"#{Shell.NAV}"
TIMEOUT = 10


def kpi(card_id: str) -> str:
    """Selector of a KPI card's value."""
    return f"#{card_id} .stm-kpi-value"


def open_page(dash_duo, app, path: str) -> None:
    """Start the server and open path (with its query) as the first page."""
    dash_duo.start_server(app, navigate=False)
    dash_duo.wait_for_page(url=dash_duo.server.url.rstrip("/") + path)


def nav_labels(dash_duo) -> list[str]:
    """The navigation links' texts, left to right."""
    # Links inside the 数据/分析/管理 menus are hidden until opened: read their text content.
    return [a.get_attribute("textContent") for a in dash_duo.find_elements(f"{NAV} .stm-nav-link")]


def test_shl001_home_renders_in_chinese(dash_duo, app) -> None:
    """Shell in Chinese: product name, nav from the registry, and the empty-database message."""
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(BRAND, "服务贸易统计监测", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{Home.TITLE}", "数据概况", timeout=TIMEOUT)
    tree = nav_tree(nav_pages(dash.page_registry))
    expected = [t(page["name_key"], "zh") for _, pages in tree for page in pages]
    assert expected[0] == "首页"
    assert nav_labels(dash_duo) == expected
    dash_duo.wait_for_text_to_equal(f"{NAV} a.active", "首页", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Home.EMPTY}", "数据库中尚无数据", timeout=TIMEOUT)
    assert "python -m etl load" in dash_duo.find_element(f"#{Home.EMPTY}").text
    assert dash_duo.driver.title == "服务贸易统计监测"
    assert dash_duo.get_logs() == []


def test_shl002_home_shows_database_facts(dash_duo, app, seeded_reports) -> None:
    """Home shows the seeded database's periods and counts in KPI cards."""
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(kpi(Home.KPI_PERIODS), "2019年1月 – 2019年6月", timeout=TIMEOUT)
    assert "共6个月" in dash_duo.find_element(f"#{Home.KPI_PERIODS}").text
    for card_id, key in (
        (Home.KPI_ENTERPRISES, "enterprises"),
        (Home.KPI_REPORTS, "reports"),
        (Home.KPI_LINES, "lines"),
        (Home.KPI_BATCHES, "batches"),
    ):
        dash_duo.wait_for_text_to_equal(kpi(card_id), str(seeded_reports[key]), timeout=TIMEOUT)
    assert absent(dash_duo, f"#{Home.EMPTY}")
    assert dash_duo.get_logs() == []


def test_shl003_language_switch_turns_labels_english(dash_duo, app, seeded_reports) -> None:
    """Clicking EN relabels the shell and the page and puts ?lang=en in the URL."""
    dash_duo.start_server(app)
    dash_duo.wait_for_text_to_equal(f"#{Home.TITLE}", "数据概况", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Shell.LANG_EN}").click()
    dash_duo.wait_for_text_to_equal(BRAND, "Services Trade Monitor", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{Home.TITLE}", "What the database holds", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(kpi(Home.KPI_PERIODS), "Jan 2019 – Jun 2019", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"{NAV} a.active", "Home", timeout=TIMEOUT)
    assert "lang=en" in dash_duo.driver.current_url
    dash_duo.find_element(f"#{Shell.LANG_ZH}").click()
    dash_duo.wait_for_text_to_equal(f"#{Home.TITLE}", "数据概况", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_shl004_lang_query_opens_in_english(dash_duo, app) -> None:
    """A shared link with ?lang=en opens in English straight away."""
    open_page(dash_duo, app, "/?lang=en")
    dash_duo.wait_for_text_to_equal(BRAND, "Services Trade Monitor", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{Home.TITLE}", "What the database holds", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(
        f"#{Home.EMPTY}", "The database holds no data yet", timeout=TIMEOUT
    )
    assert nav_labels(dash_duo)[0] == "Home"
    assert dash_duo.get_logs() == []


def test_shl005_unknown_address_shows_404_with_way_home(dash_duo, app) -> None:
    """An unknown path shows the 404 page; its link leads back to the home page."""
    open_page(dash_duo, app, "/no-such-page")
    dash_duo.wait_for_text_to_equal(f"#{NotFound.TITLE}", "页面不存在", timeout=TIMEOUT)
    assert absent(dash_duo, f"{NAV} a.active")
    dash_duo.find_element(f"#{NotFound.HOME_LINK}").click()
    dash_duo.wait_for_text_to_equal(f"#{Home.TITLE}", "数据概况", timeout=TIMEOUT)
    dash_duo.wait_for_page(url=dash_duo.server.url.rstrip("/") + "/no-such-page?lang=en")
    dash_duo.wait_for_text_to_equal(f"#{NotFound.TITLE}", "Page not found", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_shl006_chosen_language_is_remembered(dash_duo, app) -> None:
    """After choosing English, an address without ?lang opens in English (local store)."""
    open_page(dash_duo, app, "/?lang=en")
    dash_duo.wait_for_text_to_equal(BRAND, "Services Trade Monitor", timeout=TIMEOUT)
    dash_duo.wait_for_page(url=dash_duo.server.url.rstrip("/") + "/")
    dash_duo.wait_for_text_to_equal(f"#{Home.TITLE}", "What the database holds", timeout=TIMEOUT)
    wait.until(lambda: "lang=en" in dash_duo.driver.current_url, timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
