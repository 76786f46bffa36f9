"""The cumulative path of an amount window: actual so far, the path needed, and the projection band.

The path needed spreads the required total over the window's months with the seasonal shape of the
12 months before (their cumulative share), so for a growth window it is the same months a year
earlier × (1 + t); without a usable year before, the spread is even. The projection continues from
the last reported month to the projected total (central, low, high) along the same shape.
"""

from __future__ import annotations

import pandas as pd

from etl.numbers import protected
from etl.periods import add_months, month_range
from etl.targets.compute import Evaluation

AMOUNT_KINDS = ("growth", "avg_growth", "level")
PATH_COLUMNS = [
    "period",
    "actual",
    "needed",
    "base",
    "projection",
    "projection_low",
    "projection_high",
]


def window_span(ev: Evaluation) -> list[int]:
    """The months evaluate() judges: the window, or its last 12 months for an average."""
    span = month_range(ev.window.start, ev.window.end)
    return span[-12:] if ev.window.kind == "avg_growth" else span


def cumulative_path(ev: Evaluation, measure: pd.Series, as_of: int) -> pd.DataFrame:
    """One row per month of the window with cumulative actual, needed, base and projection."""
    if ev.window.kind not in AMOUNT_KINDS:
        raise ValueError(f"no cumulative path for a {ev.window.kind} window")
    span = window_span(ev)
    base_months = [add_months(p, -12) for p in span]
    base = measure.reindex(base_months).astype("float64")
    base_cum = base.fillna(0).cumsum().to_numpy()
    has_base = base.notna().all() and base_cum[-1] > 0
    shape = (
        base_cum / base_cum[-1]
        if has_base
        else pd.Series(range(1, len(span) + 1)).to_numpy() / len(span)
    )
    out = pd.DataFrame({"period": span})
    out["base"] = base_cum if has_base else float("nan")
    out["needed"] = shape * ev.required if ev.required is not None else float("nan")
    reported = [p for p in span if p <= as_of and p in measure.index]
    out["actual"] = float("nan")
    if reported:
        last = span.index(reported[-1])
        out["actual"] = _cumulative([measure.get(p, 0) for p in span[: last + 1]], len(span))
    for col in ("projection", "projection_low", "projection_high"):
        out[col] = float("nan")
    known = reported and not protected(out.loc[last, "actual"])
    if known and ev.projection is not None and len(reported) < len(span):
        done, s_r = out.loc[last, "actual"], shape[last]
        rest = slice(last, None)
        # months left with nothing a year earlier: the projected rest arrives in the last month
        progress = (
            (shape[rest] - s_r) / (1 - s_r) if s_r < 1 else [0.0] * (len(span) - last - 1) + [1.0]
        )
        for col, total in (
            ("projection", ev.projection),
            ("projection_low", ev.projection_low),
            ("projection_high", ev.projection_high),
        ):
            out.loc[last:, col] = done + (total - done) * pd.Series(progress).to_numpy()
    return out[PATH_COLUMNS]


def _cumulative(amounts: list, months: int) -> pd.Series:
    """Running totals of monthly amounts (a month without data adds zero), NaN for the months
    after them; from a protected month on (pandas NA, etl.disclosure) the total is protected
    too — never a partial sum."""
    out: list = []
    running = 0.0
    for amount in amounts:
        running = pd.NA if running is pd.NA or protected(amount) else running + float(amount)
        out.append(running)
    values = out + [float("nan")] * (months - len(out))
    return pd.Series(values, dtype=object if running is pd.NA else "float64")
