"""The routes of the sign-in forms: /login, /account/password, /logout and /view-as."""

from __future__ import annotations

import secrets
from urllib.parse import urlparse

import flask
from flask_login import current_user, logout_user

from dashboard.auth import AS_LEADER, PASSWORD_PATH, csrf_token, current_principal, session_factory
from dashboard.auth.form_page import form_page, text
from dashboard.auth.sessions import start_session
from etl import accounts
from etl.db import write_first


def login():
    """GET shows the sign-in form; POST (with the session's token) signs in."""
    lang = "en" if flask.request.args.get("lang") == "en" else "zh"
    target = _safe_next(flask.request.args.get("next"))
    error = ""
    if flask.request.method == "POST":
        form = flask.request.form
        if not _csrf_ok(form):
            flask.abort(400)
        principal = accounts.sign_in(
            session_factory(),
            form.get("username", "").strip(),
            form.get("password", ""),
            flask.request.remote_addr,
        )
        if principal is not None:
            flask.session.clear()
            start_session(principal)
            if principal.must_change_password:
                return flask.redirect(f"{PASSWORD_PATH}?lang={lang}&next={target}")
            return flask.redirect(target)
        error = text("auth.failed", lang)
    fields = [
        ("username", "auth.username", "text", "username"),
        ("password", "auth.password", "password", "current-password"),
    ]
    return form_page(
        lang,
        "/login",
        target,
        csrf_token(),
        fields,
        "auth.title",
        "auth.submit",
        error,
        text("auth.hint", lang),
    )


def _csrf_ok(form) -> bool:
    # A session without a token (never saw the form) must not match an empty field.
    expected = flask.session.get("csrf", "")
    return bool(expected) and secrets.compare_digest(form.get("csrf", ""), expected)


def change_password():
    """GET shows the password form; POST (with the token) changes it, this session stays."""
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
                with session_factory().begin() as session:
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
                error = text(
                    "auth.pw.wrong_current" if "current" in str(exc) else "auth.pw.weak", lang
                )
            else:
                start_session(updated)  # the new version: this session stays, copies do not
                return flask.redirect(target)
    lead = text("auth.pw.one_time" if principal.must_change_password else "auth.pw.lead", lang)
    fields = [
        ("current", "auth.pw.current", "password", "current-password"),
        ("new", "auth.pw.new", "password", "new-password"),
        ("repeat", "auth.pw.repeat", "password", "new-password"),
    ]
    return form_page(
        lang,
        PASSWORD_PATH,
        target,
        csrf_token(),
        fields,
        "auth.pw.title",
        "auth.pw.submit",
        error,
        text("auth.pw.rule", lang),
        lead=lead,
    )


def _new_password_problem(form, lang: str) -> str:
    if form.get("new", "") != form.get("repeat", ""):
        return text("auth.pw.mismatch", lang)
    try:
        accounts.check_password_strength(form.get("new", ""))
    except accounts.AccountError:
        return text("auth.pw.weak", lang)
    return ""


def logout():
    """POST with the session's token signs out (everywhere); GET only asks to confirm.

    A GET that signed out would let any other site sign a person out with an image tag.
    """
    principal = current_principal()
    lang = "en" if flask.request.args.get("lang") == "en" else "zh"
    if principal is None:
        return flask.redirect("/login")
    if flask.request.method == "GET":
        return form_page(
            lang, "/logout", "/", csrf_token(), [], "auth.logout", "auth.logout", "", ""
        )
    if not _csrf_ok(flask.request.form):
        flask.abort(400)
    with session_factory().begin() as session:
        # Read-then-write: on SQLite take the write lock first, or a sign-out racing another
        # write fails with "database is locked" (HTTP 500) instead of waiting its turn.
        write_first(session)
        accounts.end_sessions(session, principal.username)
        accounts.audit(session, principal.username, "logout", {}, flask.request.remote_addr)
    logout_user()
    flask.session.clear()
    return flask.redirect("/login")


def view_as():
    """POST (with the session's token): switch the "as leaders see it" view on or off.

    Only for roles that see enterprise-level figures; leaders always see the circulated view.
    """
    principal = current_principal()
    if principal is None or not principal.can("view_enterprises"):
        flask.abort(403)
    if not _csrf_ok(flask.request.form):
        flask.abort(400)
    flask.session[AS_LEADER] = flask.request.form.get("as") == "leader"
    with session_factory().begin() as session:
        accounts.audit(
            session,
            principal.username,
            "view_as",
            {"as_leader": flask.session[AS_LEADER]},
            flask.request.remote_addr,
        )
    return flask.redirect(_safe_next(flask.request.form.get("next")))


def _safe_next(target: str | None) -> str:
    # Only same-site paths: never redirect a signed-in person to another host.
    if not target or urlparse(target).netloc or not target.startswith("/"):
        return "/"
    if target.startswith("//"):
        return "/"
    return target
