"""Access control at HTTP level: every page, callback and download refuses the anonymous."""

from __future__ import annotations

import re

import pytest
from werkzeug.exceptions import Forbidden

from dashboard import create_app, data
from dashboard.filter_state import FilterState
from etl import accounts
from etl.settings import Settings
from tests.db.auth_helpers import login, logout


@pytest.fixture
def app_with_users(db_url, tmp_path, session_factory):
    """An app that requires sign-in, with one account per role."""
    passwords = {}
    with session_factory.begin() as s:
        for name, role in (("lead", "leader"), ("stat", "statistician"), ("clerk", "clerk")):
            passwords[name] = accounts.add_user(
                s, name, role, regions=("120116",) if role == "clerk" else ()
            )
            accounts.get_user(s, name).must_change_password = False  # see test_password_http
    settings = Settings(instance_path=tmp_path / "inst", database_url=db_url, auth_required=True)
    app = create_app(settings)
    yield app, passwords
    app.server.config["STM"].dispose()


CALLBACK = {
    "output": "x.children",
    "outputs": {"id": "x", "property": "children"},
    "inputs": [],
    "changedPropIds": [],
}


@pytest.mark.parametrize("path", ["/", "/overview", "/targets", "/nonexistent"])
def test_anonymous_pages_redirect_to_login(app_with_users, path):
    """Pages send the anonymous to the login form, remembering where they wanted to go."""
    app, _ = app_with_users
    response = app.server.test_client().get(path)
    assert response.status_code == 302 and response.location.startswith("/login?next=")


@pytest.mark.parametrize(
    "method,path",
    [
        ("post", "/_dash-update-component"),
        ("get", "/_dash-layout"),
        ("get", "/_dash-dependencies"),
    ],
)
def test_anonymous_api_gets_401_and_no_data(app_with_users, method, path):
    """The callback API answers 401 without a session, before Dash runs anything."""
    app, _ = app_with_users
    client = app.server.test_client()
    response = getattr(client, method)(path, json=CALLBACK if method == "post" else None)
    assert response.status_code == 401
    assert response.get_json() == {"error": "authentication required"}


def test_login_logout_cycle_and_audit(app_with_users, session_factory):
    """Sign in, use the API, sign out: the API refuses again; both events are audited."""
    app, passwords = app_with_users
    client = app.server.test_client()
    response = login(client, "lead", passwords["lead"])
    assert response.status_code == 302 and response.location == "/overview"
    assert client.get("/_dash-layout").status_code == 200
    assert "HttpOnly" in response.headers.get("Set-Cookie", "")
    assert "SameSite=Lax" in response.headers.get("Set-Cookie", "")
    logout(client)
    assert client.get("/_dash-layout").status_code == 401
    with session_factory() as s:
        from sqlalchemy import select

        from etl.models import AuditEntry

        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.username == "lead")).all()
    assert "login" in actions and "logout" in actions


def test_wrong_password_and_forged_form_are_refused(app_with_users):
    """A wrong password stays on the form with a message; a POST without the form's token is 400."""
    app, _ = app_with_users
    client = app.server.test_client()
    wrong = login(client, "lead", "not-the-password-1")
    assert wrong.status_code == 200 and "用户名或密码不正确" in wrong.get_data(as_text=True)
    assert client.post("/login", data={"username": "lead", "password": "x"}).status_code == 400
    assert client.get("/_dash-layout").status_code == 401


def test_open_redirects_are_not_followed(app_with_users):
    """?next= pointing at another host lands on the home page instead."""
    app, passwords = app_with_users
    client = app.server.test_client()
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post(
        "/login?next=//evil.example/x",
        data={"csrf": token, "username": "stat", "password": passwords["stat"]},
    )
    assert response.location == "/"


def test_enterprise_figures_are_refused_to_leaders(app_with_users):
    """The one door to enterprise-level data answers 403 for a leader, opens for a statistician."""
    app, passwords = app_with_users
    state = FilterState()
    for user, allowed in (("lead", False), ("stat", True)):
        client = app.server.test_client()
        login(client, user, passwords[user])
        with client:
            client.get("/_dash-layout")  # a request context with the signed-in user
            if allowed:
                assert data.enterprise_rows(state, 5) is not None
            else:
                with pytest.raises(Forbidden):
                    data.enterprise_rows(state, 5)


def _copy_session(source, app):
    """A second client holding a copy of source's session cookie (a stolen or copied cookie)."""
    copy = app.server.test_client()
    copy.set_cookie("session", source.get_cookie("session").value)
    return copy


def test_logout_is_a_post_with_the_sessions_token(app_with_users):
    """GET /logout only asks (another site's <img src=/logout> signs nobody out); POST needs
    the token; the form in the page frame carries it."""
    app, passwords = app_with_users
    client = app.server.test_client()
    login(client, "lead", passwords["lead"])
    assert client.get("/logout").status_code == 200
    assert client.get("/_dash-layout").status_code == 200
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 400
    frame = client.get("/_dash-layout").get_data(as_text=True)
    assert '"method":"POST"' in frame and '"name":"csrf"' in frame and "logout" in frame
    assert logout(client).status_code == 302
    assert client.get("/_dash-layout").status_code == 401


@pytest.mark.parametrize("how", ["logout", "password"])
def test_a_copied_cookie_stops_working_after_logout_or_password_change(
    app_with_users, session_factory, how
):
    """The session version on the account: raising it ends every earlier cookie."""
    app, passwords = app_with_users
    client = app.server.test_client()
    login(client, "stat", passwords["stat"])
    copy = _copy_session(client, app)
    assert copy.get("/_dash-layout").status_code == 200
    if how == "logout":
        logout(client)
    else:
        page = client.get("/account/password").get_data(as_text=True)
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        new = "NewPassword2026x"
        form = {"csrf": token, "current": passwords["stat"], "new": new, "repeat": new}
        assert client.post("/account/password", data=form).status_code == 302
        assert client.get("/_dash-layout").status_code == 200  # the changer's own session stays
    assert copy.get("/_dash-layout").status_code == 401


def test_a_sign_in_ends_after_the_absolute_lifetime(app_with_users, monkeypatch):
    """However active, a session is over after STM_SESSION_HOURS (default 12)."""
    import time as clock

    from dashboard.auth import sessions

    app, passwords = app_with_users
    client = app.server.test_client()
    login(client, "lead", passwords["lead"])
    assert client.get("/_dash-layout").status_code == 200
    later = clock.time() + 12 * 3600 + 60
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    assert client.get("/_dash-layout").status_code == 401


def test_secure_cookie_flag_is_a_setting(db_url, tmp_path, session_factory):
    with session_factory.begin() as s:
        password = accounts.add_user(s, "lead", "leader")
        accounts.get_user(s, "lead").must_change_password = False
    settings = Settings(
        instance_path=tmp_path / "i", database_url=db_url, auth_required=True, secure_cookies=True
    )
    app = create_app(settings)
    try:
        response = login(app.server.test_client(), "lead", password)
        assert "Secure" in response.headers.get("Set-Cookie", "")
    finally:
        app.server.config["STM"].dispose()
    assert Settings.from_env({"STM_SECURE_COOKIES": "1"}).secure_cookies is True
    assert Settings.from_env({}).secure_cookies is False


def test_a_burst_of_sign_ins_gets_no_http_500(app_with_users):
    """Twelve sign-ins at once (right and wrong passwords): all answered, none 500."""
    import threading

    app, passwords = app_with_users
    app.server.test_client().get("/login")  # Dash sets itself up on the first request, alone
    codes = []

    def sign_in(i):
        client = app.server.test_client()
        name = ("lead", "stat", "clerk")[i % 3]
        password = passwords[name] if i % 2 else "wrong-password-1"
        codes.append(login(client, name, password).status_code)

    threads = [threading.Thread(target=sign_in, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(codes) == 12 and 500 not in codes
    assert codes.count(302) == 6 and codes.count(200) == 6


def test_a_burst_of_sign_outs_gets_no_http_500(app_with_users, session_factory):
    """Twelve accounts sign out at once (the 30-user soak found 'database is locked' on SQLite)."""
    import re
    import threading

    app, _passwords = app_with_users
    with session_factory.begin() as s:
        passwords = {f"out{i}": accounts.add_user(s, f"out{i}", "leader") for i in range(12)}
        for name in passwords:
            accounts.get_user(s, name).must_change_password = False
    app.server.test_client().get("/login")  # Dash sets itself up on the first request, alone
    signed = []
    for name, password in passwords.items():
        client = app.server.test_client()
        assert login(client, name, password).status_code == 302
        form = client.get("/logout").get_data(as_text=True)
        signed.append((client, re.search(r'name="csrf" value="([^"]+)"', form).group(1)))
    barrier, codes = threading.Barrier(len(signed)), []

    def sign_out(client, token):
        barrier.wait()
        codes.append(client.post("/logout", data={"csrf": token}).status_code)

    threads = [threading.Thread(target=sign_out, args=pair) for pair in signed]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [302] * 12


def test_leaders_land_on_the_overview_not_the_database_facts(app_with_users):
    """#17: "/" (where sign-in and the product name lead) sends a leader to 总览, keeping ?lang."""
    app, passwords = app_with_users
    client = app.server.test_client()
    login(client, "lead", passwords["lead"], next_path="/")
    response = client.get("/?lang=en")
    assert response.status_code == 302 and response.location == "/overview?lang=en"
    stat = app.server.test_client()
    login(stat, "stat", passwords["stat"], next_path="/")
    assert stat.get("/").status_code == 200
