"""The one xlsx/CSV writer: cells that look like formulas stay text (formula injection)."""

from __future__ import annotations

import base64
import csv
import io

import openpyxl
import pandas as pd
import pytest

from dashboard.downloads import payload, send_csv, send_xlsx
from etl.spreadsheet import csv_bytes, neutralise, write_table, xlsx_bytes

HOSTILE = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")']


def _table() -> pd.DataFrame:
    return pd.DataFrame({"名称": HOSTILE + ["正常"], "金额": [-1.5] * len(HOSTILE) + [2.0]})


def _xlsx_cells(data: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    # openpyxl hands a stored carriage return back in its XML escape
    return [(c.value.replace("_x000D_", "\r"), c.data_type) for c in sheet["A"][1:]] + [
        (c.value, c.data_type) for c in sheet["B"][1:2]
    ]


def test_xlsx_writes_formula_like_strings_as_text_and_numbers_as_numbers():
    cells = _xlsx_cells(xlsx_bytes(_table()))
    assert [v for v, _ in cells[: len(HOSTILE)]] == HOSTILE
    assert {t for _, t in cells[: len(HOSTILE) + 1]} == {"s"}  # text, never a formula ('f')
    assert cells[-1] == (-1.5, "n")


def test_csv_neutralises_formula_like_cells_and_keeps_numbers():
    text = csv_bytes(_table()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[0] for r in rows[1:]] == ["'" + v for v in HOSTILE] + ["正常"]
    assert rows[1][1] == "-1.5"  # a number is not text: left alone
    assert neutralise(-3) == -3 and neutralise("a=b") == "a=b"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_cli_files_and_chart_downloads_use_the_same_writer(tmp_path, suffix):
    """write_table (CLI --errors-out, coverage --out) and the chart buttons: same cells."""
    data = write_table(_table(), tmp_path / f"t{suffix}").read_bytes()
    send = send_xlsx if suffix == ".xlsx" else send_csv
    sent = base64.b64decode(send(1, payload(_table(), "x"))["content"])
    if suffix == ".xlsx":
        assert _xlsx_cells(data) == _xlsx_cells(sent)
        assert {t for _, t in _xlsx_cells(data)[: len(HOSTILE)]} == {"s"}
    else:
        assert data == sent and data.decode("utf-8-sig").splitlines()[1].startswith("'=1+1")
