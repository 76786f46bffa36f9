"""The reference tables as frames (regions, categories, supply modes) and the groups' members."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m


def reference_table(session: Session, name: str) -> pd.DataFrame:
    """One reference table as a frame, in its display order: region, service_category,
    category_group (with a category_code per member, and the region whose policy names it:
    None for every region), supply_mode."""
    if name == "region":
        t = m.Region
        stmt = sa.select(t.code, t.parent_code, t.kind, t.sort_order, t.name_zh, t.name_en)
        stmt = stmt.order_by(t.sort_order, t.code)
    elif name == "service_category":
        t = m.ServiceCategory
        stmt = sa.select(
            t.code, t.parent_code, t.main_code, t.level, t.sort_order, t.name_zh, t.name_en
        ).order_by(t.sort_order, t.code)
    elif name == "category_group":
        g, gm = m.CategoryGroup, m.CategoryGroupMember
        stmt = (
            sa.select(g.code, g.name_zh, g.name_en, g.region_code, gm.category_code)
            .join(gm, gm.group_code == g.code)
            .order_by(g.code, gm.category_code)
        )
    elif name == "supply_mode":
        t = m.SupplyMode
        stmt = sa.select(
            t.code,
            t.name_zh,
            t.name_en,
            t.short_zh,
            t.short_en,
            t.in_bop_total,
            t.measure_zh,
            t.measure_en,
        ).order_by(t.code)
    else:
        raise ValueError(f"unknown reference table {name!r}")
    result = session.execute(stmt)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


def group_members(session: Session) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Category and partner groups with their members: code, name_zh, name_en, member, and for
    category groups region_code (the region whose policy names it; None for every region)."""
    out = []
    for g, gm, member, extra in (
        (m.CategoryGroup, m.CategoryGroupMember, "category_code", ("region_code",)),
        (m.PartnerGroup, m.PartnerGroupMember, "partner_code", ()),
    ):
        stmt = (
            sa.select(
                g.code,
                g.name_zh,
                g.name_en,
                getattr(gm, member).label("member"),
                *(getattr(g, c) for c in extra),
            )
            .join(gm, gm.group_code == g.code)
            .order_by(g.code, getattr(gm, member))
        )
        columns = ["code", "name_zh", "name_en", "member", *extra]
        out.append(pd.DataFrame(session.execute(stmt).all(), columns=columns))
    return out[0], out[1]
