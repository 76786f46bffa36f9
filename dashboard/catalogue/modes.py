"""Strings of the 供给模式 / Modes of supply page."""

STRINGS: dict[str, dict[str, str]] = {
    "mod.title": {"zh": "供给模式", "en": "Modes of supply"},
    "mod.lead": {
        "zh": "服务进出口按四种供给模式：模式一跨境提供、模式二境外消费、模式四自然人移动"
        "构成服务进出口总额；模式三商业存在是附属机构服务销售收入（FATS），单独列示。",
        "en": "Services trade by the four modes of supply: modes 1, 2 and 4 make up the services "
        "trade total; mode 3 (commercial presence) is sales of affiliates (FATS), shown apart.",
    },
    "mod.name": {"zh": "{short}·{name}", "en": "{short}: {name}"},
    "mod.fallback": {"zh": "模式{m}", "en": "Mode {m}"},
    "mod.in_full": {"zh": "（全口径计入）", "en": " (in full coverage)"},
    "mod.fats_trace": {
        "zh": "{name}（附属机构服务销售收入，不计入总额）",
        "en": "{name} (sales of affiliates, not in the total)",
    },
    "mod.fats_beside": {
        "zh": "虚线：模式三（商业存在）为附属机构服务销售收入，不计入服务进出口总额，与柱形的"
        "服务进出口总额并列展示、不叠加。",
        "en": "Dashed line: mode 3 (commercial presence) is sales of affiliates (FATS), not part "
        "of the services trade total; it is shown beside the bars, not stacked on them.",
    },
    "mod.fats_stacked": {
        "zh": "全口径：模式三（附属机构服务销售收入）已叠加计入合计，与国际收支口径的服务进出口"
        "总额不可直接比较。",
        "en": "Full coverage: mode 3 (sales of affiliates) is stacked into the total; this is "
        "not comparable with the BOP services trade total.",
    },
    "mod.context": {
        "zh": "{region} · {period} · {direction} · {scope} · 单位：{unit}",
        "en": "{region} · {period} · {direction} · {scope} · unit: {unit}",
    },
    "mod.measure.month": {"zh": "当月", "en": "Monthly"},
    "mod.measure.ytd": {"zh": "1–N月累计", "en": "Year to date"},
    "mod.trend.title": {
        "zh": "各供给模式服务{direction}（{measure}）",
        "en": "Services {direction} by mode of supply ({measure})",
    },
    "mod.trend.subtitle": {"zh": "{region} · 单位：{unit}", "en": "{region} · unit: {unit}"},
    "mod.trend.file": {
        "zh": "供给模式走势_{region}_{period}",
        "en": "modes-of-supply_{region}_{period}",
    },
    "mod.shares.title": {"zh": "各模式占{total}比重", "en": "Shares of the {total}"},
    "mod.matrix.title": {
        "zh": "服务类别 × 供给模式（{period}累计）",
        "en": "Category × mode of supply ({period})",
    },
    "mod.matrix.subtitle": {
        "zh": "{region} · 单位：{unit} · 点击单元格查看该类别",
        "en": "{region} · unit: {unit} · click a cell to open the category",
    },
    "mod.matrix.file": {
        "zh": "服务类别与供给模式矩阵_{region}_{period}",
        "en": "category-by-mode_{region}_{period}",
    },
    "mod.matrix.col_category": {"zh": "服务类别", "en": "Service category"},
    "mod.table.title": {"zh": "分模式明细", "en": "By mode of supply"},
    "mod.table.file": {"zh": "分模式明细_{region}_{period}", "en": "by-mode_{region}_{period}"},
    "mod.col.mode": {"zh": "供给模式", "en": "Mode of supply"},
    "mod.col.current": {"zh": "{period}累计（{unit}）", "en": "{period} ({unit})"},
    "mod.col.previous": {"zh": "上年同期（{unit}）", "en": "A year earlier ({unit})"},
    "mod.col.growth": {"zh": "同比（%）", "en": "Year on year (%)"},
    "mod.col.share": {"zh": "占总额比重", "en": "Share of total"},
    "mod.col.share_change": {"zh": "比重变化", "en": "Share change"},
    "mod.col.share_change_pp": {
        "zh": "比重变化（个百分点）",
        "en": "Share change (percentage points)",
    },
    "mod.total_bop": {
        "zh": "服务进出口总额（模式一、二、四）",
        "en": "Services trade total (modes 1, 2, 4)",
    },
    "mod.total_full": {"zh": "全口径合计（含模式三）", "en": "Full-coverage total (incl. mode 3)"},
    "mod.total_short_bop": {"zh": "服务进出口总额", "en": "services trade total"},
    "mod.total_short_full": {"zh": "全口径合计", "en": "full-coverage total"},
    "mod.not_in_total": {"zh": "不计入总额", "en": "not in the total"},
    "mod.fats_note": {
        "zh": "附属机构服务销售收入，不计入服务进出口总额",
        "en": "Sales of affiliates, not part of the services trade total",
    },
    "mod.vs_total": {
        "zh": "相当于服务进出口总额的{v}",
        "en": "equal to {v} of the services trade total",
    },
    "mod.share_note": {"zh": "占比{v}（{pp}）", "en": "share {v} ({pp})"},
    "mod.drill_hint": {
        "zh": "点击柱形或单元格，在“服务类别”页查看该切片。",
        "en": "Click a bar or a cell to open that slice on the Sectors page.",
    },
}
