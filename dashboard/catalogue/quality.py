"""Strings of the 数据质量 / Data quality page (flags on abnormal reports and their review)."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.quality": {"zh": "数据质量", "en": "Data quality"},
    "quality.title": {"zh": "数据质量", "en": "Data quality"},
    "quality.lead": {
        "zh": "入库时自动标记的异常报表（防范骗税骗补）：逐条复核，记录核实或说明情况，"
        "复核记录全部留存。",
        "en": "Reports flagged as unusual when they were loaded: review each one and record "
        "what was checked or explained; every note is kept.",
    },
    "quality.filter.status": {"zh": "状态", "en": "Status"},
    "quality.filter.rule": {"zh": "规则", "en": "Rule"},
    "quality.filter.month": {"zh": "报告期", "en": "Month"},
    "quality.filter.all_rules": {"zh": "全部规则", "en": "All rules"},
    "quality.filter.all_months": {"zh": "全部月份", "en": "All months"},
    "quality.filter.all_status": {"zh": "全部（未消除）", "en": "All (still firing)"},
    "quality.download": {"zh": "下载清单（Excel）", "en": "Download list (Excel)"},
    "quality.count": {"zh": "共 {n} 条标记", "en": "{n} flags"},
    "quality.empty": {"zh": "没有符合条件的标记。", "en": "No flags match."},
    "quality.no_db": {"zh": "数据库不可用。", "en": "The database is not available."},
    "quality.rules.title": {"zh": "规则与阈值", "en": "Rules and thresholds"},
    "quality.rules.note": {
        "zh": "阈值可通过环境变量 STM_QUALITY_* 调整，调整后运行 "
        "python -m etl quality --recompute。",
        "en": "Thresholds are set with STM_QUALITY_* environment variables; run "
        "python -m etl quality --recompute after changing them.",
    },
    # Columns
    "quality.col.period": {"zh": "报告期", "en": "Month"},
    "quality.col.name": {"zh": "企业名称", "en": "Enterprise"},
    "quality.col.uscc": {"zh": "统一社会信用代码", "en": "USCC"},
    "quality.col.region": {"zh": "地区", "en": "Region"},
    "quality.col.rule": {"zh": "规则", "en": "Rule"},
    "quality.col.detail": {"zh": "触发数值", "en": "Numbers"},
    "quality.col.status": {"zh": "状态", "en": "Status"},
    "quality.col.amount": {"zh": "涉及金额（{unit}）", "en": "Amount at stake ({unit})"},
    "quality.col.explain": {"zh": "规则说明", "en": "Rule explained"},
    # Statuses
    "quality.status.open": {"zh": "待查", "en": "Open"},
    "quality.status.checked": {"zh": "已核实", "en": "Checked"},
    "quality.status.explained": {"zh": "已说明", "en": "Explained"},
    "quality.status.cleared": {"zh": "已消除", "en": "No longer fires"},
    # Rules: name and explanation (thresholds filled in from the settings)
    "quality.rule.jump": {"zh": "与自身历史相比突变", "en": "Jump against own history"},
    "quality.rule.jump.explain": {
        "zh": "当月报送总额（取对数）与该企业此前最多 {window} 个月的中位数相比，稳健 z 值"
        "（中位数绝对偏差）绝对值大于 {z}，且差额不少于 {change}；需至少 {prior} 个月历史。",
        "en": "The month's total (log scale) lies more than {z} robust deviations (median "
        "absolute deviation) from the median of the enterprise's previous months (up to "
        "{window}), and differs from it by at least {change}; needs {prior} months of history.",
    },
    "quality.rule.annual_share": {"zh": "单月占全年比重过高", "en": "One month dominates the year"},
    "quality.rule.annual_share.explain": {
        "zh": "该企业当年已报送至少 {months} 个月，其中一个月的金额超过当年合计的 {share}。",
        "en": "With at least {months} months of the calendar year reported, one month is more "
        "than {share} of the year's total.",
    },
    "quality.rule.new_partner": {
        "zh": "新出现的大额出口伙伴",
        "en": "Large exports to a new partner",
    },
    "quality.rule.new_partner.explain": {
        "zh": "向此前各月（进出口）从未出现过的伙伴出口，且不少于当月出口的 {share}、"
        "不少于 {amount}；企业需至少有 {prior} 个月历史。",
        "en": "Exports to a partner that appeared in none of the earlier months (either "
        "direction), at least {share} of the month's exports and at least {amount}; the "
        "enterprise needs {prior} months of history.",
    },
    "quality.rule.repeated": {"zh": "金额连续多月完全相同", "en": "Same amount month after month"},
    "quality.rule.repeated.explain": {
        "zh": "连续 {months} 个月（及以上）报送总额完全相同且不为零。",
        "en": "The same non-zero total, to the cent, in {months} or more consecutive months.",
    },
    "quality.rule.revisions": {"zh": "多次修订", "en": "Revised many times"},
    "quality.rule.revisions.explain": {
        "zh": "同一报表已有 {versions} 个及以上版本（撤回的批次不计）。",
        "en": "The same report has {versions} or more versions (retracted batches not counted).",
    },
    # The numbers behind a flag
    "quality.detail.jump": {
        "zh": "本月 {total}，此前 {n} 个月中位数 {median}，稳健 z 值 {z}",
        "en": "{total} this month against a median of {median} over {n} months, robust z {z}",
    },
    "quality.detail.annual_share": {
        "zh": "本月 {total}，占 {year} 年已报 {months} 个月合计 {year_total} 的 {share}",
        "en": "{total}, {share} of {year_total} over the {months} months of {year} reported",
    },
    "quality.detail.new_partner": {
        "zh": "首次出现：{partners}；当月出口合计 {exports}",
        "en": "First seen: {partners}; the month's exports {exports}",
    },
    "quality.detail.partner": {
        "zh": "{name} {amount}（{share}）",
        "en": "{name} {amount} ({share})",
    },
    "quality.detail.repeated": {
        "zh": "自 {start} 起连续 {months} 个月均为 {total}",
        "en": "{total} in each of {months} months since {start}",
    },
    "quality.detail.revisions": {"zh": "共 {versions} 个版本", "en": "{versions} versions"},
    # Review panel
    "quality.review.title": {"zh": "复核", "en": "Review"},
    "quality.review.pick": {
        "zh": "在上表中选择一条标记，查看详情并记录复核结果。",
        "en": "Select a flag in the table to see its details and record the review.",
    },
    "quality.review.status": {"zh": "复核结论", "en": "Outcome"},
    "quality.review.note": {"zh": "复核说明", "en": "Note"},
    "quality.review.note_hint": {
        "zh": "例如：已电话联系企业财务，确认为一次性大额合同，合同编号……",
        "en": "E.g. called the enterprise's accountant: a one-off contract, number …",
    },
    "quality.review.save": {"zh": "保存复核记录", "en": "Save review"},
    "quality.review.saved": {"zh": "已保存。", "en": "Saved."},
    "quality.review.need_note": {"zh": "请填写复核说明。", "en": "Please write a note."},
    "quality.review.failed": {"zh": "未能保存：{error}", "en": "Not saved: {error}"},
    "quality.review.cleared": {
        "zh": "该规则已不再触发（数据已修订或撤回），标记保留以存档复核记录。",
        "en": "The rule no longer fires (the data were revised or retracted); the flag is kept "
        "with its review history.",
    },
    "quality.history.title": {"zh": "复核记录", "en": "Review history"},
    "quality.history.empty": {"zh": "尚无复核记录。", "en": "No review yet."},
    "quality.history.system": {
        "zh": "系统：报表已修订，重新标记为待查",
        "en": "System: the report was revised, open again",
    },
    "quality.field.enterprise": {"zh": "企业", "en": "Enterprise"},
    "quality.field.month": {"zh": "报告期", "en": "Month"},
    "quality.field.rule": {"zh": "规则", "en": "Rule"},
    "quality.field.numbers": {"zh": "触发数值", "en": "Numbers"},
    "quality.field.status": {"zh": "当前状态", "en": "Status"},
    "quality.field.computed": {"zh": "计算时间", "en": "Computed"},
    "quality.export.sheet": {"zh": "数据质量标记", "en": "Data quality flags"},
    "quality.export.file": {"zh": "数据质量标记", "en": "data_quality_flags"},
}
