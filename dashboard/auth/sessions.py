"""The Flask-Login session: who a cookie stands for, and starting a sign-in."""

from __future__ import annotations

import time

import flask
from flask_login import UserMixin, login_user

from dashboard.auth import session_factory
from etl import accounts
from etl.accounts import Principal


class SignedIn(UserMixin):
    """The Flask-Login user: a Principal plus the id Flask-Login stores in the cookie."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal
        self.id = principal.username


def load_user(username: str) -> SignedIn | None:
    """The person a session cookie stands for; None when the cookie no longer counts."""
    # A cookie is valid only for the session version it was issued under (logout and password
    # changes raise it) and only for the absolute lifetime of a sign-in.
    started = flask.session.get("signed_in_at", 0)
    if time.time() - started > flask.current_app.config["STM_SESSION_SECONDS"]:
        return None
    with session_factory()() as session:
        try:
            user = accounts.get_user(session, username)
        except accounts.AccountError:
            return None
        if not user.is_active or flask.session.get("session_version") != user.session_version:
            return None
        return SignedIn(accounts.principal_of(user))


def start_session(principal: Principal) -> None:
    """Sign the person in on a fresh session that carries their session version."""
    login_user(SignedIn(principal))
    flask.session["session_version"] = principal.session_version
    flask.session["signed_in_at"] = time.time()
