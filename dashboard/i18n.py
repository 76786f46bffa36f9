"""Every user-facing string, in Chinese and English, and the number and period formats.

A missing value (None, NaN, NA, ±inf) always formats as MISSING ("—"), never "nan"/"None".
Amounts arrive in minor units (US cents, CNY fen), as the database stores them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import parse_qs

import pandas as pd

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
MISSING = "—"

# key -> {"zh": ..., "en": ...}; "{name}" placeholders are filled by t(key, lang, name=...).
CATALOGUE: dict[str, dict[str, str]] = {
    "app.title": {"zh": "服务贸易统计监测", "en": "Services Trade Monitor"},
    "lang.zh": {"zh": "中文", "en": "中文"},
    "lang.en": {"zh": "EN", "en": "EN"},
    "shell.lang_switch": {"zh": "界面语言", "en": "Language"},
    # Navigation names, one per page (register_page(..., name_key="nav.…")).
    "nav.home": {"zh": "首页", "en": "Home"},
    "nav.overview": {"zh": "总览", "en": "Overview"},
    "nav.modes": {"zh": "供给模式", "en": "Modes of supply"},
    "nav.sectors": {"zh": "服务领域", "en": "Sectors"},
    "nav.regions": {"zh": "区域", "en": "Regions"},
    "nav.partners": {"zh": "贸易伙伴", "en": "Partners"},
    "nav.targets": {"zh": "目标监测", "en": "Targets"},
    "nav.upload": {"zh": "数据上传", "en": "Upload"},
    # Home page.
    "home.title": {"zh": "数据概况", "en": "What the database holds"},
    "home.lead": {
        "zh": "以下为数据库中当前有效的企业报表（不含已被修订或撤回的版本）。",
        "en": "Current enterprise reports in the database "
        "(revised and withdrawn versions excluded).",
    },
    "home.kpi.periods": {"zh": "数据期间", "en": "Periods covered"},
    "home.kpi.periods_sub": {"zh": "共{n}个月", "en": "{n} months"},
    "home.kpi.enterprises": {"zh": "报送企业", "en": "Reporting enterprises"},
    "home.kpi.enterprises_sub": {"zh": "有当前报表的企业", "en": "with a current report"},
    "home.kpi.reports": {"zh": "当前报表", "en": "Current reports"},
    "home.kpi.reports_sub": {"zh": "企业 × 月份", "en": "enterprise × month"},
    "home.kpi.lines": {"zh": "报表明细行", "en": "Report lines"},
    "home.kpi.lines_sub": {"zh": "当前报表中的明细", "en": "in the current reports"},
    "home.kpi.batches": {"zh": "已入库批次", "en": "Loaded batches"},
    "home.kpi.batches_sub": {"zh": "已上传并入库的文件", "en": "files uploaded and loaded"},
    "home.empty": {"zh": "数据库中尚无数据。", "en": "The database holds no data yet."},
    "home.empty_hint": {
        "zh": "请在命令行加载企业报表文件（xlsx 或 csv）：",
        "en": "Load enterprise report files (xlsx or csv) from the command line:",
    },
    "home.unavailable": {
        "zh": "无法读取数据库，数据库可能尚未初始化。",
        "en": "The database cannot be read; it may not be initialised yet.",
    },
    "home.unavailable_hint": {
        "zh": "请先在命令行初始化数据库：",
        "en": "Initialise it from the command line first:",
    },
    # 404 page.
    "notfound.title": {"zh": "页面不存在", "en": "Page not found"},
    "notfound.body": {
        "zh": "您访问的地址不存在或已移动。",
        "en": "The address you opened does not exist or has moved.",
    },
    "notfound.home": {"zh": "返回首页", "en": "Back to the home page"},
    # Units and number formats ({v} is the formatted number).
    "unit.usd_100m": {"zh": "{v}亿美元", "en": "US$ {v} million"},
    "unit.usd_100m.label": {"zh": "亿美元", "en": "US$ million"},
    "unit.usd_10k": {"zh": "{v}万美元", "en": "US$ {v} thousand"},
    "unit.usd_10k.label": {"zh": "万美元", "en": "US$ thousand"},
    "unit.cny_100m": {"zh": "{v}亿元人民币", "en": "RMB {v} million"},
    "unit.cny_100m.label": {"zh": "亿元人民币", "en": "RMB million"},
    "fmt.pp": {"zh": "{v}个百分点", "en": "{v} percentage points"},
    "fmt.period_range": {"zh": "{a} – {b}", "en": "{a} – {b}"},
}

EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def normalize_lang(lang: object) -> str:
    """'en', 'EN', 'en-GB' -> 'en'; anything else (None, 'zh', 'fr') -> 'zh'."""
    return "en" if str(lang or "").strip().lower().startswith("en") else DEFAULT_LANG


def lang_from_search(search: str | None) -> str | None:
    """The language a URL query asks for ('?lang=en' -> 'en'), or None when it asks none."""
    values = parse_qs((search or "").lstrip("?")).get("lang")
    return normalize_lang(values[0]) if values else None


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The catalogue string for key in lang, with {placeholders} filled from values."""
    text = CATALOGUE[key][normalize_lang(lang)]
    return text.format(**values) if values else text


def is_missing(value: object) -> bool:
    """Whether a value is absent for display: None, NaN, pandas NA/NaT or infinite."""
    if value is None or isinstance(value, str):
        return value is None
    try:
        if pd.isna(value):
            return True
        return not math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):  # arrays and non-numbers
        return False


# ---------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Unit:
    """How an amount in minor units is shown: divisor and decimals per language."""

    per_zh: int
    decimals_zh: int
    per_en: int
    decimals_en: int


UNITS: dict[str, Unit] = {
    # 1 亿美元 = 1e8 USD = 1e10 cents; English shows US$ million (1e8 cents).
    "usd_100m": Unit(per_zh=10**10, decimals_zh=1, per_en=10**8, decimals_en=0),
    "usd_10k": Unit(per_zh=10**6, decimals_zh=1, per_en=10**5, decimals_en=0),
    "cny_100m": Unit(per_zh=10**10, decimals_zh=1, per_en=10**8, decimals_en=0),
}


def to_unit(value: object, unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> float | None:
    """An amount in minor units scaled to the display unit (for chart axes); None if missing."""
    if is_missing(value):
        return None
    spec = UNITS[unit]
    return float(value) / (spec.per_en if normalize_lang(lang) == "en" else spec.per_zh)


def unit_label(unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> str:
    """The unit's name for axis titles and table headers: 亿美元 / US$ million."""
    return t(f"unit.{unit}.label", lang)


def fmt_amount(value: object, unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> str:
    """Minor units as text in the unit: 1234600000000 cents -> '123.5亿美元' (zh)."""
    scaled = to_unit(value, unit, lang)
    if scaled is None:
        return MISSING
    spec = UNITS[unit]
    decimals = spec.decimals_en if normalize_lang(lang) == "en" else spec.decimals_zh
    return t(f"unit.{unit}", lang, v=_number(scaled, decimals))


def fmt_count(value: object) -> str:
    """A whole number with thousands separators: 12345 -> '12,345'."""
    return MISSING if is_missing(value) else f"{int(value):,}"  # type: ignore[arg-type]


def fmt_pct(value: object, digits: int = 1, signed: bool = True) -> str:
    """A ratio as a percentage: 0.1234 -> '+12.3%' (growth); signed=False for shares."""
    if is_missing(value):
        return MISSING
    text = _number(float(value) * 100, digits)  # type: ignore[arg-type]
    return f"{_sign(text) if signed else ''}{text}%"


def fmt_pp(value: object, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A change of share (ratio difference) in points: 0.021 -> '+2.1个百分点'."""
    if is_missing(value):
        return MISSING
    text = _number(float(value) * 100, digits)  # type: ignore[arg-type]
    return t("fmt.pp", lang, v=_sign(text) + text)


def _number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    # Rounding can leave '-0.0'; a zero has no sign.
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def _sign(text: str) -> str:
    return "" if text.startswith("-") or not any(c in "123456789" for c in text) else "+"


# ---------------------------------------------------------------- periods (YYYYMM integers)


def _split(period: object) -> tuple[int, int]:
    year, month = divmod(int(period), 100)  # type: ignore[call-overload]
    if not 1 <= month <= 12:
        raise ValueError(f"not a YYYYMM period: {period!r}")
    return year, month


def fmt_period(period: object, lang: str = DEFAULT_LANG) -> str:
    """201906 -> '2019年6月' / 'Jun 2019'."""
    if is_missing(period):
        return MISSING
    year, month = _split(period)
    if normalize_lang(lang) == "en":
        return f"{EN_MONTHS[month - 1]} {year}"
    return f"{year}年{month}月"


def fmt_ytd(period: object, lang: str = DEFAULT_LANG) -> str:
    """Year to date ending in the period: 201906 -> '2019年1–6月' / 'Jan–Jun 2019'."""
    if is_missing(period):
        return MISSING
    year, month = _split(period)
    if month == 1:
        return fmt_period(period, lang)
    if normalize_lang(lang) == "en":
        return f"Jan–{EN_MONTHS[month - 1]} {year}"
    return f"{year}年1–{month}月"


def fmt_period_range(first: object, last: object, lang: str = DEFAULT_LANG) -> str:
    """201501, 202112 -> '2015年1月 – 2021年12月' / 'Jan 2015 – Dec 2021'."""
    if is_missing(first) or is_missing(last):
        return MISSING
    if int(first) == int(last):  # type: ignore[call-overload]
        return fmt_period(first, lang)
    return t("fmt.period_range", lang, a=fmt_period(first, lang), b=fmt_period(last, lang))
