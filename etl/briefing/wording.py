"""The briefing's words, zh and en: every sentence is one of these templates filled with numbers
formatted by etl.numbers (the dashboard's catalogue reads them too, as briefing.*). Pure."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "title": {"zh": "服务贸易月度简报", "en": "Services Trade Monthly Briefing"},
    "subtitle": {"zh": "{scope} · {ytd}（{mark}）", "en": "{scope} · {ytd} ({mark})"},
    "ytd": {"zh": "{year}年{months}", "en": "{months} {year}"},
    "months.one": {"zh": "1月", "en": "January"},
    "months.range": {"zh": "1–{month}月", "en": "January–{month}"},  # 11 | November
    "subject.120000": {"zh": "全市", "en": "Tianjin's"},
    "subject.500000-LJ": {"zh": "全区", "en": "Liangjiang New Area's"},
    "subject.other": {"zh": "{name}", "en": "{name}'s"},
    # amounts and changes
    "amount": {"zh": "{v}亿美元", "en": "US$ {v} billion"},
    "up": {"zh": "同比增长{p}", "en": "up {p} year on year"},
    "down": {"zh": "同比下降{p}", "en": "down {p} year on year"},
    "flat": {"zh": "与上年同期持平", "en": "unchanged year on year"},
    "up.short": {"zh": "增长{p}", "en": "up {p}"},
    "down.short": {"zh": "下降{p}", "en": "down {p}"},
    "flat.short": {"zh": "持平", "en": "unchanged"},
    "protected": {"zh": "保密", "en": "confidential"},
    # headline
    "head.total": {
        "zh": "{ytd}，{subject}服务进出口{rest}",
        "en": "In {ytd}, {subject} services trade was {rest}",
    },
    "head.parts": {"zh": "其中{parts}", "en": "{parts}"},
    "head.part": {"zh": "{name}{rest}", "en": "{name} {rest}"},
    "part.X": {"zh": "出口", "en": "exports"},
    "part.M": {"zh": "进口", "en": "imports"},
    "sep.clause": {"zh": "，", "en": ", "},
    "sep.list": {"zh": "；", "en": "; "},
    "sep.items": {"zh": "、", "en": ", "},
    "end": {"zh": "。", "en": "."},
    "head.kis": {
        "zh": "知识密集型服务进出口{rest}",
        "en": "Knowledge-intensive services trade was {rest}",
    },
    "kis.share": {
        "zh": "占{subject_short}服务进出口的{share}",
        "en": "{share} of {subject_short} total",
    },
    "subject_short.120000": {"zh": "全市", "en": "the city"},
    "subject_short.500000-LJ": {"zh": "全区", "en": "the area"},
    "subject_short.other": {"zh": "全部", "en": "the whole"},
    "pp.up": {
        "zh": "比上年同期提高{v}个百分点",
        "en": "{v} percentage points higher than a year earlier",
    },
    "pp.down": {
        "zh": "比上年同期降低{v}个百分点",
        "en": "{v} percentage points lower than a year earlier",
    },
    "pp.flat": {"zh": "与上年同期持平", "en": "the same as a year earlier"},
    # drivers
    "section.drivers": {"zh": "增长动力", "en": "What drove the change"},
    "drivers.category": {"zh": "从服务类别看", "en": "By service category"},
    "drivers.region": {"zh": "从地区看", "en": "By district"},
    "drivers.partner": {"zh": "从贸易伙伴看", "en": "By partner"},
    "drivers.pulled_up": {
        "zh": "{items}拉动增长较多",
        "en": "{items} contributed most to growth",
    },
    "drivers.pulled_down": {"zh": "{items}下拉较多", "en": "{items} held growth back most"},
    "drivers.item.up": {
        "zh": "{name}（拉动{v}个百分点）",
        "en": "{name} (+{v} percentage points)",
    },
    "drivers.item.down": {
        "zh": "{name}（下拉{v}个百分点）",
        "en": "{name} (−{v} percentage points)",
    },
    "drivers.none": {"zh": "暂无可比数据", "en": "no comparable data"},
    "drivers.protected_left_out": {
        "zh": "保密项未列入",
        "en": "confidential items are not listed",
    },
    # targets
    "section.targets": {"zh": "目标进展", "en": "Targets"},
    "target.status": {"zh": "{name}：{window}{status}", "en": "{name}: {window}, {status}"},
    "target.gap.short": {
        "zh": "按当前进度预计较目标少{gap}",
        "en": "projected {gap} short of the target",
    },
    "target.gap.over": {
        "zh": "按当前进度预计超出目标{gap}",
        "en": "projected {gap} above the target",
    },
    "target.gap.closed.short": {"zh": "较目标少{gap}", "en": "{gap} short of the target"},
    "target.gap.closed.over": {"zh": "超出目标{gap}", "en": "{gap} above the target"},
    "target.needed": {
        "zh": "余下月份需同比增长{p}",
        "en": "the remaining months need {p} growth year on year",
    },
    "target.needed.decline": {
        "zh": "余下月份同比下降不超过{p}即可达成",
        "en": "the remaining months may fall by up to {p} year on year",
    },
    "target.none": {
        "zh": "本范围本年度无进行中的目标",
        "en": "No target of this scope runs this year",
    },
    # coverage, marks, source
    "section.basis": {"zh": "数据说明", "en": "About the figures"},
    "coverage": {
        "zh": "{month}应报重点企业{expected}家，已报送{reported}家，报送率{share}，"
        "未报企业上年贸易额占{missing_share}",
        "en": "{reported} of {expected} key enterprises reported for {month} ({share}); "
        "those missing made {missing_share} of last year's trade",
    },
    "coverage.no_prior": {
        "zh": "{month}应报重点企业{expected}家，已报送{reported}家，报送率{share}",
        "en": "{reported} of {expected} key enterprises reported for {month} ({share})",
    },
    "coverage.none": {
        "zh": "{month}无重点企业名录，未计算报送率",
        "en": "No key-enterprise register for {month}: coverage not computed",
    },
    "coverage.overridden": {
        "zh": "报送率低于发布下限，经统计人员说明后发布",
        "en": "released below the coverage threshold, with a statistician's note",
    },
    "mark.preliminary": {
        "zh": "{month}数据为初步数，将随补报和更正修订",
        "en": "The {month} figures are preliminary and will be revised",
    },
    "mark.final": {"zh": "{month}数据为最终数", "en": "The {month} figures are final"},
    "mark.revised": {
        "zh": "本简报依据第{n}次修订（{date}发布）",
        "en": "Based on revision {n} (released {date})",
    },
    "mark.short.preliminary": {"zh": "初步", "en": "preliminary"},
    "mark.short.final": {"zh": "最终", "en": "final"},
    "mark.short.revised": {"zh": "修订", "en": "revised"},
    "basis.bop": {
        "zh": "金额按国际收支口径（模式1、2、4），不含商业存在（模式3）",
        "en": "Balance-of-payments basis (modes 1, 2 and 4), excluding commercial presence (mode 3)",
    },
    "source": {
        "zh": "数据来源：服务贸易统计监测系统（重点企业统计数据直报），{scope}，{date}发布（发布编号{id}）。"
        "保密项按统计法不予公布。",
        "en": "Source: Services Trade Monitoring System (key-enterprise direct reporting), {scope}, "
        "released {date} (release no. {id}). Confidential figures are withheld under the "
        "Statistics Law.",
    },
    # charts
    "chart.monthly": {
        "zh": "月度服务进出口（亿美元）",
        "en": "Monthly services trade (US$ 100 million)",
    },
    "chart.contrib": {
        "zh": "分类别拉动增长（百分点）",
        "en": "Contribution to growth (percentage points)",
    },
    "chart.partners": {
        "zh": "主要贸易伙伴进出口（亿美元）",
        "en": "Main partners' services trade (US$ 100 million)",
    },
    "chart.year": {"zh": "{year}年", "en": "{year}"},
    "chart.month": {"zh": "{m}月", "en": "{m}"},
    "chart.jan_feb": {"zh": "1–2月月均", "en": "Jan–Feb avg."},
    "chart.all_protected": {"zh": "均为保密项，不在图中显示", "en": "All items are confidential"},
    "chart.empty": {"zh": "暂无数据", "en": "No data"},
    "chart.no_base": {"zh": "暂无可比数据", "en": "No comparable data"},
    "chart.protected_left_out": {
        "zh": "保密项不在图中显示",
        "en": "Confidential items are not shown",
    },
    # mail
    "mail.subject": {
        "zh": "【服务贸易月度简报】{scope} {ytd}（{mark}）",
        "en": "[Services trade briefing] {scope} {ytd} ({mark})",
    },
    "mail.body": {
        "zh": "{name}：\n\n{scope}{ytd}服务贸易数据已于{date}发布（{mark}）。\n\n{headline}\n\n"
        "月度简报见附件（Word 和 PDF 各一份）。\n\n"
        "本邮件由服务贸易统计监测系统自动发送。如不再需要，请联系系统管理员取消订阅。",
        "en": "{name},\n\nThe {ytd} services trade figures of {scope} were released on {date} "
        "({mark}).\n\n{headline}\n\nThe briefing is attached (Word and PDF).\n\n"
        "Sent by the Services Trade Monitoring System; ask an administrator to unsubscribe.",
    },
}

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def word(key: str, lang: str = "zh", **values: object) -> str:
    """A template filled in (KeyError for an unknown key: every sentence must be catalogued)."""
    text = WORDS[key]["en" if lang == "en" else "zh"]
    return text.format(**values) if values else text
