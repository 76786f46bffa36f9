"""任务督查 / Task supervision: each document's ledger at a glance as of a date — completed, on
time, late and overdue by area and by lead unit, the overdue list, and the reminder list per unit
as Excel. Leaders, statisticians, the conference office and units read it; nothing is edited here.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import auth, i18n
from dashboard.components import access_denied, kpi_card, page_header, section_card
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Supervision as Ids
from dashboard.pages.supervision import data, views
from dashboard.tables import grid
from etl.tasks.supervision import overdue, summary

dash.register_page(
    __name__,
    nav_group="analysis",
    path="/supervision",
    order=71,
    name_key="nav.supervision",
    permission=data.VIEW,
)


def _grid(id: str, columns: list[dict], lang: str, empty_key: str) -> dag.AgGrid:
    """A supervision table, a filter on every column."""
    return grid(id, columns, lang, empty_key, column_defaults={"filter": True})


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """Controls, headline counts, the two summaries, the overdue list and the reminder download."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(data.VIEW):
        return access_denied(lang)
    documents = [{"label": views.document_name(d, lang), "value": d} for d in views.DOCUMENTS[:2]]
    units = sorted({u for lead, co in zip(*_units()) for u in lead + co})
    unit_options = [{"label": t("sup.reminders.all", lang), "value": ""}] + [
        {"label": u, "value": u} for u in units
    ]
    control = "stm-control-label"
    controls = dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(t("sup.document", lang), class_name=control),
                    dcc.Dropdown(
                        id=Ids.DOCUMENT, options=documents, value="tianjin", clearable=False
                    ),
                ],
                xs=12,
                md=4,
            ),
            dbc.Col(
                [
                    dbc.Label(t("sup.as_of", lang), class_name=control),
                    dcc.DatePickerSingle(
                        id=Ids.AS_OF, date=data.today().isoformat(), display_format="YYYY-MM-DD"
                    ),
                ],
                xs=12,
                md=3,
            ),
        ],
        class_name="g-2 mb-3",
    )
    reminders = section_card(
        t("sup.reminders", lang),
        [
            html.P(t("sup.reminders.note", lang, n=data.gap_months()), className="stm-footnote"),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Dropdown(id=Ids.UNIT, options=unit_options, value="", clearable=False),
                        xs=12,
                        md=6,
                    ),
                    dbc.Col(
                        html.A(
                            t("sup.reminders.download", lang),
                            id=Ids.DOWNLOAD,
                            href="",
                            className="btn btn-outline-primary btn-sm",
                        ),
                        xs=12,
                        md=6,
                    ),
                ],
                class_name="g-2",
            ),
        ],
    )
    return html.Div(
        [
            page_header(t("sup.title", lang), t("sup.lead", lang), title_id=Ids.TITLE),
            dcc.Store(id=Ids.CONTEXT, data={"lang": lang}),
            controls,
            dbc.Row(id=Ids.KPIS, class_name="g-3 mb-3"),
            section_card(
                t("sup.by_area", lang),
                _grid(Ids.BY_AREA, views.summary_columns("area", lang), lang, "sup.empty"),
            ),
            section_card(
                t("sup.by_lead", lang),
                _grid(Ids.BY_LEAD, views.summary_columns("lead", lang), lang, "sup.empty"),
            ),
            section_card(
                t("sup.overdue", lang),
                _grid(Ids.OVERDUE, views.overdue_columns(lang), lang, "sup.overdue_empty"),
            ),
            reminders,
        ]
    )


def _units():
    state = data.ledger(data.today())
    return state["lead"], state["cooperating"]


def _as_of(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else data.today()
    except ValueError:
        return data.today()


@callback(
    Output(Ids.KPIS, "children"),
    Output(Ids.BY_AREA, "rowData"),
    Output(Ids.BY_LEAD, "rowData"),
    Output(Ids.OVERDUE, "rowData"),
    Input(Ids.DOCUMENT, "value"),
    Input(Ids.AS_OF, "date"),
    State(Ids.CONTEXT, "data"),
)
def show_supervision(document, as_of, context):
    """The chosen document's ledger as of the chosen date."""
    auth.guard(data.VIEW)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    state = data.ledger(_as_of(as_of), document or "tianjin")
    gap = data.gap_months()
    completed = int(state["state"].isin(["on_time", "late"]).sum())
    silent = int((state["silent"] & ~state["state"].isin(["on_time", "late"])).sum())
    cards = [
        (t("sup.kpi.tasks", lang), len(state)),
        (t("sup.kpi.completed", lang), completed),
        (t("sup.kpi.overdue", lang), int((state["state"] == "overdue").sum())),
        (t("sup.kpi.silent", lang, n=gap), silent),
    ]
    kpis = [dbc.Col(kpi_card(title, i18n.fmt_count(value)), xs=6, md=3) for title, value in cards]
    return (
        kpis,
        views.summary_rows(summary(state, "area"), lang),
        views.summary_rows(summary(state, "lead"), lang),
        views.overdue_rows(overdue(state), lang),
    )


@callback(
    Output(Ids.DOWNLOAD, "href"),
    Input(Ids.UNIT, "value"),
    Input(Ids.AS_OF, "date"),
    State(Ids.CONTEXT, "data"),
)
def reminder_link(unit, as_of, context):
    """The reminder file's address for the chosen unit and date."""
    auth.guard(data.VIEW)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    query = {"as_of": _as_of(as_of).isoformat(), "lang": lang, **({"unit": unit} if unit else {})}
    return f"/supervision/reminders.xlsx?{urlencode(query)}"
