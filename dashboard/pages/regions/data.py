"""The Regions page's read: a region's districts, their rows and monthly amounts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data import View, remembered, session, view_of
from dashboard.filter_state import FilterState, to_report_filter
from etl.periods import add_months
from etl.queries import figures as queries_figures
from etl.queries.reference_tables import reference_table


@dataclass(frozen=True)
class RegionBreakdown:
    """A region's children over the view's window, and their monthly amounts for the trend."""

    view: View
    chain: list[dict]  # the region and its ancestors, top first: code, name_zh, name_en
    children: list[str]  # codes of the regions just below, in display order
    rows: pd.DataFrame  # etl.evaluation.districts.COLUMNS + name_zh, name_en; first row TOTAL
    monthly: pd.DataFrame  # period, code (child or the region itself), amount
    shown: int | None  # first month the trend shows


def _region_chain(regions: pd.DataFrame, code: str) -> list[dict]:
    table = regions.set_index("code")
    chain: list[dict] = []
    while isinstance(code, str) and code in table.index and len(chain) < 10:
        row = table.loc[code]
        chain.insert(
            0,
            {"code": code, "name_zh": row["name_zh"], "name_en": row["name_en"] or row["name_zh"]},
        )
        code = row["parent_code"]
    return chain


@remembered
def region_breakdown(state: FilterState) -> RegionBreakdown:
    """The state's region split into its children (stored regions roll up: 滨海新区 includes its
    functional zones), with growth, share and contribution (etl.evaluation.districts), and monthly amounts
    by child from about three years back."""
    from etl.evaluation.districts import (
        district_evaluation,
        own_windows,
        region_name,
        roll_up,
    )

    with session() as s:
        v = view_of(s, state)
        regions = reference_table(s, "region")
        parents = {
            c: (p if isinstance(p, str) else None)
            for c, p in zip(regions["code"], regions["parent_code"])
        }
        chain = _region_chain(regions, state.region)
        children = [c for c in regions["code"] if parents.get(c) == state.region]
        shown = None
        amounts = pd.DataFrame(columns=["period", "region_code", "amount"])
        windows = None
        if v.end is not None:
            shown = v.start if state.period == "range" else (v.end // 100 - 2) * 100 + 1
            f = to_report_filter(state, min(add_months(v.start, -12), shown), v.end)
            amounts = queries_figures.totals(s, f, ("period", "region_code"))
            windows = own_windows(s, f, parents, state.region, (v.start, v.end))
    root = state.region
    nobody = pd.DataFrame(columns=["region_code", "uscc"])
    rows = district_evaluation(
        amounts, nobody, nobody, parents, root, v.start or 0, v.end or 0, windows
    )
    names = {
        "zh": dict(zip(regions["code"], regions["name_zh"])),
        "en": {
            c: e or z for c, z, e in zip(regions["code"], regions["name_zh"], regions["name_en"])
        },
    }
    for lang, table in names.items():
        rows[f"name_{lang}"] = [
            table.get(root, root)
            if code == root and not children
            else region_name(code, root, table, lang)
            for code in rows["code"]
        ]
    child = amounts["region_code"].map(lambda c: roll_up(c, parents, root))
    monthly = (
        amounts.assign(code=child)
        .dropna(subset=["code"])
        .groupby(["period", "code"], as_index=False)["amount"]
        .sum(skipna=False)  # a protected part leaves the point protected, not a partial sum
    )
    return RegionBreakdown(v, chain, children, rows, monthly, shown)
