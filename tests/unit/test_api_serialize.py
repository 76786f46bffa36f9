"""Serialisations of served tables: a protected cell (amount NA, status C) is null + C in JSON,
"C" in CSV, an empty OBS_VALUE with OBS_STATUS C in SDMX-CSV, and never its number."""

from __future__ import annotations

import io

import pandas as pd

from etl.exchange import serialize
from etl.spreadsheet import csv_bytes

SECRET = 987_654_321  # what a protected cell must never reveal


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["TOTAL", "SC", "SJ"],
            "current": pd.array([1_000_000_000, pd.NA, 250_000_000], dtype="Int64"),
            "previous": pd.array([800_000_000, pd.NA, 200_000_000], dtype="Int64"),
            "growth": [0.25, float("nan"), 0.25],
            "status": ["", "C", ""],
        }
    )


def test_json_protected_is_null_with_status_c():
    rows = serialize.json_records(frame(), ("current", "previous"), ("growth",))
    assert rows[1] == {
        "code": "SC",
        "current": None,
        "current_100m": None,
        "previous": None,
        "previous_100m": None,
        "growth": None,
        "status": "C",
        "protected": ["current", "previous", "growth"],
    }
    assert rows[0]["current"] == 1_000_000_000 and rows[0]["current_100m"] == "0.1000"
    assert rows[0]["status"] is None


def test_a_protected_year_earlier_figure_leaves_the_current_one_readable():
    """As on the pages: the released current figure shows; the protected previous one and the
    growth computed from it read C, in JSON and in CSV."""
    table = frame()
    table["previous"] = pd.array([800_000_000, 1_000, pd.NA], dtype="Int64")
    table["status"] = ""
    row = serialize.json_records(table, ("current", "previous"), ("growth",))[2]
    assert row["current"] == 250_000_000 and row["current_100m"] == "0.0250"
    assert row["previous"] is None and row["growth"] is None
    assert row["status"] == "C" and row["protected"] == ["previous", "growth"]
    flat = serialize.flat_table(table, ("current", "previous"), ("growth",))
    assert flat.loc[2, ["current", "previous", "growth", "status"]].tolist() == [
        250_000_000,
        "C",
        "C",
        "C",
    ]


def test_json_blanks_derived_figures_of_protected_rows_even_when_present():
    table = frame()
    table.loc[1, ["current", "growth"]] = [SECRET, 0.5]  # a careless upstream left the number
    rows = serialize.json_records(table, ("current", "previous"), ("growth",))
    assert rows[1]["current"] is None and rows[1]["growth"] is None
    assert str(SECRET) not in str(rows)


def test_csv_shows_c():
    table = frame()
    table.loc[1, "current"] = SECRET
    flat = serialize.flat_table(table, ("current", "previous"), ("growth",))
    text = csv_bytes(flat).decode("utf-8-sig")
    assert str(SECRET) not in text
    back = pd.read_csv(io.StringIO(text), dtype=str)
    assert back.loc[1, ["current", "previous", "growth", "status"]].tolist() == ["C"] * 4
    assert back.loc[0, "current"] == "1000000000"


def test_sdmx_csv_protected_and_missing():
    obs = pd.DataFrame(
        {
            "REF_AREA": ["120000"] * 3,
            "FLOW": ["XM", "X", "M"],
            "TIME_PERIOD": ["2021-01-01/P6M"] * 3,
            # pandas NA is how the query layer hides a figure (etl.disclosure.apply): C even
            # without a status; a missing figure is None/NaN: M
            "value": pd.Series([123_456, SECRET, None], dtype="object"),
            "status": [None, "C", None],
        }
    )
    out = serialize.sdmx_csv(obs, ("REF_AREA", "FLOW"), "STM:DF_X(2021.6.0)", "USD")
    assert list(out.columns) == [
        "DATAFLOW",
        "REF_AREA",
        "FLOW",
        "TIME_PERIOD",
        "OBS_VALUE",
        "OBS_STATUS",
        "UNIT_MEASURE",
        "UNIT_MULT",
        "DECIMALS",
    ]
    assert out["OBS_VALUE"].tolist() == ["1234.56", "", ""]
    assert out["OBS_STATUS"].tolist() == ["A", "C", "M"]
    parsed = pd.read_csv(io.BytesIO(csv_bytes(out)), encoding="utf-8-sig")
    assert parsed["OBS_STATUS"].tolist() == ["A", "C", "M"]
    hidden = obs.assign(value=pd.array([123_456, pd.NA, pd.NA], dtype="Int64"), status=None)
    out = serialize.sdmx_csv(hidden, ("REF_AREA", "FLOW"), "STM:DF_X(2021.6.0)", "USD")
    assert out["OBS_STATUS"].tolist() == ["A", "C", "C"]
    assert out["OBS_VALUE"].tolist() == ["1234.56", "", ""]
    assert str(SECRET) not in csv_bytes(out).decode("utf-8-sig")
    assert str(SECRET / 100) not in csv_bytes(out).decode("utf-8-sig")


def test_time_period_and_version():
    assert serialize.time_period(202106, 202106) == "2021-06"
    assert serialize.time_period(202101, 202106) == "2021-01-01/P6M"
    assert serialize.time_period(202007, 202106) == "2020-07-01/P12M"
    assert serialize.release_version({"period": 202106, "revision": 2}) == "2021.6.2"
    assert serialize.release_version(None) == "0.0.0"
    assert serialize.hundred_million(123_456_000_000) == "12.3456"
