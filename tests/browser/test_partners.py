"""伙伴 in headless Chromium: leading partners and groups in Chinese, filters and URL state,
the page's own keys (top, partner), the language switch and the category-filter note."""

from __future__ import annotations

import pytest
from dash.testing import wait
from selenium.common.exceptions import StaleElementReferenceException

from dashboard.ids import FilterBar, Partners, Shell
from tests.browser.test_overview import TIMEOUT, assert_clean, click_choice, open_page, url_has

pytestmark = pytest.mark.browser


BAR_TITLE = f"#{Partners.BAR} .gtitle"


def bar_names(dash_duo) -> list[str]:
    """The partner names on the bar chart's axis, top to bottom ([] while it is redrawn)."""
    try:
        return [e.text.strip() for e in dash_duo.find_elements(f"#{Partners.BAR} .ytick text")]
    except StaleElementReferenceException:
        return []


def test_ptn001_partners_render_in_chinese(dash_duo, sample_app) -> None:
    """Top 10 partners by name, the groups with the overlap note, trend and table."""
    open_page(dash_duo, sample_app, "/partners")
    dash_duo.wait_for_text_to_equal(f"#{Partners.TITLE}", "贸易伙伴", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(BAR_TITLE, "主要贸易伙伴（服务进出口）", timeout=TIMEOUT)
    names = bar_names(dash_duo)
    assert len(names) == 10 and "中国台湾" in names
    assert not [n for n in names if n.isascii()]  # names, never ISO codes
    groups = dash_duo.find_element(f"#{Partners.GROUPS_BOX}").text
    for words in ("东盟", "一带一路", "欧盟", "RCEP", "港澳台", "相加不等于100%"):
        assert words in groups
    dash_duo.wait_for_contains_text(
        f"#{Partners.TREND} .gtitle", "主要伙伴月度走势", timeout=TIMEOUT
    )
    dash_duo.wait_for_element(f"#{Partners.GRID} .ag-row", timeout=TIMEOUT)
    grid = dash_duo.find_element(f"#{Partners.GRID}").text
    assert "贸易伙伴" in grid and "占比（%）" in grid and "美国" in grid
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_ptn002_direction_changes_the_chart(dash_duo, sample_app) -> None:
    """进口 writes dir=M and retitles the bars."""
    open_page(dash_duo, sample_app, "/partners")
    dash_duo.wait_for_contains_text(BAR_TITLE, "服务进出口", timeout=TIMEOUT)
    click_choice(dash_duo, FilterBar.DIRECTION, "进口")
    url_has(dash_duo, "dir=M")
    dash_duo.wait_for_contains_text(BAR_TITLE, "主要贸易伙伴（服务进口）", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_ptn003_query_parameters_restore_the_view(dash_duo, sample_app) -> None:
    """partner, top, region and year in a link: 美国's trend, 15 bars, 两江新区, 2018."""
    open_page(dash_duo, sample_app, "/partners?year=2018&region=500000-LJ&top=15&partner=US")
    dash_duo.wait_for_contains_text(
        f"#{Partners.CONTEXT}", "两江新区 · 2018年1–12月", timeout=TIMEOUT
    )
    dash_duo.wait_for_contains_text(f"#{Partners.SELECTED}", "已选伙伴：美国", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(
        f"#{Partners.TREND} .gtitle", "美国服务进出口月度走势", timeout=TIMEOUT
    )
    dash_duo.wait_for_element(BAR_TITLE, timeout=TIMEOUT)
    assert len(bar_names(dash_duo)) == 15
    assert dash_duo.find_element(f"#{Partners.TOP} label.active").text == "前15位"
    dash_duo.find_element(f"#{Partners.SELECTED} a").click()
    dash_duo.wait_for_contains_text(
        f"#{Partners.TREND} .gtitle", "主要伙伴月度走势", timeout=TIMEOUT
    )
    assert "partner=" not in dash_duo.driver.current_url
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_ptn004_language_switch_relabels(dash_duo, sample_app) -> None:
    """EN: English titles, partner names and headers; the filters stay in the URL."""
    open_page(dash_duo, sample_app, "/partners?dir=X")
    dash_duo.wait_for_contains_text(BAR_TITLE, "服务出口", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Shell.LANG_EN}").click()
    dash_duo.wait_for_text_to_equal(f"#{Partners.TITLE}", "Partner economies", timeout=TIMEOUT)
    url_has(dash_duo, "lang=en", "dir=X")
    dash_duo.wait_for_contains_text(
        BAR_TITLE, "Leading partners (services exports)", timeout=TIMEOUT
    )
    assert "Taiwan, China" in bar_names(dash_duo)
    assert "Group" in dash_duo.find_element(f"#{Partners.GROUPS_BOX}").text
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_ptn005_top_buttons_and_category_note(dash_duo, sample_app) -> None:
    """前15位 writes top=15; with a category filter the page says where the figures come from."""
    open_page(dash_duo, sample_app, "/partners?cat=SC")
    dash_duo.wait_for_contains_text(
        f"#{Partners.NOTE}", "伙伴数据取自企业报表明细行", timeout=TIMEOUT
    )
    dash_duo.wait_for_element(BAR_TITLE, timeout=TIMEOUT)
    assert len(bar_names(dash_duo)) == 10
    click_choice(dash_duo, Partners.TOP, "前15位")
    url_has(dash_duo, "top=15", "cat=SC")
    dash_duo.wait_for_element(BAR_TITLE, timeout=TIMEOUT)
    wait.until(lambda: len(bar_names(dash_duo)) == 15, timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
