"""The API's endpoints: each reads through the functions the pages use, in the session door
(dashboard.data.session: leaders get released months only), and answers in dashboard.api.respond.

request (reading the query, errors) is the floor; summary, series and status are the endpoint
families and import request only (series also summary's SDMX dimensions).
"""

from __future__ import annotations

import flask

from dashboard.api.endpoints.request import BY
from dashboard.api.endpoints.series import series
from dashboard.api.endpoints.status import coverage, releases, targets
from dashboard.api.endpoints.summary import categories, modes, partners, regions, totals

__all__ = ["BY", "ROUTES", "unknown"]


def unknown(rest: str = ""):
    """Anything else under /api/v1 (after the token check: no probing without a token)."""
    return flask.jsonify(error="not found", path=f"/api/v1/{rest}"), 404


ROUTES = {
    "/totals": (totals, "1–N月累计 with 同比 (etl summary)"),
    "/modes": (modes, "by mode of supply"),
    "/categories": (categories, "by service category, with groups"),
    "/regions": (regions, "by region"),
    "/partners": (partners, "by partner"),
    "/series": (series, "monthly series"),
    "/targets": (targets, "policy targets"),
    "/coverage": (coverage, "key-enterprise reporting coverage"),
    "/releases": (releases, "release list"),
}
