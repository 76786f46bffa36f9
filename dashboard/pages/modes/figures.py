"""Pure figures of the 供给模式 page: the modes over time and their shares (the category × mode
matrix is modes.matrix).

Mode 3 (商业存在, FATS sales of affiliates) is a different measure from the BOP total: under the
BOP scope it is drawn beside the stacked total as its own dashed line, never stacked into it;
only under 全口径 is it stacked, and the trace says so.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import base_layout, message_figure, point_label, value_decimals
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.palette import GRID, NAVY
from dashboard.protected_marks import mark_protected, note_protected, protected_flags
from etl import numbers
from etl.aggregates import combine_jan_feb, per_month, ratio
from etl.filters import ALL_MODES, BOP_MODES

AMBER = "#c8811a"
MODE_COLORS = {1: NAVY, 2: "#2e7d4f", 3: AMBER, 4: "#7b4f9d"}
POINT_COLUMNS = ["period", "months", "mode", "amount"]


def scope_modes(full_scope: bool) -> tuple[int, ...]:
    """The modes the total counts: 1, 2, 4 (BOP) or all four (全口径)."""
    return ALL_MODES if full_scope else BOP_MODES


def stacked_modes(full_scope: bool, modes: tuple[int, ...] = ()) -> tuple[int, ...]:
    """The modes drawn as parts of the total: the chosen ones among those the scope counts."""
    counted = scope_modes(full_scope)
    return tuple(m for m in (modes or counted) if m in counted)


def mode_points(
    frame: pd.DataFrame,
    start: int | None = None,
    cumulative: bool = False,
    jan_in_feb: bool = False,
    ytd: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per mode: monthly amounts with 1–2月 combined, or 1–N月累计 (January folded into 1–2月).

    frame: period, mode, amount. Out: period, months ('1-2', '3' …; cumulative: '1-N'), mode,
    amount; points before start are dropped (they only serve as a 同比 base). ytd (cumulative):
    each mode's 1–N月 as read (ModeSeries.ytd), used instead of summing the months.
    """
    if frame.empty:
        return pd.DataFrame(columns=POINT_COLUMNS)
    grid = _grid(frame, frame)
    if cumulative and ytd is not None:
        grid = _grid(ytd, frame)
    elif cumulative:  # 1–N月累计 after a protected month is protected too
        grid = pd.concat(
            [
                year.apply(lambda column: column.cumsum(skipna=False))
                for _, year in grid.groupby(grid.index // 100)
            ]
        )
    long = grid.stack(future_stack=True).rename("amount").reset_index()
    if cumulative:
        periods = set(long["period"])
        long = long[~((long["period"] % 100 == 1) & (long["period"] + 1).isin(periods))].copy()
        long["months"] = [f"1-{p % 100}" if p % 100 > 1 else "1" for p in long["period"]]
    else:
        long = combine_jan_feb(long, jan_in_feb)
    if start is not None:
        long = long[long["period"] >= start]
    long["mode"] = long["mode"].astype(int)
    return long[POINT_COLUMNS].sort_values(["period", "mode"], ignore_index=True)


def _grid(amounts: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """Amounts as a period × mode grid over frame's months and modes. A protected amount (NA)
    stays NA — summed, it leaves the sum protected; a mode without rows in a month has zero."""
    sums = amounts.groupby(["period", "mode"])["amount"].sum(skipna=False)
    full = pd.MultiIndex.from_product(
        [sorted(frame["period"].unique()), sorted(frame["mode"].unique())], names=["period", "mode"]
    )
    return sums.reindex(full, fill_value=0).astype("Int64").unstack("mode")


def label(period: int, months: str, lang: str = DEFAULT_LANG) -> str:
    """A point's full name: '2021年1–6月' (cumulative or 1–2月) or '2021年3月'."""
    if "-" in months:
        return i18n.fmt_ytd(period, lang)
    return point_label(period, months, lang)


def _axis(periods: list[int], months: list[str], lang: str) -> list[list[str]]:
    years = [t("fig.year", lang, y=p // 100) for p in periods]
    return [years, [m.replace("-", "–") for m in months]]


def mode_trend(
    points: pd.DataFrame,
    names: dict[int, str],
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    full_scope: bool = False,
    modes: tuple[int, ...] = (),
    title: str = "",
    subtitle: str = "",
    cumulative: bool = False,
) -> go.Figure:
    """Stacked bars of the modes in the total; mode 3 beside it as a dashed line (BOP scope).

    points: mode_points(...). customdata of every point: [label, mode] (for drill-down).
    Monthly points follow the one rule of every monthly chart: 1–2月 drawn at its monthly
    average and labelled so (etl.aggregates.per_month); 1–N月累计 points are drawn whole.
    """
    lang = i18n.normalize_lang(lang)
    if points.empty or not any(map(numbers.nonzero, points["amount"])):
        return message_figure(t("fig.no_data", lang), title)
    axis = points.drop_duplicates("period")[["period", "months"]]
    x = _axis(list(axis["period"]), list(axis["months"]), lang)
    labels = [label(p, m, lang) for p, m in zip(axis["period"], axis["months"])]
    if not cumulative:
        averaged = axis["months"] == "1-2"
        labels = [
            f"{lb} · {t('fig.jan_feb_avg', lang)}" if avg else lb
            for lb, avg in zip(labels, averaged)
        ]
        points = points.assign(amount=per_month(points))
    unit_name = i18n.unit_label(unit, lang)
    d = value_decimals(unit, lang)
    fig = go.Figure()
    hidden: list[list[str]] = [[] for _ in labels]  # per point: the modes protected there
    for mode in stacked_modes(full_scope, modes):
        y = _series(points, mode, axis["period"], unit, lang)
        name = names.get(mode, str(mode)) + (t("mod.in_full", lang) if mode == 3 else "")
        _collect(hidden, points, mode, axis["period"], names.get(mode, str(mode)))
        fig.add_trace(
            go.Bar(
                x=x,
                y=y,
                name=name,
                marker_color=MODE_COLORS[mode],
                customdata=[[lb, mode] for lb in labels],
                hovertemplate=f"%{{customdata[0]}}<br>{name}：%{{y:,.{d}f}} {unit_name}<extra></extra>",
            )
        )
    if not full_scope and (points["mode"] == 3).any():
        name = t("mod.fats_trace", lang, name=names.get(3, "3"))
        _collect(hidden, points, 3, axis["period"], names.get(3, "3"))
        fig.add_trace(
            go.Scatter(
                x=x,
                y=_series(points, 3, axis["period"], unit, lang),
                name=name,
                mode="lines+markers",
                line={"color": AMBER, "width": 2, "dash": "dash"},
                marker={"size": 5},
                customdata=[[lb, 3] for lb in labels],
                hovertemplate=(
                    f"%{{customdata[0]}}<br>{name}：%{{y:,.{d}f}} {unit_name}<extra></extra>"
                ),
            )
        )
    # a stack with a protected part: its C just above what is drawn of the stack
    stacks = [
        sum(v for v in values if v is not None and v > 0)
        for values in zip(*(tr.y for tr in fig.data if tr.type == "bar"))
    ]
    mark_protected(fig, x, hidden, lang, labels=labels, at=stacks or None, on_top=True)
    base_layout(fig, title, subtitle, height=430)
    fig.update_layout(
        barmode="relative",
        bargap=0.25,
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.18, "yanchor": "top"},
        margin={"l": 64, "r": 24, "t": 88 if title else 36, "b": 96},
        xaxis={"type": "multicategory", "tickfont": {"size": 11}, "showgrid": False},
        yaxis={
            "title": {"text": t("fig.amount_axis", lang, unit=unit_name)},
            "gridcolor": GRID,
            "rangemode": "tozero",
            "tickformat": ",.0f",
        },
    )
    return note_protected(fig, lang)


def _series(points: pd.DataFrame, mode: int, periods, unit: str, lang: str) -> list:
    values = points[points["mode"] == mode].set_index("period")["amount"]
    return [i18n.to_unit(values.get(p), unit, lang) for p in periods]


def _collect(hidden: list[list[str]], points: pd.DataFrame, mode: int, periods, name: str):
    """Add the mode's name at every point where its amount is protected."""
    values = points[points["mode"] == mode].set_index("period")["amount"]
    for i, flag in enumerate(protected_flags(values.get(p) for p in periods)):
        if flag:
            hidden[i].append(name)


def share_points(points: pd.DataFrame, full_scope: bool = False) -> pd.DataFrame:
    """Each counted mode's share (a ratio) of the scope's total at every point.

    Out: period, months, mode, share (None where the total is zero, NA where it or the mode's
    amount is protected); mode 3 only under 全口径.
    """
    counted = points[points["mode"].isin(scope_modes(full_scope))].copy()
    if counted.empty:
        return pd.DataFrame(columns=["period", "months", "mode", "share"])
    # a total with a protected part is protected: never a share of a partial sum
    whole = counted.groupby("period")["amount"].transform("sum", skipna=False)
    counted["share"] = pd.Series(
        [ratio(a, w) for a, w in zip(counted["amount"], whole)], index=counted.index, dtype=object
    )
    return counted[["period", "months", "mode", "share"]].reset_index(drop=True)


def mode_shares(
    points: pd.DataFrame,
    names: dict[int, str],
    lang: str = DEFAULT_LANG,
    full_scope: bool = False,
    modes: tuple[int, ...] = (),
    title: str = "",
) -> go.Figure:
    """Lines: each counted mode's share (%) of the total over the same points as the trend."""
    lang = i18n.normalize_lang(lang)
    shares = share_points(points, full_scope)
    known = [
        not i18n.is_missing(v) or h
        for v, h in zip(shares["share"], protected_flags(shares["share"]))
    ]
    if shares.empty or not any(known):
        return message_figure(t("fig.no_data", lang), title)
    axis = shares.drop_duplicates("period")[["period", "months"]]
    labels = [label(p, m, lang) for p, m in zip(axis["period"], axis["months"])]
    x = labels  # one tick per year below: the months are in the hover
    periods = list(axis["period"])
    firsts = [i for i, p in enumerate(periods) if i == 0 or p // 100 != periods[i - 1] // 100]
    fig = go.Figure()
    hidden: list[list[str]] = [[] for _ in labels]
    for mode in stacked_modes(full_scope, modes):
        values = shares[shares["mode"] == mode].set_index("period")["share"]
        y = [
            None if i18n.is_missing(values.get(p)) else float(values.get(p)) * 100
            for p in axis["period"]
        ]
        name = names.get(mode, str(mode))
        for i, flag in enumerate(protected_flags(values.get(p) for p in axis["period"])):
            if flag:
                hidden[i].append(name)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                name=name,
                mode="lines+markers",
                line={"color": MODE_COLORS[mode]},
                marker={"size": 4},
                customdata=[[lb, mode] for lb in labels],
                hovertemplate=f"%{{customdata[0]}}<br>{name}：%{{y:.1f}}%<extra></extra>",
            )
        )
    mark_protected(fig, x, hidden, lang, labels=labels)
    base_layout(fig, title, height=360)
    fig.update_layout(
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.22, "yanchor": "top"},
        margin={"l": 56, "r": 16, "t": 56 if title else 24, "b": 96},
        xaxis={
            "type": "category",
            "tickfont": {"size": 11},
            "showgrid": False,
            "tickangle": 0,
            "tickvals": [labels[i] for i in firsts],
            "ticktext": [t("fig.year", lang, y=periods[i] // 100) for i in firsts],
        },
        yaxis={
            "title": {"text": t("fig.share_axis", lang)},
            "ticksuffix": "%",
            "gridcolor": GRID,
            "range": [0, 100],
        },
    )
    return note_protected(fig, lang)
