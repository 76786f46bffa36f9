"""How a snapshot's values are shown: one place for units, rounding, C and the cover's wording."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from etl import numbers
from etl.snapshot.types import Column, SnapshotMeta

CENTS_PER_YI = 10**10  # 1 亿美元 = 10^8 USD = 10^10 cents
DASH = "—"
BEIJING = dt.timezone(dt.timedelta(hours=8), "北京时间")
INTERNAL_STAMP = "内部资料 不得外传"
FONT_STACK = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif'


def cell_kind(column: Column, row) -> str:
    """The kind of one cell: the column's, or the row's unit for mixed (auto) columns."""
    return row["_unit"] if column.kind == "auto" else column.kind


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def rounded(kind: str, value) -> float | int:
    """A number as shown: 亿美元 and 百分点 to 0.1, ratios to 0.1% (half up, from exact cents)."""
    if kind == "count":
        return int(value)
    exact = Decimal(int(value)) if isinstance(value, int) else Decimal(str(value))
    if kind == "usd":
        return float((exact / CENTS_PER_YI).quantize(Decimal("0.1"), ROUND_HALF_UP)) + 0.0
    if kind == "pp":
        return float((exact * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)) + 0.0
    return float(exact.quantize(Decimal("0.001"), ROUND_HALF_UP)) + 0.0  # + 0.0: no -0.0


def excel_value(kind: str, value, exact: bool = False):
    """What the workbook stores: the number as shown (exact: full precision), C, or None."""
    if _missing(value):
        return None
    if isinstance(value, str):
        return value
    if not exact:
        return rounded(kind, value)
    if kind == "usd":
        return value / CENTS_PER_YI
    if kind == "pp":
        return float(value) * 100
    return int(value) if kind == "count" else float(value)


def display(kind: str, value) -> str:
    """The text a reader sees: 12.3 (亿美元), 5.2%, 1.3 (百分点), 1,234 (家), C or —."""
    if _missing(value):
        return DASH
    if isinstance(value, str):
        return value
    # One rendering for every output (etl.numbers): exact, half up, from integer cents.
    if kind == "usd":
        if isinstance(value, int) or float(value).is_integer():
            return numbers.amount_text(int(value), int(CENTS_PER_YI), 1)
        return numbers.decimal_text(Decimal(str(value)) / CENTS_PER_YI, 1)
    if kind == "pp":
        return numbers.decimal_text(Decimal(str(value)) * 100, 1)
    if kind == "pct":
        return numbers.percent_text(value, 1)
    if kind == "count":
        return f"{int(value):,}"
    return str(value)


def beijing(moment: dt.datetime) -> str:
    """A timestamp in Beijing time (SQLite hands back naive UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return aware.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") + "（北京时间）"


def cover_facts(meta: SnapshotMeta, revision: dict | None = None) -> list[tuple[str, str]]:
    """The cover's label/value lines."""
    variant = (
        f"{INTERNAL_STAMP}（内部版：未做保密处理，仅限统计人员使用）"
        if meta.internal
        else "对外通报版（已按统计法做保密处理）"
    )
    facts = [
        (
            "报告期",
            f"{meta.month // 100}年{meta.month % 100}月（当月为{meta.month_label}，"
            f"累计为{meta.ytd_label}）",
        ),
        ("地区范围", f"{meta.region_name}（含所辖区、新区及功能区）"),
        ("版本", variant),
        ("数据截至", beijing(meta.vintage.at)),
        ("数据版本", f"数据事件 #{meta.vintage.event_id}（按该事件时有效的企业报表计算）"),
        ("生成时间", beijing(meta.generated_at)),
    ]
    if revision:
        facts.append(
            (
                "修订",
                f"修订版：相对于第 {revision['from_id']} 号快照（数据事件 "
                f"#{revision['from_event']}），共 {revision['changed']} 个数值变化，"
                "见“修订说明”。",
            )
        )
    return facts


def definitions(meta: SnapshotMeta) -> list[str]:
    """Notes and definitions printed on the cover."""
    rule = meta.rule
    notes = [
        "服务进出口（国际收支口径）指居民与非居民之间的服务交易，包括供给模式一（跨境提供）、"
        "模式二（境外消费）和模式四（自然人移动）。模式三（商业存在）为附属机构服务销售收入"
        "（FATS），是另一统计量，单独列示，不计入服务进出口总额。",
        "单位：金额为亿美元，保留一位小数；增速、占比为百分比，保留一位小数。合计按未经四舍五入的"
        "数据计算，分项之和与合计可能因四舍五入略有差异。“—”表示不适用（如上年同期为零）。",
        "汇率：企业以人民币报送的金额，按报告期当月人民币对美元汇率（未录入月度汇率时用国家统计局"
        "公布的年平均汇率）折算为美元，精确到分后汇总。",
        "同比：与上年同期比较，上年数据采用本数据版本中的数据（同口径）。1、2月合并发布为1–2月。",
    ]
    if meta.internal:
        notes.append(
            f"本版为{INTERNAL_STAMP}：未做保密处理，部分单元格可推算单个企业的数据，"
            "仅限统计人员使用，不得对外提供。"
        )
    else:
        notes.append(
            f"保密处理（统计法）：凡单元格的报送企业少于{rule.min_contributors}家，或最大"
            f"{rule.dominance_n}家企业合计超过该单元格的{rule.dominance_k * 100:.0f}%，显示为“C”"
            "（保密）；并隐藏必要的其他单元格（次级保密），使保密数值不能由合计、其他单元格、分组"
            "（其中项）或与上月累计之差推算。含保密数值的增速、占比、差额同样显示为“C”。"
        )
    notes += [
        f"数据版本：本报告按数据事件 #{meta.vintage.event_id} 时有效的企业报表计算；"
        "此后补报或更正的数据不改变本报告。指定同一数据版本重新生成，结果相同；需要反映更正时另出修订版。",
        "本报告不含任何单个企业的名称、代码或数据。",
    ]
    return notes
