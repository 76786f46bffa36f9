"""The one rendering of figures: exact decimal text, rounded half up, from integer minor units.

Every output (screen, snapshot xlsx/HTML/PDF, CSV/Excel downloads, the CLI) formats amounts and
percentages here, so a figure reads the same wherever it is copied from. Pure.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

HUNDRED_MILLION_USD = 10**10  # 1 亿美元 in US cents


def _exact(value) -> Decimal:
    """An int, Decimal or float as an exact Decimal (a float through its shortest repr)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def decimal_text(value, decimals: int = 1, grouping: bool = True) -> str:
    """A number as text with `decimals` places, half up, thousands separators; no '-0.0'."""
    q = _exact(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    return f"{q:,.{decimals}f}" if grouping else f"{q:.{decimals}f}"


def scaled(minor: int, per: int) -> Decimal:
    """Integer minor units divided exactly by a unit's size (cents -> 亿美元: per = 10**10)."""
    return Decimal(int(minor)) / Decimal(per)


def amount_text(minor: int, per: int = HUNDRED_MILLION_USD, decimals: int = 1) -> str:
    """Integer minor units in a unit, half up: 123_500_000_000 cents -> '12.4' (亿美元)."""
    return decimal_text(scaled(minor, per), decimals)


def percent_text(ratio, decimals: int = 1, signed: bool = False) -> str:
    """A ratio as a percentage, half up: 0.12345 -> '12.3%' ('+12.3%' when signed)."""
    if ratio is None or (isinstance(ratio, float) and not math.isfinite(ratio)):
        return "—"
    text = decimal_text(_exact(ratio) * 100, decimals)
    sign = (
        "+" if signed and not text.startswith("-") and any(c in "123456789" for c in text) else ""
    )
    return f"{sign}{text}%"
