"""One answer of the API in the format asked for: JSON (default), csv, xlsx or sdmx-csv."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import flask
import pandas as pd

from etl.exchange import serialize
from etl.spreadsheet import csv_bytes, xlsx_bytes

FORMATS = ("json", "csv", "xlsx", "sdmx-csv")


class BadRequest(Exception):
    """A parameter the API cannot answer (400 with the parameter and the reason)."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass
class Answer:
    """A served table, its units and window, and its SDMX observations."""

    flow: str  # the dataflow id, e.g. DF_TOTALS
    meta: dict  # window, filters, units, release
    table: pd.DataFrame
    amount_columns: tuple[str, ...] = ()
    derived_columns: tuple[str, ...] = ()  # growth, shares: null where their amount is protected
    observations: pd.DataFrame | None = None  # dimension columns, TIME_PERIOD, value, status
    dimensions: tuple[str, ...] = ()
    currency: str = "USD"
    release: dict | None = None
    extra: dict = field(default_factory=dict)  # further JSON blocks (e.g. category groups)


def requested_format() -> str:
    """The ?format= asked for (json by default); unknown -> BadRequest."""
    fmt = (flask.request.args.get("format") or "json").strip().lower()
    if fmt not in FORMATS:
        raise BadRequest("format", f"format must be one of {', '.join(FORMATS)}")
    return fmt


def respond(answer: Answer, name: str) -> flask.Response:
    """The answer as the requested format."""
    fmt = requested_format()
    if fmt == "json":
        body = {
            "meta": answer.meta,
            "rows": serialize.json_records(
                answer.table, answer.amount_columns, answer.derived_columns
            ),
        }
        for key, (table, amounts, derived) in answer.extra.items():
            body[key] = serialize.json_records(table, amounts, derived)
        # Chinese names as UTF-8 text, not \u escapes: readable with curl, half the bytes
        text = json.dumps(body, ensure_ascii=False, default=str)
        return flask.Response(text, content_type="application/json; charset=utf-8")
    if fmt == "sdmx-csv":
        if answer.observations is None:
            raise BadRequest("format", "this endpoint has no SDMX-CSV form")
        flow = serialize.dataflow(answer.flow, serialize.release_version(answer.release))
        table = serialize.sdmx_csv(answer.observations, answer.dimensions, flow, answer.currency)
        return _file(
            csv_bytes(table),
            f"{name}.sdmx.csv",
            "application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8",
        )
    table = serialize.flat_table(answer.table, answer.amount_columns, answer.derived_columns)
    table = _with_units(table, answer.meta)
    if fmt == "csv":
        return _file(csv_bytes(table), f"{name}.csv", "text/csv; charset=utf-8")
    return _file(
        xlsx_bytes(table, sheet=name[:31]),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _with_units(table: pd.DataFrame, meta: dict) -> pd.DataFrame:
    """Every row says its currency, minor unit and 口径 (a copied row keeps its units)."""
    units = meta.get("units") or {}
    out = table.copy()
    if units:
        out.insert(0, "scope", units.get("scope", ""))
        out.insert(0, "unit", "minor" if out.shape[1] else "")
        out.insert(0, "currency", units.get("currency", ""))
    return out


def _file(data: bytes, filename: str, mimetype: str) -> flask.Response:
    response = flask.Response(data, mimetype=mimetype.split(";")[0])
    response.headers["Content-Type"] = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
