"""Policy-target checks: pure functions over monthly series (int amounts indexed by YYYYMM period,
or etl.disclosure.spans.Months when a circulated read hides months).

Definitions (docs/targets.md explains them in Chinese and English):
- A growth window compares a 12-month year with the 12 months before it.
- 年均增速 (average annual growth) over an n-year window is geometric: g = (Y_n / B)^(1/n) − 1,
  where B is the 12 months before the window and Y_n the window's last 12 months; the target
  requires Y_n ≥ B·(1 + t)^n.
- A level window requires the window's total ≥ threshold.
- Open windows are projected with the same-period share of prior years: the reported months'
  share of the whole window in each of up to three earlier years gives the central projection
  (mean share) and its range (highest and lowest share).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from etl.disclosure.spans import Months, as_months
from etl.periods import add_months, month_range

PRIOR_YEARS = 3
FALLBACK_BAND = 0.05  # ± when only one prior year gives a seasonal share
NO_HISTORY_BAND = 0.15  # ± when no prior year does and the projection is linear


@dataclass(frozen=True)
class Window:
    """One evaluation window of a target."""

    key: str
    label_zh: str
    label_en: str
    start: int
    end: int
    kind: str  # growth | avg_growth | level | share_keep | grows_faster
    years: int = 1  # for avg_growth: n


@dataclass
class Evaluation:
    """The state of one target window as of a month."""

    window: Window
    status: str  # met | missed | on_track | at_risk | off_track | not_started | no_data | protected
    actual: float | None = None  # amount (cents), share, or growth difference — see `window.kind`
    required: float | None = None
    growth: float | None = None  # the growth achieved or projected (growth kinds)
    projection: float | None = None
    projection_low: float | None = None
    projection_high: float | None = None
    needed_growth_remaining: float | None = None  # vs the same months a year earlier
    months_reported: int = 0  # of the months the evaluation measures (avg_growth: last 12)
    months_total: int = 0
    window_months_reported: int = 0  # of the window's real length (a pilot: 24 months)
    window_months: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def months_progress(self) -> tuple[int, int]:
        """Months with data of the window's real length: a 24-month pilot reads (16, 24), not 4/12."""
        if self.window_months:
            return self.window_months_reported, self.window_months
        return self.months_reported, self.months_total

    @property
    def months_text(self) -> str:
        """'16/24': what every output prints for months_progress."""
        return "{}/{}".format(*self.months_progress)

    @property
    def gap(self) -> float | None:
        """Actual (or projected, for open windows) minus required."""
        value = self.actual if self.status in ("met", "missed") else self.projection
        return None if value is None or self.required is None else value - self.required


def target_windows(kind: str, start: int, end: int) -> list[Window]:
    """The windows a target is evaluated on: pilot years, the whole window, calendar years."""
    if kind == "level":
        return [Window("window", _label_zh(start, end), _label_en(start, end), start, end, "level")]
    months = len(month_range(start, end))
    years = [
        (add_months(start, 12 * i), add_months(start, 12 * i + 11)) for i in range(months // 12)
    ]
    out = [
        Window(
            f"year{i + 1}",
            f"试点第{i + 1}年（{_label_zh(s, e)}）",
            f"Pilot year {i + 1} ({_label_en(s, e)})",
            s,
            e,
            "growth" if kind == "growth_avg_annual" else kind,
        )
        for i, (s, e) in enumerate(years)
    ]
    if kind == "growth_avg_annual" and len(years) > 1:
        out.append(
            Window(
                "whole",
                f"试点期年均（{_label_zh(start, end)}）",
                f"Pilot average ({_label_en(start, end)})",
                start,
                end,
                "avg_growth",
                years=len(years),
            )
        )
    if kind == "growth_avg_annual":
        for year in range(start // 100, end // 100 + 1):
            out.append(
                Window(
                    f"cy{year}", f"{year}年", f"{year}", year * 100 + 1, year * 100 + 12, "growth"
                )
            )
    return out


def _label_zh(start: int, end: int) -> str:
    return f"{start // 100}年{start % 100}月–{end // 100}年{end % 100}月"


def _label_en(start: int, end: int) -> str:
    return f"{start // 100}-{start % 100:02d} to {end // 100}-{end % 100:02d}"


class _Protected(Exception):
    """A sum the evaluation needs is not fixed by what a circulated reader may see."""


def _sum(series: Months, periods: list[int]) -> int:
    value = series.total(periods)
    if pd.isna(value):
        raise _Protected
    return value


def project(
    series: pd.Series | Months, window: list[int], reported: list[int]
) -> tuple[float, float, float, list[str]]:
    """Project a window's total from its reported months: (central, low, high, notes)."""
    series = as_months(series)
    actual = _sum(series, reported)
    if len(reported) == len(window):
        return actual, actual, actual, []
    shares = []
    for k in range(1, PRIOR_YEARS + 1):
        w = [add_months(p, -12 * k) for p in window]
        if not all(p in series.index for p in w):
            continue
        whole = _sum(series, w)
        if whole > 0:
            shares.append(_sum(series, [add_months(p, -12 * k) for p in reported]) / whole)
    if not shares:
        central = actual * len(window) / len(reported)
        return (
            central,
            central * (1 - NO_HISTORY_BAND),
            central * (1 + NO_HISTORY_BAND),
            ["no_history: linear projection"],
        )
    central = actual / (sum(shares) / len(shares))
    if len(shares) == 1:
        return (
            central,
            central * (1 - FALLBACK_BAND),
            central * (1 + FALLBACK_BAND),
            ["one prior year only"],
        )
    return central, actual / max(shares), actual / min(shares), []


def _status_open(low: float, central: float, high: float, required: float) -> str:
    if low >= required:
        return "on_track"
    if high >= required:
        return "at_risk"
    return "off_track"


def evaluate(
    window: Window,
    measure: pd.Series | Months,
    as_of: int,
    threshold: float,
    total: pd.Series | Months | None = None,
) -> Evaluation:
    """Evaluate one window of a target on a monthly series, with what is known as of a month."""
    measure = as_months(measure)
    total = None if total is None else as_months(total)
    whole = month_range(window.start, window.end)
    span = whole[-12:] if window.kind == "avg_growth" else whole  # avg: last year vs base year
    reported = [p for p in span if p <= as_of and p in measure.index]
    ev = Evaluation(window, "not_started", months_reported=len(reported), months_total=len(span))
    ev.window_months = len(whole)
    ev.window_months_reported = len([p for p in whole if p <= as_of and p in measure.index])
    if as_of < window.start:
        return ev
    if window.kind == "avg_growth" and as_of < span[0]:
        ev.notes.append("last year not started: the average is measured on the window's last year")
        return ev
    if not reported:
        ev.status = "no_data"
        return ev
    closed = len(reported) == len(span)
    if not closed and as_of >= span[-1]:
        ev.notes.append("missing months: the window has ended but not every month is reported")
    try:
        if window.kind in ("growth", "avg_growth", "level"):
            return _evaluate_amount(ev, span, reported, measure, threshold, closed)
        return _evaluate_ratio(ev, span, reported, measure, total, closed)
    except _Protected:
        # A circulated read (leaders) where a sum the evaluation needs is not fixed by the
        # published cells: any figure of it would give a hidden month away. It reads C.
        return Evaluation(
            window,
            "protected",
            months_reported=ev.months_reported,
            months_total=ev.months_total,
            window_months_reported=ev.window_months_reported,
            window_months=ev.window_months,
        )


def _base_periods(window: Window, span: list[int]) -> list[int]:
    if window.kind == "avg_growth":
        return month_range(add_months(window.start, -12), add_months(window.start, -1))
    return [add_months(p, -12) for p in span]


def _evaluate_amount(ev, span, reported, measure, threshold, closed) -> Evaluation:
    window = ev.window
    central, low, high, notes = project(measure, span, reported)
    ev.notes.extend(notes)
    actual = _sum(measure, reported)
    # Exact arithmetic for the requirement: 10% growth on 12,000 is 13,200, not 13,200.000000000002.
    t = Fraction(str(threshold))
    if window.kind == "level":
        required = t
        base = None
    else:
        base_periods = _base_periods(window, span)
        base = _sum(measure, base_periods)
        if base == 0:
            ev.status = "no_data"
            ev.notes.append("no base period data")
            return ev
        required = base * (1 + t) ** window.years
    ev.required = float(required)
    ev.actual = float(actual)
    if base:
        final = actual if closed else central
        ev.growth = (final / base) ** (1 / window.years) - 1
    if closed:
        ev.status = "met" if actual >= required else "missed"
        return ev
    ev.projection, ev.projection_low, ev.projection_high = central, low, high
    ev.status = _status_open(low, central, high, float(required))
    remaining = [p for p in span if p not in reported]
    last_year_remaining = _sum(measure, [add_months(p, -12) for p in remaining])
    if last_year_remaining > 0:
        ev.needed_growth_remaining = float((required - actual) / last_year_remaining - 1)
    return ev


def _evaluate_ratio(ev, span, reported, measure, total, closed) -> Evaluation:
    """share_keep: the group's share must not fall; grows_faster: the group outgrows the total."""
    if total is None:
        raise ValueError(f"{ev.window.kind} needs the total series")
    base_span = [add_months(p, -12) for p in span]
    g_base, t_base = _sum(measure, base_span), _sum(total, base_span)
    if g_base == 0 or t_base == 0:
        ev.status = "no_data"
        ev.notes.append("no base period data")
        return ev
    g = project(measure, span, reported)
    t = project(total, span, reported)
    if ev.window.kind == "share_keep":
        ev.required = g_base / t_base
        values = (g[0] / t[0], g[1] / t[0], g[2] / t[0])
    else:
        ev.required = 0.0
        values = tuple(gv / g_base - t[0] / t_base for gv in g[:3])
    ev.actual = values[0] if closed else None
    if closed:
        ev.status = "met" if values[0] >= ev.required else "missed"
        return ev
    ev.projection, ev.projection_low, ev.projection_high = values
    ev.status = _status_open(values[1], values[0], values[2], ev.required)
    return ev
