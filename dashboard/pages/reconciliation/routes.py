"""Flask route of the 对比监测 page: the template of a file of published totals (xlsx).

A plain link rather than a Dash download, so it opens in a new tab; it sits behind the sign-in
gate like every path, and checks the reconcile right itself (page_data.template_bytes)."""

from __future__ import annotations

import flask

from dashboard.downloads import content_disposition
from dashboard.pages.reconciliation import data as page_data

PATH = "/reconciliation/template.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NAME = "公布数模板.xlsx"


def register(server: flask.Flask) -> None:
    """Add the route to the app's Flask server."""
    server.add_url_rule(PATH, "reconciliation_template", template)


def template() -> flask.Response:
    """The template: an empty 数据 sheet with the columns, and the notes."""
    response = flask.Response(page_data.template_bytes(), mimetype=XLSX)
    response.headers["Content-Disposition"] = content_disposition(
        NAME, "published_totals_template.xlsx"
    )
    response.headers["Cache-Control"] = "no-store"
    return response
