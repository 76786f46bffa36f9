"""The report-file contract, declared once: columns, accepted headers, and the clean frame's columns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportColumn:
    """One column of the report file."""

    key: str  # name in the clean frame
    header_zh: str  # the header users know (and the template writes)
    header_en: str
    aliases: tuple[str, ...]  # other accepted headers (compared after normalising spaces/brackets)
    required: bool
    help_zh: str
    help_en: str


REPORT_COLUMNS: tuple[ReportColumn, ...] = (
    ReportColumn(
        "uscc",
        "统一社会信用代码",
        "USCC",
        ("Unified social credit code", "信用代码"),
        True,
        "18位统一社会信用代码（GB 32100）",
        "18-character unified social credit code",
    ),
    ReportColumn(
        "enterprise_name",
        "企业名称",
        "Enterprise name",
        ("Enterprise", "单位名称"),
        True,
        "与营业执照一致的企业全称",
        "Registered name of the enterprise",
    ),
    ReportColumn(
        "region",
        "所属地区",
        "Region",
        ("地区", "District"),
        True,
        "区、新区或功能区名称或代码",
        "District, new area or functional zone (name or code)",
    ),
    ReportColumn(
        "period",
        "报告期",
        "Period",
        ("Reporting period",),
        True,
        "YYYY-MM，也可写 2019年6月、2019/06、201906",
        "YYYY-MM; 2019年6月, 2019/06, 201906 also accepted",
    ),
    ReportColumn(
        "direction",
        "方向",
        "Direction",
        ("进出口方向", "Flow"),
        True,
        "出口或进口（也可写收入、支出）",
        "Export or import (收入/支出 also accepted)",
    ),
    ReportColumn(
        "category",
        "服务类别",
        "Service category",
        ("Category", "EBOPS"),
        True,
        "EBOPS 2010 代码（如 SC）或中文名称，大类或子项",
        "EBOPS 2010 code (e.g. SC) or Chinese name, main category or sub-item",
    ),
    ReportColumn(
        "mode",
        "供给模式",
        "Mode of supply",
        ("Mode", "模式"),
        True,
        "1–4 或中文名称（跨境提供、境外消费、商业存在、自然人移动）",
        "1–4 or the mode's name",
    ),
    ReportColumn(
        "partner",
        "伙伴国家(地区)",
        "Partner economy",
        ("伙伴国家", "Partner", "国别(地区)"),
        True,
        "ISO 3166 两位代码（如 US）或中文名称",
        "ISO 3166 alpha-2 code (e.g. US) or Chinese name",
    ),
    ReportColumn(
        "amount", "金额", "Amount", ("Value",), True, "非负数，最多保留到分", "Non-negative number"
    ),
    ReportColumn(
        "currency",
        "币种",
        "Currency",
        ("货币",),
        True,
        "USD 或 CNY（也可写美元、人民币）",
        "USD or CNY",
    ),
    ReportColumn(
        "unit",
        "单位",
        "Unit",
        ("金额单位",),
        True,
        "元、万元、美元、万美元",
        "元, 万元, 美元 or 万美元 (yuan, 10k yuan, dollars, 10k dollars)",
    ),
)

COLUMNS_BY_KEY = {c.key: c for c in REPORT_COLUMNS}

# Columns of the clean frame that validation hands to the loader (one row per report line).
CLEAN_COLUMNS: tuple[str, ...] = (
    "source_row",  # int: the row number as the user sees it in Excel (header = row 1)
    "uscc",  # str, 18 chars, upper-case
    "enterprise_name",  # str, stripped
    "region_code",  # str: region.code
    "period",  # int YYYYMM
    "direction",  # "X" (出口) or "M" (进口)
    "category_code",  # str: service_category.code (main or sub-item)
    "mode",  # int 1..4
    "partner_code",  # str: partner.code
    "currency",  # "USD" | "CNY"
    "unit",  # "元" | "万元" | "美元" | "万美元"
    "amount_reported",  # str: the amount exactly as written (normalised number text)
    "amount_orig_minor",  # int: in cents (USD) or fen (CNY), after applying the unit
    "amount_usd_cents",  # int
    "amount_cny_fen",  # int
    "fx_rate",  # str: the CNY-per-USD rate used (exact decimal text)
)

DIRECTIONS = {"X": ("出口", "Exports"), "M": ("进口", "Imports")}
UNITS = {"元": ("CNY", 1), "万元": ("CNY", 10_000), "美元": ("USD", 1), "万美元": ("USD", 10_000)}
