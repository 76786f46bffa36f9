"""The app with a clerk of 天津市 and 两江新区, a statistician and a leader, and their passwords."""

from __future__ import annotations

import pytest

from tests.db.auth_helpers import app_with_accounts


@pytest.fixture
def app_and_passwords(db_url, tmp_path, session_factory):
    app, passwords = app_with_accounts(
        db_url, tmp_path / "inst", session_factory, clerk_regions=("120000", "500000-LJ")
    )
    yield app, passwords
    app.server.config["STM"].dispose()
