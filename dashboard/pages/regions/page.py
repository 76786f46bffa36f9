"""地区 / Regions: the districts, new areas and functional zones below the chosen region.

Layout = header + the shared filter bar + empty panels; one callback fills them from one data
call (URL search -> FilterState -> regions_data.region_breakdown -> region_figures / region_views);
clicking a bar writes region=<code> into the URL (drill-down), the breadcrumb leads back up.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html

from dashboard import coverage_line, data, i18n, tables
from dashboard import rankings as figures
from dashboard.components import context_line, empty_state, no_data, page_header, section_card
from dashboard.downloads import download_bar, download_store, payload
from dashboard.figures import monthly_trend, png_config, scoped
from dashboard.filter_bar.layout import filter_bar
from dashboard.filter_state import from_kwargs, from_query
from dashboard.i18n import t
from dashboard.ids import Coverage, FilterBar, Regions
from dashboard.page_data import options_or_notice
from dashboard.pages.regions import data as regions_data
from dashboard.pages.regions import views

dash.register_page(__name__, nav_group="data", path="/regions", order=40, name_key="nav.regions")

PATH = views.PATH
SEARCH = Input(FilterBar.URL, "search")


def _loading(child) -> dcc.Loading:
    return dcc.Loading(child, type="default", delay_show=250, color="#12355b")


def layout(**query: str) -> html.Div:
    """Header, filter bar and the panels the callback fills (nothing is computed here)."""
    search = from_kwargs(query)
    state = from_query(search)
    lang = state.lang
    header = page_header(t("reg.title", lang), t("reg.lead", lang), title_id=Regions.TITLE)
    options, notice = options_or_notice(header, lang, Regions.EMPTY)
    if notice is not None:
        return notice
    grid = tables.grid(
        Regions.GRID, [], lang, "reg.table.empty", options={"pinnedBottomRowData": []}
    )
    table = section_card(
        t("reg.table.title", lang),
        html.Div([grid, html.P(id=Regions.GRID_NOTE, className="stm-footnote")]),
        tools=download_bar(Regions.TABLE_DOWNLOAD, lang),
    )
    return html.Div(
        [
            header,
            html.P(id=Regions.CONTEXT, className="stm-page-context"),
            filter_bar(state, options, search, PATH),
            html.Div(id=Regions.CRUMB_BOX, className="stm-reg-head"),
            html.Div(id=Coverage.REGIONS_LINE),
            _loading(html.Div(id=Regions.CHARTS, className="stm-chart-box")),
            section_card(
                "",
                _loading(html.Div(id=Regions.TREND_BOX, className="stm-chart-box")),
                tools=download_bar(Regions.TREND_DOWNLOAD, lang),
            ),
            table,
        ],
        className="stm-regions",
    )


def _charts(b: regions_data.RegionBreakdown, search: str | None, lang: str, period: str):
    """The ranking and contribution cards side by side, or words for a region without children."""
    if not b.children:
        return views.leaf_message(b.chain, search, lang)
    state, region = b.view.state, b.view.region_name(lang)
    unit = i18n.unit_label(state.unit, lang)
    rank = figures.ranked_bars(
        figures.ranking_frame(b.rows, lang),
        state.unit,
        lang,
        scoped(t("reg.rank.title", lang, direction=t(f"dir.{state.direction}", lang)), state),
        t("reg.rank.subtitle", lang, region=region, period=period, unit=unit),
    )
    total = i18n.fmt_pp(b.rows.iloc[0]["growth"], lang)
    contrib = figures.contribution_bars(
        b.rows,
        lang,
        scoped(t("reg.contrib.title", lang, region=region), state),
        t("reg.contrib.subtitle", lang, region=region, total=total),
    )
    file = t("reg.file.table", lang, region=region, period=period)
    return dbc.Row(
        [
            dbc.Col(
                section_card(
                    "",
                    html.Div(
                        [
                            dcc.Graph(
                                id=Regions.RANK,
                                figure=rank,
                                config=png_config(scoped(file, state), lang),
                                className="stm-graph",
                            ),
                            html.P(t("reg.rank.hint", lang), className="stm-footnote"),
                        ]
                    ),
                    fill=True,
                ),
                lg=7,
                class_name="mb-3",
            ),
            dbc.Col(
                section_card(
                    "",
                    dcc.Graph(
                        id=Regions.CONTRIB,
                        figure=contrib,
                        config=png_config(scoped(file, state), lang),
                        className="stm-graph",
                    ),
                    fill=True,
                ),
                lg=5,
                class_name="mb-3",
            ),
        ]
    )


def _trend(b: regions_data.RegionBreakdown, lang: str, period: str):
    """The leading children as lines; a region without children: its bars with 同比."""
    state, unit = b.view.state, b.view.state.unit
    unit_name = i18n.unit_label(unit, lang)
    if not b.children:
        frame = b.monthly[["period", "amount"]]
        title = scoped(
            t("ovw.trend.title", lang, direction=t(f"dir.{state.direction}", lang)), state
        )
        sub = t("ovw.trend.subtitle", lang, region=b.view.region_name(lang), unit=unit_name)
        return (
            monthly_trend(frame, unit, lang, b.shown, title, sub, jan_in_feb=b.view.circulated),
            tables.trend_table(frame, unit, lang, b.shown, jan_in_feb=b.view.circulated),
        )
    order = views.top_codes(b.rows)
    names = views.labels(b.rows, lang)
    fig = figures.series_lines(
        b.monthly,
        "code",
        names,
        order,
        unit,
        lang,
        b.shown,
        scoped(t("reg.trend.title", lang), state),
        t("reg.trend.subtitle", lang, period=period, n=len(order), unit=unit_name),
        jan_in_feb=b.view.circulated,
    )
    table = tables.lines_table(
        b.monthly, order, names, unit, lang, b.shown, jan_in_feb=b.view.circulated
    )
    return fig, table


@dash.callback(
    Output(Regions.CONTEXT, "children"),
    Output(Regions.CRUMB_BOX, "children"),
    Output(Regions.CHARTS, "children"),
    Output(Regions.TREND_BOX, "children"),
    Output(Regions.GRID, "columnDefs"),
    Output(Regions.GRID, "rowData"),
    Output(Regions.GRID, "dashGridOptions"),
    Output(Regions.GRID_NOTE, "children"),
    Output(download_store(Regions.TABLE_DOWNLOAD), "data"),
    Output(download_store(Regions.TREND_DOWNLOAD), "data"),
    SEARCH,
    State(Regions.GRID, "dashGridOptions"),
)
def render_regions(search: str | None, grid_options: dict | None):
    """Breadcrumb, ranking, contribution, trend of the leading regions and the table."""
    state = from_query(search)
    lang, unit = state.lang, state.unit
    grid_options = grid_options or {}
    try:
        b = regions_data.region_breakdown(state)
    except data.DatabaseUnavailable:
        words = empty_state(t("home.unavailable", lang), t("home.unavailable_hint", lang))
        return "", None, words, None, [], [], grid_options, None, None, None
    crumb = views.breadcrumb(b.chain, search, lang)
    if b.view.empty or not views.has_data(b.rows):
        words = no_data(b.view, lang, id=Regions.EMPTY)
        return (
            context_line(b.view, lang),
            crumb,
            words,
            None,
            [],
            [],
            {**grid_options, "pinnedBottomRowData": []},
            None,
            None,
            None,
        )
    region = b.view.region_name(lang)
    period = i18n.fmt_window(b.view.start, b.view.end, lang)
    head = [
        crumb,
        html.P(
            views.summary_line(b.rows, b.view, len(b.children), lang),
            id=Regions.SUMMARY,
            className="stm-reg-summary",
        ),
    ]
    trend, trend_table = _trend(b, lang, period)
    trend_file = t("reg.file.trend", lang, region=region, period=period)
    graph = dcc.Graph(
        id=Regions.TREND,
        figure=trend,
        config=png_config(scoped(trend_file, state), lang),
        className="stm-graph",
    )
    rows, total = views.grid_rows(b.rows, unit, lang)
    table = views.table_frame(b.rows, unit, lang, region)
    return (
        context_line(b.view, lang),
        head,
        _charts(b, search, lang, period),
        graph,
        views.column_defs(lang, unit, region),
        rows,
        {**grid_options, "pinnedBottomRowData": total},
        views.table_note(b.rows, region, lang),
        payload(table, t("reg.file.table", lang, region=region, period=period), state),
        payload(trend_table, trend_file, state),
    )


@dash.callback(
    Output(FilterBar.URL, "search", allow_duplicate=True),
    Input(Regions.RANK, "clickData"),
    Input(Regions.CONTRIB, "clickData"),
    State(FilterBar.URL, "search"),
    prevent_initial_call=True,
)
def drill(rank_click: dict | None, contrib_click: dict | None, search: str | None):
    """A clicked region bar opens that region (region=<code>; other filters kept)."""
    click = rank_click if dash.ctx.triggered_id == Regions.RANK else contrib_click
    new = views.drill_search(click, search)
    return dash.no_update if new is None else new


# The share of key enterprises behind the figures (报送率), shared with the Overview page.
dash.callback(Output(Coverage.REGIONS_LINE, "children"), SEARCH)(coverage_line.render)
