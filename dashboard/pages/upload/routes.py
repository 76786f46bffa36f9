"""Flask routes of the upload page: the Excel template and a file's problem list (xlsx/csv).

Plain links rather than Dash downloads, so a clerk can open them in a new tab; they sit behind
the sign-in gate like every path, and each checks the upload right itself.
"""

from __future__ import annotations

import flask

from dashboard import auth, i18n
from dashboard.downloads import content_disposition, csv_bytes, xlsx_bytes
from dashboard.figures import safe_filename
from dashboard.pages.upload import data as upload_data
from dashboard.pages.upload import views as upload_views

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_NAME = "服务贸易企业直报模板.xlsx"


def register(server: flask.Flask) -> None:
    """Add the routes to the app's Flask server."""
    server.add_url_rule("/upload/template.xlsx", "upload_template", template)
    server.add_url_rule("/upload/jobs/<job_id>/issues/<int:index>.<fmt>", "upload_issues", issues)


def attachment(content: bytes, filename: str, fallback: str, mimetype: str) -> flask.Response:
    """A download response whose Chinese file name survives every browser (RFC 6266/5987)."""
    response = flask.Response(content, mimetype=mimetype)
    response.headers["Content-Disposition"] = content_disposition(filename, fallback)
    response.headers["Cache-Control"] = "no-store"
    return response


def template() -> flask.Response:
    """The report template."""
    return attachment(upload_data.template_bytes(), TEMPLATE_NAME, "report_template.xlsx", XLSX)


def issues(job_id: str, index: int, fmt: str) -> flask.Response:
    """One file's problems, in the page's language, for the clerk who uploaded it."""
    if fmt not in ("xlsx", "csv"):
        flask.abort(404)
    frame = upload_data.job_issues(job_id, index)
    if frame is None:
        flask.abort(404)
    lang = i18n.normalize_lang(flask.request.args.get("lang"))
    table = upload_views.issue_table(frame, lang)
    job_name = upload_data.job_file_name(job_id, index)
    name = safe_filename(f"{job_name}_问题清单" if lang == "zh" else f"{job_name}_problems")
    auth.record(
        "download_issues", {"job": job_id, "file": job_name, "rows": len(table), "format": fmt}
    )
    if fmt == "csv":
        return attachment(csv_bytes(table), f"{name}.csv", "problems.csv", "text/csv")
    return attachment(xlsx_bytes(table, sheet="问题清单"), f"{name}.xlsx", "problems.xlsx", XLSX)
