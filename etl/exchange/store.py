"""Load a checked file of published totals (store module): all figures or none, in one
transaction; the identical file again changes nothing; a figure published again (same source,
area, window, 口径, direction, category) replaces the earlier one."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from etl import accounts
from etl import models as m
from etl.exchange.external import ExternalFile, Problem, read_external
from etl.intake.read import ReadLimits
from etl.reference import reference_codes

KEY = ("source", "area_code", "period_from", "period_to", "scope", "direction", "category_code")
STORED = (*KEY, "area_name", "currency", "amount_text", "unit", "amount_minor", "growth_text")


@dataclass
class ExternalLoad:
    """What a load did: loaded | unchanged | rejected, with the problems of a rejected file."""

    status: str
    file_name: str
    batch_id: int | None = None
    figures: int = 0
    replaced: int = 0
    problems: list[Problem] = field(default_factory=list)


def load_external(
    factory: sessionmaker,
    path: Path,
    user: str = "cli",
    data: bytes | None = None,
    limits: ReadLimits | None = None,
) -> ExternalLoad:
    """Read, check and load a file; nothing is written unless every row is valid. data: the
    file's bytes (an upload; path then only names it); limits: checked before parsing."""
    with factory() as session:
        ref = reference_codes(session)
    checked = read_external(Path(path), ref, data, limits)
    if not checked.ok:
        return ExternalLoad("rejected", checked.file_name, problems=checked.problems)
    try:
        with factory.begin() as session:
            return _store(session, checked, user)
    except IntegrityError:
        # Another process loaded the same file at the same moment: its sha256 is unique.
        return ExternalLoad("unchanged", checked.file_name)


def _store(session: Session, checked: ExternalFile, user: str) -> ExternalLoad:
    known = session.scalar(
        sa.select(m.ExternalBatch.id).where(m.ExternalBatch.sha256 == checked.sha256)
    )
    if known is not None:
        return ExternalLoad("unchanged", checked.file_name, batch_id=known)
    batch = m.ExternalBatch(
        file_name=checked.file_name[:300],
        sha256=checked.sha256,
        loaded_by=user,
        rows=len(checked.figures),
    )
    session.add(batch)
    session.flush()
    replaced = 0
    t = m.ExternalFigure
    for record in checked.figures.to_dict("records"):
        match = sa.and_(*(getattr(t, k) == record[k] for k in KEY))
        replaced += session.execute(sa.delete(t).where(match)).rowcount or 0
        session.add(t(batch_id=batch.id, **{k: record[k] for k in STORED}))
    accounts.audit(
        session,
        user,
        "external_load",
        {
            "batch": batch.id,
            "file": checked.file_name,
            "figures": len(checked.figures),
            "replaced": replaced,
        },
    )
    return ExternalLoad("loaded", checked.file_name, batch.id, len(checked.figures), replaced)
