"""目标监测 / Targets: every policy target as of a month, its cumulative path, district evaluation.

The month lives in the URL (?as_of=2019-06&lang=zh), so a link shows the same statuses to
everyone; the layout reads it, makes one data call and builds the cards. Callbacks stay thin:
a control value in, one data call, one figure / table / file out.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import auth, data, i18n
from dashboard.components import empty_state, page_header
from dashboard.figures import PLOTLY_LOCALE
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Targets
from dashboard.pages.targets import districts as district_views
from dashboard.pages.targets import views as target_views
from dashboard.pages.targets.figures import cumulative_path_figure, has_path
from dashboard.shell.links import with_query
from dashboard.tables import grid
from etl.periods import format_period, month_range, parse_period

dash.register_page(
    __name__, nav_group="analysis", path="/targets", order=60, name_key="nav.targets"
)

LOAD_COMMAND = "python -m etl load FILE.xlsx"
INIT_COMMAND = "python -m etl init-db"
SEED_COMMAND = "python -m etl seed"
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "sendChartToCloud"],
}


def _as_of_control(overview, lang: str) -> dbc.Row:
    months = list(reversed(month_range(overview.first_period, overview.last_period)))
    options = [{"label": i18n.fmt_period(p, lang), "value": format_period(p)} for p in months]
    return dbc.Row(
        [
            dbc.Col(
                html.Label(
                    t("targets.as_of", lang), htmlFor=Targets.AS_OF, className="stm-control-label"
                ),
                xs="auto",
            ),
            dbc.Col(
                dcc.Dropdown(
                    id=Targets.AS_OF,
                    options=options,
                    value=format_period(overview.as_of),
                    clearable=False,
                    className="stm-as-of",
                ),
                xs=6,
                md=3,
                lg=2,
            ),
            dbc.Col(
                html.Span(t("targets.as_of_note", lang), className="stm-control-note"),
                xs=12,
                md=True,
            ),
        ],
        align="center",
        class_name="g-2 mb-3 stm-controls",
    )


def _chart_section(overview, lang: str) -> html.Section:
    options, default = target_views.chart_options(overview, lang)
    return html.Section(
        [
            html.H2(t("targets.chart.title", lang), className="stm-section-title"),
            html.P(t("targets.chart.lead", lang), className="stm-section-lead"),
            dbc.Row(
                dbc.Col(
                    [
                        html.Label(
                            t("targets.chart.pick", lang),
                            htmlFor=Targets.CHART_PICK,
                            className="stm-control-label",
                        ),
                        dcc.Dropdown(
                            id=Targets.CHART_PICK, options=options, value=default, clearable=False
                        ),
                    ],
                    xs=12,
                    md=8,
                    lg=6,
                ),
                class_name="mb-2",
            ),
            dcc.Loading(html.Div(id=Targets.CHART_BOX, className="stm-chart-box"), type="dot"),
        ],
        className="stm-section",
    )


def _district_section(overview, lang: str) -> html.Section:
    cities, city = district_views.city_options(overview, lang)
    windows, window = district_views.window_options(overview, lang)
    return html.Section(
        [
            html.H2(t("targets.dist.title", lang), className="stm-section-title"),
            html.P(t("targets.dist.lead", lang), className="stm-section-lead"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            html.Label(
                                t("targets.dist.city", lang),
                                htmlFor=Targets.DIST_CITY,
                                className="stm-control-label",
                            ),
                            dcc.Dropdown(
                                id=Targets.DIST_CITY, options=cities, value=city, clearable=False
                            ),
                        ],
                        xs=12,
                        md=3,
                    ),
                    dbc.Col(
                        [
                            html.Label(
                                t("targets.dist.window", lang),
                                htmlFor=Targets.DIST_WINDOW,
                                className="stm-control-label",
                            ),
                            dcc.Dropdown(
                                id=Targets.DIST_WINDOW,
                                options=windows,
                                value=window,
                                clearable=False,
                            ),
                        ],
                        xs=12,
                        md=5,
                    ),
                    dbc.Col(
                        html.Div(
                            [
                                dbc.Button(
                                    t("targets.dist.export_xlsx", lang),
                                    id=Targets.EXPORT_XLSX,
                                    color="primary",
                                    outline=True,
                                    size="sm",
                                ),
                                dbc.Button(
                                    t("targets.dist.export_csv", lang),
                                    id=Targets.EXPORT_CSV,
                                    color="primary",
                                    outline=True,
                                    size="sm",
                                ),
                            ],
                            className="stm-export",
                        ),
                        xs=12,
                        md=4,
                        class_name="align-self-end",
                    ),
                ],
                class_name="g-2 mb-2",
            ),
            html.Div(id=Targets.DIST_NOTE, className="stm-dist-note"),
            grid(
                Targets.DIST_GRID,
                district_views.column_defs(lang),
                lang,
                "targets.dist.empty",
                options={"pinnedBottomRowData": [], "tooltipShowDelay": 300},
            ),
            html.P(t("targets.dist.coverage_note", lang), className="stm-footnote"),
            dcc.Download(id=Targets.DOWNLOAD),
        ],
        className="stm-section",
    )


def layout(lang: str = DEFAULT_LANG, as_of: str | None = None, **_query: str) -> html.Div:
    """Cards for every target as of ?as_of (default: the newest month), chart and districts."""
    lang = i18n.normalize_lang(lang)
    header = page_header(t("targets.title", lang), t("targets.lead", lang), title_id=Targets.TITLE)
    try:
        overview = data.targets_overview(parse_period(as_of) if as_of else None)
    except data.DatabaseUnavailable:
        return html.Div(
            [
                header,
                empty_state(
                    t("home.unavailable", lang),
                    t("home.unavailable_hint", lang),
                    INIT_COMMAND,
                    id=Targets.EMPTY,
                ),
            ]
        )
    if overview.as_of is None:
        return html.Div(
            [
                header,
                empty_state(
                    t("targets.empty", lang),
                    t("home.empty_hint", lang),
                    LOAD_COMMAND,
                    id=Targets.EMPTY,
                ),
            ]
        )
    parts: list = [
        header,
        dcc.Location(id=Targets.URL, refresh="callback-nav"),
        dcc.Store(id=Targets.CONTEXT, data={"as_of": overview.as_of, "lang": lang}),
        _as_of_control(overview, lang),
    ]
    if not overview.results:
        parts.append(
            empty_state(
                t("targets.none", lang),
                t("targets.none_hint", lang),
                SEED_COMMAND,
                id=Targets.EMPTY,
            )
        )
        return html.Div(parts)
    cards = [
        target_views.target_card(r, overview, lang) for r in target_views.ordered(overview.results)
    ]
    parts += [
        html.Div(cards, id=Targets.CARDS),
        _chart_section(overview, lang),
        _district_section(overview, lang),
    ]
    return html.Div(parts)


@callback(
    Output(Targets.URL, "search"),
    Input(Targets.AS_OF, "value"),
    State(Targets.URL, "search"),
    prevent_initial_call=True,
)
def update_url(as_of: str | None, search: str | None):
    """The chosen month goes into the URL; the page re-renders from it."""
    if not as_of:
        return dash.no_update
    return with_query("", search, as_of=as_of)


@callback(
    Output(Targets.CHART_BOX, "children"),
    Input(Targets.CHART_PICK, "value"),
    State(Targets.CONTEXT, "data"),
)
def update_chart(choice: str | None, context: dict):
    """Chosen target window -> its cumulative path -> the figure (or words when empty)."""
    lang = context["lang"]
    if not choice:
        return empty_state(t("targets.chart.none", lang))
    code, key = choice.split("|", 1)
    path = data.target_path(code, key, context["as_of"])
    if not has_path(path):
        return empty_state(t("targets.chart.empty", lang))
    return dcc.Graph(
        id=Targets.CHART,
        figure=cumulative_path_figure(path, lang),
        config={**GRAPH_CONFIG, "locale": PLOTLY_LOCALE.get(lang, "zh-CN")},
        className="stm-graph",
    )


@callback(
    Output(Targets.DIST_GRID, "rowData"),
    Output(Targets.DIST_GRID, "dashGridOptions"),
    Output(Targets.DIST_NOTE, "children"),
    Input(Targets.DIST_CITY, "value"),
    Input(Targets.DIST_WINDOW, "value"),
    State(Targets.DIST_GRID, "dashGridOptions"),
    State(Targets.CONTEXT, "data"),
)
def update_districts(city: str | None, window: str | None, options: dict, context: dict):
    """City and period -> the district evaluation -> grid rows, the total row, a partial note."""
    span = district_views.parse_window(window)
    if not city or span is None:
        return [], {**options, "pinnedBottomRowData": []}, None
    report = data.district_report(city, *span, context["as_of"])
    lang = context["lang"]
    rows, total = district_views.grid_rows(report, lang)
    if not any(r["current"] or r["previous"] for r in total):
        rows, total = [], []
    note = district_views.partial_note(report, span[1], lang)
    return rows, {**options, "pinnedBottomRowData": total}, note


@callback(
    Output(Targets.DOWNLOAD, "data"),
    Input(Targets.EXPORT_XLSX, "n_clicks"),
    Input(Targets.EXPORT_CSV, "n_clicks"),
    State(Targets.DIST_CITY, "value"),
    State(Targets.DIST_WINDOW, "value"),
    State(Targets.DIST_WINDOW, "options"),
    State(Targets.CONTEXT, "data"),
    prevent_initial_call=True,
)
def export_districts(_xlsx, _csv, city, window, windows, context):
    """The district table as xlsx or CSV (UTF-8 with BOM), as on screen."""
    span = district_views.parse_window(window)
    if not city or span is None:
        return dash.no_update
    fmt = "csv" if dash.ctx.triggered_id == Targets.EXPORT_CSV else "xlsx"
    lang = context["lang"]
    label = next((o["label"] for o in windows or [] if o["value"] == window), window)
    report = data.district_report(city, *span, context["as_of"])
    content = district_views.export_bytes(report, lang, fmt, label)
    name = district_views.export_name(lang, report, fmt)
    auth.record(
        "download_table",
        {"file": name, "format": fmt, "city": city, "window": window, "as_of": context["as_of"]},
    )
    return dcc.send_bytes(content, name)
