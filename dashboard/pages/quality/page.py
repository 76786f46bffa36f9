"""数据质量 / Data quality: flagged reports, filtered; select one to review it with a note.

Statisticians and admins only (action review_quality): the flags name enterprises of every
region. The layout and every callback check the permission on the server; the data calls in
dashboard/pages/quality/data.py check it again. Callbacks stay thin: inputs, one data call, output.
"""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import auth, i18n
from dashboard.components import access_denied, empty_state, page_header, section_card
from dashboard.data import DatabaseUnavailable
from dashboard.downloads import xlsx_bytes
from dashboard.figures import safe_filename
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Quality
from dashboard.pages.quality import data as quality_data
from dashboard.pages.quality import views as quality_views
from dashboard.tables import grid
from etl.quality.rules import RULES
from etl.quality.store import ReviewError

ACTION = quality_data.ACTION
dash.register_page(
    __name__,
    nav_group="manage",
    path="/quality",
    order=80,
    name_key="nav.quality",
    permission=ACTION,
)


def _dropdown(id_: str, label_key: str, options: list[dict], value: str, lang: str) -> dbc.Col:
    return dbc.Col(
        [
            html.Label(t(label_key, lang), htmlFor=id_, className="stm-control-label"),
            dcc.Dropdown(id=id_, options=options, value=value, clearable=False),
        ],
        xs=12,
        md=3,
    )


def _controls(months: list[int], lang: str) -> dbc.Row:
    return dbc.Row(
        [
            _dropdown(
                Quality.STATUS,
                "quality.filter.status",
                quality_views.status_options(lang),
                "open",
                lang,
            ),  # what is left to do
            _dropdown(
                Quality.RULE, "quality.filter.rule", quality_views.rule_options(lang), "", lang
            ),
            _dropdown(
                Quality.MONTH,
                "quality.filter.month",
                quality_views.month_options(months, lang),
                "",
                lang,
            ),
            dbc.Col(
                dbc.Button(
                    t("quality.download", lang),
                    id=Quality.EXPORT,
                    color="primary",
                    outline=True,
                    size="sm",
                ),
                xs=12,
                md=3,
                class_name="align-self-end",
            ),
        ],
        class_name="g-2 mb-2 stm-controls",
    )


def _grid(lang: str) -> dag.AgGrid:
    return grid(
        Quality.GRID,
        quality_views.column_defs(lang),
        lang,
        "quality.empty",
        getRowId="params.data.row_id",
        column_defaults={"filter": True},
        wrap_headers=False,
        options={
            "rowSelection": {
                "mode": "singleRow",
                "checkboxes": False,
                "enableClickSelection": True,
            },
            "pagination": True,
            "paginationPageSize": 20,
            "paginationPageSizeSelector": False,
            "tooltipShowDelay": 300,
        },
    )


def _rules(lang: str) -> html.Details:
    th = quality_data.thresholds()
    items = [
        html.Li(
            [
                html.Strong(quality_views.rule_name(r, lang)),
                "：" if lang == "zh" else ": ",
                quality_views.rule_explanation(r, th, lang),
            ]
        )
        for r in RULES
    ]
    return html.Details(
        [
            html.Summary(t("quality.rules.title", lang)),
            html.Ul(items),
            html.P(t("quality.rules.note", lang), className="stm-footnote"),
        ],
        className="stm-q-rules mb-3",
    )


def _review(lang: str) -> dbc.Row:
    form = html.Div(
        [
            html.Label(t("quality.review.status", lang), className="stm-control-label"),
            dbc.RadioItems(
                id=Quality.REVIEW_STATUS,
                inline=True,
                value="checked",
                options=[
                    {"label": t(f"quality.status.{s}", lang), "value": s}
                    for s in ("checked", "explained", "open")
                ],
            ),
            html.Label(
                t("quality.review.note", lang),
                htmlFor=Quality.NOTE,
                className="stm-control-label mt-2",
            ),
            dbc.Textarea(
                id=Quality.NOTE,
                rows=3,
                maxLength=2000,
                placeholder=t("quality.review.note_hint", lang),
            ),
            dbc.Button(
                t("quality.review.save", lang),
                id=Quality.SAVE,
                color="primary",
                size="sm",
                class_name="mt-2",
            ),
            html.Div(id=Quality.FEEDBACK, className="mt-2"),
        ],
        id=Quality.FORM,
        hidden=True,
        className="mt-3",
    )
    card = html.Div(
        [html.P(t("quality.review.pick", lang), className="stm-footnote")], id=Quality.CARD
    )
    return dbc.Row(
        [
            dbc.Col(
                section_card(t("quality.review.title", lang), html.Div([card, form]), fill=True),
                xs=12,
                lg=7,
            ),
            dbc.Col(
                section_card(
                    t("quality.history.title", lang), html.Div(id=Quality.HISTORY), fill=True
                ),
                xs=12,
                lg=5,
            ),
        ],
        class_name="g-3 mt-1",
    )


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """Filters, the flag list, the rules, and the review panel for the selected flag."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(ACTION):
        return access_denied(lang)
    header = page_header(t("quality.title", lang), t("quality.lead", lang), title_id=Quality.TITLE)
    try:
        months = quality_data.flag_months()
    except DatabaseUnavailable:
        return html.Div(
            [
                header,
                empty_state(
                    t("home.unavailable", lang),
                    t("home.unavailable_hint", lang),
                    "python -m etl init-db",
                    id=Quality.EMPTY,
                ),
            ]
        )
    return html.Div(
        [
            header,
            dcc.Store(id=Quality.CONTEXT, data={"lang": lang}),
            dcc.Store(id=Quality.SELECTED),
            _controls(months, lang),
            _rules(lang),
            html.Div(id=Quality.COUNT, className="stm-footnote mb-1"),
            _grid(lang),
            _review(lang),
            dcc.Download(id=Quality.DOWNLOAD),
        ]
    )


@callback(
    Output(Quality.GRID, "rowData"),
    Output(Quality.COUNT, "children"),
    Input(Quality.STATUS, "value"),
    Input(Quality.RULE, "value"),
    Input(Quality.MONTH, "value"),
    State(Quality.CONTEXT, "data"),
)
def update_flags(status: str, rule: str, month: str, context: dict):
    """Filters -> the matching flags -> grid rows and their count."""
    auth.guard(ACTION)
    lang = context["lang"]
    rows = quality_views.grid_rows(
        quality_data.flags(status, rule, month), quality_data.thresholds(), lang
    )
    return rows, t("quality.count", lang, n=i18n.fmt_count(len(rows)))


def _panel(flag_id: int | None, lang: str):
    record, notes = quality_data.flag_with_notes(flag_id) if flag_id else (None, None)
    if record is None:
        return html.P(t("quality.review.pick", lang), className="stm-footnote"), None, True
    card = quality_views.flag_card(record, quality_data.thresholds(), lang)
    return card, quality_views.history(notes, lang), False


@callback(
    Output(Quality.SELECTED, "data"),
    Output(Quality.CARD, "children"),
    Output(Quality.HISTORY, "children"),
    Output(Quality.FORM, "hidden"),
    Output(Quality.NOTE, "value"),
    Output(Quality.FEEDBACK, "children"),
    Input(Quality.GRID, "selectedRows"),
    State(Quality.SELECTED, "data"),
    State(Quality.CONTEXT, "data"),
    prevent_initial_call=True,
)
def show_flag(selected: list[dict] | None, shown: int | None, context: dict):
    """The selected row -> the flag's card, its review history and an empty form."""
    auth.guard(ACTION)
    flag_id = int(selected[0]["id"]) if selected else None
    if flag_id is not None and flag_id == shown:
        # Saving updates the selected row in place, and the grid then reports the selection
        # again; redrawing would wipe the 已保存 message the reviewer has not read yet.
        raise PreventUpdate
    card, notes, hidden = _panel(flag_id, context["lang"])
    return flag_id, card, notes, hidden, "", None


@callback(
    Output(Quality.FEEDBACK, "children", allow_duplicate=True),
    Output(Quality.CARD, "children", allow_duplicate=True),
    Output(Quality.HISTORY, "children", allow_duplicate=True),
    Output(Quality.NOTE, "value", allow_duplicate=True),
    Output(Quality.GRID, "rowTransaction"),
    Output(Quality.COUNT, "children", allow_duplicate=True),
    Input(Quality.SAVE, "n_clicks"),
    State(Quality.SELECTED, "data"),
    State(Quality.REVIEW_STATUS, "value"),
    State(Quality.NOTE, "value"),
    State(Quality.GRID, "selectedRows"),
    State(Quality.CONTEXT, "data"),
    State(Quality.STATUS, "value"),
    State(Quality.RULE, "value"),
    State(Quality.MONTH, "value"),
    prevent_initial_call=True,
)
def save_review(
    _clicks,
    flag_id: int | None,
    status: str,
    note: str | None,
    selected: list[dict] | None,
    context: dict,
    shown_status: str = "",
    shown_rule: str = "",
    shown_month: str = "",
):
    """Status and note -> one more entry in the flag's history; the row shows the new status
    and the count follows without a reload."""
    auth.guard(ACTION)
    lang = context["lang"]
    keep = dash.no_update
    if not flag_id:
        return keep, keep, keep, keep, keep, keep
    if not (note or "").strip():
        alert = dbc.Alert(t("quality.review.need_note", lang), color="warning", class_name="py-2")
        return alert, keep, keep, keep, keep, keep
    try:
        quality_data.review(flag_id, status, note)
    except ReviewError as exc:
        alert = dbc.Alert(
            t("quality.review.failed", lang, error=exc), color="danger", class_name="py-2"
        )
        return alert, keep, keep, keep, keep, keep
    card, notes, _hidden = _panel(flag_id, lang)
    row = {**(selected or [{}])[0], "id": flag_id, "status": t(f"quality.status.{status}", lang)}
    done = dbc.Alert(t("quality.review.saved", lang), color="success", class_name="py-2")
    left = quality_data.flags(shown_status or "", shown_rule or "", shown_month or "")
    count = t("quality.count", lang, n=i18n.fmt_count(len(left)))
    # The row stays in view with its new status (the reviewer may still be reading it); the
    # count says how many flags now match the filters, e.g. one open flag fewer.
    return done, card, notes, "", {"update": [row]}, count


@callback(
    Output(Quality.DOWNLOAD, "data"),
    Input(Quality.EXPORT, "n_clicks"),
    State(Quality.STATUS, "value"),
    State(Quality.RULE, "value"),
    State(Quality.MONTH, "value"),
    State(Quality.CONTEXT, "data"),
    prevent_initial_call=True,
)
def export_flags(_clicks, status: str, rule: str, month: str, context: dict):
    """The filtered flag list as xlsx, as on screen; the download is audited."""
    auth.guard(ACTION)
    lang = context["lang"]
    rows = quality_views.grid_rows(
        quality_data.flags(status, rule, month), quality_data.thresholds(), lang
    )
    quality_data.record_download({"status": status, "rule": rule, "month": month}, len(rows))
    table = quality_views.export_table(rows, lang)
    name = safe_filename(t("quality.export.file", lang) + (f"_{month}" if month else ""))
    return dcc.send_bytes(xlsx_bytes(table, t("quality.export.sheet", lang)[:31]), f"{name}.xlsx")
