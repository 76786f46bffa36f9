"""报送情况 / Reporting coverage: who of the key enterprises reported the month, and whom to chase.

The month and region live in the URL (?month=2019-06&region=120116); the layout reads them into
a Store and the callbacks fill the cards, the per-region grid and the chase list from one data
call. Clerks see their own regions only: the data layer refuses any other (403), whatever the
dropdown offered. Every callback calls auth.guard first.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import auth, data, i18n
from dashboard.components import access_denied, empty_state, page_header, section_card
from dashboard.downloads import xlsx_bytes
from dashboard.figures import safe_filename
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Coverage
from dashboard.pages.coverage import data as coverage_data
from dashboard.pages.coverage import views
from dashboard.shell.links import with_query
from dashboard.tables import grid
from etl.periods import format_period, parse_period

dash.register_page(
    __name__,
    nav_group="manage",
    path=views.PATH,
    order=70,
    name_key="nav.coverage",
    permission="view_enterprises",
)

ACTION = "view_enterprises"
REGISTER_COMMAND = "python -m etl register load 名录.xlsx"


CHASE_PAGING = {"pagination": True, "paginationPageSize": 25, "paginationPageSizeSelector": False}
# The region grid's total row, pinned below its rows (render_coverage fills it).
PINNED = {"pinnedBottomRowData": []}


def _controls(choices, lang: str) -> dbc.Row:
    def labelled(key: str, control_id: str, options: list, value) -> dbc.Col:
        return dbc.Col(
            [
                html.Label(t(key, lang), htmlFor=control_id, className="stm-control-label"),
                dcc.Dropdown(id=control_id, options=options, value=value, clearable=False),
            ],
            xs=12,
            md=4,
            lg=3,
        )

    month = labelled(
        "cov.month",
        Coverage.MONTH,
        views.month_options(choices.months, lang),
        format_period(choices.month),
    )
    region = labelled(
        "cov.region", Coverage.REGION, views.region_options(choices.regions, lang), choices.region
    )
    note = (
        html.Span(t("cov.mine", lang), className="stm-control-note") if choices.restricted else None
    )
    return dbc.Row(
        [month, region, dbc.Col(note, class_name="align-self-end")],
        class_name="g-2 mb-3 stm-controls",
    )


def layout(
    lang: str = DEFAULT_LANG, month: str | None = None, region: str | None = None, **_query: str
) -> html.Div:
    """Tabs, month and region, and the panels the callback fills."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(ACTION):
        return access_denied(lang)
    header = page_header(t("cov.title", lang), t("cov.lead", lang), title_id=Coverage.TITLE)
    tabs = views.tabs("coverage", lang, auth.allowed("manage_register"))
    try:
        choices = coverage_data.choices(parse_period(month) if month else None, region)
    except data.DatabaseUnavailable:
        return html.Div(
            [
                header,
                empty_state(
                    t("home.unavailable", lang),
                    t("home.unavailable_hint", lang),
                    "python -m etl init-db",
                    id=Coverage.EMPTY,
                ),
            ]
        )
    if choices.region is None:
        return html.Div([header, tabs, empty_state(t("cov.no_regions", lang), id=Coverage.EMPTY)])
    if choices.month is None:
        return html.Div(
            [
                header,
                tabs,
                empty_state(
                    t("home.empty", lang),
                    t("home.empty_hint", lang),
                    "python -m etl load FILE.xlsx",
                    id=Coverage.EMPTY,
                ),
            ]
        )
    download = dbc.Button(
        t("cov.download", lang), id=Coverage.CHASE_XLSX, size="sm", color="primary", outline=True
    )
    return html.Div(
        [
            header,
            tabs,
            dcc.Location(id=Coverage.URL, refresh="callback-nav"),
            dcc.Store(
                id=Coverage.CONTEXT,
                data={"month": choices.month, "region": choices.region, "lang": lang},
            ),
            _controls(choices, lang),
            dcc.Loading(html.Div(id=Coverage.SUMMARY), delay_show=250, color="#12355b"),
            section_card(
                t("cov.regions.title", lang),
                grid(
                    Coverage.REGION_GRID,
                    views.region_columns(lang),
                    lang,
                    "cov.regions.empty",
                    options=PINNED,
                ),
            ),
            section_card(
                t("cov.list.title", lang),
                grid(
                    Coverage.CHASE_GRID,
                    views.chase_columns(lang),
                    lang,
                    "cov.list.empty",
                    # 171 enterprises made an 8,400-px page: pages of 25 in the grid.
                    options={**PINNED, **CHASE_PAGING},
                ),
                tools=[download, dcc.Download(id=Coverage.CHASE_DOWNLOAD)],
            ),
        ],
        className="stm-coverage-page",
    )


@callback(
    Output(Coverage.URL, "search"),
    Input(Coverage.MONTH, "value"),
    Input(Coverage.REGION, "value"),
    State(Coverage.URL, "search"),
    prevent_initial_call=True,
)
def update_url(month: str | None, region: str | None, search: str | None):
    """The chosen month and region go into the URL; the page re-renders from it."""
    auth.guard(ACTION)
    if not month or not region:
        return dash.no_update
    return with_query("", search, month=month, region=region)


@callback(
    Output(Coverage.SUMMARY, "children"),
    Output(Coverage.REGION_GRID, "rowData"),
    Output(Coverage.REGION_GRID, "dashGridOptions"),
    Output(Coverage.CHASE_GRID, "rowData"),
    Input(Coverage.CONTEXT, "data"),
    State(Coverage.REGION_GRID, "dashGridOptions"),
)
def render_coverage(context: dict, grid_options: dict | None):
    """Deadline and cards, the per-region grid (total pinned) and the chase list."""
    auth.guard(ACTION)
    lang, month, region = context["lang"], context["month"], context["region"]
    report = coverage_data.coverage_report(month, region)
    covered, names = report.coverage, report.names[lang]
    total = covered.total
    deadline = html.P(
        views.deadline_text(covered.deadline, covered.deadline.day, lang),
        className="stm-page-context",
    )
    if not total["expected"]:
        words = empty_state(
            t(
                "cov.no_register",
                lang,
                period=i18n.fmt_period(month, lang),
                region=names.get(region, region),
            ),
            t("cov.no_register_hint", lang),
            REGISTER_COMMAND,
        )
        return [deadline, words], [], {**(grid_options or {}), "pinnedBottomRowData": []}, []
    rows, pinned = views.region_rows(covered, names, lang)
    summary = [deadline, dbc.Row(views.summary_cards(total, lang), class_name="stm-kpi-row")]
    return (
        summary,
        rows,
        {**(grid_options or {}), "pinnedBottomRowData": pinned},
        views.chase_rows(covered, names, lang),
    )


@callback(
    Output(Coverage.CHASE_DOWNLOAD, "data"),
    Input(Coverage.CHASE_XLSX, "n_clicks"),
    State(Coverage.CONTEXT, "data"),
    prevent_initial_call=True,
)
def download_chase_list(n_clicks: int | None, context: dict):
    """The missing and late enterprises as xlsx (name, code, contact, status), audited."""
    auth.guard(ACTION)
    if not n_clicks:
        return dash.no_update
    lang, month, region = context["lang"], context["month"], context["region"]
    report = coverage_data.coverage_report(month, region)
    names = report.names[lang]
    rows = views.chase_rows(report.coverage, names, lang)
    filename = views.chase_filename(names.get(region, region), month, lang)
    auth.record("download_chase_list", {"month": month, "region": region, "rows": len(rows)})
    content = xlsx_bytes(views.chase_table(rows, lang), t("cov.sheet", lang))
    return dcc.send_bytes(content, f"{safe_filename(filename)}.xlsx")
