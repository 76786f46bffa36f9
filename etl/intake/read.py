"""Read an uploaded report (.xlsx, or .csv in UTF-8/GBK) into a text-only frame numbered like Excel.

Every cell is read as text, so "0012", "201906" and "1234.50" survive exactly; numbers Excel stored
as numbers are turned back into the text Excel shows. The frame's index is the row number the user
sees in Excel (header row 1 → first data row 2), which every validation message quotes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import ParseError

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from etl.intake.normalize import HEADER_KEYS, header_key

DATA_SHEET = "数据"  # the template's data sheet; other workbooks are read from their first sheet
HEADER_SCAN_ROWS = 30  # a title or note may sit above the header row
MIN_HEADER_MATCHES = 3  # a row with this many known headers is the header row
_PROBE_BYTES = 256 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# openpyxl signals a damaged workbook in many ways; all of them mean "cannot read this file".
_XLSX_ERRORS = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    OSError,
    EOFError,
    ParseError,
)


class ReportReadError(Exception):
    """A file that cannot be read as a report, with a message for the clerk in both languages."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


@dataclass(frozen=True)
class ReadLimits:
    """What an upload may hold, checked before the file is parsed (None: no limit)."""

    max_rows: int | None = None  # data rows (lines of a CSV; the sheet's declared size in xlsx)
    max_uncompressed_bytes: int | None = None  # xlsx: the total its zip members declare


@dataclass(frozen=True)
class ReadResult:
    """The file's cells as text, plus what is needed to recognise the file again."""

    frame: pd.DataFrame  # str cells (missing = NA); columns as written; index = Excel row number
    encoding: str | None  # CSV: "utf-8", "utf-8-sig" or "gb18030"
    sheet: str | None  # xlsx: the sheet read
    sha256: str
    size_bytes: int
    header_row: int = 1  # Excel row number of the header


def read_report(
    source: Path | bytes, filename: str, limits: ReadLimits | None = None
) -> ReadResult:
    """Read an uploaded report file; raises ReportReadError when it cannot be read.

    limits are checked before parsing: a small zip that expands to gigabytes of XML, or a
    million-row sheet, is refused in milliseconds instead of taking minutes and memory.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if not data:
        raise ReportReadError("文件是空的。", "The file is empty.")
    ext = Path(filename).suffix.lower()
    if limits is not None:
        _check_limits(data, ext, limits)
    encoding = sheet = None
    if ext in (".xlsx", ".xlsm"):
        frame, header_row, sheet = _read_xlsx(data, limits.max_rows if limits else None)
    elif ext in (".csv", ".txt"):
        frame, header_row, encoding = _read_csv(data)
    elif ext in (".xls", ".et", ".wps"):
        raise ReportReadError(
            f"不支持旧版 {ext} 格式，请在 Excel 中“另存为” .xlsx 后再上传。",
            f"The old {ext} format is not supported; save it as .xlsx first.",
        )
    else:
        raise ReportReadError(
            f"不支持的文件类型“{ext or filename}”，请上传 .xlsx 或 .csv 文件。",
            f"Unsupported file type '{ext or filename}'; upload .xlsx or .csv.",
        )
    return ReadResult(
        frame, encoding, sheet, hashlib.sha256(data).hexdigest(), len(data), header_row
    )


# ---------------------------------------------------------------- limits

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]+[0-9]+:[A-Z]+([0-9]+)"')


def _check_limits(data: bytes, ext: str, limits: ReadLimits) -> None:
    rows = None
    if ext in (".xlsx", ".xlsm"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                declared = sum(i.file_size for i in archive.infolist())
                if limits.max_uncompressed_bytes and declared > limits.max_uncompressed_bytes:
                    mb = limits.max_uncompressed_bytes // (1024 * 1024)
                    raise ReportReadError(
                        f"这个 Excel 文件解压后超过 {mb} MB，请拆分为多个文件后上传。",
                        f"This Excel file expands to more than {mb} MB; split it into several "
                        "files.",
                    )
                rows = _declared_rows(archive)
        except zipfile.BadZipFile:
            return  # the reader says it cannot open the file
    elif ext in (".csv", ".txt"):
        rows = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
    if limits.max_rows and rows is not None and rows - 1 > limits.max_rows:
        raise _too_many_rows(f"约 {rows - 1:,}", f"about {rows - 1:,}", limits.max_rows)


def _too_many_rows(count_zh: str, count_en: str, max_rows: int) -> ReportReadError:
    return ReportReadError(
        f"文件有{count_zh} 行数据，超过每个文件 {max_rows:,} 行的上限，请拆分后上传。",
        f"The file has {count_en} data rows, over the limit of {max_rows:,} per file; split it.",
    )


def _declared_rows(archive: zipfile.ZipFile) -> int | None:
    """The largest row number the worksheets declare (<dimension>), read from their first bytes."""
    found = None
    for name in archive.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            with archive.open(name) as member:
                match = _DIMENSION.search(member.read(4096))
            if match:
                found = max(found or 0, int(match.group(1)))
    return found


# ---------------------------------------------------------------- shared


def _header_index(rows: list[list[str | None]]) -> int:
    """Index of the header among the first rows: the first with known headers, else the first
    non-blank row."""
    first_filled = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cells = [c for c in row if c is not None and str(c).strip()]
        if not cells:
            continue
        if first_filled is None:
            first_filled = i
        if sum(header_key(c) in HEADER_KEYS for c in cells) >= MIN_HEADER_MATCHES:
            return i
    if first_filled is None:
        raise ReportReadError(
            "文件中没有表头行（前30行都是空的）。", "No header row: the first 30 rows are empty."
        )
    return first_filled


def _column_names(header: list[str | None], width: int) -> list[str]:
    """Header texts as written; a column without a header is named after its Excel letter."""
    header = list(header) + [None] * (width - len(header))
    return [
        h if h is not None and str(h).strip() else f"(无表头 {get_column_letter(i + 1)})"
        for i, h in enumerate(header)
    ]


def _finish(frame: pd.DataFrame, header: list[str | None], first_row: int) -> pd.DataFrame:
    """Number rows as Excel does, drop blank rows and unlabelled empty columns."""
    frame.columns = _column_names(header, frame.shape[1])
    frame.index = pd.RangeIndex(first_row, first_row + len(frame), name="row")
    unlabelled = [
        i
        for i, h in enumerate(list(header) + [None] * (frame.shape[1] - len(header)))
        if h is None or not str(h).strip()
    ]
    drop = [i for i in unlabelled if frame.iloc[:, i].isna().all()]
    if drop:
        frame = frame.iloc[:, [i for i in range(frame.shape[1]) if i not in drop]]
    if frame.shape[1] == 0:
        raise ReportReadError("表头行是空的。", "The header row is empty.")
    return frame.dropna(how="all")


# ---------------------------------------------------------------- CSV


def _detect_encoding(data: bytes) -> str:
    """utf-8(-sig) when the bytes decode as UTF-8, else GB18030 (a superset of Excel's GBK)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig":
            return "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return encoding
    raise ReportReadError(
        "无法识别文件的文字编码，请用 Excel 另存为“CSV UTF-8”或 .xlsx。",
        "Unknown text encoding; save the file as CSV UTF-8 or .xlsx.",
    )


def _read_csv(data: bytes) -> tuple[pd.DataFrame, int, str]:
    encoding = _detect_encoding(data)
    probe = data[:_PROBE_BYTES].decode(encoding, errors="ignore")
    lines = _LINE_BREAK.split(probe)[:HEADER_SCAN_ROWS]  # the breaks pandas' parser honours
    sep = _separator(lines)
    rows = [next(csv.reader([line], delimiter=sep), []) or [] for line in lines]
    h = _header_index([[c or None for c in r] for r in rows])
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            encoding=encoding,
            sep=sep,
            skiprows=h,
            header=0,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        if "out of memory" in str(exc):
            raise MemoryError(str(exc)) from exc  # the worker's cap, not a malformed file
        raise ReportReadError(
            f"CSV 文件格式有误，无法读取：{exc}", f"The CSV file is malformed: {exc}"
        ) from exc
    header = rows[h] + [None] * max(0, frame.shape[1] - len(rows[h]))
    return _finish(frame, header[: frame.shape[1]], h + 2), h + 1, encoding


def _separator(lines: list[str]) -> str:
    """Comma, unless the header line is clearly tab- or semicolon-separated."""
    head = next((line for line in lines if line.strip()), "")
    counts = {sep: head.count(sep) for sep in (",", "\t", ";")}
    return max(counts, key=lambda s: (counts[s], s == ","))


# ---------------------------------------------------------------- xlsx


def _read_xlsx(data: bytes, max_rows: int | None = None) -> tuple[pd.DataFrame, int, str]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book[DATA_SHEET] if DATA_SHEET in book.sheetnames else book.worksheets[0]
            rows = _sheet_rows(sheet, max_rows)
            title = sheet.title
        finally:
            book.close()
    except _XLSX_ERRORS as exc:
        raise ReportReadError(
            "无法打开这个 Excel 文件（文件可能已损坏，或不是 .xlsx 格式）。",
            f"Cannot open this Excel file (damaged or not .xlsx): {exc!r}",
        ) from exc
    if not rows:
        raise ReportReadError("工作表是空的。", "The worksheet is empty.")
    h = _header_index(rows)
    header, body = rows[h], rows[h + 1 :]
    del rows  # the body's row lists go as soon as they are in the array
    width = max([len(header), *(len(r) for r in body)])
    cells = np.empty((len(body), width), dtype=object)
    for i in range(len(body)):
        row = body[i]
        cells[i, : len(row)] = row
        body[i] = None
    frame = (
        pd.DataFrame(cells, dtype="str")
        if len(cells)
        else pd.DataFrame(columns=range(width), dtype="str")
    )
    del cells
    return _finish(frame, header, h + 2), h + 1, title


def _sheet_rows(sheet, max_rows: int | None) -> list[list[str | None]]:
    """The sheet's cells as text; equal texts are one object (a 1M-row sheet repeats most).

    The row count is checked as the rows come, so a sheet that understates its size in
    <dimension> is refused when it passes the limit, not after it has been read.
    """
    known: dict[str, str] = {}
    rows = []
    limit = None if max_rows is None else max_rows + HEADER_SCAN_ROWS
    for values in sheet.iter_rows(values_only=True):
        if limit is not None and len(rows) > limit:
            raise _too_many_rows("超过", "more than", max_rows)
        row = []
        for v in values:
            text = _cell_text(v)
            row.append(None if text is None else known.setdefault(text, text))
        rows.append(row)
    return rows


def _cell_text(value: object) -> str | None:
    """The text Excel shows for a cell value, without binary-float artefacts."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _float_text(value: float) -> str:
    """1234.5 -> "1234.5", 201906.0 -> "201906": Excel's 15 significant digits, no exponent."""
    if not math.isfinite(value):
        return str(value)
    return format(Decimal(f"{value:.15g}"), "f")
