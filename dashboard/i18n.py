"""Every user-facing string, in Chinese and English, and the number and period formats.

A missing value (None, NaN, NA, ±inf) always formats as MISSING ("—"), never "nan"/"None".
Amounts arrive in minor units (US cents, CNY fen), as the database stores them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import parse_qs

import pandas as pd

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
MISSING = "—"

# key -> {"zh": ..., "en": ...}; "{name}" placeholders are filled by t(key, lang, name=...).
CATALOGUE: dict[str, dict[str, str]] = {
    "app.title": {"zh": "服务贸易统计监测", "en": "Services Trade Monitor"},
    "lang.zh": {"zh": "中文", "en": "中文"},
    "lang.en": {"zh": "EN", "en": "EN"},
    "shell.lang_switch": {"zh": "界面语言", "en": "Language"},
    # Navigation names, one per page (register_page(..., name_key="nav.…")).
    "nav.home": {"zh": "首页", "en": "Home"},
    "nav.overview": {"zh": "总览", "en": "Overview"},
    "nav.modes": {"zh": "供给模式", "en": "Modes of supply"},
    "nav.sectors": {"zh": "服务领域", "en": "Sectors"},
    "nav.regions": {"zh": "区域", "en": "Regions"},
    "nav.partners": {"zh": "贸易伙伴", "en": "Partners"},
    "nav.targets": {"zh": "目标监测", "en": "Targets"},
    "nav.upload": {"zh": "数据上传", "en": "Upload"},
    # Home page.
    "home.title": {"zh": "数据概况", "en": "What the database holds"},
    "home.lead": {
        "zh": "以下为数据库中当前有效的企业报表（不含已被修订或撤回的版本）。",
        "en": "Current enterprise reports in the database "
        "(revised and withdrawn versions excluded).",
    },
    "home.kpi.periods": {"zh": "数据期间", "en": "Periods covered"},
    "home.kpi.periods_sub": {"zh": "共{n}个月", "en": "{n} months"},
    "home.kpi.enterprises": {"zh": "报送企业", "en": "Reporting enterprises"},
    "home.kpi.enterprises_sub": {"zh": "有当前报表的企业", "en": "with a current report"},
    "home.kpi.reports": {"zh": "当前报表", "en": "Current reports"},
    "home.kpi.reports_sub": {"zh": "企业 × 月份", "en": "enterprise × month"},
    "home.kpi.lines": {"zh": "报表明细行", "en": "Report lines"},
    "home.kpi.lines_sub": {"zh": "当前报表中的明细", "en": "in the current reports"},
    "home.kpi.batches": {"zh": "已入库批次", "en": "Loaded batches"},
    "home.kpi.batches_sub": {"zh": "已上传并入库的文件", "en": "files uploaded and loaded"},
    "home.empty": {"zh": "数据库中尚无数据。", "en": "The database holds no data yet."},
    "home.empty_hint": {
        "zh": "请在命令行加载企业报表文件（xlsx 或 csv）：",
        "en": "Load enterprise report files (xlsx or csv) from the command line:",
    },
    "home.unavailable": {
        "zh": "无法读取数据库，数据库可能尚未初始化。",
        "en": "The database cannot be read; it may not be initialised yet.",
    },
    "home.unavailable_hint": {
        "zh": "请先在命令行初始化数据库：",
        "en": "Initialise it from the command line first:",
    },
    # 404 page.
    "notfound.title": {"zh": "页面不存在", "en": "Page not found"},
    "notfound.body": {
        "zh": "您访问的地址不存在或已移动。",
        "en": "The address you opened does not exist or has moved.",
    },
    "notfound.home": {"zh": "返回首页", "en": "Back to the home page"},
    # Units and number formats ({v} is the formatted number).
    "unit.usd_100m": {"zh": "{v}亿美元", "en": "US$ {v} million"},
    "unit.usd_100m.label": {"zh": "亿美元", "en": "US$ million"},
    "unit.usd_10k": {"zh": "{v}万美元", "en": "US$ {v} thousand"},
    "unit.usd_10k.label": {"zh": "万美元", "en": "US$ thousand"},
    "unit.cny_100m": {"zh": "{v}亿元人民币", "en": "RMB {v} million"},
    "unit.cny_100m.label": {"zh": "亿元人民币", "en": "RMB million"},
    "fmt.pp": {"zh": "{v}个百分点", "en": "{v} percentage points"},
    "fmt.period_range": {"zh": "{a} – {b}", "en": "{a} – {b}"},
}

EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def normalize_lang(lang: object) -> str:
    """'en', 'EN', 'en-GB' -> 'en'; anything else (None, 'zh', 'fr') -> 'zh'."""
    return "en" if str(lang or "").strip().lower().startswith("en") else DEFAULT_LANG


def lang_from_search(search: str | None) -> str | None:
    """The language a URL query asks for ('?lang=en' -> 'en'), or None when it asks none."""
    values = parse_qs((search or "").lstrip("?")).get("lang")
    return normalize_lang(values[0]) if values else None


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The catalogue string for key in lang, with {placeholders} filled from values."""
    text = CATALOGUE[key][normalize_lang(lang)]
    return text.format(**values) if values else text


def is_missing(value: object) -> bool:
    """Whether a value is absent for display: None, NaN, pandas NA/NaT or infinite."""
    if value is None or isinstance(value, str):
        return value is None
    try:
        if pd.isna(value):
            return True
        return not math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):  # arrays and non-numbers
        return False


# ---------------------------------------------------------------- numbers


@dataclass(frozen=True)
class Unit:
    """How an amount in minor units is shown: divisor and decimals per language."""

    per_zh: int
    decimals_zh: int
    per_en: int
    decimals_en: int


UNITS: dict[str, Unit] = {
    # 1 亿美元 = 1e8 USD = 1e10 cents; English shows US$ million (1e8 cents).
    "usd_100m": Unit(per_zh=10**10, decimals_zh=1, per_en=10**8, decimals_en=0),
    "usd_10k": Unit(per_zh=10**6, decimals_zh=1, per_en=10**5, decimals_en=0),
    "cny_100m": Unit(per_zh=10**10, decimals_zh=1, per_en=10**8, decimals_en=0),
}


def to_unit(value: object, unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> float | None:
    """An amount in minor units scaled to the display unit (for chart axes); None if missing."""
    if is_missing(value):
        return None
    spec = UNITS[unit]
    return float(value) / (spec.per_en if normalize_lang(lang) == "en" else spec.per_zh)


def unit_label(unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> str:
    """The unit's name for axis titles and table headers: 亿美元 / US$ million."""
    return t(f"unit.{unit}.label", lang)


def fmt_amount(value: object, unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> str:
    """Minor units as text in the unit: 1234600000000 cents -> '123.5亿美元' (zh)."""
    scaled = to_unit(value, unit, lang)
    if scaled is None:
        return MISSING
    spec = UNITS[unit]
    decimals = spec.decimals_en if normalize_lang(lang) == "en" else spec.decimals_zh
    return t(f"unit.{unit}", lang, v=_number(scaled, decimals))


def fmt_count(value: object) -> str:
    """A whole number with thousands separators: 12345 -> '12,345'."""
    return MISSING if is_missing(value) else f"{int(value):,}"  # type: ignore[arg-type]


def fmt_pct(value: object, digits: int = 1, signed: bool = True) -> str:
    """A ratio as a percentage: 0.1234 -> '+12.3%' (growth); signed=False for shares."""
    if is_missing(value):
        return MISSING
    text = _number(float(value) * 100, digits)  # type: ignore[arg-type]
    return f"{_sign(text) if signed else ''}{text}%"


def fmt_pp(value: object, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A change of share (ratio difference) in points: 0.021 -> '+2.1个百分点'."""
    if is_missing(value):
        return MISSING
    text = _number(float(value) * 100, digits)  # type: ignore[arg-type]
    return t("fmt.pp", lang, v=_sign(text) + text)


def _number(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    # Rounding can leave '-0.0'; a zero has no sign.
    return text[1:] if text.startswith("-") and not any(c in "123456789" for c in text) else text


def _sign(text: str) -> str:
    return "" if text.startswith("-") or not any(c in "123456789" for c in text) else "+"


# ---------------------------------------------------------------- periods (YYYYMM integers)


def _split(period: object) -> tuple[int, int]:
    year, month = divmod(int(period), 100)  # type: ignore[call-overload]
    if not 1 <= month <= 12:
        raise ValueError(f"not a YYYYMM period: {period!r}")
    return year, month


def fmt_period(period: object, lang: str = DEFAULT_LANG) -> str:
    """201906 -> '2019年6月' / 'Jun 2019'."""
    if is_missing(period):
        return MISSING
    year, month = _split(period)
    if normalize_lang(lang) == "en":
        return f"{EN_MONTHS[month - 1]} {year}"
    return f"{year}年{month}月"


def fmt_ytd(period: object, lang: str = DEFAULT_LANG) -> str:
    """Year to date ending in the period: 201906 -> '2019年1–6月' / 'Jan–Jun 2019'."""
    if is_missing(period):
        return MISSING
    year, month = _split(period)
    if month == 1:
        return fmt_period(period, lang)
    if normalize_lang(lang) == "en":
        return f"Jan–{EN_MONTHS[month - 1]} {year}"
    return f"{year}年1–{month}月"


def fmt_period_range(first: object, last: object, lang: str = DEFAULT_LANG) -> str:
    """201501, 202112 -> '2015年1月 – 2021年12月' / 'Jan 2015 – Dec 2021'."""
    if is_missing(first) or is_missing(last):
        return MISSING
    if int(first) == int(last):  # type: ignore[call-overload]
        return fmt_period(first, lang)
    return t("fmt.period_range", lang, a=fmt_period(first, lang), b=fmt_period(last, lang))


def fmt_number(value: object, unit: str = "usd_100m", lang: str = DEFAULT_LANG) -> str:
    """An amount in the unit without the unit's name, for table cells under a unit header."""
    scaled = to_unit(value, unit, lang)
    if scaled is None:
        return MISSING
    spec = UNITS[unit]
    return _number(scaled, spec.decimals_en if normalize_lang(lang) == "en" else spec.decimals_zh)


# ---------------------------------------------------------------- 目标监测 / Targets page

CATALOGUE.update({
    "targets.title": {"zh": "目标监测", "en": "Policy targets"},
    "targets.lead": {
        "zh": "对照试点方案中的目标：截至所选月份已经完成多少、预计全年（考核期）能到多少、"
        "剩余月份还需增长多少。",
        "en": "The targets of the pilot programmes: what has happened by the chosen month, "
        "what is projected for each window, and what the remaining months need.",
    },
    "targets.as_of": {"zh": "数据截至", "en": "Data up to"},
    "targets.as_of_note": {
        "zh": "按各报表当前有效版本计算（含修订，同口径比较）。",
        "en": "Computed on the current version of every report (revisions included, "
        "like-for-like base).",
    },
    "targets.empty": {"zh": "数据库中尚无数据，暂无法评估目标。",
                      "en": "The database holds no data yet, so no target can be evaluated."},
    "targets.none": {"zh": "尚未设置任何目标。", "en": "No targets are set."},
    "targets.none_hint": {"zh": "在 seeds/targets.csv 中添加目标后重新加载参考数据：",
                          "en": "Add targets to seeds/targets.csv and reload the reference data:"},
    "status.met": {"zh": "已达成", "en": "Met"},
    "status.missed": {"zh": "未达成", "en": "Missed"},
    "status.on_track": {"zh": "有望达成", "en": "On track"},
    "status.at_risk": {"zh": "存在风险", "en": "At risk"},
    "status.off_track": {"zh": "进度落后", "en": "Off track"},
    "status.not_started": {"zh": "未开始", "en": "Not started"},
    "status.no_data": {"zh": "暂无数据", "en": "No data"},
    "targets.source": {"zh": "依据：{source}", "en": "Source: {source}"},
    "targets.region": {"zh": "区域：{region}", "en": "Region: {region}"},
    "targets.col.window": {"zh": "考核期", "en": "Window"},
    "targets.col.status": {"zh": "状态", "en": "Status"},
    "targets.col.actual": {"zh": "实际", "en": "Actual"},
    "targets.col.required": {"zh": "目标要求", "en": "Required"},
    "targets.col.growth": {"zh": "增速", "en": "Growth"},
    "targets.col.projection": {"zh": "预测（区间）", "en": "Projection (range)"},
    "targets.col.needed": {"zh": "其余月份需增长", "en": "Needed in the rest"},
    "targets.col.months": {"zh": "已报月份", "en": "Months in"},
    "targets.months": {"zh": "{n}/{total}", "en": "{n}/{total}"},
    "targets.so_far": {"zh": "{v}（截至目前）", "en": "{v} so far"},
    "targets.projected": {"zh": "{v}（预测）", "en": "{v} (projected)"},
    "targets.range": {"zh": "{v}（{low}至{high}）", "en": "{v} ({low} to {high})"},
    "targets.required_growth": {"zh": "{v}（增长{t}）", "en": "{v} (+{t})"},
    "targets.share_at_least": {"zh": "不低于{v}", "en": "at least {v}"},
    "targets.faster": {"zh": "快于总额增速", "en": "faster than the total"},
    "targets.faster_by": {"zh": "增速差{v}", "en": "{v} vs the total"},
    "targets.share": {"zh": "占比{v}", "en": "share {v}"},
    "targets.needed": {"zh": "其余{n}个月需同比增长{v}", "en": "The other {n} months need {v} "
                       "year on year"},
    "targets.needed_decline": {"zh": "其余{n}个月同比下降不超过{v}即可达成",
                               "en": "The other {n} months may fall by up to {v} year on year"},
    "targets.gap": {"zh": "差额{v}", "en": "gap {v}"},
    "targets.headline.actual": {"zh": "实际", "en": "Actual"},
    "targets.headline.projected": {"zh": "预测", "en": "Projected"},
    "targets.headline.required": {"zh": "目标", "en": "Target"},
    "targets.headline.growth": {"zh": "增速", "en": "Growth"},
    "targets.headline.avg_growth": {"zh": "年均增速", "en": "Average growth"},
    "targets.note.missing_months": {
        "zh": "考核期已结束，但仍有月份未报送，状态按预测判断。",
        "en": "The window has ended but some months are not reported; the status is projected."},
    "targets.note.one_prior_year": {
        "zh": "仅有一年可比同期数据，预测区间按±5%估计。",
        "en": "Only one earlier year to compare with; the range is ±5%."},
    "targets.note.no_history": {
        "zh": "无可比同期数据，按已报月份平均外推，预测区间±15%。",
        "en": "No earlier year to compare with: linear projection, range ±15%."},
    "targets.note.no_base": {"zh": "基期无数据，无法计算增速。",
                             "en": "No data in the base period; growth cannot be computed."},
    "targets.note.avg_not_started": {
        "zh": "年均增速按试点最后一年与试点前一年计算，最后一年尚未开始。",
        "en": "The average is measured on the pilot's last year, which has not started."},
    "targets.chart.title": {"zh": "累计进度", "en": "Cumulative progress"},
    "targets.chart.lead": {
        "zh": "实线为累计实际值；虚线为达成目标所需的累计路径（按上年同期月度分布）；"
        "阴影为预测区间。",
        "en": "Solid: cumulative actual. Dashed: the cumulative path the target needs "
        "(spread like the same months a year earlier). Shaded: the projection range."},
    "targets.chart.pick": {"zh": "目标与考核期", "en": "Target and window"},
    "targets.chart.actual": {"zh": "累计实际", "en": "Cumulative actual"},
    "targets.chart.needed": {"zh": "目标所需路径", "en": "Path needed"},
    "targets.chart.base": {"zh": "上年同期累计", "en": "Same months a year earlier"},
    "targets.chart.projection": {"zh": "预测", "en": "Projection"},
    "targets.chart.band": {"zh": "预测区间", "en": "Projection range"},
    "targets.chart.empty": {"zh": "该考核期尚无数据，暂无累计进度。",
                            "en": "No data in this window yet, so there is no progress to chart."},
    "targets.chart.none": {"zh": "没有金额类目标可绘制累计进度。",
                           "en": "No amount target to chart."},
    "targets.dist.title": {"zh": "区域评价", "en": "District evaluation"},
    "targets.dist.lead": {
        "zh": "各区、新区服务贸易总额（国际收支口径：模式一、二、四）排名及对全市增长的拉动；"
        "功能区并入所属区。",
        "en": "Districts and new areas by services trade total (BOP basis: modes 1, 2, 4), "
        "with their contribution to the city's growth; functional zones count in their district."},
    "targets.dist.city": {"zh": "城市", "en": "City"},
    "targets.dist.window": {"zh": "统计期", "en": "Period"},
    "targets.dist.ytd": {"zh": "{v}累计", "en": "{v} (year to date)"},
    "targets.dist.partial": {"zh": "统计期尚未结束：比较{a}与上年同期。",
                             "en": "The period is not over: {a} against a year earlier."},
    "targets.dist.rank": {"zh": "排名", "en": "Rank"},
    "targets.dist.region": {"zh": "区域", "en": "Region"},
    "targets.dist.current": {"zh": "金额（{unit}）", "en": "Amount ({unit})"},
    "targets.dist.previous": {"zh": "上年同期（{unit}）", "en": "A year earlier ({unit})"},
    "targets.dist.growth": {"zh": "同比增速", "en": "Growth"},
    "targets.dist.share": {"zh": "占全市比重", "en": "Share of city"},
    "targets.dist.contribution": {"zh": "拉动全市增长", "en": "Contribution to city growth"},
    "targets.dist.contribution_pp": {"zh": "拉动全市增长（百分点）",
                                     "en": "Contribution to city growth (percentage points)"},
    "targets.dist.enterprises": {"zh": "报送企业数", "en": "Reporting enterprises"},
    "targets.dist.enterprises_previous": {"zh": "上年同期报送企业数",
                                          "en": "Reporting a year earlier"},
    "targets.dist.coverage_note": {
        "zh": "报送覆盖：统计期内有报表的企业数与上年同期对比。重点联系企业名录将在后续版本接入，"
        "届时按名录计算覆盖率。",
        "en": "Coverage: enterprises with a report in the period against a year earlier. The "
        "key-enterprise register comes in a later release; coverage against it will follow."},
    "targets.dist.export_xlsx": {"zh": "导出 Excel", "en": "Export Excel"},
    "targets.dist.export_csv": {"zh": "导出 CSV", "en": "Export CSV"},
    "targets.dist.file": {"zh": "区域评价", "en": "district-evaluation"},
    "targets.dist.empty": {"zh": "所选统计期内无数据。", "en": "No data in the chosen period."},
})

CATALOGUE.update({
    "targets.required_avg_growth": {"zh": "{v}（年均增长{t}）", "en": "{v} (+{t} a year)"},
    "targets.pct_col": {"zh": "{name}（%）", "en": "{name} (%)"},
    "targets.dist.notes_sheet": {"zh": "说明", "en": "Notes"},
    "targets.dist.measure": {"zh": "口径：服务进出口总额（国际收支口径，模式一、二、四），美元",
                             "en": "Measure: services trade total (BOP basis, modes 1, 2, 4), USD"},
})


# ---------------------------------------------------------------- filter bar, downloads, 总览

CATALOGUE.update({
    # The shared filter bar (dashboard/filter_bar.py).
    "filter.label": {"zh": "筛选条件", "en": "Filters"},
    "filter.period": {"zh": "统计期间", "en": "Period"},
    "filter.period.month": {"zh": "按月", "en": "Month"},
    "filter.period.year": {"zh": "按年", "en": "Year"},
    "filter.period.range": {"zh": "区间", "en": "Range"},
    "filter.month": {"zh": "月份", "en": "Month"},
    "filter.year": {"zh": "年份", "en": "Year"},
    "filter.from": {"zh": "起始月份", "en": "From"},
    "filter.to": {"zh": "截止月份", "en": "To"},
    "filter.year_option": {"zh": "{y}年", "en": "{y}"},
    "filter.region": {"zh": "地区", "en": "Region"},
    "filter.direction": {"zh": "贸易方向", "en": "Direction"},
    "filter.direction.both": {"zh": "进出口", "en": "Both"},
    "filter.direction.X": {"zh": "出口", "en": "Exports"},
    "filter.direction.M": {"zh": "进口", "en": "Imports"},
    "filter.categories": {"zh": "服务类别", "en": "Service categories"},
    "filter.categories.all": {"zh": "全部类别", "en": "All categories"},
    "filter.group": {"zh": "{name}（类别组）", "en": "{name} (group)"},
    "filter.modes": {"zh": "供给模式", "en": "Modes of supply"},
    "filter.modes.all": {"zh": "口径内全部模式", "en": "All modes in scope"},
    "filter.mode": {"zh": "{short}：{name}", "en": "{short}: {name}"},
    "filter.unit": {"zh": "单位", "en": "Unit"},
    "filter.scope": {"zh": "统计口径", "en": "Coverage"},
    "filter.scope.bop": {"zh": "国际收支口径", "en": "BOP basis"},
    "filter.scope.full": {"zh": "全口径（含模式三）", "en": "Full (incl. mode 3)"},
    "filter.reset": {"zh": "恢复默认", "en": "Reset"},
    # Downloads (dashboard/downloads.py).
    "dl.label": {"zh": "下载数据", "en": "Download data"},
    "dl.csv": {"zh": "CSV", "en": "CSV"},
    "dl.xlsx": {"zh": "Excel", "en": "Excel"},
    "dl.png_hint": {"zh": "图片：图表右上角相机按钮", "en": "Image: camera button on the chart"},
    # Charts (dashboard/figures.py) and their tables (dashboard/tables.py).
    "fig.amount_axis": {"zh": "金额（{unit}）", "en": "Amount ({unit})"},
    "fig.yoy_axis": {"zh": "同比（%）", "en": "Year on year (%)"},
    "fig.amount": {"zh": "当月金额", "en": "Monthly amount"},
    "fig.yoy": {"zh": "同比增长", "en": "Year-on-year growth"},
    "fig.year": {"zh": "{y}年", "en": "{y}"},
    "fig.no_data": {"zh": "暂无数据", "en": "No data"},
    "fig.jan_feb_tick": {"zh": "1–2", "en": "1–2"},
    "fig.jan_feb_bar": {"zh": "1–2月合并", "en": "Jan–Feb combined"},
    "fig.month_axis": {"zh": "月份", "en": "Month"},
    "fig.share": {"zh": "占比", "en": "Share"},
    "fig.share_axis": {"zh": "占比（%）", "en": "Share (%)"},
    "tbl.share": {"zh": "占比（%）", "en": "Share (%)"},
    "ovw.kis.chart": {"zh": "历年同期占比", "en": "Share, same months by year"},
    "ovw.kis.file": {"zh": "知识密集型服务占比_{region}_{period}",
                     "en": "knowledge-intensive-share_{region}_{period}"},
    "ovw.targets.share_goal": {"zh": "目标不低于{v}", "en": "target: at least {v}"},
    "ovw.targets.faster_goal": {"zh": "目标快于总额增速", "en": "target: grow faster than the "
                                "total"},
    "ovw.targets.growth_goal": {"zh": "目标{v}", "en": "target {v}"},
    "tbl.period": {"zh": "期间", "en": "Period"},
    "tbl.amount": {"zh": "金额（{unit}）", "en": "Amount ({unit})"},
    "tbl.previous": {"zh": "上年同期（{unit}）", "en": "A year earlier ({unit})"},
    "tbl.yoy": {"zh": "同比（%）", "en": "Year on year (%)"},
    # 总览 / Overview page.
    "ovw.title": {"zh": "服务贸易总览", "en": "Services trade overview"},
    "ovw.context": {"zh": "{region} · {period} · {scope} · 单位：{unit}",
                    "en": "{region} · {period} · {scope} · unit: {unit}"},
    "ovw.cum": {"zh": "{period}累计", "en": "{period}, cumulative"},
    "ovw.month": {"zh": "{period}当月", "en": "{period} (month)"},
    "ovw.kpi.total": {"zh": "服务进出口总额", "en": "Services trade total"},
    "ovw.kpi.exports": {"zh": "服务出口", "en": "Services exports"},
    "ovw.kpi.imports": {"zh": "服务进口", "en": "Services imports"},
    "ovw.kpi.balance": {"zh": "贸易差额", "en": "Trade balance"},
    "ovw.yoy": {"zh": "同比{v}", "en": "{v} year on year"},
    "ovw.mom": {"zh": "环比{v}", "en": "{v} on the month before"},
    "ovw.mom_jan_feb": {"zh": "1–2月合并，不计环比", "en": "Jan–Feb combined: no monthly change"},
    "ovw.surplus": {"zh": "顺差{v}", "en": "Surplus {v}"},
    "ovw.deficit": {"zh": "逆差{v}", "en": "Deficit {v}"},
    "ovw.balanced": {"zh": "收支平衡", "en": "Balanced"},
    "ovw.base": {"zh": "上年同期：{v}", "en": "A year earlier: {v}"},
    "ovw.scope_bop": {
        "zh": "国际收支口径：模式一（跨境提供）、模式二（境外消费）、模式四（自然人移动）；"
        "不含模式三（商业存在）。",
        "en": "BOP basis: mode 1 (cross-border supply), mode 2 (consumption abroad) and mode 4 "
        "(presence of natural persons); mode 3 (commercial presence) is not included."},
    "ovw.scope_full": {
        "zh": "全口径：已计入模式三（商业存在，即附属机构服务销售收入，FATS）。该口径与国际收支口径"
        "的服务进出口总额不可直接比较。",
        "en": "Full coverage: mode 3 (commercial presence, i.e. sales of foreign affiliates, FATS) "
        "is included. This is not comparable with the BOP services trade total."},
    "ovw.trend.title": {"zh": "服务{direction}月度走势", "en": "Monthly services {direction}"},
    "dir.both": {"zh": "进出口", "en": "trade"},
    "dir.X": {"zh": "出口", "en": "exports"},
    "dir.M": {"zh": "进口", "en": "imports"},
    "ovw.trend.subtitle": {"zh": "{region} · 单位：{unit} · 1–2月合并发布",
                           "en": "{region} · {unit} · January and February combined"},
    "ovw.trend.file": {"zh": "服务贸易月度走势_{region}_{period}",
                       "en": "monthly-services-trade_{region}_{period}"},
    "ovw.kis.title": {"zh": "知识密集型服务", "en": "Knowledge-intensive services"},
    "ovw.kis.share": {"zh": "占服务{direction}比重", "en": "Share of services {direction}"},
    "ovw.kis.up": {"zh": "比上年同期提高{v}个百分点", "en": "up {v} percentage points on a year "
                   "earlier"},
    "ovw.kis.down": {"zh": "比上年同期下降{v}个百分点", "en": "down {v} percentage points on a "
                     "year earlier"},
    "ovw.kis.same": {"zh": "与上年同期持平", "en": "unchanged on a year earlier"},
    "ovw.kis.amount": {"zh": "金额{v}，同比{g}", "en": "{v}, {g} year on year"},
    "ovw.kis.members": {"zh": "包括：{names}", "en": "Comprises: {names}"},
    "ovw.kis.sep": {"zh": "；", "en": "; "},
    "ovw.targets.title": {"zh": "目标完成情况", "en": "Targets"},
    "ovw.targets.none": {"zh": "{region}未设定监测目标。",
                         "en": "No targets are set for {region}."},
    "ovw.targets.link": {"zh": "查看目标监测详情", "en": "Target details"},
    "ovw.targets.window": {"zh": "{window} · 数据截至{as_of}", "en": "{window} · data to {as_of}"},
    "ovw.targets.actual": {"zh": "实际{v}", "en": "Actual {v}"},
    "ovw.targets.projected": {"zh": "预计{v}", "en": "Projected {v}"},
    "ovw.targets.required": {"zh": "目标{v}", "en": "Target {v}"},
    "ovw.targets.growth": {"zh": "增速{v}", "en": "Growth {v}"},
    "ovw.targets.share": {"zh": "占比{v}", "en": "share {v}"},
    "ovw.targets.faster": {"zh": "增速差{v}", "en": "growth gap {v}"},
    "ovw.coverage.title": {"zh": "数据覆盖", "en": "Data coverage"},
    "ovw.coverage.periods": {"zh": "数据库期间", "en": "Periods in the database"},
    "ovw.coverage.reporting": {"zh": "{period}报送企业", "en": "Enterprises reporting, {period}"},
    "ovw.coverage.count": {"zh": "{n}家", "en": "{n}"},
    "ovw.coverage.previous": {"zh": "上月{n}家", "en": "{n} the month before"},
    "ovw.coverage.note": {"zh": "月度数据为企业直报初步数，可能随报表修订而变化。",
                          "en": "Monthly figures are preliminary enterprise reports and may "
                          "change when reports are revised."},
    "ovw.empty": {"zh": "{period}{region}尚无企业报送", "en": "No enterprise in {region} has "
                  "reported for {period} yet"},
    "ovw.empty_hint": {"zh": "请选择其他期间或地区；已入库的数据期间见“数据概况”。",
                       "en": "Choose another period or region; the home page lists the periods "
                       "loaded."},
    "home.overview_link": {"zh": "查看服务贸易总览", "en": "Open the services trade overview"},
    # dcc.Dropdown's own texts (its `labels` prop).
    "dd.select_all": {"zh": "全选", "en": "Select all"},
    "dd.deselect_all": {"zh": "全部取消", "en": "Deselect all"},
    "dd.selected_count": {"zh": "已选{num_selected}项", "en": "{num_selected} selected"},
    "dd.search": {"zh": "搜索", "en": "Search"},
    "dd.clear_search": {"zh": "清除搜索", "en": "Clear search"},
    "dd.clear_selection": {"zh": "清除选择", "en": "Clear selection"},
    "dd.no_options_found": {"zh": "无匹配选项", "en": "No options found"},
})


def fmt_window(start: object, end: object, lang: str = DEFAULT_LANG) -> str:
    """A cumulative window: '2021年1–6月' from January, else '2020年7月 – 2021年6月'."""
    if is_missing(start) or is_missing(end):
        return MISSING
    if int(start) == (int(end) // 100) * 100 + 1:  # type: ignore[call-overload]
        return fmt_ytd(end, lang)
    return fmt_period_range(start, end, lang)
