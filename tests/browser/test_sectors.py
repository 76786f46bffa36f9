"""服务类别 in headless Chromium: ranking, composition, groups, filters, URL state, drill."""

from __future__ import annotations

import pytest
from dash.testing import wait
from selenium.common.exceptions import StaleElementReferenceException

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.ids import FilterBar, Sectors, Shell
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

RANKING_TITLE = f"#{Sectors.RANKING} .gtitle"


@pytest.fixture(scope="session")
def sectors_db(template_urls, tmp_path_factory) -> str:
    """The sample database (built once for this module)."""
    return build_sample(template_urls, tmp_path_factory.mktemp("sectors"))


@pytest.fixture
def sectors_app(sectors_db, tmp_path):
    """The dashboard on the sample database."""
    app = create_app(
        Settings(instance_path=tmp_path / "instance", database_url=sectors_db, auth_required=False)
    )
    yield app
    app.server.config[CONFIG_KEY].dispose()


def bar_labels(dash_duo) -> str:
    """The ranking's bar labels (amount · 同比); '' while the chart is being replaced."""
    try:
        return " ".join(e.text for e in dash_duo.find_elements(f"#{Sectors.RANKING} .bartext"))
    except StaleElementReferenceException:
        return ""


def test_sec001_sectors_page_renders_in_chinese(dash_duo, sectors_app) -> None:
    """Ranking with names and 同比, treemap, pillar / KIS shares and emerging growth, the
    table with sub-items; no NaN/None/undefined."""
    open_page(dash_duo, sectors_app, "/sectors")
    dash_duo.wait_for_text_to_equal(f"#{Sectors.TITLE}", "服务类别", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.CONTEXT}", "天津市 · 2019年1–12月", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(
        RANKING_TITLE, "服务类别排名（2019年1–12月累计）", timeout=TIMEOUT
    )
    ticks = dash_duo.find_element(f"#{Sectors.RANKING} .yaxislayer-above").text
    assert "运输" in ticks and "SC" not in ticks
    assert "同比" in bar_labels(dash_duo)
    dash_duo.wait_for_element(f"#{Sectors.TREEMAP} .main-svg", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.GROUP_SHARES}", "天津传统支柱领域", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.EMERGING}", "天津加快发展领域", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.GROUPS_BOX}", "知识密集型服务", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.GRID}", "海运", timeout=TIMEOUT)
    assert "所属大类" in dash_duo.find_element(f"#{Sectors.GRID}").text
    assert len(dash_duo.find_elements(".stm-dl-button")) == 6
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_sec002_direction_changes_the_ranking(dash_duo, sectors_app) -> None:
    """出口 writes dir=X and changes the bars' numbers."""
    open_page(dash_duo, sectors_app, "/sectors")
    dash_duo.wait_for_contains_text(RANKING_TITLE, "服务类别排名", timeout=TIMEOUT)
    before = bar_labels(dash_duo)
    click_choice(dash_duo, FilterBar.DIRECTION, "出口")
    url_has(dash_duo, "dir=X")
    wait.until(lambda: bar_labels(dash_duo) not in ("", before), timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.CONTEXT}", "出口", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_sec003_query_parameters_restore_the_view(dash_duo, sectors_app) -> None:
    """A link with cat=SC ranks 运输's sub-items; year, region and unit are restored."""
    open_page(dash_duo, sectors_app, "/sectors?year=2018&region=120000&cat=SC&unit=usd_10k")
    dash_duo.wait_for_contains_text(f"#{Sectors.CONTEXT}", "天津市 · 2018年1–12月", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(
        RANKING_TITLE, "运输细项排名（2018年1–12月累计）", timeout=TIMEOUT
    )
    assert "万美元" in dash_duo.find_element(f"#{Sectors.RANKING}").text
    assert "运输" in dash_duo.find_element(f"#{FilterBar.CATEGORIES}").text
    assert dash_duo.find_element(f"#{FilterBar.PERIOD_KIND} label.active").text == "按年"
    dash_duo.wait_for_contains_text(
        f"#{Sectors.GROUPS_BOX}", "不受“服务类别”筛选影响", timeout=TIMEOUT
    )
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_sec004_language_switch_relabels(dash_duo, sectors_app) -> None:
    """EN relabels the title, the ranking and the groups, and keeps the filters."""
    open_page(dash_duo, sectors_app, "/sectors?dir=M")
    dash_duo.wait_for_contains_text(RANKING_TITLE, "服务类别排名", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Shell.LANG_EN}").click()
    dash_duo.wait_for_text_to_equal(f"#{Sectors.TITLE}", "Service sectors", timeout=TIMEOUT)
    url_has(dash_duo, "lang=en", "dir=M")
    dash_duo.wait_for_contains_text(RANKING_TITLE, "Categories ranked", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.RANKING}", "Transport", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Sectors.GROUP_SHARES}", "Tianjin", timeout=TIMEOUT)
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_sec005_clicking_a_bar_drills_into_the_category(dash_duo, sectors_app) -> None:
    """The top bar opens this page filtered to that category (its sub-items ranked where it
    has any), keeping the direction; the category filter shows it."""
    open_page(dash_duo, sectors_app, "/sectors?dir=X")
    dash_duo.wait_for_contains_text(RANKING_TITLE, "服务类别排名", timeout=TIMEOUT)
    names = [e.text for e in dash_duo.find_elements(f"#{Sectors.RANKING} .ytick")]
    click_until(
        dash_duo,
        f"#{Sectors.RANKING} .nsewdrag",
        lambda: "cat=S" in dash_duo.driver.current_url,
        0.1,
        0.03,
    )
    url_has(dash_duo, "dir=X")
    wait.until(
        lambda: any(n in _text_now(dash_duo, f"#{FilterBar.CATEGORIES}") for n in names),
        timeout=TIMEOUT,
    )
    chosen = next(n for n in names if n in dash_duo.find_element(f"#{FilterBar.CATEGORIES}").text)
    wait.until(
        lambda: (
            f"{chosen}细项排名" in dash_duo.find_element(RANKING_TITLE).text
            or len(dash_duo.find_elements(f"#{Sectors.RANKING} .ytick")) == 1
        ),
        timeout=TIMEOUT,
    )
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def test_sec006_region_without_reports_says_so(dash_duo, sectors_app) -> None:
    """A region with no reports shows words instead of empty charts."""
    open_page(dash_duo, sectors_app, "/sectors?region=120102")
    dash_duo.wait_for_contains_text(
        f"#{Sectors.RANKING_BOX}", "河东区尚无企业报送", timeout=TIMEOUT
    )
    dash_duo.wait_for_contains_text(f"#{Sectors.TREEMAP_BOX}", "尚无企业报送", timeout=TIMEOUT)
    assert absent(dash_duo, f"#{Sectors.RANKING}")
    assert_clean(dash_duo)
    assert dash_duo.get_logs() == []


def _text_now(dash_duo, selector: str) -> str:
    """The element's text, or "" while Dash is replacing it (a stale reference: ask again)."""
    try:
        return dash_duo.find_element(selector).text
    except StaleElementReferenceException:
        return ""
