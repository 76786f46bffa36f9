"""Strings of the key-enterprise register tab (重点企业名录): upload, add, end, candidates,
the register and its history."""

STRINGS: dict[str, dict[str, str]] = {
    "regm.title": {"zh": "重点企业名录", "en": "Key-enterprise register"},
    "regm.lead": {
        "zh": "重点联系企业名录决定每月应报的企业。上传名录文件、逐个添加或移出企业；"
        "每一次变更都记录操作人和时间。",
        "en": "The register of key enterprises says who is expected to report each month. "
        "Upload a register file, add or remove members one by one; every change is recorded "
        "with who made it and when.",
    },
    "regm.upload.title": {"zh": "上传名录文件", "en": "Upload a register file"},
    "regm.upload.hint": {
        "zh": "xlsx 或 csv。必填列：统一社会信用代码、企业名称、所属地区、起始月份；"
        "选填：主要服务类别、联系人、联系电话、截止月份。文件有任何错误时不导入任何一行。",
        "en": "xlsx or csv. Required columns: 统一社会信用代码, 企业名称, 所属地区, 起始月份; "
        "optional: 主要服务类别, 联系人, 联系电话, 截止月份. A file with any error loads nothing.",
    },
    "regm.upload.drop": {
        "zh": "拖放文件到这里，或点击选择文件",
        "en": "Drop a file here or click to choose one",
    },
    "regm.upload.ok": {
        "zh": "已导入“{file}”：{n}条名录记录。",
        "en": "Loaded '{file}': {n} register entries.",
    },
    "regm.rejected": {
        "zh": "发现{n}处问题，未导入任何记录。请修改后重试。",
        "en": "{n} problems found; nothing was loaded. Correct them and try again.",
    },
    "regm.col.row": {"zh": "行", "en": "Row"},
    "regm.col.column": {"zh": "列", "en": "Column"},
    "regm.col.value": {"zh": "填写内容", "en": "Value"},
    "regm.col.problem": {"zh": "问题", "en": "Problem"},
    "regm.add.title": {"zh": "添加重点企业", "en": "Add a key enterprise"},
    "regm.add.button": {"zh": "加入名录", "en": "Add to the register"},
    "regm.add.ok": {"zh": "已将{name}加入名录。", "en": "{name} is on the register."},
    "regm.field.uscc": {"zh": "统一社会信用代码", "en": "USCC"},
    "regm.field.name": {"zh": "企业名称", "en": "Enterprise name"},
    "regm.field.region": {"zh": "所属地区", "en": "Region"},
    "regm.field.sector": {"zh": "主要服务类别（选填）", "en": "Main service category (optional)"},
    "regm.field.contact_person": {"zh": "联系人", "en": "Contact person"},
    "regm.field.contact_phone": {"zh": "联系电话", "en": "Phone"},
    "regm.field.since": {"zh": "起始月份（如 2019-06）", "en": "Since (e.g. 2019-06)"},
    "regm.field.until": {
        "zh": "截止月份（最后一个应报月份，如 2019-12）",
        "en": "Until (last month expected, e.g. 2019-12)",
    },
    "regm.end.title": {"zh": "移出名录", "en": "End a membership"},
    "regm.end.pick": {"zh": "在册企业", "en": "Member"},
    "regm.end.button": {"zh": "移出名录", "en": "End membership"},
    "regm.end.ok": {
        "zh": "已记录：{name}自{month}起不再应报。",
        "en": "Recorded: {name} is not expected after {month}.",
    },
    "regm.pick_first": {"zh": "请先选择企业。", "en": "Choose an enterprise first."},
    "regm.bad_month": {"zh": "月份格式应为 2019-06。", "en": "A month looks like 2019-06."},
    "regm.cand.title": {
        "zh": "候选企业：有报表但不在名录中",
        "en": "Candidates: reporting but not on the register",
    },
    "regm.cand.note": {
        "zh": "{window}有报表、但{month}不在名录中的企业，按服务进出口额从大到小。勾选后点击"
        "“加入名录”，自所填起始月份起列为重点联系企业（名称和地区取自其报表）。",
        "en": "Enterprises with reports in {window} that are not on the register in {month}, "
        "largest first. Tick them and press 'Add to the register': they are expected from the "
        "month given (name and region as in their reports).",
    },
    "regm.cand.button": {"zh": "将选中企业加入名录", "en": "Add the ticked enterprises"},
    "regm.cand.ok": {"zh": "已将{n}家企业加入名录。", "en": "{n} enterprises added."},
    "regm.cand.empty": {
        "zh": "没有候选企业：有报表的企业都在名录中。",
        "en": "No candidates: every reporting enterprise is on the register.",
    },
    "regm.col.months": {"zh": "报送月数", "en": "Months"},
    "regm.col.last": {"zh": "最近报送", "en": "Last report"},
    "regm.col.amount": {"zh": "服务进出口（{unit}）", "en": "Services trade ({unit})"},
    "regm.list.title": {"zh": "名录（含已移出）", "en": "The register (past members too)"},
    "regm.list.empty": {"zh": "名录为空。", "en": "The register is empty."},
    "regm.col.sector": {"zh": "主要服务类别", "en": "Main category"},
    "regm.col.since": {"zh": "起始月份", "en": "Since"},
    "regm.col.until": {"zh": "截止月份", "en": "Until"},
    "regm.hist.title": {"zh": "变更记录", "en": "History"},
    "regm.hist.empty": {"zh": "尚无变更。", "en": "No changes yet."},
    "regm.col.at": {"zh": "时间（北京时间）", "en": "When (Beijing time)"},
    "regm.col.actor": {"zh": "操作人", "en": "By"},
    "regm.col.action": {"zh": "操作", "en": "Change"},
    "regm.col.detail": {"zh": "内容", "en": "Detail"},
    "regm.action.add": {"zh": "加入", "en": "Added"},
    "regm.action.update": {"zh": "修改", "en": "Changed"},
    "regm.action.remove": {"zh": "移出", "en": "Removed"},
}
