"""Strings of the shell, navigation and home page."""

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"zh": "服务贸易统计监测", "en": "Services Trade Monitor"},
    "lang.zh": {"zh": "中文", "en": "中文"},
    "lang.en": {"zh": "EN", "en": "EN"},
    "shell.lang_switch": {"zh": "界面语言", "en": "Language"},
    "shell.sample_notice": {
        "zh": "当前数据库含合成示例数据（企业名称带“合成”字样），仅供演示，不是真实统计数据。",
        "en": "The database holds synthetic sample data (enterprise names marked 合成): "
        "for demonstration only, not real statistics.",
    },
    # Navigation names, one per page (register_page(..., name_key="nav.…")).
    "nav.home": {"zh": "首页", "en": "Home"},
    "nav.overview": {"zh": "总览", "en": "Overview"},
    "nav.modes": {"zh": "供给模式", "en": "Modes of supply"},
    "nav.sectors": {"zh": "服务类别", "en": "Sectors"},
    "nav.regions": {"zh": "地区", "en": "Regions"},
    "nav.partners": {"zh": "贸易伙伴", "en": "Partners"},
    "nav.targets": {"zh": "目标监测", "en": "Targets"},
    "nav.upload": {"zh": "数据报送", "en": "Upload reports"},
    # Navigation groups (register_page(..., nav_group=…)) and the narrow-screen menu.
    "nav.group.data": {"zh": "数据", "en": "Data"},
    "nav.group.analysis": {"zh": "分析", "en": "Analysis"},
    "nav.group.manage": {"zh": "管理", "en": "Manage"},
    # Printed page head (assets/print.css).
    "print.source": {
        "zh": "数据来源：服务贸易企业统计直报，服务贸易统计监测系统汇总。",
        "en": "Source: enterprise direct reports on trade in services, compiled by the "
        "Services Trade Monitor.",
    },
    "print.time": {"zh": "打印于", "en": "Printed"},
    "print.filters": {"zh": "筛选条件：", "en": "Filters: "},
    "print.pair": {"zh": "{k}：{v}", "en": "{k}: {v}"},
    "print.sep": {"zh": "；", "en": "; "},
    "print.period.month": {"zh": "{month}（累计 {ytd}）", "en": "{month} (cumulative {ytd})"},
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
    "fmt.duration.seconds": {"zh": "{s} 秒", "en": "{s} s"},
    "fmt.duration.minutes": {"zh": "{m} 分钟", "en": "{m} min"},
    "fmt.duration.hours": {"zh": "{h} 小时 {m} 分钟", "en": "{h} h {m} min"},
}
