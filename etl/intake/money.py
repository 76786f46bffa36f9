"""Exact money: amount text -> Decimal -> integer cents/fen, converted at a Decimal rate, half-even."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext

import numpy as np
import pandas as pd

from etl.coded import Coded

LIMIT_USD_CENTS = 100_000_000_000 * 100  # US$ 100 bn per line: beyond any real line, a unit slip
MAX_TEXT = 40  # report_line.amount_reported is VARCHAR(40)
_PRECISION = 60  # digits: every product/quotient below is exact before the single final rounding

PLAIN_AMOUNT = re.compile(
    r"[0-9]{1,12}(?:\.[0-9]{1,6})?"
)  # the usual cell: exact in int64 micro-units
# ASCII digits only (full-width ones are ASCII after NFKC): \d would also take Arabic-Indic,
# Devanagari and other scripts' digits, which nobody types in a report by intent.
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$", re.ASCII)
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$", re.ASCII)  # 1,234,567.89 only
_NOT_FINITE = re.compile(r"^[+-]?(?:s?nan|inf|infinity)$", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedAmount:
    """An amount cell: the text to store, its exact value, or why it is unusable."""

    text: str  # trimmed, NFKC, thousands separators removed
    value: Decimal | None
    problem: str | None  # an issue code, or None


@dataclass(frozen=True)
class Conversion:
    """One amount in minor units of its own currency, of USD and of CNY."""

    orig_minor: int
    usd_cents: int
    cny_fen: int
    rounded: bool  # the amount had more precision than a cent/fen
    too_large: bool


def parse_amount(raw: str) -> ParsedAmount:
    """Parse amount text exactly; separators must be real thousands groups (so 1,5 is rejected)."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if len(text) > MAX_TEXT:
        return ParsedAmount(text, None, "amount_too_long")
    if _NOT_FINITE.match(text):
        return ParsedAmount(text, None, "amount_not_finite")
    if not _NUMBER.match(text):
        return ParsedAmount(text, None, "amount_not_number")
    try:
        value = Decimal(text)
    except InvalidOperation:  # the pattern should prevent this; stay safe on odd input
        return ParsedAmount(text, None, "amount_not_number")
    if value.is_signed():  # "-0" too: a minus sign on a zero is a slip, not an amount
        return ParsedAmount(text, value, "amount_negative")
    return ParsedAmount(text, value, None)


def classify_amount(text: str) -> tuple[str | None, str]:
    """(issue code or None, text to store); plain decimals answer without parsing."""
    if PLAIN_AMOUNT.fullmatch(text):
        return None, text
    parsed = parse_amount(text)
    return parsed.problem, parsed.text


def half_even(x: Decimal) -> int:
    """Round to an integer, ties to even (bankers' rounding, as statistical offices do)."""
    return int(x.to_integral_value(rounding=ROUND_HALF_EVEN))


def convert(value: Decimal, multiplier: int, currency: str, rate: Decimal) -> Conversion:
    """Amount in its unit -> minor units; the other currency at rate CNY per USD, half-even."""
    if value.adjusted() > 15:  # ≥ 10^16 in any unit is far over the limit; skip the arithmetic
        return Conversion(0, 0, 0, False, True)
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        exact = value * multiplier * 100
        orig = half_even(exact)
        if currency == "USD":
            usd, cny = orig, half_even(orig * rate)
        else:
            usd, cny = half_even(orig / rate), orig
    return Conversion(orig, usd, cny, orig != exact, usd > LIMIT_USD_CENTS)


# ---------------------------------------------------------------- many amounts at once

_INT64_SAFE = 2**62


@dataclass
class Converted:
    """Exact conversions for an array of amounts (int64 minor units; 0 where too large)."""

    orig_minor: np.ndarray
    usd_cents: np.ndarray
    cny_fen: np.ndarray
    rounded: np.ndarray  # bool
    too_large: np.ndarray  # bool


def _micro(text: str) -> int:
    """A plain decimal × 10^6 as an integer (exact); -1 for any other text."""
    if not PLAIN_AMOUNT.fullmatch(text):
        return -1
    whole, _, frac = text.partition(".")
    return int(whole) * 1_000_000 + int(frac.ljust(6, "0"))


def _half_even_div(num: np.ndarray, den: np.ndarray | int) -> np.ndarray:
    """num / den rounded half to even, for non-negative int64 (exact integer arithmetic)."""
    q, r = np.divmod(num, den)
    twice = 2 * r
    return q + ((twice > den) | ((twice == den) & (q % 2 == 1)))


def _rate_parts(rate: Decimal) -> tuple[int, int]:
    """A positive rate as integers (R, P) with rate = R / P, P a power of ten."""
    _, digits, exponent = rate.as_tuple()
    r = int("".join(map(str, digits)))
    return (r * 10**exponent, 1) if exponent >= 0 else (r, 10**-exponent)


def convert_many(
    amount: Coded, multiplier: np.ndarray, is_usd: np.ndarray, rate: Coded
) -> Converted:
    """Convert many valid amounts (normalised text) at their rates (Decimal), exactly.

    Plain decimals go through vectorised int64 arithmetic, guarded against overflow; anything
    else, or anything a guard rejects, goes through Decimal once per distinct (amount,
    multiplier, currency, rate). Both paths give identical results (tested).
    """
    n = len(amount.codes)
    out = Converted(
        *(np.zeros(n, dtype=np.int64) for _ in range(3)),
        np.zeros(n, dtype=bool),
        np.zeros(n, dtype=bool),
    )
    micro = amount.per_row(_micro, -1, np.int64)
    plain = micro >= 0
    parts = [_rate_parts(r) for r in rate.labels]
    r_int = np.array([p[0] if p[0] < _INT64_SAFE else 0 for p in parts] + [0], dtype=np.int64)
    r_pow = np.array([p[1] if p[1] < _INT64_SAFE else 0 for p in parts] + [0], dtype=np.int64)
    done = _convert_plain(
        micro, multiplier.astype(np.int64), is_usd, r_int[rate.codes], r_pow[rate.codes], plain, out
    )
    rest = np.flatnonzero(~done)
    if rest.size:
        _convert_decimal(
            amount.take(rest), multiplier[rest], is_usd[rest], rate.take(rest), out, rest
        )
    return out


def _convert_plain(
    micro: np.ndarray,
    mult: np.ndarray,
    is_usd: np.ndarray,
    r_int: np.ndarray,
    r_pow: np.ndarray,
    plain: np.ndarray,
    out: Converted,
) -> np.ndarray:
    """Integer path on the rows it can do exactly; returns those rows' mask."""
    g = np.gcd(mult, 10_000)  # minor = micro × mult × 100 / 10^6 = micro × (mult/g) / (10^4/g)
    factor, den = mult // g, 10_000 // g
    safe = plain & (r_int > 0) & (r_pow > 0) & (micro <= _INT64_SAFE // factor)
    num = np.where(safe, micro, 0) * factor
    orig = _half_even_div(num, den)
    r_int, r_pow = np.where(safe, r_int, 1), np.where(safe, r_pow, 1)
    safe &= np.where(is_usd, orig <= _INT64_SAFE // r_int, orig <= _INT64_SAFE // r_pow)
    # each product is formed only on the rows its guard covers (the others are zeroed)
    orig_usd, orig_cny = np.where(safe & is_usd, orig, 0), np.where(safe & ~is_usd, orig, 0)
    cny = np.where(is_usd, _half_even_div(orig_usd * r_int, r_pow), orig)
    usd = np.where(is_usd, orig, _half_even_div(orig_cny * r_pow, r_int))
    too_large = safe & (usd > LIMIT_USD_CENTS)
    keep = safe & ~too_large  # like the Decimal path: no amounts on too-large lines
    out.orig_minor[keep], out.usd_cents[keep], out.cny_fen[keep] = orig[keep], usd[keep], cny[keep]
    out.rounded[keep] = (num % den != 0)[keep]
    out.too_large[too_large] = True
    return safe


def _convert_decimal(
    amount: Coded,
    multiplier: np.ndarray,
    is_usd: np.ndarray,
    rate: Coded,
    out: Converted,
    where: np.ndarray,
) -> None:
    """Decimal path, once per distinct (amount, multiplier, currency, rate)."""
    keys = pd.DataFrame({"a": amount.codes, "m": multiplier, "u": is_usd, "r": rate.codes})
    group = keys.groupby(["a", "m", "u", "r"], sort=False).ngroup().to_numpy()
    _, first = np.unique(group, return_index=True)
    conv = [
        convert(
            Decimal(amount.labels[amount.codes[i]]),
            int(multiplier[i]),
            "USD" if is_usd[i] else "CNY",
            rate.labels[rate.codes[i]],
        )
        for i in first
    ]
    for name in ("orig_minor", "usd_cents", "cny_fen"):
        values = np.array([0 if c.too_large else getattr(c, name) for c in conv], dtype=np.int64)
        getattr(out, name)[where] = values[group]
    out.rounded[where] = np.array([c.rounded and not c.too_large for c in conv])[group]
    out.too_large[where] = np.array([c.too_large for c in conv])[group]
