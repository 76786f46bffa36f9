"""The one rendering of figures: exact decimal text, rounded half up, from integer minor units.

Every output (screen, snapshot xlsx/HTML/PDF, CSV/Excel downloads, the CLI) formats amounts and
percentages here, so a figure reads the same wherever it is copied from. Pure.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

HUNDRED_MILLION_USD = 10**10  # 1 亿美元 in US cents
CONFIDENTIAL = "C"  # a protected figure (保密, etl.disclosure), in every output


def protected(value) -> bool:
    """Whether a figure is protected: pandas NA is how the query layer hides it."""
    return type(value).__name__ == "NAType"


def nonzero(value) -> bool:
    """Whether a figure holds an amount: protected figures do (zero is never protected)."""
    if protected(value):
        return True
    return bool(value) and value == value  # NaN is no amount


def any_amount(values) -> bool:
    """Whether any of the figures holds an amount: a protected one does (a view whose figures
    are all C has data, confidential; it is not "no data")."""
    return any(nonzero(v) for v in values)


def _exact(value) -> Decimal:
    """An int, Decimal or float as an exact Decimal (a float through its shortest repr)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def decimal_text(value, decimals: int = 1, grouping: bool = True) -> str:
    """A number as text with `decimals` places, half up, thousands separators; no '-0.0'."""
    if protected(value):
        return CONFIDENTIAL
    q = _exact(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    return f"{q:,.{decimals}f}" if grouping else f"{q:.{decimals}f}"


def scaled(minor: int, per: int) -> Decimal:
    """Integer minor units divided exactly by a unit's size (cents -> 亿美元: per = 10**10);
    a protected figure stays protected (NA)."""
    if protected(minor):
        return minor
    return Decimal(int(minor)) / Decimal(per)


def amount_text(minor: int, per: int = HUNDRED_MILLION_USD, decimals: int = 1) -> str:
    """Integer minor units in a unit, half up: 123_500_000_000 cents -> '12.4' (亿美元)."""
    if protected(minor):
        return CONFIDENTIAL
    return decimal_text(scaled(minor, per), decimals)


def percent_text(ratio, decimals: int = 1, signed: bool = False) -> str:
    """A ratio as a percentage, half up: 0.12345 -> '12.3%' ('+12.3%' when signed)."""
    if protected(ratio):
        return CONFIDENTIAL
    if ratio is None or (isinstance(ratio, float) and not math.isfinite(ratio)):
        return "—"
    text = decimal_text(_exact(ratio) * 100, decimals)
    sign = (
        "+" if signed and not text.startswith("-") and any(c in "123456789" for c in text) else ""
    )
    return f"{sign}{text}%"
