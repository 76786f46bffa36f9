"""重点企业名录 / Key-enterprise register: the 报送情况 page's second tab (admins, statisticians).

Upload a register file (all rows or none, problems as row/column/problem), add one member, end a
membership, put reporting enterprises that are not on the register on it; the register and its
history below. Every write goes through etl.coverage.register (via dashboard.pages.coverage.data, which records
it in the audit log); every callback calls auth.guard("manage_register") first.
"""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import auth, data, i18n
from dashboard.components import access_denied, empty_state, page_header, section_card
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import RegisterEdit
from dashboard.pages.coverage import data as coverage_data
from dashboard.pages.coverage import register_views as views
from dashboard.pages.coverage import views as cov_views
from dashboard.tables import grid
from etl.periods import format_period

dash.register_page(__name__, path=cov_views.REGISTER_PATH, nav=False, permission="manage_register")

ACTION = "manage_register"
FORM = [State(RegisterEdit.ADD_FIELDS[k], "value") for k in views.FORM_FIELDS]


def _grid(id: str, kind: str, lang: str, empty_key: str, **options) -> dag.AgGrid:
    """One of the register's grids: a filter on every column, 20 rows a page."""
    return grid(
        id,
        views.columns(kind, lang),
        lang,
        empty_key,
        column_defaults={"filter": True},
        wrap_headers=False,
        options={"pagination": True, "paginationPageSize": 20, **options},
    )


def _button(key: str, id: str, lang: str) -> dbc.Button:
    return dbc.Button(t(key, lang), id=id, color="primary", size="sm", class_name="mt-1")


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """Upload, add, end and candidates forms above the register and its history."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(ACTION):
        return access_denied(lang)
    header = page_header(t("regm.title", lang), t("regm.lead", lang), title_id=RegisterEdit.TITLE)
    try:
        reg = coverage_data.register()
    except data.DatabaseUnavailable:
        return html.Div(
            [
                header,
                empty_state(
                    t("home.unavailable", lang),
                    t("home.unavailable_hint", lang),
                    "python -m etl init-db",
                ),
            ]
        )
    month = reg.month
    upload = section_card(
        t("regm.upload.title", lang),
        html.Div(
            [
                html.P(t("regm.upload.hint", lang), className="stm-footnote"),
                dcc.Upload(
                    html.Div(t("regm.upload.drop", lang)),
                    id=RegisterEdit.UPLOAD,
                    className="stm-upload",
                    accept=".xlsx,.xlsm,.csv",
                    max_size=coverage_data.app_context().settings.max_upload_bytes,
                ),
                dcc.Loading(html.Div(id=RegisterEdit.UPLOAD_RESULT, className="mt-2")),
            ]
        ),
    )
    add = section_card(
        t("regm.add.title", lang),
        html.Div(
            [
                views.add_form(reg.regions, reg.categories, month, lang),
                _button("regm.add.button", RegisterEdit.ADD, lang),
                html.Div(id=RegisterEdit.ADD_RESULT, className="mt-2"),
            ]
        ),
        fill=True,
    )
    end = section_card(
        t("regm.end.title", lang),
        html.Div(
            [
                html.Label(t("regm.end.pick", lang), className="stm-control-label"),
                dcc.Dropdown(id=RegisterEdit.END_PICK, options=[]),
                html.Label(t("regm.field.until", lang), className="stm-control-label mt-2"),
                dbc.Input(
                    id=RegisterEdit.END_UNTIL,
                    type="text",
                    size="sm",
                    value=format_period(month) if month else "",
                ),
                _button("regm.end.button", RegisterEdit.END, lang),
                html.Div(id=RegisterEdit.END_RESULT, className="mt-2"),
            ]
        ),
        fill=True,
    )
    window = i18n.fmt_period_range(*reg.window, lang) if reg.window else "—"
    candidates = section_card(
        t("regm.cand.title", lang),
        html.Div(
            [
                html.P(
                    t("regm.cand.note", lang, window=window, month=i18n.fmt_period(month, lang)),
                    className="stm-footnote",
                ),
                _grid(
                    RegisterEdit.CANDIDATES,
                    "candidates",
                    lang,
                    "regm.cand.empty",
                    rowSelection="multiple",
                    suppressRowClickSelection=True,
                ),
                dbc.Row(
                    [
                        dbc.Col(
                            [
                                html.Label(
                                    t("regm.field.since", lang), className="stm-control-label"
                                ),
                                dbc.Input(
                                    id=RegisterEdit.CANDIDATE_SINCE,
                                    type="text",
                                    size="sm",
                                    value=format_period(month) if month else "",
                                ),
                            ],
                            md=3,
                        ),
                        dbc.Col(
                            _button("regm.cand.button", RegisterEdit.ADD_CANDIDATES, lang),
                            class_name="align-self-end",
                        ),
                    ],
                    class_name="mt-2",
                ),
                html.Div(id=RegisterEdit.CANDIDATE_RESULT, className="mt-2"),
            ]
        ),
    )
    return html.Div(
        [
            header,
            cov_views.tabs("register", lang, True),
            dcc.Store(id=RegisterEdit.CONTEXT, data={"lang": lang, "month": month}),
            upload,
            dbc.Row([dbc.Col(add, lg=7, class_name="mb-3"), dbc.Col(end, lg=5, class_name="mb-3")]),
            candidates,
            section_card(
                t("regm.list.title", lang),
                _grid(RegisterEdit.ENTRIES, "entries", lang, "regm.list.empty"),
            ),
            section_card(
                t("regm.hist.title", lang),
                _grid(RegisterEdit.HISTORY, "history", lang, "regm.hist.empty"),
            ),
        ],
        className="stm-register-page",
    )


@callback(
    Output(RegisterEdit.ENTRIES, "rowData"),
    Output(RegisterEdit.HISTORY, "rowData"),
    Output(RegisterEdit.CANDIDATES, "rowData"),
    Output(RegisterEdit.END_PICK, "options"),
    Input(RegisterEdit.CONTEXT, "data"),
    Input(RegisterEdit.UPLOAD_RESULT, "children"),
    Input(RegisterEdit.ADD_RESULT, "children"),
    Input(RegisterEdit.END_RESULT, "children"),
    Input(RegisterEdit.CANDIDATE_RESULT, "children"),
)
def refresh_register(context: dict, *_results):
    """The register, its history and the candidates, read again after every change."""
    auth.guard(ACTION)
    lang = context["lang"]
    reg = coverage_data.register()
    return (
        views.entry_rows(reg.entries, reg.regions, reg.categories, lang),
        views.history_rows(reg.history, lang),
        views.candidate_rows(reg.candidates, reg.regions, lang),
        views.member_options(reg.entries),
    )


@callback(
    Output(RegisterEdit.UPLOAD_RESULT, "children"),
    Input(RegisterEdit.UPLOAD, "contents"),
    State(RegisterEdit.UPLOAD, "filename"),
    State(RegisterEdit.CONTEXT, "data"),
    prevent_initial_call=True,
)
def upload_register(contents: str | None, filename: str | None, context: dict):
    """An uploaded file -> etl.coverage.register.load_register -> 'loaded n' or the problems table."""
    auth.guard(ACTION)
    content = views.decode_upload(contents)
    if content is None or not filename:
        return dash.no_update
    lang = context["lang"]
    check = coverage_data.upload_register(content, filename)
    return views.check_result(
        check, t("regm.upload.ok", lang, file=filename, n=len(check.rows)), lang
    )


@callback(
    Output(RegisterEdit.ADD_RESULT, "children"),
    Input(RegisterEdit.ADD, "n_clicks"),
    State(RegisterEdit.CONTEXT, "data"),
    *FORM,
    prevent_initial_call=True,
)
def add_member(n_clicks: int | None, context: dict, *values):
    """The form -> etl.coverage.register.add_member (checked like a file row)."""
    auth.guard(ACTION)
    if not n_clicks:
        return dash.no_update
    lang, form = context["lang"], views.form_values(list(values))
    check = coverage_data.add_register_member(form)
    return views.check_result(check, t("regm.add.ok", lang, name=form.get("name") or ""), lang)


@callback(
    Output(RegisterEdit.END_RESULT, "children"),
    Input(RegisterEdit.END, "n_clicks"),
    State(RegisterEdit.END_PICK, "value"),
    State(RegisterEdit.END_UNTIL, "value"),
    State(RegisterEdit.END_PICK, "options"),
    State(RegisterEdit.CONTEXT, "data"),
    prevent_initial_call=True,
)
def end_membership(
    n_clicks: int | None, uscc: str | None, until: str | None, options: list, context: dict
):
    """A member and a last month -> etl.coverage.register.end_membership."""
    auth.guard(ACTION)
    if not n_clicks:
        return dash.no_update
    lang = context["lang"]
    month, refusal = views.month_or_refusal(uscc, until, lang)
    if refusal is not None:
        return refusal
    check = coverage_data.end_register_membership(uscc, month)
    name = next((o["label"] for o in options or [] if o["value"] == uscc), uscc)
    return views.check_result(
        check, t("regm.end.ok", lang, name=name, month=i18n.fmt_period(month, lang)), lang
    )


@callback(
    Output(RegisterEdit.CANDIDATE_RESULT, "children"),
    Input(RegisterEdit.ADD_CANDIDATES, "n_clicks"),
    State(RegisterEdit.CANDIDATES, "selectedRows"),
    State(RegisterEdit.CANDIDATE_SINCE, "value"),
    State(RegisterEdit.CONTEXT, "data"),
    prevent_initial_call=True,
)
def add_candidates(
    n_clicks: int | None, selected: list[dict] | None, since: str | None, context: dict
):
    """Ticked candidates and a first month -> etl.coverage.register.add_candidates."""
    auth.guard(ACTION)
    if not n_clicks:
        return dash.no_update
    lang = context["lang"]
    month, refusal = views.month_or_refusal(selected, since, lang)
    if refusal is not None:
        return refusal
    check = coverage_data.add_register_candidates([r["uscc"] for r in selected], month)
    return views.check_result(check, t("regm.cand.ok", lang, n=len(check.rows)), lang)
