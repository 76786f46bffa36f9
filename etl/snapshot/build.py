"""The snapshot of month M (服务贸易统计监测月报): every table of the report, as of a vintage.

build_snapshot reads contributor-level frames as of a data event (etl.snapshot.read: per window
slice, see etl.snapshot.inputs) and assemble turns them into display-ready tables, protected by
etl.snapshot.protect unless internal.
Amount cells hold USD cents (writers show 亿美元), ratio cells hold ratios, C marks 保密 and None
"not applicable" (no base, no share).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.orm import Session

from etl.aggregates import growth
from etl.coverage.compute import DEFAULT_DEADLINE_DAY, RegionCoverage, coverage_by_region
from etl.disclosure import TOTAL, DisclosureRule
from etl.evaluation.districts import roll_up
from etl.queries.targets import targets_in_regions
from etl.snapshot.forced import OTHER, forced_cells, hidden_chart_months, hidden_measures
from etl.snapshot.inputs import SnapshotInputs, chart_filters, target_filters
from etl.snapshot.protect import ATOM, DIRECTION, KEY, Protected, protect_with_groups
from etl.snapshot.vintage import Codes, Vintage, load_codes, resolve_vintage, target_data_start

C = "C"  # a suppressed value: 保密
TOP_PARTNERS = 10


class SnapshotError(ValueError):
    """The snapshot cannot be made (no data for the month, unknown region …)."""


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


def build_snapshot(
    session: Session,
    month: int,
    region: str,
    rule: DisclosureRule,
    internal: bool = False,
    event_id: int | None = None,
    now: dt.datetime | None = None,
    deadline_day: int = DEFAULT_DEADLINE_DAY,
) -> Snapshot:
    """Read as of the vintage (default: newest data event) and assemble the snapshot of a month."""
    from etl.snapshot.read import read_inputs
    from etl.snapshot.targets import evaluate_for_snapshot, prior_year_amounts

    vintage = resolve_vintage(session, event_id)
    codes = load_codes(session)
    if region not in codes.ref.regions:
        raise SnapshotError(f"unknown region {region}")
    regions = sorted(codes.region_closure([region]))
    year = month // 100
    targets = targets_in_regions(session, regions)
    first = target_data_start(targets, (year - 1) * 100 + 1)
    inputs = read_inputs(
        session,
        vintage.event_id,
        month,
        region,
        regions,
        first,
        targets,
        codes,
        None if internal else rule,
    )
    lines = inputs.lines
    if not (lines["period"] == month).any():
        raise SnapshotError(
            f"no reports for {year}-{month % 100:02d} as of data event "
            f"{vintage.event_id} in region {region}"
        )
    results = evaluate_for_snapshot(targets, inputs.series, month, codes)
    meta = _meta(month, region, codes, vintage, internal, rule, lines, now)
    pattern = None if internal else _stored_pattern(session, region, first, month, codes)
    # The same reader as the CLI and the dashboard; arrivals and last year's amounts as of the
    # vintage (the register itself is read as it stands).
    covered = coverage_by_region(
        session,
        month,
        region,
        deadline_day,
        vintage.event_id,
        prior_year_amounts(lines, month, codes),
    )
    return assemble(meta, codes, inputs, results, covered, pattern)


def _stored_pattern(session: Session, region: str, first: int, month: int, codes: Codes) -> dict:
    """The stored suppression patterns of the released months the snapshot reads, first..month."""
    from etl.periods import month_range
    from etl.queries.disclosure import stored_pattern
    from etl.release.scopes import scope_of

    scope = scope_of(region, codes.ref.region_parent)
    return stored_pattern(session, scope, month_range(min(first, month - 100), month))


def _meta(month, region, codes, vintage, internal, rule, lines, now) -> SnapshotMeta:
    mon = month % 100
    month_label = "1–2月" if mon == 2 and (lines["period"] == month - 1).any() else f"{mon}月"
    return SnapshotMeta(
        month,
        region,
        codes.ref.regions[region],
        vintage,
        internal,
        rule,
        now or dt.datetime.now(dt.timezone.utc),
        month_label,
        "1月" if mon == 1 else f"1–{mon}月",
    )


def assemble(
    meta: SnapshotMeta,
    codes: Codes,
    inputs: SnapshotInputs,
    target_results: list,
    covered: RegionCoverage | None = None,
    pattern: dict | None = None,
) -> Snapshot:
    """Pure: protected tables and chart data from the contributor frames (etl.snapshot.inputs).

    pattern: (window, month) -> the keys the release's stored pattern suppresses
    (etl.queries.disclosure.stored_pattern); the public tables hide at least those
    (etl.snapshot.forced), so the snapshot and the pages never differ by a hidden figure."""
    from etl.snapshot.targets import coverage_table, monthly_chart, targets_table

    rule = None if meta.internal else meta.rule
    # From here on enterprises only need telling apart: integer codes group far faster than
    # the USCC strings (hundreds of thousands of rows at national scale).
    lines, partners = (
        f.assign(uscc=pd.factorize(f["uscc"])[0]) for f in (inputs.lines, inputs.partners)
    )
    bop = lines[lines["mode"].isin(codes.ref.modes_in_bop)]
    specs = [
        _modes(meta, codes, bop),
        _categories(meta, codes, bop),
        _regions(meta, codes, bop),
        _partners(meta, codes, partners),
    ]
    fats = _fats(meta, codes, lines[~lines["mode"].isin(codes.ref.modes_in_bop)])
    pattern = pattern or {}
    months = {"cur": meta.month, "base": meta.month - 100}

    def forced(spec: Breakdown, window: str, table: str | None = None) -> set:
        keys = [k for k, _, _ in spec.rows if k != TOTAL]
        hidden = pattern.get(("y", months[window])) if rule is not None else None
        return forced_cells(table or spec.name, keys, meta.region_code, hidden)

    cur, base = (
        _protect_all(specs, rule, w, {s.name: forced(s, w) for s in specs}) for w in months
    )
    fats_cur, fats_base = (
        protect_with_groups(
            fats.frames[w], rule, force=forced(fats, w), increment=fats.frames[f"inc_{w}"]
        )
        for w in months
    )
    month_hidden = {
        w: pattern.get(("m", m)) if rule is not None else None for w, m in months.items()
    }
    tables = [_headline(meta, bop, rule, cur["category"], base["category"], month_hidden)]
    titles = {"mode": "供给模式", "category": "服务类别", "region": "地区", "partner": "伙伴"}
    for spec in specs:
        rows = _rows(spec, cur[spec.name], base[spec.name])
        if spec.name == "mode":
            fats_rows = _rows(fats, fats_cur, fats_base, with_share=False)
            rows = pd.concat([rows, fats_rows], ignore_index=True)
        tables.append(
            Table(
                titles[spec.name],
                f"{meta.ytd_label}{_TITLES[spec.name]}",
                BREAKDOWN_COLUMNS,
                rows,
                list(_NOTES[spec.name]),
            )
        )
    hidden_targets, hidden_months = inputs.hidden_targets, inputs.hidden_months
    if rule is not None and pattern:
        filters = target_filters([r.target for r in target_results], meta.month)
        hidden_targets = hidden_targets | hidden_measures(filters, pattern)
        hidden_months = hidden_months | hidden_chart_months(
            chart_filters(meta.month, meta.region_code), meta.region_code, pattern
        )
    tables.append(targets_table(target_results, hidden_targets, meta))
    tables.append(coverage_table(lines, meta, codes, covered))
    chart = monthly_chart(inputs.series, hidden_months, meta, codes)
    return Snapshot(meta, tables, {"monthly": chart})


_TITLES = {
    "mode": "服务贸易分供给模式情况",
    "category": "服务贸易分类别情况",
    "region": "服务贸易分地区情况",
    "partner": "服务贸易主要伙伴情况",
}
_NOTES = {
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


def _window(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
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
        name: _window(keyed, a, b).groupby(cols, as_index=False)["amount"].sum()
        for name, (a, b) in windows.items()
    }


def _modes(meta, codes: Codes, bop) -> Breakdown:
    rows = [
        (k, f"{codes.ref.modes[k]}（模式{'一二三四'[k - 1]}）", 0)
        for k in sorted(codes.ref.modes_in_bop)
    ]
    return Breakdown(
        "mode",
        _frames(meta, bop, "mode", "mode"),
        rows + [(TOTAL, "服务进出口总额（模式一、二、四合计）", 0)],
    )


def _fats(meta, codes: Codes, fats) -> Breakdown:
    rows = [
        (k, f"模式三 {codes.ref.modes[k]}（FATS，另列）", 0)
        for k in sorted(set(codes.ref.modes) - codes.ref.modes_in_bop)
    ]
    return Breakdown("fats", _frames(meta, fats, "mode", "mode"), rows, shares_total=False)


def _categories(meta, codes: Codes, bop) -> Breakdown:
    main = codes.ref.category_main
    rows = [(c, codes.ref.categories[c], 0) for c in codes.category_order]
    groups = {
        f"group:{g}": frozenset(codes.category_closure(members))
        for g, (_, _, members) in codes.category_groups.items()
    }
    group_rows = [
        (f"group:{g}", f"其中：{name}", 1) for g, (name, _, _) in codes.category_groups.items()
    ]
    frames = _frames(meta, bop, lambda f: f["category_code"].map(main), "category_code")
    return Breakdown("category", frames, rows + [(TOTAL, "合计", 0)] + group_rows, groups)


def _regions(meta, codes: Codes, bop) -> Breakdown:
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


def _partners(meta, codes: Codes, frame) -> Breakdown:
    y = meta.month // 100
    ytd = _window(frame, y * 100 + 1, meta.month).groupby("partner_code")["amount"].sum()
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


def _protect_all(
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


def _cell(p: Protected, key, col):
    return p.value(key, col) if p.shown(key, col) else C


def _yoy(value, base):
    if value == C or base == C:
        return C
    return growth(value, base)


def _rows(spec: Breakdown, cur: Protected, base: Protected, with_share: bool = True):
    records = []
    total = _cell(cur, TOTAL, TOTAL)
    for key, label, indent in spec.rows:
        rec = {"name": label, "indent": indent, "key": str(key)}
        for col, name in _VALUE_COLS:
            rec[name] = _cell(cur, key, col)
            rec[f"{name}_yoy"] = _yoy(rec[name], _cell(base, key, col))
        value = rec["total"]
        if not with_share:
            rec["share"] = None
        elif value == C or total == C:
            rec["share"] = C
        else:
            rec["share"] = value / total if total else None
        records.append(rec)
    return pd.DataFrame(records)


HEADLINE_COLUMNS = [
    Column("name", "指标", "text"),
    Column("month", "当月（亿美元）", "usd"),
    Column("month_yoy", "当月同比（%）", "pct"),
    Column("ytd", "累计（亿美元）", "usd"),
    Column("ytd_yoy", "累计同比（%）", "pct"),
    Column("ytd_base", "上年同期累计（亿美元）", "usd"),
]


def _headline(meta, bop, rule, ytd: Protected, ytd_base: Protected, stored: dict) -> Table:
    """总体: total, exports, imports and balance for the month and 1–M月累计, with 同比;
    stored: cur/base -> the month window's keys the stored pattern hides."""
    start = meta.month - 1 if meta.month_label == "1–2月" else meta.month
    one = bop.assign(**{KEY: "ALL", ATOM: "ALL"})
    month, month_base = (
        protect_with_groups(
            _window(one, a, b)
            .groupby([KEY, ATOM, DIRECTION, "uscc"], as_index=False)["amount"]
            .sum(),
            rule,
            force=forced_cells("headline", [], meta.region_code, stored[window]),
        )
        for window, (a, b) in (
            ("cur", (start, meta.month)),
            ("base", (start - 100, meta.month - 100)),
        )
    )
    labels = {TOTAL: "服务进出口总额", "X": "出口", "M": "进口"}
    records = []
    for col, label in labels.items():
        m, mb = _cell(month, TOTAL, col), _cell(month_base, TOTAL, col)
        y, yb = _cell(ytd, TOTAL, col), _cell(ytd_base, TOTAL, col)
        records.append(
            {
                "name": label,
                "indent": 0,
                "key": col,
                "month": m,
                "month_yoy": _yoy(m, mb),
                "ytd": y,
                "ytd_yoy": _yoy(y, yb),
                "ytd_base": yb,
            }
        )
    x, mm = records[1], records[2]
    balance = {
        "name": "贸易差额（出口−进口）",
        "indent": 0,
        "key": "balance",
        "month_yoy": None,
        "ytd_yoy": None,
    }
    for k in ("month", "ytd", "ytd_base"):
        balance[k] = C if C in (x[k], mm[k]) else x[k] - mm[k]
    records.append(balance)
    notes = [
        f"当月为{meta.month_label}；累计为{meta.ytd_label}；同比按上年同期（同口径，按本期数据"
        "版本中的上年数据）计算。",
        "贸易差额为负表示逆差。",
    ]
    if meta.month_label == "1–2月":
        notes.append("1、2月合并发布（1–2月）。")
    return Table(
        "总体", f"{meta.ytd_label}服务贸易总体情况", HEADLINE_COLUMNS, pd.DataFrame(records), notes
    )
