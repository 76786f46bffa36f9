"""The string catalogue and the number/period formats, in both languages, with missing values."""

from __future__ import annotations

import math
import string
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from dashboard import i18n
from dashboard.i18n import MISSING

# pandas NA is not missing: it is how the query layer hides a protected figure (reads C)
MISSING_VALUES = [None, float("nan"), np.nan, pd.NaT, Decimal("NaN"), math.inf, -np.inf]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.CATALOGUE))
def test_every_key_has_both_languages(key: str) -> None:
    entry = i18n.CATALOGUE[key]
    assert set(entry) == set(i18n.LANGS)
    assert all(entry[lang].strip() for lang in i18n.LANGS)
    assert _fields(entry["zh"]) == _fields(entry["en"]), "placeholders differ between languages"


def test_t_fills_placeholders_and_defaults_to_chinese() -> None:
    assert i18n.t("app.title") == "服务贸易统计监测"
    assert i18n.t("app.title", "en") == "Services Trade Monitor"
    assert i18n.t("home.kpi.periods_sub", "zh", n=84) == "共84个月"
    assert i18n.t("nav.home", "fr") == "首页"


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        i18n.t("no.such.key")


@pytest.mark.parametrize(
    "given,expected",
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-GB", "en"),
        ("zh", "zh"),
        ("zh-CN", "zh"),
        (None, "zh"),
        ("", "zh"),
        ("fr", "zh"),
    ],
)
def test_normalize_lang(given, expected) -> None:
    assert i18n.normalize_lang(given) == expected


@pytest.mark.parametrize(
    "search,expected",
    [
        ("?lang=en", "en"),
        ("?x=1&lang=zh", "zh"),
        ("lang=EN", "en"),
        ("?x=1", None),
        ("", None),
        (None, None),
    ],
)
def test_lang_from_search(search, expected) -> None:
    assert i18n.lang_from_search(search) == expected


@pytest.mark.parametrize(
    "value,unit,lang,expected",
    [
        (1_234_600_000_000, "usd_100m", "zh", "123.5亿美元"),
        (1_234_600_000_000, "usd_100m", "en", "US$ 12,346 million"),
        (123_456_789_000_000, "usd_100m", "zh", "12,345.7亿美元"),
        (0, "usd_100m", "zh", "0.0亿美元"),
        (-1_000_000, "usd_100m", "zh", "0.0亿美元"),  # rounds to zero: no '-0.0'
        (-25_000_000_000, "usd_100m", "zh", "-2.5亿美元"),
        (123_456_000, "usd_10k", "zh", "123.5万美元"),
        (123_456_000, "usd_10k", "en", "US$ 1,235 thousand"),
        (9_876_400_000_000, "cny_100m", "zh", "987.6亿元人民币"),
        (9_876_400_000_000, "cny_100m", "en", "RMB 98,764 million"),
        (np.int64(10**10), "usd_100m", "zh", "1.0亿美元"),
    ],
)
def test_fmt_amount(value, unit, lang, expected) -> None:
    assert i18n.fmt_amount(value, unit, lang) == expected


def test_protected_figures_read_C_not_a_dash() -> None:
    """A protected figure (pandas NA, etl.disclosure) reads C in every figure formatter."""
    outputs = [
        i18n.fmt_amount(pd.NA),
        i18n.fmt_amount(pd.NA, "usd_10k", "en"),
        i18n.fmt_pct(pd.NA),
        i18n.fmt_pp(pd.NA),
    ]
    assert outputs == ["C"] * len(outputs)
    assert i18n.to_unit(pd.NA) is None  # a gap in a chart


@pytest.mark.parametrize("value", MISSING_VALUES)
def test_missing_values_show_a_dash(value) -> None:
    outputs = [
        i18n.fmt_amount(value),
        i18n.fmt_amount(value, "usd_10k", "en"),
        i18n.fmt_count(value),
        i18n.fmt_pct(value),
        i18n.fmt_pp(value),
        i18n.fmt_pp(value, "en"),
        i18n.fmt_period(value),
        i18n.fmt_ytd(value, "en"),
        i18n.fmt_period_range(value, 202112),
    ]
    assert outputs == [MISSING] * len(outputs)
    assert i18n.to_unit(value) is None


@pytest.mark.parametrize(
    "value,expected",
    [
        (0.1234, "+12.3%"),
        (-0.05, "-5.0%"),
        (0, "0.0%"),
        (-0.0001, "0.0%"),
        (1.5, "+150.0%"),
        (12.3456, "+1,234.6%"),
    ],
)
def test_fmt_pct_growth(value, expected) -> None:
    assert i18n.fmt_pct(value) == expected


def test_fmt_pct_share_is_unsigned() -> None:
    assert i18n.fmt_pct(0.234, signed=False) == "23.4%"
    assert i18n.fmt_pct(0.23456, digits=2, signed=False) == "23.46%"


@pytest.mark.parametrize(
    "value,lang,expected",
    [
        (0.021, "zh", "+2.1个百分点"),
        (-0.005, "zh", "-0.5个百分点"),
        (0.0, "zh", "0.0个百分点"),
        (0.021, "en", "+2.1 percentage points"),
    ],
)
def test_fmt_pp(value, lang, expected) -> None:
    assert i18n.fmt_pp(value, lang) == expected


@pytest.mark.parametrize("value,expected", [(0, "0"), (1234567, "1,234,567"), (12.0, "12")])
def test_fmt_count(value, expected) -> None:
    assert i18n.fmt_count(value) == expected


@pytest.mark.parametrize(
    "period,zh,en",
    [
        (201906, "2019年6月", "Jun 2019"),
        (202112, "2021年12月", "Dec 2021"),
        (201501, "2015年1月", "Jan 2015"),
        (np.int64(201906), "2019年6月", "Jun 2019"),
    ],
)
def test_fmt_period(period, zh, en) -> None:
    assert (i18n.fmt_period(period, "zh"), i18n.fmt_period(period, "en")) == (zh, en)


@pytest.mark.parametrize(
    "period,zh,en",
    [
        (201906, "2019年1–6月", "Jan–Jun 2019"),
        (202112, "2021年1–12月", "Jan–Dec 2021"),
        (201901, "2019年1月", "Jan 2019"),
    ],
)
def test_fmt_ytd(period, zh, en) -> None:
    assert (i18n.fmt_ytd(period, "zh"), i18n.fmt_ytd(period, "en")) == (zh, en)


def test_fmt_period_range() -> None:
    assert i18n.fmt_period_range(201501, 202112) == "2015年1月 – 2021年12月"
    assert i18n.fmt_period_range(201501, 202112, "en") == "Jan 2015 – Dec 2021"
    assert i18n.fmt_period_range(201906, 201906, "en") == "Jun 2019"


@pytest.mark.parametrize("bad", [201913, 201900, 2019])
def test_impossible_period_is_an_error(bad) -> None:
    with pytest.raises(ValueError):
        i18n.fmt_period(bad)


def test_units_scale_for_charts() -> None:
    assert i18n.to_unit(1_234_500_000_000, "usd_100m", "zh") == pytest.approx(123.45)
    assert i18n.to_unit(1_234_500_000_000, "usd_100m", "en") == pytest.approx(12345.0)
    assert i18n.unit_label("usd_100m", "zh") == "亿美元"
    assert i18n.unit_label("cny_100m", "en") == "RMB million"


def test_no_formatter_emits_nan_or_none() -> None:
    values = [None, np.nan, 0, 1, -1, 10**12]
    texts = [
        f(v) for v in values for f in (i18n.fmt_amount, i18n.fmt_count, i18n.fmt_pct, i18n.fmt_pp)
    ]
    assert not any(bad in text for text in texts for bad in ("nan", "NaN", "None", "inf"))


@pytest.mark.parametrize(
    "seconds,lang,expected",
    [
        (0, "zh", "0 秒"),
        (59.9, "zh", "59 秒"),
        (60, "zh", "1 分钟"),
        (1380, "zh", "23 分钟"),
        (5700, "zh", "1 小时 35 分钟"),
        (7200, "en", "2 h 0 min"),
        (1380, "en", "23 min"),
        (-3, "en", "0 s"),  # a clock set back reads no time, never a negative one
    ],
)
def test_fmt_duration(seconds, lang, expected) -> None:
    assert i18n.fmt_duration(seconds, lang) == expected
