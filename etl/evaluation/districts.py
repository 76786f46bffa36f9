"""District evaluation: the districts and new areas of a city ranked for a window (区域评价).

For each region just below the city (stored regions roll up: 滨海新区 includes its functional
zones): the window's amount, the same months a year earlier (current versions, 同口径), growth,
share of the city, contribution to the city's growth in 百分点, rank by amount, and reporting
coverage as the number of enterprises with a report in the window against the year before. The
key-enterprise register (重点联系企业名录) that coverage should be measured against comes later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from etl.aggregates import growth, ratio, total
from etl.data_version import reads_protected
from etl.filters import ReportFilter
from etl.periods import add_months
from etl.queries import enterprises as queries_enterprises
from etl.queries import figures as queries_figures
from etl.queries.windows import region_window_totals
from etl.reference import reference_codes

TOTAL = "TOTAL"
COLUMNS = [
    "code",
    "current",
    "previous",
    "growth",
    "share",
    "share_previous",
    "contribution_pp",
    "rank",
    "enterprises",
    "enterprises_previous",
]


def roll_up(code: str, parents: dict[str, str | None], root: str) -> str | None:
    """The region just below root that code belongs to; root itself; None when outside root."""
    chain = [code]
    while parents.get(chain[-1]):
        chain.append(parents[chain[-1]])
    if root not in chain:
        return None
    return root if chain[0] == root else chain[chain.index(root) - 1]


def _by_child(frame: pd.DataFrame, parents, root) -> pd.Series:
    return frame["region_code"].map(lambda c: roll_up(c, parents, root))


def district_evaluation(
    amounts: pd.DataFrame,
    reporters: pd.DataFrame,
    reporters_before: pd.DataFrame,
    parents: dict[str, str | None],
    root: str,
    start: int,
    end: int,
    windows: Mapping[str, list] | None = None,
) -> pd.DataFrame:
    """Rows per child region of root for start..end; the first row (code TOTAL) is the city.

    windows: code (a child, or TOTAL for root) -> [current, previous] read as figures of their
    own (etl.queries.windows.region_window_totals): they replace the sums of the months, so a
    leader sees every window the published cells fix, not C wherever one month is hidden."""
    # amounts: period, region_code, amount (cents) over start − 12 months .. end; reporters and
    # reporters_before: distinct (region_code, uscc) with a report in the window / a year earlier.
    # contribution_pp is in percentage points: (current − previous) / city previous × 100.
    amounts = amounts.assign(child=_by_child(amounts, parents, root)).dropna(subset=["child"])
    in_window = amounts["period"].between(start, end)
    in_base = amounts["period"].between(add_months(start, -12), add_months(end, -12))
    children = [c for c, p in parents.items() if p == root]
    stored_at_root = set(amounts["child"]) | set(_by_child(reporters, parents, root))
    codes = children + ([root] if root in stored_at_root else [])
    out = pd.DataFrame({"code": codes})
    # a child with a protected amount (disclosure control) is protected: never a partial sum
    cur = amounts[in_window].groupby("child")["amount"].sum(skipna=False)
    prev = amounts[in_base].groupby("child")["amount"].sum(skipna=False)
    out["current"] = cur.reindex(out["code"], fill_value=0).astype("Int64").to_numpy()
    out["previous"] = prev.reindex(out["code"], fill_value=0).astype("Int64").to_numpy()
    windows = windows or {}
    for i, code in enumerate(out["code"]):
        if code in windows and code != root:  # root's row here is its own part (本级)
            out.loc[i, ["current", "previous"]] = windows[code]
    out["enterprises"] = out["code"].map(_count(reporters, parents, root)).fillna(0).astype(int)
    out["enterprises_previous"] = (
        out["code"].map(_count(reporters_before, parents, root)).fillna(0).astype(int)
    )
    city = pd.DataFrame(
        {
            "code": [TOTAL],
            "current": [windows[TOTAL][0] if TOTAL in windows else total(out["current"])],
            "previous": [windows[TOTAL][1] if TOTAL in windows else total(out["previous"])],
            "enterprises": [_distinct(reporters, parents, root)],
            "enterprises_previous": [_distinct(reporters_before, parents, root)],
        }
    )
    t_cur, t_prev = city["current"][0], city["previous"][0]
    out = pd.concat([city, out], ignore_index=True)
    out["current"] = out["current"].astype("Int64")
    out["previous"] = out["previous"].astype("Int64")
    out["growth"] = [growth(c, p) for c, p in zip(out["current"], out["previous"])]
    out["share"] = [ratio(c, t_cur) for c in out["current"]]
    out["share_previous"] = [ratio(p, t_prev) for p in out["previous"]]
    out["contribution_pp"] = [
        _points(ratio(c - p, t_prev)) for c, p in zip(out["current"], out["previous"])
    ]
    ranks = out.loc[1:, "current"].rank(ascending=False, method="min")
    out["rank"] = pd.Series(
        [None] + [None if pd.isna(r) else int(r) for r in ranks], dtype="object"
    )
    body = out.iloc[1:].sort_values(
        ["current", "code"], ascending=[False, True], na_position="last"
    )
    return pd.concat([out.iloc[:1], body], ignore_index=True)[COLUMNS]


def _points(share):
    """A ratio as 个百分点 (NA when protected, None when missing)."""
    if share is None or share is pd.NA:
        return share
    return share * 100


def _count(reporters: pd.DataFrame, parents, root) -> pd.Series:
    if reporters.empty:
        return pd.Series(dtype="int64")
    frame = reporters.assign(child=_by_child(reporters, parents, root)).dropna(subset=["child"])
    return frame.groupby("child")["uscc"].nunique()


def _distinct(reporters: pd.DataFrame, parents, root) -> int:
    if reporters.empty:
        return 0
    inside = _by_child(reporters, parents, root).notna()
    return int(reporters.loc[inside, "uscc"].nunique())


@dataclass(frozen=True)
class DistrictReport:
    """The evaluation table with the window it covers (end clipped to the newest month asked)."""

    root: str
    start: int
    end: int
    rows: pd.DataFrame  # COLUMNS + name_zh, name_en


def district_report(
    session: Session, root: str, start: int, end: int, as_of: int | None = None
) -> DistrictReport:
    """The BOP-total (modes 1, 2, 4, USD) evaluation of root's districts for start..end."""
    end = min(end, as_of) if as_of else end
    base_start, base_end = add_months(start, -12), add_months(end, -12)
    f = ReportFilter(period_from=base_start, period_to=end, regions=(root,))
    amounts = queries_figures.totals(session, f, ("period", "region_code"))
    now = queries_enterprises.reporting_enterprises(session, f.with_periods(start, end))
    before = queries_enterprises.reporting_enterprises(
        session, f.with_periods(base_start, base_end)
    )
    ref = reference_codes(session)
    windows = own_windows(session, f, ref.region_parent, root, (start, end))
    rows = district_evaluation(amounts, now, before, ref.region_parent, root, start, end, windows)
    names = {"zh": ref.regions, "en": ref.region_names_en}
    for lang, table in names.items():
        rows[f"name_{lang}"] = [region_name(code, root, table, lang) for code in rows["code"]]
    return DistrictReport(root, start, end, rows)


def own_windows(
    session: Session, f: ReportFilter, parents: Mapping, root: str, span: tuple[int, int]
) -> dict[str, list]:
    """The window and the same months a year earlier of root (as TOTAL) and each child, each
    read as a figure of its own (etl.queries.windows), for district_evaluation; nothing for a
    reader with enterprise-level rights, whose sums of months are those figures already."""
    if not reads_protected(session):
        return {}
    children = [c for c, p in parents.items() if p == root]
    spans = [span, (add_months(span[0], -12), add_months(span[1], -12))]
    read = region_window_totals(session, f, [root, *children], spans)
    return {(TOTAL if code == root else code): values for code, values in read.items()}


def region_name(code: str, root: str, names: dict[str, str], lang: str) -> str:
    """A row's region name: the city for TOTAL, '(city level)' for amounts stored at the city."""
    city = names.get(root, root)
    if code == TOTAL:
        return f"{city}合计" if lang == "zh" else f"{city} total"
    if code == root:
        return f"{city}本级（未分区）" if lang == "zh" else f"{city} (no district)"
    return names.get(code, code)
