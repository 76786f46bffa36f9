"""The snapshot archive: files under <instance>/snapshots, a row per snapshot, revisions, listing.

An original snapshot of (month, region, variant) is made once; later runs report it. A revision
(--revise) is made on purpose at a newer vintage and lists the cells whose shown value changed
against the original, read from the original's cells.json (what its readers saw).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd
from sqlalchemy.orm import Session, sessionmaker

from etl import models as m
from etl.disclosure import rule_from
from etl.periods import format_period
from etl.queries.archive import original_snapshot, snapshot_records
from etl.queries.reference_tables import reference_table
from etl.settings import Settings
from etl.snapshot.build import SnapshotError, build_snapshot
from etl.snapshot.format import cell_kind, display
from etl.snapshot.types import Snapshot

KINDS = ("xlsx", "html", "pdf", "cells")
CHANGE_COLUMNS = ["table", "row", "column", "old", "new"]


class SnapshotFileError(Exception):
    """An archived file is missing, outside the archive, or no longer matches its hash."""


@dataclass(frozen=True)
class SnapshotEntry:
    """One archived snapshot as the Exports page lists it (paths relative to the archive)."""

    id: int
    month: int
    region_code: str
    internal: bool
    vintage_event_id: int
    revised_from_id: int | None
    changed_cells: int | None
    created_at: dt.datetime
    created_by: str
    files: dict[str, str]  # kind -> relative path (pdf absent when none was made)
    sha256: dict[str, str]

    @property
    def label(self) -> str:
        """2019-06（修订，内部）."""
        tags = [t for t, on in (("修订", self.revised_from_id), ("内部", self.internal)) if on]
        return format_period(self.month) + (f"（{'，'.join(tags)}）" if tags else "")


@dataclass
class SnapshotOutcome:
    """What a snapshot run did: files written (or found), the archive row, messages."""

    files: dict[str, Path]
    snapshot_id: int | None  # None: written to --out only, not archived
    existing: bool = False  # True: the original already existed; nothing new was made
    changes: pd.DataFrame | None = None
    messages: list[str] = field(default_factory=list)


def archive_root(settings: Settings) -> Path:
    """Where archived snapshots live."""
    return Path(settings.instance_path) / "snapshots"


def _entry(row: m.Snapshot) -> SnapshotEntry:
    files = {k: getattr(row, f"{k}_path") for k in KINDS if getattr(row, f"{k}_path")}
    return SnapshotEntry(
        row.id,
        row.month,
        row.region_code,
        row.internal,
        row.vintage_event_id,
        row.revised_from_id,
        row.changed_cells,
        row.created_at,
        row.created_by,
        files,
        {k: getattr(row, f"{k}_sha256") for k in files},
    )


def list_snapshots(session: Session, include_internal: bool = False) -> list[SnapshotEntry]:
    """Archived snapshots, newest month first; internal ones only when asked (role-check first).
    A circulated January made before make_snapshot refused it is served no more: beside 1–2月
    it gives February alone away."""
    return [
        _entry(r)
        for r in snapshot_records(session)
        if (r.internal and include_internal) or (not r.internal and r.month % 100 != 1)
    ]


def snapshot_file(settings: Settings, entry: SnapshotEntry, kind: str) -> Path:
    """The archived file of a snapshot, checked: inside the archive, present, hash unchanged."""
    if kind not in entry.files:
        raise SnapshotFileError(f"snapshot {entry.id} has no {kind} file")
    root = archive_root(settings).resolve()
    path = (root / entry.files[kind]).resolve()
    if root not in path.parents or not path.is_file():
        raise SnapshotFileError(f"snapshot {entry.id}: {kind} file missing")
    if sha256_of(path) != entry.sha256[kind]:
        raise SnapshotFileError(f"snapshot {entry.id}: {kind} file was altered")
    return path


def sha256_of(path: Path) -> str:
    """SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def published_cells(snapshot: Snapshot) -> dict:
    """Every cell as shown (table, row, column → text), with the snapshot's facts."""
    meta = snapshot.meta
    cells = []
    for table in snapshot.tables:
        for row in table.rows.to_dict("records"):
            for column in table.columns:
                if column.kind == "text" and column.key == "name":
                    continue
                text = display(cell_kind(column, row), row.get(column.key))
                cells.append(
                    [table.key, str(row.get("key")), row["name"], column.key, column.header, text]
                )
    return {
        "month": meta.month,
        "region": meta.region_code,
        "internal": meta.internal,
        "vintage_event_id": meta.vintage.event_id,
        "cells": cells,
    }


def diff_cells(old: dict, new: dict) -> pd.DataFrame:
    """Cells whose shown text differs (rows or tables that appear or vanish count too)."""

    def index(doc):
        """(table, row key, column key) -> (row label, header, text)."""
        return {(t, k, c): (name, header, text) for t, k, name, c, header, text in doc["cells"]}

    before, after = index(old), index(new)
    out = []
    for key in list(after) + [k for k in before if k not in after]:
        was, now = before.get(key), after.get(key)
        if was is None or now is None or was[2] != now[2]:
            ref = now or was
            out.append(
                [key[0], ref[0], ref[1], was[2] if was else "（无）", now[2] if now else "（无）"]
            )
    return pd.DataFrame(out, columns=CHANGE_COLUMNS)


def make_snapshot(
    factory: sessionmaker,
    settings: Settings,
    month: int,
    region: str,
    internal: bool = False,
    user: str = "cli",
    revise: bool = False,
    event_id: int | None = None,
    out_dir: Path | None = None,
    pdf: bool = True,
) -> SnapshotOutcome:
    """Make (or find) the snapshot of a month; archive it unless out_dir is given."""
    from etl.snapshot.html import write_html, write_pdf
    from etl.snapshot.xlsx import write_xlsx

    if not internal and month % 100 == 1:
        # 1–2月 is the circulated figure: January beside it would give February away
        raise SnapshotError(
            f"{format_period(month)}: January is published with February as 1–2月 and has no "
            f"circulated snapshot of its own (1–2月 less January would be February alone, a "
            f"figure no pattern protects): make {format_period(month + 1)}, or --internal"
        )
    root = archive_root(settings)
    with factory() as session:
        original = original_snapshot(session, month, region, internal)
        if original is not None and not revise and out_dir is None:
            entry = _entry(original)
            return SnapshotOutcome(
                {k: root / p for k, p in entry.files.items()},
                original.id,
                existing=True,
                messages=[
                    f"snapshot {original.id} of {format_period(month)} already archived (data event "
                    f"#{original.vintage_event_id}); use --revise for a revised edition"
                ],
            )
        if revise and original is None:
            raise SnapshotError(
                f"no archived snapshot of {format_period(month)} to revise; make the original first"
            )
        event_id = _released_vintage(session, month, region, event_id)
        snap = build_snapshot(
            session,
            month,
            region,
            rule_from(settings),
            internal,
            event_id,
            deadline_day=settings.report_deadline_day,
        )
    changes, revision = None, None
    if revise:
        old = json.loads(snapshot_file(settings, _entry(original), "cells").read_text("utf-8"))
        changes = diff_cells(old, published_cells(snap))
        if changes.empty:
            raise SnapshotError(
                f"nothing changed since snapshot {original.id} of {format_period(month)} "
                "(a revised edition lists changes: release the revised month first)"
            )
        revision = {
            "from_id": original.id,
            "from_event": original.vintage_event_id,
            "changed": len(changes),
        }
    stamp = snap.meta.generated_at.strftime("%Y%m%dT%H%M%S%f")
    variant = "internal" if internal else "public"
    name = f"stm-snapshot-{format_period(month)}-e{snap.meta.vintage.event_id}-{variant}"
    folder = Path(out_dir) if out_dir else root / format_period(month) / f"{name}-{stamp}"
    folder.mkdir(parents=True, exist_ok=True)
    if revise:
        name += "-revised"
    files = {
        "xlsx": write_xlsx(snap, folder / f"{name}.xlsx", changes, revision),
        "html": write_html(snap, folder / f"{name}.html", changes, revision),
    }
    cells = folder / f"{name}.cells.json"
    cells.write_text(json.dumps(published_cells(snap), ensure_ascii=False, indent=0), "utf-8")
    files["cells"] = cells
    printed, message = (
        write_pdf(files["html"], folder / f"{name}.pdf") if pdf else (None, "PDF not requested")
    )
    if printed is not None:
        files["pdf"] = printed
    outcome = SnapshotOutcome(files, None, changes=changes, messages=[message])
    if out_dir is None:
        outcome.snapshot_id = _archive(
            factory, settings, snap, files, user, original.id if revise else None, changes
        )
    return outcome


def _released_vintage(session: Session, month: int, region: str, event_id: int | None) -> int:
    """The data event a snapshot reads as of: the month's current release's (so the official
    edition shows the released figures), or the given one; an unreleased month is refused."""
    from etl.queries import release as queries_release
    from etl.release.scopes import scope_of

    regions = reference_table(session, "region")
    parents = {
        c: (p if isinstance(p, str) else None)
        for c, p in zip(regions["code"], regions["parent_code"])
    }
    scope = scope_of(region, parents)
    release = queries_release.current_release(session, scope, month)
    if release is None:
        raise SnapshotError(
            f"{format_period(month)} is not released for {scope}: snapshots are made of released "
            f"months only (python -m etl release --month {format_period(month)} --scope {scope})"
        )
    if event_id is not None:
        return event_id
    if release.data_event_id is None:
        raise SnapshotError(f"release {release.id} has no data event to read as of")
    return release.data_event_id


def _archive(
    factory,
    settings,
    snap: Snapshot,
    files: dict[str, Path],
    user: str,
    revised_from: int | None,
    changes: pd.DataFrame | None,
) -> int:
    from etl.accounts import audit

    root = archive_root(settings).resolve()
    meta = snap.meta
    row = m.Snapshot(
        month=meta.month,
        region_code=meta.region_code,
        vintage_event_id=meta.vintage.event_id,
        internal=meta.internal,
        revised_from_id=revised_from,
        changed_cells=None if changes is None else len(changes),
        min_contributors=meta.rule.min_contributors,
        dominance_k=Decimal(str(meta.rule.dominance_k)),
        created_at=meta.generated_at,
        created_by=user,
    )
    for kind in KINDS:
        path = files.get(kind)
        setattr(
            row,
            f"{kind}_path",
            None if path is None else str(Path(path).resolve().relative_to(root)),
        )
        setattr(row, f"{kind}_sha256", None if path is None else sha256_of(path))
    with factory.begin() as session:
        session.add(row)
        session.flush()
        audit(
            session,
            user,
            "snapshot",
            {
                "id": row.id,
                "month": meta.month,
                "region": meta.region_code,
                "internal": meta.internal,
                "vintage": meta.vintage.event_id,
                "revised_from": revised_from,
            },
        )
        return row.id
