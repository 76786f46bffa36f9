"""Exact money: CNY at the annual rate, half-even ties, the text kept, the integer fast path."""

from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.coded import Coded
from etl.intake import money
from etl.intake.schemas import UNITS
from tests.unit.validate.cases import (
    frame,
    line,
    validate,
)


def test_cny_in_wanyuan_converts_exactly_at_the_annual_rate():
    """1234.56 万元 in 2018 at NBS 6.6174: fen exact, USD cents half-even."""
    row = validate(frame(line(amount="1234.56", currency="CNY", unit="万元", period="2018-06")))
    clean = row.clean.iloc[0]
    assert clean["amount_orig_minor"] == 1_234_560_000 == clean["amount_cny_fen"]
    expected = (Decimal(1_234_560_000) / Decimal("6.6174")).quantize(1, ROUND_HALF_EVEN)
    assert clean["amount_usd_cents"] == int(expected) == 186_562_698
    assert clean["fx_rate"] == "6.6174" and clean["amount_reported"] == "1234.56"


@pytest.mark.parametrize(("amount", "cny_fen"), [("10", 6898), ("30", 20696)])
def test_half_even_ties_round_to_even(amount, cny_fen):
    """US$10 × 6.8985 = 6898.5 fen → 6898; US$30 → 20695.5 → 20696."""
    clean = validate(frame(line(amount=amount, unit="美元"))).clean.iloc[0]
    assert clean["amount_usd_cents"] == int(amount) * 100
    assert clean["amount_cny_fen"] == cny_fen


@pytest.mark.parametrize(
    ("written", "reported", "orig"),
    [
        ("1,234.5", "1234.5", 123_450),
        (" 12 ", "12", 1_200),
        ("１２３.４", "123.4", 12_340),
        ("1.5E+3", "1.5E+3", 150_000),
        ("0.005", "0.005", 0),
        ("0.015", "0.015", 2),
        ("1,234,567.891", "1234567.891", 123_456_789),
    ],
)
def test_amount_text_kept_and_parsed_exactly(written, reported, orig):
    result = validate(frame(line(amount=written, unit="元", currency="CNY")))
    clean = result.clean.iloc[0]
    assert clean["amount_reported"] == reported and clean["amount_orig_minor"] == orig
    rounded = Decimal(reported) * 100 != orig
    assert ("amount_rounded" in result.counts_by_code) == rounded


_RATES = ["6.8985", "7.0467", "6.5", "6.12345678", "7"]


@settings(max_examples=300, deadline=None)
@given(
    whole=st.integers(0, 10**12 - 1),
    frac=st.text("0123456789", max_size=6),
    unit=st.sampled_from(list(UNITS)),
    rate=st.sampled_from(_RATES),
)
def test_integer_fast_path_equals_decimal_path(whole, frac, unit, rate):
    text = f"{whole}.{frac}" if frac else str(whole)
    currency, mult = UNITS[unit]
    conv = money.convert_many(
        Coded(np.array([0]), np.array([text], dtype=object)),
        np.array([mult]),
        np.array([currency == "USD"]),
        Coded(np.array([0]), np.array([Decimal(rate)], dtype=object)),
    )
    exact = money.convert(Decimal(text), mult, currency, Decimal(rate))
    zero = exact.too_large  # neither path stores amounts for a too-large line
    assert (int(conv.orig_minor[0]), int(conv.usd_cents[0]), int(conv.cny_fen[0])) == (
        (0, 0, 0) if zero else (exact.orig_minor, exact.usd_cents, exact.cny_fen)
    )
    assert bool(conv.too_large[0]) == exact.too_large
    assert bool(conv.rounded[0]) == (exact.rounded and not zero)


def test_plain_amounts_never_touch_decimal(monkeypatch):
    """The vectorised path really handles ordinary amounts (Decimal only for the odd ones)."""

    def boom(*args):
        raise AssertionError("Decimal path used")

    monkeypatch.setattr(money, "convert", boom)
    result = validate(frame(line(), line(partner="JP", amount="7.25", currency="CNY", unit="万元")))
    assert result.ok and list(result.clean["amount_orig_minor"]) == [120_500_000, 7_250_000]
