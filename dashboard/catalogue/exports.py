"""Strings of the 导出 Exports page: the snapshot archive, the form that makes one, downloads."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.exports": {"zh": "导出", "en": "Exports"},
    "exports.title": {"zh": "月度快照导出", "en": "Monthly snapshot exports"},
    "exports.lead": {
        "zh": "每月的《服务贸易统计监测月报》：Excel、离线可打开的 HTML 和 PDF，"
        "按统计法做保密处理，按数据版本存档。下载均记入审计日志。",
        "en": "The monthly services-trade report as Excel, offline HTML and PDF, protected under "
        "the Statistics Law and archived by data vintage. Every download is logged.",
    },
    # The archive grid.
    "exports.list.title": {"zh": "已存档的快照", "en": "Archived snapshots"},
    "exports.list.empty_reader": {
        "zh": "尚无存档的快照。",
        "en": "No snapshot archived yet.",
    },
    "exports.list.empty_reader_hint": {
        "zh": "快照（正式版数据表）由统计人员在数据发布后生成，生成后即列在此处，可直接下载。",
        "en": "Snapshots (the official tables) are made by the statisticians once a month is "
        "released; they are listed here for download as soon as they are made.",
    },
    "exports.list.empty": {
        "zh": "尚无存档的快照。可用下方表单生成，或在服务器上运行命令：",
        "en": "No snapshot archived yet. Make one with the form below, or on the server:",
    },
    "exports.col.id": {"zh": "编号", "en": "No."},
    "exports.col.month": {"zh": "报告期", "en": "Month"},
    "exports.col.region": {"zh": "范围", "en": "Scope"},
    "exports.col.variant": {"zh": "版本", "en": "Variant"},
    "exports.col.edition": {"zh": "首版/修订", "en": "Edition"},
    "exports.col.vintage": {"zh": "数据版本", "en": "Data vintage"},
    "exports.col.made_at": {"zh": "生成时间（北京时间）", "en": "Made at (Beijing time)"},
    "exports.col.made_by": {"zh": "生成人", "en": "Made by"},
    "exports.col.sha": {"zh": "SHA-256（Excel）", "en": "SHA-256 (Excel)"},
    "exports.col.files": {"zh": "下载", "en": "Download"},
    "exports.variant.public": {"zh": "对外通报版", "en": "Public (protected)"},
    "exports.variant.internal": {
        "zh": "内部版 不得外传",
        "en": "INTERNAL (内部版) – not for circulation",
    },
    "exports.edition.original": {"zh": "首版", "en": "Original"},
    "exports.edition.revised": {
        "zh": "修订版（修订 {id} 号，{n} 处变化）",
        "en": "Revision of no. {id}, {n} cells changed",
    },
    "exports.vintage": {"zh": "数据事件 #{id}", "en": "event #{id}"},
    "exports.file.xlsx": {"zh": "Excel", "en": "Excel"},
    "exports.file.html": {"zh": "HTML", "en": "HTML"},
    "exports.file.pdf": {"zh": "PDF", "en": "PDF"},
    "exports.file.no_pdf": {"zh": "无 PDF*", "en": "no PDF*"},
    "exports.no_pdf_note": {
        "zh": "* 无 PDF：生成该快照时服务器上没有可用的 Chromium（或生成时未要求 PDF）。"
        "Excel 和 HTML 内容相同；HTML 可在浏览器中打印为 PDF。",
        "en": "* No PDF: when the snapshot was made the server had no Chromium to print it (or "
        "no PDF was asked for). The Excel and HTML files hold the same; print the HTML from a "
        "browser.",
    },
    "exports.internal_note": {
        "zh": "标为“内部版 不得外传”的快照未做保密处理，仅供统计人员内部使用，不得对外提供。",
        "en": "Snapshots marked INTERNAL are not protected: for statisticians' internal use only, "
        "never to be circulated.",
    },
    # The form.
    "exports.form.title": {"zh": "生成快照", "en": "Make a snapshot"},
    "exports.form.lead": {
        "zh": "按当前数据生成所选月份的月报并存档（约需10–20秒）。每个月份只有一个首版；"
        "之后有补报或更正时，勾选“修订版”另出一版，并列出与首版相比变化的单元格。",
        "en": "Makes and archives the report of the chosen month from the data as they are now "
        "(takes 10–20 seconds). A month has one original; after late or corrected reports, tick "
        "'revised edition' to publish another one listing the cells that changed.",
    },
    "exports.form.month": {"zh": "报告期", "en": "Month"},
    "exports.form.scope": {"zh": "范围：{region}", "en": "Scope: {region}"},
    "exports.form.variant": {"zh": "版本", "en": "Variant"},
    "exports.form.public": {"zh": "对外通报版（保密处理）", "en": "Public (protected)"},
    "exports.form.internal": {
        "zh": "内部版（不做保密处理，不得外传）",
        "en": "Internal (unprotected, not for circulation)",
    },
    "exports.form.revise": {
        "zh": "修订版（该月已有首版时）",
        "en": "Revised edition (when the month has an original)",
    },
    "exports.form.submit": {"zh": "生成", "en": "Make"},
    "exports.form.no_data": {
        "zh": "数据库中还没有报表数据，无法生成快照。",
        "en": "No reports loaded yet: nothing to snapshot.",
    },
    # What a run did.
    "exports.made": {
        "zh": "已生成并存档：{label}（编号 {id}）。",
        "en": "Made and archived: {label} (no. {id}).",
    },
    "exports.made_revised": {
        "zh": "与首版相比 {n} 处显示值变化，见工作簿“修订说明”。",
        "en": "{n} cells changed since the original (see the workbook's revision sheet).",
    },
    "exports.existing": {
        "zh": "{label}的首版已存档（编号 {id}），未重复生成。"
        "如需反映之后的补报或更正，请勾选“修订版”。",
        "en": "The original of {label} is already archived (no. {id}); nothing new was made. Tick "
        "'revised edition' to publish later corrections.",
    },
    "exports.failed": {"zh": "未能生成快照：{reason}", "en": "No snapshot made: {reason}"},
    "exports.january": {
        "zh": "1月数据与2月合并为1–2月发布，没有单独的对外通报版；请生成{period}，或生成内部版",
        "en": "January is published with February as Jan–Feb and has no circulated edition of "
        "its own: make {period}, or the internal edition",
    },
    "exports.no_pdf_made": {"zh": "未生成 PDF：{reason}", "en": "No PDF: {reason}"},
}
