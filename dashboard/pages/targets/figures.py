"""Target figures, pure: a cumulative path frame (etl.targets.path) in, a plotly figure out."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.i18n import t
from dashboard.protected_marks import mark_protected, note_protected, protected_flags

UNIT = "usd_100m"
NAVY, ACCENT, GREY = "#12355b", "#b71c1c", "#8a96a3"
BAND = "rgba(18, 53, 91, 0.14)"
FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def has_path(path: pd.DataFrame | None) -> bool:
    """Whether a path frame has anything to draw (actual months or the path needed)."""
    return (
        path is not None
        and not path.empty
        and bool(path["actual"].notna().any() or path["needed"].notna().any())
    )


def _line(
    path: pd.DataFrame, column: str, name: str, lang: str, x: list[str], **style
) -> go.Scatter:
    values = path[column]
    style.setdefault("hovertemplate", f"{name}：%{{text}}<extra></extra>")
    return go.Scatter(
        x=x,
        y=[i18n.to_unit(v, UNIT, lang) for v in values],
        name=name,
        text=[i18n.fmt_amount(v, UNIT, lang) for v in values],
        **style,
    )


def cumulative_path_figure(
    path: pd.DataFrame, lang: str = i18n.DEFAULT_LANG, title: str | None = None
) -> go.Figure:
    """Cumulative actual by month against the path the target needs, with the projection band."""
    x = [i18n.fmt_period(p, lang) for p in path["period"]]
    fig = go.Figure()
    if path["projection_low"].notna().any():
        fig.add_trace(
            _line(
                path,
                "projection_high",
                t("targets.chart.band", lang),
                lang,
                x,
                mode="lines",
                line={"width": 0},
                showlegend=False,
                hoverinfo="skip",
                hovertemplate=None,
                legendgroup="band",
            )
        )
        fig.add_trace(
            _line(
                path,
                "projection_low",
                t("targets.chart.band", lang),
                lang,
                x,
                mode="lines",
                line={"width": 0},
                fill="tonexty",
                fillcolor=BAND,
                hoverinfo="skip",
                hovertemplate=None,
                legendgroup="band",
            )
        )
    if path["base"].notna().any():
        fig.add_trace(
            _line(
                path,
                "base",
                t("targets.chart.base", lang),
                lang,
                x,
                mode="lines",
                line={"color": GREY, "dash": "dot", "width": 1.5},
            )
        )
    if path["needed"].notna().any():
        fig.add_trace(
            _line(
                path,
                "needed",
                t("targets.chart.needed", lang),
                lang,
                x,
                mode="lines",
                line={"color": ACCENT, "dash": "dash", "width": 2},
            )
        )
    if path["projection"].notna().any():
        fig.add_trace(
            _line(
                path,
                "projection",
                t("targets.chart.projection", lang),
                lang,
                x,
                mode="lines",
                line={"color": NAVY, "dash": "dot", "width": 2},
            )
        )
    if path["actual"].notna().any():
        fig.add_trace(
            _line(
                path,
                "actual",
                t("targets.chart.actual", lang),
                lang,
                x,
                mode="lines+markers",
                line={"color": NAVY, "width": 3},
                marker={"size": 6},
            )
        )
    # a protected month leaves the cumulative actual protected from there on: gaps with C
    mark_protected(
        fig,
        x,
        [[t("targets.chart.actual", lang)] if h else [] for h in protected_flags(path["actual"])],
        lang,
        labels=x,
    )
    needed_end = path["needed"].iloc[-1]
    if not i18n.is_missing(needed_end):
        fig.add_annotation(
            x=x[-1],
            y=i18n.to_unit(needed_end, UNIT, lang),
            text=i18n.fmt_amount(needed_end, UNIT, lang),
            showarrow=False,
            xanchor="right",
            yanchor="bottom",
            font={"color": ACCENT},
        )
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}} if title else None,
        template="plotly_white",
        font={"family": FONT, "size": 13, "color": "#1c2733"},
        height=400,
        margin={"l": 70, "r": 20, "t": 50 if title else 20, "b": 60},
        hovermode="x unified",
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
        yaxis={
            "title": {"text": i18n.unit_label(UNIT, lang)},
            "rangemode": "tozero",
            "separatethousands": True,
        },
        xaxis={"type": "category"},
    )
    return note_protected(fig, lang)
