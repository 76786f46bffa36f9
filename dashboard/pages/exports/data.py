"""Data service of the Exports page: the snapshot archive, making a snapshot, the export audit.

Like dashboard/data.py, the only dashboard code here that opens sessions; the role checks are the
callers' (auth.guard before every call).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dashboard import auth
from dashboard.data import app_context, session
from etl.queries.months import released_range
from etl.queries.reference_tables import reference_table
from etl.release.scopes import scope_of
from etl.snapshot.archive import SnapshotEntry, list_snapshots, make_snapshot, snapshot_file
from etl.snapshot.build import SnapshotError
from etl.snapshot.vintage import VintageError


@dataclass(frozen=True)
class Archive:
    """The archived snapshots a person may see, the loaded months and the region names."""

    entries: list[SnapshotEntry]
    first_period: int | None
    last_period: int | None
    scope: str  # the region code snapshots are made for (settings)
    region_names: dict[str, dict[str, str]] = field(default_factory=dict)  # code -> lang -> name


@dataclass(frozen=True)
class Made:
    """What a request to make a snapshot did (snapshot_id None: it failed, see error)."""

    snapshot_id: int | None
    existing: bool = False
    changed_cells: int | None = None
    pdf_message: str | None = None  # set when no PDF was printed
    error: str | None = None


def archive(include_internal: bool) -> Archive:
    """Snapshots (internal ones only when asked), the months with data, region names."""
    with session() as s:
        entries = list_snapshots(s, include_internal)
        regions = reference_table(s, "region")
        parents = {
            c: (p if isinstance(p, str) else None)
            for c, p in zip(regions["code"], regions["parent_code"])
        }
        # Snapshots are made of released months only: the form offers those.
        scope = scope_of(app_context().settings.snapshot_region, parents)
        first, last = released_range(s, scope)
    names = {
        row.code: {"zh": row.name_zh, "en": row.name_en or row.name_zh}
        for row in regions.itertuples()
    }
    return Archive(entries, first, last, app_context().settings.snapshot_region, names)


def snapshot_entry(snapshot_id: int) -> SnapshotEntry | None:
    """One archived snapshot (internal or not: the caller checks the role), or None."""
    with session() as s:
        found = list_snapshots(s, include_internal=True)
    return next((e for e in found if e.id == snapshot_id), None)


def region_name(code: str) -> str:
    """The Chinese name of a region (its code when unknown)."""
    with session() as s:
        regions = reference_table(s, "region").set_index("code")
    return str(regions.at[code, "name_zh"]) if code in regions.index else code


def snapshot_path(entry: SnapshotEntry, kind: str) -> Path:
    """The archived file, checked (raises SnapshotFileError: absent, outside, altered)."""
    return snapshot_file(app_context().settings, entry, kind)


def make(month: int, internal: bool, revise: bool) -> Made:
    """Make (or find) the snapshot of a month for the configured scope, as this request's user."""
    ctx = app_context()
    try:
        out = make_snapshot(
            ctx.session_factory,
            ctx.settings,
            month,
            ctx.settings.snapshot_region,
            internal=internal,
            user=auth.actor_name(),
            revise=revise,
        )
    except (SnapshotError, VintageError) as exc:
        return Made(None, error=str(exc))
    pdf_message = None if out.existing or "pdf" in out.files else " ".join(out.messages)
    changed = None if out.changes is None else len(out.changes)
    return Made(out.snapshot_id, out.existing, changed, pdf_message)
