"""What a file of published totals may say: its sources, scopes, directions, units and columns, the
spellings accepted for each, and the header key they are compared by (NFKC, case folded)."""

from __future__ import annotations

import unicodedata

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


def _key(text: object) -> str:
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    return "".join(ch for ch in s if not ch.isspace())


_HEADERS = {_key(h): k for k, hs in COLUMNS.items() for h in hs}
