"""Browser-test fixtures: an app on a fresh seeded SQLite file, and a few reports in it."""

from __future__ import annotations

import contextlib
import os
import shutil
from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest
from dash.testing.application_runners import BaseDashRunner
from dash.testing.browser import Browser
from dash.testing.composite import DashComposite
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.wait import WebDriverWait

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.settings import Settings
from tests.browser import ports

USCC = "91120116MA05XXXX0X"

# dash_duo serves each app on the next port from 58050 in every process; under pytest-xdist two
# workers would both take 58050. Each worker serves from its own block (tests/browser/ports.py),
# and every test starts again at its block's first free port: the same origin each time, so
# Chromium reuses the Dash bundles it has cached and compiled (the 69 browser tests: 220 s
# instead of 241 s).


WINDOW_SIZE = (1400, 1000)  # as tests/conftest.py's pytest_setup_options starts Chromium


@pytest.fixture(scope="session")
def _chromium(request):
    """One headless Chromium per worker for every browser test (starting one costs ~1 s, and a
    warm one has the Dash bundles in its cache). dash_duo below hands it to each test clean."""
    holder = {"browser": None}
    profiles: list[str] = []  # each Chromium's --user-data-dir, removed at the end

    def browser() -> Browser:
        current = holder["browser"]
        if current is not None:
            try:
                current.driver.window_handles  # noqa: B018 — alive?
                return current
            except WebDriverException:  # a test crashed it: start another
                pass
        options = request.config.hook.pytest_setup_options()
        profiles.extend(
            a.split("=", 1)[1]
            for option in options  # the hook's results, one per implementation
            for a in option.arguments
            if a.startswith("--user-data-dir=")
        )
        holder["browser"] = Browser(
            browser=request.config.getoption("webdriver"),
            headless=request.config.getoption("headless"),
            options=options,
            percy_run=False,
        )
        return holder["browser"]

    yield browser
    if holder["browser"] is not None:
        with contextlib.suppress(WebDriverException):
            holder["browser"].driver.quit()
    for profile in profiles:
        shutil.rmtree(profile, ignore_errors=True)


class _SharedChromium(DashComposite):
    """dash_duo on the worker's one Chromium: each test starts on a blank page with no cookies,
    storage or extra tabs, the usual window size and an empty log, and downloads into its own
    folder; leaving, it closes what the test opened instead of quitting the browser."""

    def __init__(self, server, shared: Browser, download_path: str, **kwargs):
        self._shared = shared
        super().__init__(server, download_path=download_path, **kwargs)
        driver = self.driver
        driver.execute_cdp_cmd(
            "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_path}
        )
        driver.get_log("browser")  # drop what an earlier test left in the log
        # wait_for_* polls every 0.1 s, not selenium's 0.5 s: a wait ends when its condition
        # holds, not up to half a second later
        self._wd_wait = WebDriverWait(driver, self._wait_timeout, poll_frequency=0.1)

    def get_webdriver(self):
        return self._shared.driver

    def __exit__(self, exc_type, exc_val, traceback):
        driver = self.driver
        try:
            handles = driver.window_handles
            for handle in handles[1:]:
                driver.switch_to.window(handle)
                driver.close()
            driver.switch_to.window(handles[0])
            driver.get("about:blank")
            driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
            if self.server.started:  # the next test serves on the same origin: leave it clean
                driver.execute_cdp_cmd(
                    "Storage.clearDataForOrigin",
                    {"origin": self.server.url, "storageTypes": "all"},
                )
            driver.set_window_size(*WINDOW_SIZE)
        except WebDriverException:  # quit it: the next test gets a fresh one (see _chromium)
            with contextlib.suppress(WebDriverException):
                driver.quit()


@pytest.fixture
def dash_duo(request, dash_thread_server, tmpdir, _chromium) -> DashComposite:
    """dash[testing]'s dash_duo on the worker's shared Chromium (see _SharedChromium)."""
    BaseDashRunner._next_port = ports.free(ports.DASH_DUO)
    with _SharedChromium(
        server=dash_thread_server,
        shared=_chromium(),
        browser=request.config.getoption("webdriver"),
        headless=request.config.getoption("headless"),
        download_path=tmpdir.mkdir("download").strpath,
        percy_run=False,
        pause=request.config.getoption("pause"),
    ) as dc:
        yield dc


@pytest.fixture
def app(sqlite_url, tmp_path):
    """The dashboard on a fresh migrated, seeded (reference data only) SQLite database."""
    dash_app = create_app(
        Settings(instance_path=tmp_path / "instance", database_url=sqlite_url, auth_required=False)
    )
    yield dash_app
    dash_app.server.config[CONFIG_KEY].dispose()


def _sample(template_urls, workdir: Path) -> str:
    """The page sample, built: 60 synthetic enterprises, 2017-01..2019-12, nothing released."""
    from etl.intake.load import load_file
    from etl.sample.generate import generate_reports, write_reports
    from tests.conftest import clone_database

    url = clone_database(template_urls, "sqlite", workdir)
    engine = make_engine(url)
    frame = generate_reports(n_enterprises=60, start=201701, end=201912)
    for path in write_reports(frame, workdir / "files", by="all"):
        assert load_file(make_session_factory(engine), path).ok
    engine.dispose()
    return url


def release_the_rest(factory, but: tuple[int, ...] = ()) -> None:
    """Release every month of 天津市 with data that is not yet released, but the months named
    (without the disclosure rule: the pages' tests read figures)."""
    from etl.queries import release as queries_release
    from etl.queries.closures import region_closure
    from tests.db.helpers import NO_SUPPRESSION, release_months

    with factory() as s:
        done = set(queries_release.released_months(s, "120000"))
        regions = region_closure(s, ("120000",))
        months = [
            p for p in queries_release.months_with_data(s, regions) if p not in done | set(but)
        ]
    if months:  # release_months takes no months as every month
        release_months(factory, months, rule=NO_SUPPRESSION)


def _released_copy(source_url: str, but: tuple[int, ...], workdir: Path) -> str:
    """A copy of a sample database with every month that has data released but those named."""
    from tests.conftest import clone_database

    url = clone_database({"sqlite": source_url}, "sqlite", workdir)
    engine = make_engine(url)
    release_the_rest(make_session_factory(engine), but)
    engine.dispose()
    return url


def _worker_copy(built_url: str, tmp_path_factory, name: str) -> str:
    """This worker's copy of a database built once per run: the worker's tests share it, as
    they shared the one each worker used to build for itself."""
    from tests.conftest import clone_database

    return clone_database({"sqlite": built_url}, "sqlite", tmp_path_factory.mktemp(name))


@pytest.fixture(scope="session")
def _sample_built(template_urls, tmp_path_factory) -> str:
    from tests.conftest import once_per_run

    return once_per_run(tmp_path_factory, "pages-sample", partial(_sample, template_urls))


@pytest.fixture(scope="session")
def _released_to_november_built(_sample_built, tmp_path_factory) -> str:
    from tests.conftest import once_per_run

    build = partial(_released_copy, _sample_built, (201912,))
    return once_per_run(tmp_path_factory, "pages-released-nov", build)


@pytest.fixture(scope="session")
def sample_db(_sample_built, tmp_path_factory) -> str:
    """One seeded SQLite sample for the page tests: 60 synthetic enterprises, 2017-01..2019-12."""
    return _worker_copy(_sample_built, tmp_path_factory, "pages-sample")


@pytest.fixture(scope="session")
def sample_db_released_to_november(_released_to_november_built, tmp_path_factory) -> str:
    """The page sample with 2017-01..2019-11 released (releasing the 36 months costs ~20 s:
    done once a run, and each test that writes takes a copy)."""
    return _worker_copy(_released_to_november_built, tmp_path_factory, "pages-released-nov")


@pytest.fixture(scope="session")
def sample_db_released(_released_to_november_built, tmp_path_factory) -> str:
    """The page sample with every month released (December 2019 the last)."""
    from tests.conftest import once_per_run

    build = partial(_released_copy, _released_to_november_built, ())
    built = once_per_run(tmp_path_factory, "pages-released", build)
    return _worker_copy(built, tmp_path_factory, "pages-released")


def private_copy(url: str, workdir: Path) -> str:
    """A copy of a shared SQLite database for a test that writes to it."""
    from tests.conftest import clone_database

    return clone_database({"sqlite": url}, "sqlite", workdir)


@pytest.fixture
def sample_app(sample_db, tmp_path):
    """The dashboard on the shared sample database (sign-in is tested elsewhere)."""
    app = create_app(
        Settings(instance_path=tmp_path / "instance", database_url=sample_db, auth_required=False)
    )
    yield app
    app.server.config[CONFIG_KEY].dispose()


def _version(report: m.Report, batch: m.UploadBatch, amounts: list[int]) -> m.ReportVersion:
    return m.ReportVersion(
        report_id=report.id,
        version_no=1,
        batch_id=batch.id,
        status="current",
        region_code="120116",
        enterprise_name="测试服务贸易有限公司",
        line_count=len(amounts),
        total_usd_cents=sum(amounts),
        content_sha256=f"{report.period:064d}",
    )


def _line(version: m.ReportVersion, row: int, cents: int) -> m.ReportLine:
    return m.ReportLine(
        version_id=version.id,
        direction="X",
        category_code="SA",
        mode=1,
        partner_code="US",
        currency="USD",
        unit="万美元",
        amount_reported=str(cents / 10**6),
        amount_orig_minor=cents,
        amount_usd_cents=cents,
        amount_cny_fen=cents * 7,
        fx_rate=Decimal("7.0"),
        source_row=row,
    )


@pytest.fixture
def seeded_reports(sqlite_url) -> dict[str, int]:
    """One enterprise, one loaded batch, current reports for 2019-01 (2 lines) and 2019-06 (1)."""
    engine = make_engine(sqlite_url)
    with make_session_factory(engine).begin() as s:
        s.add(
            m.Enterprise(
                uscc=USCC,
                name="测试服务贸易有限公司",
                region_code="120116",
                first_period=201901,
                last_period=201906,
            )
        )
        batch = m.UploadBatch(
            file_name="test.xlsx",
            sha256="0" * 64,
            dedupe_key="0" * 64,
            size_bytes=1,
            uploaded_by="test",
            status="loaded",
            row_count=3,
        )
        s.add(batch)
        s.flush()
        for period, amounts in ((201901, [100_000_00, 250_000_00]), (201906, [300_000_00])):
            report = m.Report(uscc=USCC, period=period)
            s.add(report)
            s.flush()
            version = _version(report, batch, amounts)
            s.add(version)
            s.flush()
            s.add_all(_line(version, i + 2, cents) for i, cents in enumerate(amounts))
            report.current_version_id = version.id
    engine.dispose()
    return {"enterprises": 1, "reports": 2, "lines": 3, "batches": 1}


@pytest.fixture
def screenshot_dir(tmp_path) -> Path:
    """Where a test saves the screenshots worth looking at: a temporary folder, or docs/screenshots
    when `make screenshots` sets STM_SCREENSHOT_DIR (a plain test run leaves the tree clean)."""
    folder = os.environ.get("STM_SCREENSHOT_DIR")
    if not folder:
        return tmp_path
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
