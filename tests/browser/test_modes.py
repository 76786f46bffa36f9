"""供给模式 in headless Chromium: mode 3 beside the total, filters, URL state, language, drill."""

from __future__ import annotations

import pytest
from dash.testing import wait

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.drill import drill_href
from dashboard.filter_state import from_query
from dashboard.ids import FilterBar, Modes, Sectors, Shell
from etl.settings import Settings
from tests.browser.pages_data import (
    TIMEOUT,
    absent,
    assert_clean,
    build_sample,
    click_choice,
    click_until,
    open_page,
    url_has,
)

pytestmark = pytest.mark.browser

TREND_TITLE = f"#{Modes.TREND} .gtitle"


@pytest.fixture(scope="session")
def modes_db(template_urls, tmp_path_factory) -> str:
    """The sample database (built once for this module)."""
    return build_sample(template_urls, tmp_path_factory.mktemp("modes"))


@pytest.fixture
def modes_app(modes_db, tmp_path):
    """The dashboard on the sample database."""
    app = create_app(
        Settings(instance_path=tmp_path / "instance", database_url=modes_db, auth_required=False)
    )
    yield app
    app.server.config[CONFIG_KEY].dispose()


def trace_count(dash_duo, graph: str, kind: str) -> int:
    """How many traces of a kind ('bar', 'scatter') a graph draws."""
    layer = {"bar": ".barlayer .trace", "scatter": ".scatterlayer .trace"}[kind]
    return len(dash_duo.find_elements(f"#{graph} {layer}"))


def test_mod001_modes_page_renders_in_chinese(dash_duo, modes_app) -> None:
    """Cards per mode, mode 3 beside the total with its own words, stacked trend with the mode-3
    line, shares, heatmap with category names, the table; no NaN/None/undefined."""
    open_page(dash_duo, modes_app, "/modes")
    dash_duo.wait_for_text_to_equal(f"#{Modes.TITLE}", "供给模式", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Modes.CONTEXT}", "天津市 · 2019年1–12月", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Modes.CARDS}", "模式一·跨境提供", timeout=TIMEOUT)
    cards = dash_duo.find_element(f"#{Modes.CARDS}").text
    for words in (
        "服务进出口总额（模式一、二、四）",
        "模式三·商业存在",
        "不计入服务进出口总额",
        "2019年1–12月累计",
        "亿美元",
        "同比",
        "个百分点",
    ):
        assert words in cards
    dash_duo.wait_for_contains_text(TREND_TITLE, "各供给模式服务进出口（当月）", timeout=TIMEOUT)
    assert trace_count(dash_duo, Modes.TREND, "bar") == 3
    assert trace_count(dash_duo, Modes.TREND, "scatter") == 1  # mode 3: a line beside the bars
    legend = dash_duo.find_element(f"#{Modes.TREND} .legend").text
    assert "附属机构服务销售收入，不计入总额" in legend
    assert "不计入服务进出口总额" in dash_duo.find_element(f"#{Modes.FATS_NOTE}").text
    dash_duo.wait_for_element(f"#{Modes.SHARES} .main-svg", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Modes.MATRIX}", "运输", timeout=TIMEOUT)
    assert "SC" not in dash_duo.find_element(f"#{Modes.MATRIX} .yaxislayer-above").text
    dash_duo.wait_for_contains_text(f"#{Modes.GRID}", "不计入总额", timeout=TIMEOUT)
    assert "占总额比重" in dash_duo.find_element(f"#{Modes.GRID}").text
    # The link sits in the 数据 menu, which is marked too.
    active = dash_duo.find_element(f"#{Shell.NAV} .dropdown-item.active")
    assert active.get_attribute("textContent") == "供给模式"
    assert dash_duo.find_element(f"#{Shell.NAV} .stm-nav-group .active").text == "数据"
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_mod002_filters_change_the_charts(dash_duo, modes_app) -> None:
    """出口 retitles the trend; 全口径 stacks mode 3 into the bars and says so."""
    open_page(dash_duo, modes_app, "/modes")
    dash_duo.wait_for_contains_text(TREND_TITLE, "服务进出口", timeout=TIMEOUT)
    click_choice(dash_duo, FilterBar.DIRECTION, "出口")
    url_has(dash_duo, "dir=X")
    dash_duo.wait_for_contains_text(TREND_TITLE, "各供给模式服务出口", timeout=TIMEOUT)
    click_choice(dash_duo, FilterBar.SCOPE, "全口径（含模式三）")
    url_has(dash_duo, "scope=full")
    dash_duo.wait_for_contains_text(f"#{Modes.FATS_NOTE}", "已叠加计入合计", timeout=TIMEOUT)
    wait.until(lambda: trace_count(dash_duo, Modes.TREND, "bar") == 4, timeout=TIMEOUT)
    assert trace_count(dash_duo, Modes.TREND, "scatter") == 0
    dash_duo.wait_for_contains_text(f"#{Modes.CARDS}", "全口径合计（含模式三）", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Modes.SCOPE_NOTE}", "已计入模式三", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_mod003_query_parameters_restore_the_view(dash_duo, modes_app) -> None:
    """A link with year, region, direction, unit and 1–N月累计 opens exactly that view."""
    open_page(dash_duo, modes_app, "/modes?year=2018&region=500000-LJ&dir=M&unit=usd_10k&show=ytd")
    dash_duo.wait_for_contains_text(f"#{Modes.CONTEXT}", "两江新区 · 2018年1–12月", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(TREND_TITLE, "各供给模式服务进口（1–N月累计）", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Modes.CARDS}", "万美元", timeout=TIMEOUT)
    assert dash_duo.find_element(f"#{Modes.MEASURE} label.active").text == "1–N月累计"
    assert dash_duo.find_element(f"#{FilterBar.REGION}").text == "两江新区"
    assert dash_duo.find_element(f"#{FilterBar.DIRECTION} label.active").text == "进口"
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_mod004_language_switch_relabels(dash_duo, modes_app) -> None:
    """EN relabels the title, cards and chart, and keeps the filters in the URL."""
    open_page(dash_duo, modes_app, "/modes?dir=X")
    dash_duo.wait_for_contains_text(f"#{Modes.CARDS}", "模式一", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Shell.LANG_EN}").click()
    dash_duo.wait_for_text_to_equal(f"#{Modes.TITLE}", "Modes of supply", timeout=TIMEOUT)
    url_has(dash_duo, "lang=en", "dir=X")
    dash_duo.wait_for_contains_text(
        f"#{Modes.CARDS}", "Mode 1: Cross-border supply", timeout=TIMEOUT
    )
    dash_duo.wait_for_contains_text(
        TREND_TITLE, "Services exports by mode of supply", timeout=TIMEOUT
    )
    dash_duo.wait_for_contains_text(f"#{Modes.MATRIX}", "Transport", timeout=TIMEOUT)
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_mod005_measure_toggle_goes_into_the_url(dash_duo, modes_app) -> None:
    """1–N月累计 re-draws the trend as cumulative points and writes show=ytd."""
    open_page(dash_duo, modes_app, "/modes")
    dash_duo.wait_for_contains_text(TREND_TITLE, "（当月）", timeout=TIMEOUT)
    click_choice(dash_duo, Modes.MEASURE, "1–N月累计")
    url_has(dash_duo, "show=ytd")
    dash_duo.wait_for_contains_text(TREND_TITLE, "（1–N月累计）", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_mod006_heatmap_click_drills_into_sectors(dash_duo, modes_app) -> None:
    """Clicking a heatmap cell opens 服务类别 for that category and mode, filters kept; the
    link drill_href builds opens the same view."""
    open_page(dash_duo, modes_app, "/modes?dir=X")
    dash_duo.wait_for_element(f"#{Modes.MATRIX} .main-svg", timeout=TIMEOUT)
    click_until(
        dash_duo,
        f"#{Modes.MATRIX} .nsewdrag",  # a 模式一 cell near the top
        lambda: "/sectors?" in dash_duo.driver.current_url,
        0.15,
        0.2,
    )
    url_has(dash_duo, "dir=X", "cat=S", "mode=1")
    dash_duo.wait_for_text_to_equal(f"#{Sectors.TITLE}", "服务类别", timeout=TIMEOUT)
    href = drill_href(from_query("?dir=X"), "/sectors", "?dir=X", category="SC", mode=1)
    dash_duo.driver.get(dash_duo.server.url.rstrip("/") + href)
    dash_duo.wait_for_contains_text(f"#{Sectors.RANKING} .gtitle", "运输细项排名", timeout=TIMEOUT)
    assert dash_duo.find_element(f"#{FilterBar.DIRECTION} label.active").text == "出口"
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_mod007_region_without_reports_says_so(dash_duo, modes_app) -> None:
    """A region with no reports shows words instead of empty charts."""
    open_page(dash_duo, modes_app, "/modes?region=120102")
    dash_duo.wait_for_contains_text(f"#{Modes.CARDS}", "河东区尚无企业报送", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Modes.TREND_BOX}", "尚无企业报送", timeout=TIMEOUT)
    assert absent(dash_duo, f"#{Modes.TREND}")
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []
