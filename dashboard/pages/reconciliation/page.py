"""对比监测 / Reconciliation: how much of the published totals (SAFE BOP, MOFCOM, the statistics
bureau) the direct reports cover, its change on a year earlier, the categories that moved most,
and how the city's growth ranks against the nation and other pilot regions.

Statisticians and admins only (action reconcile): the layout and the callback check it on the
server, and the data calls check it again. One callback: year and month -> one data call.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import auth, i18n
from dashboard.components import access_denied, empty_state, page_header, section_card
from dashboard.data import DatabaseUnavailable
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Reconciliation as Ids
from dashboard.pages.reconciliation import data as page_data
from dashboard.pages.reconciliation import views

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
    """Year and month pickers, the coverage table, the movers and the benchmark."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(ACTION):
        return access_denied(lang)
    header = page_header(t("reconciliation.title", lang), t("reconciliation.lead", lang), Ids.TITLE)
    try:
        years = page_data.years()
    except DatabaseUnavailable:
        return html.Div([header, empty_state(t("home.unavailable", lang), "")])
    if not years:
        return html.Div(
            [
                header,
                empty_state(
                    t("reconciliation.empty", lang),
                    t("reconciliation.empty_hint", lang),
                    command="python -m etl external load 公布数.xlsx",
                ),
            ]
        )
    chosen_year = int(year) if year.isdigit() and int(year) in years else years[0]
    chosen_month = int(month) if month.isdigit() and 1 <= int(month) <= 12 else 0
    months = [{"label": t("reconciliation.all_months", lang), "value": 0}] + [
        {"label": i18n.fmt_period(chosen_year * 100 + m, lang), "value": m} for m in range(1, 13)
    ]
    controls = dbc.Row(
        [
            _field(
                t("reconciliation.year", lang),
                dcc.Dropdown(
                    id=Ids.YEAR,
                    options=[{"label": str(y), "value": y} for y in years],
                    value=chosen_year,
                    clearable=False,
                ),
                2,
                Ids.YEAR,
            ),
            _field(
                t("reconciliation.month", lang),
                dcc.Dropdown(id=Ids.MONTH, options=months, value=chosen_month, clearable=False),
                3,
                Ids.MONTH,
            ),
        ],
        class_name="g-2 mb-3 stm-controls",
    )
    return html.Div(
        [
            header,
            dcc.Store(id=Ids.LANG, data=lang),
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
                class_name="g-3 mt-1",
            ),
        ]
    )


@callback(
    Output(Ids.TABLE, "children"),
    Output(Ids.MOVERS, "children"),
    Output(Ids.BENCHMARK, "children"),
    Input(Ids.YEAR, "value"),
    Input(Ids.MONTH, "value"),
    State(Ids.LANG, "data"),
)
def render(year, month, lang):
    """The reconciliation and the benchmark of the chosen year (and month)."""
    auth.guard(ACTION)
    lang = i18n.normalize_lang(lang)
    if not year:
        raise PreventUpdate
    result, bench, names = page_data.reconcile(int(year), int(month) or None, REGION)
    region_name = names[lang]
    return (
        views.coverage_table(result, lang),
        views.movers_list(result, lang),
        views.benchmark_view(bench, region_name, lang),
    )
