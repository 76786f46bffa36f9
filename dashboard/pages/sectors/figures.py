"""Pure figures of the 服务类别 page: ranking, composition treemap, groups over the years."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import base_layout, message_figure, value_decimals
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.palette import GREY, GRID, NAVY, NAVY_LIGHT
from dashboard.protected_marks import mark_protected, note_protected, protected_flags
from etl import numbers

AMBER, GREEN = "#c8811a", "#2e7d4f"
GROUP_COLORS = {"TJ_PILLAR": NAVY, "KIS": GREEN, "TJ_EMERGING": AMBER, "TOTAL": GREY}


def sector_ranking(
    ranked: pd.DataFrame,
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    title: str = "",
    subtitle: str = "",
) -> go.Figure:
    """Horizontal bars, largest on top: amount over the window, labelled with 同比.

    ranked: sector_views.ranking(...). customdata of every bar: [category code] (drill-down).
    """
    lang = i18n.normalize_lang(lang)
    if ranked.empty or not any(map(numbers.nonzero, ranked["current"])):
        return message_figure(t("fig.no_data", lang), title)
    unit_name = i18n.unit_label(unit, lang)
    d = value_decimals(unit, lang)
    x = [i18n.to_unit(v, unit, lang) for v in ranked["current"]]  # protected: None, a gap
    text = [
        "" if v is None else f"{v:,.{d}f} · {t('sec.yoy_short', lang, v=i18n.fmt_pct(g))}"
        for v, g in zip(x, ranked["growth"])
    ]
    shares = [i18n.fmt_pct(s, signed=False) for s in ranked["share"]]
    fig = go.Figure(
        go.Bar(
            x=x,
            y=list(ranked["name"]),
            orientation="h",
            marker_color=NAVY,
            text=text,
            textposition="outside",
            cliponaxis=False,
            customdata=[[c, s] for c, s in zip(ranked["code"], shares)],
            hovertemplate=(
                f"%{{y}}<br>%{{x:,.{d}f}} {unit_name}<br>{t('fig.share', lang)}："
                "%{customdata[1]}<extra></extra>"
            ),
        )
    )
    names = list(ranked["name"])
    mark_protected(
        fig, names, protected_flags(ranked["current"]), lang, labels=names, horizontal=True
    )
    base_layout(fig, title, subtitle, height=max(320, 110 + 34 * len(ranked)), legend=False)
    fig.update_layout(
        margin={"l": 16, "r": 24, "t": 88 if title else 24, "b": 40},
        bargap=0.3,
        xaxis={
            "title": {"text": t("fig.amount_axis", lang, unit=unit_name)},
            "gridcolor": GRID,
            "range": [0, (max((v for v in x if v is not None), default=0) or 1) * 1.32],
            # grouped digits, as every amount axis: 万美元 read 50,000, never "50k"
            "tickformat": ",.1~f",
        },
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 12}},
    )
    return note_protected(fig, lang)


def sector_treemap(
    nodes: pd.DataFrame,
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    title: str = "",
    subtitle: str = "",
) -> go.Figure:
    """Composition: main categories, their sub-items inside (未细分 for the rest).

    nodes: sector_views.treemap_nodes(...). customdata: [category code, amount, share].
    """
    lang = i18n.normalize_lang(lang)
    if nodes.empty or not any(map(numbers.nonzero, nodes["value"])):
        return message_figure(t("fig.no_data", lang), title)
    # a protected category cannot be sized (and is never sized by zero): it is left out of the
    # areas and named with its C above the chart
    hidden = protected_flags(nodes["value"])
    secret = [label for label, h in zip(nodes["label"], hidden) if h]
    nodes = nodes[[not h for h in hidden]]
    if nodes.empty:
        return message_figure("<br>".join(_secret_lines(secret, lang)), title)
    unit_name = i18n.unit_label(unit, lang)
    amounts = [i18n.fmt_amount(v, unit, lang) for v in nodes["value"]]
    shares = [i18n.fmt_pct(s, signed=False) for s in nodes["share"]]
    # a tile says its share, or its amount when the share is protected (the total is): a "C"
    # on a drawn tile would read as if the category itself were
    tiles = [a if numbers.protected(s) else sh for a, s, sh in zip(amounts, nodes["share"], shares)]
    fig = go.Figure(
        go.Treemap(
            ids=list(nodes["id"]),
            parents=list(nodes["parent"]),
            labels=list(nodes["label"]),
            values=[float(v) for v in nodes["value"]],
            branchvalues="total",
            customdata=[
                [c, a, s, tile] for c, a, s, tile in zip(nodes["code"], amounts, shares, tiles)
            ],
            texttemplate="%{label}<br>%{customdata[3]}",
            maxdepth=2,
            hovertemplate=f"%{{label}}<br>%{{customdata[1]}} · {t('fig.share', lang)}"
            "%{customdata[2]}<extra></extra>",
            marker={"colorscale": "Blues", "line": {"width": 1, "color": "#fff"}},
            pathbar={"visible": False},
            tiling={"pad": 2},
        )
    )
    base_layout(fig, title, subtitle or unit_name, height=460, legend=False)
    fig.update_layout(margin={"l": 8, "r": 8, "t": 88 if title else 16, "b": 8})
    if secret:
        lines = _secret_lines(secret, lang)
        sub = fig.layout.title.subtitle.text
        fig.layout.title.subtitle.text = "<br>".join([sub, *lines])
        fig.update_layout(margin={"t": fig.layout.margin.t + 16 * len(lines)})
    return fig


# Characters a subtitle line holds in the treemap's card (a third of the page): a title's text
# does not wrap by itself, and a long list of left-out categories ran past the card's edge.
_LINE_CHARS = {"zh": 30, "en": 60}


def _secret_lines(names: list[str], lang: str) -> list[str]:
    """'保密（C），未计入图中：运输、电信、计算机和信息服务' for the categories left out, broken
    between names (never inside one) into lines that fit the card."""
    sep = t("fig.protected_sep", lang)
    head = t("sec.treemap.protected", lang, names="")  # the names come last in both languages
    lines, line = [], head
    for i, name in enumerate(names):
        piece = name + (sep if i < len(names) - 1 else "")
        if line != head and len(line) + len(piece) > _LINE_CHARS[lang]:
            lines.append(line)
            line = piece
        else:
            line += piece
    return [*lines, line]


def _year_axis(years: pd.DataFrame, lang: str) -> tuple[list[str], list[str]]:
    spans = years.drop_duplicates("end")[["start", "end"]]
    ticks = [t("fig.year", lang, y=int(e) // 100) for e in spans["end"]]
    labels = [i18n.fmt_window(a, b, lang) for a, b in zip(spans["start"], spans["end"])]
    return ticks, labels


def group_shares(
    years: pd.DataFrame,
    names: dict[str, str],
    lang: str = DEFAULT_LANG,
    groups: tuple[str, ...] = ("TJ_PILLAR", "KIS"),
    title: str = "",
    subtitle: str = "",
) -> go.Figure:
    """Lines: each group's share (%) of the total in the same months of each year."""
    lang = i18n.normalize_lang(lang)
    shown = years[years["group"].isin(groups)] if not years.empty else years
    if shown.empty:
        return message_figure(t("fig.no_data", lang), title)
    ticks, labels = _year_axis(years, lang)
    fig = go.Figure()
    hidden: list[list[str]] = [[] for _ in ticks]  # per year: the groups protected there
    for group in groups:
        rows = shown[shown["group"] == group].set_index("end")["share"]
        ends = years.drop_duplicates("end")["end"]
        y = [None if i18n.is_missing(rows.get(e)) else float(rows.get(e)) * 100 for e in ends]
        for i, flag in enumerate(protected_flags(rows.get(e) for e in ends)):
            if flag:
                hidden[i].append(names.get(group, group))
        fig.add_trace(
            go.Scatter(
                x=ticks,
                y=y,
                name=names.get(group, group),
                mode="lines+markers+text",
                line={"color": GROUP_COLORS.get(group, NAVY_LIGHT), "width": 2},
                text=[
                    None if v is None or i < len(y) - 1 else f"{v:.1f}%" for i, v in enumerate(y)
                ],
                textposition="top center" if group == groups[0] else "bottom center",
                customdata=labels,
                cliponaxis=False,
                hovertemplate=f"%{{customdata}}<br>{names.get(group, group)}：%{{y:.1f}}%"
                "<extra></extra>",
            )
        )
    mark_protected(fig, ticks, hidden, lang, labels=labels)
    base_layout(fig, title, subtitle, height=340)
    fig.update_layout(
        margin={"l": 56, "r": 24, "t": 96 if title else 40, "b": 40},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.15, "yanchor": "top"},
        xaxis={"type": "category", "showgrid": False},
        yaxis={
            "title": {"text": t("fig.share_axis", lang)},
            "ticksuffix": "%",
            "gridcolor": GRID,
            "rangemode": "tozero",
        },
    )
    return note_protected(fig, lang)


def emerging_growth(
    years: pd.DataFrame,
    names: dict[str, str],
    lang: str = DEFAULT_LANG,
    group: str = "TJ_EMERGING",
    title: str = "",
    subtitle: str = "",
) -> go.Figure:
    """Grouped bars: the emerging sectors' 同比 against the total's, year by year."""
    lang = i18n.normalize_lang(lang)
    # years with a 同比, or with a protected one (a gap with C); not those without a base
    known = (
        years[years["growth"].map(lambda g: numbers.protected(g) or not i18n.is_missing(g))]
        if not years.empty
        else years
    )
    if known.empty or known[known["group"] == group].empty:
        return message_figure(t("fig.no_data", lang), title)
    ticks, labels = _year_axis(known, lang)
    ends = known.drop_duplicates("end")["end"]
    fig = go.Figure()
    for key, color in ((group, AMBER), ("TOTAL", GREY)):
        rows = known[known["group"] == key].set_index("end")["growth"]
        y = [None if i18n.is_missing(rows.get(e)) else float(rows.get(e)) * 100 for e in ends]
        # a protected 同比: C in its own bar's slot of the group
        hidden = [[names.get(key, key)] if h else [] for h in protected_flags(map(rows.get, ends))]
        mark_protected(fig, ticks, hidden, lang, labels=labels, group=key)
        fig.add_trace(
            go.Bar(
                x=ticks,
                y=y,
                name=names.get(key, key),
                marker_color=color,
                text=[None if v is None else f"{v:+.1f}%" for v in y],
                textposition="outside",
                cliponaxis=False,
                offsetgroup=key,
                customdata=labels,
                hovertemplate=f"%{{customdata}}<br>{names.get(key, key)}：%{{y:+.1f}}%<extra></extra>",
            )
        )
    base_layout(fig, title, subtitle, height=340)
    fig.update_layout(
        barmode="group",
        bargap=0.3,
        scattermode="group",  # a C in the slot of its bar
        scattergap=0.3,
        margin={"l": 56, "r": 24, "t": 96 if title else 40, "b": 40},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.15, "yanchor": "top"},
        xaxis={"type": "category", "showgrid": False},
        yaxis={
            "title": {"text": t("fig.yoy_axis", lang)},
            "ticksuffix": "%",
            "gridcolor": GRID,
            "zeroline": True,
            "zerolinecolor": "#c9ced6",
        },
    )
    return note_protected(fig, lang)
