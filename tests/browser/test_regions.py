"""地区 in headless Chromium: the districts of 天津市 in Chinese, filters and URL state, the
language switch, drill-down into 滨海新区 and back up, and a region without children."""

from __future__ import annotations

import pytest
from dash.testing import wait

from dashboard.ids import FilterBar, Regions, Shell
from dashboard.pages.regions.views import drill_search
from tests.browser.pages_data import absent
from tests.browser.test_overview import TIMEOUT, assert_clean, click_choice, open_page, url_has

pytestmark = pytest.mark.browser


RANK_TITLE = f"#{Regions.RANK} .gtitle"


def grid_text(dash_duo) -> str:
    """What the table shows (rows and the pinned total)."""
    return (
        dash_duo.wait_for_element(f"#{Regions.GRID} .ag-row", timeout=TIMEOUT)
        and dash_duo.find_element(f"#{Regions.GRID}").text
    )


def test_reg001_regions_render_in_chinese(dash_duo, sample_app) -> None:
    """天津市's districts: breadcrumb, summary, ranking, contribution, trend, table in Chinese."""
    open_page(dash_duo, sample_app, "/regions")
    dash_duo.wait_for_text_to_equal(f"#{Regions.TITLE}", "地区分布", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(
        f"#{Regions.SUMMARY}", "天津市2019年1–12月服务进出口", timeout=TIMEOUT
    )
    assert "下设16个地区" in dash_duo.find_element(f"#{Regions.SUMMARY}").text
    dash_duo.wait_for_contains_text(RANK_TITLE, "服务进出口规模排名", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(
        f"#{Regions.CONTRIB} .gtitle", "对天津市增长的拉动", timeout=TIMEOUT
    )
    dash_duo.wait_for_contains_text(
        f"#{Regions.TREND} .gtitle", "主要地区月度走势", timeout=TIMEOUT
    )
    assert "滨海新区" in dash_duo.find_element(f"#{Regions.RANK}").text
    table = grid_text(dash_duo)
    for words in ("排名", "地区", "金额（亿美元）", "拉动增长（百分点）", "滨海新区", "天津市合计"):
        assert words in table
    assert "120116" not in table
    # The link sits in the 数据 menu, which is marked too.
    active = dash_duo.find_element(f"#{Shell.NAV} .dropdown-item.active")
    assert active.get_attribute("textContent") == "地区"
    assert dash_duo.find_element(f"#{Shell.NAV} .stm-nav-group .active").text == "数据"
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_reg002_direction_changes_the_chart_and_url(dash_duo, sample_app) -> None:
    """出口 writes dir=X and retitles the ranking."""
    open_page(dash_duo, sample_app, "/regions")
    dash_duo.wait_for_contains_text(RANK_TITLE, "服务进出口规模排名", timeout=TIMEOUT)
    summary = dash_duo.find_element(f"#{Regions.SUMMARY}").text
    click_choice(dash_duo, FilterBar.DIRECTION, "出口")
    url_has(dash_duo, "dir=X")
    dash_duo.wait_for_contains_text(RANK_TITLE, "服务出口规模排名", timeout=TIMEOUT)
    wait.until(
        lambda: dash_duo.find_element(f"#{Regions.SUMMARY}").text != summary, timeout=TIMEOUT
    )
    assert dash_duo.get_logs() == []


def test_reg003_query_parameters_restore_the_view(dash_duo, sample_app) -> None:
    """A shared link with region, year and unit opens 滨海新区's functional zones in 万美元."""
    open_page(dash_duo, sample_app, "/regions?year=2018&region=120116&unit=usd_10k")
    dash_duo.wait_for_contains_text(
        f"#{Regions.CONTEXT}", "滨海新区 · 2018年1–12月", timeout=TIMEOUT
    )
    dash_duo.wait_for_text_to_equal(f"#{Regions.CRUMB}", "天津市\n›\n滨海新区", timeout=TIMEOUT)
    table = grid_text(dash_duo)
    assert "天津经济技术开发区" in table and "金额（万美元）" in table
    assert dash_duo.find_element(f"#{FilterBar.REGION}").text == "滨海新区"
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_reg004_language_switch_relabels(dash_duo, sample_app) -> None:
    """EN relabels titles, charts and table headers and keeps the region in the URL."""
    open_page(dash_duo, sample_app, "/regions?region=120116")
    dash_duo.wait_for_contains_text(f"#{Regions.CRUMB}", "滨海新区", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Shell.LANG_EN}").click()
    dash_duo.wait_for_text_to_equal(
        f"#{Regions.TITLE}", "Services trade by region", timeout=TIMEOUT
    )
    url_has(dash_duo, "lang=en", "region=120116")
    dash_duo.wait_for_contains_text(RANK_TITLE, "Services trade by region", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Regions.CRUMB}", "Tianjin", timeout=TIMEOUT)
    table = grid_text(dash_duo)
    assert "Region" in table and "Tianjin Economic-Technological Development Area" in table
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_reg005_drill_into_binhai_and_back_up(dash_duo, sample_app) -> None:
    """The URL a click on 滨海新区's bar makes opens its zones; the breadcrumb leads back."""
    search = drill_search({"points": [{"customdata": "120116"}]}, "?dir=X")
    assert search == "?region=120116&dir=X"
    open_page(dash_duo, sample_app, "/regions" + search)
    dash_duo.wait_for_contains_text(f"#{Regions.SUMMARY}", "滨海新区", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(RANK_TITLE, "服务出口规模排名", timeout=TIMEOUT)
    assert "天津港保税区" in dash_duo.find_element(f"#{Regions.RANK}").text
    dash_duo.find_element(f"#{Regions.CRUMB} a").click()
    dash_duo.wait_for_contains_text(f"#{Regions.SUMMARY}", "下设16个地区", timeout=TIMEOUT)
    url_has(dash_duo, "dir=X")
    assert "region=" not in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_reg006_region_without_children_says_so(dash_duo, sample_app) -> None:
    """和平区 has no sub-regions: words and a link up instead of an empty chart."""
    open_page(dash_duo, sample_app, "/regions?region=120101")
    dash_duo.wait_for_contains_text(f"#{Regions.CHARTS}", "和平区没有下级区域", timeout=TIMEOUT)
    assert "返回上级：天津市" in dash_duo.find_element(f"#{Regions.LEAF}").text
    assert absent(dash_duo, f"#{Regions.RANK}")
    # its table is one row tall, and no empty band below it (AG Grid kept 150px for a message)
    dash_duo.wait_for_contains_text(f"#{Regions.GRID}", "和平区", timeout=TIMEOUT)
    body = dash_duo.find_element(f"#{Regions.GRID} .ag-center-cols-viewport")
    row = dash_duo.find_element(f"#{Regions.GRID} .ag-center-cols-container .ag-row")
    assert body.size["height"] <= row.size["height"] + 2
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []
