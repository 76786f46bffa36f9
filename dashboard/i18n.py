"""Language choice, t(), and the number and period formats (strings: dashboard/catalogue/).

A missing value (None, NaN, NA, ±inf) always formats as MISSING ("—"), never "nan"/"None".
Amounts arrive in minor units (US cents, CNY fen), as the database stores them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import parse_qs

import pandas as pd

# key -> {"zh": ..., "en": ...}, merged from dashboard/catalogue/*; "{name}" placeholders are
# filled by t(key, lang, name=...). Re-exported here as i18n.CATALOGUE.
from dashboard.catalogue import CATALOGUE
from etl import numbers

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
MISSING = "—"


EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


def _exact_text(value: object, unit: str, lang: str) -> str | None:
    """Minor units in the unit as exact half-up text (etl.numbers), None if missing."""
    if numbers.protected(value):
        return numbers.CONFIDENTIAL
    if is_missing(value):
        return None
    spec = UNITS[unit]
    en = normalize_lang(lang) == "en"
    per, decimals = (spec.per_en, spec.decimals_en) if en else (spec.per_zh, spec.decimals_zh)
    try:
        minor = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    if minor != value:  # a fractional amount (an average): exact from its decimal repr
        return numbers.decimal_text(numbers._exact(value) / per, decimals)
    return numbers.amount_text(minor, per, decimals)


def fmt_amount(value: object, unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> str:
    """Minor units as text in the unit, exact and half up (etl.numbers, the one formatter every
    output uses): 123_500_000_000 cents -> '12.4亿美元' (zh)."""
    text = _exact_text(value, unit, lang)
    if text == numbers.CONFIDENTIAL:
        return text  # 保密: no unit after a figure that is not shown
    return MISSING if text is None else t(f"unit.{unit}", lang, v=text)


def fmt_count(value: object) -> str:
    """A whole number with thousands separators: 12345 -> '12,345'."""
    return MISSING if is_missing(value) else f"{int(value):,}"  # type: ignore[arg-type]


def fmt_duration(seconds: float, lang: str = DEFAULT_LANG) -> str:
    """How long something has run, whole units down: 40 -> '40 秒', 1380 -> '23 分钟',
    5700 -> '1 小时 35 分钟'."""
    whole = max(int(seconds), 0)
    hours, minutes = divmod(whole // 60, 60)
    if hours:
        return t("fmt.duration.hours", lang, h=hours, m=minutes)
    if minutes:
        return t("fmt.duration.minutes", lang, m=minutes)
    return t("fmt.duration.seconds", lang, s=whole)


def fmt_pct(value: object, digits: int = 1, signed: bool = True) -> str:
    """A ratio as a percentage: 0.1234 -> '+12.3%' (growth); signed=False for shares."""
    if numbers.protected(value):
        return numbers.CONFIDENTIAL
    if is_missing(value):
        return MISSING
    text = _number(float(value) * 100, digits)  # type: ignore[arg-type]
    return f"{_sign(text) if signed else ''}{text}%"


def fmt_pp(value: object, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A change of share (ratio difference) in points: 0.021 -> '+2.1个百分点'."""
    if numbers.protected(value):
        return numbers.CONFIDENTIAL
    if is_missing(value):
        return MISSING
    text = _number(float(value) * 100, digits)  # type: ignore[arg-type]
    return t("fmt.pp", lang, v=_sign(text) + text)


def _number(value: float, decimals: int) -> str:
    # Half up from the shortest decimal repr (etl.numbers); a zero has no sign.
    return numbers.decimal_text(value, decimals)


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


def fmt_circulated_month(period: int, lang: str = DEFAULT_LANG) -> str:
    """A month as leaders read it: February is 1–2月 (202102 -> '2021年1–2月'), any other
    month itself (fmt_period)."""
    return fmt_ytd(period, lang) if period % 100 == 2 else fmt_period(period, lang)


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


def fmt_number(value: object, unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> str:
    """An amount in the unit without the unit's name, for table cells under a unit header."""
    text = _exact_text(value, unit, lang)
    return MISSING if text is None else text


def fmt_window(start: object, end: object, lang: str = DEFAULT_LANG) -> str:
    """A cumulative window: '2021年1–6月' from January, else '2020年7月 – 2021年6月'."""
    if is_missing(start) or is_missing(end):
        return MISSING
    if int(start) == (int(end) // 100) * 100 + 1:  # type: ignore[call-overload]
        return fmt_ytd(end, lang)
    return fmt_period_range(start, end, lang)


def partner_name(code: str, names: dict[str, dict[str, str]], lang: str) -> str:
    """A partner's name in lang: the reference table's, else the catalogue's; never a bare code."""
    lang = normalize_lang(lang)
    known = names.get(lang, {}).get(code)
    if known:
        return known
    key = f"partner.{code}"
    return t(key, lang) if key in CATALOGUE else t("ptn.unknown", lang, code=code)


def window_label(start: int | None, end: int | None, lang: str) -> str:
    """'2021年1–6月' for a year to date, '2020年7月 – 2021年6月' for any other range."""
    return fmt_window(start, end, lang)
