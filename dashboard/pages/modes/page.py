"""供给模式 / Modes of supply: the four modes over time, their shares, category × mode, table.

Layout = header + the shared filter bar + empty panels; each panel has one thin callback:
URL search -> FilterState -> one data call -> one figure or view function. Mode 3 (FATS
sales) is drawn beside the BOP total, stacked into it only under 全口径.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import breakdowns as modes_sectors_data
from dashboard import coverage_line, data, drill, i18n, tables
from dashboard.components import empty_state, no_data, page_header, scope_note, section_card
from dashboard.downloads import download_bar, download_store, payload
from dashboard.figures import png_config, scoped
from dashboard.filter_bar.layout import filter_bar
from dashboard.filter_state import from_kwargs, from_query
from dashboard.i18n import t
from dashboard.ids import Coverage, FilterBar, Modes
from dashboard.page_data import options_or_notice
from dashboard.pages.modes import views
from dashboard.pages.modes.figures import mode_points, mode_shares, mode_trend
from dashboard.pages.modes.matrix import mode_matrix
from etl import numbers

dash.register_page(__name__, nav_group="data", path="/modes", order=20, name_key="nav.modes")

PATH = "/modes"
SECTORS = "/sectors"
SEARCH = Input(FilterBar.URL, "search")


def _loading(child) -> dcc.Loading:
    return dcc.Loading(child, type="default", delay_show=250, color="#12355b")


def _measure_buttons(measure: str, lang: str) -> dbc.RadioItems:
    options = [{"label": t(f"mod.measure.{m}", lang), "value": m} for m in views.MEASURES]
    return dbc.RadioItems(
        id=Modes.MEASURE,
        options=options,
        value=measure,
        inline=True,
        class_name="btn-group stm-segmented",
        input_class_name="btn-check",
        label_class_name="btn btn-sm btn-outline-primary",
        label_checked_class_name="active",
    )


def layout(**query: str) -> html.Div:
    """Header, filter bar and the panels the callbacks fill (nothing is computed here)."""
    search = from_kwargs(query)
    state = from_query(search)
    lang = state.lang
    header = page_header(t("mod.title", lang), t("mod.lead", lang), title_id=Modes.TITLE)
    options, notice = options_or_notice(header, lang, Modes.EMPTY)
    if notice is not None:
        return notice
    tools = html.Div(
        [
            _measure_buttons(views.measure_from_search(search), lang),
            download_bar(Modes.TREND_DOWNLOAD, lang),
        ],
        className="d-flex flex-wrap align-items-center gap-3",
    )
    trend = section_card(
        "",
        html.Div(
            [
                _loading(html.Div(id=Modes.TREND_BOX, className="stm-chart-box")),
                html.Div(id=Modes.FATS_NOTE),
            ]
        ),
        tools=tools,
    )
    shares = section_card("", _loading(html.Div(id=Modes.SHARES_BOX)), fill=True)
    matrix = section_card(
        "",
        _loading(html.Div(id=Modes.MATRIX_BOX)),
        tools=download_bar(Modes.MATRIX_DOWNLOAD, lang),
        fill=True,
    )
    grid = tables.grid(Modes.GRID, [], lang, "fig.no_data")
    return html.Div(
        [
            dcc.Location(id=Modes.NAV, refresh="callback-nav"),
            header,
            html.P(id=Modes.CONTEXT, className="stm-page-context"),
            filter_bar(state, options, search, PATH),
            html.Div(id=Modes.SCOPE_NOTE),
            html.Div(id=Coverage.MODES_LINE),
            _loading(dbc.Row(id=Modes.CARDS, class_name="stm-kpi-row")),
            trend,
            dbc.Row(
                [dbc.Col(shares, lg=5, class_name="mb-3"), dbc.Col(matrix, lg=7, class_name="mb-3")]
            ),
            section_card(
                t("mod.table.title", lang),
                _loading(html.Div(grid, id=Modes.GRID_BOX)),
                tools=download_bar(Modes.TABLE_DOWNLOAD, lang),
            ),
            html.P(t("mod.drill_hint", lang), className="stm-footnote"),
        ],
        className="stm-modes",
    )


def _unavailable(lang: str):
    return empty_state(t("home.unavailable", lang), t("home.unavailable_hint", lang))


def _names(modes, lang: str) -> dict[int, str]:
    return views.mode_names(modes, lang) if len(modes) else views.fallback_names(lang)


@dash.callback(
    Output(Modes.CONTEXT, "children"),
    Output(Modes.SCOPE_NOTE, "children"),
    Output(Modes.CARDS, "children"),
    SEARCH,
)
def render_summary(search: str | None):
    """Context line, what the total counts, and one card per mode (mode 3 marked apart)."""
    state = from_query(search)
    lang = state.lang
    try:
        series = modes_sectors_data.mode_series(state)
    except data.DatabaseUnavailable:
        return "", None, dbc.Col(_unavailable(lang))
    v = series.view
    period = views.period_text(v.start, v.end, lang)
    context = t(
        "mod.context",
        lang,
        region=v.region_name(lang),
        period=period,
        direction=t(f"filter.direction.{state.direction}", lang),
        scope=t(f"filter.scope.{state.scope}", lang),
        unit=i18n.unit_label(state.unit, lang),
    )
    if v.empty:
        return context, scope_note(state, lang), dbc.Col(no_data(v, lang, id=Modes.EMPTY))
    table = views.mode_table(series.windows, state.full_scope, state.modes)
    if not views.has_data(table):
        return context, scope_note(state, lang), dbc.Col(no_data(v, lang, id=Modes.EMPTY))
    cards = views.mode_cards(
        table, _names(series.modes, lang), state.unit, period, state.full_scope, lang
    )
    return context, scope_note(state, lang), cards


@dash.callback(
    Output(Modes.TREND_BOX, "children"),
    Output(Modes.FATS_NOTE, "children"),
    Output(download_store(Modes.TREND_DOWNLOAD), "data"),
    SEARCH,
)
def render_trend(search: str | None):
    """The modes over time: stacked total, mode 3 beside it (or stacked under 全口径)."""
    state = from_query(search)
    lang = state.lang
    try:
        series = modes_sectors_data.mode_series(state)
    except data.DatabaseUnavailable:
        return _unavailable(lang), None, None
    v, measure = series.view, views.measure_from_search(search)
    points = mode_points(
        series.frame,
        series.shown,
        cumulative=measure == "ytd",
        jan_in_feb=series.view.circulated,
        ytd=series.ytd,
    )
    if points.empty or not numbers.any_amount(points["amount"]):
        return no_data(v, lang), None, None
    names = _names(series.modes, lang)
    period = views.period_text(series.shown, v.end, lang)
    title = t(
        "mod.trend.title",
        lang,
        direction=t(f"dir.{state.direction}", lang),
        measure=t(f"mod.measure.{measure}", lang),
    )
    subtitle = t(
        "mod.trend.subtitle",
        lang,
        region=v.region_name(lang),
        unit=i18n.unit_label(state.unit, lang),
    )
    filename = t("mod.trend.file", lang, region=v.region_name(lang), period=period)
    figure = mode_trend(
        points,
        names,
        state.unit,
        lang,
        state.full_scope,
        state.modes,
        f"{scoped(title, state)} · {period}",
        subtitle,
        cumulative=measure == "ytd",
    )
    graph = dcc.Graph(
        id=Modes.TREND,
        figure=figure,
        config=png_config(scoped(filename, state), lang),
        className="stm-graph",
    )
    table = views.points_table(points, names, state.unit, state.full_scope, lang)
    return graph, views.fats_note(state.full_scope, lang), payload(table, filename, state)


@dash.callback(Output(Modes.SHARES_BOX, "children"), SEARCH)
def render_shares(search: str | None):
    """Each counted mode's share of the total at the same points as the trend."""
    state = from_query(search)
    lang = state.lang
    try:
        series = modes_sectors_data.mode_series(state)
    except data.DatabaseUnavailable:
        return _unavailable(lang)
    measure = views.measure_from_search(search)
    points = mode_points(
        series.frame,
        series.shown,
        cumulative=measure == "ytd",
        jan_in_feb=series.view.circulated,
        ytd=series.ytd,
    )
    if points.empty or not numbers.any_amount(points["amount"]):
        return no_data(series.view, lang)
    total = t("mod.total_short_full" if state.full_scope else "mod.total_short_bop", lang)
    figure = mode_shares(
        points,
        _names(series.modes, lang),
        lang,
        state.full_scope,
        state.modes,
        t("mod.shares.title", lang, total=total),
    )
    return dcc.Graph(
        id=Modes.SHARES,
        figure=figure,
        className="stm-graph",
        config=png_config(scoped(t("mod.shares.title", lang, total=total), state), lang),
    )


@dash.callback(
    Output(Modes.MATRIX_BOX, "children"),
    Output(download_store(Modes.MATRIX_DOWNLOAD), "data"),
    SEARCH,
)
def render_matrix(search: str | None):
    """Heatmap of the 12 main categories × the modes in the total over the window."""
    state = from_query(search)
    lang = state.lang
    try:
        matrix = modes_sectors_data.mode_matrix(state)
    except data.DatabaseUnavailable:
        return _unavailable(lang), None
    v = matrix.view
    if v.empty or matrix.frame.empty or not numbers.any_amount(matrix.frame["amount"]):
        return no_data(v, lang), None
    names = _names(matrix.modes, lang)
    period = views.period_text(v.start, v.end, lang)
    filename = t("mod.matrix.file", lang, region=v.region_name(lang), period=period)
    figure = mode_matrix(
        matrix.frame,
        matrix.categories,
        names,
        state.unit,
        lang,
        state.full_scope,
        state.modes,
        t("mod.matrix.title", lang, period=period),
        t(
            "mod.matrix.subtitle",
            lang,
            region=v.region_name(lang),
            unit=i18n.unit_label(state.unit, lang),
        ),
    )
    graph = dcc.Graph(
        id=Modes.MATRIX,
        figure=figure,
        config=png_config(scoped(filename, state), lang),
        className="stm-graph",
    )
    table = views.matrix_table(
        matrix.frame, matrix.categories, names, state.unit, state.full_scope, state.modes, lang
    )
    return graph, payload(table, filename, state)


@dash.callback(
    Output(Modes.GRID, "rowData"),
    Output(Modes.GRID, "columnDefs"),
    Output(download_store(Modes.TABLE_DOWNLOAD), "data"),
    SEARCH,
)
def render_table(search: str | None):
    """The modes over the window: amount, 同比, share and its change in 个百分点."""
    state = from_query(search)
    lang = state.lang
    try:
        series = modes_sectors_data.mode_series(state)
    except data.DatabaseUnavailable:
        return [], [], None
    v = series.view
    period = views.period_text(v.start, v.end, lang)
    columns = views.column_defs(state.unit, period, lang)
    if v.empty:
        return [], columns, None
    table = views.mode_table(series.windows, state.full_scope, state.modes)
    if not views.has_data(table):
        return [], columns, None
    rows = views.grid_rows(table, _names(series.modes, lang), state.unit, state.full_scope, lang)
    filename = t("mod.table.file", lang, region=v.region_name(lang), period=period)
    return (
        rows,
        columns,
        payload(views.download_table(rows, state.unit, period, lang), filename, state),
    )


@dash.callback(
    Output(FilterBar.URL, "search", allow_duplicate=True),
    Input(Modes.MEASURE, "value"),
    State(FilterBar.URL, "search"),
    prevent_initial_call=True,
)
def set_measure(measure: str, search: str | None):
    """当月 / 1–N月累计 goes into the URL (?show=ytd), so a copied link keeps it."""
    new = views.with_measure(search, measure)
    if new == (search or ""):
        raise PreventUpdate
    return new


@dash.callback(
    Output(Modes.NAV, "href"),
    Input(Modes.TREND, "clickData"),
    State(FilterBar.URL, "search"),
    prevent_initial_call=True,
)
def drill_mode(click: dict | None, search: str | None):
    """A mode's bar (or mode 3's point) opens 服务类别 for that mode, other filters kept."""
    point = drill.clicked(click)
    if not point or len(point) < 2:
        raise PreventUpdate
    return drill.drill_href(from_query(search), SECTORS, search, mode=int(point[1]))


@dash.callback(
    Output(Modes.NAV, "href", allow_duplicate=True),
    Input(Modes.MATRIX, "clickData"),
    State(FilterBar.URL, "search"),
    prevent_initial_call=True,
)
def drill_cell(click: dict | None, search: str | None):
    """A heatmap cell opens 服务类别 for that category and mode, other filters kept."""
    point = drill.clicked(click)
    if not point or len(point) < 2:
        raise PreventUpdate
    return drill.drill_href(
        from_query(search), SECTORS, search, category=str(point[0]), mode=int(point[1])
    )


dash.callback(Output(Coverage.MODES_LINE, "children"), SEARCH)(coverage_line.render)
