"""Sign-in in the browser: the form, a wrong password, the shell's badge, signing out."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from etl import accounts
from etl.db import make_engine, make_session_factory
from etl.settings import Settings

pytestmark = pytest.mark.browser


@pytest.fixture
def secured_app(sqlite_url, tmp_path):
    """The dashboard with sign-in required and one leader account; every month with data is
    released (leaders see released months only: those not yet released are released here)."""
    from tests.browser.conftest import release_the_rest

    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    with factory.begin() as s:
        password = accounts.add_user(s, "leader1", "leader", "王局长")
    release_the_rest(factory)
    engine.dispose()
    app = create_app(
        Settings(instance_path=tmp_path / "inst", database_url=sqlite_url, auth_required=True)
    )
    yield app, password
    app.server.config[CONFIG_KEY].dispose()


def _sign_in(dash_duo, username, password):
    driver = dash_duo.driver
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "login-submit").click()


def set_own_password(dash_duo, one_time: str, new: str = "MyOwnPassw0rd") -> None:
    """On the form a one-time password leads to: replace it, and go on to the page asked for."""
    dash_duo.wait_for_text_to_equal("h1", "修改密码", timeout=10)
    driver = dash_duo.driver
    for field, value in (("current", one_time), ("new", new), ("repeat", new)):
        driver.find_element(By.ID, field).send_keys(value)
    driver.find_element(By.ID, "login-submit").click()


def test_lgn001_sign_in_and_out(dash_duo, secured_app):
    """The anonymous land on the Chinese form; a wrong password says so; the one-time password
    leads to the password form, then the page with the person's name and role; signing out
    returns to the form."""
    app, password = secured_app
    dash_duo.start_server(app, navigate=False)  # the login form is not a Dash page
    dash_duo.driver.get(dash_duo.server.url + "/overview")  # redirected to /login?next=/overview
    dash_duo.wait_for_text_to_equal("h1", "登录", timeout=10)
    _sign_in(dash_duo, "leader1", "wrong-password-9")
    dash_duo.wait_for_contains_text(".alert-danger", "用户名或密码不正确", timeout=10)
    _sign_in(dash_duo, "leader1", password)
    # A one-time password: the person sets their own before anything opens.
    set_own_password(dash_duo, password)
    dash_duo.wait_for_contains_text(".stm-user", "王局长 · 领导", timeout=10)
    assert dash_duo.driver.current_url.endswith("/overview")
    dash_duo.find_element(".stm-user-toggle").click()  # sign-out is in the person's menu
    dash_duo.wait_for_element("#shell-logout", timeout=10).click()
    dash_duo.wait_for_text_to_equal("h1", "登录", timeout=10)
    assert dash_duo.get_logs() == []
