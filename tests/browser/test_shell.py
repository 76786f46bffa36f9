"""The app shell in headless Chromium: navigation, language, home facts and the 404 page."""

from __future__ import annotations

import time

import dash
import pytest
from dash.testing import wait
from flask import request

from dashboard.filter_state import KEYS as FILTER_KEYS
from dashboard.i18n import t
from dashboard.ids import FilterBar, Home, NotFound, Shell
from dashboard.shell.links import shared_filters, with_query
from dashboard.shell.nav import nav_pages, nav_tree
from tests.browser.pages_data import absent, click_choice, url_has

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


def test_shl007_links_carry_a_filter_while_the_server_is_slow(dash_duo, app, seeded_reports):
    """The language buttons and the navigation links follow the address in the browser: with
    every callback answered 1.5 s late, they carry dir=X the moment the address does."""
    slow = {"on": False}

    @app.server.before_request
    def _answer_late() -> None:
        if slow["on"] and request.path.endswith("_dash-update-component"):
            time.sleep(1.5)

    open_page(dash_duo, app, "/overview")
    dash_duo.wait_for_element(f"#{FilterBar.DIRECTION} label", timeout=TIMEOUT)
    wait.until(lambda: "lang=zh" in (_href(dash_duo, Shell.LANG_ZH) or ""), timeout=TIMEOUT)
    slow["on"] = True
    click_choice(dash_duo, FilterBar.DIRECTION, "出口")
    url_has(dash_duo, "dir=X")
    # the server's own answer to the address would come 1.5 s after it: read at once
    assert "dir=X" in _href(dash_duo, Shell.LANG_EN)
    assert "lang=en" in _href(dash_duo, Shell.LANG_EN)
    modes = dash_duo.find_element(f"{NAV} a[href*='/modes']").get_attribute("href")
    assert "dir=X" in modes and "lang=zh" in modes
    slow["on"] = False
    dash_duo.find_element(f"#{Shell.LANG_EN}").click()
    dash_duo.wait_for_text_to_equal(BRAND, "Services Trade Monitor", timeout=TIMEOUT)
    url_has(dash_duo, "lang=en", "dir=X")
    assert dash_duo.get_logs() == []


def _href(dash_duo, element_id: str) -> str | None:
    return dash_duo.find_element(f"#{element_id}").get_attribute("href")


QUERIES = [
    ("/", None, {"lang": "en"}),
    ("/modes", "?lang=zh&year=2019", {"lang": "en"}),
    ("/modes", "", {}),
    ("/overview", "?region=500000-LJ&cat=SI,SJ&lang=en&empty=", {"lang": "zh"}),
    ("/overview", "?month=2021-12&q=a+b%21&q=c&x=%3A", {"lang": "en"}),
    ("/a/b", "?from=2021-01&to=2021-06&view=as:leader", {}),
]


@pytest.mark.parametrize("path,search,params", QUERIES)
def test_shl008_browser_links_read_as_the_servers(dash_duo, app, path, search, params) -> None:
    """assets/shell_links.js builds the same query strings as dashboard.shell.links."""
    open_page(dash_duo, app, "/")
    dash_duo.wait_for_text_to_equal(BRAND, "服务贸易统计监测", timeout=TIMEOUT)
    links = "return window.dash_clientside.stm_links"
    got = dash_duo.driver.execute_script(f"{links}.withQuery(...arguments)", path, search, params)
    assert got == with_query(path, search, **params)
    shared = dash_duo.driver.execute_script(
        f"{links}.sharedFilters(...arguments)", search, list(FILTER_KEYS)
    )
    assert shared == shared_filters(search)
