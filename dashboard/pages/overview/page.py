"""总览 / Overview: where services trade stands in the chosen month and 1–N月累计.

Layout = header + the shared filter bar + empty panels; each panel has one thin callback:
URL search -> FilterState -> one data.* call -> one figure or view function.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html

from dashboard import coverage_line, data, i18n
from dashboard.components import (
    context_line,
    empty_state,
    no_data,
    page_header,
    scope_note,
    section_card,
)
from dashboard.downloads import download_bar, download_store, payload
from dashboard.figures import monthly_trend, png_config, scoped, share_by_year
from dashboard.filter_bar.layout import filter_bar
from dashboard.filter_state import from_kwargs, from_query
from dashboard.i18n import t, window_label
from dashboard.ids import Coverage, FilterBar, Overview
from dashboard.page_data import options_or_notice
from dashboard.pages.overview import data as overview_data
from dashboard.pages.overview import views
from dashboard.shell.links import with_query
from dashboard.tables import share_table, trend_table
from etl import numbers

dash.register_page(__name__, path="/overview", order=10, name_key="nav.overview")

PATH = "/overview"
SEARCH = Input(FilterBar.URL, "search")


def _loading(child) -> dcc.Loading:
    return dcc.Loading(child, type="default", delay_show=250, color="#12355b")


def layout(**query: str) -> html.Div:
    """Header, filter bar and the panels the callbacks fill (nothing is computed here)."""
    search = from_kwargs(query)
    state = from_query(search)
    lang = state.lang
    header = page_header(t("ovw.title", lang), title_id=Overview.TITLE)
    options, notice = options_or_notice(header, lang, Overview.EMPTY)
    if notice is not None:
        return notice
    trend = section_card(
        "",
        _loading(html.Div(id=Overview.TREND_BOX, className="stm-chart-box")),
        tools=download_bar(Overview.TREND_DOWNLOAD, lang),
    )
    kis = section_card(
        t("ovw.kis.title", lang),
        _loading(html.Div(id=Overview.KIS)),
        tools=download_bar(Overview.KIS_DOWNLOAD, lang),
        fill=True,
    )
    coverage = section_card(
        t("ovw.coverage.title", lang), _loading(html.Div(id=Overview.COVERAGE)), fill=True
    )
    return html.Div(
        [
            header,
            html.P(id=Overview.CONTEXT, className="stm-page-context"),
            filter_bar(state, options, search, PATH),
            html.Div(id=Overview.SCOPE_NOTE),
            _loading(dbc.Row(id=Overview.KPIS, class_name="stm-kpi-row")),
            html.Div(id=Overview.BENCHMARK),
            html.Div(id=Coverage.OVERVIEW_LINE),
            trend,
            dbc.Row(
                [dbc.Col(kis, lg=8, class_name="mb-3"), dbc.Col(coverage, lg=4, class_name="mb-3")]
            ),
            section_card(t("ovw.targets.title", lang), _loading(html.Div(id=Overview.TARGETS))),
        ],
        className="stm-overview",
    )


def _unavailable(lang: str):
    return empty_state(t("home.unavailable", lang), t("home.unavailable_hint", lang))


@dash.callback(
    Output(Overview.CONTEXT, "children"),
    Output(Overview.SCOPE_NOTE, "children"),
    Output(Overview.KPIS, "children"),
    SEARCH,
)
def render_summary(search: str | None):
    """Context line, what the total counts, and the four headline cards."""
    state = from_query(search)
    try:
        view, table = overview_data.trade_kpis(state)
    except data.DatabaseUnavailable:
        return "", None, dbc.Col(_unavailable(state.lang))
    context = context_line(view, state.lang)
    note = scope_note(state, state.lang)
    if table is None:
        return context, note, dbc.Col(no_data(view, state.lang, id=Overview.EMPTY))
    return context, note, views.kpi_cards(table, view, state.lang)


@dash.callback(Output(Overview.BENCHMARK, "children"), SEARCH)
def render_benchmark(search: str | None):
    """增长对标 under the cards: the region's published growth, its rank among the pilot regions
    and its gap to the nation in 百分点 (published figures only, so every role sees it); nothing
    at all when no file of published totals has them."""
    state = from_query(search)
    try:
        view, bench = overview_data.growth_benchmark(state)
    except data.DatabaseUnavailable:
        return None
    return views.benchmark_line(bench, view, state.lang)


@dash.callback(
    Output(Overview.TREND_BOX, "children"),
    Output(download_store(Overview.TREND_DOWNLOAD), "data"),
    SEARCH,
)
def render_trend(search: str | None):
    """The monthly bars with the 同比 line, and the same numbers for the download buttons."""
    state = from_query(search)
    lang = state.lang
    try:
        view, frame, start = data.monthly_trend(state)
    except data.DatabaseUnavailable:
        return _unavailable(lang), None
    if frame.empty or not numbers.any_amount(frame["amount"]):
        return no_data(view, lang), None
    direction = t(f"dir.{state.direction}", lang)
    period = window_label(start, view.end, lang)
    title = t("ovw.trend.title", lang, direction=direction)
    title = scoped(title, state)
    subtitle = t(
        "ovw.trend.subtitle",
        lang,
        region=view.region_name(lang),
        unit=i18n.unit_label(state.unit, lang),
    )
    filename = t("ovw.trend.file", lang, region=view.region_name(lang), period=period)
    figure = monthly_trend(
        frame,
        state.unit,
        lang,
        start,
        f"{title} · {period}",
        subtitle,
        _coverage_note(state),
        jan_in_feb=view.circulated,
    )
    graph = dcc.Graph(
        id=Overview.TREND,
        figure=figure,
        config=png_config(scoped(filename, state), lang),
        className="stm-graph",
    )
    table = trend_table(frame, state.unit, lang, start, jan_in_feb=view.circulated)
    return graph, payload(table, filename, state)


def _coverage_note(state) -> str:
    """The latest point's hover line: the coverage the month rests on (#15)."""
    try:
        view, total = data.coverage_line(state)
    except data.DatabaseUnavailable:
        return ""
    if view.end is None:
        return ""
    return coverage_line.sentence(total, view.end, view.region_name(state.lang), state.lang)


@dash.callback(
    Output(Overview.KIS, "children"), Output(download_store(Overview.KIS_DOWNLOAD), "data"), SEARCH
)
def render_kis(search: str | None):
    """The knowledge-intensive services share, its change in 个百分点, and its share by year."""
    state = from_query(search)
    lang = state.lang
    try:
        kis = overview_data.group_share(state, "KIS")
    except data.DatabaseUnavailable:
        return _unavailable(lang), None
    view = kis.view
    if not views.group_applies(state.categories, kis.members):
        return views.group_not_applicable(kis.members, lang), None
    if not kis.summary or not numbers.nonzero(kis.summary.get("whole")):
        return no_data(view, lang), None
    period = window_label(view.start, view.end, lang)
    filename = t("ovw.kis.file", lang, region=view.region_name(lang), period=period)
    figure = share_by_year(kis.yearly, lang, t("ovw.kis.chart", lang))
    chart = dcc.Graph(
        id=Overview.KIS_CHART,
        figure=figure,
        config=png_config(scoped(filename, state), lang),
        className="stm-graph",
    )
    panel = dbc.Row(
        [
            dbc.Col(views.kis_numbers(kis.summary, kis.members, view, lang), md=5),
            dbc.Col(chart, md=7),
        ]
    )
    return panel, payload(share_table(kis.yearly, lang), filename, state)


@dash.callback(Output(Overview.TARGETS, "children"), SEARCH)
def render_targets(search: str | None):
    """The region's target cards (status colour, actual vs required) and a link to 目标监测."""
    state = from_query(search)
    try:
        view, results = overview_data.region_targets(state)
    except data.DatabaseUnavailable:
        return _unavailable(state.lang)
    href = with_query("/targets", lang=state.lang)
    return views.target_cards(results, view, state.lang, href)


@dash.callback(Output(Overview.COVERAGE, "children"), SEARCH)
def render_coverage(search: str | None):
    """Months loaded, and enterprises reporting in the month and the month before."""
    state = from_query(search)
    try:
        view, counts = data.coverage(state)
    except data.DatabaseUnavailable:
        return _unavailable(state.lang)
    return views.coverage_panel(view, counts, state.lang)


# The share of key enterprises behind the figures (报送率), shared with the Regions page.
dash.callback(Output(Coverage.OVERVIEW_LINE, "children"), SEARCH)(coverage_line.render)
