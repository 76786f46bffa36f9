"""The snapshot's targets (目标), reporting coverage (报送情况) and monthly-trend chart data."""

from __future__ import annotations

import pandas as pd

from etl.disclosure import DisclosureRule
from etl.evaluation.districts import roll_up
from etl.periods import add_months, month_range
from etl.snapshot.types import C, Column, SnapshotMeta, Table
from etl.snapshot.vintage import Codes, targets_as_of
from etl.targets.path import AMOUNT_KINDS
from etl.targets.status import TargetResult, measure_filter
from etl.targets.vocabulary import STATUS_WORDS

# The screen's words (etl.targets.vocabulary): the workbook says what the dashboard says.
STATUS_ZH = {code: words["zh"] for code, words in STATUS_WORDS.items()}
NOTES_ZH = {
    "no_history: linear projection": "无往年同期数据，按线性外推",
    "one prior year only": "仅一年往年数据，预计区间按±5%",
    "missing months: the window has ended but not every month is reported": (
        "评价期已结束，但有月份未报送"
    ),
    "no base period data": "无基期数据",
    "last year not started: the average is measured on the window's last year": (
        "年均增速按评价期最后一年计算，该年尚未开始"
    ),
}
UNIT_LABEL = {"usd": "亿美元", "pct": "%", "pp": "百分点"}
TARGET_COLUMNS = [
    Column("name", "目标", "text"),
    Column("window", "评价期", "text"),
    Column("status", "状态", "text"),
    Column("unit", "单位", "text"),
    Column("actual", "实际", "auto"),
    Column("required", "要求", "auto"),
    Column("growth", "增速（%）", "pct"),
    Column("projection", "预计", "auto"),
    Column("projection_low", "预计下限", "auto"),
    Column("projection_high", "预计上限", "auto"),
    Column("needed", "剩余月份需同比增长（%）", "pct"),
    Column("months", "已报月份", "text"),
    Column("note", "说明", "text"),
]
_NUMBERS = (
    "actual",
    "required",
    "growth",
    "projection",
    "projection_low",
    "projection_high",
    "needed",
)


def evaluate_for_snapshot(
    targets: list, series: pd.DataFrame, month: int, codes: Codes
) -> list[TargetResult]:
    """Every target of the scope evaluated as of the month on the vintage's monthly series."""
    return targets_as_of(targets, series, month, codes)


def _unit(kind: str) -> str:
    if kind in AMOUNT_KINDS:
        return "usd"
    return "pct" if kind == "share_keep" else "pp"


def targets_table(results: list[TargetResult], hidden: set, meta: SnapshotMeta) -> Table:
    """目标: each target's windows with status, actual, requirement and projection; numbers of a
    window whose measure (etl.snapshot.inputs.target_filters) is in `hidden` are C."""
    records = []
    for res in results:
        for ev in res.evaluations:
            w = ev.window
            hide = measure_filter(res.target, add_months(w.start, -12), meta.month) in hidden
            unit = _unit(w.kind)
            rec = {
                "name": res.target.name_zh,
                "window": w.label_zh,
                "indent": 0,
                "key": f"{res.target.code}:{w.key}",
                "status": STATUS_ZH.get(ev.status, ev.status),
                "unit": UNIT_LABEL[unit],
                "_unit": unit,
                "months": ev.months_text,
                "note": "；".join(NOTES_ZH.get(n, n) for n in ev.notes),
                "actual": ev.actual,
                "required": ev.required,
                "growth": ev.growth,
                "projection": ev.projection,
                "projection_low": ev.projection_low,
                "projection_high": ev.projection_high,
                "needed": ev.needed_growth_remaining,
            }
            if hide:
                rec.update({k: C for k in _NUMBERS if rec[k] is not None})
            records.append(rec)
    notes = [
        f"按{meta.month // 100}年{meta.month % 100}月及以前各月数据（本期数据版本）评价；"
        "评价期未结束的，按往年同期进度（季节性）预计全期，并给出预计区间。",
        f"状态：{STATUS_ZH['met']}/{STATUS_ZH['missed']}（评价期已结束）；"
        f"{STATUS_ZH['on_track']}（预计下限达标）、{STATUS_ZH['at_risk']}（预计区间跨越要求）、"
        f"{STATUS_ZH['off_track']}（预计上限未达标）。",
        "增长类目标的“要求”为达标所需的全期金额；占比类为基期占比；“快于总额”类为增速差（百分点）。",
    ]
    frame = pd.DataFrame(
        records, columns=[c.key for c in TARGET_COLUMNS] + ["indent", "key", "_unit"]
    )
    return Table("目标", "政策目标进展", TARGET_COLUMNS, frame, notes)


COVERAGE_COLUMNS = [
    Column("name", "地区", "text"),
    Column("expected", "应报重点企业（家）", "count"),
    Column("reported", "已报送（家）", "count"),
    Column("late", "其中迟报（家）", "count"),
    Column("missing", "未报送（家）", "count"),
    Column("reported_share", "重点企业报送率（%）", "pct"),
    Column("missing_share", "未报企业上年贸易额占比（%）", "pct"),
    Column("month", "本月报送企业（家）", "count"),
    Column("month_base", "上年同月（家）", "count"),
    Column("change", "增减（家）", "count"),
    Column("ytd", "累计报送企业（家）", "count"),
    Column("ytd_base", "上年同期（家）", "count"),
]


def prior_year_amounts(lines: pd.DataFrame, month: int, codes: Codes) -> pd.DataFrame:
    """Last year's BOP amounts per enterprise and region (uscc, region_code, amount)."""
    year = month // 100 - 1
    part = lines[
        lines["period"].between(year * 100 + 1, year * 100 + 12)
        & lines["mode"].isin(codes.ref.modes_in_bop)
    ]
    return part.groupby(["uscc", "region_code"], as_index=False)["amount"].sum()


def _coverage_cells(rec: dict, row, rule: DisclosureRule | None) -> None:
    """The register columns of one row (etl.coverage.compute); a missing share that few enterprises
    make up is 保密 in circulated editions (it would show their size)."""
    if row is None:
        return
    for key in ("expected", "reported", "late", "missing"):
        rec[key] = int(row[key])
    rec["reported_share"] = None if pd.isna(row["reported_share"]) else row["reported_share"]
    share = row["missing_share_of_prior_year"]
    rec["missing_share"] = None if pd.isna(share) else float(share)
    if rule is not None and 0 < rec["missing"] < rule.min_contributors and rec["missing_share"]:
        rec["missing_share"] = C


def coverage_table(lines: pd.DataFrame, meta: SnapshotMeta, codes: Codes, covered=None) -> Table:
    """报送情况: key enterprises expected, reported, late and missing (etl.coverage.compute), and the
    enterprises that reported this month and year to date against a year earlier."""
    root, parents, names = meta.region_code, codes.ref.region_parent, codes.ref.regions
    reporters = lines[["period", "uscc", "region_code"]].drop_duplicates()
    child = {c: roll_up(c, parents, root) for c in reporters["region_code"].unique()}
    reporters = reporters.assign(child=reporters["region_code"].map(child))
    y, m = meta.month // 100, meta.month
    windows = {
        "month": (m, m),
        "month_base": (m - 100, m - 100),
        "ytd": (y * 100 + 1, m),
        "ytd_base": ((y - 1) * 100 + 1, m - 100),
    }
    counts = {k: reporters[reporters["period"].between(a, b)] for k, (a, b) in windows.items()}
    children = sorted(
        (c for c, p in parents.items() if p == root),
        key=lambda c: (codes.region_order.get(c, 0), c),
    )
    register = {} if covered is None else covered.rows.set_index("code").to_dict("index")
    keys = [(c, names[c]) for c in children]
    if (reporters["child"] == root).any() or root in register:
        keys.append((root, f"{names[root]}本级（未分区）"))
    rule = None if meta.internal else meta.rule
    records = []
    for key, label in [*keys, (None, f"{names[root]}合计")]:
        rec = {"name": label, "indent": 0, "key": key or "TOTAL"}
        _coverage_cells(rec, register.get(key or "TOTAL"), rule)
        for k, frame in counts.items():
            part = frame if key is None else frame[frame["child"] == key]
            rec[k] = int(part["uscc"].nunique())
        rec["change"] = rec["month"] - rec["month_base"]
        records.append(rec)
    deadline = "" if covered is None else f"{covered.deadline:%Y年%-m月%-d日}"
    notes = [
        f"应报重点企业按重点联系企业名录中本月在册的企业计算；"
        f"报送截止为北京时间{deadline}24时，此后首次入库的报表计为迟报。",
        "未报企业上年贸易额占比 = 未报企业上年服务进出口额 ÷ 该地区上年服务进出口总额，"
        "反映本月数据可能偏低的程度"
        + ("。" if rule is None else f"；未报企业少于{rule.min_contributors}家时该比例保密（C）。"),
        "报送企业数按本期数据版本中有报表的企业计算（同一企业在累计期内只计一次）。",
    ]
    return Table(
        "报送情况", f"{meta.ytd_label}企业报送情况", COVERAGE_COLUMNS, pd.DataFrame(records), notes
    )


def monthly_chart(
    series: pd.DataFrame, hidden: set[tuple[int, str]], meta: SnapshotMeta, codes: Codes
) -> pd.DataFrame:
    """Monthly exports and imports (cents), this year and last, for the trend chart; `hidden`:
    the (period, direction) cells failing the primary rules (etl.snapshot.inputs)."""
    # A year's series is dropped (None) if any of its months is confidential: with the 累计
    # published, one hidden month would be recoverable from the others.
    y = meta.month // 100
    periods = month_range((y - 1) * 100 + 1, meta.month)
    bop = series[series["period"].isin(periods) & series["mode"].isin(codes.ref.modes_in_bop)]
    sums = bop.groupby(["period", "direction"])["amount"].sum()
    out = pd.DataFrame({"period": periods})
    out["year"], out["month"] = out["period"] // 100, out["period"] % 100
    for d in ("X", "M"):
        out[d] = pd.Series([int(sums.get((p, d), 0)) for p in periods], dtype="object")
        for year in (y - 1, y):
            if any((p, d) in hidden for p in periods if p // 100 == year):
                out.loc[out["year"] == year, d] = None
    return out
