"""Version a batch's reports: a new version where a report's content changed, with its lines.

Reports are fingerprinted per (uscc, period); an unchanged one is left alone, a changed one gets
the next version, which retires the current one, and the aggregates are refreshed for what moved.
Runs inside the load's transaction (etl.intake.load), under the load lock.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from etl import models as m
from etl.intake.aggregate_tables import refresh_batch_enterprise_months, refresh_slices
from etl.intake.bulk_insert import insert_rows
from etl.intake.enterprises import upsert_enterprises
from etl.intake.outcome import LoadOutcome

LINE_COLUMNS = (
    "direction",
    "category_code",
    "mode",
    "partner_code",
    "currency",
    "unit",
    "amount_reported",
    "amount_orig_minor",
    "amount_usd_cents",
    "amount_cny_fen",
    "fx_rate",
    "source_row",
)


def report_fingerprints(clean: pd.DataFrame) -> pd.DataFrame:
    """Per (uscc, period): region, name, line count, USD total and a hash of the lines' content."""
    keyed = clean.sort_values(
        ["uscc", "period", "direction", "category_code", "mode", "partner_code"]
    )
    text = (
        keyed["direction"]
        + "|"
        + keyed["category_code"]
        + "|"
        + keyed["mode"].astype(str)
        + "|"
        + keyed["partner_code"]
        + "|"
        + keyed["currency"]
        + "|"
        + keyed["amount_orig_minor"].astype(str)
        + "|"
        + keyed["amount_usd_cents"].astype(str)
    )
    grouped = keyed.groupby(["uscc", "period"], sort=False)
    out = grouped.agg(
        region_code=("region_code", "first"),
        enterprise_name=("enterprise_name", "first"),
        line_count=("direction", "size"),
        total_usd_cents=("amount_usd_cents", "sum"),
    ).reset_index()
    # Sorted by (uscc, period) first, so each report's lines are one run of rows in group order;
    # joining slices of a plain list is many times faster than a per-group pandas aggregation.
    texts = text.tolist()
    ends = out["line_count"].cumsum().tolist()
    starts = [0] + ends[:-1]
    out["content_sha256"] = [
        hashlib.sha256("\n".join(texts[a:b]).encode()).hexdigest() for a, b in zip(starts, ends)
    ]
    return out


def apply_reports(
    session, batch, event, clean: pd.DataFrame, outcome: LoadOutcome
) -> list[tuple[str, int]]:
    """Version the file's reports and refresh the aggregates; the (uscc, period) that changed."""
    reports = report_fingerprints(clean)
    upsert_enterprises(session, reports, batch.id)
    existing = _existing_reports(session, reports)
    merged = reports.merge(existing, on=["uscc", "period"], how="left")
    unchanged = merged["content_sha256"] == merged["current_sha256"]
    outcome.reports_unchanged = int(unchanged.sum())
    todo = merged[~unchanged].copy()
    outcome.reports_new = int(todo["report_id"].isna().sum())
    outcome.reports_revised = int(todo["current_version_id"].notna().sum())
    # Reports that exist but have no current version (withdrawn) count as new again.
    withdrawn = todo["report_id"].notna() & todo["current_version_id"].isna()
    outcome.reports_new += int(withdrawn.sum())
    if todo.empty:
        return []
    old_slices = set(zip(todo["period"].dropna(), todo["current_region"].dropna()))
    _create_missing_reports(session, todo)
    version_ids = _insert_versions(session, batch, event, todo)
    todo["new_version_id"] = version_ids
    _retire_versions(session, event, todo["current_version_id"].dropna().astype(int).tolist())
    _point_reports_at(session, batch)
    lines = clean.merge(todo[["uscc", "period", "new_version_id"]], on=["uscc", "period"])
    outcome.lines = _insert_lines(session, lines)
    refresh_batch_enterprise_months(session, batch.id)
    new_slices = set(zip(todo["period"].astype(int), todo["region_code"]))
    refresh_slices(session, {(int(p), r) for p, r in old_slices} | new_slices)
    return list(zip(todo["uscc"], todo["period"].astype(int)))  # for the quality flags


def _existing_reports(session: Session, reports: pd.DataFrame) -> pd.DataFrame:
    """Existing reports for the file's (uscc, period) pairs, with their current version facts."""
    rv = m.ReportVersion
    # Correlated, so it reads only these reports' versions (by index), not every version stored.
    older = aliased(rv)
    max_no = (
        sa.select(sa.func.max(older.version_no))
        .where(older.report_id == m.Report.id)
        .scalar_subquery()
        .label("max_no")
    )
    rows = []
    for period, group in reports.groupby("period"):
        usccs = group["uscc"].tolist()
        for i in range(0, len(usccs), 900):
            stmt = (
                sa.select(
                    m.Report.uscc,
                    m.Report.period,
                    m.Report.id.label("report_id"),
                    m.Report.current_version_id,
                    rv.content_sha256.label("current_sha256"),
                    rv.region_code.label("current_region"),
                    max_no,
                )
                .outerjoin(rv, rv.id == m.Report.current_version_id)
                .where(m.Report.period == int(period), m.Report.uscc.in_(usccs[i : i + 900]))
            )
            rows.extend(session.execute(stmt).mappings().all())
    columns = [
        "uscc",
        "period",
        "report_id",
        "current_version_id",
        "current_sha256",
        "current_region",
        "max_no",
    ]
    return pd.DataFrame(rows, columns=columns).astype({"period": "int64"})


def _create_missing_reports(session: Session, todo: pd.DataFrame) -> None:
    missing = todo["report_id"].isna()
    if not missing.any():
        return
    new = todo.loc[missing, ["uscc", "period"]]
    insert_rows(
        session.connection(),
        "report",
        ("uscc", "period"),
        list(zip(new["uscc"].tolist(), new["period"].astype(int).tolist())),
    )
    # Read the new ids back by the natural key (uscc, period) rather than INSERT … RETURNING.
    ids = {}
    for period, group in new.groupby("period"):
        usccs = group["uscc"].tolist()
        for i in range(0, len(usccs), 900):
            stmt = sa.select(m.Report.uscc, m.Report.id).where(
                m.Report.period == int(period), m.Report.uscc.in_(usccs[i : i + 900])
            )
            ids.update({(u, int(period)): r for u, r in session.execute(stmt).all()})
    todo.loc[missing, "report_id"] = [ids[(u, int(p))] for u, p in zip(new["uscc"], new["period"])]
    todo["report_id"] = todo["report_id"].astype(int)


def _insert_versions(session, batch, event, todo: pd.DataFrame) -> list[int]:
    columns = (
        "report_id",
        "version_no",
        "batch_id",
        "status",
        "region_code",
        "enterprise_name",
        "line_count",
        "total_usd_cents",
        "content_sha256",
    )
    rows = [
        (
            int(r.report_id),
            int(0 if pd.isna(r.max_no) else r.max_no) + 1,
            batch.id,
            "current",
            r.region_code,
            r.enterprise_name,
            int(r.line_count),
            int(r.total_usd_cents),
            r.content_sha256,
        )
        for r in todo.itertuples()
    ]
    conn = session.connection()
    insert_rows(conn, "report_version", columns, rows)
    rv = m.ReportVersion
    # One version per report in a batch, so (batch, report) finds each new version's id.
    ids = dict(conn.execute(sa.select(rv.report_id, rv.id).where(rv.batch_id == batch.id)).all())
    conn.execute(
        sa.insert(m.ReportVersionSpan).from_select(
            ["version_id", "from_event_id"],
            sa.select(rv.id, sa.literal(event.id)).where(rv.batch_id == batch.id),
        )
    )
    return [ids[int(r)] for r in todo["report_id"]]


def _point_reports_at(session: Session, batch) -> None:
    """Make each report that got a version in this batch point at it (one UPDATE … FROM)."""
    rv = m.ReportVersion
    # A join, not a correlated subquery: PostgreSQL has no statistics yet for the rows just
    # copied in and would scan report_version once per report.
    session.connection().execute(
        sa.update(m.Report)
        .where(m.Report.id == rv.report_id, rv.batch_id == batch.id)
        .values(current_version_id=rv.id)
    )


def _retire_versions(session: Session, event, version_ids: list[int]) -> None:
    for i in range(0, len(version_ids), 900):
        chunk = version_ids[i : i + 900]
        session.execute(
            sa.update(m.ReportVersion)
            .where(m.ReportVersion.id.in_(chunk))
            .values(status="superseded")
        )
        session.execute(
            sa.update(m.ReportVersionSpan)
            .where(
                m.ReportVersionSpan.version_id.in_(chunk), m.ReportVersionSpan.to_event_id.is_(None)
            )
            .values(to_event_id=event.id)
        )


def _insert_lines(session: Session, lines: pd.DataFrame) -> int:
    """Insert report lines through the driver's fast path (COPY on PostgreSQL)."""
    frame = lines[list(LINE_COLUMNS)].copy()
    frame.insert(0, "version_id", lines["new_version_id"].astype("int64"))
    frame["fx_rate"] = frame["fx_rate"].astype(str)
    int_columns = (
        "version_id",
        "mode",
        "amount_orig_minor",
        "amount_usd_cents",
        "amount_cny_fen",
        "source_row",
    )
    columns = list(frame.columns)
    # Plain Python values for every driver: ints stay exact, strings stay strings.
    data = [
        frame[c].astype("int64").tolist() if c in int_columns else frame[c].astype(str).tolist()
        for c in columns
    ]
    return insert_rows(session.connection(), "report_line", columns, list(zip(*data)))
