"""Money: amount problems, FX availability, and the exact conversion of every usable amount, per row."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from etl.coded import Coded
from etl.intake.money import Converted, classify_amount, convert_many
from etl.intake.schemas import UNITS
from etl.intake.validate.cells import _log_bad, _positions
from etl.intake.validate.issues import IssueLog
from etl.periods import format_period
from etl.reference import ReferenceCodes


@dataclass
class Amounts:
    """Per row: the amount as stored, the rate used and the exact conversions (0 where unusable)."""

    reported: Coded
    rate: Coded  # Decimal CNY per USD
    amount_orig_minor: np.ndarray
    amount_usd_cents: np.ndarray
    amount_cny_fen: np.ndarray
    ok: np.ndarray  # converted and within limits

    @classmethod
    def empty(cls, n: int, reported: Coded, rate: Coded) -> Amounts:
        """No row converted yet."""
        return cls(
            reported,
            rate,
            *(np.zeros(n, dtype=np.int64) for _ in range(3)),
            np.zeros(n, dtype=bool),
        )

    def fill(self, positions: np.ndarray, conv: Converted) -> None:
        """Store the conversions of the rows at positions."""
        self.amount_orig_minor[positions] = conv.orig_minor
        self.amount_usd_cents[positions] = conv.usd_cents
        self.amount_cny_fen[positions] = conv.cny_fen
        self.ok[positions] = ~conv.too_large


def _check_amounts(
    text: Coded, values: dict[str, Coded], col: dict[str, str], ref: ReferenceCodes, log: IssueLog
) -> Amounts:
    """Amount problems, FX availability, and exact conversion of every usable amount."""
    classified = [classify_amount(t) for t in text.labels]  # one pass over distinct amounts
    problem = np.array([c[0] for c in classified] + [None], dtype=object)[text.codes]
    reported = Coded(text.codes, np.array([c[1] for c in classified], dtype=object))
    for code in ("amount_not_number", "amount_too_long", "amount_not_finite", "amount_negative"):
        _log_bad(log, code, problem == code, col["amount"], text)
    rate = values["period"].map(ref.rate_for)
    _log_bad(
        log,
        "no_fx_rate",
        values["period"].ok & ~rate.ok,
        col["period"],
        values["period"].relabel(format_period),
        period=values["period"].per_row(format_period, ""),
    )
    unit = values["unit"]
    usable = (
        text.ok
        & np.array([p is None for p in problem], dtype=bool)
        & unit.ok
        & values["currency"].ok
        & rate.ok
    )
    pos = _positions(usable)
    conv = convert_many(
        reported.take(pos),
        unit.per_row(lambda u: UNITS[u][1], 0, np.int64)[pos],
        unit.per_row(lambda u: UNITS[u][0] == "USD", False, bool)[pos],
        rate.take(pos),
    )
    amounts = Amounts.empty(len(text.codes), reported, rate)
    amounts.fill(pos, conv)
    log.add(
        "amount_too_large", pos[conv.too_large], col["amount"], text.values(pos[conv.too_large])
    )
    hit = pos[conv.rounded]
    log.add(
        "amount_rounded",
        hit,
        col["amount"],
        text.values(hit),
        orig=conv.orig_minor[conv.rounded],
        unit=unit.values(hit),
        detail=lambda f: {
            "rounded": str(Decimal(int(f["orig"])).scaleb(-2)),
            "unit_zh": "美元" if UNITS[f["unit"]][0] == "USD" else "元",
            "unit_en": UNITS[f["unit"]][0],
        },
    )
    return amounts
