"""The headline table for a month: 1–N月累计 by a dimension with 同比 and shares (CLI and exports)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy.orm import Session

from etl.aggregates import ratio, same_period_comparison, total
from etl.data_version import reads_protected
from etl.filters import ReportFilter
from etl.queries import figures as queries_figures
from etl.reference import ReferenceCodes, reference_codes
from etl.release.scopes import DEFAULT_SCOPE

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
    categories: tuple[str, ...] = (),
    directions: tuple[str, ...] = ("X", "M"),
    modes: tuple[int, ...] = (),
    partners: tuple[str, ...] = (),
    start: int | None = None,
) -> pd.DataFrame:
    """Rows of the dimension with current, previous, growth, share; the first row is the total.

    categories (codes or group:CODE), directions, modes and partners (codes or group:CODE) narrow
    the slice, as the pages' filters do. The window is 1–N月 of the year unless start (YYYYMM)
    gives its first month (a range ending in year-month); it is compared with the same months a
    year earlier."""
    ref = reference_codes(session)
    if region is None and reads_protected(session):
        region = DEFAULT_SCOPE  # a circulated figure is always of a region (天津市 by default)
    key = DIMENSION_COLUMN[by]
    read = queries_figures.partner_totals if by == "partner" else queries_figures.totals

    def windows(f: ReportFilter, dims: tuple[str, ...]) -> pd.DataFrame:
        # 1–N月 of the year and of the year before, each read as one figure per row (a window
        # of the catalogue leaders may see: etl.disclosure), dated at its last month
        frames = []
        for back in (100, 0):  # the window a year earlier, and the window
            last = end - back
            part = read(session, f.with_periods(first - back, last), dims)
            frames.append(part.assign(period=last))
        return pd.concat(frames, ignore_index=True)

    end = year * 100 + month
    first = start or year * 100 + 1
    f = ReportFilter(
        period_from=first,
        period_to=end,
        regions=(region,) if region else (),
        currency=currency,
        full_scope=full_scope or by == "mode",
        categories=tuple(categories),
        directions=tuple(directions),
        modes=tuple(modes),
        partners=tuple(partners),
    )
    frame = windows(f, (key,))
    if by == "region":
        frame[key] = frame[key].map(lambda c: _child_of(ref, c, region))
    # The total is read as a figure of its own, not summed from the rows: a protected row
    # (disclosure control) must not hide the published total. By mode, the BOP total excludes
    # mode 3, which is shown beside it, not added.
    whole = windows(replace(f, full_scope=full_scope), ())
    overall = same_period_comparison(whole, year, month, [])
    # shares divide by that total too (by mode, the rows hold mode 3, which the total does not)
    base = None if by == "mode" else (overall["current"].iloc[0], overall["previous"].iloc[0])
    rows = same_period_comparison(frame, year, month, [key], base)
    overall.insert(0, key, "TOTAL")
    if by == "mode":
        fats = rows["mode"] == 3
        rows.loc[fats, ["share", "share_previous", "share_change_pp", "contribution_pp"]] = None
        bop_cur = total(rows.loc[~fats, "current"])
        rows.loc[~fats, "share"] = [ratio(c, bop_cur) for c in rows.loc[~fats, "current"]]
    out = pd.concat([overall, rows], ignore_index=True)
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
