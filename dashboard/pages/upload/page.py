"""数据报送 / Upload: template, files → background check → preview → commit; history and retract.

Checking and loading run in a worker process with a memory and a time cap (etl.intake.jobs, its
worker etl.intake.jobs.worker) and the page polls the job's state, so a 300k-row file never blocks
a request or the web process; a running check can be cancelled. Every callback checks the role on
the server (upload_data calls auth.guard first).
"""

from __future__ import annotations

import base64
import binascii

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html

from dashboard import auth, i18n
from dashboard.components import access_denied, page_header
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Upload
from dashboard.pages.upload import data as upload_data
from dashboard.pages.upload import sections
from dashboard.pages.upload import views as upload_views
from etl.intake.jobs import StagedFile, UploadRefused, may_commit
from etl.intake.retract import RetractError

dash.register_page(
    __name__,
    nav_group="manage",
    path="/upload",
    order=80,
    name_key="nav.upload",
    permission="upload",
)

POLL_MS = 700


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """The four steps of a report upload, for roles that may upload."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed("upload"):
        return access_denied(lang)
    limit_mb = upload_data.upload_limit_mb()
    return html.Div(
        [
            page_header(t("upload.title", lang), t("upload.lead", lang), title_id=Upload.TITLE),
            dcc.Store(id=Upload.CONTEXT, data={"lang": lang}),
            dcc.Store(id=Upload.JOB),
            dcc.Store(id=Upload.HISTORY_TICK, data=0),
            dcc.Interval(id=Upload.POLL, interval=POLL_MS, disabled=True),
            sections.template_section(lang),
            sections.files_section(lang, limit_mb, upload_data.my_regions()),
            sections.preview_section(lang),
            sections.history_section(lang, upload_data.may_retract()),
        ]
    )


def _decoded(contents: list[str], names: list[str]) -> list[StagedFile]:
    files = []
    for content, name in zip(contents, names):
        try:
            files.append(StagedFile(name, base64.b64decode(content.split(",", 1)[1])))
        except (IndexError, binascii.Error) as exc:
            raise UploadRefused(f"无法读取“{name}”。", f"Could not read “{name}”.") from exc
    return files


@callback(
    Output(Upload.JOB, "data"),
    Output(Upload.POLL, "disabled"),
    Output(Upload.MESSAGE, "children"),
    Output(Upload.DROP, "contents"),
    Input(Upload.DROP, "contents"),
    State(Upload.DROP, "filename"),
    State(Upload.CONTEXT, "data"),
    prevent_initial_call=True,
)
def receive_files(contents, names, context):
    """Stage the dropped files as a job and start checking them in the background."""
    auth.guard("upload")  # before anything, even an early return
    if not contents:
        return dash.no_update, dash.no_update, dash.no_update, dash.no_update
    lang = (context or {}).get("lang", DEFAULT_LANG)
    try:
        job_id = upload_data.stage_files(_decoded(contents, names or []))
        upload_data.start_job(job_id, commit=False)
    except UploadRefused as refused:
        return None, True, _refusal(refused, lang), None
    return job_id, False, None, None  # contents cleared: the same file can be dropped again


def _refusal(refused: UploadRefused, lang: str) -> dbc.Alert:
    text = refused.message_en if lang == "en" else refused.message_zh
    return dbc.Alert(text, color="danger", class_name="py-2")


@callback(
    Output(Upload.PROGRESS, "value"),
    Output(Upload.PROGRESS, "style"),
    Output(Upload.PROGRESS_TEXT, "children"),
    Output(Upload.POLL, "disabled", allow_duplicate=True),
    Output(Upload.PREVIEW, "children"),
    Output(Upload.COMMIT, "disabled"),
    Output(Upload.COMMIT_NOTE, "children"),
    Output(Upload.RESULTS, "children"),
    Output(Upload.HISTORY_TICK, "data"),
    Output(Upload.CANCEL, "style"),
    Input(Upload.POLL, "n_intervals"),
    Input(Upload.JOB, "data"),
    State(Upload.CONTEXT, "data"),
    State(Upload.HISTORY_TICK, "data"),
    prevent_initial_call=True,
)
def show_job(_tick, job_id, context, history_tick):
    """Progress while the job runs (with a cancel button while it is checked); then its outcome."""
    auth.guard("upload")  # before anything, even an early return
    lang = (context or {}).get("lang", DEFAULT_LANG)
    hidden = {"display": "none"}
    if not job_id:
        return 0, hidden, "", True, None, True, "", None, dash.no_update, hidden
    job, issues = upload_data.job_with_issues(job_id)
    percent, text, running = upload_views.progress(job, lang, upload_data.worker_limits())
    shown = {"display": "flex"}
    checking = job is not None and job["state"] in ("staged", "validating")
    cancel = {} if checking else hidden
    if running or job is None:  # a new job: the previous file's preview and results go
        return percent, shown, text, not running, None, True, "", None, dash.no_update, cancel
    if job["state"] == "cancelled":  # the history gained a row saying so
        return percent, shown, text, True, None, True, "", None, (history_tick or 0) + 1, hidden
    cards = [
        upload_views.file_card(r, i, job_id, issues[i] if i < len(issues) else None, lang)
        for i, r in enumerate(job.get("preview") or [])
    ]
    committable = may_commit(job)
    note = "" if committable or job["state"] != "validated" else t("upload.commit_blocked", lang)
    results = upload_views.result_lines(job.get("results") or [], lang)
    tick = (history_tick or 0) + 1 if job["state"] in ("committed", "failed") else dash.no_update
    return percent, shown, text, True, cards, not committable, note, results, tick, hidden


@callback(
    Output(Upload.POLL, "disabled", allow_duplicate=True),
    Output(Upload.CANCEL, "style", allow_duplicate=True),
    Input(Upload.CANCEL, "n_clicks"),
    State(Upload.JOB, "data"),
    prevent_initial_call=True,
)
def cancel(n_clicks, job_id):
    """Stop the running check; the next poll shows it cancelled and the history says so."""
    auth.guard("upload")  # before anything, even an early return
    if not n_clicks or not job_id:
        return dash.no_update, dash.no_update
    upload_data.cancel_job(job_id)
    return False, {"display": "none"}  # one more poll shows the outcome


@callback(
    Output(Upload.POLL, "disabled", allow_duplicate=True),
    Output(Upload.COMMIT, "disabled", allow_duplicate=True),
    Output(Upload.COMMIT_NOTE, "children", allow_duplicate=True),
    Input(Upload.COMMIT, "n_clicks"),
    State(Upload.JOB, "data"),
    State(Upload.CONTEXT, "data"),
    prevent_initial_call=True,
)
def commit(n_clicks, job_id, context):
    """Load the previewed files (the server re-checks that the preview had no errors)."""
    auth.guard("upload")  # before anything, even an early return
    if not n_clicks or not job_id:
        return dash.no_update, dash.no_update, dash.no_update
    lang = (context or {}).get("lang", DEFAULT_LANG)
    try:
        started = upload_data.start_job(job_id, commit=True)
    except UploadRefused as refused:
        return (
            dash.no_update,
            dash.no_update,
            refused.message_en if lang == "en" else refused.message_zh,
        )
    return (False, True, "") if started else (dash.no_update, dash.no_update, dash.no_update)


@callback(
    Output(Upload.HISTORY, "rowData"),
    Input(Upload.HISTORY_TICK, "data"),
    State(Upload.CONTEXT, "data"),
)
def show_history(_tick, context):
    """The batch history (a clerk's own; everyone's for statisticians and admins)."""
    auth.guard("upload")  # before anything, even an early return
    lang = (context or {}).get("lang", DEFAULT_LANG)
    return upload_views.history_rows(upload_data.history(), lang)


@callback(
    Output(Upload.RETRACT_MODAL, "is_open"),
    Output(Upload.RETRACT_TITLE, "children"),
    Output(Upload.RETRACT_BODY, "children"),
    Output(Upload.RETRACT_MESSAGE, "children"),
    Output(Upload.HISTORY_TICK, "data", allow_duplicate=True),
    Output(Upload.RETRACT_REASON, "value"),
    Input(Upload.RETRACT, "n_clicks"),
    Input(Upload.RETRACT_CANCEL, "n_clicks"),
    Input(Upload.RETRACT_CONFIRM, "n_clicks"),
    State(Upload.HISTORY, "selectedRows"),
    State(Upload.RETRACT_REASON, "value"),
    State(Upload.CONTEXT, "data"),
    State(Upload.HISTORY_TICK, "data"),
    prevent_initial_call=True,
)
def retract_flow(_open, _cancel, _confirm, selected, reason, context, tick):
    """Ask for a reason, then retract the selected loaded batch (statisticians and admins)."""
    auth.guard("retract")  # before anything, even an early return
    lang = (context or {}).get("lang", DEFAULT_LANG)
    keep = dash.no_update
    row = (selected or [None])[0]
    if ctx.triggered_id == Upload.RETRACT_CANCEL:
        return False, keep, keep, keep, keep, keep
    if row is None or row.get("status_code") != "loaded":
        return False, keep, keep, _alert(t("upload.retract.pick", lang), "warning"), keep, keep
    body = html.Div(
        [
            html.P(t("upload.retract.body", lang, file=row["file"])),
            upload_views.impact_lines(upload_data.retract_impact(int(row["batch"])), lang),
        ]
    )
    if ctx.triggered_id == Upload.RETRACT:
        title = t("upload.retract.title", lang, batch=row["batch"])
        return True, title, body, None, keep, ""
    if not (reason or "").strip():
        warning = _alert(t("upload.retract.need_reason", lang), "warning")
        return True, keep, [body, warning], keep, keep, keep
    try:
        done = upload_data.retract(int(row["batch"]), reason.strip())
    except RetractError as exc:
        failed = _alert(t("upload.retract.failed", lang, error=exc), "danger")
        return False, keep, keep, failed, keep, keep
    text = t(
        "upload.retract.done",
        lang,
        batch=done.batch_id,
        withdrawn=done.reports_withdrawn,
        restored=done.reports_restored,
    )
    return False, keep, keep, _alert(text, "success"), (tick or 0) + 1, ""


def _alert(text: str, color: str) -> dbc.Alert:
    return dbc.Alert(text, color=color, class_name="py-2", dismissable=True)
