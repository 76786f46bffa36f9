"""Load a validated report file as one batch, in one transaction: exactly once, with revisions.

Every load first updates the single `load_lock` row, so concurrent loads (processes, SQLite or
PostgreSQL) run one after the other and always see each other's reports; loads are rare and short,
so serialising them costs nothing that matters and makes versioning and aggregates simple and exact.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from etl import models as m
from etl.db import write_first
from etl.intake.load_lock import take_load_lock
from etl.intake.outcome import LoadOutcome
from etl.intake.read import ReadLimits, read_report
from etl.intake.received import ReceivedAt, record_received
from etl.intake.report_versions import apply_reports
from etl.intake.uscc import normalize_uscc
from etl.intake.validate import ValidationResult, match_headers, validate_report
from etl.quality.store import recompute_flags
from etl.quality.thresholds import QualityThresholds
from etl.queries.facts import registry_facts
from etl.reference import reference_codes

LOAD_WAIT_SECONDS = 30 * 60  # how long a load waits for another one before it gives up (busy)
BUSY_ROW_SECONDS = 60  # then how long it tries to write the history row saying so


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
            take_load_lock(session, user)
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
            touched = apply_reports(session, batch, event, clean, outcome)
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
