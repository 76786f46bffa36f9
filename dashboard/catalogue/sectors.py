"""Strings of the 服务类别 / Sectors page."""

STRINGS: dict[str, dict[str, str]] = {
    "sec.title": {"zh": "服务类别", "en": "Service sectors"},
    "sec.lead": {
        "zh": "12个服务大类（及已报送的细项）的规模、增速、占比与排名；重点领域的变化："
        "知识密集型服务，天津市及其各区另有传统支柱领域和加快发展领域。",
        "en": "The 12 service categories (and sub-items where reported): levels, growth, shares "
        "and ranking; key groups: knowledge-intensive services, and in Tianjin its pillar and "
        "emerging sectors.",
    },
    "sec.context": {
        "zh": "{region} · {period} · {direction} · {scope} · 单位：{unit}",
        "en": "{region} · {period} · {direction} · {scope} · unit: {unit}",
    },
    "sec.filtered": {"zh": "已筛选：{names}", "en": "Filtered: {names}"},
    "sec.ranking.title": {
        "zh": "服务类别排名（{period}累计）",
        "en": "Categories ranked ({period})",
    },
    "sec.ranking.sub_title": {
        "zh": "{name}细项排名（{period}累计）",
        "en": "{name}: sub-items ranked ({period})",
    },
    "sec.ranking.subtitle": {
        "zh": "{region} · 单位：{unit} · 标注为同比 · 点击柱形查看该类别",
        "en": "{region} · unit: {unit} · labels: year on year · click a bar to open it",
    },
    "sec.ranking.file": {
        "zh": "服务类别排名_{region}_{period}",
        "en": "categories-ranked_{region}_{period}",
    },
    "sec.yoy_short": {"zh": "同比{v}", "en": "{v} y/y"},
    "sec.treemap.title": {"zh": "构成（大类 → 细项）", "en": "Composition (category → sub-item)"},
    "sec.treemap.subtitle": {
        "zh": "面积为{period}累计金额 · 点击色块查看该类别",
        "en": "area: amount in {period} · click a block to open it",
    },
    "sec.treemap.protected": {
        "zh": "保密（C），未计入图中：{names}",
        "en": "Confidential (C), not drawn: {names}",
    },
    "sec.rest": {"zh": "{name}（未细分）", "en": "{name} (not itemised)"},
    "sec.rest_short": {"zh": "未细分", "en": "not itemised"},
    "sec.total": {"zh": "服务进出口总额", "en": "Services trade total"},
    "sec.groups.title": {"zh": "重点领域占比（历年同期）", "en": "Key groups' share, same months"},
    "sec.groups.subtitle": {
        "zh": "{region} · 占全部服务类别合计的比重",
        "en": "{region} · share of all categories",
    },
    "sec.emerging.title": {
        "zh": "{name}增速与总额增速（同比）",
        "en": "{name}: growth against the total",
    },
    "sec.groups.file": {
        "zh": "重点领域占比与增速_{region}_{period}",
        "en": "key-groups_{region}_{period}",
    },
    "sec.groups.members": {"zh": "{name}：{members}", "en": "{name}: {members}"},
    "sec.groups.all_categories": {
        "zh": "按全部服务类别计算，不受“服务类别”筛选影响。",
        "en": "Computed over all categories; the category filter does not apply here.",
    },
    "sec.table.protected": {
        "zh": "标为C的类别或细项数据保密，不予显示；占比按全部类别合计（含保密项）计算。",
        "en": "Categories and sub-items marked C are confidential and not shown; shares are of "
        "the total of all categories, confidential ones included.",
    },
    "sec.table.title": {"zh": "分类别明细", "en": "By category"},
    "sec.table.file": {"zh": "分类别明细_{region}_{period}", "en": "by-category_{region}_{period}"},
    "sec.col.category": {"zh": "服务类别", "en": "Category"},
    "sec.col.main": {"zh": "所属大类", "en": "Main category"},
    "sec.col.rank": {"zh": "排名", "en": "Rank"},
    "sec.col.share": {"zh": "占比", "en": "Share"},
    "sec.col.level": {"zh": "层级", "en": "Level"},
    "sec.col.group": {"zh": "领域", "en": "Group"},
    "sec.level.1": {"zh": "大类", "en": "Main"},
    "sec.level.2": {"zh": "细项", "en": "Sub-item"},
    "sec.level.3": {"zh": "细项（三级）", "en": "Sub-item (3rd level)"},
    "sec.drill_hint": {
        "zh": "点击排名柱形或构成色块，查看该类别及其细项；“恢复默认”回到全部类别。",
        "en": "Click a ranking bar or a block to open that category and its "
        "sub-items; Reset returns to all categories.",
    },
}
