"""The API's door: a bearer token (401 when missing, unknown, expired, revoked or its user is
disabled), a rate limit per token (429), and an audit entry for every request, refused or not."""

from __future__ import annotations

import datetime as dt
import time

import flask

from dashboard.context import CONFIG_KEY
from etl import accounts
from etl.exchange.tokens import check_token

ANONYMOUS = "(api)"  # who a request without a valid token is recorded as


def _context():
    return flask.current_app.config[CONFIG_KEY]


def _now() -> dt.datetime:
    """The clock the rate window reads (one place, so tests can hold it still)."""
    return dt.datetime.now(dt.timezone.utc)


def _bearer() -> str | None:
    header = flask.request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def check():
    """Before every /api/v1 request: who the token acts for, or 401/429."""
    flask.g.api_started = time.monotonic()
    if flask.request.path.endswith("/openapi.json"):
        return None  # the description is public: it holds no figures
    ctx = _context()
    now = _now()
    with ctx.session_factory.begin() as session:
        checked = check_token(session, _bearer(), now)
    flask.g.api_token_id = checked.token_id
    if checked.principal is None:
        flask.g.api_refusal = checked.reason
        response = flask.jsonify(error="unauthorized", reason=checked.reason)
        response.status_code = 401
        response.headers["WWW-Authenticate"] = 'Bearer realm="stm-api"'
        return response
    flask.g.api_principal = checked.principal
    limit = ctx.settings.api_rate_per_minute
    if checked.requests_this_minute > limit:
        flask.g.api_refusal = "rate_limited"
        response = flask.jsonify(error="rate limited", limit_per_minute=limit)
        response.status_code = 429
        response.headers["Retry-After"] = str(60 - int(now.timestamp()) % 60)
        return response
    return None


def audit(response: flask.Response) -> flask.Response:
    """After every /api/v1 request: one audit_log entry (who, path, query, status, token)."""
    principal = flask.g.get("api_principal")
    detail = {
        "path": flask.request.path,
        "query": flask.request.query_string.decode("utf-8", "replace")[:500],
        "status": response.status_code,
        "token": flask.g.get("api_token_id"),
        "ms": round((time.monotonic() - flask.g.get("api_started", time.monotonic())) * 1000),
    }
    if flask.g.get("api_refusal"):
        detail["refused"] = flask.g.api_refusal
    with _context().session_factory.begin() as session:
        accounts.audit(
            session,
            principal.username if principal else ANONYMOUS,
            "api_request",
            detail,
            flask.request.remote_addr,
        )
    response.headers["Cache-Control"] = "no-store"
    return response
