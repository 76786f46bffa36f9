"""试点任务 / Pilot tasks: the ledger of both plans (/tasks) and one task's page (/tasks?task=id).

Leaders, statisticians and the conference office (admin) read every task; a responsible unit
reports progress on the tasks its organisations lead or cooperate on, with an evidence file;
statisticians and admins confirm or return reports. Every callback checks the role on the
server, and a report is checked against the stored task (another unit's task: HTTP 403).
"""

from __future__ import annotations

import base64
import binascii

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html

from dashboard import auth, i18n
from dashboard.components import access_denied, page_header, section_card
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Tasks as Ids
from dashboard.pages.tasks import data, detail, views
from dashboard.tables import grid
from etl.tasks.evidence import EvidenceRejected
from etl.tasks.store import TaskError

dash.register_page(
    __name__,
    nav_group="analysis",
    path="/tasks",
    order=70,
    name_key="nav.tasks",
    permission=data.VIEW,
)


def layout(lang: str = DEFAULT_LANG, task: str | None = None, **_query: str) -> html.Div:
    """The ledger, or one task's page when ?task= names one."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(data.VIEW):
        return access_denied(lang)
    if task:
        return detail.task_page(task, lang)
    documents = [{"label": views.document_name(d, lang), "value": d} for d in views.DOCUMENTS]
    units = data.my_units()
    controls = [
        dbc.Col(
            [
                dbc.Label(t("tasks.filter.document", lang), class_name="stm-control-label"),
                dcc.Dropdown(
                    id=Ids.DOCUMENT,
                    options=documents,
                    placeholder=t("tasks.filter.all_documents", lang),
                ),
            ],
            xs=12,
            md=4,
        ),
        dbc.Col(
            dbc.Checklist(
                id=Ids.MINE,
                options=[{"label": t("tasks.filter.mine", lang), "value": "mine"}],
                value=["mine"] if units else [],
                switch=True,
                style={} if units else {"display": "none"},
            ),
            xs=12,
            md=4,
            class_name="align-self-end",
        ),
    ]
    return html.Div(
        [
            page_header(t("tasks.title", lang), t("tasks.lead", lang), title_id=Ids.TITLE),
            dcc.Store(id=Ids.CONTEXT, data={"lang": lang}),
            dbc.Row(controls, class_name="g-2 mb-2"),
            html.P(id=Ids.COUNT, className="stm-section-lead"),
            section_card(
                t("tasks.grid", lang),
                [
                    html.P(t("tasks.filter.hint", lang), className="stm-footnote"),
                    grid(
                        Ids.GRID,
                        views.column_defs(lang),
                        lang,
                        "tasks.empty",
                        column_defaults={"filter": True, "floatingFilter": True},
                        options={"pagination": True, "paginationPageSize": 20},
                        getRowId="params.data.id",
                    ),
                ],
            ),
        ]
    )


@callback(
    Output(Ids.GRID, "rowData"),
    Output(Ids.COUNT, "children"),
    Input(Ids.DOCUMENT, "value"),
    Input(Ids.MINE, "value"),
    State(Ids.CONTEXT, "data"),
)
def show_ledger(document, mine, context):
    """The tasks of the chosen document (and of the unit, when asked), as of today."""
    auth.guard(data.VIEW)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    as_of = data.today()
    state = data.ledger(as_of, document or None)
    units = set(data.my_units())
    if mine and units:
        state = state[
            [bool(units & set(a + b)) for a, b in zip(state["lead"], state["cooperating"])]
        ]
    count = t(
        "tasks.count",
        lang,
        n=len(state),
        as_of=as_of.isoformat(),
        completed=int(state["state"].isin(["on_time", "late"]).sum()),
        overdue=int((state["state"] == "overdue").sum()),
    )
    return views.task_rows(state, lang, data.gap_months()), count


@callback(
    Output(Ids.HISTORY, "rowData"),
    Input(Ids.TICK, "data"),
    State(Ids.CONTEXT, "data"),
)
def show_history(_tick, context):
    """The task's reports and evidence, re-read after each report or review."""
    auth.guard(data.VIEW)
    context = context or {}
    reports, evidence = data.history(context.get("task", ""))
    return views.history_rows(reports, evidence, context.get("lang", DEFAULT_LANG))


@callback(
    Output(Ids.REVIEW_PICK, "options"),
    Output(Ids.REVIEW_PICK, "value"),
    Input(Ids.TICK, "data"),
    State(Ids.CONTEXT, "data"),
)
def show_pending(_tick, context):
    """Reports awaiting review, newest first, the newest chosen."""
    auth.guard(data.REVIEW)
    context = context or {}
    reports, _ = data.history(context.get("task", ""))
    options = views.pending_options(reports, context.get("lang", DEFAULT_LANG))
    return options, options[0]["value"] if options else None


@callback(
    Output(Ids.UPLOAD_NAME, "children"),
    Input(Ids.UPLOAD, "filename"),
    State(Ids.CONTEXT, "data"),
)
def show_upload_name(filename, context):
    """Which file will go with the report."""
    auth.guard(data.REPORT)
    if not filename:
        return ""
    return t("tasks.form.chosen", (context or {}).get("lang", DEFAULT_LANG), name=filename)


def _decode(contents: str | None) -> bytes | None:
    if not contents:
        return None
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error):
        return b""


@callback(
    Output(Ids.MESSAGE, "children"),
    Output(Ids.TICK, "data"),
    Output(Ids.UPLOAD, "contents"),
    Output(Ids.UPLOAD, "filename"),
    Output(Ids.TEXT, "value"),
    *[Output(Ids.FIGURES[k], "value") for k in views.FIGURES],
    Input(Ids.SUBMIT, "n_clicks"),
    State(Ids.PERIOD, "value"),
    State(Ids.STATUS, "value"),
    State(Ids.TEXT, "value"),
    *[State(Ids.FIGURES[k], "value") for k in views.FIGURES],
    State(Ids.UPLOAD, "contents"),
    State(Ids.UPLOAD, "filename"),
    State(Ids.CONTEXT, "data"),
    State(Ids.TICK, "data"),
    prevent_initial_call=True,
)
def submit_report(_n, period, status, text, *rest):
    """Store the unit's report and its evidence file (checked on the server: 403 otherwise)."""
    auth.guard(data.REPORT)
    *figure_values, contents, filename, context, tick = rest
    context = context or {}
    lang = context.get("lang", DEFAULT_LANG)
    figures = dict(zip(views.FIGURES, figure_values))
    content = _decode(contents)
    files = [(filename or "evidence", content)] if content is not None else []
    keep = [dash.no_update] * (4 + len(views.FIGURES))  # the form stays as typed
    try:
        data.submit(context.get("task", ""), period, status or "", text, figures, files)
    except EvidenceRejected as exc:
        mb = data.max_evidence_bytes() // (1024 * 1024)
        message = t(f"tasks.evidence.{exc.reason}", lang, name=exc.filename, mb=mb)
        return _alert(message, "danger"), *keep
    except TaskError as exc:
        return _alert(_error(exc, lang), "danger"), *keep
    done = t("tasks.submitted", lang, period=period)
    # Emptied after a report is stored, so a second click cannot file it twice.
    cleared = [None, None, ""] + [None] * len(views.FIGURES)
    return _alert(done, "success"), (tick or 0) + 1, *cleared


@callback(
    Output(Ids.MESSAGE, "children", allow_duplicate=True),
    Output(Ids.TICK, "data", allow_duplicate=True),
    Output(Ids.COMMENT, "value"),
    Input(Ids.CONFIRM, "n_clicks"),
    Input(Ids.RETURN, "n_clicks"),
    State(Ids.REVIEW_PICK, "value"),
    State(Ids.COMMENT, "value"),
    State(Ids.CONTEXT, "data"),
    State(Ids.TICK, "data"),
    prevent_initial_call=True,
)
def review_report(_confirm, _return, report_id, comment, context, tick):
    """确认 or 退回 the chosen report (statisticians and the conference office)."""
    auth.guard(data.REVIEW)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    keep = dash.no_update
    if not report_id:
        return _alert(t("tasks.error.pick", lang), "warning"), keep, keep
    decision = "confirmed" if ctx.triggered_id == Ids.CONFIRM else "returned"
    try:
        data.review(int(report_id), decision, comment or "")
    except TaskError as exc:
        return _alert(_error(exc, lang), "danger"), keep, keep
    done = t(f"tasks.review.done.{decision}", lang, id=report_id)
    return _alert(done, "success"), (tick or 0) + 1, ""


def _error(exc: TaskError, lang: str) -> str:
    key = f"tasks.error.{exc.reason}"
    return t(key, lang) if key in i18n.CATALOGUE else t("tasks.error.other", lang, error=exc)


def _alert(text: str, color: str) -> dbc.Alert:
    return dbc.Alert(text, color=color, class_name="py-2", dismissable=True)
