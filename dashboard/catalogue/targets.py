"""Strings of the 目标监测 / Targets page."""

from etl.targets.vocabulary import STATUS_WORDS

STRINGS: dict[str, dict[str, str]] = {
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
    "targets.empty": {
        "zh": "数据库中尚无数据，暂无法评估目标。",
        "en": "The database holds no data yet, so no target can be evaluated.",
    },
    "targets.none": {"zh": "尚未设置任何目标。", "en": "No targets are set."},
    "targets.none_hint": {
        "zh": "管理员可在“目标管理”页面新增目标；目标表为空时也可从 seeds/targets.csv 载入：",
        "en": "Administrators add targets on the Targets admin page; an empty "
        "target table can also be loaded from seeds/targets.csv:",
    },
    # status.*: etl.targets.vocabulary.STATUS_WORDS (one vocabulary for screen, snapshot, CLI)
    **{f"status.{code}": dict(words) for code, words in STATUS_WORDS.items()},
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
    "targets.needed": {
        "zh": "其余{n}个月需同比增长{v}",
        "en": "The other {n} months need {v} year on year",
    },
    "targets.needed_decline": {
        "zh": "其余{n}个月同比下降不超过{v}即可达成",
        "en": "The other {n} months may fall by up to {v} year on year",
    },
    "targets.gap": {"zh": "差额{v}", "en": "gap {v}"},
    "targets.headline.actual": {"zh": "实际", "en": "Actual"},
    "targets.headline.projected": {"zh": "预测", "en": "Projected"},
    "targets.headline.required": {"zh": "目标", "en": "Target"},
    "targets.headline.growth": {"zh": "增速", "en": "Growth"},
    "targets.headline.avg_growth": {"zh": "年均增速", "en": "Average growth"},
    "targets.note.missing_months": {
        "zh": "考核期已结束，但仍有月份未报送，状态按预测判断。",
        "en": "The window has ended but some months are not reported; the status is projected.",
    },
    "targets.note.one_prior_year": {
        "zh": "仅有一年可比同期数据，预测区间按±5%估计。",
        "en": "Only one earlier year to compare with; the range is ±5%.",
    },
    "targets.note.no_history": {
        "zh": "无可比同期数据，按已报月份平均外推，预测区间±15%。",
        "en": "No earlier year to compare with: linear projection, range ±15%.",
    },
    "targets.note.no_base": {
        "zh": "基期无数据，无法计算增速。",
        "en": "No data in the base period; growth cannot be computed.",
    },
    "targets.note.why_differ": {
        "zh": "各年度与“{window}”状态不同，是因为口径不同：年度按当年比上年的增速判断；"
        "“{window}”按{years}年的年均增速（最后一年比试点前一年，开{years}次方）判断，"
        "一年的落后可由另一年的超额弥补。",
        "en": "The years and “{window}” differ in status because they measure different things: "
        "a year its own growth on the year before; “{window}” the average growth a year over "
        "{years} years (last year on the year before the pilot), where one year's shortfall "
        "can be made up by another's excess.",
    },
    "targets.note.avg_not_started": {
        "zh": "年均增速按试点最后一年与试点前一年计算，最后一年尚未开始。",
        "en": "The average is measured on the pilot's last year, which has not started.",
    },
    "targets.chart.title": {"zh": "累计进度", "en": "Cumulative progress"},
    "targets.chart.lead": {
        "zh": "实线为累计实际值；虚线为达成目标所需的累计路径（按上年同期月度分布）；"
        "阴影为预测区间。",
        "en": "Solid: cumulative actual. Dashed: the cumulative path the target needs "
        "(spread like the same months a year earlier). Shaded: the projection range.",
    },
    "targets.chart.pick": {"zh": "目标与考核期", "en": "Target and window"},
    "targets.chart.actual": {"zh": "累计实际", "en": "Cumulative actual"},
    "targets.chart.needed": {"zh": "目标所需路径", "en": "Path needed"},
    "targets.chart.base": {"zh": "上年同期累计", "en": "Same months a year earlier"},
    "targets.chart.projection": {"zh": "预测", "en": "Projection"},
    "targets.chart.band": {"zh": "预测区间", "en": "Projection range"},
    "targets.chart.empty": {
        "zh": "该考核期尚无数据，暂无累计进度。",
        "en": "No data in this window yet, so there is no progress to chart.",
    },
    "targets.chart.none": {
        "zh": "没有金额类目标可绘制累计进度。",
        "en": "No amount target to chart.",
    },
    "targets.dist.title": {"zh": "区域评价", "en": "District evaluation"},
    "targets.dist.lead": {
        "zh": "各区、新区服务贸易总额（国际收支口径：模式一、二、四）排名及对全市增长的拉动；"
        "功能区并入所属区。",
        "en": "Districts and new areas by services trade total (BOP basis: modes 1, 2, 4), "
        "with their contribution to the city's growth; functional zones count in their district.",
    },
    "targets.dist.city": {"zh": "城市", "en": "City"},
    "targets.dist.window": {"zh": "统计期", "en": "Period"},
    "targets.dist.ytd": {"zh": "{v}累计", "en": "{v} (year to date)"},
    "targets.dist.partial": {
        "zh": "统计期尚未结束：比较{a}与上年同期。",
        "en": "The period is not over: {a} against a year earlier.",
    },
    "targets.dist.rank": {"zh": "排名", "en": "Rank"},
    "targets.dist.region": {"zh": "区域", "en": "Region"},
    "targets.dist.current": {"zh": "金额（{unit}）", "en": "Amount ({unit})"},
    "targets.dist.previous": {"zh": "上年同期（{unit}）", "en": "A year earlier ({unit})"},
    "targets.dist.growth": {"zh": "同比增速", "en": "Growth"},
    "targets.dist.share": {"zh": "占全市比重", "en": "Share of city"},
    "targets.dist.contribution": {"zh": "拉动全市增长", "en": "Contribution to city growth"},
    "targets.dist.contribution_pp": {
        "zh": "拉动全市增长（百分点）",
        "en": "Contribution to city growth (percentage points)",
    },
    "targets.dist.enterprises": {"zh": "报送企业数", "en": "Reporting enterprises"},
    "targets.dist.enterprises_previous": {
        "zh": "上年同期报送企业数",
        "en": "Reporting a year earlier",
    },
    "targets.dist.coverage_note": {
        "zh": "报送覆盖：统计期内有报表的企业数与上年同期对比。重点联系企业名录将在后续版本接入，"
        "届时按名录计算覆盖率。",
        "en": "Coverage: enterprises with a report in the period against a year earlier. The "
        "key-enterprise register comes in a later release; coverage against it will follow.",
    },
    "targets.dist.export_xlsx": {"zh": "导出 Excel", "en": "Export Excel"},
    "targets.dist.export_csv": {"zh": "导出 CSV", "en": "Export CSV"},
    "targets.dist.file": {"zh": "区域评价", "en": "district-evaluation"},
    "targets.dist.empty": {"zh": "所选统计期内无数据。", "en": "No data in the chosen period."},
}
STRINGS.update(
    {
        "targets.required_avg_growth": {"zh": "{v}（年均增长{t}）", "en": "{v} (+{t} a year)"},
        "targets.pct_col": {"zh": "{name}（%）", "en": "{name} (%)"},
        "targets.dist.notes_sheet": {"zh": "说明", "en": "Notes"},
        "targets.dist.measure": {
            "zh": "口径：服务进出口总额（国际收支口径，模式一、二、四），美元",
            "en": "Measure: services trade total (BOP basis, modes 1, 2, 4), USD",
        },
    }
)
