"""Pure: data-quality flags on reports (防范骗税骗补 — abnormal reports get a second look).

A report is one enterprise (uscc) × one month (period), as its current version. Five rules, each
a function of one enterprise's reports and (for new partners) its BOP lines by partner:

- jump          the month's total against the enterprise's own earlier months (robust z-score)
- annual_share  one month a large share of the calendar year's total
- new_partner   exports to a partner never seen before, large in the month
- repeated      the same non-zero total in N consecutive months
- revisions     many versions of the same report

Thresholds: etl.quality.thresholds.QualityThresholds; the reasoning: docs/data-quality.md.
A flag's `detail` is a dict of plain numbers (the ones that made it fire), stored as JSON.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.quality.thresholds import QualityThresholds

RULES = ("jump", "annual_share", "new_partner", "repeated", "revisions")
REPORT_COLUMNS = ["report_id", "uscc", "period", "version_id", "total_usd_cents", "versions"]
LINE_COLUMNS = ["uscc", "period", "direction", "partner_code", "usd_cents"]
FLAG_COLUMNS = ["report_id", "version_id", "uscc", "period", "rule", "detail"]
MAD_TO_SIGMA = 0.6745  # MAD of a normal distribution / its standard deviation


def _by_enterprise(reports: pd.DataFrame) -> pd.DataFrame:
    return reports.sort_values(["uscc", "period"]).reset_index(drop=True)


def jump_flags(reports: pd.DataFrame, th: QualityThresholds, since: int = 0) -> list[dict]:
    """Months (from `since`) whose log(1 + US$ total) is > jump_z robust deviations (modified
    z-score: median and MAD of the earlier months) from the enterprise's history, by at least
    the minimum US$."""
    frame = _by_enterprise(reports)
    logs = pd.Series(np.log1p(frame["total_usd_cents"].to_numpy(dtype=float) / 100))
    by = logs.groupby(frame["uscc"])
    # Row i holds the enterprise's previous jump_window months, newest first (NaN: none).
    earlier = np.column_stack([by.shift(k).to_numpy() for k in range(1, th.jump_window + 1)])
    enough = (~np.isnan(earlier)).sum(axis=1) >= th.jump_min_prior
    rows = np.flatnonzero(enough & (frame["period"].to_numpy() >= since))
    if not len(rows):
        return []
    history = earlier[rows]
    median = np.nanmedian(history, axis=1)
    mad = np.maximum(np.nanmedian(np.abs(history - median[:, None]), axis=1), th.jump_min_mad)
    z = MAD_TO_SIGMA * (logs.to_numpy()[rows] - median) / mad
    totals = frame["total_usd_cents"].to_numpy()[rows]
    median_cents = np.rint(np.expm1(median) * 100)
    hit = (np.abs(z) > th.jump_z) & (np.abs(totals - median_cents) >= th.jump_min_change_usd_cents)
    hits = frame.iloc[rows[hit]]
    counts = (~np.isnan(history[hit])).sum(axis=1)
    return [
        _flag(
            uscc,
            period,
            "jump",
            z=round(float(zi), 2),
            total_usd_cents=int(total),
            median_usd_cents=int(med),
            prior_months=int(n),
            direction="up" if zi > 0 else "down",
        )
        for uscc, period, total, zi, med, n in zip(
            hits["uscc"], hits["period"], totals[hit], z[hit], median_cents[hit], counts
        )
    ]


def annual_share_flags(reports: pd.DataFrame, th: QualityThresholds) -> list[dict]:
    """A month > share_max of its calendar year's total, once ≥ share_min_months are reported."""
    frame = reports.assign(year=reports["period"] // 100)
    by_year = frame.groupby(["uscc", "year"])["total_usd_cents"]
    frame = frame.assign(year_total=by_year.transform("sum"), months=by_year.transform("size"))
    hits = frame[(frame["months"] >= th.share_min_months) & (frame["year_total"] > 0)]
    hits = hits[hits["total_usd_cents"] > th.share_max * hits["year_total"]]
    return [
        _flag(
            r.uscc,
            r.period,
            "annual_share",
            share=round(r.total_usd_cents / r.year_total, 4),
            total_usd_cents=int(r.total_usd_cents),
            year_total_usd_cents=int(r.year_total),
            year=int(r.year),
            months=int(r.months),
        )
        for r in hits.itertuples()
    ]


def first_seen(lines: pd.DataFrame) -> pd.Series:
    """The first month each (uscc, partner) has a non-zero line, in either direction."""
    seen = lines[lines["usd_cents"] > 0]
    return seen.groupby(["uscc", "partner_code"])["period"].min().rename("first_period")


def partner_candidates(lines: pd.DataFrame, th: QualityThresholds) -> pd.DataFrame:
    """Export rows large enough to fire if their partner is new: ≥ partner_min_usd_cents and
    ≥ partner_min_share of the month's exports (with the month's exports as a column)."""
    exports = lines[(lines["direction"] == "X") & (lines["usd_cents"] > 0)]
    month = exports.groupby(["uscc", "period"])["usd_cents"].sum().rename("month_exports")
    exports = exports.join(month, on=["uscc", "period"])
    return exports[
        (exports["usd_cents"] >= th.partner_min_usd_cents)
        & (exports["usd_cents"] >= th.partner_min_share * exports["month_exports"])
    ]


def new_partner_flags(
    reports: pd.DataFrame, lines: pd.DataFrame, th: QualityThresholds, seen: pd.Series | None = None
) -> list[dict]:
    """Exports to a partner absent from all earlier reports (either direction), ≥ US$ and share
    thresholds of the month's exports, for an enterprise with ≥ partner_min_prior earlier months.

    `seen` (first month per uscc × partner, see first_seen) may come from elsewhere when `lines`
    holds only recent months; by default it is computed from `lines`.
    """
    hits = partner_candidates(lines, th)
    if hits.empty:
        return []
    hits = hits.join(first_seen(lines) if seen is None else seen, on=["uscc", "partner_code"])
    prior = reports.sort_values("period").assign(prior=lambda f: f.groupby("uscc").cumcount())[
        ["uscc", "period", "prior"]
    ]
    hits = hits[hits["period"] == hits["first_period"]].merge(prior, on=["uscc", "period"])
    hits = hits[hits["prior"] >= th.partner_min_prior]
    out = []
    for (uscc, period), group in hits.groupby(["uscc", "period"]):
        partners = [
            {"partner": p, "usd_cents": int(c), "share": round(c / total, 4)}
            for p, c, total in zip(
                group["partner_code"], group["usd_cents"], group["month_exports"]
            )
        ]
        out.append(
            _flag(
                uscc,
                period,
                "new_partner",
                partners=partners,
                month_exports_usd_cents=int(group["month_exports"].iloc[0]),
                prior_months=int(group["prior"].iloc[0]),
            )
        )
    return out


def repeated_flags(reports: pd.DataFrame, th: QualityThresholds) -> list[dict]:
    """Months ending a run of ≥ repeat_months consecutive months with the same non-zero total."""
    frame = _by_enterprise(reports)
    month = (frame["period"] // 100) * 12 + frame["period"] % 100  # consecutive months: +1
    same = (
        (frame["uscc"] == frame["uscc"].shift(1))
        & (month == month.shift(1) + 1)
        & (frame["total_usd_cents"] == frame["total_usd_cents"].shift(1))
    )
    run = (~same).cumsum()
    frame = frame.assign(
        months=frame.groupby(run).cumcount() + 1,
        run_start=frame.groupby(run)["period"].transform("first"),
    )
    hits = frame[(frame["total_usd_cents"] != 0) & (frame["months"] >= th.repeat_months)]
    return [
        _flag(
            r.uscc,
            r.period,
            "repeated",
            total_usd_cents=int(r.total_usd_cents),
            run_start=int(r.run_start),
            months=int(r.months),
        )
        for r in hits.itertuples()
    ]


def revision_flags(reports: pd.DataFrame, th: QualityThresholds) -> list[dict]:
    """Reports with ≥ revisions_min_versions versions (withdrawn ones not counted)."""
    hits = reports[reports["versions"] >= th.revisions_min_versions]
    return [
        _flag(r.uscc, r.period, "revisions", versions=int(r.versions)) for r in hits.itertuples()
    ]


def horizon(rule: str, since: int) -> int:
    """The first month whose flag of this rule a change from month `since` on can alter: a
    flag depends on its month and earlier ones only, except a month's annual share, which
    depends on every month of its calendar year."""
    return (since // 100) * 100 + 1 if rule == "annual_share" else since


def compute_flags(
    reports: pd.DataFrame,
    lines: pd.DataFrame,
    th: QualityThresholds | None = None,
    seen: pd.Series | None = None,
    since: int | None = None,
) -> pd.DataFrame:
    """Every flag for these enterprises' current reports: one row per report × rule that fires.

    reports: REPORT_COLUMNS (current versions, all months); lines: LINE_COLUMNS, the BOP lines
    (modes in the BOP total) of those versions, summed by uscc × period × direction × partner.
    With `since`, only flags at or after horizon(rule, since) are judged; `lines` may then
    start at `since` if `seen` gives the first month of the partners that could fire.
    """
    th = th or QualityThresholds()
    if reports.empty:
        return pd.DataFrame(columns=FLAG_COLUMNS)
    found = (
        jump_flags(reports, th, since or 0)
        + annual_share_flags(reports, th)
        + new_partner_flags(reports, lines, th, seen)
        + repeated_flags(reports, th)
        + revision_flags(reports, th)
    )
    if since is not None:
        found = [f for f in found if f["period"] >= horizon(f["rule"], since)]
    if not found:
        return pd.DataFrame(columns=FLAG_COLUMNS)
    flags = pd.DataFrame(found, columns=["uscc", "period", "rule", "detail"])
    keys = reports[["uscc", "period", "report_id", "version_id"]]
    return flags.merge(keys, on=["uscc", "period"])[FLAG_COLUMNS]


def _flag(uscc: str, period, rule: str, **detail) -> dict:
    return {"uscc": uscc, "period": int(period), "rule": rule, "detail": detail}
