"""Pure computations on the query layer's frames: year to date, 同比 growth, shares, balances.

Frames carry integer amounts (cents or fen) in the column "amount" and periods as YYYYMM ints.
Growth and shares are ratios (floats are fine for those); amounts are never turned into floats here.
A protected amount (disclosure control, etl.disclosure.apply) is pandas NA: every sum, growth and
share made from it is NA too (never a partial sum: that would give the protected figure away).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

AMOUNT = "amount"


def ytd_window(year: int, month: int) -> tuple[int, int]:
    """Periods of 1–N月累计: January to the given month."""
    return year * 100 + 1, year * 100 + month


def total(series: pd.Series):
    """The exact sum of amounts, or NA when any of them is protected."""
    if series.isna().any():
        return pd.NA
    return int(series.sum())


def first_known(own: list, summed: list) -> list:
    """Each figure as read of its own where it is known, else as the sum of its parts (both NA
    where neither is): a published total stands beside a hidden part."""
    return [s if o is None or o is pd.NA else o for o, s in zip(own, summed)]


def ratio(part, whole):
    """part / whole: NA when either is protected, None when the whole is zero or missing."""
    if part is pd.NA or whole is pd.NA:
        return pd.NA
    if whole is None or part is None or pd.isna(whole) or whole == 0:
        return None
    return part / whole


def _sum_by(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Amounts summed by keys; a group with a protected amount is protected."""
    return frame.groupby(keys, as_index=False)[AMOUNT].sum(skipna=False)


def growth(current: int | float | None, previous: int | float | None) -> float | None:
    """Relative change; None when there is no base to compare with (missing or zero); NA when
    either figure is protected."""
    if current is pd.NA or previous is pd.NA:
        return pd.NA
    if (
        current is None
        or previous is None
        or pd.isna(current)
        or pd.isna(previous)
        or previous == 0
    ):
        return None
    return (current - previous) / previous


def sum_window(frame: pd.DataFrame, start: int, end: int, keys: list[str]) -> pd.DataFrame:
    """Sum amounts over periods start..end, grouped by keys (all keys kept even when zero)."""
    window = frame[(frame["period"] >= start) & (frame["period"] <= end)]
    if not keys:
        return pd.DataFrame({AMOUNT: pd.array([total(window[AMOUNT])], dtype="Int64")})
    return _sum_by(window, keys)


def same_period_comparison(
    frame: pd.DataFrame, year: int, month: int, keys: list[str], base: tuple | None = None
) -> pd.DataFrame:
    """1–N月累计 by keys against the same months a year earlier: amounts, 同比, shares, 个百分点.

    The base uses the same months of the previous year as the data hold them now (revised base,
    同口径), so a revision to last year moves this year's growth rate as it should. base: the
    totals (current, previous) that shares and contributions divide by, where they are figures
    of their own (a published total over a protected row); else the rows' sums.
    """
    start, end = ytd_window(year, month)
    cur = sum_window(frame, start, end, keys).rename(columns={AMOUNT: "current"})
    prev = sum_window(frame, start - 100, end - 100, keys).rename(columns={AMOUNT: "previous"})
    out = (
        cur.merge(prev, on=keys, how="outer", indicator=True)
        if keys
        else pd.concat([cur, prev], axis=1)
    )
    # a key on one side only has zero on the other (no rows); a protected amount stays NA
    if keys:
        out.loc[out["_merge"] == "left_only", "previous"] = 0
        out.loc[out["_merge"] == "right_only", "current"] = 0
        out = out.drop(columns="_merge")
    out[["current", "previous"]] = out[["current", "previous"]].astype("Int64")
    out["growth"] = [growth(c, p) for c, p in zip(out["current"], out["previous"])]
    total_cur, total_prev = base or (total(out["current"]), total(out["previous"]))
    out["share"] = [ratio(c, total_cur) for c in out["current"]]
    out["share_previous"] = [ratio(p, total_prev) for p in out["previous"]]
    out["share_change_pp"] = [_points(a, b) for a, b in zip(out["share"], out["share_previous"])]
    # contribution to total growth, in percentage points (拉动增长 … 个百分点)
    out["contribution_pp"] = [
        _points(ratio(c - p if c is not pd.NA and p is not pd.NA else pd.NA, total_prev), 0)
        for c, p in zip(out["current"], out["previous"])
    ]
    if not keys:
        return out
    # stable: ties (zeros) keep the same order on every machine (the default quicksort orders
    # ties by the CPU's SIMD kernels)
    return out.sort_values(
        "current", ascending=False, ignore_index=True, na_position="last", kind="stable"
    )


def _points(share, share_base):
    """A share difference in 个百分点 (NA when protected, None when either is missing)."""
    if share is pd.NA or share_base is pd.NA:
        return pd.NA
    if share is None or share_base is None:
        return None
    return (share - share_base) * 100


def combine_jan_feb(series: pd.DataFrame, jan_in_feb: bool = False) -> pd.DataFrame:
    """Merge each year's January into February (released as 1–2月); label column 'months'.

    jan_in_feb: the rows are a circulated read, whose February already holds January
    (etl.disclosure.apply.merge_january): every February is the 1–2月 point."""
    out = series.copy()
    out["months"] = (out["period"] % 100).astype(str)
    jan = out["period"] % 100 == 1
    feb_periods = set(out.loc[out["period"] % 100 == 2, "period"])
    moved = out.loc[jan & (out["period"] + 1).isin(feb_periods)].copy()
    keys = [c for c in out.columns if c not in (AMOUNT, "period", "months", "previous", "yoy")]
    out = out.drop(moved.index)
    moved["period"] += 1
    out = _sum_by(pd.concat([out, moved]), ["period", *keys])
    out["months"] = (out["period"] % 100).astype(str)
    merged = set(moved["period"] - 1) | ({p - 1 for p in feb_periods} if jan_in_feb else set())
    out.loc[out["period"].isin(feb_periods) & (out["period"] - 1).isin(merged), "months"] = "1-2"
    return out.sort_values(["period", *keys], ignore_index=True)


def per_month(points: pd.DataFrame) -> pd.Series:
    """What a chart of monthly amounts draws: the amount, and for a 1–2月 point the monthly
    average of its two months (marked 1–2月月均), so January–February is no false spike.

    points: combined_monthly/combine_jan_feb output (columns amount, months). The one rule for
    every monthly chart: the dashboard's trends and lines and the snapshot's monthly chart.
    """
    months = points["months"].map(lambda m: 2 if m == "1-2" else 1)
    return points[AMOUNT] / months


def trade_summary(by_direction: pd.DataFrame) -> dict[str, int]:
    """Total, exports, imports and balance (exports − imports; negative = 逆差) from X/M amounts."""
    x = total(by_direction.loc[by_direction["direction"] == "X", AMOUNT])
    mm = total(by_direction.loc[by_direction["direction"] == "M", AMOUNT])
    return {"total": x + mm, "exports": x, "imports": mm, "balance": x - mm}


# ---------------------------------------------------------------- comparisons for the dashboard


def month_span(period: int, periods, jan_in_feb: bool = False) -> tuple[int, int]:
    """The months published as one 当月 figure: February with January present is 1–2月, and
    always where the rows are a circulated read (jan_in_feb: February holds January)."""
    if period % 100 == 2 and (jan_in_feb or period - 1 in set(periods)):
        return period - 1, period
    return period, period


def window_of(frame: pd.DataFrame, span: tuple[int, int] | None) -> pd.Series:
    """The amounts of a period, amount frame within a (first, last) month span."""
    return _window(frame, span)[AMOUNT]


def _window(frame: pd.DataFrame, span: tuple[int, int] | None) -> pd.DataFrame:
    if span is None:
        return frame.iloc[0:0]
    return frame[(frame["period"] >= span[0]) & (frame["period"] <= span[1])]


def _shift(span: tuple[int, int], months: int) -> tuple[int, int]:
    from etl.periods import add_months

    return add_months(span[0], months), add_months(span[1], months)


def comparison_spans(
    by_direction: pd.DataFrame, start: int, end: int, jan_in_feb: bool = False
) -> dict:
    """The month spans trade_comparison compares: cum, cum_base, month (当月, 1–2月 combined),
    month_base and prev_month (环比's base; None where either month is part of 1–2月: the month
    before March is published only inside 1–2月, and 环比 against it read −34% for a leader
    where February alone gave +61% to a statistician)."""
    # a protected amount is never zero (zero is not confidential)
    periods = set(by_direction.loc[by_direction[AMOUNT].ne(0).fillna(True), "period"])
    month = month_span(end, periods, jan_in_feb)
    in_jan_feb = month[0] != month[1] or month[1] % 100 in (2, 3)
    return {
        "cum": (start, end),
        "cum_base": _shift((start, end), -12),
        "month": month,
        "month_base": _shift(month, -12),
        "prev_month": None if in_jan_feb else _shift(month, -1),
    }


def trade_comparison(
    by_direction: pd.DataFrame,
    start: int,
    end: int,
    windows: dict | None = None,
    jan_in_feb: bool = False,
) -> pd.DataFrame:
    """Total, exports, imports and balance over start..end and its 当月, with 同比 and 环比.

    by_direction: period, direction (X/M), amount, holding at least the window and the
    12 months before it. Index: total, exports, imports, balance. Columns: cum, cum_base,
    cum_yoy (1–N月累计 against the same months a year earlier); month, month_base, month_yoy
    (当月, 1–2月 combined); prev_month, mom (环比; None for 1–2月 and March). Balance growth
    is None.

    windows: {span name: {...}} (comparison_spans) with total, exports and imports read as the
    window's own figures (a leader's 1–N月累计 or 当月 total is a cell of its own, published even
    where a month or a direction in it is hidden); a published one stands where the sum of the
    parts is protected. jan_in_feb: the rows are a circulated read (comparison_spans).
    """
    spans = comparison_spans(by_direction, start, end, jan_in_feb)
    month = spans["month"]
    columns = {}
    for name, span in spans.items():
        summary = trade_summary(_window(by_direction, span))
        own = (windows or {}).get(name, {})
        for key in ("total", "exports", "imports"):
            if own.get(key) is not None and own[key] is not pd.NA:
                summary[key] = own[key]
        x, m = summary["exports"], summary["imports"]
        summary["balance"] = pd.NA if x is pd.NA or m is pd.NA else x - m
        columns[name] = {k: (summary[k] if span else None) for k in summary}
    out = pd.DataFrame(columns).reindex(["total", "exports", "imports", "balance"])
    out["cum_yoy"] = [growth(c, b) for c, b in zip(out["cum"], out["cum_base"])]
    out["month_yoy"] = [growth(c, b) for c, b in zip(out["month"], out["month_base"])]
    out["mom"] = [growth(c, b) for c, b in zip(out["month"], out["prev_month"])]
    out.loc["balance", ["cum_yoy", "month_yoy", "mom"]] = None
    out.attrs["month_span"] = month
    return out


def window_comparison(p, p0, w, w0) -> dict:
    """A part's amount and share of the whole over a window against a year earlier, from the
    window figures themselves: the part now and a year earlier (p, p0) and the whole (w, w0),
    each read as a figure of its own (NA where protected). share_change is a ratio difference
    (0.021 is 2.1个百分点); None where there is no base."""
    share, share_base = ratio(p, w), ratio(p0, w0)
    points = _points(share, share_base)
    change = points if points is pd.NA or points is None else points / 100
    return {
        "amount": p,
        "amount_base": p0,
        "growth": growth(p, p0),
        "whole": w,
        "share": share,
        "share_base": share_base,
        "share_change": change,
    }


def combined_monthly(frame: pd.DataFrame, jan_in_feb: bool = False) -> pd.DataFrame:
    """Monthly amounts with 1–2月 combined and 同比 against the same (combined) months a year back.

    frame: period, amount (other columns are summed away). Columns out: period (the last month
    of the point), months ('1-2' or the month number as text), amount, previous, yoy.
    """
    monthly = _sum_by(frame, ["period"])
    if monthly.empty:
        return pd.DataFrame(columns=["period", "months", AMOUNT, "previous", "yoy"])
    combined = combine_jan_feb(monthly, jan_in_feb)
    base = combined.assign(period=combined["period"] + 100).rename(
        columns={AMOUNT: "previous", "months": "base_months"}
    )
    out = combined.merge(base, on="period", how="left")
    same = out["months"] == out["base_months"]  # 1–2月 only against 1–2月
    out["previous"] = out["previous"].where(same)
    out["yoy"] = [
        growth(c, p) if ok else None for c, p, ok in zip(out[AMOUNT], out["previous"], same)
    ]
    return out[["period", "months", AMOUNT, "previous", "yoy"]]


def window_shares(spans: list[tuple[int, int]], parts: list, wholes: list) -> pd.DataFrame:
    """A part's share of the whole in each window, from the windows' own figures (oldest
    first). Columns: start, end, share; windows without any amount in the whole are left out."""
    rows = [
        {"start": span[0], "end": span[1], "share": ratio(p, w)}
        for span, p, w in zip(spans, parts, wholes)
        if w is pd.NA or w
    ]
    return pd.DataFrame(rows, columns=["start", "end", "share"])


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts with a protected figure kept as pandas NA: DataFrame.to_dict turns NA
    into None (pandas 3), which reads as missing ("—") where it must read "C"."""
    columns = list(frame.columns)
    return [
        {c: v.item() if isinstance(v, np.generic) else v for c, v in zip(columns, row)}
        for row in frame.itertuples(index=False, name=None)
    ]
