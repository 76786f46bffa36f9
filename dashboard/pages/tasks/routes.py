"""Flask route of the 试点任务 page: an evidence file, for the roles that read the ledger."""

from __future__ import annotations

import flask

from dashboard import auth
from dashboard.downloads import content_disposition
from dashboard.pages.tasks import data

MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "png": "image/png",
}


def register(server: flask.Flask) -> None:
    """Add the route to the app's Flask server."""
    server.add_url_rule("/tasks/evidence/<int:evidence_id>", "task_evidence", evidence)


def evidence(evidence_id: int) -> flask.Response:
    """One evidence file, as an attachment with its name as uploaded; the download is audited."""
    filename, kind, path, task_id = data.evidence(evidence_id)
    if not path.is_file():
        flask.abort(404)
    response = flask.Response(path.read_bytes(), mimetype=MIMETYPES[kind])
    response.headers["Content-Disposition"] = content_disposition(filename, f"evidence.{kind}")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    auth.record("download_evidence", {"evidence": evidence_id, "task": task_id})
    return response
