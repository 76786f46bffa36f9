"""Load a validated report file as one batch, in one transaction: exactly once, with revisions.

Every load first updates the single `load_lock` row, so concurrent loads (processes, SQLite or
PostgreSQL) run one after the other and always see each other's reports; loads are rare and short,
so serialising them costs nothing that matters and makes versioning and aggregates simple and exact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, aliased, sessionmaker

from etl import models as m
from etl.db import write_first
from etl.intake.aggregate_tables import refresh_batch_enterprise_months, refresh_slices
from etl.intake.bulk_insert import insert_rows
from etl.intake.read import ReadLimits, read_report
from etl.intake.received import ReceivedAt, record_received
from etl.intake.uscc import normalize_uscc
from etl.intake.validate import ValidationResult, match_headers, validate_report
from etl.quality.store import recompute_flags
from etl.quality.thresholds import QualityThresholds
from etl.queries.facts import registry_facts
from etl.reference import reference_codes

LOAD_WAIT_SECONDS = 30 * 60  # how long a load waits for another one before it gives up (busy)
BUSY_ROW_SECONDS = 60  # then how long it tries to write the history row saying so
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


@dataclass
class LoadOutcome:
    """What a load did, in numbers a clerk and a log can both read."""

    status: str  # loaded | unchanged | rejected | busy (waited too long) | validated (dry run)
    # (history rows also say cancelled or failed: a web job stopped before it loaded anything)
    file_name: str
    sha256: str
    rows: int = 0
    batch_id: int | None = None
    reports_new: int = 0
    reports_revised: int = 0
    reports_unchanged: int = 0
    lines: int = 0
    total_usd_cents: int = 0
    validation: ValidationResult | None = None
    duplicate_of: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file was accepted (or, on a dry run, would be)."""
        return self.status not in ("rejected", "busy")


def load_file(
    factory: sessionmaker[Session],
    source: Path | bytes,
    file_name: str | None = None,
    user: str = "cli",
    dry_run: bool = False,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
    only_regions: tuple[str, ...] | None = None,
    quality: QualityThresholds | None = None,
    received_at: ReceivedAt = None,
    wait_seconds: float = LOAD_WAIT_SECONDS,
    limits: ReadLimits | None = None,
) -> LoadOutcome:
    """Read, validate and (unless dry_run or invalid) load one report file.

    While another load holds the database (SQLite), this one waits its turn, reporting the phase
    "wait", for up to wait_seconds; then it gives up as "busy" with a history row, never with a
    traceback.

    only_regions: the uploading clerk's regions; a row of any other region rejects the file.
    limits: size and row limits checked before the file is parsed (web uploads).
    received_at: for historical data only — when the reports were received (timezone-aware; one
    time, or a mapping (uscc, period) -> time; reports it leaves out arrive with the batch).
    The data-quality flags of the enterprises it changed are recomputed in the same transaction.
    """
    step = progress or (lambda _phase: None)
    name = file_name or Path(source).name  # type: ignore[arg-type]
    step("read")
    read = read_report(source, name, limits)
    step("validate")
    with factory() as session:
        loaded = _loaded_batch_id(session, read.sha256)
        if loaded is not None and not dry_run:
            return LoadOutcome(
                "unchanged",
                name,
                read.sha256,
                rows=len(read.frame),
                batch_id=loaded,
                duplicate_of=loaded,
            )
        ref = reference_codes(session)
        usccs = _file_usccs(read.frame)
        result = validate_report(
            read.frame, ref, registry_facts(session, usccs), today=today, only_regions=only_regions
        )
    outcome = LoadOutcome(
        "validated",
        name,
        read.sha256,
        rows=len(read.frame),
        validation=result,
        total_usd_cents=int(result.clean["amount_usd_cents"].sum()) if result.ok else 0,
    )
    outcome.duplicate_of = loaded  # a dry run says when committing would change nothing
    if not result.ok:
        outcome.status = "rejected"
        if not dry_run:
            outcome.batch_id = _record_rejection(factory, name, read, result, user)
        return outcome
    if dry_run:
        return outcome
    step("load")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return _load_clean(
                factory, outcome, read.size_bytes, result.clean, user, quality, received_at
            )
        except OperationalError as exc:
            # Only SQLite says "locked", and only at BEGIN IMMEDIATE (write_first), before this
            # load wrote anything: waiting and trying again is safe and exactly-once.
            if not _is_locked(exc):
                raise
            if time.monotonic() >= deadline:
                return _gave_up(factory, outcome, read, result, user)
            step("wait")


def _gave_up(factory, outcome: LoadOutcome, read, result, user: str) -> LoadOutcome:
    """Status busy, and a history row as soon as the database takes one (up to a minute more)."""
    outcome.status = "busy"
    outcome.notes.append("another load held the database too long; nothing loaded")
    deadline = time.monotonic() + BUSY_ROW_SECONDS
    while True:
        try:
            outcome.batch_id = _record_rejection(
                factory, outcome.file_name, read, result, user, "busy"
            )
            return outcome
        except OperationalError as exc:
            if not _is_locked(exc) or time.monotonic() >= deadline:
                outcome.notes.append("the history row could not be written either")
                return outcome


def _is_locked(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower()


def _file_usccs(frame: pd.DataFrame) -> list[str]:
    """The distinct credit codes in a raw file (for registry facts), whatever its headers."""
    position = match_headers([str(h) for h in frame.columns]).found.get("uscc")
    if position is None:
        return []
    return sorted({normalize_uscc(v) for v in frame.iloc[:, position].dropna().unique()})


def _loaded_batch_id(session: Session, sha256: str) -> int | None:
    return session.scalar(sa.select(m.UploadBatch.id).where(m.UploadBatch.dedupe_key == sha256))


def _record_rejection(
    factory, name, read, result: ValidationResult, user: str, status: str = "rejected"
) -> int:
    with factory.begin() as session:
        write_first(session)
        batch = m.UploadBatch(
            file_name=name,
            sha256=read.sha256,
            size_bytes=read.size_bytes,
            uploaded_by=user,
            status=status,
            row_count=len(read.frame),
            error_count=result.error_count,
            warning_count=result.warning_count,
        )
        session.add(batch)
        session.flush()
        return batch.id


def record_not_loaded(
    session: Session, file_name: str, sha256: str, size_bytes: int, user: str, status: str
) -> int:
    """A history row for a file whose check or load ended without loading (cancelled, failed),
    in the caller's transaction (with its audit row: both are seen, or neither; the caller takes
    the write lock first, etl.db.write_first)."""
    batch = m.UploadBatch(
        file_name=file_name,
        sha256=sha256,
        size_bytes=size_bytes,
        uploaded_by=user,
        status=status,
        row_count=0,
    )
    session.add(batch)
    session.flush()
    return batch.id


def _load_clean(
    factory,
    outcome: LoadOutcome,
    size: int,
    clean: pd.DataFrame,
    user: str,
    quality: QualityThresholds | None = None,
    received_at: ReceivedAt = None,
):
    try:
        with factory.begin() as session:
            write_first(session)  # SQLite: the write lock before anything (waits busy_timeout)
            _take_load_lock(session, user)
            already = _loaded_batch_id(session, outcome.sha256)
            if already is not None:  # someone loaded the same file while we validated
                outcome.status = "unchanged"
                outcome.batch_id = outcome.duplicate_of = already
                return outcome
            batch = m.UploadBatch(
                file_name=outcome.file_name,
                sha256=outcome.sha256,
                dedupe_key=outcome.sha256,
                size_bytes=size,
                uploaded_by=user,
                status="loaded",
                row_count=outcome.rows,
                warning_count=outcome.validation.warning_count if outcome.validation else 0,
                total_usd_cents=outcome.total_usd_cents,
            )
            session.add(batch)
            session.flush()
            event = m.DataEvent(kind="load", batch_id=batch.id, actor=user)
            session.add(event)
            session.flush()
            touched = _apply_reports(session, batch, event, clean, outcome)
            if received_at is not None and touched:
                record_received(session, batch.id, touched, received_at)
            if touched:
                # Same transaction: readers never see a batch without its flags, and the load
                # lock keeps two recomputes of one enterprise apart.
                recompute_flags(
                    session,
                    {u for u, _ in touched},
                    quality,
                    batch.id,
                    since=min(p for _, p in touched),
                )
            batch.reports_new = outcome.reports_new
            batch.reports_revised = outcome.reports_revised
            batch.reports_unchanged = outcome.reports_unchanged
            outcome.status, outcome.batch_id = "loaded", batch.id
    except IntegrityError:
        # Only the dedupe key can collide under the lock; report the winner's batch.
        with factory() as session:
            winner = _loaded_batch_id(session, outcome.sha256)
        if winner is None:
            raise
        outcome.status, outcome.batch_id, outcome.duplicate_of = "unchanged", winner, winner
    return outcome


def _take_load_lock(session: Session, user: str) -> None:
    session.execute(
        sa.update(m.LoadLock).where(m.LoadLock.id == 1).values(holder=user, at=m.utcnow())
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


def _apply_reports(
    session, batch, event, clean: pd.DataFrame, outcome: LoadOutcome
) -> list[tuple[str, int]]:
    """Version the file's reports and refresh the aggregates; the (uscc, period) that changed."""
    reports = report_fingerprints(clean)
    _upsert_enterprises(session, reports, batch.id)
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


def _upsert_enterprises(session: Session, reports: pd.DataFrame, batch_id: int) -> None:
    """Create new enterprises; update name, region and span of known ones (keeping before-images).

    The before-image of every enterprise the batch changes goes to enterprise_prior, so retracting
    the batch can put the master data back.
    """
    latest = (
        reports.sort_values("period")
        .groupby("uscc")
        .agg(
            name=("enterprise_name", "last"),
            region_code=("region_code", "last"),
            first_period=("period", "min"),
            last_period=("period", "max"),
        )
    )
    e = m.Enterprise
    known = {}
    usccs = latest.index.tolist()
    for i in range(0, len(usccs), 900):
        stmt = sa.select(e.uscc, e.first_period, e.last_period, e.name, e.region_code).where(
            e.uscc.in_(usccs[i : i + 900])
        )
        known.update({row[0]: row[1:] for row in session.execute(stmt).all()})
    new_rows, renamed, widened, prior = [], [], [], []
    now = m.utcnow()
    for uscc, name, region, first, last in zip(
        usccs,
        latest["name"],
        latest["region_code"],
        latest["first_period"].astype(int).tolist(),
        latest["last_period"].astype(int).tolist(),
    ):
        if uscc not in known:
            new_rows.append(
                dict(uscc=uscc, name=name, region_code=region, first_period=first, last_period=last)
            )
            continue
        old_first, old_last, old_name, old_region = known[uscc]
        span = dict(
            b_uscc=uscc,
            first_period=min(first, old_first or first),
            last_period=max(last, old_last or last),
        )
        if last >= (old_last or 0):  # the newest report decides name and region
            renamed.append(dict(span, name=name, region_code=region, updated_at=now))
            after = (name, region, span["first_period"], span["last_period"])
        elif span["first_period"] != old_first:
            widened.append(span)
            after = (old_name, old_region, span["first_period"], old_last)
        else:
            continue
        if after == (old_name, old_region, old_first, old_last):
            continue
        prior.append(
            dict(
                batch_id=batch_id,
                uscc=uscc,
                name=old_name,
                region_code=old_region,
                first_period=old_first,
                last_period=old_last,
            )
        )
    # Core statements: tens of thousands of enterprises a month are too many for ORM objects.
    conn = session.connection()
    if new_rows:
        conn.execute(sa.insert(e), new_rows)
    if prior:
        conn.execute(sa.insert(m.EnterprisePrior), prior)
    for rows in (renamed, widened):
        if rows:
            values = {k: sa.bindparam(k) for k in rows[0] if k != "b_uscc"}
            conn.execute(sa.update(e).where(e.uscc == sa.bindparam("b_uscc")).values(values), rows)


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
