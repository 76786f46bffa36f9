"""The synthetic sample's calibrated scenario, in US dollars on the BOP basis: what the tests read
to check the calibration that etl.sample.generate makes (Tianjin's pilot years, 两江新区 2017)."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from etl.intake.schemas import UNITS
from etl.periods import month_range
from etl.reference import ReferenceCodes
from etl.sample import profiles as P
from etl.sample.generate import H


def usd_value(frame: pd.DataFrame, ref: ReferenceCodes) -> pd.Series:
    """US dollars of each generated row, in Decimal: amount × unit, divided by the CNY rate if CNY."""
    cache: dict[tuple[str, str, str], tuple[Decimal, Decimal]] = {}
    out = []
    for amount, cur, unit, period in zip(
        frame[H["amount"]], frame[H["currency"]], frame[H["unit"]], frame[H["period"]], strict=True
    ):
        key = (cur, unit, period)
        if key not in cache:
            rate = Decimal(1)
            if cur == "CNY":
                rate = ref.rate_for(int(period[:4]) * 100 + int(period[5:7]))
                if rate is None:
                    raise ValueError(f"no CNY/USD rate for {period}")
            cache[key] = (Decimal(UNITS[unit][1]), rate)
        mult, rate = cache[key]
        out.append(Decimal(amount) * mult / rate)
    return pd.Series(out, index=frame.index, dtype=object, name="usd")


def bop_total(
    frame: pd.DataFrame, ref: ReferenceCodes, region: str, start: int, end: int
) -> Decimal:
    """Exports + imports in USD on the BOP basis (modes in ref.modes_in_bop) for a region and
    everything below it, over periods start..end (YYYYMM)."""
    names = {ref.regions[c] for c in ref.region_descendants(region)}
    periods = {f"{p // 100:04d}-{p % 100:02d}" for p in month_range(start, end)}
    modes = {str(m) for m in ref.modes_in_bop}
    rows = frame[
        frame[H["region"]].isin(names)
        & frame[H["period"]].isin(periods)
        & frame[H["mode"]].isin(modes)
    ]
    return sum(usd_value(rows, ref), Decimal(0))


def scenario_totals(frame: pd.DataFrame, ref: ReferenceCodes) -> dict[str, Decimal]:
    """The calibrated scenario: Tianjin pilot years (Jul–Jun) and 两江新区 2017, USD, BOP basis."""
    out = {
        "tj_base": bop_total(frame, ref, P.TIANJIN, 201707, 201806),
        "tj_pilot1": bop_total(frame, ref, P.TIANJIN, 201807, 201906),
        "tj_pilot2": bop_total(frame, ref, P.TIANJIN, 201907, 202006),
        "lj_2017": bop_total(frame, ref, P.LIANGJIANG, 201701, 201712),
    }
    out["tj_growth1"] = out["tj_pilot1"] / out["tj_base"] - 1
    out["tj_growth2"] = out["tj_pilot2"] / out["tj_pilot1"] - 1
    return out
