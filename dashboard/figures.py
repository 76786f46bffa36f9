"""Pure chart builders: DataFrame in, plotly Figure out (no Dash, no database).

Conventions every page's charts follow:
- amounts arrive in minor units (cents/fen) in "amount" and are scaled with i18n.to_unit;
- axis titles, trace names and hover texts come from the catalogue in the page's language;
- CJK_FONT first, so the PNG a user downloads renders Chinese the same as the page;
- an empty frame gives message_figure(...) (words, hidden axes), never an empty axis —
  pages normally show components.empty_state instead and never reach it;
- png_config(filename) is the dcc.Graph config: modebar PNG download under a Chinese file name.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.basedatatypes import BasePlotlyType

from dashboard import i18n
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.palette import CJK_FONT, GREY, GRID, NAVY, NAVY_LIGHT, RED
from dashboard.protected_marks import mark_protected, note_protected, protected_flags
from etl.aggregates import combined_monthly, per_month

HOUSE_TEMPLATE = pio.templates["plotly_white"]


def _attach_template(fig: go.Figure) -> None:
    # Assigning a template makes plotly.py validate and copy all of it (about 15 ms a figure, 40%
    # of a callback's time in bench/profile_callbacks.py). A registered template is valid already:
    # plotly attaches its default template to every new figure the same way, unvalidated.
    fig.layout._validate = False
    try:
        fig.layout.template = HOUSE_TEMPLATE
    finally:
        fig.layout._validate = True


def base_layout(
    fig: go.Figure, title: str = "", subtitle: str = "", height: int = 380, legend: bool = True
) -> go.Figure:
    """The house style: white plot, CJK font, title and subtitle at the top left, legend on top."""
    _attach_template(fig)
    _merge(fig.layout, house_style(title, subtitle, height, legend))
    return fig


def house_style(title: str, subtitle: str, height: int, legend: bool) -> dict:
    """base_layout's layout properties, as update_layout would take them."""
    return {
        "font": {"family": CJK_FONT, "size": 13, "color": "#1c2733"},
        "title": {
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": 12, "color": GREY}},
            "x": 0,
            "xanchor": "left",
            "y": 0.97,
            "yanchor": "top",
            "font": {"size": 16},
        },
        "height": height,
        "margin": {"l": 64, "r": 64, "t": 88 if title else 36, "b": 56},
        "showlegend": legend,
        "legend": {"orientation": "h", "x": 1, "xanchor": "right", "y": 1.02, "yanchor": "bottom"},
        "hoverlabel": {"font": {"family": CJK_FONT}},
        "separators": ".,",
        "paper_bgcolor": "#fff",
        "plot_bgcolor": "#fff",
    }


def _merge(node, values: dict) -> None:
    """fig.update_layout(**values) for plain nested values, property by property: plotly's
    update_layout batches and re-checks every path (13 ms a figure, half of it for nothing)."""
    for key, value in values.items():
        if isinstance(value, dict) and isinstance(node[key], BasePlotlyType):
            _merge(node[key], value)
        else:
            node[key] = value


def message_figure(message: str, title: str = "") -> go.Figure:
    """A figure that says something in words (no axes); for the rare empty chart."""
    fig = go.Figure()
    base_layout(fig, title, height=260, legend=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.add_annotation(
        text=message,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": GREY},
    )
    return fig


PLOTLY_LOCALE = {"zh": "zh-CN", "en": "en-US"}


def png_config(filename: str, lang: str = DEFAULT_LANG) -> dict:
    """dcc.Graph config: modebar PNG download (2× scale) named filename.png, no Plotly logo.

    The toolbar and its pop-ups speak lang: assets/plotly-locale-zh-cn.js registers zh-CN.
    """
    return {
        "locale": PLOTLY_LOCALE.get(lang, PLOTLY_LOCALE[DEFAULT_LANG]),
        "displaylogo": False,
        "responsive": True,
        "modeBarButtonsToRemove": [
            "select2d",
            "lasso2d",
            "autoScale2d",
            "toggleSpikelines",
            "sendChartToCloud",  # figures stay in the building: no upload to Chart Studio
        ],
        "toImageButtonOptions": {"format": "png", "filename": safe_filename(filename), "scale": 2},
    }


def scoped(text: str, state) -> str:
    """A chart title or file name that says 全口径合计 / total incl. mode 3 under 全口径, so
    a screenshot or a saved PNG still tells which measure it shows (#15)."""
    if state is None or not state.full_scope:
        return text
    return t("scope.full_title", state.lang, title=text)


def safe_filename(name: str) -> str:
    """A file name without path separators or characters Windows refuses (Chinese is kept)."""
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._")
    return cleaned or "data"


# ---------------------------------------------------------------- monthly trend


def point_label(period: int, months: str, lang: str = DEFAULT_LANG) -> str:
    """A trend point's full name: '2021年1–2月' for a combined point, else '2021年3月'."""
    return i18n.fmt_ytd(period, lang) if months == "1-2" else i18n.fmt_period(period, lang)


def trend_points(
    frame: pd.DataFrame, start: int | None = None, jan_in_feb: bool = False
) -> pd.DataFrame:
    """Monthly points with 1–2月 combined and 同比, from start on (the months before it only
    serve as the 同比 base). Columns: period, months, amount, previous, yoy. jan_in_feb: a
    circulated read, whose February already holds January (View.circulated)."""
    points = combined_monthly(frame, jan_in_feb)
    if start is not None:
        points = points[points["period"] >= start]
    return points.reset_index(drop=True)


def jan_feb_notes(points: pd.DataFrame, unit: str, lang: str = DEFAULT_LANG) -> list[str]:
    """Hover lines under a point: for 1–2月, the two months' total (the bar shows their
    monthly average); nothing for other months."""
    return [
        "<br>" + t("fig.jan_feb_total", lang, v=i18n.fmt_amount(a, unit, lang))
        if m == "1-2"
        else ""
        for a, m in zip(points["amount"], points["months"])
    ]


def _axis_labels(points: pd.DataFrame, lang: str) -> list[list[str]]:
    """Two-level x labels: the year below, the month ('1–2' for the combined point) above."""
    years = [t("fig.year", lang, y=p // 100) for p in points["period"]]
    months = [t("fig.jan_feb_tick", lang) if m == "1-2" else str(m) for m in points["months"]]
    return [years, months]


def value_decimals(unit: str, lang: str) -> int:
    """The places a value in the unit is printed with on charts (i18n.UNITS, by language)."""
    spec = i18n.UNITS[unit]
    return spec.decimals_en if i18n.normalize_lang(lang) == "en" else spec.decimals_zh


def monthly_trend(
    frame: pd.DataFrame,
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    start: int | None = None,
    title: str = "",
    subtitle: str = "",
    last_note: str = "",
    jan_in_feb: bool = False,
) -> go.Figure:
    """Bars: monthly amount (1–2月 combined); line: 同比 % on a secondary axis (y2).

    frame: period, amount (minor units), reaching back 12 months before start for 同比;
    last_note: a hover line for the latest point (the coverage it rests on); jan_in_feb: a
    circulated read (trend_points).
    """
    lang = i18n.normalize_lang(lang)
    points = trend_points(frame, start, jan_in_feb)
    if points.empty:
        return message_figure(t("fig.no_data", lang), title)
    x = _axis_labels(points, lang)
    labels = [point_label(p, m, lang) for p, m in zip(points["period"], points["months"])]
    # One rule for every monthly chart: 1–2月 drawn at its monthly average (etl.aggregates).
    amounts = [i18n.to_unit(v, unit, lang) for v in per_month(points)]
    yoy = [None if i18n.is_missing(g) else float(g) * 100 for g in points["yoy"]]
    unit_name = i18n.unit_label(unit, lang)
    d = value_decimals(unit, lang)
    fig = go.Figure()
    combined = [m == "1-2" for m in points["months"]]
    notes = jan_feb_notes(points, unit, lang)
    if last_note and notes:
        notes[-1] += "<br>" + last_note
    for name, color, keep, value in (
        (t("fig.amount", lang), NAVY, False, t("fig.amount", lang)),
        (t("fig.jan_feb_bar", lang), NAVY_LIGHT, True, t("fig.jan_feb_avg", lang)),
    ):
        if keep and not any(combined):
            continue  # no 1–2月 point: no legend entry for it
        fig.add_trace(
            go.Bar(
                x=x,
                y=[a if c == keep else None for a, c in zip(amounts, combined)],
                name=name,
                marker_color=color,
                customdata=list(zip(labels, notes)),
                hovertemplate=(
                    f"%{{customdata[0]}}<br>{value}：%{{y:,.{d}f}} {unit_name}"
                    "%{customdata[1]}<extra></extra>"
                ),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=yoy,
            name=t("fig.yoy", lang),
            yaxis="y2",
            mode="lines+markers",
            line={"color": RED, "width": 2},
            marker={"size": 5},
            connectgaps=False,
            customdata=labels,
            hovertemplate=f"%{{customdata}}<br>{t('fig.yoy', lang)}：%{{y:+.1f}}%<extra></extra>",
        )
    )
    # a protected month: a gap with C on the amount axis (its 同比 is protected with it); a
    # month whose 同比 alone is protected (the year before is): C on the 同比 axis at 0%
    amount_hidden = protected_flags(points["amount"])
    bar_names = [t("fig.jan_feb_avg" if c else "fig.amount", lang) for c in combined]
    mark_protected(
        fig,
        x,
        [[n, t("fig.yoy", lang)] if h else [] for n, h in zip(bar_names, amount_hidden)],
        lang,
        labels=labels,
    )
    mark_protected(
        fig,
        x,
        [
            [t("fig.yoy", lang)] if h and not a else []
            for h, a in zip(protected_flags(points["yoy"]), amount_hidden)
        ],
        lang,
        labels=labels,
        axis="y2",
        color=RED,
    )
    base_layout(fig, title, subtitle, height=400)
    fig.update_layout(
        bargap=0.25,
        barmode="overlay",
        xaxis={
            "type": "multicategory",
            "tickfont": {"size": 11},
            "showgrid": False,
            "tickangle": 0,
            "title": {"text": t("fig.month_axis", lang), "font": {"size": 11, "color": GREY}},
        },
        # one optional decimal: small values read 0.5, 1, 1.5, never "1, 1, 2"
        yaxis={
            "title": {"text": t("fig.amount_axis", lang, unit=unit_name)},
            "gridcolor": GRID,
            "rangemode": "tozero",
            "tickformat": ",.1~f",
        },
        yaxis2={
            "title": {"text": t("fig.yoy_axis", lang)},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "ticksuffix": "%",
            "zeroline": True,
            "zerolinecolor": "#c9ced6",
            "tickmode": "auto",
            "range": _pct_range(yoy),
        },
    )
    return note_protected(fig, lang)


def _pct_range(values: list[float | None]) -> list[float] | None:
    """A y2 range that keeps the zero line inside, with a little headroom."""
    known = [v for v in values if v is not None and math.isfinite(v)]
    if not known:
        return None
    low, high = min(0.0, min(known)), max(0.0, max(known))
    pad = max((high - low) * 0.12, 2.0)
    return [low - pad, high + pad]


# ---------------------------------------------------------------- a share over the years


def share_by_year(
    frame: pd.DataFrame, lang: str = DEFAULT_LANG, title: str = "", subtitle: str = ""
) -> go.Figure:
    """Bars: a group's share (%) in the same months of each year; the latest year in navy.

    frame: start, end, share (a ratio), one row per year (etl.aggregates.share_by_year).
    """
    lang = i18n.normalize_lang(lang)
    if frame.empty:
        return message_figure(t("fig.no_data", lang), title)
    x = [t("fig.year", lang, y=int(e) // 100) for e in frame["end"]]
    y = [None if i18n.is_missing(v) else float(v) * 100 for v in frame["share"]]
    labels = [i18n.fmt_window(a, b, lang) for a, b in zip(frame["start"], frame["end"])]
    fig = go.Figure(
        go.Bar(
            x=x,
            y=y,
            marker_color=[NAVY_LIGHT] * (len(y) - 1) + [NAVY],
            customdata=labels,
            text=["" if v is None else f"{v:.1f}%" for v in y],
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"%{{customdata}}<br>{t('fig.share', lang)}：%{{y:.1f}}%<extra></extra>",
        )
    )
    mark_protected(fig, x, protected_flags(frame["share"]), lang, labels=labels)
    base_layout(fig, title, subtitle, height=250, legend=False)
    fig.update_layout(
        margin={"l": 48, "r": 16, "t": 64 if title else 24, "b": 36},
        bargap=0.45,
        xaxis={"type": "category", "showgrid": False},
        yaxis={
            "title": {"text": t("fig.share_axis", lang)},
            "ticksuffix": "%",
            "gridcolor": GRID,
            "range": [0, max(known) * 1.22 if (known := [v for v in y if v]) else 1],
        },
    )
    return note_protected(fig, lang)
