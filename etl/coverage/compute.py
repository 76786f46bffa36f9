"""Reporting coverage and timeliness of the key enterprises (应统尽统): pure functions + one reader.

For month M and a region: the register members expected that month, who reported (on time: the
report's first accepted version was loaded by the deadline — the Nth day of the following month —,
late: after it), who is missing, and how much of the region's previous-year total the missing ones
represent (how far the month's figure is likely understated).

One reader, coverage_by_region, serves the CLI, the dashboard (the figure pages' coverage
line through region_summary, which remembers it; the 报送情况 page) and the snapshot's 报送情况
sheet; everything else here is pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.orm import Session

from etl.data_version import remembered_until_register_change
from etl.evaluation.districts import TOTAL, roll_up
from etl.queries import register as queries_register
from etl.queries.as_of import latest_event_id
from etl.queries.reference_tables import reference_table

BEIJING = dt.timezone(dt.timedelta(hours=8), "CST")  # China has one time zone and no DST
DEFAULT_DEADLINE_DAY = 10  # the default of Settings.report_deadline_day (STM_REPORT_DEADLINE_DAY)
SUMMARY_KEYS = (
    "expected",
    "reported",
    "on_time",
    "late",
    "missing",
    "reported_share",
    "missing_share_of_prior_year",
)


def deadline_for(month: int, day: int = DEFAULT_DEADLINE_DAY) -> dt.datetime:
    """End of the deadline day in the month after `month`, Beijing time (the bureau's day)."""
    year, mon = divmod(month, 100)
    year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return dt.datetime(year, mon, day, 23, 59, 59, tzinfo=BEIJING)


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


@dataclass(frozen=True)
class RegionCoverage:
    """Coverage of a month in a region: per expected enterprise, and per region just below it."""

    month: int
    region: str
    deadline: dt.datetime
    status: pd.DataFrame  # enterprise_status columns + child (the region just below `region`)
    rows: pd.DataFrame  # code (children in display order, `region` for 本级, TOTAL) + SUMMARY_KEYS

    @property
    def total(self) -> dict:
        """The summary of the whole region (coverage_summary's keys)."""
        row = self.rows.iloc[-1]
        return {k: _plain(row[k]) for k in SUMMARY_KEYS}


def _plain(value):
    # numpy scalars and NaN out of a frame row become int / float / None (JSON-safe).
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def region_rows(
    status: pd.DataFrame,
    prior: pd.DataFrame,
    parents: dict[str, str | None],
    children: list[str],
    root: str,
) -> pd.DataFrame:
    """coverage_summary per child of root (本级 when members sit at root itself) and in total.

    status: enterprise_status + child; prior: region_code, amount (the previous year's totals,
    per region or finer).
    """
    prior_child = prior["region_code"].map(lambda c: roll_up(c, parents, root))
    prior_by_child = prior.assign(child=prior_child).groupby("child")["amount"].sum()
    codes = list(children) + ([root] if (status["child"] == root).any() else [])
    records = []
    for code in codes:
        part = status[status["child"] == code]
        records.append({"code": code, **coverage_summary(part, int(prior_by_child.get(code, 0)))})
    records.append({"code": TOTAL, **coverage_summary(status, int(prior["amount"].sum()))})
    return pd.DataFrame(records, columns=["code", *SUMMARY_KEYS])


def assemble_coverage(
    members: pd.DataFrame,
    arrivals: pd.DataFrame,
    prior: pd.DataFrame,
    regions: pd.DataFrame,
    root: str,
    month: int,
    deadline: dt.datetime,
    region_prior: pd.DataFrame | None = None,
) -> RegionCoverage:
    """Pure: RegionCoverage from the members, their arrivals, the previous year's amounts
    (uscc, region_code, amount: at least the members'), the regions' previous-year totals
    (region_code, amount; default: prior summed, so prior must then hold every enterprise) and
    the region table (code, parent_code in display order)."""
    parents = {
        c: (p if isinstance(p, str) else None)
        for c, p in zip(regions["code"], regions["parent_code"])
    }
    per_enterprise = (
        prior.groupby("uscc", as_index=False)["amount"]
        .sum()
        .rename(columns={"amount": "prior_year_usd_cents"})
    )
    status = enterprise_status(members, arrivals, per_enterprise, deadline)
    status["child"] = status["region_code"].map(lambda c: roll_up(c, parents, root))
    children = [c for c in regions["code"] if parents.get(c) == root]
    rows = region_rows(
        status, prior if region_prior is None else region_prior, parents, children, root
    )
    return RegionCoverage(month, root, deadline, status, rows)


def coverage_by_region(
    session: Session,
    month: int,
    region: str,
    deadline_day: int = DEFAULT_DEADLINE_DAY,
    event_id: int | None = None,
    prior: pd.DataFrame | None = None,
) -> RegionCoverage:
    """Coverage of a month in a region and each region below it, as of a data event (default:
    the newest); prior (uscc, region_code, amount) defaults to the previous year's current data."""
    event_id = event_id if event_id is not None else latest_event_id(session)
    members = queries_register.register_members(session, month, (region,))
    usccs = members["uscc"].tolist()
    arrivals = (
        queries_register.first_arrivals(session, month, usccs, event_id)
        if event_id is not None and usccs
        else pd.DataFrame(columns=["uscc", "first_loaded_at"])
    )
    region_prior = None
    if prior is None:
        # The members' own amounts, and the regions' totals from agg_cell: reading every
        # reporter's year (millions of rows nationally) only to sum most of them away cost 1.2 s.
        year = month // 100
        start, end = (year - 1) * 100 + 1, (year - 1) * 100 + 12
        prior = queries_register.enterprise_region_totals(session, start, end, (region,), usccs)
        region_prior = queries_register.region_totals(session, start, end, (region,))
    regions = reference_table(session, "region")
    return assemble_coverage(
        members,
        arrivals,
        prior,
        regions,
        region,
        month,
        deadline_for(month, deadline_day),
        region_prior,
    )


@remembered_until_register_change
def region_summary(session: Session, month: int, region: str, deadline_day: int) -> dict:
    """The region's coverage summary of a month as of the newest data (the line beside every
    figure page's charts): kept until the data or the register changes, as every click of a page
    asks for it again."""
    return coverage_by_region(session, month, region, deadline_day).total


def coverage(
    session: Session, month: int, region: str, deadline_day: int = DEFAULT_DEADLINE_DAY
) -> tuple[pd.DataFrame, dict]:
    """The per-enterprise table and the region's summary (what the CLI prints)."""
    result = coverage_by_region(session, month, region, deadline_day)
    return result.status, result.total
