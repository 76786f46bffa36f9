"""Pure charts of the 地区 page (ranking, contribution, top regions over time); DataFrame in,
plotly Figure out. ranked_bars and series_lines are shared with the partners page."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import (
    _axis_labels,
    base_layout,
    jan_feb_notes,
    message_figure,
    point_label,
    value_decimals,
)
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.palette import GREY, GRID, NAVY, PALETTE
from dashboard.protected_marks import mark_protected, note_protected, protected_flags
from etl import numbers
from etl.aggregates import combined_monthly, per_month
from etl.evaluation.districts import TOTAL

RED_LIGHT = "#d9822b"
SELECTED = PALETTE[1]  # amber: the partner or region picked
LIGHT = "#8fa8c4"  # a bar that cannot be opened


def leading_codes(codes, amounts, n: int) -> list[str]:
    """The n codes with the largest amounts (codes come largest first), then protected ones
    (C: never placed by their value) while there is room: a trend of the leading rows draws
    them with their gaps rather than nothing."""
    pairs = list(zip(codes, amounts))
    known = [c for c, v in pairs if not numbers.protected(v) and v > 0]
    hidden = [c for c, v in pairs if numbers.protected(v)]
    return (known + hidden)[:n]


def _height(n: int) -> int:
    return max(260, 30 * n + 130)


def ranked_bars(
    frame: pd.DataFrame,
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    title: str = "",
    subtitle: str = "",
    selected: str | None = None,
    clickable: set[str] | None = None,
) -> go.Figure:
    """Horizontal bars, largest on top: amount with 同比 in brackets; customdata = code.

    frame: code, name, current (minor units), growth (ratio or None), in display order.
    selected is drawn in red; codes outside clickable (when given) in a lighter blue.
    """
    lang = i18n.normalize_lang(lang)
    if frame.empty:
        return message_figure(t("fig.no_data", lang), title)
    d = value_decimals(unit, lang)
    # a protected amount is a gap (None), never a zero bar; its C sits on the baseline
    amounts = [
        None if numbers.protected(v) else (i18n.to_unit(v, unit, lang) or 0.0)
        for v in frame["current"]
    ]
    growth = [i18n.fmt_pct(g) for g in frame["growth"]]
    text = [
        ""
        if a is None
        else f"{a:,.{d}f}" + ("" if g == i18n.MISSING else t("reg.growth_bracket", lang, v=g))
        for a, g in zip(amounts, growth)
    ]
    colors = [bar_color(c, selected, clickable) for c in frame["code"]]
    unit_name = i18n.unit_label(unit, lang)
    fig = go.Figure(
        go.Bar(
            x=amounts,
            y=list(frame["name"]),
            orientation="h",
            marker_color=colors,
            text=text,
            textposition="outside",
            cliponaxis=False,
            customdata=list(frame["code"]),
            hovertext=growth,
            hovertemplate=(
                f"%{{y}}<br>{t('tbl.amount', lang, unit=unit_name)}：%{{x:,.{d}f}}"
                f"<br>{t('fig.yoy', lang)}：%{{hovertext}}<extra></extra>"
            ),
        )
    )
    names = list(frame["name"])
    mark_protected(
        fig, names, protected_flags(frame["current"]), lang, labels=names, horizontal=True
    )
    base_layout(fig, title, subtitle, height=_height(len(frame)), legend=False)
    top = max((a for a in amounts if a is not None), default=0)
    fig.update_layout(
        margin={"l": 16, "r": 24, "t": 88 if title else 24, "b": 48},
        bargap=0.3,
        xaxis={
            "title": {"text": t("fig.amount_axis", lang, unit=unit_name)},
            "gridcolor": GRID,
            "range": [0, top * 1.3 if top > 0 else 1],
            "tickformat": ",.1~f",
        },
        yaxis={"autorange": "reversed", "automargin": True, "ticksuffix": "  "},
    )
    return note_protected(fig, lang)


def bar_color(code: str, selected: str | None, clickable: set[str] | None) -> str:
    """A bar's colour: the selected one amber, one that cannot be opened lighter, else navy."""
    if selected and code == selected:
        return SELECTED
    if clickable is not None and code not in clickable:
        return LIGHT
    return NAVY


def ranking_frame(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The evaluation rows as ranked_bars wants them: children only, names in lang."""
    body = rows[rows["code"] != TOTAL]
    return pd.DataFrame(
        {
            "code": body["code"],
            "name": body[f"name_{lang}"],
            "current": body["current"],
            "growth": body["growth"],
        }
    )


def contribution_bars(
    rows: pd.DataFrame, lang: str = DEFAULT_LANG, title: str = "", subtitle: str = ""
) -> go.Figure:
    """Each child's contribution to the parent's growth in 百分点 (they add up to it)."""
    lang = i18n.normalize_lang(lang)
    body = rows[rows["code"] != TOTAL]
    # a protected contribution stays (a gap with C, after the known ones, in the rows' order);
    # one that cannot be computed (no base) is left out
    hidden = pd.Series(protected_flags(body["contribution_pp"]), index=body.index, dtype=bool)
    known = body[~body["contribution_pp"].map(i18n.is_missing)]
    order = known["contribution_pp"].astype(float).sort_values(ascending=False, kind="stable")
    body = pd.concat([known.loc[order.index], body[hidden]])
    if body.empty:
        return message_figure(t("reg.contrib.none", lang), title)
    hidden = protected_flags(body["contribution_pp"])
    values = [None if h else float(v) for h, v in zip(hidden, body["contribution_pp"])]
    text = [
        "" if v is None else i18n.fmt_pp(v / 100, lang).replace(t("fmt.pp", lang, v=""), "")
        for v in values
    ]
    names = list(body[f"name_{lang}"])
    fig = go.Figure(
        go.Bar(
            x=values,
            y=names,
            orientation="h",
            text=text,
            textposition="outside",
            cliponaxis=False,
            customdata=list(body["code"]),
            marker_color=[NAVY if v is None or v >= 0 else RED_LIGHT for v in values],
            hovertemplate=f"%{{y}}<br>{t('reg.contrib.axis', lang)}：%{{x:+.2f}}<extra></extra>",
        )
    )
    mark_protected(fig, names, hidden, lang, labels=names, horizontal=True)
    base_layout(fig, title, subtitle, height=_height(len(body)), legend=False)
    shown = [v for v in values if v is not None] or [0.0]
    low, high = min(0.0, min(shown)), max(0.0, max(shown))
    pad = max((high - low) * 0.25, 0.5)
    fig.update_layout(
        margin={"l": 16, "r": 24, "t": 88 if title else 24, "b": 48},
        bargap=0.3,
        xaxis={
            "title": {"text": t("reg.contrib.axis", lang)},
            "gridcolor": GRID,
            "zeroline": True,
            "zerolinecolor": GREY,
            "range": [low - (pad if low < 0 else 0), high + pad],
        },
        yaxis={"autorange": "reversed", "automargin": True, "ticksuffix": "  "},
    )
    return note_protected(fig, lang)


def series_lines(
    frame: pd.DataFrame,
    key: str,
    labels: dict[str, str],
    order: list[str],
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    start: int | None = None,
    title: str = "",
    subtitle: str = "",
    jan_in_feb: bool = False,
) -> go.Figure:
    """One line per code in order (1–2月 combined), monthly amounts from start on.

    frame: period, key (the code column), amount (minor units); labels: code -> name.
    """
    lang = i18n.normalize_lang(lang)
    fig = go.Figure()
    d = value_decimals(unit, lang)
    unit_name = i18n.unit_label(unit, lang)
    hidden: dict[tuple, tuple[int, str, list[str]]] = {}  # position -> (period, label, series)
    for i, code in enumerate(order):
        points = combined_monthly(frame[frame[key] == code], jan_in_feb)
        if start is not None:
            points = points[points["period"] >= start].reset_index(drop=True)
        if points.empty:
            continue
        names = [point_label(p, m, lang) for p, m in zip(points["period"], points["months"])]
        x = _axis_labels(points, lang)
        for pos, period, name, h in zip(
            zip(*x), points["period"], names, protected_flags(points["amount"])
        ):
            if h:
                hidden.setdefault(pos, (period, name, []))[2].append(labels.get(code, code))
        combined = [m == "1-2" for m in points["months"]]
        # 1–2月 at its monthly average, an open marker, its total in the hover (one rule).
        values = [t("fig.jan_feb_avg", lang) if c else t("fig.amount", lang) for c in combined]
        fig.add_trace(
            go.Scatter(
                x=x,
                y=[i18n.to_unit(v, unit, lang) for v in per_month(points)],
                name=labels.get(code, code),
                mode="lines+markers",
                customdata=list(zip(names, values, jan_feb_notes(points, unit, lang))),
                line={"color": PALETTE[i % len(PALETTE)], "width": 2},
                marker={
                    "size": [7 if c else 4 for c in combined],
                    "symbol": ["circle-open" if c else "circle" for c in combined],
                },
                hovertemplate=(
                    f"{labels.get(code, code)}<br>%{{customdata[0]}} %{{customdata[1]}}："
                    f"%{{y:,.{d}f}} {unit_name}%{{customdata[2]}}<extra></extra>"
                ),
            )
        )
    if not fig.data:
        return message_figure(t("fig.no_data", lang), title)
    marks = sorted(hidden.items(), key=lambda item: item[1][0])
    mark_protected(
        fig,
        [[pos[0] for pos, _ in marks], [pos[1] for pos, _ in marks]],
        [who for _, (_, _, who) in marks],
        lang,
        labels=[name for _, (_, name, _) in marks],
    )
    base_layout(fig, title, subtitle, height=420)
    fig.update_layout(
        margin={"l": 64, "r": 24, "t": 110 if title else 48, "b": 56},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
        xaxis={"type": "multicategory", "tickfont": {"size": 11}, "showgrid": False},
        yaxis={
            "title": {"text": t("fig.amount_axis", lang, unit=unit_name)},
            "gridcolor": GRID,
            "rangemode": "tozero",
            "tickformat": ",.1~f",
        },
    )
    return note_protected(fig, lang)
