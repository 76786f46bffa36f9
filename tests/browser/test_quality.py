"""数据质量 in headless Chromium: filter the flags, select one, mark it explained with a note."""

from __future__ import annotations

import shutil

import pytest
import sqlalchemy as sa
from dash.testing import wait
from selenium.common.exceptions import StaleElementReferenceException

from dashboard.ids import Quality
from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from etl.models.quality import QualityFlag, QualityFlagNote
from tests.browser.pages_data import TIMEOUT, assert_clean, open_page
from tests.db.helpers import uscc
from tests.db.quality_cases import write_cases

pytestmark = pytest.mark.browser
NOTE = "企业财务来电说明：3月报表两次更正单位，以第三版为准。"


@pytest.fixture
def sample_db(sample_db, tmp_path) -> str:
    """Here: a copy of the shared sample with the constructed cases loaded (every rule fires);
    conftest's sample_app then serves it."""
    path = tmp_path / "quality.sqlite3"
    shutil.copy(sample_db.split("///", 1)[1], path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    for case in write_cases(tmp_path / "cases"):
        assert load_file(make_session_factory(engine), case).status == "loaded"
    engine.dispose()
    return url


def _row_cell(dash_duo, text: str):
    """The name cell of the grid row whose text contains text."""

    def found():
        # The grid redraws its rows when a review is saved (count, sort by amount): a row read
        # mid-redraw is stale, so look again.
        rows = dash_duo.find_elements(f"#{Quality.GRID} .ag-center-cols-container .ag-row")
        try:
            return next((r for r in rows if text in r.text), None)
        except StaleElementReferenceException:
            return None

    row = wait.until(found, timeout=TIMEOUT)
    return row.find_element("css selector", '[col-id="name"]')


def _click(dash_duo, element) -> None:
    """Scroll the element to the middle of the window, then click it (the form sits low)."""
    # 'instant': Bootstrap makes scrolling smooth, and a click during the animation misses.
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def test_qua001_mark_a_flag_explained(dash_duo, sample_app, sample_db, screenshot_dir) -> None:
    """March 2019's flags; the thrice-revised report is selected, explained with a note; the
    note shows in the history, the row and badge say 已说明, and the database keeps it."""
    open_page(dash_duo, sample_app, "/quality")
    dash_duo.wait_for_text_to_equal(f"#{Quality.TITLE}", "数据质量", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Quality.COUNT}", "条标记", timeout=TIMEOUT)
    dash_duo.select_dcc_dropdown(f"#{Quality.MONTH}", "2019年3月")
    dash_duo.wait_for_contains_text(f"#{Quality.GRID}", "多次修订", timeout=TIMEOUT)
    grid = dash_duo.find_element(f"#{Quality.GRID}").text
    assert "2019年2月" not in grid and "质量测试企业905有限公司" in grid and "共 3 个版本" in grid
    count_before = dash_duo.find_element(f"#{Quality.COUNT}").text
    _row_cell(dash_duo, "质量测试企业905").click()
    dash_duo.wait_for_contains_text(f"#{Quality.CARD}", "质量测试企业905有限公司", timeout=TIMEOUT)
    card = dash_duo.find_element(f"#{Quality.CARD}").text
    assert uscc(905) in card and "同一报表已有 3 个及以上版本" in card and "待查" in card
    dash_duo.wait_for_text_to_equal(f"#{Quality.HISTORY}", "尚无复核记录。", timeout=TIMEOUT)
    _click(
        dash_duo,
        next(
            label
            for label in dash_duo.find_elements(f"#{Quality.REVIEW_STATUS} label")
            if label.text == "已说明"
        ),
    )
    dash_duo.find_element(f"#{Quality.NOTE}").send_keys(NOTE)
    _click(dash_duo, dash_duo.find_element(f"#{Quality.SAVE}"))
    dash_duo.wait_for_contains_text(f"#{Quality.FEEDBACK}", "已保存", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Quality.HISTORY}", NOTE, timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{Quality.STATUS_BADGE}", "已说明", timeout=TIMEOUT)
    assert "已说明" in _row_cell(dash_duo, "质量测试企业905").find_element("xpath", "..").text
    # #17: the open count follows the review without a reload (one open flag fewer)
    assert dash_duo.find_element(f"#{Quality.COUNT}").text != count_before
    assert dash_duo.find_element(f"#{Quality.NOTE}").get_attribute("value") == ""
    assert_clean(dash_duo)
    dash_duo.driver.set_window_size(1400, 1450)
    dash_duo.driver.execute_script("window.scrollTo({top: 0, behavior: 'instant'});")
    dash_duo.driver.save_screenshot(str(screenshot_dir / "quality.png"))
    engine = make_engine(sample_db)
    with make_session_factory(engine)() as s:
        note = s.scalars(sa.select(QualityFlagNote)).one()
        flag = s.get(QualityFlag, note.flag_id)
    engine.dispose()
    assert (flag.rule, flag.status, note.status, note.note) == (
        "revisions",
        "explained",
        "explained",
        NOTE,
    )
    assert dash_duo.get_logs() == []
