"""The read-only API (/api/v1, 数据共享交换): bearer tokens, the pages' figures as JSON, CSV, xlsx
and SDMX-CSV, an OpenAPI description. A token acts as its user: the session door
(dashboard.data.session) gives leaders released months only, as in the browser."""

from __future__ import annotations

import flask

from dashboard.api import endpoints, gate, openapi

PREFIX = "/api/v1"


def register(server: flask.Flask) -> None:
    """Add the /api/v1 routes and their token gate to the Flask server."""
    bp = flask.Blueprint("api_v1", __name__, url_prefix=PREFIX)
    bp.before_request(gate.check)
    bp.after_request(gate.audit)
    for path, (fn, _doc) in endpoints.ROUTES.items():
        bp.add_url_rule(path, fn.__name__, fn, methods=["GET"])
    bp.add_url_rule("/openapi.json", "openapi", openapi.serve, methods=["GET"])
    bp.add_url_rule("/<path:rest>", "unknown", endpoints.unknown, methods=["GET"])
    server.register_blueprint(bp)
