"""CSV and Excel downloads of the data behind a chart: one component, one pair of callbacks.

How a page uses it (the overview's trend chart is the example):
    layout:    download_bar("overview-trend", lang)      # buttons + Store + Download
    callback:  Output(download_store("overview-trend"), "data")
               ... return payload(tables.trend_table(...), "服务贸易月度走势_天津市_2021年1–12月")
The buttons then send the stored table as UTF-8-with-BOM CSV (Excel opens the Chinese headers
correctly) or xlsx; create_app registers the callbacks once, for every name (MATCH), each file sent
written to the audit log (download_chart).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import MATCH, Input, Output, State, dcc, html

from dashboard.auth import record
from dashboard.figures import safe_filename
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Downloads
from etl.spreadsheet import csv_bytes, xlsx_bytes  # noqa: F401  (the one writer; re-exported)


def download_store(name: str) -> dict:
    """The id of the Store a page fills with payload(...) for the chart called name."""
    return {"type": Downloads.DATA, "name": name}


def download_bar(name: str, lang: str = DEFAULT_LANG) -> html.Div:
    """'下载数据: CSV | Excel' for the chart called name, with its Store and Download."""

    def button(kind: str, key: str) -> dbc.Button:
        return dbc.Button(
            t(key, lang),
            id={"type": kind, "name": name},
            size="sm",
            color="secondary",
            outline=True,
            class_name="stm-dl-button",
        )

    return html.Div(
        [
            html.Span(t("dl.label", lang), className="stm-dl-label"),
            dbc.ButtonGroup(
                [button(Downloads.CSV, "dl.csv"), button(Downloads.XLSX, "dl.xlsx")], size="sm"
            ),
            dcc.Store(id=download_store(name)),
            dcc.Download(id={"type": Downloads.FILE, "name": name, "format": "csv"}),
            dcc.Download(id={"type": Downloads.FILE, "name": name, "format": "xlsx"}),
        ],
        className="stm-dl",
        title=t("dl.png_hint", lang),
    )


def payload(table: pd.DataFrame, filename: str, state=None) -> dict:
    """What goes into a chart's download Store: file name and the table (JSON-safe). Under
    全口径 (state.full_scope) the file name and every row say 全口径合计 / total incl. mode 3,
    so a copied row or a renamed file still tells which measure it is."""
    if state is not None and state.full_scope:
        label = t("scope.full_total", state.lang)
        filename = f"{filename}_{label}"
        table = table.copy()
        table.insert(0, t("scope.column", state.lang), label)
    cells = table.astype(object).where(table.notna(), None)
    return {
        "filename": safe_filename(filename),
        "columns": [str(c) for c in table.columns],
        "rows": cells.values.tolist(),
    }


def table_of(data: dict) -> pd.DataFrame:
    """The table a payload holds."""
    return pd.DataFrame(data.get("rows") or [], columns=data.get("columns") or [])


def send_csv(n_clicks: int | None, data: dict | None):
    """Callback: the stored table as name.csv (nothing before a click or without data)."""
    if not n_clicks or not data:
        return dash.no_update
    return dcc.send_bytes(csv_bytes(table_of(data)), f"{data['filename']}.csv")


def send_xlsx(n_clicks: int | None, data: dict | None):
    """Callback: the stored table as name.xlsx (nothing before a click or without data)."""
    if not n_clicks or not data:
        return dash.no_update
    return dcc.send_bytes(xlsx_bytes(table_of(data)), f"{data['filename']}.xlsx")


def audited(send: Callable, fmt: str) -> Callable:
    """The callback send wrapped so that every file it sends is written to the audit log first."""

    def send_and_record(n_clicks: int | None, data: dict | None):
        sent = send(n_clicks, data)
        if sent is not dash.no_update:
            record(
                "download_chart",
                {"file": sent["filename"], "format": fmt, "rows": len(data.get("rows") or [])},
            )
        return sent

    send_and_record.__name__ = f"{send.__name__}_audited"
    return send_and_record


def register_callbacks(app: dash.Dash) -> None:
    """Attach the two download callbacks (MATCH: every download_bar on every page), audited."""
    for kind, fmt, func in ((Downloads.CSV, "csv", send_csv), (Downloads.XLSX, "xlsx", send_xlsx)):
        app.callback(
            Output({"type": Downloads.FILE, "name": MATCH, "format": fmt}, "data"),
            Input({"type": kind, "name": MATCH}, "n_clicks"),
            State({"type": Downloads.DATA, "name": MATCH}, "data"),
            prevent_initial_call=True,
        )(audited(func, fmt))


def content_disposition(name: str, fallback: str) -> str:
    """An attachment header with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987)."""
    ascii_name = "".join(c for c in fallback if 32 < ord(c) < 127 and c not in '"\\;%')
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
