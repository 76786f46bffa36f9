"""目标管理 / Targets admin page strings."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.target_admin": {"zh": "目标管理", "en": "Targets admin"},
    "tadmin.title": {"zh": "目标管理", "en": "Targets admin"},
    "tadmin.lead": {
        "zh": "修改政策目标的阈值、考核期、名称和依据，新增或删除目标。保存后“目标监测”和“总览”"
        "在下一次打开时即按新目标评估；每次修改都记入审计日志（修改人、时间、修改前后）。",
        "en": "Change a policy target's threshold, window, names and source; add or delete "
        "targets. The Targets and Overview pages evaluate the new values on their next "
        "request; every change is written to the audit log (who, when, before and after).",
    },
    "tadmin.targets": {"zh": "已设置的目标", "en": "Stored targets"},
    "tadmin.empty": {"zh": "尚未设置目标", "en": "No targets"},
    "tadmin.col.code": {"zh": "代码", "en": "Code"},
    "tadmin.col.region": {"zh": "地区", "en": "Region"},
    "tadmin.col.measure": {"zh": "口径", "en": "Measure"},
    "tadmin.col.kind": {"zh": "类型", "en": "Kind"},
    "tadmin.col.threshold": {"zh": "阈值", "en": "Threshold"},
    "tadmin.col.window": {"zh": "考核期", "en": "Window"},
    "tadmin.col.window_start": {"zh": "考核期开始", "en": "Window start"},
    "tadmin.col.window_end": {"zh": "考核期结束", "en": "Window end"},
    "tadmin.col.currency": {"zh": "币种", "en": "Currency"},
    "tadmin.col.name_zh": {"zh": "名称（中文）", "en": "Name (Chinese)"},
    "tadmin.col.name_en": {"zh": "名称（英文）", "en": "Name (English)"},
    "tadmin.col.source": {"zh": "依据", "en": "Source"},
    "tadmin.kind.growth_avg_annual": {"zh": "年均增速", "en": "Average annual growth"},
    "tadmin.kind.level": {"zh": "总额达到", "en": "Level reached"},
    "tadmin.kind.share_keep": {"zh": "占比不下降", "en": "Share kept"},
    "tadmin.kind.grows_faster": {"zh": "增速快于总额", "en": "Grows faster than the total"},
    "tadmin.measure.bop_total": {
        "zh": "服务进出口总额（国际收支口径）",
        "en": "Services trade total (BOP)",
    },
    "tadmin.measure.exports": {"zh": "服务出口", "en": "Services exports"},
    "tadmin.measure.full": {"zh": "全口径（含模式三）", "en": "Full coverage (incl. mode 3)"},
    "tadmin.measure.group": {"zh": "类别组合：{name}", "en": "Category group: {name}"},
    "tadmin.currency.USD": {"zh": "美元", "en": "US dollar"},
    "tadmin.threshold.growth": {"zh": "≥ {value}%", "en": "≥ {value}%"},
    "tadmin.threshold.ratio": {"zh": "不设阈值", "en": "none"},
    "tadmin.form.new": {"zh": "新增目标", "en": "New target"},
    "tadmin.form.edit": {"zh": "修改目标 {code}", "en": "Edit target {code}"},
    "tadmin.form.pick": {
        "zh": "在上表中选择一个目标进行修改，或点击“新建”填写新目标。",
        "en": "Pick a target above to edit it, or click New to fill in a new one.",
    },
    "tadmin.field.code": {"zh": "目标代码（大写字母、数字、_）", "en": "Code (A–Z, 0–9, _)"},
    "tadmin.field.region": {"zh": "地区", "en": "Region"},
    "tadmin.field.measure": {"zh": "口径", "en": "Measure"},
    "tadmin.field.kind": {"zh": "类型", "en": "Kind"},
    "tadmin.field.threshold.growth_avg_annual": {
        "zh": "阈值：年均增速（%）",
        "en": "Threshold: growth a year (%)",
    },
    "tadmin.field.threshold.level": {
        "zh": "阈值：金额（亿美元）",
        "en": "Threshold: amount (US$ 100 million)",
    },
    "tadmin.field.threshold.ratio": {
        "zh": "阈值：结构目标无需填写",
        "en": "Threshold: none for structure targets",
    },
    "tadmin.field.window_start": {"zh": "考核期开始（YYYY-MM）", "en": "Window start (YYYY-MM)"},
    "tadmin.field.window_end": {"zh": "考核期结束（YYYY-MM）", "en": "Window end (YYYY-MM)"},
    "tadmin.field.currency": {"zh": "币种", "en": "Currency"},
    "tadmin.field.name_zh": {"zh": "名称（中文）", "en": "Name (Chinese)"},
    "tadmin.field.name_en": {"zh": "名称（英文）", "en": "Name (English)"},
    "tadmin.field.source": {"zh": "依据文件", "en": "Source document"},
    "tadmin.fixed_note": {
        "zh": "已有目标的代码、地区、口径和类型不能修改（修改它们等于设置一个新目标："
        "请新增，再删除旧目标）。",
        "en": "An existing target's code, region, measure and kind cannot change (that would be a "
        "new target: add it, then delete the old one).",
    },
    "tadmin.save": {"zh": "保存修改", "en": "Save changes"},
    "tadmin.new": {"zh": "新建", "en": "New"},
    "tadmin.add": {"zh": "新增目标", "en": "Add target"},
    "tadmin.delete": {"zh": "删除目标", "en": "Delete target"},
    "tadmin.confirm_title": {"zh": "确认删除", "en": "Confirm deletion"},
    "tadmin.confirm_body": {
        "zh": "删除目标 {code}（{name}）？“目标监测”和“总览”将不再评估它；审计日志保留其全部设置。",
        "en": "Delete target {code} ({name})? The Targets and Overview pages stop evaluating it; "
        "the audit log keeps all its values.",
    },
    "tadmin.confirm": {"zh": "确认删除", "en": "Delete"},
    "tadmin.cancel": {"zh": "取消", "en": "Cancel"},
    "tadmin.saved": {"zh": "已保存目标 {code}：{changes}", "en": "Saved target {code}: {changes}"},
    "tadmin.unchanged": {"zh": "目标 {code} 没有改动。", "en": "Target {code} is unchanged."},
    "tadmin.added": {"zh": "已新增目标 {code}。", "en": "Target {code} added."},
    "tadmin.deleted": {"zh": "已删除目标 {code}。", "en": "Target {code} deleted."},
    "tadmin.problems": {"zh": "未保存，请修改以下内容：", "en": "Not saved; please correct:"},
    "tadmin.pick_first": {
        "zh": "请先在表中选择一个目标。",
        "en": "Pick a target in the table first.",
    },
    "tadmin.history": {"zh": "修改记录", "en": "Change history"},
    "tadmin.history_empty": {"zh": "尚无修改记录", "en": "No changes yet"},
    "tadmin.hcol.at": {"zh": "时间（北京时间）", "en": "Time (Beijing)"},
    "tadmin.hcol.user": {"zh": "修改人", "en": "By"},
    "tadmin.hcol.action": {"zh": "操作", "en": "Action"},
    "tadmin.hcol.code": {"zh": "目标", "en": "Target"},
    "tadmin.hcol.change": {"zh": "修改内容", "en": "Change"},
    "tadmin.action.target_add": {"zh": "新增", "en": "Added"},
    "tadmin.action.target_update": {"zh": "修改", "en": "Changed"},
    "tadmin.action.target_delete": {"zh": "删除", "en": "Deleted"},
    "tadmin.change": {"zh": "{field}：{before} → {after}", "en": "{field}: {before} → {after}"},
    "tadmin.seed_note": {
        "zh": "说明：命令 python -m etl seed 只在目标表为空时载入 seeds/targets.csv，"
        "不会覆盖本页的修改；"
        "加 --overwrite-targets 才会以文件为准覆盖同代码的目标。",
        "en": "Note: python -m etl seed loads seeds/targets.csv into an empty target table only "
        "and never overwrites the changes made here; --overwrite-targets writes the file "
        "over the targets with the same codes.",
    },
}
