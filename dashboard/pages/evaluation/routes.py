"""Flask route of the 绩效评价与考核 page: the scorecard and its method as one xlsx workbook."""

from __future__ import annotations

import io

import flask
import pandas as pd

from dashboard import auth, i18n
from dashboard.downloads import content_disposition
from dashboard.pages.evaluation import data
from etl.evaluation.report import KINDS, export_table, method_table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def register(server: flask.Flask) -> None:
    """Add the route to the app's Flask server."""
    server.add_url_rule("/evaluation/scorecard.xlsx", "evaluation_xlsx", scorecard_file)


def scorecard_file() -> flask.Response:
    """?kind=district|unit&year=YYYY&lang=zh: the scorecard sheet and the method sheet."""
    args = flask.request.args
    kind = args.get("kind", "district")
    if kind not in KINDS or not (args.get("year") or "").isdigit():
        flask.abort(400)
    lang = i18n.normalize_lang(args.get("lang"))
    year = int(args["year"])
    result = data.scorecard(kind, year)
    buffer = io.BytesIO()
    zh = lang == "zh"
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        export_table(result, lang).to_excel(
            writer, sheet_name="评分" if zh else "Scores", index=False
        )
        method_table(result, lang).to_excel(
            writer, sheet_name="计分方法" if zh else "Method", index=False
        )
    auth.record("download_evaluation", {"kind": kind, "year": year, "rows": len(result.card)})
    name = f"绩效评价_{year}_{'区域' if kind == 'district' else '单位'}.xlsx"
    response = flask.Response(buffer.getvalue(), mimetype=XLSX)
    response.headers["Content-Disposition"] = content_disposition(name, f"evaluation_{year}.xlsx")
    response.headers["Cache-Control"] = "no-store"
    return response
