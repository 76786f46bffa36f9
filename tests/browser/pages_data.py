"""The sample database and helpers the 供给模式 and 服务类别 browser tests share."""

from __future__ import annotations

from pathlib import Path

from dash.testing import wait

from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from etl.sample.generate import generate_reports, write_reports
from tests.browser import ports
from tests.conftest import clone_database

TIMEOUT = 15
BAD_WORDS = ("NaN", "nan%", "undefined", "None", "Traceback", "Error loading")


def build_sample(template_urls: dict[str, str], workdir: Path) -> str:
    """A seeded SQLite database with 60 synthetic enterprises, 2017-01..2019-12."""
    url = clone_database(template_urls, "sqlite", workdir)
    frame = generate_reports(n_enterprises=60, start=201701, end=201912)
    engine = make_engine(url)
    for path in write_reports(frame, workdir / "files", by="all"):
        assert load_file(make_session_factory(engine), path).ok
    engine.dispose()
    return url


def open_page(dash_duo, app, path: str) -> None:
    """Start the server and open path (with its query) as the first page."""
    dash_duo.start_server(app, navigate=False, port=ports.free(ports.PAGES))
    dash_duo.wait_for_page(url=dash_duo.server.url.rstrip("/") + path)


def url_has(dash_duo, *parts: str) -> None:
    """Wait until the address bar holds every part."""
    wait.until(lambda: all(p in dash_duo.driver.current_url for p in parts), timeout=TIMEOUT)


def absent(dash_duo, selector: str) -> bool:
    """No element matches selector now. Call it after a wait for the render that would hold
    it: find_elements alone waits the driver's implicit 2 s before it answers "none"."""
    driver = dash_duo.driver
    driver.implicitly_wait(0)
    try:
        return not driver.find_elements("css selector", selector)
    finally:
        driver.implicitly_wait(2)  # dash.testing's setting, which the other look-ups rely on


def click_choice(dash_duo, group_id: str, text: str) -> None:
    """Click the segmented button labelled text in a RadioItems group."""
    labels = dash_duo.find_elements(f"#{group_id} label")
    next(label for label in labels if label.text == text).click()


def click_until(dash_duo, selector: str, done, fx: float = 0.5, fy: float = 0.5) -> None:
    """Click a graph's plot area at fractions of its size, as a mouse does (Plotly listens on
    its drag layer, not on the drawn shapes), until done() holds (a graph that is still being
    laid out may miss the first click)."""
    for _ in range(8):  # a loaded machine lays graphs out slowly: be patient, not flaky
        element = dash_duo.wait_for_element(selector, timeout=TIMEOUT)
        dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        dash_duo.click_at_coord_fractions(element, fx, fy)
        try:
            wait.until(done, timeout=5)
            return
        except Exception:  # not yet: click again
            continue
    raise AssertionError(f"clicking {selector} did not take effect")


def assert_clean(dash_duo) -> None:
    """No NaN, None, undefined or error text anywhere on the page."""
    text = dash_duo.find_element("body").text
    assert not [w for w in BAD_WORDS if w in text], text
