"""Reporting periods as integers YYYYMM: parsing the forms clerks write, and arithmetic."""

from __future__ import annotations

import re

_PATTERNS = (
    re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$", re.ASCII),  # 2019-06, 2019/6, 2019.06
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月?$", re.ASCII),  # 2019年6月
    re.compile(r"^(\d{4})(\d{2})$", re.ASCII),  # 201906
    re.compile(
        r"^(\d{4})-(\d{2})-\d{2}(?:[ T].*)?$", re.ASCII
    ),  # 2019-06-01 (Excel dates read as text)
)


def parse_period(text: object) -> int | None:
    """Parse 2019-06, 2019年6月, 2019/06 or 201906 into 201906; None when it is not a month."""
    if text is None:
        return None
    s = str(text).strip().replace("－", "-").replace("／", "/")
    if s.endswith(".0") and s[:-2].isdigit():  # 201906 read from Excel as a float
        s = s[:-2]
    for pattern in _PATTERNS:
        m = pattern.match(s)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            return year * 100 + month if 1 <= month <= 12 else None
    return None


def format_period(period: int) -> str:
    """201906 -> '2019-06'."""
    return f"{period // 100:04d}-{period % 100:02d}"


def add_months(period: int, months: int) -> int:
    """Shift a period by a number of months (may be negative)."""
    index = (period // 100) * 12 + (period % 100 - 1) + months
    return (index // 12) * 100 + index % 12 + 1


def month_range(start: int, end: int) -> list[int]:
    """Every period from start to end inclusive."""
    out, p = [], start
    while p <= end:
        out.append(p)
        p = add_months(p, 1)
    return out
