"""The one writer of every xlsx and CSV table the product hands out (downloads, CLI files).

Cells come from uploaded files and enterprise names, so a value may start with =, +, -, @, a tab or
a carriage return and be taken for a formula by Excel (formula injection). In xlsx every string is
written as a text cell (xlsxwriter never turns it into a formula, a link or a number — as the
snapshot workbook does); in CSV such a text cell gets a leading apostrophe, the usual
neutralisation, so Excel shows it as text. Numbers stay numbers in both.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
MAX_WIDTH = 60


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would read as a formula, prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(table: pd.DataFrame) -> str:
    """The table as CSV text (no index), text cells neutralised, CRLF line ends."""
    safe = table.rename(columns=lambda c: neutralise(str(c)))
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column].dtype):
            safe[column] = safe[column].map(neutralise)
    return safe.to_csv(index=False, lineterminator="\r\n")


def csv_bytes(table: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel shows Chinese headers)."""
    return (BOM + csv_text(table)).encode("utf-8")


def xlsx_bytes(
    sheets: pd.DataFrame | dict[str, pd.DataFrame],
    sheet: str = "data",
    widths: dict[str, int] | None = None,
) -> bytes:
    """An xlsx workbook, one table per sheet; strings are text cells, never formulas.

    widths: a fixed column width per sheet; otherwise columns are as wide as their contents.
    """
    tables = {sheet: sheets} if isinstance(sheets, pd.DataFrame) else sheets
    buffer = io.BytesIO()
    with pd.ExcelWriter(
        buffer, engine="xlsxwriter", engine_kwargs={"options": XLSX_OPTIONS}
    ) as writer:
        for name, table in tables.items():
            table.to_excel(writer, index=False, sheet_name=name)
            worksheet = writer.sheets[name]
            for i, column in enumerate(table.columns):
                if widths and name in widths:
                    width = widths[name]
                else:
                    cells = [_width(column)] + [_width(v) for v in table[column].head(200)]
                    width = min(max(cells) + 2, MAX_WIDTH)
                worksheet.set_column(i, i, width)
    return buffer.getvalue()


def write_table(table: pd.DataFrame, path: Path, sheet: str = "data") -> Path:
    """Write the table to path as xlsx or (any other suffix) CSV, through the same writer."""
    path = Path(path)
    data = xlsx_bytes(table, sheet) if path.suffix.lower() == ".xlsx" else csv_bytes(table)
    path.write_bytes(data)
    return path


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK characters are double width
