"""One-time passwords: after signing in with one, nothing opens until the person sets their own."""

from __future__ import annotations

import re

import pytest

from dashboard import create_app
from etl import accounts
from etl.settings import Settings
from tests.db.auth_helpers import login


@pytest.fixture
def fresh_account(db_url, tmp_path, session_factory):
    with session_factory.begin() as s:
        one_time = accounts.add_user(s, "newlead", "leader", "新领导")
    app = create_app(Settings(instance_path=tmp_path / "inst", database_url=db_url))
    yield app, one_time
    app.server.config["STM"].dispose()


def _form(client, path):
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_one_time_password_opens_only_the_change_form(fresh_account, session_factory):
    app, one_time = fresh_account
    client = app.server.test_client()
    response = login(client, "newlead", one_time, next_path="/targets")
    assert response.location.startswith("/account/password")
    assert client.get("/overview").location.startswith("/account/password?next=/overview")
    api = client.get("/_dash-layout")
    assert api.status_code == 403 and api.get_json() == {"error": "password change required"}

    token = _form(client, "/account/password")
    mismatch = client.post(
        "/account/password?next=/targets",
        data={
            "csrf": token,
            "current": one_time,
            "new": "NewPassw0rd2026",
            "repeat": "NewPassw0rd2027",
        },
    )
    assert "两次输入的新密码不一致" in mismatch.get_data(as_text=True)
    weak = client.post(
        "/account/password",
        data={"csrf": token, "current": one_time, "new": "short1", "repeat": "short1"},
    )
    assert "新密码不符合要求" in weak.get_data(as_text=True)
    wrong = client.post(
        "/account/password",
        data={
            "csrf": token,
            "current": "not-it-123",
            "new": "NewPassw0rd2026",
            "repeat": "NewPassw0rd2026",
        },
    )
    assert "当前密码不正确" in wrong.get_data(as_text=True)
    assert client.get("/_dash-layout").status_code == 403  # still nothing else

    done = client.post(
        "/account/password?next=/targets",
        data={
            "csrf": token,
            "current": one_time,
            "new": "NewPassw0rd2026",
            "repeat": "NewPassw0rd2026",
        },
    )
    assert done.status_code == 302 and done.location == "/targets"
    assert client.get("/_dash-layout").status_code == 200
    with session_factory() as s:
        assert accounts.get_user(s, "newlead").must_change_password is False
        assert accounts.authenticate(s, "newlead", "NewPassw0rd2026") is not None


def test_password_form_refuses_a_forged_post(fresh_account):
    app, one_time = fresh_account
    client = app.server.test_client()
    login(client, "newlead", one_time)
    response = client.post(
        "/account/password",
        data={"current": one_time, "new": "NewPassw0rd2026", "repeat": "NewPassw0rd2026"},
    )
    assert response.status_code == 400


def test_password_form_needs_a_session(fresh_account):
    app, _ = fresh_account
    response = app.server.test_client().get("/account/password")
    assert response.status_code == 302 and response.location.startswith("/login")
