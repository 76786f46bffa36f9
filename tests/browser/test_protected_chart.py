"""A leader's chart in headless Chromium: a protected figure is a gap with a readable "C" on the
baseline and the line 部分数据保密，图中标为C under the title (the constructed
disclosure case of tests/db/disclosure_case.py, released, read as a leader)."""

from __future__ import annotations

import pytest
from dash.testing import wait

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.i18n import t
from dashboard.ids import Regions, Sectors
from etl import accounts
from etl.db import make_engine, make_session_factory
from etl.settings import Settings
from tests.browser.test_exports import sign_in
from tests.db import disclosure_case as case

pytestmark = pytest.mark.browser
TIMEOUT = 30  # a leader's first read computes the pattern's cells: be patient on a busy machine
NOTE = t("fig.protected_note", "zh")


@pytest.fixture
def leader_app(prepared, tmp_path):
    """The constructed case, its months released (with their suppression patterns), one leader;
    a copy of the build the HTTP tests read."""
    sqlite_url, _ = prepared.copy(case.released_with_accounts, "sqlite", tmp_path)
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        password = accounts.add_user(s, "leader1", "leader", "王局长")
    engine.dispose()
    app = create_app(
        Settings(instance_path=tmp_path / "inst", database_url=sqlite_url, auth_required=True)
    )
    yield app, password
    app.server.config[CONFIG_KEY].dispose()


def _texts(dash_duo, graph_id: str) -> list[str]:
    """The texts Plotly drew as scatter text points in a graph (the C markers among them)."""
    return dash_duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim());",
        f"#{graph_id} g.textpoint text",
    )


def _title(dash_duo, graph_id: str) -> str:
    return dash_duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent).join(' ');",
        f"#{graph_id} .infolayer text",
    )


def test_pcm001_leaders_chart_shows_c_on_the_gap(dash_duo, leader_app, screenshot_dir) -> None:
    """Sectors for the leader: 运输 and 电信、计算机和信息服务 are protected in 2021年1–4月 —
    no bar, a C beside the axis, the note under the title; 其他商业服务 is drawn."""
    app, password = leader_app
    dash_duo.start_server(app, navigate=False)
    sign_in(dash_duo, "/sectors?month=2021-04&region=120000", "leader1", password)
    wait.until(lambda: "C" in _texts(dash_duo, Sectors.RANKING), timeout=TIMEOUT)
    assert NOTE in _title(dash_duo, Sectors.RANKING)
    ticks = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
        f"#{Sectors.RANKING} .ytick text",
    )
    assert {"运输", "电信、计算机和信息服务", "其他商业服务"} <= set(ticks)
    assert _texts(dash_duo, Sectors.RANKING).count("C") == 2
    graph = dash_duo.find_element(f"#{Sectors.RANKING}")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", graph)
    graph.screenshot(str(screenshot_dir / "protected_chart.png"))

    # Regions: 和平区 (a single enterprise) is protected for leaders, a C on its row
    dash_duo.wait_for_page(
        url=dash_duo.server.url.rstrip("/") + "/regions?month=2021-04&region=120000&unit=usd_10k"
    )
    wait.until(lambda: "C" in _texts(dash_duo, Regions.RANK), timeout=TIMEOUT)
    assert NOTE in _title(dash_duo, Regions.RANK)
    assert [e for e in dash_duo.get_logs() if e.get("level") == "SEVERE"] == []
