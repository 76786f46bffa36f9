"""External published totals (SAFE BOP, MOFCOM, the statistics bureau): read and validate a file.

Pure apart from reading the file. Every problem names its Excel row and column; a file with any
problem loads nothing (etl.exchange.store). Amounts are kept exactly as written and as integers of
minor units of their currency (亿美元 / 万美元 -> US cents, 亿元 -> fen).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from etl.intake.read import DATA_SHEET, ReadLimits, ReportReadError, read_report
from etl.reference import ReferenceCodes

NATION = "CN"  # area code of the nation's figures (全国)
SOURCES = {
    "SAFE_BOP": ("SAFE_BOP", "国家外汇管理局", "外汇局", "国际收支", "SAFE", "SAFE BOP"),
    "MOFCOM": ("MOFCOM", "商务部", "商务部发布"),
    "CITY_STATS": ("CITY_STATS", "统计局", "市统计局", "STATS", "STATISTICS BUREAU"),
}
SOURCE_NAMES = {
    "SAFE_BOP": ("国家外汇管理局（国际收支）", "SAFE balance of payments"),
    "MOFCOM": ("商务部", "MOFCOM"),
    "CITY_STATS": ("统计局", "Statistics bureau"),
}
SCOPES = {"bop": ("BOP", "国际收支口径", "国际收支"), "full": ("FULL", "全口径")}
DIRECTIONS = {
    "X": ("X", "出口", "EXPORTS"),
    "M": ("M", "进口", "IMPORTS"),
    "XM": ("XM", "进出口", "合计", "TOTAL"),
}
# unit -> (currency, minor units per unit)
UNITS = {
    "亿美元": ("USD", 10**10),
    "万美元": ("USD", 10**6),
    "亿元": ("CNY", 10**10),
    "亿元人民币": ("CNY", 10**10),
}
# column key -> accepted headers (compared after NFKC and case folding); optional ones may be absent
COLUMNS = {
    "source": ("来源", "source", "发布机构"),
    "area": ("地区", "area", "region"),
    "period": ("期间", "period", "时期"),
    "scope": ("口径", "scope"),
    "direction": ("方向", "direction", "进出口方向"),
    "category": ("服务类别", "category", "类别"),
    "amount": ("金额", "amount"),
    "unit": ("单位", "unit"),
    "growth": ("同比%", "同比", "growth", "growth%", "yoy"),
}
REQUIRED = ("source", "area", "period", "scope", "direction", "amount", "unit")
LIMIT_MINOR = 10**17  # far above any published total in cents or fen
_PERIODS = (
    (re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$"), "month"),
    (re.compile(r"^(\d{4})\s*年?\s*1\s*[-—–~至到]\s*(\d{1,2})\s*月$"), "ytd"),
    (re.compile(r"^(\d{4})[-/.](\d{2})\s*[~至到/]\s*(\d{4})[-/.](\d{2})$"), "range"),
    (re.compile(r"^(\d{4})\s*年?(全年)?$"), "year"),
)


def _key(text: object) -> str:
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in s if not ch.isspace())


_HEADERS = {_key(h): k for k, hs in COLUMNS.items() for h in hs}


@dataclass(frozen=True)
class Problem:
    """One problem with the file: Excel row (1 = header), column header, value, message."""

    row: int
    column: str
    value: str
    problem_zh: str
    problem_en: str


@dataclass
class ExternalFile:
    """A read and checked file: the figures to load, or the problems that stop it."""

    file_name: str
    sha256: str
    figures: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file may be loaded (no problem at all)."""
        return not self.problems

    def problem_table(self) -> pd.DataFrame:
        """The problems as a table (row, column, value, problem_zh, problem_en)."""
        return pd.DataFrame(
            [p.__dict__ for p in self.problems],
            columns=["row", "column", "value", "problem_zh", "problem_en"],
        )


def parse_window(text: str) -> tuple[int, int] | None:
    """'2021-06', '2021年6月' -> (202106, 202106); '2021年1-6月' -> (202101, 202106);
    '2021-01~2021-06' -> a range; '2021', '2021年' -> the year. None when not a window."""
    s = unicodedata.normalize("NFKC", text).strip()
    for pattern, kind in _PERIODS:
        match = pattern.match(s)
        if not match:
            continue
        g = [int(x) for x in match.groups() if x and x.isdigit()]
        if kind == "month":
            start = end = g[0] * 100 + g[1]
        elif kind == "ytd":
            start, end = g[0] * 100 + 1, g[0] * 100 + g[1]
        elif kind == "range":
            start, end = g[0] * 100 + g[1], g[2] * 100 + g[3]
        else:
            start, end = g[0] * 100 + 1, g[0] * 100 + 12
        valid = all(1 <= p % 100 <= 12 and 1990 <= p // 100 <= 2100 for p in (start, end))
        months = (end // 100 - start // 100) * 12 + end % 100 - start % 100 + 1
        return (start, end) if valid and 1 <= months <= 12 else None
    return None


def _lookup(value: str, table: dict[str, tuple[str, ...]]) -> str | None:
    k = _key(value)
    for code, spellings in table.items():
        if k in {_key(s) for s in spellings}:
            return code
    return None


def _area(value: str, ref: ReferenceCodes) -> tuple[str, str] | None:
    """(code, name): a region of the reference tables by code or name, 全国, or another area
    (another pilot region) by its name."""
    s = unicodedata.normalize("NFKC", value).strip()
    if _key(s) in (_key("全国"), _key("CN"), _key("China"), _key("nation")):
        return NATION, "全国"
    if s.upper() in ref.regions:
        return s.upper(), ref.regions[s.upper()]
    by_name = {n: c for c, n in ref.regions.items()}
    if s in by_name:
        return by_name[s], s
    if re.fullmatch(r"[0-9]{6}(-[A-Z0-9]+)?", s.upper()):
        return None  # looks like a region code but is not one
    return (s, s) if 2 <= len(s) <= 20 else None


def _category(value: str, ref: ReferenceCodes) -> str | None:
    s = unicodedata.normalize("NFKC", value).strip()
    if s.upper() in ref.categories and ref.category_main.get(s.upper()) == s.upper():
        return s.upper()
    by_name = {n: c for c, n in ref.categories.items() if ref.category_main.get(c) == c}
    return by_name.get(s)


def _amount(value: str) -> Decimal | None:
    s = unicodedata.normalize("NFKC", value).strip().replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def check_frame(
    frame: pd.DataFrame, ref: ReferenceCodes, header_row: int = 1
) -> tuple[pd.DataFrame, list[Problem]]:
    """The figures of a text frame (index = Excel row) and every problem found."""
    problems: list[Problem] = []
    columns = {}
    for header in frame.columns:
        key = _HEADERS.get(_key(header))
        if key is None:
            problems.append(
                Problem(header_row, str(header), "", "无法识别的列。", "Column not recognised.")
            )
        elif key in columns:
            problems.append(
                Problem(
                    header_row,
                    str(header),
                    "",
                    "同一列出现了两次。",
                    "The same column appears twice.",
                )
            )
        else:
            columns[key] = header
    missing = [COLUMNS[k][0] for k in REQUIRED if k not in columns]
    if missing:
        problems.append(
            Problem(
                header_row,
                "",
                "",
                f"缺少必填列：{'、'.join(missing)}。",
                f"Required columns missing: {', '.join(missing)}.",
            )
        )
        return pd.DataFrame(), problems
    if frame.empty:
        problems.append(
            Problem(header_row, "", "", "文件中没有数据行。", "The file has no data rows.")
        )
        return pd.DataFrame(), problems
    rows, seen = [], {}
    for excel_row, record in frame.iterrows():
        cell = {
            k: ("" if pd.isna(record[h]) else str(record[h]).strip()) for k, h in columns.items()
        }
        before = len(problems)

        def bad(key: str, zh: str, en: str) -> None:
            problems.append(Problem(int(excel_row), str(columns[key]), cell.get(key, ""), zh, en))

        for key in REQUIRED:
            if not cell[key]:
                bad(key, "必填项为空。", "Required value is empty.")
        if len(problems) > before:
            continue
        source = _lookup(cell["source"], SOURCES)
        if source is None:
            bad(
                "source",
                "无法识别的来源（国家外汇管理局、商务部、统计局）。",
                "Unknown source (SAFE_BOP, MOFCOM, CITY_STATS).",
            )
        area = _area(cell["area"], ref)
        if area is None:
            bad(
                "area",
                "无法识别的地区：用地区代码、名称或“全国”。",
                "Unknown area: a region code or name, or 全国.",
            )
        window = parse_window(cell["period"])
        if window is None:
            bad(
                "period",
                "期间应为 2021-06、2021年1-6月、2021-01~2021-06 或 2021年（不超过12个月）。",
                "Period must be 2021-06, 2021年1-6月, 2021-01~2021-06 or 2021 (at most 12 months).",
            )
        scope = _lookup(cell["scope"], SCOPES)
        if scope is None:
            bad(
                "scope",
                "口径应为“国际收支口径”或“全口径”。",
                "Scope must be bop (国际收支口径) or full (全口径).",
            )
        direction = _lookup(cell["direction"], DIRECTIONS)
        if direction is None:
            bad(
                "direction",
                "方向应为出口、进口或进出口。",
                "Direction must be 出口, 进口 or 进出口.",
            )
        category = ""
        if cell.get("category"):
            category = _category(cell["category"], ref)
            if category is None:
                bad(
                    "category",
                    "无法识别的服务类别：用12大类代码（SA–SL）或名称。",
                    "Unknown category: a main EBOPS code (SA–SL) or its name.",
                )
        unit = UNITS.get(unicodedata.normalize("NFKC", cell["unit"]).strip())
        if unit is None:
            bad("unit", "单位应为亿美元、亿元或万美元。", "Unit must be 亿美元, 亿元 or 万美元.")
        amount = _amount(cell["amount"])
        if amount is None:
            bad("amount", "金额应为数字（如 123.45）。", "Amount must be a number (e.g. 123.45).")
        elif amount < 0 and direction != "XM":
            bad("amount", "出口或进口金额不能为负数。", "Exports or imports cannot be negative.")
        growth = ""
        if cell.get("growth"):
            g = _amount(cell["growth"].rstrip("%"))
            if g is None:
                bad(
                    "growth",
                    "同比应为百分数（如 12.3）。",
                    "Growth must be a percentage (e.g. 12.3).",
                )
            else:
                growth = str(g)
        if len(problems) > before:
            continue
        currency, per = unit
        exact = amount * per
        if exact != exact.to_integral_value():
            bad(
                "amount",
                "金额小数位过多（最小单位为分）。",
                "Too many decimals (the smallest unit is a cent).",
            )
            continue
        if abs(exact) >= LIMIT_MINOR:
            bad("amount", "金额过大。", "Amount too large.")
            continue
        key = (source, area[0], window, scope, direction, category)
        if key in seen:
            bad(
                "period",
                f"与第{seen[key]}行重复（同一来源、地区、期间、口径、方向、类别）。",
                f"Duplicates row {seen[key]} (same source, area, period, scope, direction, category).",
            )
            continue
        seen[key] = int(excel_row)
        rows.append(
            {
                "row": int(excel_row),
                "source": source,
                "area_code": area[0],
                "area_name": area[1],
                "period_from": window[0],
                "period_to": window[1],
                "scope": scope,
                "direction": direction,
                "category_code": category,
                "currency": currency,
                "amount_text": cell["amount"],
                "unit": unicodedata.normalize("NFKC", cell["unit"]).strip(),
                "amount_minor": int(exact),
                "growth_text": growth,
            }
        )
    return pd.DataFrame(rows), problems


def read_external(
    path: Path, ref: ReferenceCodes, data: bytes | None = None, limits: ReadLimits | None = None
) -> ExternalFile:
    """Read and check a file of published totals (.xlsx or .csv); limits (web uploads) are
    checked before the file is parsed."""
    path = Path(path)
    try:
        result = read_report(data if data is not None else path, path.name, limits)
    except ReportReadError as exc:
        return ExternalFile(
            path.name, "", pd.DataFrame(), [Problem(0, "", "", exc.message_zh, exc.message_en)]
        )
    figures, problems = check_frame(result.frame, ref, result.header_row)
    return ExternalFile(path.name, result.sha256, figures, problems)


# ---------------------------------------------------------------- the template

HELP_SHEET = "填写说明"
WEB_MAX_ROWS = 10_000  # published figures per uploaded file: a bureau publishes hundreds
# column key -> (required, what may be written, an example), for the template's notes
_NOTES = {
    "source": (
        "国家外汇管理局 / 商务部 / 统计局（SAFE_BOP, MOFCOM, CITY_STATS）",
        "商务部",
    ),
    "area": (
        "地区代码或名称（天津市、120000、两江新区 …）用于对比；全国或其他试点地区名称仅用于增长对标"
        " / a region code or name; 全国 or another pilot region for benchmarking",
        "天津市",
    ),
    "period": (
        "2021-06、2021年6月、2021年1-6月、2021-01~2021-06 或 2021（不超过12个月）"
        " / a month, 1–N月, a range or a year (at most 12 months)",
        "2021年1-6月",
    ),
    "scope": ("国际收支口径 / 全口径（bop / full）", "国际收支口径"),
    "direction": ("出口 / 进口 / 进出口（X / M / XM）", "进出口"),
    "category": (
        "空 = 全部服务；或12大类代码（SA–SL）或名称 / empty = all services, or a main EBOPS code",
        "SC",
    ),
    "amount": (
        "按公布数原样填写的数字，最小单位为分 / the published number as written",
        "420.5",
    ),
    "unit": (f"{' / '.join(UNITS)}", "亿元"),
    "growth": ("公布的同比增速，百分数（可空） / the published growth in % (optional)", "12.3"),
}


def template_sheets() -> dict[str, pd.DataFrame]:
    """The template of a file of published totals: an empty 数据 sheet with the columns the
    loader expects (the first heading of each), and notes on what each column takes. The
    examples stay on the notes sheet, so the template loaded as it is loads nothing."""
    columns = [COLUMNS[k][0] for k in COLUMNS]
    notes = pd.DataFrame(
        [
            {
                "列 column": COLUMNS[key][0],
                "必填 required": "是 yes" if key in REQUIRED else "否 no",
                "填写内容 values": _NOTES[key][0],
                "示例 example": _NOTES[key][1],
            }
            for key in COLUMNS
        ]
        + [
            {
                "列 column": "",
                "必填 required": "",
                "填写内容 values": "整个文件通过校验才导入，任何一行有误则不导入任何数据；同一来源、地区、"
                "期间、口径、方向、类别的公布数再次导入时替换原值。 / A file loads only when "
                "every row is valid; a figure published again replaces the earlier one.",
                "示例 example": "",
            }
        ]
    )
    return {DATA_SHEET: pd.DataFrame(columns=columns), HELP_SHEET: notes}
