"""Write side of the data-quality flags: recompute them for enterprises, record reviews.

Loads and retractions call recompute_flags inside their own transaction (under the load lock),
so the flags a reader sees always belong to the data they see, and two recomputes never race on
one flag. A flag is never deleted: when its rule stops firing it is marked cleared, so the notes
on it stay; a flag whose report got a new version returns to 待查 with a system note.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl.models import utcnow
from etl.models.quality import FLAG_STATUSES, QualityFlag, QualityFlagNote
from etl.quality.rules import compute_flags, horizon, partner_candidates
from etl.quality.thresholds import QualityThresholds
from etl.queries import quality as qq

SYSTEM_AUTHOR = "system"  # notes the recompute writes (a revised report is reopened)


class ReviewError(Exception):
    """A review that cannot be recorded (unknown flag, bad status, empty note)."""


@dataclass
class FlagChanges:
    """What a recompute did to the stored flags."""

    new: int = 0
    changed: int = 0  # numbers or judged version changed, or fired again after clearing
    cleared: int = 0
    reopened: int = 0  # reviewed flags back to open because the report has a new version

    def add(self, other: "FlagChanges") -> "FlagChanges":
        """The sum of two counts."""
        return FlagChanges(
            self.new + other.new,
            self.changed + other.changed,
            self.cleared + other.cleared,
            self.reopened + other.reopened,
        )


def recompute_flags(
    session: Session,
    usccs,
    thresholds: QualityThresholds | None = None,
    batch_id: int | None = None,
    since: int | None = None,
) -> FlagChanges:
    """Bring the stored flags of these enterprises in line with their current reports.

    `since`: the earliest month the change touched. Flags of earlier months cannot change
    (etl.quality.rules.horizon), so only later ones are judged, and only lines from `since` on are
    read — plus the history of the few partners large enough to fire: a monthly load reads a
    fraction of the enterprises' lines.
    """
    th = thresholds or QualityThresholds()
    total = FlagChanges()
    for chunk in qq.chunks(sorted(set(usccs))):
        reports = qq.report_inputs(session, chunk)
        lines = qq.partner_lines(session, chunk, since)
        stored = qq.stored_flags(session, chunk)
        seen = None
        if since is not None:
            candidates = partner_candidates(lines, th)[["uscc", "partner_code"]]
            seen = qq.partners_first_seen(session, candidates) if len(candidates) else None
            judged = [p >= horizon(r, since) for r, p in zip(stored["rule"], stored["period"])]
            stored = stored.loc[pd.Series(judged, index=stored.index, dtype=bool)]
            # (the others are not recomputed, so they must not be cleared)
        fresh = compute_flags(reports, lines, th, seen, since)
        total = total.add(_apply(session, fresh, stored.drop(columns="period"), batch_id))
    return total


def recompute_all(session: Session, thresholds: QualityThresholds | None = None) -> FlagChanges:
    """Recompute the flags of every enterprise that has reports."""
    return recompute_flags(session, qq.reporting_usccs(session), thresholds)


def _apply(
    session: Session, fresh: pd.DataFrame, stored: pd.DataFrame, batch_id: int | None
) -> FlagChanges:
    now, out = utcnow(), FlagChanges()
    fresh = fresh.assign(detail=[json.dumps(d, sort_keys=True) for d in fresh["detail"]])
    keys = {"report_id": "int64", "rule": "str"}
    merged = fresh.astype(keys).merge(
        stored.astype(keys),
        on=["report_id", "rule"],
        how="outer",
        suffixes=("", "_old"),
        indicator=True,
    )
    inserts = merged[merged["_merge"] == "left_only"]
    if len(inserts):
        session.execute(
            sa.insert(QualityFlag),
            [
                dict(
                    report_id=int(r.report_id),
                    uscc=r.uscc,
                    period=int(r.period),
                    rule=r.rule,
                    detail=r.detail,
                    version_id=int(r.version_id),
                    batch_id=batch_id,
                    computed_at=now,
                    status="open",
                )
                for r in inserts.itertuples()
            ],
        )
    out.new = len(inserts)
    updates, notes = [], []
    for r in merged[merged["_merge"] == "both"].itertuples():
        revised = int(r.version_id) != int(r.version_id_old)
        if not (revised or r.detail != r.detail_old or pd.notna(r.cleared_at)):
            continue
        row = dict(
            id=int(r.id),
            detail=r.detail,
            version_id=int(r.version_id),
            batch_id=batch_id,
            computed_at=now,
            cleared_at=None,
        )
        if revised and r.status != "open":
            row["status"] = "open"
            notes.append(
                dict(flag_id=int(r.id), author=SYSTEM_AUTHOR, at=now, status="open", note="")
            )
        updates.append(row)
    gone = merged[(merged["_merge"] == "right_only") & merged["cleared_at"].isna()]
    updates += [
        dict(id=int(i), cleared_at=now, batch_id=batch_id, computed_at=now) for i in gone["id"]
    ]
    _bulk_update(session, updates)
    if notes:
        session.execute(sa.insert(QualityFlagNote), notes)
    out.changed = len(updates) - len(gone)
    out.cleared, out.reopened = len(gone), len(notes)
    return out


def _bulk_update(session: Session, rows: list[dict]) -> None:
    # ORM bulk UPDATE by primary key wants every row to carry the same keys.
    by_keys: dict[tuple, list[dict]] = {}
    for row in rows:
        by_keys.setdefault(tuple(sorted(row)), []).append(row)
    for group in by_keys.values():
        session.execute(sa.update(QualityFlag), group)


def review_flag(session: Session, flag_id: int, author: str, status: str, note: str) -> None:
    """Set a flag's status with a note; the note is added to its history, never replaced."""
    if status not in FLAG_STATUSES:
        raise ReviewError(f"status must be one of {', '.join(FLAG_STATUSES)}")
    if not note.strip():
        raise ReviewError("a note is required")
    flag = session.get(QualityFlag, flag_id)
    if flag is None:
        raise ReviewError(f"no flag {flag_id}")
    flag.status = status
    session.add(QualityFlagNote(flag_id=flag_id, author=author, status=status, note=note.strip()))
