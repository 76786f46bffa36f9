"""导出 / Exports: the archived monthly snapshots with their downloads, and a form to make one.

Restricted to roles with `export`; internal (unprotected) snapshots are listed and made only for
roles with `export_internal`. The files themselves are sent by dashboard/pages/exports/routes.py.
"""

from __future__ import annotations

import datetime as dt

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import auth, briefings, i18n
from dashboard.components import access_denied, empty_state, page_header, section_card
from dashboard.data import DatabaseUnavailable
from dashboard.filter_state import offered_month
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Briefing as BriefingIds
from dashboard.ids import Exports
from dashboard.pages.exports import data as export_data
from dashboard.pages.exports import views as export_views
from dashboard.tables import grid_locale
from etl.periods import format_period, parse_period

dash.register_page(
    __name__,
    nav_group="data",
    path="/exports",
    order=70,
    name_key="nav.exports",
    permission="export",
)

SNAPSHOT_COMMAND = "python -m etl snapshot --month YYYY-MM"


def _archive_list(archive: export_data.Archive, lang: str) -> list:
    """The grid of snapshots with its notes, or words and the command when there is none yet."""
    rows = export_views.grid_rows(archive.entries, archive.region_names, lang)
    grid = dag.AgGrid(
        id=Exports.GRID,
        columnDefs=export_views.column_defs(lang),
        rowData=rows,
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
        },
        dashGridOptions={
            "domLayout": "autoHeight",
            "tooltipShowDelay": 300,
            "localeText": grid_locale(lang, t("exports.list.empty", lang)),
            "pagination": True,
            "paginationPageSize": 24,
            "paginationPageSizeSelector": False,
        },
        rowClassRules={"stm-row-internal": "params.data.internal"},
        getRowId="params.data.row_id",
        style={"height": None},
        className="ag-theme-quartz stm-grid",
    )
    notes = []
    if auth.allowed("export_internal"):
        notes.append(
            html.P(t("exports.internal_note", lang), className="stm-footnote stm-internal-note")
        )
    if any("pdf" not in e.files for e in archive.entries):
        notes.append(html.P(t("exports.no_pdf_note", lang), className="stm-footnote"))
    if not rows:
        return [export_views.empty_list(auth.allowed("release"), SNAPSHOT_COMMAND, lang)]
    return [grid, *notes]


def _form(archive: export_data.Archive, lang: str) -> dbc.Card:
    first, last = archive.first_period, archive.last_period
    if last is None:
        return section_card(
            t("exports.form.title", lang), empty_state(t("exports.form.no_data", lang))
        )
    variants = [{"label": t("exports.form.public", lang), "value": "public"}]
    if auth.allowed("export_internal"):
        variants.append({"label": t("exports.form.internal", lang), "value": "internal"})
    month = export_views.default_month(first, last, dt.date.today())
    months = export_views.month_options(first, last, lang, circulated=True)  # 对外通报版 first
    scope = archive.region_names.get(archive.scope, {}).get(lang) or archive.scope
    fields = dbc.Row(
        [
            dbc.Col(
                [
                    html.Label(
                        t("exports.form.month", lang),
                        htmlFor=Exports.MONTH,
                        className="stm-control-label",
                    ),
                    dcc.Dropdown(
                        id=Exports.MONTH,
                        clearable=False,
                        value=offered_month(format_period(month), [o["value"] for o in months]),
                        options=months,
                    ),
                    html.Div(
                        t("exports.form.scope", lang, region=scope), className="stm-control-note"
                    ),
                ],
                xs=12,
                md=3,
            ),
            dbc.Col(
                [
                    html.Label(t("exports.form.variant", lang), className="stm-control-label"),
                    dbc.RadioItems(id=Exports.VARIANT, options=variants, value="public"),
                    dbc.Checklist(
                        id=Exports.REVISE,
                        value=[],
                        class_name="mt-1",
                        options=[{"label": t("exports.form.revise", lang), "value": "revise"}],
                    ),
                ],
                xs=12,
                md=6,
            ),
            dbc.Col(
                dbc.Button(t("exports.form.submit", lang), id=Exports.MAKE, color="primary"),
                xs=12,
                md=3,
                class_name="align-self-end",
            ),
        ],
        class_name="g-3",
    )
    result = dcc.Loading(
        html.Div(id=Exports.RESULT, className="stm-export-result mt-3"), type="circle"
    )
    return section_card(
        t("exports.form.title", lang),
        html.Div(
            [html.P(t("exports.form.lead", lang), className="stm-section-lead"), fields, result]
        ),
    )


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """The archive a person may see, with downloads, and the form (roles with export only)."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed("export"):
        return access_denied(lang)
    header = page_header(t("exports.title", lang), t("exports.lead", lang), title_id=Exports.TITLE)
    try:
        archive = export_data.archive(include_internal=auth.allowed("export_internal"))
    except DatabaseUnavailable:
        return html.Div(
            [
                header,
                empty_state(
                    t("home.unavailable", lang),
                    t("home.unavailable_hint", lang),
                    "python -m etl init-db",
                    id=Exports.EMPTY,
                ),
            ]
        )
    listing = section_card(
        t("exports.list.title", lang), html.Div(_archive_list(archive, lang), id=Exports.LIST)
    )
    # The monthly briefings (月度简报), made when a month is released: Word and PDF.
    briefing_list = section_card(
        t("briefing.archive.title", lang),
        html.Div(
            briefings.archive_table(
                briefings.entries(), briefings.scope_names(), briefings.download_links, lang
            ),
            id=BriefingIds.ARCHIVE,
        ),
    )
    # The official edition is made by those who release; leaders download it.
    form = (
        _form(archive, lang)
        if auth.allowed("release")
        else html.P(t("exports.form.released_only", lang), className="stm-footnote")
    )
    # the form's months follow its edition (update_months): the loaded span is kept here
    context = {"lang": lang, "first": archive.first_period, "last": archive.last_period}
    return html.Div(
        [header, dcc.Store(id=Exports.CONTEXT, data=context), listing, briefing_list, form],
        className="stm-exports",
    )


@callback(
    Output(Exports.MONTH, "options"),
    Output(Exports.MONTH, "value"),
    Input(Exports.VARIANT, "value"),
    State(Exports.MONTH, "value"),
    State(Exports.CONTEXT, "data"),
    prevent_initial_call=True,
)
def update_months(variant: str | None, month: str | None, context: dict):
    """Edition -> its months: the 对外通报版 lists 1–2月 and no January; the internal one every
    month."""
    auth.guard("release")
    circulated = variant != "internal"
    options = export_views.month_options(
        context.get("first"), context.get("last"), context["lang"], circulated
    )
    return options, offered_month(month, [o["value"] for o in options])


@callback(
    Output(Exports.RESULT, "children"),
    Output(Exports.LIST, "children"),
    Input(Exports.MAKE, "n_clicks"),
    State(Exports.MONTH, "value"),
    State(Exports.VARIANT, "value"),
    State(Exports.REVISE, "value"),
    State(Exports.CONTEXT, "data"),
    prevent_initial_call=True,
    running=[(Output(Exports.MAKE, "disabled"), True, False)],
)
def make_snapshot(
    n_clicks, month: str | None, variant: str | None, revise: list | None, context: dict
):
    """Month and variant -> make (or find) the snapshot -> a message and the refreshed list.
    The official edition is made by those who release (statisticians, admins); leaders download."""
    auth.guard("export")
    auth.guard("release")
    internal = variant == "internal"
    if internal:
        auth.guard("export_internal")
    period = parse_period(month)
    if not n_clicks or period is None:
        return dash.no_update, dash.no_update
    made = export_data.make(period, internal, bool(revise))
    archive = export_data.archive(include_internal=auth.allowed("export_internal"))
    lang = context["lang"]
    return (export_views.made_message(made, period, internal, lang), _archive_list(archive, lang))
