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


# The pages' URL parameters (dashboard/filter_state.py), read strictly: a value the pages would
# drop is a 400 naming it. The API's older spellings (year with month 1–12, currency) still work.
PAGE_PARAMS = [
    _param(
        "month",
        "YYYY-MM: 1–N月累计 of its year up to this month, as the pages' month= (default: the "
        "newest month with data; leaders: the newest released). The older form month=1..12 "
        "with year is still taken.",
        {"type": "string", "example": "2021-06"},
    ),
    _param(
        "year",
        "YYYY: the calendar year (1–N月 while it is open); with month 1–12, 1–N月 of that year",
        {"type": "string", "example": "2021"},
    ),
    _param("from", "YYYY-MM: first month of a range (with to)", {"type": "string"}),
    _param("to", "YYYY-MM: last month of a range (with from)", {"type": "string"}),
    _param(
        "region",
        "region code (120000 天津市, 500000-LJ 两江新区, districts …); summaries without it cover "
        "every region (by region: the top level)",
        {"type": "string"},
    ),
    _param("dir", "both (default), X (exports) or M (imports)", {"type": "string"}),
    _param(
        "cat",
        "categories: EBOPS codes (main SA–SL or sub-items) and group:CODE (group:KIS, "
        "group:TJ_PILLAR, group:TJ_EMERGING), comma-separated",
        {"type": "string", "example": "SC,group:KIS"},
    ),
    _param(
        "mode",
        "modes of supply 1, 2, 4 (and 3 with scope=full), comma-separated; default every mode "
        "the scope counts",
        {"type": "string", "example": "1,2"},
    ),
    _param(
        "partner",
        "partner economies: ISO codes or group:CODE (group:BRI65 …), comma-separated",
        {"type": "string", "example": "US"},
    ),
    _param(
        "unit",
        "usd_100m | usd_10k | cny_100m, as the pages: it picks the currency (USD or CNY); "
        "amounts are always integers of minor units, with exact 亿 text beside them",
        {"type": "string"},
    ),
    _param(
        "currency",
        "USD (amounts in cents) or CNY (in fen); the same as unit",
        {"type": "string", "enum": ["USD", "CNY"]},
    ),
    _param(
        "scope",
        "口径: bop (modes 1, 2, 4; default) or full (mode 3 added)",
        {"type": "string", "enum": ["bop", "full"]},
    ),
]
SUMMARY_PARAMS = PAGE_PARAMS
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
    "400": {
        "description": "a parameter the API cannot answer: a value the pages would not take, or "
        "an unknown code",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "error": {"type": "string", "example": "bad request"},
                        "parameter": {"type": "string", "example": "cat"},
                        "message": {"type": "string", "example": "unknown category SA999"},
                    },
                }
            }
        },
    },
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
