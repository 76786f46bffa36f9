"""The download route of archived snapshots: /exports/<id>/<xlsx|html|pdf>, role-checked, audited.

Behind the sign-in gate like every path not in auth.gate.OPEN_PREFIXES. Circulated snapshots need
the `export` action, internal (unprotected) ones `export_internal` as well; every file sent is
written to the audit log first, so no download goes unrecorded.
"""

from __future__ import annotations

import logging

import flask

from dashboard import auth
from dashboard.downloads import content_disposition
from dashboard.pages.exports import data as export_data
from dashboard.pages.exports.views import DOWNLOAD_KINDS, MEDIA_TYPES, file_name
from etl.snapshot.archive import SnapshotFileError

log = logging.getLogger(__name__)


def register_routes(server: flask.Flask) -> None:
    """Add the snapshot download route to the Flask server."""
    server.add_url_rule(
        "/exports/<int:snapshot_id>/<kind>", "snapshot_download", send_snapshot, methods=["GET"]
    )


def send_snapshot(snapshot_id: int, kind: str) -> flask.Response:
    """One archived file as an attachment with its Chinese name; 404 for what does not exist."""
    auth.guard("export")
    entry = export_data.snapshot_entry(snapshot_id) if kind in DOWNLOAD_KINDS else None
    if entry is None or kind not in entry.files:
        flask.abort(404)
    if entry.internal:
        auth.guard("export_internal")
    try:
        path = export_data.snapshot_path(entry, kind)
    except SnapshotFileError:
        # The row is there but its file is gone or was changed: never send it, say so in the log.
        log.exception("snapshot %s: archived %s file refused", snapshot_id, kind)
        flask.abort(410)
    name = file_name(entry, export_data.region_name(entry.region_code), kind)
    auth.record(
        "download_snapshot",
        {
            "id": entry.id,
            "kind": kind,
            "month": entry.month,
            "region": entry.region_code,
            "internal": entry.internal,
            "sha256": entry.sha256[kind],
            "file": name,
        },
    )
    response = flask.send_file(path, mimetype=MEDIA_TYPES[kind], max_age=0)
    response.headers["Content-Disposition"] = content_disposition(name, path.name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
