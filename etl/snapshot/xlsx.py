"""The snapshot as an Excel workbook (xlsxwriter): cover, one sheet per table, print-ready.

Every string is written with write_string, and the workbook refuses to turn strings into formulas
or links, so a name such as "=HYPERLINK(…)" or "@SUM(A1)" stays text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import xlsxwriter

from etl.disclosure import TOTAL
from etl.snapshot.format import (
    FONT_STACK,
    INTERNAL_STAMP,
    cell_kind,
    cover_facts,
    definitions,
    excel_value,
)
from etl.snapshot.types import C, Column, Snapshot, Table

FONT = FONT_STACK.split(",")[0].strip('" ')  # Microsoft YaHei; Excel substitutes where missing
NUMBER_FORMATS = {"usd": "#,##0.0", "pct": "0.0%", "pp": "0.0", "count": "#,##0"}
HEADER_ROW = 2  # title, unit line, then the header row


class _Formats:
    """The workbook's cell formats, made once."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
        self.wb, self.base = wb, base
        self.title = wb.add_format({**base, "bold": True, "font_size": 14})
        self.subtitle = wb.add_format({**base, "font_color": "#555555"})
        self.header = wb.add_format(
            {
                **base,
                "bold": True,
                "bg_color": "#DDE6F0",
                "border": 1,
                "text_wrap": True,
                "align": "center",
            }
        )
        self.note = wb.add_format(
            {**base, "font_color": "#444444", "text_wrap": True, "valign": "top"}
        )
        self.stamp = wb.add_format({**base, "bold": True, "font_size": 16, "font_color": "#C00000"})
        self._cells: dict[tuple, object] = {}

    def cell(self, kind: str, bold: bool = False, indent: int = 0, special: bool = False):
        """A body cell: number format by kind; C and — right-aligned text."""
        key = (kind, bold, indent, special)
        if key not in self._cells:
            spec = {**self.base, "border": 1, "bold": bold}
            if kind == "text":
                spec.update({"indent": indent, "text_wrap": True})
            elif special:
                spec["align"] = "right"
            else:
                spec["num_format"] = NUMBER_FORMATS.get(kind, "General")
            self._cells[key] = self.wb.add_format(spec)
        return self._cells[key]


def write_xlsx(
    snapshot: Snapshot,
    path: Path,
    changes: pd.DataFrame | None = None,
    revision: dict | None = None,
) -> Path:
    """Write the workbook; changes (a revision's changed cells) add a 修订说明 sheet."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    wb.set_properties(
        {
            "title": snapshot.meta.title,
            "subject": snapshot.meta.region_name,
            "comments": INTERNAL_STAMP if snapshot.meta.internal else "",
        }
    )
    fmt = _Formats(wb)
    _cover(wb, fmt, snapshot, revision)
    for table in snapshot.tables:
        _table_sheet(wb, fmt, snapshot, table)
    if changes is not None:
        _table_sheet(wb, fmt, snapshot, changes_table(changes))
    wb.close()
    return path


def _print_setup(ws, snapshot: Snapshot, repeat: bool = True) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if repeat:
        ws.repeat_rows(HEADER_ROW)
    stamp = f'&L&"{FONT},Bold"&KC00000{INTERNAL_STAMP}' if snapshot.meta.internal else ""
    ws.set_header(f"{stamp}&R{snapshot.meta.title}")
    ws.set_footer("&C第 &P 页，共 &N 页")


def _cover(wb, fmt: _Formats, snapshot: Snapshot, revision: dict | None) -> None:
    ws = wb.add_worksheet("封面")
    meta = snapshot.meta
    ws.set_column(0, 0, 14)
    ws.set_column(1, 1, 100)
    ws.write_string(0, 0, meta.title, fmt.title)
    row = 1
    if meta.internal:
        ws.write_string(row, 0, INTERNAL_STAMP, fmt.stamp)
        row += 1
    row += 1
    for label, text in cover_facts(meta, revision):
        ws.write_string(row, 0, label, fmt.header)
        ws.write_string(row, 1, text, fmt.cell("text"))
        row += 1
    row += 1
    ws.write_string(row, 0, "说明与定义", fmt.title)
    for i, note in enumerate(definitions(meta), start=1):
        row += 1
        ws.write_string(row, 0, f"{i}.", fmt.note)
        ws.write_string(row, 1, note, fmt.note)
        ws.set_row(row, 15 * (1 + len(note) // 60))
    row += 2
    ws.write_string(row, 0, "目录", fmt.title)
    for table in snapshot.tables:
        row += 1
        ws.write_string(row, 0, table.key, fmt.note)
        ws.write_string(row, 1, table.title, fmt.note)
    _print_setup(ws, snapshot, repeat=False)


def _width(column, table: Table) -> float:
    if column.kind != "text":
        return max(11, min(16, len(column.header) * 1.6))
    longest = max([len(str(v)) for v in table.rows[column.key]] + [len(column.header)])
    return max(8, min(44, longest * 2 + 2))


def _table_sheet(wb, fmt: _Formats, snapshot: Snapshot, table: Table) -> None:
    ws = wb.add_worksheet(table.key)
    ws.write_string(0, 0, table.title, fmt.title)
    ws.write_string(
        1,
        0,
        f"{snapshot.meta.region_name} · {snapshot.meta.title}"
        + (f" · {INTERNAL_STAMP}" if snapshot.meta.internal else ""),
        fmt.subtitle,
    )
    for j, column in enumerate(table.columns):
        ws.write_string(HEADER_ROW, j, column.header, fmt.header)
        ws.set_column(j, j, _width(column, table))
    ws.set_row(HEADER_ROW, 30)
    for i, row in enumerate(table.rows.to_dict("records"), start=HEADER_ROW + 1):
        bold = row.get("key") in (TOTAL, "TOTAL")
        for j, column in enumerate(table.columns):
            kind = cell_kind(column, row)
            value = excel_value(kind, row.get(column.key), exact=snapshot.meta.internal)
            if column.kind == "text":
                text = "" if value is None else str(value)
                ws.write_string(i, j, text, fmt.cell("text", bold, int(row.get("indent") or 0)))
            elif value is None:
                ws.write_string(i, j, "—", fmt.cell(kind, bold, special=True))
            elif value == C:
                ws.write_string(i, j, C, fmt.cell(kind, bold, special=True))
            else:
                ws.write_number(i, j, value, fmt.cell(kind, bold))
    last = HEADER_ROW + len(table.rows)
    for k, note in enumerate(table.notes, start=2):
        ws.write_string(last + k, 0, f"注：{note}" if k == 2 else f"　　{note}", fmt.subtitle)
    ws.freeze_panes(HEADER_ROW + 1, 1)
    _print_setup(ws, snapshot)


def changes_table(changes: pd.DataFrame) -> Table:
    """A revision's changed cells as a table (all text, as they were shown)."""
    columns = [
        Column("table", "表", "text"),
        Column("row", "项目", "text"),
        Column("column", "指标", "text"),
        Column("old", "原值", "text"),
        Column("new", "修订值", "text"),
    ]
    rows = changes.assign(indent=0, key="")
    notes = ["列出与首次发布的快照相比显示值发生变化的单元格（包括由数值变为“C”或由“C”变为数值）。"]
    if changes.empty:
        notes.append("与首次发布的快照相比没有变化。")
    return Table("修订说明", "修订说明：与首次发布相比发生变化的数值", columns, rows, notes)
