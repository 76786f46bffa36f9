"""Served tables as JSON records, plain CSV/xlsx and SDMX-CSV; protected cells (status C) as C.

Pure. A served table has amount columns in integer minor units (US cents or CNY fen) that may be
NA where disclosure control protects the cell (etl.disclosure: then `status` is "C"). No output
ever prints a number for such a cell: JSON gives null and "status": "C", CSV/xlsx the text "C",
SDMX-CSV an empty OBS_VALUE with OBS_STATUS C.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd

PROTECTED = "C"  # the status of a protected (保密) cell, as in SDMX's CL_OBS_STATUS
MINOR_UNITS = {"USD": "US cents (1/100 USD)", "CNY": "fen (1/100 CNY)"}
HUNDRED_MILLION = 10**10  # minor units in 1 亿 (10^8 currency units)
SCOPES = {
    "bop": {"zh": "国际收支口径（模式1、2、4）", "en": "BOP total: modes 1, 2 and 4"},
    "full": {"zh": "全口径（含模式3商业存在）", "en": "total incl. mode 3 (FATS sales)"},
}
# SDMX-CSV 1.0 columns that follow the dimensions; OBS_STATUS: A normal, C confidential.
SDMX_TAIL = ("TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "UNIT_MEASURE", "UNIT_MULT", "DECIMALS")


def _na_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Which cells hold pandas NA (a protected figure; a missing one is NaN or None)."""
    return frame.apply(lambda column: column.map(lambda v: v is pd.NA)).astype(bool)


def is_protected(frame: pd.DataFrame) -> pd.Series:
    """Rows whose status is C, or holding a pandas NA (how the query layer hides a figure:
    etl.disclosure.apply; a missing figure is NaN or None, never NA)."""
    hidden = _na_cells(frame).any(axis=1)
    return _row_marked(frame) | hidden


def _row_marked(frame: pd.DataFrame) -> pd.Series:
    """Rows an upstream status marks C as a whole."""
    if "status" not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame["status"].astype("string").fillna("").eq(PROTECTED)


def _hidden_cells(
    frame: pd.DataFrame, amount_columns: tuple[str, ...], derived: tuple[str, ...]
) -> pd.DataFrame:
    """Which cells print as C: an amount that is NA itself (the released current figure stays
    readable beside a protected year-earlier one), and a derived figure (growth, share) when it
    or any amount of its row is — it is computed from them — or the whole row when marked C."""
    marked = _row_marked(frame)
    na = _na_cells(frame)
    row_any = na[[c for c in amount_columns if c in frame.columns]].any(axis=1)
    out = pd.DataFrame(False, index=frame.index, columns=frame.columns)
    for column in frame.columns:
        if column in amount_columns:
            out[column] = na[column] | marked
        elif column in derived:
            out[column] = na[column] | row_any | marked
    return out


def _missing(value) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value):
    """A cell as JSON: ints stay ints, floats rounded to 6 places, NA -> None."""
    if _missing(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        return round(value, 6) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return str(value)
    return value


def hundred_million(minor) -> str | None:
    """Minor units as exact 亿 text (4 decimals, never a float): 123_456_000_000 -> '12.3456'."""
    if _missing(minor):
        return None
    return str((Decimal(int(minor)) / HUNDRED_MILLION).quantize(Decimal("0.0001")))


def units(currency: str, scope: str) -> dict:
    """The units block every response carries: currency, minor units, 亿 and the 口径."""
    return {
        "currency": currency,
        "amounts": f"integers in {MINOR_UNITS[currency]}",
        "amounts_100m": f"exact decimal text in 亿 (10^8) {currency}",
        "scope": scope,
        "scope_zh": SCOPES[scope]["zh"],
        "scope_en": SCOPES[scope]["en"],
    }


def json_records(
    table: pd.DataFrame, amount_columns: tuple[str, ...], blank_when_protected: tuple[str, ...] = ()
) -> list[dict]:
    """Rows as dicts; each amount column also as `<col>_100m`. A protected cell is null (and
    so is a growth or share of its row, blank_when_protected); a row holding one carries
    status C and names them in `protected`."""
    cells = _hidden_cells(table, amount_columns, blank_when_protected)
    protected = cells.any(axis=1)
    out = []
    for (index, row), hidden in zip(table.iterrows(), protected):
        record = {}
        for column, value in row.items():
            if cells.at[index, column]:
                value = None
            record[column] = _plain(value)
            if column in amount_columns:
                record[f"{column}_100m"] = hundred_million(value)
        if "status" in table.columns or hidden:
            record["status"] = PROTECTED if hidden else (_plain(row.get("status")) or None)
        if hidden:
            record["protected"] = [c for c in table.columns if cells.at[index, c]]
        out.append(record)
    return out


def flat_table(
    table: pd.DataFrame, amount_columns: tuple[str, ...], blank_when_protected: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The table for CSV/xlsx: amounts as integers of minor units, "C" in protected cells."""
    out = table.copy()
    cells = _hidden_cells(out, amount_columns, blank_when_protected)
    protected = cells.any(axis=1)
    for column in out.columns:
        if column in amount_columns or column in blank_when_protected:
            values = [
                PROTECTED if hidden else _plain(v)
                for v, hidden in zip(out[column].tolist(), cells[column])
            ]
            out[column] = pd.Series(values, index=out.index, dtype=object)
    if "status" in out.columns:
        out["status"] = [
            PROTECTED if h else (_plain(s) or "") for s, h in zip(out["status"], protected)
        ]
    return out


def time_period(start: int, end: int) -> str:
    """SDMX TIME_PERIOD of a window of months: '2021-06' for one month, else an ISO 8601 range
    from its first day ('2021-01-01/P6M')."""
    if start == end:
        return f"{start // 100:04d}-{start % 100:02d}"
    months = (end // 100 - start // 100) * 12 + end % 100 - start % 100 + 1
    return f"{start // 100:04d}-{start % 100:02d}-01/P{months}M"


def dataflow(flow_id: str, version: str, agency: str = "STM") -> str:
    """The DATAFLOW cell: agency:id(version)."""
    return f"{agency}:{flow_id}({version})"


def release_version(release: dict | None) -> str:
    """The release as the dataflow's version: YYYY.M.revision (0.0.0: not released)."""
    if not release:
        return "0.0.0"
    period = int(release["period"])
    return f"{period // 100}.{period % 100}.{int(release.get('revision') or 0)}"


def sdmx_csv(
    observations: pd.DataFrame,
    dimensions: tuple[str, ...],
    flow: str,
    currency: str,
) -> pd.DataFrame:
    """SDMX-CSV (1.0 layout) of observations.

    observations: the dimension columns, TIME_PERIOD, `value` (minor units, NA when protected or
    missing) and optionally `status`. OBS_VALUE is the exact amount in currency units (UNIT_MULT
    0, two decimals); a protected cell has an empty OBS_VALUE and OBS_STATUS C."""
    protected = is_protected(observations)
    values = []
    statuses = []
    for v, hidden in zip(observations["value"].tolist(), protected):
        if hidden:
            values.append("")
            statuses.append(PROTECTED)
        elif _missing(v):
            values.append("")
            statuses.append("M")  # missing value
        else:
            values.append(str(Decimal(int(v)) / 100))
            statuses.append("A")  # normal value
    out = pd.DataFrame({"DATAFLOW": [flow] * len(observations)})
    for dim in dimensions:
        out[dim] = observations[dim].astype(str).tolist()
    out["TIME_PERIOD"] = observations["TIME_PERIOD"].astype(str).tolist()
    out["OBS_VALUE"] = values
    out["OBS_STATUS"] = statuses
    out["UNIT_MEASURE"] = currency
    out["UNIT_MULT"] = "0"
    out["DECIMALS"] = "2"
    return out
