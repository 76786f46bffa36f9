"""The OpenAPI 3.0 description of /api/v1, built from the routes (served without a token)."""

from __future__ import annotations

import flask

from dashboard.api.endpoints import BY, ROUTES
from dashboard.api.respond import FORMATS


def _param(name: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


SUMMARY_PARAMS = [
    _param("year", "year (default: the newest with data; leaders: released)", {"type": "integer"}),
    _param(
        "month",
        "1–N月累计 up to this month (default: the newest of the year)",
        {"type": "integer", "minimum": 1, "maximum": 12},
    ),
    _param(
        "region", "region code (120000 天津市, 500000-LJ 两江新区, districts …)", {"type": "string"}
    ),
    _param("currency", "USD (cents) or CNY (fen)", {"type": "string", "enum": ["USD", "CNY"]}),
    _param(
        "scope",
        "口径: bop (modes 1, 2, 4) or full (mode 3 added)",
        {"type": "string", "enum": ["bop", "full"]},
    ),
    _param(
        "dir", "both, X (exports) or M (imports)", {"type": "string", "enum": ["both", "X", "M"]}
    ),
]
PAGE_PARAMS = [
    _param("month", "YYYY-MM: 1–N月累计 of its year", {"type": "string"}),
    _param("year", "a calendar year", {"type": "string"}),
    _param("from", "YYYY-MM: first month of a range (with to)", {"type": "string"}),
    _param("to", "YYYY-MM: last month of a range", {"type": "string"}),
    _param("region", "region code", {"type": "string"}),
    _param("dir", "X or M", {"type": "string"}),
    _param("cat", "categories: EBOPS codes and group:CODE, comma-separated", {"type": "string"}),
    _param("mode", "modes of supply, comma-separated", {"type": "string"}),
    _param("unit", "usd_100m | usd_10k | cny_100m (sets the currency)", {"type": "string"}),
    _param("scope", "bop or full", {"type": "string"}),
]
FORMAT = _param(
    "format",
    "json (default), csv, xlsx, or sdmx-csv (SDMX-CSV 1.0: DATAFLOW with the release as version, "
    "dimensions, TIME_PERIOD, OBS_VALUE, OBS_STATUS C for protected cells, UNIT_MEASURE)",
    {"type": "string", "enum": list(FORMATS)},
)
PARAMS = {
    "/totals": [*SUMMARY_PARAMS, _param("by", "breakdown", {"type": "string", "enum": list(BY)})],
    "/modes": SUMMARY_PARAMS,
    "/categories": SUMMARY_PARAMS,
    "/regions": SUMMARY_PARAMS,
    "/partners": SUMMARY_PARAMS,
    "/series": PAGE_PARAMS,
    "/targets": [_param("month", "YYYY-MM: evaluate as of this month", {"type": "string"})],
    "/coverage": PAGE_PARAMS,
    "/releases": [_param("scope", "120000 or 500000-LJ", {"type": "string"})],
}
RESPONSES = {
    "200": {
        "description": "meta (window, units: currency, minor units, 口径; release) and rows; "
        "a protected cell has null amounts and status C",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.sdmx.data+csv": {"schema": {"type": "string"}},
        },
    },
    "400": {"description": "a parameter the API cannot answer (named in the body)"},
    "401": {"description": "no token, or an unknown, expired or revoked one"},
    "429": {"description": "more requests this minute than STM_API_RATE_PER_MINUTE"},
}


def spec() -> dict:
    """The OpenAPI document."""
    paths = {}
    for path, (fn, summary) in ROUTES.items():
        params = list(PARAMS.get(path, []))
        params.append(FORMAT)
        paths[f"/api/v1{path}"] = {
            "get": {
                "summary": summary,
                "description": (fn.__doc__ or "").strip(),
                "parameters": params,
                "responses": RESPONSES,
                "security": [{"bearer": []}],
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "服务贸易统计监测 · Services Trade Monitor API",
            "version": "1",
            "description": "Read-only. A token acts as its user: leaders' tokens read released "
            "months only and protected cells as C. See docs/api.md.",
        },
        "paths": paths,
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }


def serve():
    """GET /api/v1/openapi.json."""
    return flask.jsonify(spec())
