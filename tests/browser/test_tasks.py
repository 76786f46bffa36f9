"""试点任务 in headless Chromium: a responsible unit reports progress with an evidence file, and a
statistician confirms it; the supervision page shows the ledger."""

from __future__ import annotations

import time

import pytest
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.ids import Evaluation, Supervision, Tasks
from etl import accounts
from etl.db import make_engine, make_session_factory
from etl.settings import Settings
from tests.browser.pages_data import absent

pytestmark = pytest.mark.browser
TIMEOUT = 15
PASSWORD = "Passw0rdForTests"
PDF = b"%PDF-1.4\n%evidence of a signed project\n" + b"0" * 500


@pytest.fixture
def task_app(sqlite_url, tmp_path):
    """Sign-in required; a unit of 天津市商务委 and a statistician with known passwords."""
    engine = make_engine(sqlite_url)
    with make_session_factory(engine).begin() as s:
        accounts.add_user(
            s,
            "shangwu",
            "unit",
            "市商务委联络员",
            password=PASSWORD,
            organisations=("天津市商务委",),
        )
        accounts.add_user(s, "stat1", "statistician", "统计员", password=PASSWORD)
        for name in ("shangwu", "stat1"):
            accounts.get_user(s, name).must_change_password = False
    engine.dispose()
    app = create_app(
        Settings(instance_path=tmp_path / "inst", database_url=sqlite_url, auth_required=True)
    )
    yield app
    app.server.config[CONFIG_KEY].dispose()


def _sign_in(dash_duo, username: str, path: str) -> None:
    driver = dash_duo.driver
    driver.delete_all_cookies()
    driver.get(f"{dash_duo.server.url}/login?next={path}")
    dash_duo.wait_for_text_to_equal("h1", "登录", timeout=TIMEOUT)
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login-submit").click()


def _click(dash_duo, selector: str) -> None:
    element = dash_duo.find_element(selector)
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def _choose(dash_duo, selector: str, option: str) -> None:
    """Pick a dropdown option, the dropdown centred first. While the form above is still laying
    out, the dropdown can move under the pointer between the scroll and the click: then again."""
    for attempt in range(3):
        element = dash_duo.find_element(selector)
        dash_duo.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
        )
        try:
            dash_duo.select_dcc_dropdown(element, option)
            return
        except ElementClickInterceptedException:
            if attempt == 2:
                raise
            time.sleep(0.5)


def test_tsk001_unit_reports_with_evidence_and_statistician_confirms(
    dash_duo, task_app, tmp_path, screenshot_dir
) -> None:
    dash_duo.start_server(task_app, navigate=False)
    _sign_in(dash_duo, "shangwu", "/tasks")
    dash_duo.wait_for_text_to_equal(f"#{Tasks.TITLE}", "试点任务台账", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Tasks.COUNT}", "截至", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Tasks.GRID}", "探索建设一批服务贸易境外促进中心", TIMEOUT)
    dash_duo.driver.save_screenshot(str(screenshot_dir / "tasks_ledger_unit.png"))

    dash_duo.driver.get(f"{dash_duo.server.url}/tasks?task=tianjin-9")
    dash_duo.wait_for_contains_text(f"#{Tasks.TITLE}", "第 9 项", timeout=TIMEOUT)
    dash_duo.find_element(f"#{Tasks.PERIOD}").clear()
    dash_duo.find_element(f"#{Tasks.PERIOD}").send_keys("2019-06")
    _choose(dash_duo, f"#{Tasks.STATUS}", "推进中")
    dash_duo.find_element(f"#{Tasks.TEXT}").send_keys("出版物进出口平台已完成选址并签约")
    dash_duo.find_element(f"#{Tasks.FIGURES['projects']}").send_keys("2")
    evidence = tmp_path / "签约文件.pdf"
    evidence.write_bytes(PDF)
    dash_duo.find_element(f"#{Tasks.UPLOAD} input[type=file]").send_keys(str(evidence))
    dash_duo.wait_for_contains_text(f"#{Tasks.UPLOAD_NAME}", "签约文件.pdf", timeout=TIMEOUT)
    _click(dash_duo, f"#{Tasks.SUBMIT}")
    dash_duo.wait_for_contains_text(f"#{Tasks.MESSAGE}", "已提交 2019-06 进展报告", TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Tasks.HISTORY}", "签约文件.pdf", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Tasks.HISTORY}", "待审核", timeout=TIMEOUT)
    dash_duo.driver.save_screenshot(str(screenshot_dir / "task_unit_reported.png"))

    dash_duo.driver.get(f"{dash_duo.server.url}/tasks?task=liangjiang-1")
    dash_duo.wait_for_contains_text("body", "本任务不属于您的单位", timeout=TIMEOUT)
    assert absent(dash_duo, f"#{Tasks.SUBMIT}")

    _sign_in(dash_duo, "stat1", "/tasks?task=tianjin-9")
    dash_duo.wait_for_contains_text(f"#{Tasks.HISTORY}", "待审核", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Tasks.REVIEW_PICK}", "2019-06", timeout=TIMEOUT)
    assert absent(dash_duo, f"#{Tasks.SUBMIT}")  # statisticians do not report
    _click(dash_duo, f"#{Tasks.CONFIRM}")
    dash_duo.wait_for_contains_text(f"#{Tasks.MESSAGE}", "已确认报告", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Tasks.HISTORY}", "已确认（stat1）", timeout=TIMEOUT)
    dash_duo.driver.save_screenshot(str(screenshot_dir / "task_confirmed.png"))

    dash_duo.driver.get(f"{dash_duo.server.url}/supervision")
    dash_duo.wait_for_text_to_equal(f"#{Supervision.TITLE}", "任务督查", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Supervision.BY_AREA}", "进一步完善管理体制", TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Supervision.OVERDUE}", "2018年底", timeout=TIMEOUT)
    dash_duo.driver.save_screenshot(str(screenshot_dir / "supervision.png"))
    dash_duo.driver.get(f"{dash_duo.server.url}/evaluation?lang=en")
    dash_duo.wait_for_text_to_equal(f"#{Evaluation.TITLE}", "Performance evaluation", TIMEOUT)
    dash_duo.select_dcc_dropdown(f"#{Evaluation.KIND}", "Responsible units")
    dash_duo.wait_for_contains_text(f"#{Evaluation.GRID}", "天津市商务委", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Evaluation.METHOD}", "Task completion", timeout=TIMEOUT)
    dash_duo.driver.save_screenshot(str(screenshot_dir / "evaluation_units_en.png"))
    errors = [e for e in dash_duo.get_logs() if "favicon" not in e.get("message", "")]
    assert errors == []
