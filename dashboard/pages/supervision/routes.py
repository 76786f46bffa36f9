"""Flask route of the 任务督查 page: the reminder list (催办清单) as xlsx, all units or one."""

from __future__ import annotations

import datetime as dt

import flask

from dashboard import auth, i18n
from dashboard.downloads import content_disposition, xlsx_bytes
from dashboard.pages.supervision import data, views
from etl.tasks.supervision import reminders

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register(server: flask.Flask) -> None:
    """Add the route to the app's Flask server."""
    server.add_url_rule("/supervision/reminders.xlsx", "task_reminders", reminder_file)


def reminder_file() -> flask.Response:
    """?as_of=YYYY-MM-DD&unit=NAME&lang=zh: the reminder list of one unit or of all."""
    args = flask.request.args
    lang = i18n.normalize_lang(args.get("lang"))
    try:
        as_of = dt.date.fromisoformat(args["as_of"]) if args.get("as_of") else data.today()
    except ValueError:
        flask.abort(400)
    unit = (args.get("unit") or "").strip()
    rows = reminders(data.ledger(as_of), (unit,) if unit else ())
    table = views.reminder_table(rows, lang)
    label = unit or ("全部单位" if lang == "zh" else "all_units")
    name = f"催办清单_{label}_{as_of.isoformat()}.xlsx"
    auth.record("download_reminders", {"as_of": as_of.isoformat(), "unit": unit, "rows": len(rows)})
    response = flask.Response(xlsx_bytes(table, sheet="催办清单"), mimetype=XLSX)
    response.headers["Content-Disposition"] = content_disposition(name, "reminders.xlsx")
    response.headers["Cache-Control"] = "no-store"
    return response
