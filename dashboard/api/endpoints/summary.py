"""The summary endpoints (/totals, /modes, /categories, /regions, /partners): what `etl summary`
answers — a window with 同比 by a dimension — for the pages' filter and the token's role."""

from __future__ import annotations

import pandas as pd

from dashboard import data
from dashboard.api.endpoints.request import (
    BY,
    Asked,
    check_codes,
    choice,
    filter_meta,
    handle,
    read_asked,
    release_meta,
    units,
)
from dashboard.api.respond import Answer
from dashboard.filter_state import CATEGORY_GROUPS
from etl.exchange import serialize
from etl.periods import add_months, format_period
from etl.queries.reference_tables import reference_table

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
# SDMX dimension of each breakdown, and the code of "all" in it (SDMX's _T: total).
SDMX_DIMENSION = {
    "direction": "FLOW",
    "mode": "MODE",
    "category": "SERVICE",
    "region": "REF_AREA",
    "partner": "COUNTERPART_AREA",
}
SUMMARY_DIMENSIONS = ("FREQ", "REF_AREA", "FLOW", "SERVICE", "MODE", "COUNTERPART_AREA", "SCOPE")


def _summary_answer(by: str, with_groups: bool = False) -> Answer:
    """What `etl summary` answers (a window with 同比 by a dimension) for the pages' filter, for
    the token's role."""
    from etl.summary import summary_frame

    asked = read_asked()
    state, region = asked.state, asked.region
    currency, scope = state.currency, state.scope
    with data.session() as s:
        check_codes(s, asked)
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
        release = release_meta(s, state.region, v.end)
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
        **filter_meta(asked),
        "units": units(currency, scope),
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
    groups = reference_table(s, "category_group")
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
    meta = {"by": by, "units": units(currency, scope), "note": why, "release": None}
    obs = pd.DataFrame(columns=[*SUMMARY_DIMENSIONS, "TIME_PERIOD", "value", "status"])
    return Answer(
        "DF_STM_" + by.upper(), meta, table, AMOUNTS, DERIVED, obs, SUMMARY_DIMENSIONS, currency
    )


@handle
def totals():
    """1–N月累计 (or a from–to range) with 同比 by a dimension (`by`), as `etl summary` answers
    it, for the pages' filter: month or year or from/to, region, dir, cat, mode, partner, scope,
    unit or currency."""
    by = choice("by", BY, "direction")
    return _summary_answer(by, with_groups=by == "category"), f"totals_{by}"


@handle
def modes():
    """The window by mode of supply (mode 3 beside the BOP total, never in it), for the pages'
    filter."""
    return _summary_answer("mode"), "modes"


@handle
def categories():
    """The window by main service category, and the followed category groups (not under a
    category filter), for the pages' filter."""
    return _summary_answer("category", with_groups=True), "categories"


@handle
def regions():
    """The window by the regions just below `region` (default: the top level), for the pages'
    filter."""
    return _summary_answer("region"), "regions"


@handle
def partners():
    """The window by partner economy, for the pages' filter."""
    return _summary_answer("partner"), "partners"
