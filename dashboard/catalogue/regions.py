"""Strings of the 地区 / Regions page."""

STRINGS: dict[str, dict[str, str]] = {
    "reg.title": {"zh": "地区分布", "en": "Services trade by region"},
    "reg.lead": {
        "zh": "所选地区下各区、新区、功能区的规模、同比增速、占比及对增长的拉动；"
        "点击条形查看其下级区域。",
        "en": "Districts, new areas and functional zones below the chosen region: levels, "
        "growth, shares and contributions to growth. Click a bar to open its sub-regions.",
    },
    "reg.crumb": {"zh": "地区层级", "en": "Region levels"},
    "reg.summary": {
        "zh": "{region}{period}服务{direction}{amount}，同比{growth}；下设{n}个地区。",
        "en": "{region}, {period}: services {direction} {amount}, {growth} year on "
        "year; {n} sub-regions.",
    },
    "reg.summary_leaf": {
        "zh": "{region}{period}服务{direction}{amount}，同比{growth}。",
        "en": "{region}, {period}: services {direction} {amount}, {growth} year on year.",
    },
    "reg.leaf": {
        "zh": "{region}没有下级区域（区、新区或功能区），无法继续下钻。",
        "en": "{region} has no sub-regions (districts, new areas or zones) to open.",
    },
    "reg.leaf_hint": {
        "zh": "可点击上方层级返回上级地区，或在筛选条件中选择其他地区。",
        "en": "Use the region levels above to go back up, or pick another region.",
    },
    "reg.up": {"zh": "返回上级：{region}", "en": "Up to {region}"},
    "reg.rank.title": {"zh": "服务{direction}规模排名", "en": "Services {direction} by region"},
    "reg.rank.subtitle": {
        "zh": "{region}下级地区 · {period} · 单位：{unit} · 括号内为同比",
        "en": "Below {region} · {period} · {unit} · growth in brackets",
    },
    "reg.rank.hint": {
        "zh": "点击条形可下钻到该地区的下级区域（功能区并入所属区统计）。",
        "en": "Click a bar to open that region's sub-regions (functional zones "
        "count in their district).",
    },
    "reg.contrib.title": {"zh": "对{region}增长的拉动", "en": "Contribution to {region}'s growth"},
    "reg.contrib.subtitle": {
        "zh": "单位：百分点 · 各地区合计{total}，即{region}同比增速",
        "en": "Percentage points · together {total}, {region}'s growth",
    },
    "reg.contrib.axis": {"zh": "拉动（百分点）", "en": "Contribution (percentage points)"},
    "reg.contrib.none": {
        "zh": "上年同期无数据，无法计算对增长的拉动。",
        "en": "No data a year earlier, so contributions cannot be computed.",
    },
    "reg.trend.title": {"zh": "主要地区月度走势", "en": "Leading regions, monthly"},
    "reg.trend.subtitle": {
        "zh": "按{period}规模排名前{n}位 · 单位：{unit} · 1–2月合并",
        "en": "Top {n} in {period} · {unit} · January and February combined",
    },
    "reg.table.title": {"zh": "地区明细", "en": "Regions in detail"},
    "reg.col.rank": {"zh": "排名", "en": "Rank"},
    "reg.col.region": {"zh": "地区", "en": "Region"},
    "reg.col.current": {"zh": "金额（{unit}）", "en": "Amount ({unit})"},
    "reg.col.previous": {"zh": "上年同期（{unit}）", "en": "A year earlier ({unit})"},
    "reg.col.growth": {"zh": "同比（%）", "en": "Growth (%)"},
    "reg.col.share": {"zh": "占{region}比重（%）", "en": "Share of {region} (%)"},
    "reg.col.share_change": {"zh": "比重变化（个百分点）", "en": "Share change (points)"},
    "reg.col.contribution": {"zh": "拉动增长（百分点）", "en": "Contribution (points)"},
    "reg.table.protected": {
        "zh": "标为C的地区数据保密，不予显示，但已计入{region}合计。",
        "en": " Regions marked C are confidential and not shown; the {region} total includes them.",
    },
    "reg.table.note": {
        "zh": "合计行为{region}；功能区并入所属区；“本级（未分区）”为登记在{region}"
        "但未细分到下级地区的企业。",
        "en": "The total row is {region}; functional zones count in their "
        "district; '(no district)' holds enterprises registered at {region} "
        "itself.",
    },
    "reg.table.empty": {"zh": "所选期间无数据。", "en": "No data in the chosen period."},
    "reg.file.table": {
        "zh": "地区服务贸易_{region}_{period}",
        "en": "services-trade-by-region_{region}_{period}",
    },
    "reg.file.trend": {
        "zh": "地区月度走势_{region}_{period}",
        "en": "regions-monthly_{region}_{period}",
    },
    "reg.col.series": {"zh": "{name}（{unit}）", "en": "{name} ({unit})"},
    "reg.growth_bracket": {"zh": "（{v}）", "en": " ({v})"},
}
