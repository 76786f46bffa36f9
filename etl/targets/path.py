"""The cumulative path of an amount window: actual so far, the path needed, and the projection band.

The path needed spreads the required total over the window's months with the seasonal shape of the
12 months before (their cumulative share), so for a growth window it is the same months a year
earlier × (1 + t); without a usable year before, the spread is even. The projection continues from
the last reported month to the projected total (central, low, high) along the same shape.
"""

from __future__ import annotations

import pandas as pd

from etl.disclosure.spans import Months, as_months
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


def cumulative_path(ev: Evaluation, measure: pd.Series | Months, as_of: int) -> pd.DataFrame:
    """One row per month of the window with cumulative actual, needed, base and projection.

    A cumulative figure the circulated reader's published cells do not fix is NA (a gap, "C");
    the seasonal shape bridges such a month by a straight line between the figures it knows."""
    if ev.window.kind not in AMOUNT_KINDS:
        raise ValueError(f"no cumulative path for a {ev.window.kind} window")
    measure = as_months(measure)
    span = window_span(ev)
    base_months = [add_months(p, -12) for p in span]
    base = _running(measure, base_months)
    has_base = all(p in measure.index for p in base_months) and _positive(base.iloc[-1])
    known_base = base.astype("Float64").interpolate(limit_direction="both")
    shape = (
        (known_base / known_base.iloc[-1]).astype("float64").to_numpy()
        if has_base and not known_base.isna().any()
        else pd.Series(range(1, len(span) + 1)).to_numpy() / len(span)
    )
    out = pd.DataFrame({"period": span})
    out["base"] = base.to_numpy() if has_base else float("nan")
    out["needed"] = shape * ev.required if ev.required is not None else float("nan")
    reported = [p for p in span if p <= as_of and p in measure.index]
    out["actual"] = float("nan")
    if reported:
        last = span.index(reported[-1])
        actual = _running(measure, span[: last + 1])
        values = list(actual) + [float("nan")] * (len(span) - last - 1)
        out["actual"] = pd.Series(values, dtype=actual.dtype)
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


def _running(measure: Months, months: list[int]) -> pd.Series:
    """The total from the first of the months to each (a month without data adds zero); NA
    where the published cells do not fix it."""
    values = [measure.total(months[: k + 1]) for k in range(len(months))]
    if any(pd.isna(v) for v in values):
        return pd.Series([v if pd.isna(v) else float(v) for v in values], dtype=object)
    return pd.Series(values, dtype="float64")


def _positive(value) -> bool:
    return not pd.isna(value) and value > 0
