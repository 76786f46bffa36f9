"""The release itself: refuse or copy the month's aggregate rows into pub_*, audited; mark final."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from etl import models as m
from etl.accounts import audit
from etl.data_version import RELEASE_CHANGED
from etl.db import write_first
from etl.disclosure.store import (
    Computed,
    Safeguards,
    basis,
    compute_patterns,
    store_patterns,
    write_patterns,
)
from etl.periods import add_months, format_period
from etl.queries import release as queries_release
from etl.queries.as_of import latest_event_id
from etl.queries.closures import region_closure
from etl.release.checklist import Checklist, checklist
from etl.release.scopes import SCOPES

log = logging.getLogger(__name__)
ATTEMPTS = 3  # computations of a release's patterns before it gives up on data that keep changing


class Stale(RuntimeError):
    """Patterns computed before a release's transaction no longer match the data."""


class ReleaseRefused(ValueError):
    """A release that may not be made; `reason` is a stable key (catalogue: release.refused.*)."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def _copy(session: Session, release: m.Release, regions: list[str]) -> None:
    """Replace the scope's released rows of the month with the aggregate rows as they stand."""
    for agg in queries_release.COMPARED:
        pub = m.PUBLISHED[agg.__tablename__]
        session.execute(
            sa.delete(pub).where(pub.period == release.period, pub.region_code.in_(regions))
        )
        names = [c.key for c in agg.__table__.columns]
        select = sa.select(
            *[getattr(agg, n) for n in names], sa.literal(release.id).label("release_id")
        ).where(agg.period == release.period, agg.region_code.in_(regions))
        session.execute(sa.insert(pub).from_select([*names, "release_id"], select))


def release_month(
    session: Session,
    scope: str,
    period: int,
    user: str,
    note: str = "",
    *,
    min_coverage: float,
    deadline_day: int,
    override_coverage: bool = False,
    safeguards: Safeguards = Safeguards(),
    after_commit: Callable[[int], None] | None = None,
    progress: Callable[..., None] | None = None,
    computed: Computed | None = None,
) -> tuple[m.Release, Checklist]:
    """Release a month of a scope (in the caller's transaction), or raise ReleaseRefused.

    after_commit(release_id) runs once the caller's transaction has committed (the briefing and
    its delivery, etl.mail.delivery.release_hook); it never runs for a release rolled back, and
    whatever it raises is logged, never turned into a failed release. progress(step, **values)
    says where it is (etl.disclosure.store.compute_patterns: a month's pattern and audit).
    computed: the patterns, computed before this transaction (compute_then_release); raises
    Stale when what they were computed from has changed since. Without it they are computed
    here, inside the transaction."""
    if computed is not None and basis(session, scope, period) != computed.basis:
        raise Stale(f"{format_period(period)} {scope}: the data or the year's releases changed")
    # One release at a time per scope and month: a second concurrent one waits, then finds
    # nothing changed (PostgreSQL row lock on the current release; SQLite writes serially).
    previous = _current(session, scope, period, lock=True)
    check = refusal_check(
        session,
        scope,
        period,
        note,
        min_coverage=min_coverage,
        deadline_day=deadline_day,
        override_coverage=override_coverage,
        previous=previous,
    )
    month = format_period(period)
    if previous is not None:
        previous.current = False
        session.flush()  # the old release stops being current before the new one exists
    share = check.coverage.get("reported_share")
    release = m.Release(
        scope_code=scope,
        period=period,
        revision=0 if previous is None else previous.revision + 1,
        current=True,
        released_by=user,
        note=note.strip(),
        status="preliminary",
        data_event_id=latest_event_id(session),
        total_usd_cents=check.total_now,
        coverage_share=None if share is None else f"{share:.4f}",
        coverage_overridden=not check.coverage_ok,
        checklist=json.dumps(check.as_dict(), ensure_ascii=False, default=str),
    )
    session.add(release)
    session.flush()
    _copy(session, release, region_closure(session, (scope,)) or [scope])
    # What leaders may see of it: the suppression pattern, in the same transaction (etl.disclosure)
    if computed is None:
        store_patterns(session, release, safeguards, progress)
    else:
        write_patterns(session, release, computed)
    audit(
        session,
        user,
        RELEASE_CHANGED,
        {
            "release": release.id,
            "scope": scope,
            "month": month,
            "revision": release.revision,
            "note": release.note,
            "override_coverage": release.coverage_overridden,
            "total_usd_cents": check.total_now,
            "previous_total_usd_cents": check.total_before,
        },
    )
    if after_commit is not None:
        _run_after_commit(session, release.id, after_commit)
    return release, check


def compute_then_release(
    factory: sessionmaker[Session],
    scope: str,
    period: int,
    user: str,
    note: str = "",
    *,
    safeguards: Safeguards = Safeguards(),
    progress: Callable[..., None] | None = None,
    **options,
) -> tuple[m.Release, Checklist]:
    """Release a month as release_month does (options: its min_coverage, deadline_day,
    override_coverage, after_commit), with its patterns computed first, in a read-only
    transaction, and the release written in a short one after (committed when it returns).

    Why: the patterns take seconds to minutes. SQLite has one write lock for the whole file;
    held that long, every sign-in, upload and API request that writes waits, and gives up after
    the busy timeout (60 s). When the data or the year's releases change while the patterns are
    computed, they are computed again (ATTEMPTS times, then refused: changing)."""
    checks = {k: v for k, v in options.items() if k != "after_commit"}
    for _ in range(ATTEMPTS):
        with factory() as session:
            refusal_check(session, scope, period, note, **checks)
            computed = compute_patterns(session, scope, period, safeguards, progress)
        try:
            with factory.begin() as session:
                write_first(session)  # the write lock first: wait for a writer, never "locked"
                return release_month(
                    session, scope, period, user, note, computed=computed, **options
                )
        except Stale:
            log.info("release of %s %s: inputs changed while computing; again", scope, period)
    raise ReleaseRefused("changing", f"{format_period(period)} {scope}: the data kept changing")


def _run_after_commit(session: Session, release_id: int, hook: Callable[[int], None]) -> None:
    """Call hook(release_id) when the session's transaction commits (not after a rollback)."""
    pending = [True]  # cleared by the first commit or rollback: the hook runs at most once

    def committed(_session) -> None:
        if not pending or not pending.pop():
            return
        try:
            hook(release_id)
        except Exception:  # noqa: BLE001 - the release stands whatever its follow-up does
            log.exception("after-release step of release %s failed", release_id)

    def rolled_back(_session, _previous=None) -> None:
        pending.clear()

    sa.event.listen(session, "after_commit", committed)
    sa.event.listen(session, "after_rollback", rolled_back)


def refusal_check(
    session: Session,
    scope: str,
    period: int,
    note: str = "",
    *,
    min_coverage: float,
    deadline_day: int,
    override_coverage: bool = False,
    previous: m.Release | None = None,
) -> Checklist:
    """The month's checklist, or ReleaseRefused when it may not be released (no data, nothing
    changed, low coverage without an override and its note). Before a release job starts, to
    refuse at once; and again inside the release, under its lock."""
    if scope not in SCOPES:
        raise ReleaseRefused("scope", f"unknown scope {scope}: one of {', '.join(SCOPES)}")
    previous = previous or _current(session, scope, period)
    check = checklist(session, scope, period, min_coverage, deadline_day)
    month = format_period(period)
    if not check.has_data:
        raise ReleaseRefused("no_data", f"{month}: no data loaded for {scope}")
    if not check.changed:
        raise ReleaseRefused(
            "unchanged",
            f"{month} {scope}: nothing changed since release {previous.id} "
            f"({previous.released_at:%Y-%m-%d %H:%M})",
        )
    if not check.coverage_ok:
        share = check.coverage["reported_share"]
        if not override_coverage:
            raise ReleaseRefused(
                "coverage",
                f"{month} {scope}: coverage {share:.1%} is below {min_coverage:.0%}; "
                "release only with --override-coverage and a note",
            )
        if not note.strip():
            raise ReleaseRefused("override_note", "an override of low coverage needs a note")
    return check


def _current(session: Session, scope: str, period: int, lock: bool = False) -> m.Release | None:
    """The month's current release of the scope (locked for update: the release's own read)."""
    query = sa.select(m.Release).where(
        m.Release.scope_code == scope, m.Release.period == period, m.Release.current
    )
    return session.scalar(query.with_for_update() if lock else query)


def mark_final(session: Session, scope: str, period: int, user: str) -> m.Release:
    """Mark the current release of a month final (no longer 初步), audited."""
    release = queries_release.current_release(session, scope, period)
    if release is None:
        raise ReleaseRefused("not_released", f"{format_period(period)} {scope} is not released")
    if release.status == "final":
        raise ReleaseRefused("already_final", f"release {release.id} is already final")
    release.status = "final"
    release.final_at = dt.datetime.now(dt.timezone.utc)
    release.final_by = user
    audit(session, user, RELEASE_CHANGED, {"release": release.id, "final": True, "scope": scope})
    return release


def effective_status(release: m.Release, today: dt.date, final_after_months: int) -> str:
    """final when marked so or when the month is final_after_months old; preliminary otherwise."""
    if release.status == "final":
        return "final"
    this_month = today.year * 100 + today.month
    if final_after_months > 0 and add_months(release.period, final_after_months) <= this_month:
        return "final"
    return "preliminary"


def release_all(
    factory,
    user: str,
    note: str,
    *,
    min_coverage: float,
    deadline_day: int,
    safeguards: Safeguards = Safeguards(),
    each_month: Callable[[list[tuple[str, int]]], Iterable[tuple[str, int]]] = iter,
) -> list[m.Release]:
    """Release every month with data of every scope that changed (the sample on load): one
    transaction per month; low coverage released with the note as its override. each_month
    wraps the (scope, month) list (a progress bar: each release computes its month's
    suppression pattern, seconds at the sample's scale). safeguards.audit=False leaves out the
    release-time audit (etl.disclosure.exact; recorded as not run)."""
    out = []
    todo = []
    for scope in SCOPES:
        with factory() as session:
            regions = region_closure(session, (scope,)) or [scope]
            todo += [(scope, p) for p in queries_release.months_with_data(session, regions)]
    for scope, period in each_month(todo):
        try:
            with factory.begin() as session:
                release, _ = release_month(
                    session,
                    scope,
                    period,
                    user,
                    note,
                    min_coverage=min_coverage,
                    deadline_day=deadline_day,
                    override_coverage=True,
                    safeguards=safeguards,
                )
                out.append(release.id)
        except ReleaseRefused as exc:
            if exc.reason != "unchanged":
                raise
    return out
