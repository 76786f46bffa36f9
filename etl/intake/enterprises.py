"""The enterprise register as loads keep it, with before-images for etl.intake.retract."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m


def upsert_enterprises(session: Session, reports: pd.DataFrame, batch_id: int) -> None:
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
