"""The snapshot's breakdown tables (供给模式, 服务类别, 地区, 伙伴; FATS under 供给模式).

Each breakdown is a set of contributor frames over the four windows (1–M月 and month M, this year
and last) with its rows and groups; protect_all protects them together and breakdown_rows turns
them into display rows with 同比 and 占比.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from etl.aggregates import growth
from etl.disclosure import TOTAL
from etl.evaluation.districts import roll_up
from etl.snapshot.forced import OTHER
from etl.snapshot.protect import ATOM, DIRECTION, KEY, Protected, protect_with_groups
from etl.snapshot.types import C, Column, SnapshotMeta
from etl.snapshot.vintage import Codes

TOP_PARTNERS = 10

BREAKDOWN_COLUMNS = [
    Column("name", "项目", "text"),
    Column("total", "进出口（亿美元）", "usd"),
    Column("total_yoy", "进出口同比（%）", "pct"),
    Column("exports", "出口（亿美元）", "usd"),
    Column("exports_yoy", "出口同比（%）", "pct"),
    Column("imports", "进口（亿美元）", "usd"),
    Column("imports_yoy", "进口同比（%）", "pct"),
    Column("share", "占比（%）", "pct"),
]
_VALUE_COLS = ((TOTAL, "total"), ("X", "exports"), ("M", "imports"))


@dataclass
class Breakdown:
    """A breakdown's contributor frames (current, base, month-M increments), rows and groups."""

    name: str
    frames: dict[str, pd.DataFrame]  # cur, base, inc_cur, inc_base
    rows: list[tuple[str, str, int]]  # (key, label, indent); key may be a group code
    groups: dict[str, frozenset] = field(default_factory=dict)
    shares_total: bool = True  # its total row is the snapshot's BOP total


TITLES = {
    "mode": "服务贸易分供给模式情况",
    "category": "服务贸易分类别情况",
    "region": "服务贸易分地区情况",
    "partner": "服务贸易主要伙伴情况",
}
NOTES = {
    "mode": [
        "服务进出口总额（国际收支口径）= 模式一 + 模式二 + 模式四。",
        "模式三（商业存在）为附属机构服务销售收入（FATS），另列，不计入总额，也不计算占比。",
    ],
    "category": [
        "类别按《国际服务贸易统计监测制度》12大类（EBOPS 2010）；"
        "分组为其中项，与类别有重叠，不能与类别相加。"
    ],
    "region": ["按企业所在区（功能区）汇总；“其中”为功能区，属于所在区。"],
    "partner": [
        f"按累计进出口额列出前{TOP_PARTNERS}位伙伴国家（地区），其余合并为“其他”；"
        "分组（一带一路等）为其中项。"
    ],
}


def in_window(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """The rows of months start..end."""
    return frame[frame["period"].between(start, end)]


def _frames(meta: SnapshotMeta, frame: pd.DataFrame, key, atom: str) -> dict[str, pd.DataFrame]:
    """Contributor frames (key, atom, direction, uscc, amount) for the four windows."""
    y, m = meta.month // 100, meta.month
    windows = {
        "cur": (y * 100 + 1, m),
        "base": ((y - 1) * 100 + 1, m - 100),
        "inc_cur": (m, m),
        "inc_base": (m - 100, m - 100),
    }
    # Categoricals: disclosure control groups and filters these columns dozens of times.
    keyed = frame.assign(
        **{
            KEY: pd.Categorical(key(frame) if callable(key) else frame[key]),
            ATOM: pd.Categorical(frame[atom].astype(str)),
            DIRECTION: pd.Categorical(frame[DIRECTION]),
        }
    )
    cols = [KEY, ATOM, DIRECTION, "uscc"]
    return {
        name: in_window(keyed, a, b).groupby(cols, as_index=False)["amount"].sum()
        for name, (a, b) in windows.items()
    }


def mode_breakdown(meta, codes: Codes, bop) -> Breakdown:
    """供给模式: the BOP modes and their total."""
    rows = [
        (k, f"{codes.ref.modes[k]}（模式{'一二三四'[k - 1]}）", 0)
        for k in sorted(codes.ref.modes_in_bop)
    ]
    return Breakdown(
        "mode",
        _frames(meta, bop, "mode", "mode"),
        rows + [(TOTAL, "服务进出口总额（模式一、二、四合计）", 0)],
    )


def fats_breakdown(meta, codes: Codes, fats) -> Breakdown:
    """模式三 (FATS), listed under 供给模式 apart from the BOP total."""
    rows = [
        (k, f"模式三 {codes.ref.modes[k]}（FATS，另列）", 0)
        for k in sorted(set(codes.ref.modes) - codes.ref.modes_in_bop)
    ]
    return Breakdown("fats", _frames(meta, fats, "mode", "mode"), rows, shares_total=False)


def category_breakdown(meta, codes: Codes, bop) -> Breakdown:
    """服务类别: the main categories, their total and the category groups (其中)."""
    main = codes.ref.category_main
    rows = [(c, codes.ref.categories[c], 0) for c in codes.category_order]
    followed = codes.followed_groups(meta.region_code)  # 天津's own groups in 天津's only
    groups = {
        f"group:{g}": frozenset(codes.category_closure(members))
        for g, (_, _, members) in followed.items()
    }
    group_rows = [(f"group:{g}", f"其中：{name}", 1) for g, (name, _, _) in followed.items()]
    frames = _frames(meta, bop, lambda f: f["category_code"].map(main), "category_code")
    return Breakdown("category", frames, rows + [(TOTAL, "合计", 0)] + group_rows, groups)


def region_breakdown(meta, codes: Codes, bop) -> Breakdown:
    """地区: the scope's child regions with their zones (其中), its own level if any, the total."""
    root, parents, names = meta.region_code, codes.ref.region_parent, codes.ref.regions
    children = sorted(
        (c for c, p in parents.items() if p == root),
        key=lambda c: (codes.region_order.get(c, 0), c),
    )
    rows, groups = [], {}
    for child in children:
        rows.append((child, names[child], 0))
        for zone in sorted(
            (c for c, p in parents.items() if p == child),
            key=lambda c: (codes.region_order.get(c, 0), c),
        ):
            groups[zone] = frozenset(codes.ref.region_descendants(zone))
            rows.append((zone, f"其中：{names[zone]}", 1))
    if (bop["region_code"] == root).any():
        rows.append((root, f"{names[root]}本级（未分区）", 0))
    child = {c: roll_up(c, parents, root) for c in bop["region_code"].unique()}
    frames = _frames(meta, bop, lambda f: f["region_code"].map(child), "region_code")
    return Breakdown("region", frames, rows + [(TOTAL, f"{names[root]}合计", 0)], groups)


def partner_breakdown(meta, codes: Codes, frame) -> Breakdown:
    """伙伴: the top partners by 1–M月 trade, the rest as 其他, the total and partner groups."""
    y = meta.month // 100
    ytd = in_window(frame, y * 100 + 1, meta.month).groupby("partner_code")["amount"].sum()
    top = ytd[ytd > 0].sort_values(ascending=False, kind="stable").head(TOP_PARTNERS).index
    top = list(top)
    names = codes.ref.partners
    frames = _frames(
        meta,
        frame,
        lambda f: f["partner_code"].where(f["partner_code"].isin(top), OTHER),
        "partner_code",
    )
    rows = [(p, names.get(p, p), 0) for p in top] + [
        (OTHER, "其他国家（地区）", 0),
        (TOTAL, "合计", 0),
    ]
    groups = {
        f"group:{g}": frozenset(members) for g, (_, _, members) in codes.partner_groups.items()
    }
    rows += [(f"group:{g}", f"其中：{name}", 1) for g, (name, _, _) in codes.partner_groups.items()]
    return Breakdown("partner", frames, rows, groups)


def protect_all(
    specs: list[Breakdown], rule, window: str, stored: dict[str, set]
) -> dict[str, Protected]:
    """Protect every breakdown; a total hidden in one table is hidden in all (until stable);
    stored: per table, the cells the release's stored pattern hides."""
    shared: set = set()
    while True:
        out = {
            s.name: protect_with_groups(
                s.frames[window],
                rule,
                s.groups,
                force=(shared if s.shares_total else set()) | stored[s.name],
                increment=s.frames[f"inc_{window}"],
            )
            for s in specs
        }
        hidden = set().union(*(p.hidden_totals() for p in out.values()))
        if hidden <= shared:
            return out
        shared |= hidden


def cell(p: Protected, key, col):
    """A protected value, or C where it is hidden."""
    return p.value(key, col) if p.shown(key, col) else C


def yoy(value, base):
    """同比 of two cells: C where either is C."""
    if value == C or base == C:
        return C
    return growth(value, base)


def breakdown_rows(spec: Breakdown, cur: Protected, base: Protected, with_share: bool = True):
    """The table rows: values, 同比 and 占比 of every row of the breakdown."""
    records = []
    total = cell(cur, TOTAL, TOTAL)
    for key, label, indent in spec.rows:
        rec = {"name": label, "indent": indent, "key": str(key)}
        for col, name in _VALUE_COLS:
            rec[name] = cell(cur, key, col)
            rec[f"{name}_yoy"] = yoy(rec[name], cell(base, key, col))
        value = rec["total"]
        if not with_share:
            rec["share"] = None
        elif value == C or total == C:
            rec["share"] = C
        else:
            rec["share"] = value / total if total else None
        records.append(rec)
    return pd.DataFrame(records)
