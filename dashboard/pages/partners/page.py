"""伙伴 / Partners: leading partner economies, partner groups over time, the partners' trend.

Layout = header + the shared filter bar + empty panels; one callback fills them from one data
call (URL search -> FilterState -> partners_data.partner_breakdown -> partner_views / partner_figures).
The page's own keys ride in the same query: top=15 (how many bars) and partner=US (a clicked
bar: its monthly trend); the filter bar keeps them, other pages do not get them.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, dcc, html

from dashboard import coverage_line, data, i18n, tables
from dashboard.components import context_line, empty_state, no_data, page_header, section_card
from dashboard.downloads import download_bar, download_store, payload
from dashboard.figures import monthly_trend, png_config, scoped
from dashboard.filter_bar.layout import filter_bar
from dashboard.filter_state import from_kwargs, from_query
from dashboard.i18n import partner_name, t
from dashboard.ids import Coverage, FilterBar, Partners
from dashboard.page_data import options_or_notice
from dashboard.pages.partners import data as partners_data
from dashboard.pages.partners import figures, views
from dashboard.rankings import leading_codes, series_lines
from dashboard.tables import lines_table, trend_table
from etl import numbers

dash.register_page(__name__, nav_group="data", path="/partners", order=50, name_key="nav.partners")

PATH = "/partners"
SEARCH = Input(FilterBar.URL, "search")


def _loading(child) -> dcc.Loading:
    return dcc.Loading(child, type="default", delay_show=250, color="#12355b")


def _top_buttons(top: int, lang: str) -> dbc.RadioItems:
    options = [{"label": t("ptn.top_n", lang, n=n), "value": n} for n in views.TOPS]
    return dbc.RadioItems(
        id=Partners.TOP,
        options=options,
        value=top,
        inline=True,
        class_name="btn-group stm-segmented",
        input_class_name="btn-check",
        label_class_name="btn btn-sm btn-outline-primary",
        label_checked_class_name="active",
    )


def layout(**query: str) -> html.Div:
    """Header, filter bar and the panels the callback fills (nothing is computed here)."""
    search = from_kwargs(query)
    state = from_query(search)
    lang = state.lang
    header = page_header(t("ptn.title", lang), t("ptn.lead", lang), title_id=Partners.TITLE)
    options, notice = options_or_notice(header, lang, Partners.EMPTY)
    if notice is not None:
        return notice
    top, _ = views.page_params(search)
    grid = tables.grid(
        Partners.GRID,
        [],
        lang,
        "fig.no_data",
        options={"pagination": True, "paginationPageSize": 20, "paginationPageSizeSelector": False},
    )
    tools = html.Div(
        [
            html.Span(t("ptn.top", lang), className="stm-filter-label"),
            _top_buttons(top, lang),
            html.Div(id=Partners.SELECTED),
            html.Span(id=Partners.NOTE, className="stm-ptn-note"),
        ],
        className="stm-ptn-tools",
    )
    return html.Div(
        [
            header,
            html.P(id=Partners.CONTEXT, className="stm-page-context"),
            filter_bar(state, options, search, PATH),
            tools,
            html.Div(id=Coverage.PARTNERS_LINE),
            dbc.Row(
                [
                    dbc.Col(
                        section_card(
                            "",
                            _loading(html.Div(id=Partners.BAR_BOX, className="stm-chart-box")),
                            tools=download_bar(Partners.TABLE_DOWNLOAD, lang),
                            fill=True,
                        ),
                        lg=6,
                        class_name="mb-3",
                    ),
                    dbc.Col(
                        section_card(
                            t("ptn.groups.title", lang),
                            _loading(html.Div(id=Partners.GROUPS_BOX)),
                            tools=download_bar(Partners.GROUPS_DOWNLOAD, lang),
                            fill=True,
                        ),
                        lg=6,
                        class_name="mb-3",
                    ),
                ]
            ),
            section_card(
                "",
                _loading(html.Div(id=Partners.TREND_BOX, className="stm-chart-box")),
                tools=download_bar(Partners.TREND_DOWNLOAD, lang),
            ),
            section_card(
                t("ptn.table.title", lang),
                [html.Div(grid), html.P(id=Partners.GRID_NOTE, className="stm-footnote")],
            ),
        ],
        className="stm-partners",
    )


def _selected_chip(code: str | None, names: dict, search: str | None, lang: str):
    if code is None:
        return None
    return html.Span(
        [
            t("ptn.selected", lang, name=partner_name(code, names, lang)),
            dcc.Link(
                t("ptn.clear", lang),
                href=PATH + views.with_params(search, partner=None),
                className="stm-crumb-link",
            ),
        ],
        className="stm-ptn-selected",
    )


def _trend(b: partners_data.PartnerBreakdown, rows, code: str | None, lang: str, period: str):
    """Selected partner: its bars with 同比; otherwise the leading partners as lines."""
    state, unit = b.view.state, b.view.state.unit
    unit_name = i18n.unit_label(unit, lang)
    region = b.view.region_name(lang)
    file = t("ptn.file.trend", lang, region=region, period=period)
    if code is not None:
        name = partner_name(code, b.names, lang)
        frame = b.monthly[b.monthly["partner_code"] == code][["period", "amount"]]
        fig = monthly_trend(
            frame,
            unit,
            lang,
            b.shown,
            scoped(
                t("ptn.trend.one", lang, name=name, direction=t(f"dir.{state.direction}", lang)),
                state,
            ),
            t("ptn.trend.one_sub", lang, region=region, unit=unit_name),
            jan_in_feb=b.view.circulated,
        )
        table = trend_table(frame, unit, lang, b.shown, jan_in_feb=b.view.circulated)
    else:
        order = leading_codes(rows["code"], rows["current"], views.TREND_N)
        names = dict(zip(rows["code"], rows["name"]))
        fig = series_lines(
            b.monthly,
            "partner_code",
            names,
            order,
            unit,
            lang,
            b.shown,
            scoped(t("ptn.trend.title", lang), state),
            t("ptn.trend.subtitle", lang, period=period, n=len(order), unit=unit_name),
            jan_in_feb=b.view.circulated,
        )
        table = lines_table(
            b.monthly.rename(columns={"partner_code": "code"}),
            order,
            names,
            unit,
            lang,
            b.shown,
            jan_in_feb=b.view.circulated,
        )
    graph = dcc.Graph(
        id=Partners.TREND,
        figure=fig,
        config=png_config(scoped(file, state), lang),
        className="stm-graph",
    )
    return graph, payload(table, file, state)


@dash.callback(
    Output(Partners.CONTEXT, "children"),
    Output(Partners.NOTE, "children"),
    Output(Partners.SELECTED, "children"),
    Output(Partners.BAR_BOX, "children"),
    Output(Partners.GROUPS_BOX, "children"),
    Output(Partners.TREND_BOX, "children"),
    Output(Partners.GRID, "columnDefs"),
    Output(Partners.GRID, "rowData"),
    Output(Partners.GRID_NOTE, "children"),
    Output(download_store(Partners.TABLE_DOWNLOAD), "data"),
    Output(download_store(Partners.GROUPS_DOWNLOAD), "data"),
    Output(download_store(Partners.TREND_DOWNLOAD), "data"),
    SEARCH,
)
def render_partners(search: str | None):
    """Top partners, partner groups, the trend and the table for the URL's filters."""
    state = from_query(search)
    lang, unit = state.lang, state.unit
    top, code = views.page_params(search)
    try:
        b = partners_data.partner_breakdown(state)
    except data.DatabaseUnavailable:
        words = empty_state(t("home.unavailable", lang), t("home.unavailable_hint", lang))
        return "", None, None, words, None, None, [], [], None, None, None, None
    v = b.view
    note = t("ptn.cat_note", lang) if state.categories else None
    rows = (
        views.partner_rows(b.monthly, v.start, v.end, b.names, lang, windows=b.windows)
        if not v.empty
        else None
    )
    if rows is None or not numbers.any_amount(rows["current"]):
        words = no_data(v, lang, id=Partners.EMPTY)
        # the groups' and the trend's cards say it too, as every other page's cards do (they
        # stood empty under their titles)
        groups, trend = no_data(v, lang), no_data(v, lang)
        return (
            context_line(v, lang),
            note,
            None,
            words,
            groups,
            trend,
            [],
            [],
            None,
            None,
            None,
            None,
        )
    region = v.region_name(lang)
    period = i18n.fmt_window(v.start, v.end, lang)
    direction = t(f"dir.{state.direction}", lang)
    bar = figures.top_partners(
        rows,
        top,
        unit,
        lang,
        scoped(t("ptn.bar.title", lang, direction=direction), state),
        t("ptn.bar.subtitle", lang, region=region, period=period, unit=i18n.unit_label(unit, lang)),
        selected=code,
    )
    table_file = t("ptn.file.table", lang, region=region, period=period)
    bars = html.Div(
        [
            dcc.Graph(
                id=Partners.BAR,
                figure=bar,
                config=png_config(scoped(table_file, state), lang),
                className="stm-graph",
            ),
            html.P(t("ptn.bar.hint", lang), className="stm-footnote"),
        ]
    )
    by_year = views.group_years(
        b.monthly, b.groups, v.start, v.end, b.years, lang, windows=b.windows
    )
    summary = views.group_summary(by_year, v.end)
    groups_file = t("ptn.file.groups", lang, region=region, period=period)
    groups = html.Div(
        [
            views.group_table(summary, unit, lang),
            dcc.Graph(
                id=Partners.GROUPS,
                figure=figures.group_shares(by_year, lang, t("ptn.groups.chart", lang)),
                config=png_config(scoped(groups_file, state), lang),
                className="stm-graph",
            ),
            html.P(t("ptn.groups.note", lang), className="stm-footnote"),
        ]
    )
    trend, trend_data = _trend(b, rows, code, lang, period)
    return (
        context_line(v, lang),
        note,
        _selected_chip(code, b.names, search, lang),
        bars,
        groups,
        trend,
        views.column_defs(lang, unit),
        views.grid_rows(rows, unit, lang),
        views.table_note(rows, lang),
        payload(views.table_frame(rows, unit, lang), table_file, state),
        payload(views.groups_frame(summary, unit, lang), groups_file, state),
        trend_data,
    )


@dash.callback(
    Output(FilterBar.URL, "search", allow_duplicate=True),
    Input(Partners.BAR, "clickData"),
    Input(Partners.TOP, "value"),
    State(FilterBar.URL, "search"),
    prevent_initial_call=True,
)
def update_partner_choice(click: dict | None, top: int | None, search: str | None):
    """A clicked bar selects (or clears) that partner; the 前10/前15 buttons set top."""
    if dash.ctx.triggered_id == Partners.TOP:
        if top is None or views.page_params(search)[0] == top:
            return dash.no_update
        return views.with_params(search, top=None if top == views.TOPS[0] else str(top))
    new = views.select_search(click, search)
    return dash.no_update if new is None else new


dash.callback(Output(Coverage.PARTNERS_LINE, "children"), SEARCH)(coverage_line.render)
