"""The protected points (C) of every chart a leader sees: a gap with a bold C on the baseline,
hover 保密 naming the series, and the note under the title (docs/disclosure.md). Pure."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard import i18n
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.palette import GREY
from etl import numbers

#
# For roles without enterprise-level rights the query layer returns a protected figure as pandas
# NA (docs/disclosure.md); a chart draws it as a gap — never a zero bar — with a "C" on the
# axis baseline at that position (hover: 保密) and says so under its title.

PROTECTED = "protected"  # legendgroup of the C markers: how tests and callers find them
PROTECTED_COLOR = "#4a5563"
HALO = "0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff"


def protected_flags(values) -> list[bool]:
    """Which values are protected (pandas NA); None or NaN (nothing to compare with) are not."""
    return [numbers.protected(v) for v in values]


def _multicategory(x) -> bool:
    """Whether axis values are two-level ([[years], [months]]) rather than a flat list."""
    return len(x) == 2 and all(isinstance(level, (list, tuple)) for level in x)


def mark_protected(
    fig: go.Figure,
    x,
    hidden,
    lang: str = DEFAULT_LANG,
    *,
    labels=None,
    horizontal: bool = False,
    axis: str = "y",
    at=None,
    on_top: bool = False,
    group: str | None = None,
    color: str = PROTECTED_COLOR,
) -> go.Figure:
    """Add one trace of "C" text markers where a series is protected; hover 保密.

    x: the positions as the value trace has them (a list, or [[years], [months]] for a
    multicategory axis); for horizontal bars the category positions on y.
    hidden: per position True/False, or the names of the series protected there (several series
    protected at one position give one C, and the hover names them).
    labels: per position, the point's name for the hover ('2021年3月', a region).
    axis: the value axis the marker sits on ('y2' for a 同比 line on the right).
    at: per position, the other coordinate (a heatmap's row); default the baseline, 0.
    on_top: the C just above `at` (the top of a stack whose other parts are drawn) rather than
    centred on it.
    group: the offsetgroup of the series' bars in grouped bars (with layout scattermode
    "group"), so the C stands in that bar's slot, not between the bars.
    color: the C's colour (a 同比 line's C in the line's red).
    The value stays a gap: nothing is drawn at a protected position but the C.
    """
    lang = i18n.normalize_lang(lang)
    x = list(x)
    two_level = _multicategory(x)
    chosen = [i for i, h in enumerate(hidden) if h]
    if not chosen:
        return fig
    secret = t("fig.protected", lang)
    hover = []
    for i in chosen:
        who = hidden[i]
        line = secret
        if not isinstance(who, bool) and who:
            line = f"{t('fig.protected_sep', lang).join(dict.fromkeys(who))}：{secret}"
        name = labels[i] if labels is not None else None
        hover.append(f"{name}<br>{line}" if name else line)
    where = [[level[i] for i in chosen] for level in x] if two_level else [x[i] for i in chosen]
    other = [0] * len(chosen) if at is None else [at[i] for i in chosen]
    xs, ys = (other, where) if horizontal else (where, other)
    trace = go.Scatter(
        x=xs,
        y=ys,
        mode="text",
        # beside the baseline of horizontal bars, a space apart from the axis line
        text=[("\u00a0" if horizontal else "") + numbers.CONFIDENTIAL] * len(chosen),
        textposition=(
            "middle right"
            if horizontal
            else "middle center"
            if at is not None and not on_top
            else "top center"
        ),
        textfont={
            "size": 14,
            "color": color,
            "weight": "bold",
            "shadow": HALO,  # readable over a bar or a grid line (family: the layout's CJK font)
        },
        name=t("fig.protected_name", lang),
        legendgroup=PROTECTED,
        showlegend=False,  # the line under the title says what C means
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
    )
    if axis != "y":
        trace.update(yaxis=axis)
    if group is not None:
        trace.update(offsetgroup=group)
    fig.add_trace(trace)
    # a legendgroup on any trace makes plotly group the legend, and a horizontal legend then
    # puts each series on a row of its own, over the title (the markers have no legend entry)
    if fig.layout.legend.traceorder is None:
        fig.update_layout(legend_traceorder="normal")
    return fig


def note_protected(fig: go.Figure, lang: str = DEFAULT_LANG, when: bool | None = None) -> go.Figure:
    """Say on the figure that some of it is protected: '部分数据保密，图中标为C' as
    a line of the subtitle (a figure with a title), else at the top left above the plot.

    when: whether to say it; by default, when the figure carries C markers. Call it last
    (after base_layout, which sets the title)."""
    if not (has_protected(fig) if when is None else when):
        return fig
    _blank_value_axis(fig)
    note = t("fig.protected_note", i18n.normalize_lang(lang))
    title = fig.layout.title
    if title.text:
        sub = title.subtitle.text or ""
        title.subtitle.text = f"{sub}<br>{note}" if sub else note
        # one line more under the title
        fig.update_layout(margin={"t": (fig.layout.margin.t or 88) + 16})
        return fig
    fig.add_annotation(
        text=note,
        name=PROTECTED,
        x=0,
        y=1,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        yshift=6,
        showarrow=False,
        font={"size": 12, "color": GREY},
    )
    fig.update_layout(margin={"t": max(fig.layout.margin.t or 0, 40)})
    return fig


def _blank_value_axis(fig: go.Figure) -> None:
    """Where every figure of a chart is C, its value axis has nothing to measure: no tick
    labels (plotly's default range, in a whole-number format, read "1 1 1 0 0 0"), the Cs on
    the baseline of a 0–1 range."""
    drawn = [tr for tr in fig.data if tr.legendgroup != PROTECTED]
    if not drawn or any(tr.type not in ("scatter", "bar") for tr in drawn):
        return
    horizontal = all(tr.type == "bar" and tr.orientation == "h" for tr in drawn)
    values = [v for tr in drawn for v in ((tr.x if horizontal else tr.y) or ())]
    if any(not i18n.is_missing(v) for v in values):
        return
    update = fig.update_xaxes if horizontal else fig.update_yaxes
    update(showticklabels=False, range=[0, 1], autorange=False)


def has_protected(fig: go.Figure) -> bool:
    """Whether a figure carries C markers (anything protected drawn as a gap)."""
    return any(tr.legendgroup == PROTECTED for tr in fig.data)
