"""Reading an API request: the pages' URL parameters (strictly), the partner filter, codes checked
against the reference tables, the filter and release an answer is of; errors as JSON."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import flask

from dashboard import data
from dashboard.api.respond import BadRequest, respond
from dashboard.filter_state import KEYS, FilterState, QueryError, from_query
from etl.exchange import serialize
from etl.filters import GROUP_PREFIX
from etl.queries import release as queries_release
from etl.queries.reference_tables import group_members, reference_table
from etl.release.scopes import scope_of

BY = ("direction", "mode", "category", "region", "partner")
_MONTH_OF_YEAR = re.compile(r"^[0-9]{1,2}$")  # the API's month=6 (with year), beside 2021-06
_PARTNER = re.compile(rf"^([A-Z]{{2}}|{GROUP_PREFIX}[A-Z][A-Z0-9_]{{0,19}})$")
CURRENCY_UNIT = {"USD": "usd_100m", "CNY": "cny_100m"}  # amounts stay minor units either way


def choice(name: str, choices: tuple[str, ...], default: str, upper: bool = False) -> str:
    """A parameter that must be one of choices (a 400 naming it otherwise)."""
    text = (flask.request.args.get(name) or default).strip()
    text = text.upper() if upper else text.lower()
    if text not in choices:
        raise BadRequest(name, f"{name} must be one of {', '.join(choices)}")
    return text


def units(currency: str, scope: str) -> dict:
    """The units block of an answer's metadata."""
    return serialize.units(currency, scope)


@dataclass(frozen=True)
class Asked:
    """What a request asks for: the pages' filter state, the partners, and the region as given
    (None: not given — a summary then covers every region, the top level by region)."""

    state: FilterState
    partners: tuple[str, ...]
    region: str | None


def page_query() -> str:
    """The request's query as a page's URL query. The API's own spellings are rewritten to the
    pages': `year` with `month` 1–12 -> month=YYYY-MM; `currency` USD/CNY -> unit."""
    args = {k: v.strip() for k, v in flask.request.args.items()}
    month, year = args.get("month", ""), args.get("year", "")
    if _MONTH_OF_YEAR.match(month):
        if not 1 <= int(month) <= 12:
            raise BadRequest("month", "month must be YYYY-MM, or 1 to 12 with year")
        if not (year.isdigit() and 1900 <= int(year) <= 2999):
            raise BadRequest("month", "month 1 to 12 needs year (or give month=YYYY-MM)")
        args["month"] = f"{int(year):04d}-{int(month):02d}"
        del args["year"]
    currency = args.pop("currency", "").upper()
    if currency:
        if currency not in CURRENCY_UNIT:
            raise BadRequest("currency", "currency must be USD or CNY")
        unit = args.get("unit", "").lower()
        if unit and (unit.startswith("cny") != (currency == "CNY")):
            raise BadRequest("currency", f"currency {currency} and unit {unit} disagree")
        args.setdefault("unit", CURRENCY_UNIT[currency])
    return urlencode({k: v for k, v in args.items() if k in KEYS})


def read_asked() -> Asked:
    """The pages' URL parameters, read strictly (a value the pages would drop is a 400), and the
    partner filter (ISO codes or group:CODE, comma-separated)."""
    try:
        state = from_query(page_query(), strict=True)
    except QueryError as exc:
        raise BadRequest(exc.key, exc.message) from None
    partners = []
    for code in (flask.request.args.get("partner") or "").split(","):
        code = code.strip()
        if not code:
            continue
        grouped = code.lower().startswith(GROUP_PREFIX)
        code = GROUP_PREFIX + code[len(GROUP_PREFIX) :].upper() if grouped else code.upper()
        if not _PARTNER.match(code):
            raise BadRequest(
                "partner", f"partner must be ISO codes (US) or group:CODE, not {code!r}"
            )
        if code not in partners:
            partners.append(code)
    region = state.region if (flask.request.args.get("region") or "").strip() else None
    return Asked(state, tuple(partners), region)


def check_codes(s, asked: Asked) -> None:
    """Codes that are well formed but not in the reference tables: a 400, never an empty answer."""
    from etl.reference import reference_codes

    ref = reference_codes(s)
    if asked.state.region not in ref.regions:
        raise BadRequest("region", f"unknown region {asked.state.region}")
    category_groups, partner_groups = (set(g["code"]) for g in group_members(s))
    asks = (
        ("cat", "category", asked.state.categories, category_groups, ref.categories),
        ("partner", "partner", asked.partners, partner_groups, ref.partners),
    )
    for parameter, noun, codes, groups, plain in asks:
        for code in codes:
            grouped = code.startswith(GROUP_PREFIX)
            if (code[len(GROUP_PREFIX) :] in groups) if grouped else (code in plain):
                continue
            raise BadRequest(parameter, f"unknown {noun} {code}")


def filter_meta(asked: Asked) -> dict:
    """The filter an answer is of, as the pages' URL would say it."""
    state = asked.state
    return {
        "region": asked.region,
        "direction": state.direction,
        "categories": list(state.categories),
        "modes": list(state.modes),  # empty: every mode the scope counts
        "partners": list(asked.partners),
        "scope": state.scope,
    }


def release_meta(s, region: str, end: int | None) -> dict | None:
    """The current release of the window's last month in the region's scope (None: unreleased)."""
    if end is None:
        return None
    table = reference_table(s, "region")
    parents = {
        c: (p if isinstance(p, str) else None) for c, p in zip(table["code"], table["parent_code"])
    }
    scope = scope_of(region, parents)
    release = queries_release.current_release(s, scope, end)
    if release is None:
        return None
    return {
        "scope": scope,
        "period": release.period,
        "revision": release.revision,
        "status": release.status,
        "released_at": release.released_at.isoformat() if release.released_at else None,
    }


def handle(fn):
    """Run an endpoint; a bad parameter is a 400 naming it; no database a 503."""

    def endpoint():
        try:
            answer, name = fn()
            return respond(answer, name)
        except BadRequest as exc:
            return flask.jsonify(
                error="bad request", parameter=exc.parameter, message=exc.message
            ), 400
        except data.DatabaseUnavailable:
            return flask.jsonify(error="database unavailable"), 503

    endpoint.__name__ = fn.__name__
    endpoint.__doc__ = fn.__doc__
    return endpoint
