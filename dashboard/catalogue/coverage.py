"""Strings of reporting coverage (报送情况: the page and the lines on Overview / Regions) and of
the key-enterprise register (重点企业名录)."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.coverage": {"zh": "报送情况", "en": "Reporting"},
    # ---- the line beside the figures (aggregates only)
    "cov.line": {
        "zh": "{period}已报送 {share} 重点企业（{reported}/{expected}），"
        "缺报企业上年贸易额占 {missing}",
        "en": "{period}: {share} of key enterprises have reported ({reported}/{expected}); those "
        "missing made {missing} of last year's trade",
    },
    "cov.line_none": {
        "zh": "{period}{region}没有在册的重点联系企业，无法计算报送率。",
        "en": "No key enterprises of {region} on the register for {period}: no reporting rate.",
    },
    "cov.line_link": {"zh": "报送情况", "en": "Reporting"},
    # ---- the 报送情况 page
    "cov.title": {"zh": "报送情况", "en": "Reporting coverage"},
    "cov.lead": {
        "zh": "重点联系企业是否按时报送：应报、按时、迟报、未报，以及未报企业上年贸易额所占比重"
        "（即本月数据可能偏低的程度）。下载催报名单，逐一联系。",
        "en": "Whether the key enterprises have reported on time: expected, on time, late, "
        "missing, and how much of last year's trade the missing ones made (how far the month's "
        "figure is likely understated). Download the list to chase them.",
    },
    "cov.tab.coverage": {"zh": "报送情况", "en": "Coverage"},
    "cov.tab.register": {"zh": "重点企业名录", "en": "Key-enterprise register"},
    "cov.month": {"zh": "报送月份", "en": "Month"},
    "cov.region": {"zh": "地区", "en": "Region"},
    "cov.deadline": {
        "zh": "报送截止：{date}（次月{day}日）",
        "en": "Due by {date} (day {day} of the next month)",
    },
    "cov.kpi.expected": {"zh": "应报重点企业", "en": "Expected"},
    "cov.kpi.reported": {"zh": "已报送", "en": "Reported"},
    "cov.kpi.on_time": {"zh": "按时 {n} · 迟报 {late}", "en": "{n} on time · {late} late"},
    "cov.kpi.missing": {"zh": "未报送", "en": "Missing"},
    "cov.kpi.missing_share": {"zh": "未报企业上年贸易额占 {v}", "en": "{v} of last year's trade"},
    "cov.count": {"zh": "{n}家", "en": "{n}"},
    "cov.no_register": {
        "zh": "{period}{region}没有在册的重点联系企业。",
        "en": "No key enterprises of {region} on the register for {period}.",
    },
    "cov.no_register_hint": {
        "zh": "统计人员可在“重点企业名录”中上传名录文件或逐个添加企业；也可运行：",
        "en": "A statistician can upload or add members under 'Key-enterprise register', or run:",
    },
    "cov.regions.title": {"zh": "分地区报送情况", "en": "By region"},
    "cov.col.region": {"zh": "地区", "en": "Region"},
    "cov.col.expected": {"zh": "应报（家）", "en": "Expected"},
    "cov.col.on_time": {"zh": "按时（家）", "en": "On time"},
    "cov.col.late": {"zh": "迟报（家）", "en": "Late"},
    "cov.col.missing": {"zh": "未报（家）", "en": "Missing"},
    "cov.col.reported_share": {"zh": "报送率", "en": "Reported"},
    "cov.col.missing_share": {
        "zh": "未报企业上年贸易额占比",
        "en": "Missing: share of last year's trade",
    },
    "cov.region.own": {"zh": "{region}本级", "en": "{region} itself"},
    "cov.region.total": {"zh": "合计", "en": "Total"},
    "cov.regions.empty": {"zh": "没有应报企业。", "en": "No enterprise is expected."},
    "cov.list.title": {
        "zh": "未报及迟报企业（催报名单）",
        "en": "Missing and late enterprises (to chase)",
    },
    "cov.list.empty": {
        "zh": "应报企业均已按时报送。",
        "en": "Every expected enterprise reported on time.",
    },
    "cov.col.name": {"zh": "企业名称", "en": "Enterprise"},
    "cov.col.uscc": {"zh": "统一社会信用代码", "en": "USCC"},
    "cov.col.contact": {"zh": "联系人", "en": "Contact person"},
    "cov.col.phone": {"zh": "联系电话", "en": "Phone"},
    "cov.col.status": {"zh": "报送状态", "en": "Status"},
    "cov.col.arrived": {"zh": "首次报送时间（北京时间）", "en": "Arrived (Beijing time)"},
    "cov.status.on_time": {"zh": "按时", "en": "On time"},
    "cov.status.late": {"zh": "迟报", "en": "Late"},
    "cov.status.missing": {"zh": "未报", "en": "Missing"},
    "cov.download": {"zh": "下载催报名单（Excel）", "en": "Download the list (Excel)"},
    "cov.file": {"zh": "催报名单_{region}_{period}", "en": "to-chase_{region}_{period}"},
    "cov.sheet": {"zh": "催报名单", "en": "To chase"},
    "cov.no_regions": {
        "zh": "您的账户尚未分配负责的地区，请联系管理员。",
        "en": "No regions are assigned to your account; ask an administrator.",
    },
    "cov.mine": {"zh": "只显示您负责的地区。", "en": "Only the regions assigned to you are shown."},
}
