"""The gate every request passes before Dash sees it: signed in, and no password to change."""

from __future__ import annotations

import flask
from flask_login import current_user

from dashboard.auth import PASSWORD_PATH

# Static files carry no data: Dash's JS bundles, our CSS and fonts, the favicon.
OPEN_PREFIXES = (
    "/assets/",
    "/_dash-component-suites/",
    "/_favicon.ico",
    "/favicon.ico",
    "/login",
    "/logout",
    "/api/v1/",  # the read-only API checks its own bearer tokens (dashboard.api.gate)
)
API_PREFIXES = ("/_dash-", "/_reload-hash")


def check():
    """Let a request through (None), or refuse it: 401/403 for the API, a redirect for pages."""
    path = flask.request.path
    if path.startswith(OPEN_PREFIXES):
        return None
    if current_user.is_authenticated:
        principal = current_user.principal
        # A one-time password opens nothing but the form that replaces it.
        if not principal.must_change_password or path == PASSWORD_PATH:
            # 首页 shows database internals: a leader's home is the Overview.
            if path == "/" and principal.can("view_aggregates"):
                if not principal.can("view_enterprises"):
                    query = flask.request.query_string.decode()
                    return flask.redirect("/overview" + (f"?{query}" if query else ""))
            return None
        if path.startswith(API_PREFIXES):
            return flask.jsonify(error="password change required"), 403
        return flask.redirect(f"{PASSWORD_PATH}?next={flask.request.full_path.rstrip('?')}")
    if path.startswith(API_PREFIXES):
        return flask.jsonify(error="authentication required"), 401
    return flask.redirect(f"/login?next={flask.request.full_path.rstrip('?')}")
