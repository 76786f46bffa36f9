"""Check a text frame of published totals: every problem names its Excel row and column; the rows
that pass become figures in exact minor units of their currency (US cents, fen)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from etl.exchange.external.cells import _amount, _area, _category, _lookup, parse_window
from etl.exchange.external.vocabulary import (
    _HEADERS,
    COLUMNS,
    DIRECTIONS,
    LIMIT_MINOR,
    REQUIRED,
    SCOPES,
    SOURCES,
    UNITS,
    _key,
)
from etl.reference import ReferenceCodes


@dataclass(frozen=True)
class Problem:
    """One problem with the file: Excel row (1 = header), column header, value, message."""

    row: int
    column: str
    value: str
    problem_zh: str
    problem_en: str


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
