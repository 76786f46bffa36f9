"""Shared fixtures: settings, fresh migrated+seeded databases on SQLite and PostgreSQL, browser options."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import shutil
import tempfile
import uuid
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa

from etl.accounts import passwords
from etl.db import make_engine, make_session_factory
from etl.migrate import upgrade
from etl.seed import load_seeds
from etl.settings import PROJECT_ROOT, Settings

os.environ.setdefault("DASH_TEST_CHROMEPATH", "/usr/bin/chromium")
# Tests only: a cheap scrypt work factor (n=2**8, ~1 ms, instead of 2**15, ~200 ms); the checks
# are the same.
passwords.HASH_METHOD = "scrypt:256:8:1"
BACKENDS = ("sqlite", "postgresql")
# For a database test whose own code sends no SQL (delivery, rendering, CLI wiring over the
# query layer): its db_url on SQLite alone; the queries it reaches are tested on both backends.
SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def pytest_addoption(parser):
    parser.addoption("--browser", action="store_true", help="run headless-Chromium tests")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--browser"):
        return
    skip = pytest.mark.skip(reason="browser test: pass --browser")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def pytest_setup_options():
    """dash[testing] hook: headless Chromium that makes no calls to the (absent) internet."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for arg in (
        "--window-size=1400,1000",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-default-apps",
        "--disable-extensions",
        "--lang=zh-CN",
        f"--user-data-dir={tempfile.mkdtemp(prefix='chrome-')}",
    ):
        options.add_argument(arg)
    return options


@pytest.fixture(scope="session", autouse=True)
def one_chart_browser():
    """Briefing charts of the whole session drawn in one Chromium (as a release draws both
    languages'), not one start per briefing: the same rendering, about 3 s less each."""
    from etl.briefing.charts import one_browser

    with one_browser():
        yield


def _pg_admin_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


def _build_template(backend: str, workdir: Path) -> str:
    """Migrate and seed one database per backend per session; tests get copies of it."""
    if backend == "sqlite":
        url = f"sqlite:///{workdir / 'template.sqlite3'}"
    else:
        admin = _pg_admin_url()
        name = f"tmpl_{uuid.uuid4().hex[:8]}"
        with make_engine(admin).connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = admin.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine).begin() as session:
        load_seeds(session, PROJECT_ROOT / "seeds")
    engine.dispose()
    return url


def shared_dir(tmp_path_factory) -> Path:
    """A folder every xdist worker of this run sees: their base temps share a parent."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def built_once(folder: Path, key: str):
    """Run the block's build in one worker of the run: yields the path of the built thing's
    record (a pickle) after taking the key's lock; the block writes it when it does not exist.
    The other workers wait on the lock and read the record instead of building again."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield folder / f"{key}.pickle"


def once_per_run(tmp_path_factory, key: str, build):
    """What build(workdir) returns, computed by the first worker that asks, pickled for all."""
    folder = shared_dir(tmp_path_factory) / "built-once"
    with built_once(folder, key) as record:
        if not record.exists():
            workdir = folder / key
            workdir.mkdir()
            record.write_bytes(pickle.dumps(build(workdir)))
        return pickle.loads(record.read_bytes())


@pytest.fixture(scope="session")
def template_urls(tmp_path_factory) -> dict[str, str]:
    """One migrated, seeded template database per available backend and run (shared by the
    workers: each test clones it)."""
    backends = ["sqlite", "postgresql"] if _pg_admin_url() else ["sqlite"]
    return {
        backend: once_per_run(
            tmp_path_factory, f"template-{backend}", partial(_build_template, backend)
        )
        for backend in backends
    }


def require_backend(template_urls: dict[str, str], backend: str) -> None:
    """Skip the test when its backend is not configured (fail when STM_REQUIRE_PG=1)."""
    if backend not in template_urls:
        if os.environ.get("STM_REQUIRE_PG") == "1":
            pytest.fail("PostgreSQL required (STM_REQUIRE_PG=1) but TEST_DATABASE_URL is not set")
        pytest.skip("PostgreSQL not configured (set TEST_DATABASE_URL)")


def clone_database(template_urls: dict[str, str], backend: str, workdir: Path) -> str:
    """A fresh copy of the template database for one test."""
    require_backend(template_urls, backend)
    src = template_urls[backend]
    if backend == "sqlite":
        dst = workdir / f"db-{uuid.uuid4().hex[:8]}.sqlite3"
        shutil.copy(src.split("///", 1)[1], dst)
        return f"sqlite:///{dst}"
    name = f"t_{uuid.uuid4().hex[:10]}"
    template = src.rsplit("/", 1)[1]
    with (
        make_engine(_pg_admin_url()).connect().execution_options(isolation_level="AUTOCOMMIT") as c
    ):
        c.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    return src.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=BACKENDS)
def db_url(request, template_urls, tmp_path) -> str:
    """URL of a fresh, migrated and seeded database, on SQLite and on PostgreSQL."""
    return clone_database(template_urls, request.param, tmp_path)


class Prepared:
    """Databases a recipe built once per run and backend (by whichever worker asks first);
    each test gets a fresh copy, so what one test changes no other sees (as with db_url),
    without building it again."""

    def __init__(self, template_urls: dict[str, str], tmp_path_factory) -> None:
        self.template_urls, self.tmp_path_factory = template_urls, tmp_path_factory
        self.built: dict[str, tuple[str, object]] = {}

    def _build(self, recipe, backend: str, workdir: Path) -> tuple[str, object]:
        url = clone_database(self.template_urls, backend, workdir)
        engine = make_engine(url)
        result = recipe(make_session_factory(engine), workdir)
        engine.dispose()  # a PostgreSQL template must have no connections to be copied
        return url, result

    def copy(self, recipe, backend: str, tmp_path: Path) -> tuple[str, object]:
        """(URL of a fresh copy, what recipe(session_factory, workdir) returned when built)."""
        key = f"prepared-{recipe.__module__}.{recipe.__qualname__}-{backend}"
        if key not in self.built:
            require_backend(self.template_urls, backend)
            self.built[key] = once_per_run(
                self.tmp_path_factory, key, partial(self._build, recipe, backend)
            )
        url, result = self.built[key]
        return clone_database({backend: url}, backend, tmp_path), result


@pytest.fixture(scope="session")
def prepared(template_urls, tmp_path_factory) -> Prepared:
    """Built-once databases handed out as copies (see Prepared)."""
    return Prepared(template_urls, tmp_path_factory)


@pytest.fixture
def sqlite_url(template_urls, tmp_path) -> str:
    """URL of a fresh seeded SQLite database (for tests that need only one backend)."""
    return clone_database(template_urls, "sqlite", tmp_path)


@pytest.fixture
def engine(db_url):
    """Engine on the fresh database; disposed after the test."""
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine):
    """Session factory bound to the test engine."""
    return make_session_factory(engine)


@pytest.fixture
def settings(db_url, tmp_path) -> Settings:
    """Settings pointing at the fresh database and a temporary instance folder."""
    # No briefing after each release (seconds of chart rendering): tests/db/test_briefing*.py
    # ask for it. No attacker's LP at release (tens of seconds a release on these small
    # samples, where nearly every primary cell is narrow): tests/db/test_disclosure*.py and
    # tests/browser/test_release.py release with it.
    return Settings(
        instance_path=tmp_path / "instance",
        database_url=db_url,
        secret_key="test",
        briefing_on_release=False,
        disclosure_lp_cells=0,
    )


@pytest.fixture
def sample_dir() -> Path:
    """The hand-sized sample files shipped in sample_data/."""
    return PROJECT_ROOT / "sample_data"
