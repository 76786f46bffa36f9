"""Pure charts of the 伙伴 page: top partners (bars), group shares by year (lines)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import base_layout, message_figure
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.palette import GRID, PALETTE
from dashboard.protected_marks import mark_protected, note_protected, protected_flags
from dashboard.rankings import ranked_bars
from etl import numbers

__all__ = ["top_partners", "group_shares"]


def top_partners(
    rows: pd.DataFrame,
    n: int = 10,
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    title: str = "",
    subtitle: str = "",
    selected: str | None = None,
) -> go.Figure:
    """The n largest partners as horizontal bars (names, amount, 同比); customdata = code.

    rows: partner_views.partner_rows (code, name, current, growth …), largest first.
    """
    # the largest first; protected partners (C, never ranked by their value) after them
    head = rows[rows["current"].map(lambda c: numbers.protected(c) or c > 0).astype(bool)].head(n)
    return ranked_bars(
        head[["code", "name", "current", "growth"]], unit, lang, title, subtitle, selected=selected
    )


def group_shares(
    by_year: pd.DataFrame, lang: str = DEFAULT_LANG, title: str = "", subtitle: str = ""
) -> go.Figure:
    """One line per partner group: its share (%) of all partners in the same months each year.

    by_year: partner_views.group_years (code, name, start, end, share).
    """
    lang = i18n.normalize_lang(lang)
    if by_year.empty:
        return message_figure(t("fig.no_data", lang), title)
    fig = go.Figure()
    hidden: dict[int, tuple[str, str, list[str]]] = {}  # end -> (tick, label, groups)
    for i, (code, part) in enumerate(by_year.groupby("code", sort=False)):
        part = part.sort_values("end")
        labels = [i18n.fmt_window(a, b, lang) for a, b in zip(part["start"], part["end"])]
        ticks = [t("fig.year", lang, y=int(e) // 100) for e in part["end"]]
        for end, tick, label, flag in zip(
            part["end"], ticks, labels, protected_flags(part["share"])
        ):
            if flag:
                hidden.setdefault(int(end), (tick, label, []))[2].append(part["name"].iloc[0])
        fig.add_trace(
            go.Scatter(
                x=ticks,
                y=[None if i18n.is_missing(v) else float(v) * 100 for v in part["share"]],
                name=part["name"].iloc[0],
                mode="lines+markers",
                line={"color": PALETTE[i % len(PALETTE)], "width": 2},
                marker={"size": 6},
                customdata=labels,
                hovertemplate=(
                    f"{part['name'].iloc[0]}<br>%{{customdata}}<br>{t('fig.share', lang)}"
                    "：%{y:.1f}%<extra></extra>"
                ),
            )
        )
    marks = [hidden[end] for end in sorted(hidden)]
    mark_protected(
        fig,
        [tick for tick, _, _ in marks],
        [who for _, _, who in marks],
        lang,
        labels=[label for _, label, _ in marks],
    )
    base_layout(fig, title, subtitle, height=420)
    fig.update_layout(  # the legend below the plot: five long group names wrap over rows
        margin={"l": 56, "r": 24, "t": 64 if title else 24, "b": 120},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.12, "yanchor": "top"},
        xaxis={"type": "category", "showgrid": False},
        yaxis={
            "title": {"text": t("fig.share_axis", lang)},
            "ticksuffix": "%",
            "gridcolor": GRID,
            "rangemode": "tozero",
        },
    )
    return note_protected(fig, lang)
