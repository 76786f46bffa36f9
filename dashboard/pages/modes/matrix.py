"""Pure figure of the 供给模式 page's category × mode matrix: main categories (sub-items rolled
up) against the modes in the total, protected cells as grey tiles with their C."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import base_layout, message_figure, value_decimals
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.pages.modes.figures import stacked_modes
from dashboard.palette import GREY, GRID
from dashboard.protected_marks import mark_protected, note_protected
from etl import numbers


def matrix_frame(frame: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """Category × mode amounts with sub-items rolled up into their main category.

    frame: category_code, mode, amount; categories: the service_category reference. Out: a
    pivot (index: main codes in EBOPS order, only those with data; columns: modes).
    """
    if frame.empty:
        return pd.DataFrame()
    main = dict(zip(categories["code"], categories["main_code"]))
    order = categories[categories["level"] == 1]["code"].tolist()
    rolled = frame.assign(main=frame["category_code"].map(main).fillna(frame["category_code"]))
    # a protected part leaves the cell protected (NA); a cell without rows is NaN (no data)
    sums = rolled.groupby(["main", "mode"])["amount"].sum(skipna=False)
    grid = sums.astype(object).unstack("mode")
    return grid.reindex([c for c in order if c in grid.index])


def tiles(hidden: list[list[bool]], x: list[str], y: list[str]) -> go.Heatmap:
    """Grey tiles at the protected cells of a matrix, for their C markers to sit on."""
    # a gap alone reads as an empty corner of the matrix, and an all-C matrix as a blank chart
    return go.Heatmap(
        z=[[1 if h else None for h in row] for row in hidden],
        x=x,
        y=y,
        colorscale=[[0, GRID], [1, GRID]],
        showscale=False,
        hoverongaps=False,
        hoverinfo="skip",
        xgap=2,
        ygap=2,
    )


def mode_matrix(
    frame: pd.DataFrame,
    categories: pd.DataFrame,
    names: dict[int, str],
    unit: str = "usd_100m",
    lang: str = DEFAULT_LANG,
    full_scope: bool = False,
    modes: tuple[int, ...] = (),
    title: str = "",
    subtitle: str = "",
) -> go.Figure:
    """Heatmap: main categories (names, EBOPS order, top down) × the modes in the total.

    The axes hold codes (category, mode) under name tick labels, so a click reports the codes.
    """
    lang = i18n.normalize_lang(lang)
    grid = matrix_frame(frame, categories)
    shown = list(stacked_modes(full_scope, modes))
    grid = grid.reindex(columns=shown) if not grid.empty else grid
    cells = grid.to_numpy(dtype=object)
    hidden = [[numbers.protected(v) for v in row] for row in cells]
    if grid.empty or not (grid.notna().any().any() or any(map(any, hidden))):
        return message_figure(t("fig.no_data", lang), title)
    name_col = "name_en" if lang == "en" else "name_zh"
    cat_names = dict(zip(categories["code"], categories[name_col].fillna(categories["name_zh"])))
    # Codes on the axes, names as their tick labels: a click reports the codes (Plotly leaves
    # customdata out of a heatmap's click event).
    codes, modes_text = list(grid.index), [str(m) for m in shown]
    y = [cat_names.get(c, c) for c in codes]
    x = [names.get(m, str(m)).replace("·", "<br>").replace(": ", ":<br>") for m in shown]
    z = [[i18n.to_unit(v, unit, lang) for v in row] for row in cells]
    d = value_decimals(unit, lang)
    # a protected cell is a grey tile with the C marker on it (below); a cell without data reads —
    text = [
        ["" if h else i18n.MISSING if v is None else f"{v:,.{d}f}" for v, h in zip(row, hrow)]
        for row, hrow in zip(z, hidden)
    ]
    unit_name = i18n.unit_label(unit, lang)
    shown_values = any(v is not None for row in z for v in row)
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=modes_text,
            y=codes,
            text=text,
            texttemplate="%{text}",
            colorscale="Blues",
            hoverongaps=False,
            customdata=[[[name, x[j]] for j in range(len(shown))] for name in y],
            showscale=shown_values,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": unit_name, "side": "right"}, "thickness": 12},
            hovertemplate=(
                f"%{{customdata[0]}} · %{{customdata[1]}}<br>%{{text}} {unit_name}<extra></extra>"
            ),
        )
    )
    spots = [(i, j) for i in range(len(codes)) for j in range(len(shown)) if hidden[i][j]]
    if spots:
        fig.add_trace(tiles(hidden, modes_text, codes))
    mark_protected(
        fig,
        [modes_text[j] for _, j in spots],
        [True] * len(spots),
        lang,
        labels=[f"{y[i]} · {x[j]}" for i, j in spots],
        at=[codes[i] for i, _ in spots],
    )
    base_layout(fig, title, subtitle, height=max(300, 120 + 34 * len(y)), legend=False)
    fig.update_layout(
        margin={"l": 16, "r": 16, "t": 88 if title else 24, "b": 56},
        xaxis={
            "type": "category",
            "showgrid": False,
            "tickfont": {"size": 11},
            "tickvals": modes_text,
            "ticktext": x,
        },
        yaxis={
            "type": "category",
            "tickvals": codes,
            "ticktext": y,
            "autorange": "reversed",
            "showgrid": False,
            "automargin": True,
            "tickfont": {"size": 12, "color": "#1c2733"},
        },
        font={"color": "#1c2733"},
    )
    fig.update_xaxes(tickfont={"color": GREY})
    return note_protected(fig, lang)
