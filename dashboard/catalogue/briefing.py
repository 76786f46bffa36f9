"""Strings of the 简报 Briefing page and of the briefings listed on the Exports page; the
briefing's own sentences are etl.briefing.wording (merged in below as briefing.text.*)."""

from etl.briefing.wording import WORDS

STRINGS: dict[str, dict[str, str]] = {
    "nav.briefing": {"zh": "简报", "en": "Briefing"},
    "briefing.title": {"zh": "月度简报", "en": "Monthly briefing"},
    "briefing.lead": {
        "zh": "已发布月份的一页简报：总量与增速、增长动力、目标进展和数据说明，均由已发布数据生成，"
        "保密项不予显示。可打印，也可下载 Word 和 PDF。",
        "en": "One page per released month: totals and growth, what drove them, targets and the "
        "basis of the figures, written from the released (protected) figures. Print it, or "
        "download Word and PDF.",
    },
    "briefing.scope": {"zh": "范围", "en": "Scope"},
    "briefing.month": {"zh": "报告期", "en": "Month"},
    "briefing.print": {"zh": "打印", "en": "Print"},
    "briefing.downloads": {"zh": "下载：", "en": "Download:"},
    "briefing.not_archived": {
        "zh": "该月简报的 Word/PDF 文件在数据发布后自动生成；尚未生成时请稍后刷新，或请统计人员运行生成。",
        "en": "The Word and PDF files are made when the month is released; if they are not "
        "there yet, refresh in a minute or ask a statistician to make them.",
    },
    "briefing.none": {
        "zh": "尚无已发布的月份，因此没有简报。",
        "en": "No month has been released yet, so there is no briefing.",
    },
    "briefing.none_hint": {
        "zh": "统计人员在“数据发布”页发布月份后，简报随即生成。",
        "en": "A statistician releases months on the Release page; the briefing follows.",
    },
    "briefing.file.docx": {"zh": "Word 文档", "en": "Word"},
    "briefing.file.pdf": {"zh": "PDF", "en": "PDF"},
    # On the Exports page.
    "briefing.archive.title": {"zh": "月度简报", "en": "Monthly briefings"},
    "briefing.archive.empty": {
        "zh": "尚无存档的简报：月份发布后自动生成。",
        "en": "No briefing archived yet: one is made when a month is released.",
    },
    "briefing.col.month": {"zh": "报告期", "en": "Month"},
    "briefing.col.scope": {"zh": "范围", "en": "Scope"},
    "briefing.col.lang": {"zh": "语言", "en": "Language"},
    "briefing.col.edition": {"zh": "版本", "en": "Edition"},
    "briefing.col.files": {"zh": "下载", "en": "Download"},
    "briefing.lang.zh": {"zh": "中文", "en": "Chinese"},
    "briefing.lang.en": {"zh": "英文", "en": "English"},
    "briefing.edition.original": {"zh": "首次发布", "en": "First release"},
    "briefing.edition.revised": {"zh": "第{n}次修订", "en": "Revision {n}"},
    # Accounts page: e-mail delivery.
    "admin.email": {"zh": "电子邮箱（接收月度简报）", "en": "E-mail (monthly briefing)"},
    "admin.subscribed": {"zh": "订阅月度简报邮件", "en": "Receive the monthly briefing by e-mail"},
    "admin.save_email": {"zh": "保存邮箱与订阅", "en": "Save e-mail and subscription"},
    "admin.email_saved": {
        "zh": "{user} 的邮箱与订阅已保存。",
        "en": "E-mail and subscription of {user} saved.",
    },
    "admin.col.email": {"zh": "邮箱", "en": "E-mail"},
    "admin.col.subscribed": {"zh": "订阅简报", "en": "Briefing"},
}
# The briefing's sentences, for the screen: one catalogue, the same words in every output.
STRINGS.update({f"briefing.text.{key}": value for key, value in WORDS.items()})
