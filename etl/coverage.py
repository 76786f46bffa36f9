"""Reporting coverage and timeliness of the key enterprises (应统尽统): pure functions + one reader.

For month M and a region: the register members expected that month, who reported (on time: the
report's first accepted version was loaded by the deadline — the Nth day of the following month —,
late: after it), who is missing, and how much of the region's previous-year total the missing ones
represent (how far the month's figure is likely understated).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy.orm import Session

from etl import queries
from etl.filters import ReportFilter

DEFAULT_DEADLINE_DAY = 10


def deadline_for(month: int, day: int = DEFAULT_DEADLINE_DAY) -> dt.datetime:
    """End of the deadline day in the month after `month` (UTC)."""
    year, mon = divmod(month, 100)
    year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return dt.datetime(year, mon, day, 23, 59, 59, tzinfo=dt.timezone.utc)


def enterprise_status(
    members: pd.DataFrame, first_loaded: pd.DataFrame, prior: pd.DataFrame, deadline: dt.datetime
) -> pd.DataFrame:
    """Per expected enterprise: on_time / late / missing, when it arrived, its prior-year total."""
    out = members.merge(first_loaded, on="uscc", how="left").merge(prior, on="uscc", how="left")
    out["prior_year_usd_cents"] = out["prior_year_usd_cents"].fillna(0).astype("int64")
    arrived = pd.to_datetime(out["first_loaded_at"], utc=True)
    out["status"] = "missing"
    out.loc[arrived.notna() & (arrived <= deadline), "status"] = "on_time"
    out.loc[arrived.notna() & (arrived > deadline), "status"] = "late"
    return out.sort_values(
        ["status", "prior_year_usd_cents"], ascending=[True, False], ignore_index=True
    )


def coverage_summary(
    status: pd.DataFrame, region_prior_total: int
) -> dict[str, float | int | None]:
    """Counts, the reported share, and the missing enterprises' share of last year's total."""
    counts = status["status"].value_counts()
    expected = len(status)
    reported = int(counts.get("on_time", 0) + counts.get("late", 0))
    missing_prior = int(status.loc[status["status"] == "missing", "prior_year_usd_cents"].sum())
    return {
        "expected": expected,
        "reported": reported,
        "on_time": int(counts.get("on_time", 0)),
        "late": int(counts.get("late", 0)),
        "missing": int(counts.get("missing", 0)),
        "reported_share": reported / expected if expected else None,
        "missing_share_of_prior_year": (
            missing_prior / region_prior_total if region_prior_total else None
        ),
    }


def coverage(
    session: Session, month: int, region: str, deadline_day: int = DEFAULT_DEADLINE_DAY
) -> tuple[pd.DataFrame, dict]:
    """The per-enterprise table and the summary for a month and a region (and its children)."""
    members = queries.register_members(session, month, (region,))
    usccs = members["uscc"].tolist()
    year = month // 100
    prior = queries.enterprise_period_totals(
        session, usccs, (year - 1) * 100 + 1, (year - 1) * 100 + 12
    )
    first = queries.first_loaded_times(session, month, usccs)
    status = enterprise_status(members, first, prior, deadline_for(month, deadline_day))
    region_prior = queries.totals(
        session, ReportFilter((year - 1) * 100 + 1, (year - 1) * 100 + 12, regions=(region,)), ()
    )
    return status, coverage_summary(status, int(region_prior["amount"].sum()))
