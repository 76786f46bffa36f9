"""服务类别 / Sectors: the 12 categories and their sub-items: ranking, composition, key groups.

Layout = header + the shared filter bar + empty panels; each panel has one thin callback:
URL search -> FilterState -> one data call -> one figure or view function. Clicking a bar or
a block opens this page filtered to that category (its sub-items are then ranked).
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
from dashboard.ids import Coverage, FilterBar, Sectors
from dashboard.page_data import options_or_notice
from dashboard.pages.sectors import table as sector_table
from dashboard.pages.sectors import views
from dashboard.pages.sectors.figures import (
    emerging_growth,
    group_shares,
    sector_ranking,
    sector_treemap,
)
from etl import numbers

dash.register_page(__name__, nav_group="data", path="/sectors", order=30, name_key="nav.sectors")

PATH = "/sectors"
SEARCH = Input(FilterBar.URL, "search")


def _loading(child) -> dcc.Loading:
    return dcc.Loading(child, type="default", delay_show=250, color="#12355b")


def layout(**query: str) -> html.Div:
    """Header, filter bar and the panels the callbacks fill (nothing is computed here)."""
    search = from_kwargs(query)
    state = from_query(search)
    lang = state.lang
    header = page_header(t("sec.title", lang), t("sec.lead", lang), title_id=Sectors.TITLE)
    options, notice = options_or_notice(header, lang, Sectors.EMPTY)
    if notice is not None:
        return notice
    ranking = section_card(
        "",
        _loading(html.Div(id=Sectors.RANKING_BOX, className="stm-chart-box")),
        tools=download_bar(Sectors.RANKING_DOWNLOAD, lang),
        fill=True,
    )
    treemap = section_card("", _loading(html.Div(id=Sectors.TREEMAP_BOX)), fill=True)
    groups = section_card(
        "",
        _loading(html.Div(id=Sectors.GROUPS_BOX)),
        tools=download_bar(Sectors.GROUPS_DOWNLOAD, lang),
    )
    grid = tables.grid(
        Sectors.GRID,
        [],
        lang,
        "fig.no_data",
        options={"pagination": True, "paginationPageSize": 40, "paginationPageSizeSelector": False},
    )
    return html.Div(
        [
            dcc.Location(id=Sectors.NAV, refresh="callback-nav"),
            header,
            html.P(id=Sectors.CONTEXT, className="stm-page-context"),
            filter_bar(state, options, search, PATH),
            html.Div(id=Sectors.SCOPE_NOTE),
            html.Div(id=Coverage.SECTORS_LINE),
            dbc.Row(
                [
                    dbc.Col(ranking, lg=7, class_name="mb-3"),
                    dbc.Col(treemap, lg=5, class_name="mb-3"),
                ]
            ),
            groups,
            section_card(
                t("sec.table.title", lang),
                [
                    _loading(html.Div(grid, id=Sectors.GRID_BOX)),
                    html.P(id=Sectors.GRID_NOTE, className="stm-footnote"),
                ],
                tools=download_bar(Sectors.TABLE_DOWNLOAD, lang),
            ),
            html.P(t("sec.drill_hint", lang), className="stm-footnote"),
        ],
        className="stm-sectors",
    )


def _unavailable(lang: str):
    return empty_state(t("home.unavailable", lang), t("home.unavailable_hint", lang))


def _period(v, lang: str) -> str:
    return i18n.fmt_window(v.start, v.end, lang) if v.end else i18n.MISSING


@dash.callback(Output(Sectors.CONTEXT, "children"), Output(Sectors.SCOPE_NOTE, "children"), SEARCH)
def render_summary(search: str | None):
    """Context line and what the total counts."""
    state = from_query(search)
    lang = state.lang
    try:
        v = data.view(state)
    except data.DatabaseUnavailable:
        return "", _unavailable(lang)
    context = t(
        "sec.context",
        lang,
        region=v.region_name(lang),
        period=_period(v, lang),
        direction=t(f"filter.direction.{state.direction}", lang),
        scope=t(f"filter.scope.{state.scope}", lang),
        unit=i18n.unit_label(state.unit, lang),
    )
    return context, scope_note(state, lang)


@dash.callback(
    Output(Sectors.RANKING_BOX, "children"),
    Output(download_store(Sectors.RANKING_DOWNLOAD), "data"),
    SEARCH,
)
def render_ranking(search: str | None):
    """The categories (or the chosen category's sub-items) ranked, labelled with 同比."""
    state = from_query(search)
    lang = state.lang
    try:
        sectors = modes_sectors_data.sector_totals(state)
    except data.DatabaseUnavailable:
        return _unavailable(lang), None
    v = sectors.view
    rows = (
        views.sector_rows(sectors.frame, sectors.categories, v.start, v.end, lang, sectors.cells)
        if v.end
        else views.sector_rows(sectors.frame.iloc[0:0], sectors.categories, 0, 0)
    )
    ranked = views.ranking(rows, state.categories, lang)
    if ranked.empty or not numbers.any_amount(ranked["current"]):
        return no_data(v, lang), None
    period = _period(v, lang)
    parent, _ = views.ranked_codes(rows, state.categories)
    title = (
        t(
            "sec.ranking.sub_title",
            lang,
            period=period,
            name=rows.set_index("code").loc[parent, "name"],
        )
        if parent
        else t("sec.ranking.title", lang, period=period)
    )
    subtitle = t(
        "sec.ranking.subtitle",
        lang,
        region=v.region_name(lang),
        unit=i18n.unit_label(state.unit, lang),
    )
    filename = t("sec.ranking.file", lang, region=v.region_name(lang), period=period)
    figure = sector_ranking(ranked, state.unit, lang, scoped(title, state), subtitle)
    graph = dcc.Graph(
        id=Sectors.RANKING,
        figure=figure,
        config=png_config(scoped(filename, state), lang),
        className="stm-graph",
    )
    table = sector_table.download_table(
        sector_table.grid_rows(rows[rows["code"].isin(ranked["code"])], state.unit, lang),
        state.unit,
        period,
        lang,
    )
    return graph, payload(table, filename, state)


@dash.callback(Output(Sectors.TREEMAP_BOX, "children"), SEARCH)
def render_treemap(search: str | None):
    """Composition: main categories with their sub-items (未细分 for the rest)."""
    state = from_query(search)
    lang = state.lang
    try:
        sectors = modes_sectors_data.sector_totals(state)
    except data.DatabaseUnavailable:
        return _unavailable(lang)
    v = sectors.view
    if v.empty:
        return no_data(v, lang)
    rows = views.sector_rows(sectors.frame, sectors.categories, v.start, v.end, lang, sectors.cells)
    nodes = views.treemap_nodes(rows, lang)
    if nodes.empty:
        return no_data(v, lang)
    figure = sector_treemap(
        nodes,
        state.unit,
        lang,
        t("sec.treemap.title", lang),
        t("sec.treemap.subtitle", lang, period=_period(v, lang)),
    )
    return dcc.Graph(
        id=Sectors.TREEMAP,
        figure=figure,
        className="stm-graph",
        config=png_config(scoped(t("sec.treemap.title", lang), state), lang),
    )


@dash.callback(
    Output(Sectors.GROUPS_BOX, "children"),
    Output(download_store(Sectors.GROUPS_DOWNLOAD), "data"),
    SEARCH,
)
def render_groups(search: str | None):
    """The followed groups' shares by year and one group's growth vs the total's
    (views.group_charts: 天津's pillar and emerging sectors only where the region follows them)."""
    state = from_query(search)
    lang = state.lang
    try:
        groups = modes_sectors_data.sector_groups(state)
    except data.DatabaseUnavailable:
        return _unavailable(lang), None
    v = groups.view
    years = (
        views.group_years(groups.frame, v.start, v.end, groups.years)
        if not v.empty
        else groups.frame.iloc[0:0]
    )
    if years.empty:
        return no_data(v, lang), None
    names = views.group_names(groups.groups, lang)
    period = _period(v, lang)
    share_groups, growth_group = views.group_charts(groups.followed)
    shares = group_shares(
        years,
        names,
        lang,
        groups=share_groups,
        title=scoped(t("sec.groups.title", lang), state),
        subtitle=t("sec.groups.subtitle", lang, region=v.region_name(lang)),
    )
    emerging = emerging_growth(
        years,
        names,
        lang,
        group=growth_group,
        title=t("sec.emerging.title", lang, name=names.get(growth_group, "")),
        subtitle=v.region_name(lang),
    )
    filename = t("sec.groups.file", lang, region=v.region_name(lang), period=period)
    members = [
        html.Li(
            t(
                "sec.groups.members",
                lang,
                name=names.get(code, code),
                members=views.group_members(groups.groups, groups.categories, code, lang),
            )
        )
        for code in groups.followed
    ]
    notes = [html.Ul(members, className="stm-footnote mb-1")]
    if state.categories:
        notes.append(html.P(t("sec.groups.all_categories", lang), className="stm-footnote"))
    panel = html.Div(
        [
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Graph(
                            id=Sectors.GROUP_SHARES,
                            figure=shares,
                            className="stm-graph",
                            config=png_config(scoped(filename, state), lang),
                        ),
                        lg=6,
                    ),
                    dbc.Col(
                        dcc.Graph(
                            id=Sectors.EMERGING,
                            figure=emerging,
                            className="stm-graph",
                            config=png_config(scoped(filename, state), lang),
                        ),
                        lg=6,
                    ),
                ]
            ),
            *notes,
        ]
    )
    return panel, payload(sector_table.groups_table(years, names, lang), filename, state)


@dash.callback(
    Output(Sectors.GRID, "rowData"),
    Output(Sectors.GRID, "columnDefs"),
    Output(Sectors.GRID_NOTE, "children"),
    Output(download_store(Sectors.TABLE_DOWNLOAD), "data"),
    SEARCH,
)
def render_table(search: str | None):
    """Every category and sub-item: amount, 同比, share and its change in 个百分点, rank; a
    footnote where some read C."""
    state = from_query(search)
    lang = state.lang
    try:
        sectors = modes_sectors_data.sector_totals(state)
    except data.DatabaseUnavailable:
        return [], [], None, None
    v = sectors.view
    period = _period(v, lang)
    columns = sector_table.column_defs(state.unit, period, lang)
    if v.empty:
        return [], columns, None, None
    rows = sector_table.grid_rows(
        sector_table.with_rest_rows(
            views.sector_rows(
                sectors.frame, sectors.categories, v.start, v.end, lang, sectors.cells
            ),
            lang,
        ),
        state.unit,
        lang,
    )
    if not rows:
        return [], columns, None, None
    filename = t("sec.table.file", lang, region=v.region_name(lang), period=period)
    return (
        rows,
        columns,
        sector_table.table_note(rows, lang),
        payload(sector_table.download_table(rows, state.unit, period, lang), filename, state),
    )


def _open(click: dict | None, search: str | None) -> str:
    point = drill.clicked(click)
    state = from_query(search)
    if not point or not point[0] or state.categories == (str(point[0]),):
        raise PreventUpdate
    return drill.drill_href(state, PATH, search, category=str(point[0]))


@dash.callback(
    Output(Sectors.NAV, "href"),
    Input(Sectors.RANKING, "clickData"),
    State(FilterBar.URL, "search"),
    prevent_initial_call=True,
)
def drill_ranking(click: dict | None, search: str | None):
    """A ranking bar opens this page filtered to that category, other filters kept."""
    return _open(click, search)


@dash.callback(
    Output(Sectors.NAV, "href", allow_duplicate=True),
    Input(Sectors.TREEMAP, "clickData"),
    State(FilterBar.URL, "search"),
    prevent_initial_call=True,
)
def drill_treemap(click: dict | None, search: str | None):
    """A treemap block opens this page filtered to that category, other filters kept."""
    return _open(click, search)


dash.callback(Output(Coverage.SECTORS_LINE, "children"), SEARCH)(coverage_line.render)
