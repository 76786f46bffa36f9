"""The API's endpoints: each reads through the functions the pages use, in the session door
(dashboard.data.session: leaders get released months only), and answers in dashboard.api.respond."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import flask
import pandas as pd

from dashboard import data
from dashboard.api.respond import Answer, BadRequest, respond
from dashboard.filter_state import (
    CATEGORY_GROUPS,
    KEYS,
    FilterState,
    QueryError,
    from_query,
)
from etl.exchange import serialize
from etl.filters import GROUP_PREFIX
from etl.periods import add_months, format_period
from etl.queries import core as queries
from etl.queries import release as queries_release
from etl.release.scopes import scope_of

BY = ("direction", "mode", "category", "region", "partner")
SUMMARY_COLUMNS = (
    "code",
    "name_zh",
    "name_en",
    "current",
    "previous",
    "growth",
    "share",
    "share_change_pp",
    "contribution_pp",
)
AMOUNTS = ("current", "previous")
DERIVED = ("growth", "share", "share_previous", "share_change_pp", "contribution_pp")
_MONTH_OF_YEAR = re.compile(r"^[0-9]{1,2}$")  # the API's month=6 (with year), beside 2021-06
_PARTNER = re.compile(rf"^([A-Z]{{2}}|{GROUP_PREFIX}[A-Z][A-Z0-9_]{{0,19}})$")
CURRENCY_UNIT = {"USD": "usd_100m", "CNY": "cny_100m"}  # amounts stay minor units either way
# SDMX dimension of each breakdown, and the code of "all" in it (SDMX's _T: total).
SDMX_DIMENSION = {
    "direction": "FLOW",
    "mode": "MODE",
    "category": "SERVICE",
    "region": "REF_AREA",
    "partner": "COUNTERPART_AREA",
}
SUMMARY_DIMENSIONS = ("FREQ", "REF_AREA", "FLOW", "SERVICE", "MODE", "COUNTERPART_AREA", "SCOPE")


def _choice(name: str, choices: tuple[str, ...], default: str, upper: bool = False) -> str:
    text = (flask.request.args.get(name) or default).strip()
    text = text.upper() if upper else text.lower()
    if text not in choices:
        raise BadRequest(name, f"{name} must be one of {', '.join(choices)}")
    return text


def _units(currency: str, scope: str) -> dict:
    return serialize.units(currency, scope)


@dataclass(frozen=True)
class Asked:
    """What a request asks for: the pages' filter state, the partners, and the region as given
    (None: not given — a summary then covers every region, the top level by region)."""

    state: FilterState
    partners: tuple[str, ...]
    region: str | None


def _page_query() -> str:
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


def _asked() -> Asked:
    """The pages' URL parameters, read strictly (a value the pages would drop is a 400), and the
    partner filter (ISO codes or group:CODE, comma-separated)."""
    try:
        state = from_query(_page_query(), strict=True)
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


def _check_codes(s, asked: Asked) -> None:
    """Codes that are well formed but not in the reference tables: a 400, never an empty answer."""
    from etl.reference import reference_codes

    ref = reference_codes(s)
    if asked.state.region not in ref.regions:
        raise BadRequest("region", f"unknown region {asked.state.region}")
    category_groups, partner_groups = (set(g["code"]) for g in queries.group_members(s))
    for code in asked.state.categories:
        known = (
            code[len(GROUP_PREFIX) :] in category_groups
            if code.startswith(GROUP_PREFIX)
            else code in ref.categories
        )
        if not known:
            raise BadRequest("cat", f"unknown category {code}")
    for code in asked.partners:
        known = (
            code[len(GROUP_PREFIX) :] in partner_groups
            if code.startswith(GROUP_PREFIX)
            else code in ref.partners
        )
        if not known:
            raise BadRequest("partner", f"unknown partner {code}")


def _filter_meta(asked: Asked) -> dict:
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


def _release_meta(s, region: str, end: int | None) -> dict | None:
    """The current release of the window's last month in the region's scope (None: unreleased)."""
    if end is None:
        return None
    table = queries.reference_table(s, "region")
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


def _summary_answer(by: str, with_groups: bool = False) -> Answer:
    """What `etl summary` answers (a window with 同比 by a dimension) for the pages' filter, for
    the token's role."""
    from etl.summary import summary_frame

    asked = _asked()
    state, region = asked.state, asked.region
    currency, scope = state.currency, state.scope
    with data.session() as s:
        _check_codes(s, asked)
        v = data.view_of(s, state)  # leaders: cut to the latest released month of the scope
        if v.end is None:
            return _empty(by, currency, scope, "no months with data for this request")
        year, month = v.end // 100, v.end % 100
        kw = dict(
            full_scope=state.full_scope,
            directions=state.directions,
            modes=state.modes,
            partners=asked.partners,
            start=v.start,
        )
        frame = summary_frame(
            s, year, month, region, by, currency, categories=state.categories, **kw
        )
        groups = None
        if with_groups and not state.categories:  # a group within a category filter: no slice
            groups = _group_rows(s, summary_frame, year, month, region, currency, kw, frame)
        release = _release_meta(s, state.region, v.end)
    meta = {
        "endpoint": by if by != "direction" else "totals",
        "year": year,
        "months": f"{v.start % 100}-{month}" if v.start // 100 == year else None,
        "window": {"from": format_period(v.start), "to": format_period(v.end)},
        "previous_window": {
            "from": format_period(add_months(v.start, -12)),
            "to": format_period(add_months(v.end, -12)),
        },
        "by": by,
        **_filter_meta(asked),
        "units": _units(currency, scope),
        "release": release,
        "unreleased_months": [format_period(p) for p in v.unreleased],
        "columns": {
            "current": "the window (1–N月累计, or from-to), minor units",
            "previous": "the same months a year earlier, minor units",
            "growth": "同比, a ratio (0.1 = 10%)",
            "share": "share of the total (first row), a ratio",
            "share_change_pp": "change of the share, 百分点",
            "contribution_pp": "contribution to the total's growth, 百分点",
        },
    }
    if with_groups and groups is None:
        meta["groups_note"] = "no category groups under a category filter"
    table = _summary_table(frame)
    obs = _summary_observations(table, by, asked, v.start, v.end)
    extra = {}
    if with_groups:
        if groups is None:
            groups = pd.DataFrame(columns=list(SUMMARY_COLUMNS))
        extra["groups"] = (groups, AMOUNTS, DERIVED)
        obs = pd.concat(
            [obs, _summary_observations(groups, "category", asked, v.start, v.end)],
            ignore_index=True,
        )
    return Answer(
        "DF_STM_" + meta["endpoint"].upper(),
        meta,
        table,
        AMOUNTS,
        DERIVED,
        obs,
        SUMMARY_DIMENSIONS,
        currency,
        release,
        extra,
    )


def _summary_table(frame: pd.DataFrame) -> pd.DataFrame:
    columns = [c for c in SUMMARY_COLUMNS if c in frame.columns]
    if "status" in frame.columns:
        columns.append("status")
    table = frame[columns].copy()
    table["code"] = table["code"].astype(str)
    return table


def _group_rows(s, summary_frame, year, month, region, currency, kw, frame) -> pd.DataFrame:
    """The followed category groups (支柱, 新兴, 知识密集型): each the total row of its own slice."""
    groups = queries.reference_table(s, "category_group")
    names = groups.drop_duplicates("code").set_index("code")
    total = frame.iloc[0]["current"] if len(frame) else None
    rows = []
    for code in CATEGORY_GROUPS:
        part = summary_frame(
            s, year, month, region, "direction", currency, categories=(f"group:{code}",), **kw
        )
        row = part.iloc[0].to_dict()
        row["code"] = f"group:{code}"
        row["name_zh"] = names.loc[code, "name_zh"] if code in names.index else code
        row["name_en"] = names.loc[code, "name_en"] if code in names.index else code
        cur = row.get("current")
        ok = total is not None and not pd.isna(total) and total and cur is not None
        row["share"] = (cur / total) if ok and not pd.isna(cur) else None
        for column in ("share_change_pp", "contribution_pp"):
            row[column] = None  # of the group's own slice: meaningless against the total
        rows.append(row)
    return _summary_table(pd.DataFrame(rows))


def _summary_observations(table, by, asked: Asked, start, end) -> pd.DataFrame:
    """SDMX observations of a summary: current and previous window, one per row; the filter's
    codes in the dimensions it fixes."""
    state = asked.state
    flow = "XM" if state.direction == "both" else state.direction
    rows = []
    for _, r in table.iterrows():
        key = {
            "FREQ": "M",
            "REF_AREA": asked.region or "_T",
            "FLOW": flow,
            "SERVICE": ",".join(state.categories) or "_T",
            "MODE": ",".join(map(str, state.modes)) or "_T",
            "COUNTERPART_AREA": ",".join(asked.partners) or "W1",  # W1: the rest of the world
            "SCOPE": state.scope.upper(),
        }
        code = str(r["code"])
        if code != "TOTAL":
            key[SDMX_DIMENSION[by]] = code
        status = r.get("status") if "status" in table.columns else None
        for back in (0, 12):
            rows.append(
                {
                    **key,
                    "TIME_PERIOD": serialize.time_period(
                        add_months(start, -back), add_months(end, -back)
                    ),
                    "value": r["current" if back == 0 else "previous"],
                    "status": status,
                }
            )
    return pd.DataFrame(rows, columns=[*SUMMARY_DIMENSIONS, "TIME_PERIOD", "value", "status"])


def _empty(by: str, currency: str, scope: str, why: str) -> Answer:
    table = pd.DataFrame(columns=list(SUMMARY_COLUMNS))
    meta = {"by": by, "units": _units(currency, scope), "note": why, "release": None}
    obs = pd.DataFrame(columns=[*SUMMARY_DIMENSIONS, "TIME_PERIOD", "value", "status"])
    return Answer(
        "DF_STM_" + by.upper(), meta, table, AMOUNTS, DERIVED, obs, SUMMARY_DIMENSIONS, currency
    )


def _handle(fn):
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


@_handle
def totals():
    """1–N月累计 (or a from–to range) with 同比 by a dimension (`by`), as `etl summary` answers
    it, for the pages' filter: month or year or from/to, region, dir, cat, mode, partner, scope,
    unit or currency."""
    by = _choice("by", BY, "direction")
    return _summary_answer(by, with_groups=by == "category"), f"totals_{by}"


@_handle
def modes():
    """The window by mode of supply (mode 3 beside the BOP total, never in it), for the pages'
    filter."""
    return _summary_answer("mode"), "modes"


@_handle
def categories():
    """The window by main service category, and the followed category groups (not under a
    category filter), for the pages' filter."""
    return _summary_answer("category", with_groups=True), "categories"


@_handle
def regions():
    """The window by the regions just below `region` (default: the top level), for the pages'
    filter."""
    return _summary_answer("region"), "regions"


@_handle
def partners():
    """The window by partner economy, for the pages' filter."""
    return _summary_answer("partner"), "partners"


@_handle
def series():
    """Monthly amounts of the pages' filter (the trend chart), from a year before the first month
    shown, with 同比 per month."""
    asked = _asked()
    state = asked.state
    with data.session() as s:
        _check_codes(s, asked)
    v, frame, shown = data.monthly_trend(state, asked.partners)
    frame = frame.copy()
    table = pd.DataFrame(columns=["period", "amount", "previous", "growth"])
    time_periods = table["period"]
    if len(frame):
        frame = frame.sort_values("period")
        previous = dict(zip(frame["period"], frame["amount"]))
        frame["previous"] = [previous.get(add_months(p, -12)) for p in frame["period"]]
        # NA (a protected month, or none a year earlier) gives no growth, never a number
        frame["growth"] = [
            None if pd.isna(a) or pd.isna(b) or b == 0 else (a - b) / b
            for a, b in zip(frame["amount"], frame["previous"])
        ]
        frame = frame[frame["period"] >= (shown or 0)]
        # A circulated February holds January (1–2月 is one released figure): say so.
        periods = set(frame["period"])
        combined = [v.circulated and p % 100 == 2 and p - 1 not in periods for p in frame["period"]]
        frame["TIME_PERIOD"] = [
            serialize.time_period(p - 1, p) if c else format_period(p)
            for p, c in zip(frame["period"], combined)
        ]
        frame["period"] = [
            f"{format_period(p - 1)}/{format_period(p)}" if c else format_period(p)
            for p, c in zip(frame["period"], combined)
        ]
        keep = ["period", "amount", "previous", "growth"] + (
            ["status"] if "status" in frame else []
        )
        time_periods = frame["TIME_PERIOD"].reset_index(drop=True)
        table = frame[keep].reset_index(drop=True)
    with data.session() as s:
        release = _release_meta(s, state.region, v.end)
    meta = {
        "endpoint": "series",
        **_filter_meta(asked),
        "region": state.region,
        "window": {"from": format_period(v.start), "to": format_period(v.end)} if v.end else None,
        "units": _units(state.currency, state.scope),
        "release": release,
        "unreleased_months": [format_period(p) for p in v.unreleased],
    }
    flow = "XM" if state.direction == "both" else state.direction
    obs = pd.DataFrame(
        {
            "FREQ": "M",
            "REF_AREA": state.region,
            "FLOW": flow,
            "SERVICE": ",".join(state.categories) or "_T",
            "MODE": ",".join(map(str, state.modes)) or "_T",
            "COUNTERPART_AREA": ",".join(asked.partners) or "W1",
            "SCOPE": state.scope.upper(),
            "TIME_PERIOD": time_periods.astype(str),
            "value": table["amount"],
            "status": table["status"] if "status" in table else None,
        }
    )
    answer = Answer(
        "DF_STM_SERIES",
        meta,
        table,
        ("amount", "previous"),
        ("growth",),
        obs,
        SUMMARY_DIMENSIONS,
        state.currency,
        release,
    )
    return answer, "series"


@_handle
def targets():
    """Every policy target's windows as of a month: status, actual, required, projection."""
    from etl.targets.vocabulary import status_word

    month = flask.request.args.get("month")
    state = from_query(f"month={month}" if month else "")
    v = data.view(state)  # leaders: cut to the latest released month
    overview = data.targets_overview(v.end)
    rows = []
    for result in overview.results:
        t = result.target
        for ev in result.evaluations:
            rows.append(
                {
                    "target": t.code,
                    "region": t.region_code,
                    "name_zh": t.name_zh,
                    "name_en": t.name_en,
                    "measure": t.measure,
                    "kind": t.kind,
                    "window": ev.window.key,
                    "window_zh": ev.window.label_zh,
                    "status": ev.status,
                    "status_zh": status_word(ev.status),
                    "actual": ev.actual,
                    "required": ev.required,
                    "growth": ev.growth,
                    "projection": ev.projection,
                    "needed_growth_remaining": ev.needed_growth_remaining,
                    "months": f"{ev.months_reported}/{ev.months_total}",
                }
            )
    table = pd.DataFrame(rows)
    meta = {
        "endpoint": "targets",
        "as_of": format_period(overview.as_of) if overview.as_of else None,
        "units": {
            "currency": "USD",
            "actual_required": "level targets: US cents; growth targets: ratios (0.1 = 10%); "
            "share targets: ratios",
        },
    }
    return Answer("DF_STM_TARGETS", meta, table), "targets"


@_handle
def coverage():
    """Key enterprises expected / reported / on time / late / missing for the view's month."""
    asked = _asked()
    state = asked.state
    with data.session() as s:
        _check_codes(s, asked)
    v, summary = data.coverage_line(state)
    row = dict(summary or {})
    counts = ("expected", "reported", "on_time", "late", "missing")
    row = {
        k: int(x) if k in counts and x is not None and not pd.isna(x) else x for k, x in row.items()
    }
    table = pd.DataFrame([row], dtype=object) if row else pd.DataFrame()
    meta = {
        "endpoint": "coverage",
        "region": state.region,
        "month": format_period(v.end) if v.end else None,
        "units": {"counts": "enterprises", "shares": "ratios (0.9 = 90%)"},
    }
    return Answer("DF_STM_COVERAGE", meta, table), "coverage"


@_handle
def releases():
    """The releases (数据发布): scope, month, revision, 初步/final, when."""
    scope = (flask.request.args.get("scope") or "").strip().upper() or None
    with data.session() as s:
        rows = [
            {
                "scope": r.scope_code,
                "month": format_period(r.period),
                "revision": r.revision,
                "current": bool(r.current),
                "status": r.status,
                "released_at": r.released_at.isoformat() if r.released_at else None,
            }
            for r in queries_release.releases(s, scope)
        ]
    table = pd.DataFrame(
        rows, columns=["scope", "month", "revision", "current", "status", "released_at"]
    )
    return Answer("DF_STM_RELEASES", {"endpoint": "releases", "scope": scope}, table), "releases"


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
