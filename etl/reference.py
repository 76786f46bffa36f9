"""Reference codes as a plain object that pure validation can use without a database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models
from etl.seed import read_seed_tables


@dataclass(frozen=True)
class ReferenceCodes:
    """Valid codes and names for every coded column, plus FX rates."""

    categories: dict[str, str]  # code -> name_zh (main categories and sub-items)
    category_names_en: dict[str, str]
    category_main: dict[str, str]  # code -> SA..SL ancestor
    modes: dict[int, str]  # 1..4 -> name_zh
    mode_names_en: dict[int, str]
    modes_in_bop: frozenset[int]
    partners: dict[str, str]  # ISO code -> name_zh
    partner_names_en: dict[str, str]
    regions: dict[str, str]  # code -> name_zh
    region_names_en: dict[str, str]
    region_parent: dict[str, str | None]
    region_area_codes: dict[str, frozenset[str]]  # USCC positions 3-8 consistent with the region
    fx: dict[tuple[int, int], Decimal]  # (year, month) -> CNY per USD; month 0 = annual average

    def rate_for(self, period: int) -> Decimal | None:
        """CNY per USD for a period: the month's rate if loaded, else the year's average."""
        year, month = divmod(period, 100)
        return self.fx.get((year, month)) or self.fx.get((year, 0))

    def region_descendants(self, code: str) -> list[str]:
        """The region and every region below it."""
        return region_descendants(self.region_parent, code)

    @classmethod
    def from_rows(cls, tables: dict[type, list[dict]]) -> "ReferenceCodes":
        """Build from model-ready rows (seed files or database rows)."""
        cats = tables[models.ServiceCategory]
        modes = tables[models.SupplyMode]
        partners = tables[models.Partner]
        regions = tables[models.Region]
        return cls(
            categories={r["code"]: r["name_zh"] for r in cats},
            category_names_en={r["code"]: r["name_en"] for r in cats},
            category_main={r["code"]: r["main_code"] for r in cats},
            modes={r["code"]: r["name_zh"] for r in modes},
            mode_names_en={r["code"]: r["name_en"] for r in modes},
            modes_in_bop=frozenset(r["code"] for r in modes if r["in_bop_total"]),
            partners={r["code"]: r["name_zh"] for r in partners},
            partner_names_en={r["code"]: r["name_en"] for r in partners},
            regions={r["code"]: r["name_zh"] for r in regions},
            region_names_en={r["code"]: r["name_en"] for r in regions},
            region_parent={r["code"]: r["parent_code"] for r in regions},
            region_area_codes={r["code"]: frozenset(r["uscc_area_codes"].split()) for r in regions},
            fx={(r["year"], r["month"]): Decimal(r["cny_per_usd"]) for r in tables[models.FxRate]},
        )


def reference_from_seeds(seeds: Path) -> ReferenceCodes:
    """Reference codes straight from the seed files (for pure tests and dry runs)."""
    return ReferenceCodes.from_rows(read_seed_tables(seeds))


def region_descendants(parents: Mapping[str, str | None], code: str) -> list[str]:
    """The region and every region below it, from each region's parent."""
    out = [code]
    for child, parent in parents.items():
        if parent == code:
            out.extend(region_descendants(parents, child))
    return out


def region_ancestors(parents: Mapping[str, str | None], code: str) -> list[str]:
    """The region and every region above it, nearest first."""
    out = [code]
    while (parent := parents.get(out[-1])) is not None and parent not in out:
        out.append(parent)
    return out


def group_applies(group_region, region: str, parents: Mapping[str, str | None]) -> bool:
    """Whether a category group a region's pages and snapshots follow: a national one (no
    region: None, or a frame's NaN), or one named by the policy of the region or a region above
    it (天津传统支柱领域 for 天津市 and its districts, not for 两江新区)."""
    if not isinstance(group_region, str):
        return True
    return group_region in region_ancestors(parents, region)


def reference_codes(session: Session) -> ReferenceCodes:
    """Reference codes as the database holds them now."""
    wanted = (
        models.ServiceCategory,
        models.SupplyMode,
        models.Partner,
        models.Region,
        models.FxRate,
    )
    tables = {}
    for model in wanted:
        cols = [c.key for c in sa.inspect(model).columns]
        tables[model] = [
            {c: getattr(obj, c) for c in cols} for obj in session.scalars(sa.select(model))
        ]
    return ReferenceCodes.from_rows(tables)
