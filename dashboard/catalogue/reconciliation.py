"""对比监测 Reconciliation page: direct reports against published totals, and benchmarking."""

STRINGS = {
    "nav.reconciliation": {"zh": "对比监测", "en": "Reconciliation"},
    "reconciliation.title": {"zh": "对比监测", "en": "Reconciliation with published totals"},
    "reconciliation.lead": {
        "zh": "企业直报汇总与官方公布数（国家外汇管理局国际收支、商务部、统计局）按同一口径、期间、方向和类别对比："
        "直报覆盖了公布总额的多少，与上年同期相比如何变化。人民币公布数按文档所述汇率折算，两种币种并列显示。",
        "en": "Direct reports against the official totals (SAFE balance of payments, MOFCOM, the "
        "statistics bureau) on the same basis — window, 口径, direction, category: how much of the "
        "published total the reports cover, and how that changed from a year earlier. CNY figures "
        "are converted at the documented rates; both currencies are shown.",
    },
    "reconciliation.year": {"zh": "年份", "en": "Year"},
    "reconciliation.month": {"zh": "期末月份", "en": "Window ending in"},
    "reconciliation.all_months": {"zh": "全年各期", "en": "Every window of the year"},
    "reconciliation.empty": {
        "zh": "尚未导入官方公布数。",
        "en": "No published totals have been loaded yet.",
    },
    "reconciliation.empty_hint": {
        "zh": "在上方上传公布数文件（来源、地区、期间、口径、方向、服务类别、金额、单位、同比%），"
        "或用命令导入：",
        "en": "Upload a file of published totals above (source, area, period, scope, direction, "
        "category, amount, unit, growth %), or load it from the command line:",
    },
    "reconciliation.upload.title": {"zh": "导入公布数", "en": "Import published totals"},
    "reconciliation.upload.hint": {
        "zh": "上传国家外汇管理局、商务部或统计局的公布数文件（.xlsx 或 .csv，每行一项公布数：来源、地区、"
        "期间、口径、方向、服务类别、金额、单位、同比%）。整个文件通过校验才导入，任何一行有误则不导入"
        "任何数据；同一公布数再次导入时替换原值。",
        "en": "Upload a file of figures published by SAFE, MOFCOM or the statistics bureau (.xlsx "
        "or .csv, one figure per row: source, area, period, scope, direction, category, amount, "
        "unit, growth %). A file loads only when every row is valid — otherwise nothing is "
        "loaded; a figure published again replaces the earlier one.",
    },
    "reconciliation.upload.template": {
        "zh": "下载公布数模板（.xlsx）",
        "en": "Download the template (.xlsx)",
    },
    "reconciliation.upload.drop": {
        "zh": "将公布数文件拖到此处，或点击选择文件",
        "en": "Drop a file of published totals here, or click to choose one",
    },
    "reconciliation.upload.loaded": {
        "zh": "已导入“{file}”：{n}项公布数{replaced}。",
        "en": "Loaded “{file}”: {n} published figures{replaced}.",
    },
    "reconciliation.upload.replaced": {
        "zh": "（替换此前导入的{n}项）",
        "en": " ({n} loaded earlier replaced)",
    },
    "reconciliation.upload.unchanged": {
        "zh": "“{file}”此前已导入，未作任何更改。",
        "en": "“{file}” was loaded before; nothing changed.",
    },
    "reconciliation.upload.rejected": {
        "zh": "“{file}”有{n}处问题，未导入任何数据。请改正后重新上传：",
        "en": "“{file}” has {n} problems; nothing was loaded. Correct them and upload it again:",
    },
    "reconciliation.upload.more": {
        "zh": "另有{n}处问题未列出。",
        "en": "{n} more problems are not listed.",
    },
    "reconciliation.upload.too_large": {
        "zh": "文件超过{mb} MB 的上限。",
        "en": "The file is larger than the limit of {mb} MB.",
    },
    "reconciliation.problem.row": {"zh": "行", "en": "Row"},
    "reconciliation.problem.column": {"zh": "列", "en": "Column"},
    "reconciliation.problem.value": {"zh": "内容", "en": "Value"},
    "reconciliation.problem.problem": {"zh": "问题", "en": "Problem"},
    "reconciliation.history.title": {
        "zh": "已导入的公布数文件",
        "en": "Files of published totals loaded",
    },
    "reconciliation.history.file": {"zh": "文件名", "en": "File"},
    "reconciliation.history.by": {"zh": "导入人", "en": "Loaded by"},
    "reconciliation.history.at": {"zh": "导入时间（北京时间）", "en": "Loaded at (Beijing time)"},
    "reconciliation.history.rows": {"zh": "公布数项数", "en": "Figures"},
    "reconciliation.history.empty": {
        "zh": "尚未导入任何公布数文件。",
        "en": "No file of published totals has been loaded yet.",
    },
    "reconciliation.none_for_year": {
        "zh": "所选期间没有本市（本区）的公布数。",
        "en": "No published figures of our regions for this period.",
    },
    "reconciliation.table.title": {"zh": "直报覆盖率", "en": "Coverage of the published totals"},
    "reconciliation.summary": {
        "zh": "{n}项公布数中，{flagged}项直报覆盖率低于{threshold}。",
        "en": "{flagged} of {n} published figures are covered less than {threshold} by direct reports.",
    },
    "reconciliation.col.source": {"zh": "来源", "en": "Source"},
    "reconciliation.col.area": {"zh": "地区", "en": "Area"},
    "reconciliation.col.window": {"zh": "期间", "en": "Window"},
    "reconciliation.col.scope": {"zh": "口径", "en": "Scope"},
    "reconciliation.col.direction": {"zh": "方向", "en": "Direction"},
    "reconciliation.col.category": {"zh": "服务类别", "en": "Category"},
    "reconciliation.col.published_usd": {"zh": "公布数（亿美元）", "en": "Published (US$ 100m)"},
    "reconciliation.col.published_cny": {"zh": "公布数（亿元）", "en": "Published (CNY 100m)"},
    "reconciliation.col.direct_usd": {
        "zh": "直报汇总（亿美元）",
        "en": "Direct reports (US$ 100m)",
    },
    "reconciliation.col.direct_cny": {"zh": "直报汇总（亿元）", "en": "Direct reports (CNY 100m)"},
    "reconciliation.col.coverage": {"zh": "覆盖率", "en": "Coverage"},
    "reconciliation.col.change": {"zh": "比上年同期", "en": "Change on a year earlier"},
    "reconciliation.col.flag": {"zh": "提示", "en": "Flag"},
    "reconciliation.flag": {"zh": "低于阈值", "en": "below threshold"},
    "reconciliation.all_categories": {"zh": "全部服务", "en": "All services"},
    "reconciliation.scope.bop": {"zh": "国际收支口径", "en": "BOP"},
    "reconciliation.scope.full": {"zh": "全口径", "en": "Incl. mode 3"},
    "reconciliation.dir.X": {"zh": "出口", "en": "Exports"},
    "reconciliation.dir.M": {"zh": "进口", "en": "Imports"},
    "reconciliation.dir.XM": {"zh": "进出口", "en": "Total trade"},
    "reconciliation.source.SAFE_BOP": {"zh": "国家外汇管理局", "en": "SAFE (BOP)"},
    "reconciliation.source.MOFCOM": {"zh": "商务部", "en": "MOFCOM"},
    "reconciliation.source.CITY_STATS": {"zh": "统计局", "en": "Statistics bureau"},
    "reconciliation.movers.title": {
        "zh": "覆盖率变化最大的类别",
        "en": "Categories whose coverage moved most",
    },
    "reconciliation.movers.empty": {
        "zh": "没有可与上年同期比较的分类别公布数。",
        "en": "No published category figures with a year-earlier figure to compare.",
    },
    "reconciliation.mover": {
        "zh": "{category}（{window}，{direction}）：覆盖率{coverage}，{change}",
        "en": "{category} ({window}, {direction}): coverage {coverage}, {change}",
    },
    "reconciliation.bench.title": {"zh": "增长对标", "en": "Growth benchmarking"},
    "reconciliation.bench.empty": {
        "zh": "公布数文件中没有全国或其他试点地区的进出口总额。",
        "en": "The published totals hold no total trade of the nation or other pilot regions.",
    },
    "reconciliation.bench.sentence": {
        "zh": "{window}{region}服务进出口增速{growth}，在{of}个地区中居第{rank}位，{gap}（{source}公布数）。",
        "en": "{window}: {region}'s services trade grew {growth}, rank {rank} of {of}; {gap} "
        "(published by {source}).",
    },
    "reconciliation.bench.gap_above": {
        "zh": "高于全国{pp}个百分点",
        "en": "{pp} points above the nation",
    },
    "reconciliation.bench.gap_below": {
        "zh": "低于全国{pp}个百分点",
        "en": "{pp} points below the nation",
    },
    "reconciliation.bench.gap_none": {
        "zh": "无全国增速可比",
        "en": "no national growth to compare",
    },
    "reconciliation.bench.col.rank": {"zh": "位次", "en": "Rank"},
    "reconciliation.bench.col.area": {"zh": "地区", "en": "Area"},
    "reconciliation.bench.col.growth": {"zh": "同比增速", "en": "Growth"},
    "reconciliation.nation": {"zh": "全国", "en": "China"},
}
