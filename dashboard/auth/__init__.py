"""Sign-in for the whole app: Flask-Login sessions, a login form, and a gate on every request.

The gate runs before Dash sees a request, so every page, callback (`/_dash-update-component`) and
download refuses an anonymous request (401 for the API, a redirect to /login for pages). What a
signed-in role may see is checked where data leaves the server (`require`).

This module answers what pages, callbacks and downloads ask of their request: who is signed in
(`current_principal`), whether they may (`allowed`, `guard`, `require`), and the audit record of
what they did (`record`). install puts sign-in on the Flask server (create_app calls init_auth);
gate is the check every request passes; sessions loads and starts a sign-in; forms serves
/login, /logout, /account/password and /view-as, drawn by form_page. May import
dashboard.catalogue, dashboard.context and etl; never a page or another dashboard module.
"""

from __future__ import annotations

import secrets

import flask
from flask_login import current_user

from dashboard.context import CONFIG_KEY
from etl import accounts
from etl.accounts import Principal

PASSWORD_PATH = "/account/password"
VIEW_AS_PATH = "/view-as"
AS_LEADER = "as_leader"  # flask session key: a statistician reads as a leader would


def session_factory():
    """The app's sessionmaker (dashboard.context), for sign-in's own reads and writes."""
    return flask.current_app.config[CONFIG_KEY].session_factory


def current_principal() -> Principal | None:
    """The signed-in person of this request, if any (None too when sign-in is not installed).

    On /api/v1 it is the user the request's bearer token acts for (dashboard.api.gate)."""
    if flask.has_request_context() and flask.g.get("api_principal") is not None:
        return flask.g.api_principal
    if not flask.has_request_context() or not hasattr(flask.current_app, "login_manager"):
        return None
    return current_user.principal if current_user.is_authenticated else None


NO_SIGN_IN = "(no sign-in)"  # who acts when the app runs without sign-in (tests, development)


def actor_name() -> str:
    """The user name this request's actions are recorded under."""
    principal = current_principal()
    return principal.username if principal is not None else NO_SIGN_IN


def client_addr() -> str | None:
    """The address this request came from (None outside a request)."""
    return flask.request.remote_addr if flask.has_request_context() else None


def record(action: str, detail: dict) -> None:
    """Write this request's download or change to the audit log, in its own transaction."""
    with session_factory().begin() as session:
        accounts.audit(session, actor_name(), action, detail, client_addr())


def allowed(action: str) -> bool:
    """Whether this request may do the action (always when sign-in is not installed: tests)."""
    if not flask.has_request_context() or not hasattr(flask.current_app, "login_manager"):
        return True
    principal = current_principal()
    return principal is not None and principal.can(action)


def guard(action: str) -> None:
    """Abort with 401/403 unless this request may do the action; every restricted callback calls it.

    Pages and callbacks of a restricted area call this before reading anything, so a hand-made
    request to /_dash-update-component gets the same refusal as the browser.
    """
    if not flask.has_request_context() or not hasattr(flask.current_app, "login_manager"):
        return
    require(action)


def require(action: str) -> Principal:
    """The signed-in person if their role allows the action; otherwise abort with 403."""
    principal = current_principal()
    if principal is None:
        flask.abort(401)
    if not principal.can(action):
        flask.abort(403)
    return principal


def csrf_token() -> str:
    """This browser session's CSRF token, which every sign-in form posts."""
    # One token per browser session: a second tab (or the browser's own favicon request) must not
    # invalidate the form already on screen.
    return flask.session.setdefault("csrf", secrets.token_urlsafe(24))


def viewing_as_leader() -> bool:
    """Whether this browser session asked for the "as leaders see it" view."""
    return flask.has_request_context() and bool(flask.session.get(AS_LEADER))


def logout_token() -> str:
    """The token the sign-out form of the page frame posts (this session's CSRF token)."""
    return csrf_token() if flask.has_request_context() else ""
