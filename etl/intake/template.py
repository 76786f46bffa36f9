"""The Excel report template: a data sheet with drop-down lists, instructions, and the code lists."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from etl.intake.schemas import DIRECTIONS, REPORT_COLUMNS, UNITS
from etl.reference import ReferenceCodes

DATA_SHEET = "数据"
HELP_SHEET = "填报说明"
CODES_SHEET = "代码表"
LAST_ROW = 5001  # drop-downs and text formats cover rows 2..5001

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WIDTHS = {
    "uscc": 22,
    "enterprise_name": 36,
    "region": 26,
    "period": 10,
    "direction": 8,
    "category": 30,
    "mode": 14,
    "partner": 22,
    "amount": 14,
    "currency": 12,
    "unit": 9,
}
_TEXT_COLUMNS = ("uscc", "period")  # typed as text so Excel keeps every digit and does not date-ify
CURRENCY_NAMES = {"USD": "美元", "CNY": "人民币"}


def code_lists(ref: ReferenceCodes) -> dict[str, list[str]]:
    """Drop-down values per report column, in the "CODE 名称" form the validator accepts."""
    categories = sorted(ref.categories, key=lambda c: (ref.category_main[c], c))
    return {
        "region": [f"{code} {name}" for code, name in ref.regions.items()],
        "direction": [zh for zh, _ in DIRECTIONS.values()],
        "category": [f"{code} {ref.categories[code]}" for code in categories],
        "mode": [f"{code} {name}" for code, name in sorted(ref.modes.items())],
        "partner": [f"{code} {name}" for code, name in ref.partners.items()],
        "currency": [f"{code} {name}" for code, name in CURRENCY_NAMES.items()],
        "unit": ["万美元", "美元", "万元", "元"],
    }


def write_template(path: Path, ref: ReferenceCodes) -> None:
    """Write the report template (.xlsx) for the reference codes in force."""
    book = Workbook()
    data = book.active
    data.title = DATA_SHEET
    lists = code_lists(ref)
    codes = book.create_sheet(CODES_SHEET)
    ranges = _write_code_sheet(codes, lists)
    _write_data_sheet(data, ranges)
    _write_help_sheet(book.create_sheet(HELP_SHEET, 1), ref)
    book.properties.creator = "服务贸易统计监测系统"
    book.save(path)


def _header_cell(ws: Worksheet, row: int, column: int, text: str) -> None:
    cell = ws.cell(row=row, column=column, value=text)
    cell.font = Font(bold=True)
    cell.fill = _HEADER_FILL
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _write_code_sheet(ws: Worksheet, lists: dict[str, list[str]]) -> dict[str, str]:
    """One column per coded report column; returns each list's absolute range for validations."""
    headers = {c.key: c.header_zh for c in REPORT_COLUMNS}
    ranges = {}
    for i, (key, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(i)
        _header_cell(ws, 1, i, headers[key])
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=i, value=value)
        ws.column_dimensions[letter].width = max(12, min(40, max(len(v) for v in values) * 2))
        ranges[key] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
    ws.freeze_panes = "A2"
    return ranges


def _write_data_sheet(ws: Worksheet, ranges: dict[str, str]) -> None:
    """Headers with help comments, frozen; drop-downs referencing the code sheet."""
    for i, col in enumerate(REPORT_COLUMNS, start=1):
        _header_cell(ws, 1, i, col.header_zh)
        note = f"{col.help_zh}\n{col.help_en}" + ("\n（必填 required）" if col.required else "")
        ws.cell(row=1, column=i).comment = Comment(note, "模板", width=260, height=110)
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = _WIDTHS.get(col.key, 14)
        if col.key in _TEXT_COLUMNS:
            ws.column_dimensions[letter].number_format = "@"
        if col.key in ranges:
            ws.add_data_validation(
                _drop_down(ranges[col.key], col.header_zh, f"{letter}2:{letter}{LAST_ROW}")
            )
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 30


def _drop_down(source: str, header: str, cells: str) -> DataValidation:
    # A warning, not a stop: clerks may type or paste other accepted spellings (e.g. "SC" or
    # "美国"); the upload check decides, and explains, what is acceptable.
    # OOXML stores the formula without a leading "=" (Excel writes it that way too).
    dv = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="不在下拉列表中",
        error=f"“{header}”建议从下拉列表中选择；其他写法会在上传时检查。",
        promptTitle=header,
        prompt="请从下拉列表中选择",
        showInputMessage=True,
    )
    dv.add(cells)
    return dv


def _write_help_sheet(ws: Worksheet, ref: ReferenceCodes) -> None:
    """Instructions in Chinese: one row per line, column meanings, units, FX, scope."""
    modes_in = "、".join(f"{c} {ref.modes[c]}" for c in sorted(ref.modes_in_bop))
    units = "、".join(f"{u}（{cur}）" for u, (cur, _) in UNITS.items())
    lines = [
        ("服务贸易企业月度报送模板 · 填报说明", True),
        (
            (
                "1. 一行一条：每个 企业 × 报告期(月) × 方向 × 服务类别 × 供给模式 × 伙伴国家(地区) 填一行；"
                "同一组合不要重复填写，多笔业务请合计后填一行。"
            ),
            False,
        ),
        (
            (
                "2. 在“数据”工作表第2行起填写，第1行表头不要修改；下拉列表的值来自“代码表”，"
                "也可填写代码（如 SC、US、1）或中文名称。"
            ),
            False,
        ),
        (
            (
                f"3. 金额填非负数，最多保留到分；单位可选 {units}，单位必须与币种一致"
                "（万元、元 = 人民币；万美元、美元 = 美元）。"
            ),
            False,
        ),
        (
            (
                "4. 汇率：系统按报告期当月的人民币兑美元汇率折算（未录入月度汇率时用国家统计局公布的年平均汇率），"
                "四舍六入五成双到分；原币金额原样保存。"
            ),
            False,
        ),
        (
            (
                f"5. 服务进出口总额只包括供给模式 {modes_in}。模式三（商业存在）为附属机构服务销售收入（FATS），"
                "单独报送和统计，不计入服务进出口总额。"
            ),
            False,
        ),
        ("6. 同一企业同一报告期再次报送即为更正：新报送的全部行替换原有的全部行。", False),
        ("7. 统一社会信用代码为18位（不使用字母 I、O、S、V、Z），系统会检查校验位。", False),
        ("", False),
        ("各列说明", True),
    ]
    for row, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = Font(bold=bold, size=13 if row == 1 else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    start = len(lines) + 1
    for i, title in enumerate(("列名", "英文列名", "是否必填", "填写说明"), start=1):
        _header_cell(ws, start, i, title)
    for row, col in enumerate(REPORT_COLUMNS, start=start + 1):
        for i, value in enumerate(
            (col.header_zh, col.header_en, "必填" if col.required else "选填", col.help_zh), start=1
        ):
            ws.cell(row=row, column=i, value=value)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 20
    ws.column_dimensions["C"].width = 10
    ws.column_dimensions["D"].width = 70
    for row in range(2, len(lines)):  # the numbered rules span the table's width
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 36
