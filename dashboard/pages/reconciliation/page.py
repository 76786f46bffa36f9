"""对比监测 / Reconciliation: how much of the published totals (SAFE BOP, MOFCOM, the statistics
bureau) the direct reports cover, its change on a year earlier, the categories that moved most,
and how the city's growth ranks against the nation and other pilot regions; the files of published
totals are uploaded here (as `python -m etl external load`), with the template and their history.

Statisticians and admins only (action reconcile): the layout and every callback check it on the
server, and the data calls check it again. Callbacks: an upload -> one load -> its result; a load
-> the years and the history again; year and month -> one data call.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import auth, i18n
from dashboard.components import access_denied, empty_state, page_header, section_card
from dashboard.data import DatabaseUnavailable, app_context
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Reconciliation as Ids
from dashboard.pages.reconciliation import data as page_data
from dashboard.pages.reconciliation import routes, views

ACTION = page_data.ACTION
REGION = "120000"  # the city whose growth is benchmarked
dash.register_page(
    __name__, path="/reconciliation", order=86, name_key="nav.reconciliation", permission=ACTION
)


def _field(label: str, control, width: int, for_id: str) -> dbc.Col:
    return dbc.Col(
        [html.Label(label, htmlFor=for_id, className="stm-control-label"), control], xs=12, md=width
    )


def layout(lang: str = DEFAULT_LANG, year: str = "", month: str = "", **_query: str) -> html.Div:
    """The upload of published totals and the files loaded, year and month pickers, the coverage
    table, the movers and the benchmark."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(ACTION):
        return access_denied(lang)
    header = page_header(t("reconciliation.title", lang), t("reconciliation.lead", lang), Ids.TITLE)
    try:
        years = page_data.years()
    except DatabaseUnavailable:
        return html.Div([header, empty_state(t("home.unavailable", lang), "")])
    chosen_year = int(year) if year.isdigit() and int(year) in years else (years or [None])[0]
    chosen_month = int(month) if month.isdigit() and 1 <= int(month) <= 12 else 0
    upload = section_card(
        t("reconciliation.upload.title", lang),
        views.upload_panel(
            routes.PATH,
            app_context().settings.max_upload_bytes,
            lang,
        ),
    )
    controls = dbc.Row(
        [
            _field(
                t("reconciliation.year", lang),
                dcc.Dropdown(
                    id=Ids.YEAR,
                    options=views.year_options(years),
                    value=chosen_year,
                    clearable=False,
                ),
                2,
                Ids.YEAR,
            ),
            _field(
                t("reconciliation.month", lang),
                dcc.Dropdown(
                    id=Ids.MONTH,
                    options=views.month_options(chosen_year, lang),
                    value=chosen_month,
                    clearable=False,
                ),
                3,
                Ids.MONTH,
            ),
        ],
        class_name="g-2 mb-3 stm-controls",
    )
    results = html.Div(
        [
            controls,
            section_card(t("reconciliation.table.title", lang), html.Div(id=Ids.TABLE)),
            dbc.Row(
                [
                    dbc.Col(
                        section_card(
                            t("reconciliation.movers.title", lang),
                            html.Div(id=Ids.MOVERS),
                            fill=True,
                        ),
                        xs=12,
                        lg=6,
                    ),
                    dbc.Col(
                        section_card(
                            t("reconciliation.bench.title", lang),
                            html.Div(id=Ids.BENCHMARK),
                            fill=True,
                        ),
                        xs=12,
                        lg=6,
                    ),
                ],
                class_name="g-3 mt-1 mb-3",
            ),
        ],
        id=Ids.RESULTS,
        hidden=not years,
    )
    empty = html.Div(
        empty_state(
            t("reconciliation.empty", lang),
            t("reconciliation.empty_hint", lang),
            command="python -m etl external load 公布数.xlsx",
        ),
        id=Ids.EMPTY,
        hidden=bool(years),
    )
    return html.Div(
        [
            header,
            dcc.Store(id=Ids.LANG, data=lang),
            dcc.Store(id=Ids.LOADED),
            upload,
            section_card(
                t("reconciliation.history.title", lang),
                html.Div(views.history_table(page_data.history(), lang), id=Ids.HISTORY),
            ),
            empty,
            results,
        ],
        className="stm-reconciliation-page",
    )


@callback(
    Output(Ids.UPLOAD_RESULT, "children"),
    Output(Ids.LOADED, "data"),
    Input(Ids.UPLOAD, "contents"),
    State(Ids.UPLOAD, "filename"),
    State(Ids.LANG, "data"),
    prevent_initial_call=True,
)
def upload(contents: str | None, filename: str | None, lang: str):
    """An uploaded file -> etl.exchange.store.load_external (all rows or none) -> what happened,
    or the problems by row and column."""
    auth.guard(ACTION)
    content = views.decode_upload(contents)
    if content is None or not filename:
        raise PreventUpdate
    result = page_data.load_published(content, filename)
    loaded = {"batch": result.batch_id} if result.status == "loaded" else dash.no_update
    return views.load_result(result, i18n.normalize_lang(lang)), loaded


@callback(
    Output(Ids.YEAR, "options"),
    Output(Ids.YEAR, "value"),
    Output(Ids.RESULTS, "hidden"),
    Output(Ids.EMPTY, "hidden"),
    Output(Ids.HISTORY, "children"),
    Input(Ids.LOADED, "data"),
    State(Ids.YEAR, "value"),
    State(Ids.LANG, "data"),
    prevent_initial_call=True,
)
def refresh(_loaded, year: int | None, lang: str):
    """The years with published figures and the files loaded, read again after a load."""
    auth.guard(ACTION)
    years = page_data.years()
    chosen = year if year in years else (years[0] if years else None)
    history = views.history_table(page_data.history(), i18n.normalize_lang(lang))
    return views.year_options(years), chosen, not years, bool(years), history


@callback(Output(Ids.MONTH, "options"), Input(Ids.YEAR, "value"), State(Ids.LANG, "data"))
def months(year: int | None, lang: str):
    """The month picker's labels for the year chosen."""
    auth.guard(ACTION)
    return views.month_options(year, i18n.normalize_lang(lang))


@callback(
    Output(Ids.TABLE, "children"),
    Output(Ids.MOVERS, "children"),
    Output(Ids.BENCHMARK, "children"),
    Input(Ids.YEAR, "value"),
    Input(Ids.MONTH, "value"),
    Input(Ids.LOADED, "data"),
    State(Ids.LANG, "data"),
)
def render(year, month, _loaded, lang):
    """The reconciliation and the benchmark of the chosen year (and month)."""
    auth.guard(ACTION)
    lang = i18n.normalize_lang(lang)
    if not year:
        raise PreventUpdate
    result, bench, names = page_data.reconcile(int(year), int(month or 0) or None, REGION)
    region_name = names[lang]
    return (
        views.coverage_table(result, lang),
        views.movers_list(result, lang),
        views.benchmark_view(bench, region_name, lang),
    )
