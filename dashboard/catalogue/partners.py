"""Strings of the 伙伴 / Partners page (partner names: catalogue/partner_names.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "ptn.title": {"zh": "贸易伙伴", "en": "Partner economies"},
    "ptn.lead": {
        "zh": "主要贸易伙伴国家（地区）及伙伴组别的规模、同比与占比；"
        "点击条形查看该伙伴的月度走势。",
        "en": "Leading partner economies and partner groups: levels, growth and shares. "
        "Click a bar to see that partner month by month.",
    },
    "ptn.unknown": {"zh": "未知伙伴（{code}）", "en": "Unknown partner ({code})"},
    "ptn.top": {"zh": "显示", "en": "Show"},
    "ptn.top_n": {"zh": "前{n}位", "en": "Top {n}"},
    "ptn.bar.title": {
        "zh": "主要贸易伙伴（服务{direction}）",
        "en": "Leading partners (services {direction})",
    },
    "ptn.bar.subtitle": {
        "zh": "{region} · {period} · 单位：{unit} · 括号内为同比",
        "en": "{region} · {period} · {unit} · growth in brackets",
    },
    "ptn.bar.hint": {
        "zh": "点击条形可查看该伙伴的月度走势。",
        "en": "Click a bar to see that partner month by month.",
    },
    "ptn.selected": {"zh": "已选伙伴：{name}", "en": "Partner: {name}"},
    "ptn.clear": {"zh": "取消选择", "en": "Clear"},
    "ptn.trend.title": {"zh": "主要伙伴月度走势", "en": "Leading partners, monthly"},
    "ptn.trend.subtitle": {
        "zh": "按{period}规模排名前{n}位 · 单位：{unit} · 1–2月合并",
        "en": "Top {n} in {period} · {unit} · January and February combined",
    },
    "ptn.trend.one": {
        "zh": "{name}服务{direction}月度走势",
        "en": "{name}: monthly services {direction}",
    },
    "ptn.trend.one_sub": {
        "zh": "{region} · 单位：{unit} · 1–2月合并发布",
        "en": "{region} · {unit} · January and February combined",
    },
    "ptn.groups.title": {"zh": "伙伴组别", "en": "Partner groups"},
    "ptn.groups.chart": {"zh": "各组别占比（历年同期）", "en": "Group shares, same months by year"},
    "ptn.groups.note": {
        "zh": "组别合计为其成员国家（地区）之和；一个国家（地区）可同时属于多个组别（如新加坡同属"
        "东盟、RCEP和一带一路），各组别占比相加不等于100%。",
        "en": "A group's total is the sum over its members. An economy can belong to several "
        "groups (Singapore: ASEAN, RCEP and Belt and Road), so group shares do not add up to "
        "100%.",
    },
    "ptn.groups.col.group": {"zh": "组别", "en": "Group"},
    "ptn.groups.col.members": {"zh": "成员数", "en": "Members"},
    "ptn.table.protected": {
        "zh": "标为C的伙伴数据保密，不予显示；占比按全部伙伴合计（含保密项）计算。",
        "en": "Partners marked C are confidential and not shown; shares are of the total of all "
        "partners, confidential ones included.",
    },
    "ptn.cat_note": {
        "zh": "已按服务类别筛选：伙伴数据取自企业报表明细行（按类别汇总）。",
        "en": "Filtered by service category: partner figures come from the report lines.",
    },
    "ptn.col.rank": {"zh": "排名", "en": "Rank"},
    "ptn.col.partner": {"zh": "贸易伙伴", "en": "Partner"},
    "ptn.col.current": {"zh": "金额（{unit}）", "en": "Amount ({unit})"},
    "ptn.col.previous": {"zh": "上年同期（{unit}）", "en": "A year earlier ({unit})"},
    "ptn.col.growth": {"zh": "同比（%）", "en": "Growth (%)"},
    "ptn.col.share": {"zh": "占比（%）", "en": "Share (%)"},
    "ptn.col.share_change": {"zh": "占比变化（个百分点）", "en": "Share change (points)"},
    "ptn.table.title": {"zh": "全部贸易伙伴", "en": "All partners"},
    "ptn.table.note": {
        "zh": "占比为占{region}服务{direction}总额的比重（含未列明国家（地区））。",
        "en": "Shares of {region}'s services {direction} (unspecified partners included).",
    },
    "ptn.file.table": {"zh": "贸易伙伴_{region}_{period}", "en": "partners_{region}_{period}"},
    "ptn.file.groups": {
        "zh": "伙伴组别占比_{region}_{period}",
        "en": "partner-groups_{region}_{period}",
    },
    "ptn.file.trend": {
        "zh": "伙伴月度走势_{region}_{period}",
        "en": "partners-monthly_{region}_{period}",
    },
}
