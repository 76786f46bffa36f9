"""Fixtures the database tests share: the constructed disclosure case behind sign-in."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from dash import Dash
from sqlalchemy.orm import sessionmaker

from etl.db import make_engine, make_session_factory
from tests.conftest import BACKENDS
from tests.db import disclosure_case as case
from tests.db.auth_helpers import signed_in_app


@dataclass(frozen=True)
class DisclosureSite:
    """An app over a fresh copy of the released case, its accounts' passwords and tokens."""

    app: Dash
    passwords: dict[str, str]
    tokens: dict[str, str]
    factory: sessionmaker
    url: str


@pytest.fixture(params=BACKENDS)
def disclosure_site(request, prepared, tmp_path):
    """The constructed case (tests/db/disclosure_case.py) released, behind sign-in; built once
    per backend and worker, each test reads and writes a copy of its own."""
    url, made = prepared.copy(case.released_with_accounts, request.param, tmp_path)
    app = signed_in_app(url, tmp_path / "inst")
    app.server.test_client().get("/_dash-dependencies")
    engine = make_engine(url)
    yield DisclosureSite(
        app, dict(made["passwords"]), dict(made["tokens"]), make_session_factory(engine), url
    )
    app.server.config["STM"].dispose()
    engine.dispose()
