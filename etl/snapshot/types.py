"""What a snapshot is: its meta (the cover), tables of columns and rows, and C for 保密.

Amount cells hold USD cents (writers show 亿美元), ratio cells hold ratios, C marks 保密 and None
"not applicable" (no base, no share). etl.snapshot.build makes one; format, xlsx and html show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from etl.disclosure import DisclosureRule
from etl.snapshot.vintage import Vintage

C = "C"  # a suppressed value: 保密


@dataclass(frozen=True)
class Column:
    """A table column: key in the rows frame, Chinese header, kind (text|usd|pct|count|auto)."""

    key: str
    header: str
    kind: str


@dataclass
class Table:
    """One sheet / section: rows hold one column per Column.key plus indent (0 or 1)."""

    key: str
    title: str
    columns: list[Column]
    rows: pd.DataFrame
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SnapshotMeta:
    """What the cover says: month, scope, vintage, variant, rule, labels."""

    month: int
    region_code: str
    region_name: str
    vintage: Vintage
    internal: bool
    rule: DisclosureRule
    generated_at: dt.datetime
    month_label: str  # 6月, or 1–2月 for February
    ytd_label: str  # 1–6月

    @property
    def title(self) -> str:
        """服务贸易统计监测月报 2019年6月."""
        return f"服务贸易统计监测月报 {self.month // 100}年{self.month % 100}月"


@dataclass
class Snapshot:
    """The assembled snapshot: meta, tables in sheet order, chart data."""

    meta: SnapshotMeta
    tables: list[Table]
    charts: dict[str, pd.DataFrame]

    def table(self, key: str) -> Table:
        """A table by key (总体, 供给模式 …)."""
        return next(t for t in self.tables if t.key == key)
