"""The headline table for a month: 1–N月累计 by a dimension with 同比 and shares (CLI and exports)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from etl.aggregates import same_period_comparison
from etl.filters import ReportFilter
from etl.queries import core as queries
from etl.reference import ReferenceCodes, reference_codes

DIMENSION_COLUMN = {
    "mode": "mode",
    "category": "category_code",
    "region": "region_code",
    "partner": "partner_code",
    "direction": "direction",
}


def summary_frame(
    session: Session,
    year: int,
    month: int,
    region: str | None = None,
    by: str = "direction",
    currency: str = "USD",
    full_scope: bool = False,
) -> pd.DataFrame:
    """Rows of the dimension with current, previous, growth, share; the first row is the total."""
    ref = reference_codes(session)
    f = ReportFilter(
        period_from=(year - 1) * 100 + 1,
        period_to=year * 100 + month,
        regions=(region,) if region else (),
        currency=currency,
        full_scope=full_scope or by == "mode",
    )
    key = DIMENSION_COLUMN[by]
    if by == "partner":
        frame = queries.partner_totals(session, f, ("period", key))
    else:
        frame = queries.totals(session, f, ("period", key))
    if by == "region":
        frame[key] = frame[key].map(lambda c: _child_of(ref, c, region))
    if by == "mode":  # the BOP total excludes mode 3, which is shown beside it, not added
        bop = frame[frame["mode"].isin(ref.modes_in_bop)]
    else:
        bop = frame
    rows = same_period_comparison(frame, year, month, [key])
    total = same_period_comparison(bop, year, month, [])
    total.insert(0, key, "TOTAL")
    if by == "mode":
        fats = rows["mode"] == 3
        rows.loc[fats, ["share", "share_previous", "share_change_pp", "contribution_pp"]] = None
        bop_cur = rows.loc[~fats, "current"].sum()
        rows.loc[~fats, "share"] = rows.loc[~fats, "current"] / bop_cur if bop_cur else None
    out = pd.concat([total, rows], ignore_index=True)
    out["name_zh"] = [_name(ref, by, k, "zh") for k in out[key]]
    out["name_en"] = [_name(ref, by, k, "en") for k in out[key]]
    return out.rename(columns={key: "code"})


def _child_of(ref: ReferenceCodes, code: str, root: str | None) -> str:
    """Roll a stored region up to the level just below the chosen root (or the top level)."""
    chain = [code]
    while ref.region_parent.get(chain[-1]):
        chain.append(ref.region_parent[chain[-1]])
    if root is None:
        return chain[-1]
    if root not in chain or chain[0] == root:
        return chain[0]
    return chain[chain.index(root) - 1]


def _name(ref: ReferenceCodes, by: str, code, lang: str) -> str:
    if code == "TOTAL":
        return "服务进出口总额" if lang == "zh" else "Services trade total"
    tables = {
        "mode": (ref.modes, ref.mode_names_en),
        "category": (ref.categories, ref.category_names_en),
        "region": (ref.regions, ref.region_names_en),
        "partner": (ref.partners, ref.partner_names_en),
        "direction": ({"X": "出口", "M": "进口"}, {"X": "Exports", "M": "Imports"}),
    }
    zh, en = tables[by]
    return (zh if lang == "zh" else en).get(code, str(code))
