"""Pure: the 绩效评价与考核 scorecard — points per indicator, total and rank per subject.

Indicators are data (seeds/evaluation_indicators.csv): each has a weight (its full points), the
value that scores nothing (`zero_at`) and the value that scores in full (`full_at`). Points are
weight × (value − zero_at) / (full_at − zero_at), clipped to 0..weight, rounded to 0.01 (half up);
a subject without a value for an indicator gets 0 points for it and the row says so. The total is
the sum of the points; subjects are ranked by total, equal totals sharing a rank (1, 2, 2, 4).
Arithmetic is in Decimal so the table adds up exactly.

A protected value (pandas NA: a leader's read of a district whose growth is confidential,
etl.disclosure) earns protected points, so its total is protected and it takes no rank: points
and a rank are functions of the value and would give it away. It is listed after the ranked
subjects, which are ranked among themselves.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from etl import numbers

CENT = Decimal("0.01")


def points(value, weight: Decimal, zero_at: Decimal, full_at: Decimal) -> Decimal:
    """The points one value earns (0 when there is no value, NA when it is protected)."""
    if numbers.protected(value):
        return pd.NA
    if value is None or (not isinstance(value, Decimal) and pd.isna(value)):
        return Decimal(0).quantize(CENT)
    share = (Decimal(str(value)) - zero_at) / (full_at - zero_at)
    share = min(max(share, Decimal(0)), Decimal(1))
    return (Decimal(weight) * share).quantize(CENT, rounding=ROUND_HALF_UP)


def scorecard(indicators: pd.DataFrame, values: pd.DataFrame, subjects: list[str]) -> pd.DataFrame:
    """One row per subject: value and points of each indicator, total, rank (best first).

    indicators: code, weight, zero_at, full_at, sort_order (one subject kind);
    values: subject, indicator, value (missing pairs mean no data).
    """
    order = indicators.sort_values("sort_order")
    given = {(r.subject, r.indicator): r.value for r in values.itertuples(index=False)}
    rows = []
    for subject in subjects:
        row: dict = {"subject": subject}
        total = Decimal(0).quantize(CENT)
        for ind in order.itertuples(index=False):
            value = given.get((subject, ind.code))
            earned = points(value, ind.weight, ind.zero_at, ind.full_at)
            row[f"{ind.code}.value"] = value
            row[f"{ind.code}.points"] = earned
            total = pd.NA if numbers.protected(earned) else total + earned
        row["total"] = total
        rows.append(row)
    frame = pd.DataFrame(rows, dtype=object)  # values stay None or Decimal, never NaN
    if frame.empty:
        return pd.DataFrame(columns=["subject", "total", "rank"])
    known = [t for t in frame["total"] if not numbers.protected(t)]
    frame["rank"] = [
        pd.NA if numbers.protected(t) else 1 + sum(1 for o in known if o > t)
        for t in frame["total"]
    ]
    order = sorted(
        range(len(frame)),
        key=lambda i: (
            numbers.protected(frame["rank"][i]),
            _rank_key(frame["rank"][i]),
            frame["subject"][i],
        ),
    )
    return frame.iloc[order].reset_index(drop=True)


def _rank_key(rank) -> int:
    return 0 if numbers.protected(rank) else int(rank)
