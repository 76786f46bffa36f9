"""The snapshot archive: one row per snapshot file set made."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, DecimalText, utcnow


class Snapshot(Base):
    """An archived monthly snapshot: month, scope, vintage (data event), rule, files and lineage."""

    __tablename__ = "snapshot"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(index=True)  # YYYYMM
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"))
    vintage_event_id: Mapped[int] = mapped_column(sa.ForeignKey("data_event.id"))
    internal: Mapped[bool] = mapped_column(default=False)  # True: unsuppressed, statisticians only
    revised_from_id: Mapped[int | None] = mapped_column(sa.ForeignKey("snapshot.id"))
    changed_cells: Mapped[int | None]  # a revision: cells whose published value changed
    min_contributors: Mapped[int]  # the disclosure rule it was made with
    dominance_k: Mapped[Decimal] = mapped_column(DecimalText())
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(sa.String(100))
    # Paths relative to <instance>/snapshots; the hashes let the Exports page refuse altered files.
    xlsx_path: Mapped[str] = mapped_column(sa.String(500))
    xlsx_sha256: Mapped[str] = mapped_column(sa.String(64))
    html_path: Mapped[str] = mapped_column(sa.String(500))
    html_sha256: Mapped[str] = mapped_column(sa.String(64))
    pdf_path: Mapped[str | None] = mapped_column(sa.String(500))
    pdf_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    cells_path: Mapped[str] = mapped_column(sa.String(500))  # published cells (JSON), for diffs
    cells_sha256: Mapped[str] = mapped_column(sa.String(64))
