"""Signing in over HTTP in tests: an app with one account per role, and the login form."""

from __future__ import annotations

import re

from dashboard import create_app
from etl import accounts
from etl.settings import Settings

ROLE_USERS = {"admin": "admin", "stat": "statistician", "lead": "leader", "clerk": "clerk"}


def add_role_accounts(session_factory, clerk_regions=("120116",)) -> dict[str, str]:
    """One account per role (ROLE_USERS); returns their passwords."""
    passwords = {}
    with session_factory.begin() as s:
        for name, role in ROLE_USERS.items():
            regions = clerk_regions if role == "clerk" else ()
            passwords[name] = accounts.add_user(s, name, role, regions=regions)
            accounts.get_user(s, name).must_change_password = False  # tested on its own
    return passwords


def signed_in_app(db_url, instance_path, **settings_fields):
    """An app that requires sign-in, on the database at db_url."""
    settings = Settings(
        instance_path=instance_path, database_url=db_url, auth_required=True, **settings_fields
    )
    return create_app(settings)


def app_with_accounts(
    db_url, instance_path, session_factory, clerk_regions=("120116",), **settings_fields
):
    """An app that requires sign-in and the passwords of one account per role.

    settings_fields: further Settings fields (limits, for instance).
    """
    passwords = add_role_accounts(session_factory, clerk_regions)
    return signed_in_app(db_url, instance_path, **settings_fields), passwords


def login(client, username, password, next_path="/overview"):
    """Sign in through the form (GET for the token, then POST)."""
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    return client.post(
        f"/login?next={next_path}", data={"csrf": token, "username": username, "password": password}
    )


def signed_in(app, passwords, user):
    """A test client signed in as the user (anonymous when user is None)."""
    client = app.server.test_client()
    if user:
        login(client, user, passwords[user])
    return client


def logout(client):
    """Sign out as the page does: the confirm form's token, then POST."""
    page = client.get("/logout")
    token = re.search(r'name="csrf" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    return client.post("/logout", data={"csrf": token})
