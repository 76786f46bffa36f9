"""Pure: the rules a policy target must follow, used by the seed loader and the Targets admin page.

A target arrives as text (a CSV row, a form) in storage units: growth thresholds as a fraction
(0.10 = 10%), level thresholds in US dollars. `check_target` returns the model-ready row with an
exact Decimal threshold, or the problems in Chinese and English.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from etl.filters import GROUP_PREFIX
from etl.periods import format_period, month_range, parse_period

KINDS = ("growth_avg_annual", "level", "share_keep", "grows_faster")
RATIO_KINDS = ("share_keep", "grows_faster")  # a group against its region's total: no threshold
BASE_MEASURES = ("bop_total", "exports", "full")
CURRENCIES = ("USD",)  # the series the targets are evaluated on are in US dollars
FIELDS = (
    "code",
    "region_code",
    "measure",
    "kind",
    "threshold",
    "window_start",
    "window_end",
    "currency",
    "name_zh",
    "name_en",
    "source",
)
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")
GROWTH_MIN, GROWTH_MAX = Decimal("-0.5"), Decimal("2")  # −50% … +200% a year
LEVEL_MAX = Decimal("10") ** 13  # US$10 trillion: more is a typing error
FIRST_MONTH, LAST_MONTH = 200001, 210012
MAX_LENGTH = {"name_zh": 200, "name_en": 300, "source": 300}

PROBLEMS: dict[str, tuple[str, str]] = {
    "code": (
        "目标代码应为2–40位大写字母、数字或下划线，以字母开头（如 TJ_PILOT_GROWTH）。",
        "The target code has 2–40 capital letters, digits or underscores and starts with a "
        "letter (e.g. TJ_PILOT_GROWTH).",
    ),
    "unknown": (
        "目标 {value} 不存在（可能已被他人删除），请刷新页面。",
        "Target {value} does not exist (someone may have deleted it); reload the page.",
    ),
    "code_taken": ("目标代码 {value} 已存在，请换一个。", "Target code {value} exists already."),
    "region": ("无法识别的地区 {value}。", "Unknown region {value}."),
    "measure": ("无法识别的口径 {value}。", "Unknown measure {value}."),
    "kind": ("无法识别的目标类型 {value}。", "Unknown target kind {value}."),
    "ratio_needs_group": (
        "结构目标（占比不下降、增速快于总额）须选择一个服务类别组合作为口径。",
        "A structure target (share kept, grows faster) needs a category group as its measure.",
    ),
    "threshold": ("阈值 {value} 不是数字。", "The threshold {value} is not a number."),
    "growth_range": (
        "增速阈值应在 −50% 至 200% 之间（年均增速按百分比填写，如 10 表示 10%）。",
        "A growth threshold lies between −50% and 200% (in per cent: 10 means 10%).",
    ),
    "growth_digits": (
        "增速阈值最多保留两位小数（如 7.25%）。",
        "A growth threshold has at most two decimals (e.g. 7.25%).",
    ),
    "level_range": (
        "金额目标应大于 0 且不超过 10 万亿美元。",
        "An amount target is above zero and at most US$10 trillion.",
    ),
    "level_digits": ("金额目标最多精确到美分。", "An amount target is exact to the cent at most."),
    "ratio_threshold": (
        "结构目标没有阈值（要求与上一年同期比较），阈值应为 0。",
        "A structure target has no threshold (it compares with a year earlier); it must be 0.",
    ),
    "month": (
        "考核期月份 {value} 无效，应为 2000-01 至 2100-12 之间的 YYYY-MM。",
        "The window month {value} is not a YYYY-MM between 2000-01 and 2100-12.",
    ),
    "window_order": (
        "考核期开始月份 {start} 晚于结束月份 {end}。",
        "The window starts ({start}) after it ends ({end}).",
    ),
    "whole_years": (
        "增速和结构目标的考核期应为整年（12、24、36…个月），这里是 {months} 个月。",
        "Growth and structure targets need whole years (12, 24, 36… months); this "
        "window has {months}.",
    ),
    "currency": (
        "币种应为美元（USD）：目标按美元口径评估。",
        "The currency is USD: targets are evaluated in US dollars.",
    ),
    "required": ("必填项为空。", "Required value is empty."),
    "too_long": ("超过 {limit} 个字符。", "Longer than {limit} characters."),
}


@dataclass(frozen=True)
class TargetProblem:
    """One thing wrong with a target: the field, a stable code and the message in both languages."""

    field: str
    code: str
    zh: str
    en: str


class TargetError(ValueError):
    """A target that breaks the rules (the seed loader raises it; the page shows the problems)."""

    def __init__(self, code: str, problems: list[TargetProblem]) -> None:
        self.problems = problems
        super().__init__(f"target {code}: " + " ".join(f"[{p.field}] {p.zh}" for p in problems))


def problem(field: str, code: str, **values: object) -> TargetProblem:
    """A problem with its messages filled in."""
    zh, en = PROBLEMS[code]
    return TargetProblem(field, code, zh.format(**values), en.format(**values))


def measure_codes(groups: Collection[str]) -> list[str]:
    """Every measure a target may count: the totals and each category group."""
    return [*BASE_MEASURES, *(GROUP_PREFIX + g for g in groups)]


def check_target(
    raw: dict[str, object],
    regions: Collection[str],
    groups: Collection[str],
    taken: Collection[str] = (),
) -> tuple[dict | None, list[TargetProblem]]:
    """The model-ready target row from text fields, or None and every problem found.

    `regions` and `groups` are the known codes; `taken` the target codes a new target may not use.
    """
    text = {f: str(raw.get(f) if raw.get(f) is not None else "").strip() for f in FIELDS}
    out: list[TargetProblem] = []
    for f in FIELDS:
        if not text[f] and not (f == "threshold" and text["kind"] in RATIO_KINDS):
            out.append(problem(f, "required"))
        elif f in MAX_LENGTH and len(text[f]) > MAX_LENGTH[f]:
            out.append(problem(f, "too_long", limit=MAX_LENGTH[f]))
    code, kind, measure = text["code"], text["kind"], text["measure"]
    if code and not CODE_PATTERN.match(code):
        out.append(problem("code", "code"))
    elif code in taken:
        out.append(problem("code", "code_taken", value=code))
    if text["region_code"] and text["region_code"] not in regions:
        out.append(problem("region_code", "region", value=text["region_code"]))
    if measure and measure not in measure_codes(groups):
        out.append(problem("measure", "measure", value=measure))
    if kind and kind not in KINDS:
        out.append(problem("kind", "kind", value=kind))
    elif kind in RATIO_KINDS and measure and not measure.startswith(GROUP_PREFIX):
        out.append(problem("measure", "ratio_needs_group"))
    if text["currency"] and text["currency"] not in CURRENCIES:
        out.append(problem("currency", "currency"))
    threshold = _check_threshold(text["threshold"], kind, out)
    start, end = _check_window(text["window_start"], text["window_end"], kind, out)
    if out:
        return None, out
    row = {f: text[f] for f in FIELDS}
    row.update(threshold=threshold, window_start=start, window_end=end)
    return row, []


def _check_threshold(value: str, kind: str, out: list[TargetProblem]) -> Decimal | None:
    if kind in RATIO_KINDS and not value:
        return Decimal(0)
    if not value:
        return None
    try:
        number = Decimal(value.replace(",", ""))
    except InvalidOperation:
        out.append(problem("threshold", "threshold", value=value))
        return None
    if not number.is_finite():
        out.append(problem("threshold", "threshold", value=value))
        return None
    if kind == "growth_avg_annual":
        if not GROWTH_MIN <= number <= GROWTH_MAX:
            out.append(problem("threshold", "growth_range"))
        elif number != number.quantize(Decimal("0.0001")):
            out.append(problem("threshold", "growth_digits"))
    elif kind == "level":
        if not 0 < number <= LEVEL_MAX:
            out.append(problem("threshold", "level_range"))
        elif number != number.quantize(Decimal("0.01")):
            out.append(problem("threshold", "level_digits"))
    elif kind in RATIO_KINDS and number != 0:
        out.append(problem("threshold", "ratio_threshold"))
    return plain(number)


def plain(number: Decimal) -> Decimal:
    """The same exact number without exponent or trailing zeros (1.00E+10 → 10000000000)."""
    return Decimal(format(number.normalize(), "f")) if number else Decimal(0)


def _check_window(
    start_text: str, end_text: str, kind: str, out: list[TargetProblem]
) -> tuple[int | None, int | None]:
    months = []
    for f, value in (("window_start", start_text), ("window_end", end_text)):
        period = parse_period(value) if value else None
        if value and (period is None or not FIRST_MONTH <= period <= LAST_MONTH):
            out.append(problem(f, "month", value=value))
            period = None
        months.append(period)
    start, end = months
    if start is None or end is None:
        return start, end
    if start > end:
        out.append(
            problem(
                "window_end", "window_order", start=format_period(start), end=format_period(end)
            )
        )
    elif kind != "level" and len(month_range(start, end)) % 12:
        out.append(problem("window_end", "whole_years", months=len(month_range(start, end))))
    return start, end
