"""One cell of a file of published totals read into its value, or None when it is not one: the
period window, a coded value, the area, the main category, the amount (exact, as written)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from etl.exchange.external.vocabulary import NATION, _key
from etl.reference import ReferenceCodes

_PERIODS = (
    (re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$"), "month"),
    (re.compile(r"^(\d{4})\s*年?\s*1\s*[-—–~至到]\s*(\d{1,2})\s*月$"), "ytd"),
    (re.compile(r"^(\d{4})[-/.](\d{2})\s*[~至到/]\s*(\d{4})[-/.](\d{2})$"), "range"),
    (re.compile(r"^(\d{4})\s*年?(全年)?$"), "year"),
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
