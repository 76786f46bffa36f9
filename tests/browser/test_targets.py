"""The Targets page in headless Chromium: statuses, the as-of month in the URL, English, and
agreement with `python -m etl targets`."""

from __future__ import annotations

import json

import pytest
from dash.testing import wait

from dashboard import create_app, data
from dashboard.context import CONFIG_KEY
from dashboard.ids import Shell, Targets
from etl.cli import main as cli
from etl.db import make_engine, make_session_factory
from etl.settings import Settings
from etl.targets.status import evaluate_targets
from tests.browser.pages_data import absent
from tests.browser.targets_data import LAST, load_targets_sample
from tests.conftest import clone_database

TIMEOUT = 10
PILOT = '[data-target="TJ_PILOT_GROWTH"]'
LEVEL = '[data-target="LJ_2017_LEVEL"]'


@pytest.fixture(scope="session")
def targets_db_url(template_urls, tmp_path_factory) -> str:
    """One seeded SQLite database with the small targets sample, shared by this module's tests."""
    workdir = tmp_path_factory.mktemp("targets-db")
    url = clone_database(template_urls, "sqlite", workdir)
    load_targets_sample(url, workdir)
    return url


@pytest.fixture
def targets_app(targets_db_url, tmp_path):
    """The dashboard on the targets sample database."""
    settings = Settings(
        instance_path=tmp_path / "instance", database_url=targets_db_url, auth_required=False
    )
    dash_app = create_app(settings)
    yield dash_app
    dash_app.server.config[CONFIG_KEY].dispose()


def open_page(dash_duo, app, path: str) -> None:
    """Start the server and open path (with its query) as the first page."""
    dash_duo.start_server(app, navigate=False)
    dash_duo.wait_for_page(url=dash_duo.server.url.rstrip("/") + path)


def row_status(dash_duo, card: str, window: str) -> str | None:
    """The data-status of one window row of a target card (read in one step: the page
    re-renders when the month changes, so a held element can go stale)."""
    return dash_duo.driver.execute_script(
        "const row = document.querySelector(arguments[0]);"
        "return row ? row.getAttribute('data-status') : null;",
        f'{card} tr[data-window="{window}"]',
    )


def wait_status(dash_duo, card: str, window: str, status: str) -> None:
    """Wait until a window row shows the status."""
    wait.until(lambda: row_status(dash_duo, card, window) == status, timeout=TIMEOUT)


def choose_option(dash_duo, selector: str, label: str) -> None:
    """Open a dcc.Dropdown and pick the option with this label (scrolled to, if need be)."""
    dash_duo.find_element(selector).click()
    menu = dash_duo.wait_for_element(".dash-dropdown-options", timeout=TIMEOUT)
    option = next(
        o for o in menu.find_elements("css selector", ".dash-dropdown-option") if o.text == label
    )
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", option)
    option.click()


def page_statuses(dash_duo) -> dict[tuple[str, str], str]:
    """(target, window) -> status for every window row on the page."""
    out = {}
    for card in dash_duo.find_elements("[data-target]"):
        code = card.get_attribute("data-target")
        for row in card.find_elements("css selector", "tr[data-window]"):
            out[(code, row.get_attribute("data-window"))] = row.get_attribute("data-status")
    return out


def cli_statuses(url: str, tmp_path, as_of: str, capsys) -> dict[tuple[str, str], str]:
    """The same pairs from `python -m etl targets --as-of … --format json`."""
    settings = Settings(instance_path=tmp_path / "cli", database_url=url)
    capsys.readouterr()
    assert cli.main(["targets", "--as-of", as_of, "--format", "json"], settings) == 0
    rows = json.loads(capsys.readouterr().out)
    return {(r["target"], r["window"]): r["status"] for r in rows}


@pytest.mark.browser
def test_tgt001_page_shows_statuses_chart_and_districts(dash_duo, targets_app) -> None:
    """Newest month: pilot year 1 met, year 2 missed, 两江 96.0亿美元 missed; chart and table."""
    open_page(dash_duo, targets_app, "/targets")
    dash_duo.wait_for_text_to_equal(f"#{Targets.TITLE}", "目标监测", timeout=TIMEOUT)
    wait_status(dash_duo, PILOT, "year1", "met")
    assert row_status(dash_duo, PILOT, "year2") == "missed"
    assert row_status(dash_duo, PILOT, "whole") == "missed"
    assert "已达成" in dash_duo.find_element(f'{PILOT} tr[data-window="year1"]').text
    assert "未达成" in dash_duo.find_element(f'{PILOT} tr[data-window="year2"]').text
    assert dash_duo.find_element(LEVEL).get_attribute("data-status") == "missed"
    assert "96.0亿美元" in dash_duo.find_element(LEVEL).text
    dash_duo.wait_for_element(f"#{Targets.CHART} .main-svg", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{Targets.DIST_GRID}", "滨海新区", timeout=TIMEOUT)
    grid = dash_duo.find_element(f"#{Targets.DIST_GRID}").text
    assert "和平区" in grid and "天津市合计" in grid and "120116" not in grid
    assert dash_duo.find_element(f"#{Targets.AS_OF}").text.startswith("2020年6月")
    assert dash_duo.get_logs() == []


@pytest.mark.browser
def test_tgt002_as_of_in_the_url_changes_the_statuses(dash_duo, targets_app) -> None:
    """?as_of=2019-03: year 1 on track, year 2 not started; choosing 2019年12月 rewrites the URL
    and the statuses (year 1 met, year 2 off track at 120 against 143 needed)."""
    open_page(dash_duo, targets_app, "/targets?as_of=2019-03")
    wait_status(dash_duo, PILOT, "year1", "on_track")
    assert row_status(dash_duo, PILOT, "year2") == "not_started"
    assert "有望达成" in dash_duo.find_element(f'{PILOT} tr[data-window="year1"]').text
    assert "9/12" in dash_duo.find_element(f'{PILOT} tr[data-window="year1"]').text
    choose_option(dash_duo, f"#{Targets.AS_OF}", "2019年12月")
    wait.until(lambda: "as_of=2019-12" in dash_duo.driver.current_url, timeout=TIMEOUT)
    wait_status(dash_duo, PILOT, "year2", "off_track")
    assert row_status(dash_duo, PILOT, "year1") == "met"
    assert dash_duo.get_logs() == []


@pytest.mark.browser
def test_tgt003_english_switch(dash_duo, targets_app) -> None:
    """EN relabels the page and the statuses and keeps the month in the URL."""
    open_page(dash_duo, targets_app, "/targets?as_of=2019-03")
    wait_status(dash_duo, PILOT, "year1", "on_track")
    dash_duo.find_element(f"#{Shell.LANG_EN}").click()
    dash_duo.wait_for_text_to_equal(f"#{Targets.TITLE}", "Policy targets", timeout=TIMEOUT)
    wait.until(
        lambda: "On track" in dash_duo.find_element(f'{PILOT} tr[data-window="year1"]').text,
        timeout=TIMEOUT,
    )
    assert "Pilot year 1" in dash_duo.find_element(PILOT).text
    assert "lang=en" in dash_duo.driver.current_url
    assert "as_of=2019-03" in dash_duo.driver.current_url
    dash_duo.wait_for_contains_text(f"#{Targets.DIST_GRID}", "Binhai New Area", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


@pytest.mark.browser
@pytest.mark.parametrize("as_of", ["2019-03", "2020-06"])
def test_tgt004_page_and_cli_agree(
    dash_duo, targets_app, targets_db_url, tmp_path, capsys, as_of
) -> None:
    """Every (target, window) status on the page equals `python -m etl targets` for the month."""
    open_page(dash_duo, targets_app, f"/targets?as_of={as_of}")
    dash_duo.wait_for_element(f"{PILOT} tr[data-window]", timeout=TIMEOUT)
    expected = cli_statuses(targets_db_url, tmp_path, as_of, capsys)
    assert page_statuses(dash_duo) == expected
    assert dash_duo.get_logs() == []


@pytest.mark.browser
def test_tgt005_empty_database_says_so(dash_duo, app) -> None:
    """With nothing loaded the page shows words and a command, not empty cards or axes."""
    open_page(dash_duo, app, "/targets")
    dash_duo.wait_for_contains_text(f"#{Targets.EMPTY}", "尚无数据", timeout=TIMEOUT)
    assert absent(dash_duo, f"#{Targets.CHART}")
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("as_of", [201903, 201912, LAST])
def test_tgt006_page_data_equals_evaluate_targets(targets_app, targets_db_url, as_of) -> None:
    """The page's data function returns exactly what evaluate_targets (the CLI's) computes."""
    engine = make_engine(targets_db_url)
    with make_session_factory(engine)() as s:
        expected = [
            (
                r.target.code,
                e.window.key,
                e.status,
                e.actual,
                e.required,
                e.growth,
                e.projection,
                e.projection_low,
                e.projection_high,
                e.needed_growth_remaining,
            )
            for r in evaluate_targets(s, as_of)
            for e in r.evaluations
        ]
    engine.dispose()
    with targets_app.server.app_context():
        overview = data.targets_overview(as_of)
    got = [
        (
            r.target.code,
            e.window.key,
            e.status,
            e.actual,
            e.required,
            e.growth,
            e.projection,
            e.projection_low,
            e.projection_high,
            e.needed_growth_remaining,
        )
        for r in overview.results
        for e in r.evaluations
    ]
    assert overview.as_of == as_of
    assert got == expected
