"""Sign-in installed on the Flask server: the secret key, cookies, the login routes, the gate."""

from __future__ import annotations

import secrets
from pathlib import Path

import flask
from flask_login import LoginManager

from dashboard.auth import PASSWORD_PATH, VIEW_AS_PATH, forms, gate, sessions


def init_auth(
    server: flask.Flask,
    instance_path: Path,
    secret_key: str,
    secure_cookies: bool = False,
    session_hours: int = 12,
) -> None:
    """Install sessions, the login routes and the request gate on the Flask server.

    secure_cookies: send the session cookie over HTTPS only; session_hours: the absolute
    lifetime of a sign-in, however active the person is.
    """
    server.secret_key = secret_key or _persistent_secret(instance_path)
    server.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=secure_cookies,
        STM_SESSION_SECONDS=session_hours * 3600,
    )
    manager = LoginManager()
    manager.init_app(server)
    manager.user_loader(sessions.load_user)
    server.before_request(gate.check)
    server.add_url_rule("/login", "login", forms.login, methods=["GET", "POST"])
    server.add_url_rule("/logout", "logout", forms.logout, methods=["GET", "POST"])
    server.add_url_rule(VIEW_AS_PATH, "view_as", forms.view_as, methods=["POST"])
    server.add_url_rule(
        PASSWORD_PATH, "change_password", forms.change_password, methods=["GET", "POST"]
    )


def _persistent_secret(instance_path: Path) -> str:
    # One key shared by every worker and kept across restarts, so sessions survive both.
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
