"""Pure: what the upload page shows for a job's state, its files' problems and the batch history."""

from __future__ import annotations

import datetime as dt

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import i18n
from dashboard.components import kpi_card
from dashboard.i18n import t
from dashboard.ids import Upload
from dashboard.tables import grid_locale
from etl.intake.jobs import PHASES, WORKER_FAILURES
from etl.queries.retract import BatchImpact

RUNNING = ("staged", "validating", "committing")
ISSUE_COLUMNS = ("row", "column", "value", "problem", "severity")
SHORT_SHA = 12


def progress(job: dict | None, lang: str, limits: dict | None = None) -> tuple[int, str, bool]:
    """Percent done, the line under the bar, and whether the page should keep polling.

    limits: {"memory": MB, "time": seconds}, quoted when a worker was stopped at one of them.
    """
    if job is None:
        return 0, "", False
    state = job["state"]
    if state == "failed":
        error = job.get("error", "")
        if error in WORKER_FAILURES:
            limit = (limits or {}).get(error, "")
            return 100, t(f"upload.phase.failed_{error}", lang, limit=limit), False
        return 100, t("upload.phase.failed", lang, error=error), False
    if state == "cancelled":
        return 100, t("upload.phase.cancelled", lang), False
    if state in ("validated", "committed"):
        return 100, t(f"upload.phase.{state}", lang), False
    step = job.get("progress") or {}
    phase = step.get("phase")
    if phase not in PHASES:
        return 2, t("upload.phase.staged", lang), True
    files = job["files"]
    i = min(int(step.get("file", 0)), len(files) - 1)
    text = t(f"upload.phase.{phase}", lang, file=files[i]["name"], i=i + 1, n=len(files))
    return max(2, round(float(step.get("fraction", 0)) * 100)), text, True


def issue_table(issues: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The problems with catalogue headers and the clerk's language, as downloaded."""
    frame = _issue_frame(issues, lang)
    return frame.rename(columns={c: t(f"upload.col.{c}", lang) for c in ISSUE_COLUMNS})


def _issue_frame(issues: pd.DataFrame, lang: str) -> pd.DataFrame:
    if issues is None or issues.empty:
        return pd.DataFrame(columns=list(ISSUE_COLUMNS))
    problem = issues["problem_en"] if lang == "en" else issues["problem_zh"]
    severity = issues["severity"].map(lambda s: t(f"upload.severity.{s}", lang))
    value = issues["value"].map(
        lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v)
    )
    return pd.DataFrame(
        {
            "row": issues["row"].astype(int),
            "column": issues["column"],
            "value": value,
            "problem": problem,
            "severity": severity,
        }
    )


def issue_column_defs(lang: str) -> list[dict]:
    """Columns of the problems grid: narrow row and kind, a wide wrapped explanation."""
    widths = {"row": 80, "column": 190, "value": 180, "severity": 90}
    defs = []
    for key in ISSUE_COLUMNS:
        col = {"field": key, "headerName": t(f"upload.col.{key}", lang)}
        if key == "problem":
            col.update(flex=1, minWidth=320, wrapText=True, autoHeight=True)
        else:
            col["width"] = widths[key]
        defs.append(col)
    return defs


def file_card(
    record: dict, index: int, job_id: str, issues: pd.DataFrame | None, lang: str
) -> dbc.Card:
    """One file of the preview: status, figures, and its problems with download links."""
    status = record["status"]
    if status == "unreadable":
        message = record["message_en"] if lang == "en" else record["message_zh"]
        return _card(record["name"], "unreadable", [html.P(message, className="mb-0")], lang)
    summary = record.get("summary") or {}
    body: list = []
    if record.get("duplicate_of"):
        body.append(
            dbc.Alert(
                t("upload.file.duplicate", lang, batch=record["duplicate_of"]),
                color="info",
                class_name="py-2",
            )
        )
    body.append(dbc.Row(_kpis(summary, lang), class_name="g-2 mb-2"))
    fats = summary.get("usd_cents_fats") or {}
    if any(fats.values()):
        body.append(
            html.P(
                t(
                    "upload.kpi.fats_note",
                    lang,
                    exports=i18n.fmt_amount(fats.get("X", 0), "usd_10k", lang),
                    imports=i18n.fmt_amount(fats.get("M", 0), "usd_10k", lang),
                ),
                className="stm-footnote",
            )
        )
    body.append(_issues_block(summary, index, job_id, issues, lang))
    return _card(
        record["name"],
        "ok" if status == "validated" else "rejected",
        body,
        lang,
        id={"type": Upload.FILE_CARD, "index": index},
    )


def _card(name: str, kind: str, body: list, lang: str, id: dict | None = None) -> dbc.Card:
    color = {"ok": "success", "rejected": "danger", "unreadable": "danger"}[kind]
    header = dbc.CardHeader(
        [
            html.Span(name, className="stm-upload-file"),
            dbc.Badge(
                t(f"upload.file.{kind}", lang), color=color, class_name="ms-2 stm-upload-badge"
            ),
        ]
    )
    extra = {"id": id} if id else {}
    return dbc.Card([header, dbc.CardBody(body)], class_name="mb-3 stm-upload-card", **extra)


def _kpis(summary: dict, lang: str) -> list[dbc.Col]:
    periods = summary.get("periods") or []
    span = f"{periods[0]} – {periods[-1]}" if len(periods) > 1 else (periods[0] if periods else "—")
    usd = summary.get("usd_cents") or {}
    cards = [
        kpi_card(t("upload.kpi.rows", lang), i18n.fmt_count(summary.get("rows", 0))),
        kpi_card(t("upload.kpi.enterprises", lang), i18n.fmt_count(summary.get("enterprises", 0))),
        kpi_card(t("upload.kpi.periods", lang), span),
        kpi_card(t("upload.kpi.exports", lang), i18n.fmt_amount(usd.get("X", 0), "usd_10k", lang)),
        kpi_card(t("upload.kpi.imports", lang), i18n.fmt_amount(usd.get("M", 0), "usd_10k", lang)),
        kpi_card(t("upload.kpi.errors", lang), i18n.fmt_count(summary.get("errors", 0))),
        kpi_card(t("upload.kpi.warnings", lang), i18n.fmt_count(summary.get("warnings", 0))),
    ]
    return [dbc.Col(card, xs=6, md=3, xl=True) for card in cards]


def _issues_block(
    summary: dict, index: int, job_id: str, issues: pd.DataFrame | None, lang: str
) -> html.Div:
    total = int(summary.get("errors", 0)) + int(summary.get("warnings", 0))
    if total == 0:
        return html.P(t("upload.issues.none", lang), className="text-success mb-0")
    rows = _issue_frame(issues, lang)
    links = [
        html.A(
            t(f"upload.issues.{fmt}", lang),
            href=issues_href(job_id, index, fmt, lang),
            className="btn btn-sm btn-outline-primary me-2",
            id={"type": Upload.ISSUES_LINK, "index": index, "format": fmt},
        )
        for fmt in ("xlsx", "csv")
    ]
    parts: list = [
        html.H3(t("upload.issues.title", lang), className="h6 mt-2"),
        html.Div(links, className="mb-2"),
    ]
    if total > len(rows):
        parts.append(
            html.P(
                t(
                    "upload.issues.more",
                    lang,
                    total=i18n.fmt_count(total),
                    shown=i18n.fmt_count(len(rows)),
                ),
                className="stm-footnote",
            )
        )
    parts.append(
        dag.AgGrid(
            id={"type": Upload.ISSUES_GRID, "index": index},
            columnDefs=issue_column_defs(lang),
            rowData=rows.to_dict("records"),
            defaultColDef={"sortable": True, "resizable": True, "filter": True},
            dashGridOptions={
                "pagination": True,
                "paginationPageSize": 20,
                "localeText": grid_locale(lang, t("upload.issues.none", lang)),
            },
            style={"height": "420px"},
            className="ag-theme-quartz stm-grid",
        )
    )
    return html.Div(parts)


def issues_href(job_id: str, index: int, fmt: str, lang: str) -> str:
    """Where a file's problem list is downloaded from (a role-checked Flask route)."""
    return f"/upload/jobs/{job_id}/issues/{index}.{fmt}?lang={lang}"


def result_lines(results: list[dict], lang: str) -> list[dbc.Alert]:
    """One line per committed file: loaded (new/revised/unchanged), unchanged, or rejected."""
    out = []
    for r in results:
        status = r["status"]
        if status == "loaded":
            text = t(
                "upload.result.loaded",
                lang,
                file=r["name"],
                batch=r["batch_id"],
                new=r["reports_new"],
                revised=r["reports_revised"],
                unchanged=r["reports_unchanged"],
            )
        elif status == "unchanged":
            text = t("upload.result.unchanged", lang, file=r["name"], batch=r["duplicate_of"])
        elif status == "busy":
            text = t("upload.result.busy", lang, file=r["name"])
        else:
            text = t("upload.result.rejected", lang, file=r["name"])
        color = {"loaded": "success", "unchanged": "info"}.get(status, "danger")
        out.append(dbc.Alert(text, color=color, class_name="py-2 mb-2 stm-upload-result"))
    return out


def history_rows(batches: pd.DataFrame, lang: str) -> list[dict]:
    """The batch history as grid rows: names, not codes; dates in local time; no NaN."""
    rows = []
    for b in batches.itertuples(index=False):
        if b.status == "rejected":
            note = t("upload.note.rejected", lang, errors=i18n.fmt_count(b.error_count))
        elif b.status in ("busy", "cancelled", "failed"):
            note = t(f"upload.note.{b.status}", lang)
        elif b.status == "retracted":
            note = t(
                "upload.note.retracted",
                lang,
                by=b.retracted_by or "",
                at=_when(b.retracted_at),
                reason=b.retract_reason or "",
            )
        else:
            note = ""
        reports = (
            f"{b.reports_new} / {b.reports_revised} / {b.reports_unchanged}"
            if b.status not in ("rejected", "cancelled", "failed")
            else "—"
        )
        rows.append(
            {
                "batch": int(b.id),
                "at": _when(b.uploaded_at),
                "user": b.uploaded_by,
                "file": b.file_name,
                "sha": b.sha256[:SHORT_SHA],
                "sha_full": b.sha256,
                # a stopped check never counted the rows: blank, not 0
                "rows": None if b.status in ("cancelled", "failed") else int(b.row_count),
                "status": t(f"upload.status.{b.status}", lang),
                "status_code": b.status,
                "reports": reports,
                "note": note,
            }
        )
    return rows


def history_column_defs(lang: str) -> list[dict]:
    """Columns of the history grid."""
    spec = [
        ("batch", 80),
        ("at", 150),
        ("user", 100),
        ("file", 220),
        ("sha", 130),
        ("rows", 90),
        ("status", 90),
        ("reports", 150),
    ]
    defs = [
        {"field": key, "headerName": t(f"upload.hcol.{key}", lang), "width": width}
        for key, width in spec
    ]
    defs[4]["tooltipField"] = "sha_full"
    defs.append(
        {
            "field": "note",
            "headerName": t("upload.hcol.note", lang),
            "flex": 1,
            "minWidth": 200,
            "wrapText": True,
            "autoHeight": True,
        }
    )
    return defs


def _when(value: object) -> str:
    """A stored UTC time as Beijing time, to the minute ('' when absent)."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return stamp.tz_convert(BEIJING).strftime("%Y-%m-%d %H:%M")


BEIJING = dt.timezone(dt.timedelta(hours=8), "CST")


def impact_lines(impact: BatchImpact, lang: str) -> html.Ul:
    """What a retraction changes, before it is confirmed: reports, months and the US$ total."""
    months = (
        i18n.fmt_period_range(impact.periods[0], impact.periods[-1], lang)
        if impact.periods
        else i18n.MISSING
    )
    change = impact.total_after - impact.total_before
    items = [
        t(
            "upload.retract.impact.reports",
            lang,
            n=impact.reports,
            gone=impact.withdrawn,
            back=impact.restored,
        ),
        t("upload.retract.impact.months", lang, n=len(impact.periods), months=months),
        t(
            "upload.retract.impact.total",
            lang,
            before=i18n.fmt_amount(impact.total_before, "usd_100m", lang),
            after=i18n.fmt_amount(impact.total_after, "usd_100m", lang),
            change=i18n.fmt_amount(change, "usd_100m", lang),
        ),
    ]
    return html.Ul([html.Li(x) for x in items], id=Upload.RETRACT_IMPACT, className="mb-2")
