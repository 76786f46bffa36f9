"""Sign-in for the whole app: Flask-Login sessions, a login form, and a gate on every request.

The gate runs before Dash sees a request, so every page, callback (`/_dash-update-component`) and
download refuses an anonymous request (401 for the API, a redirect to /login for pages). What a
signed-in role may see is checked where data leaves the server (`require`).
"""

from __future__ import annotations

import secrets
import time
from html import escape
from pathlib import Path
from urllib.parse import quote, urlparse

import flask
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from dashboard.catalogue import CATALOGUE
from dashboard.context import CONFIG_KEY
from etl import accounts
from etl.accounts import Principal
from etl.db import write_first

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
PASSWORD_PATH = "/account/password"


class SignedIn(UserMixin):
    """The Flask-Login user: a Principal plus the id Flask-Login stores in the cookie."""

    def __init__(self, principal: Principal) -> None:
        self.principal = principal
        self.id = principal.username


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
    manager.user_loader(_load_user)
    server.before_request(_gate)
    server.add_url_rule("/login", "login", _login, methods=["GET", "POST"])
    server.add_url_rule("/logout", "logout", _logout, methods=["GET", "POST"])
    server.add_url_rule(VIEW_AS_PATH, "view_as", _view_as, methods=["POST"])
    server.add_url_rule(PASSWORD_PATH, "change_password", _change_password, methods=["GET", "POST"])


def _persistent_secret(instance_path: Path) -> str:
    # One key shared by every worker and kept across restarts, so sessions survive both.
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _session_factory():
    return flask.current_app.config[CONFIG_KEY].session_factory


def _load_user(username: str) -> SignedIn | None:
    # A cookie is valid only for the session version it was issued under (logout and password
    # changes raise it) and only for the absolute lifetime of a sign-in.
    started = flask.session.get("signed_in_at", 0)
    if time.time() - started > flask.current_app.config["STM_SESSION_SECONDS"]:
        return None
    with _session_factory()() as session:
        try:
            user = accounts.get_user(session, username)
        except accounts.AccountError:
            return None
        if not user.is_active or flask.session.get("session_version") != user.session_version:
            return None
        return SignedIn(accounts.principal_of(user))


def _start_session(principal: Principal) -> None:
    """Sign the person in on a fresh session that carries their session version."""
    login_user(SignedIn(principal))
    flask.session["session_version"] = principal.session_version
    flask.session["signed_in_at"] = time.time()


def _gate():
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
    with _session_factory().begin() as session:
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


def _text(key: str, lang: str) -> str:
    return CATALOGUE[key][lang]


def _login():
    lang = "en" if flask.request.args.get("lang") == "en" else "zh"
    target = _safe_next(flask.request.args.get("next"))
    error = ""
    if flask.request.method == "POST":
        form = flask.request.form
        if not _csrf_ok(form):
            flask.abort(400)
        principal = accounts.sign_in(
            _session_factory(),
            form.get("username", "").strip(),
            form.get("password", ""),
            flask.request.remote_addr,
        )
        if principal is not None:
            flask.session.clear()
            _start_session(principal)
            if principal.must_change_password:
                return flask.redirect(f"{PASSWORD_PATH}?lang={lang}&next={target}")
            return flask.redirect(target)
        error = _text("auth.failed", lang)
    fields = [
        ("username", "auth.username", "text", "username"),
        ("password", "auth.password", "password", "current-password"),
    ]
    return _form_page(
        lang,
        "/login",
        target,
        _csrf_token(),
        fields,
        "auth.title",
        "auth.submit",
        error,
        _text("auth.hint", lang),
    )


def _csrf_ok(form) -> bool:
    # A session without a token (never saw the form) must not match an empty field.
    expected = flask.session.get("csrf", "")
    return bool(expected) and secrets.compare_digest(form.get("csrf", ""), expected)


def _csrf_token() -> str:
    # One token per browser session: a second tab (or the browser's own favicon request) must not
    # invalidate the form already on screen.
    return flask.session.setdefault("csrf", secrets.token_urlsafe(24))


def _change_password():
    lang = "en" if flask.request.args.get("lang") == "en" else "zh"
    target = _safe_next(flask.request.args.get("next"))
    principal = current_user.principal
    error = ""
    if flask.request.method == "POST":
        form = flask.request.form
        if not _csrf_ok(form):
            flask.abort(400)
        error = _new_password_problem(form, lang)
        if not error:
            try:
                with _session_factory().begin() as session:
                    write_first(session)  # read-then-write, as at sign-out
                    accounts.change_own_password(
                        session,
                        principal.username,
                        form["current"],
                        form["new"],
                        flask.request.remote_addr,
                    )
                    updated = accounts.principal_of(accounts.get_user(session, principal.username))
            except accounts.AccountError as exc:
                error = _text(
                    "auth.pw.wrong_current" if "current" in str(exc) else "auth.pw.weak", lang
                )
            else:
                _start_session(updated)  # the new version: this session stays, copies do not
                return flask.redirect(target)
    lead = _text("auth.pw.one_time" if principal.must_change_password else "auth.pw.lead", lang)
    fields = [
        ("current", "auth.pw.current", "password", "current-password"),
        ("new", "auth.pw.new", "password", "new-password"),
        ("repeat", "auth.pw.repeat", "password", "new-password"),
    ]
    return _form_page(
        lang,
        PASSWORD_PATH,
        target,
        _csrf_token(),
        fields,
        "auth.pw.title",
        "auth.pw.submit",
        error,
        _text("auth.pw.rule", lang),
        lead=lead,
    )


def _new_password_problem(form, lang: str) -> str:
    if form.get("new", "") != form.get("repeat", ""):
        return _text("auth.pw.mismatch", lang)
    try:
        accounts.check_password_strength(form.get("new", ""))
    except accounts.AccountError:
        return _text("auth.pw.weak", lang)
    return ""


def _logout():
    """POST with the session's token signs out (everywhere); GET only asks to confirm.

    A GET that signed out would let any other site sign a person out with an image tag.
    """
    principal = current_principal()
    lang = "en" if flask.request.args.get("lang") == "en" else "zh"
    if principal is None:
        return flask.redirect("/login")
    if flask.request.method == "GET":
        return _form_page(
            lang, "/logout", "/", _csrf_token(), [], "auth.logout", "auth.logout", "", ""
        )
    if not _csrf_ok(flask.request.form):
        flask.abort(400)
    with _session_factory().begin() as session:
        # Read-then-write: on SQLite take the write lock first, or a sign-out racing another
        # write fails with "database is locked" (HTTP 500) instead of waiting its turn.
        write_first(session)
        accounts.end_sessions(session, principal.username)
        accounts.audit(session, principal.username, "logout", {}, flask.request.remote_addr)
    logout_user()
    flask.session.clear()
    return flask.redirect("/login")


VIEW_AS_PATH = "/view-as"
AS_LEADER = "as_leader"  # flask session key: a statistician reads as a leader would


def _view_as():
    """POST (with the session's token): switch the "as leaders see it" view on or off.

    Only for roles that see enterprise-level figures; leaders always see the circulated view.
    """
    principal = current_principal()
    if principal is None or not principal.can("view_enterprises"):
        flask.abort(403)
    if not _csrf_ok(flask.request.form):
        flask.abort(400)
    flask.session[AS_LEADER] = flask.request.form.get("as") == "leader"
    with _session_factory().begin() as session:
        accounts.audit(
            session,
            principal.username,
            "view_as",
            {"as_leader": flask.session[AS_LEADER]},
            flask.request.remote_addr,
        )
    return flask.redirect(_safe_next(flask.request.form.get("next")))


def viewing_as_leader() -> bool:
    """Whether this browser session asked for the "as leaders see it" view."""
    return flask.has_request_context() and bool(flask.session.get(AS_LEADER))


def logout_token() -> str:
    """The token the sign-out form of the page frame posts (this session's CSRF token)."""
    return _csrf_token() if flask.has_request_context() else ""


def _safe_next(target: str | None) -> str:
    # Only same-site paths: never redirect a signed-in person to another host.
    if not target or urlparse(target).netloc or not target.startswith("/"):
        return "/"
    if target.startswith("//"):
        return "/"
    return target


def _form_page(
    lang: str,
    action: str,
    target: str,
    token: str,
    fields: list[tuple],
    title_key: str,
    submit_key: str,
    error: str,
    hint: str,
    lead: str = "",
) -> str:
    """A small stand-alone form page (sign-in, password change) in the app's look."""
    other = "en" if lang == "zh" else "zh"
    alert = f'<div class="alert alert-danger py-2">{escape(error)}</div>' if error else ""
    intro = f'<p class="mb-3">{escape(lead)}</p>' if lead else ""
    inputs = "".join(
        f'<label class="form-label" for="{name}">{escape(_text(label, lang))}</label>'
        f'<input class="form-control mb-3" id="{name}" name="{name}" type="{kind}" '
        f'autocomplete="{complete}" required>'
        for name, label, kind, complete in fields
    )
    next_part = escape(quote(target, safe="/?=&"))
    query = f"lang={lang}&next={next_part}"
    return f"""<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(_text(title_key, lang))} · {escape(_text("app.title", lang))}</title>
<link rel="stylesheet" href="/assets/00_bootstrap.min.css">
<link rel="stylesheet" href="/assets/app.css">
</head><body class="stm-root"><div class="stm-navbar navbar navbar-dark"><div class="container-xl">
<span class="navbar-brand stm-brand">{escape(_text("app.title", lang))}</span>
<a class="btn btn-sm btn-outline-light" href="{action}?lang={other}&next={next_part}">
{escape(_text("lang." + other, lang))}</a></div></div>
<main class="container" style="max-width:420px;margin-top:4rem">
<h1 class="h4 mb-3">{escape(_text(title_key, lang))}</h1>{intro}{alert}
<form method="post" action="{action}?{query}">
<input type="hidden" name="csrf" value="{token}">{inputs}
<button class="btn btn-primary w-100" id="login-submit" type="submit">
{escape(_text(submit_key, lang))}</button></form>
<p class="text-muted small mt-3">{escape(hint)}</p></main></body></html>"""
