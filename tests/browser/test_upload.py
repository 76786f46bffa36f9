"""数据报送 in the browser, signed in: bad file → problems shown, nothing loaded; clean file →
committed and on the overview for a leader; identical again → unchanged; revision → figures move."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from selenium.webdriver.common.by import By

from dashboard import i18n
from dashboard.context import CONFIG_KEY
from dashboard.ids import Overview, Upload
from etl import accounts
from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.filters import ReportFilter
from etl.queries import figures as queries_figures
from etl.settings import PROJECT_ROOT, Settings
from tests.browser.pages_data import BAD_WORDS
from tests.db.helpers import NO_SUPPRESSION, release_months

pytestmark = pytest.mark.browser
SAMPLES = PROJECT_ROOT / "sample_data"
TIMEOUT = 30
PASSWORD = "Upl0adTest2026"


@pytest.fixture
def upload_app(sqlite_url, tmp_path):
    """Sign-in required; a clerk of both pilot areas and a leader, with their own passwords."""
    from dashboard import create_app

    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        accounts.add_user(s, "clerk1", "clerk", "试点填报员", ("120000", "500000-LJ"), PASSWORD)
        accounts.add_user(s, "lead1", "leader", "局领导", (), PASSWORD)
        for name in ("clerk1", "lead1"):
            accounts.get_user(s, name).must_change_password = False
    app = create_app(Settings(instance_path=tmp_path / "inst", database_url=sqlite_url))
    yield app, factory
    app.server.config[CONFIG_KEY].dispose()
    engine.dispose()


def _sign_in(dash_duo, user: str, path: str) -> None:
    driver = dash_duo.driver
    driver.get(f"{dash_duo.server.url}/login?next={path}")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login-submit").click()


def _sign_out(dash_duo) -> None:
    """Sign out through the confirm form (a POST), and wait for the sign-in page it leads to:
    a page opened before the POST has finished can be overtaken by its redirect (a CI run
    signed in on the plain /login form it led to, and lost the next page's query)."""
    dash_duo.driver.get(f"{dash_duo.server.url}/logout")
    dash_duo.find_element("#login-submit").click()
    dash_duo.wait_for_element("#username", timeout=TIMEOUT)


def _drop(dash_duo, name: str) -> None:
    # waited for: after a sign-in the page may still be drawing (a CI run found it missing)
    field = dash_duo.wait_for_element(f"#{Upload.DROP} input[type=file]", timeout=TIMEOUT)
    dash_duo.driver.execute_script("arguments[0].value = '';", field)  # chromedriver appends
    field.send_keys(str(SAMPLES / name))


def _committed(dash_duo, words: str) -> None:
    commit = dash_duo.wait_for_element(f"#{Upload.COMMIT}:not([disabled])", timeout=TIMEOUT)
    # A real click needs the button in view; the preview above it can be taller than the window.
    dash_duo.driver.execute_script("arguments[0].click();", commit)
    dash_duo.wait_for_contains_text(f"#{Upload.RESULTS}", words, timeout=TIMEOUT)


def _batches(factory) -> list[tuple[str, str]]:
    with factory() as s:
        return s.execute(
            sa.select(m.UploadBatch.file_name, m.UploadBatch.status).order_by(m.UploadBatch.id)
        ).all()


def _total_10k(factory) -> str:
    with factory() as s:
        frame = queries_figures.totals(
            s, ReportFilter(201901, 201906, regions=("120000",)), ("direction",)
        )
    return i18n.fmt_amount(int(frame["amount"].sum()), "usd_10k")


def _overview_total(dash_duo) -> str:
    dash_duo.driver.get(f"{dash_duo.server.url}/overview?unit=usd_10k")
    selector = f"#{Overview.KPI_TOTAL} .stm-kpi-value"
    return dash_duo.wait_for_element(selector, timeout=TIMEOUT).text


def test_upl001_clerk_uploads_and_leader_sees_it(dash_duo, upload_app):
    app, factory = upload_app
    dash_duo.start_server(app, navigate=False)
    _sign_in(dash_duo, "clerk1", "/upload")
    dash_duo.wait_for_text_to_equal(f"#{Upload.TITLE}", "数据报送", timeout=TIMEOUT)

    _drop(dash_duo, "mistakes_2019-06.xlsx")  # bad: problems listed, commit stays disabled
    dash_duo.wait_for_contains_text(f"#{Upload.PREVIEW}", "有错误，不能提交", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Upload.PREVIEW}", "必填项为空", timeout=TIMEOUT)
    assert dash_duo.find_element(f"#{Upload.COMMIT}").get_attribute("disabled")
    dash_duo.wait_for_contains_text(f"#{Upload.COMMIT_NOTE}", "存在错误的文件不能提交")
    assert _batches(factory) == []

    _drop(dash_duo, "clean_2019-06.xlsx")  # clean: figures, then committed once
    dash_duo.wait_for_contains_text(f"#{Upload.PREVIEW}", "可以提交", timeout=TIMEOUT)
    _committed(dash_duo, "已入库为批次 #1，新增 7 份报表")
    dash_duo.wait_for_contains_text(f"#{Upload.HISTORY}", "clean_2019-06.xlsx", timeout=TIMEOUT)
    assert _batches(factory) == [("clean_2019-06.xlsx", "loaded")]

    _drop(dash_duo, "clean_2019-06.xlsx")  # the same file again: nothing changes
    dash_duo.wait_for_contains_text(f"#{Upload.PREVIEW}", "此文件已于批次 #1 入库", timeout=TIMEOUT)
    _committed(dash_duo, "与批次 #1 完全相同，未作任何更改")
    assert _batches(factory) == [("clean_2019-06.xlsx", "loaded")]
    text = dash_duo.find_element("body").text
    assert not [w for w in BAD_WORDS if w in text], text

    # A leader sees the loaded figures once a statistician has released the month (数据发布).
    release_months(factory, rule=NO_SUPPRESSION)
    _sign_out(dash_duo)
    _sign_in(dash_duo, "lead1", "/overview?unit=usd_10k")
    before = _total_10k(factory)
    dash_duo.wait_for_text_to_equal(
        f"#{Overview.KPI_TOTAL} .stm-kpi-value", before, timeout=TIMEOUT
    )
    assert "数据报送" not in dash_duo.find_element(".stm-nav").text  # no upload for leaders

    _sign_out(dash_duo)  # the revision moves them
    _sign_in(dash_duo, "clerk1", "/upload")
    _drop(dash_duo, "revision_2019-06.csv")
    dash_duo.wait_for_contains_text(f"#{Upload.PREVIEW}", "可以提交", timeout=TIMEOUT)
    _committed(dash_duo, "修订 2 份")
    after = _total_10k(factory)
    assert after != before
    assert _overview_total(dash_duo) == after
    assert dash_duo.get_logs() == []
