"""Strings of releases (数据发布): the marks on figures and the Release page."""

STRINGS = {
    "release.mark.unreleased": {"zh": "未发布：{months}", "en": "unreleased: {months}"},
    "disclosure.note": {
        "zh": "C＝保密（统计法：不显示可推算出单个企业的数据；图中标为C）",
        "en": "C = confidential (statistics law: no figure that reveals a single enterprise; "
        "marked C in charts)",
    },
    "disclosure.view_as_leader": {"zh": "按领导视图查看", "en": "View as leaders see it"},
    "disclosure.view_as_self": {"zh": "退出领导视图", "en": "Leave the leaders' view"},
    "release.mark.unreleased_many": {
        "zh": "未发布：{n}个月（{a}至{b}）",
        "en": "unreleased: {n} months ({a} to {b})",
    },
    "release.mark.preliminary": {"zh": "初步", "en": "preliminary"},
    "release.mark.revised": {"zh": "修订（{date}发布）", "en": "revised (released {date})"},
    "release.mark.final": {"zh": "最终", "en": "final"},
    # 全口径: said on every card title and download when mode 3 is counted.
    "exports.form.released_only": {
        "zh": "正式快照由统计人员在数据发布后生成；您可下载上方已存档的快照。",
        "en": "The official snapshot is made by statisticians once a month is released; "
        "download the archived ones above.",
    },
    "scope.full_total": {"zh": "全口径合计", "en": "total incl. mode 3"},
    "scope.column": {"zh": "口径", "en": "Coverage"},
    "scope.full_title": {"zh": "{title}（全口径合计）", "en": "{title} (total incl. mode 3)"},
}

STRINGS.update(
    {
        "nav.release": {"zh": "数据发布", "en": "Release"},
        "release.title": {"zh": "数据发布", "en": "Release"},
        "release.lead": {
            "zh": "领导只看到已发布的月份。发布前请核对下列清单；"
            "发布后数据再有变动，领导看到的数字不变，直到再次发布（修订）。",
            "en": "Leaders see released months only. Check the list below before releasing; "
            "later changes to the data do not move what leaders see until the month is "
            "released again (revised).",
        },
        "release.month": {"zh": "月份", "en": "Month"},
        "release.scope": {"zh": "发布范围", "en": "Scope"},
        "release.note": {"zh": "发布说明", "en": "Note"},
        "release.note_hint": {
            "zh": "例如：6月初步数，2家重点企业迟报已补齐",
            "en": "e.g. June preliminary; two late key enterprises now in",
        },
        "release.override": {
            "zh": "报送率低于下限仍发布（须填写说明）",
            "en": "Release although coverage is below the floor (a note is required)",
        },
        "release.confirm": {"zh": "确认发布", "en": "Release"},
        "release.running": {
            "zh": "正在发布：计算并核查保密模式，年末月份可能需要几分钟。发布在后台进行，离开本页不会中断。",
            "en": "Releasing: computing and auditing the suppression pattern. Late months of a "
            "year can take a few minutes. It runs in the background: leaving this page does "
            "not stop it.",
        },
        "release.step.start": {
            "zh": "正在启动发布…",
            "en": "Starting the release…",
        },
        "release.step.pattern": {
            "zh": "正在计算并核查 {month} 的保密模式（第 {index}/{count} 个月）",
            "en": "Computing and auditing the suppression pattern of {month} ({index} of {count})",
        },
        "release.step.audit": {
            "zh": "正在核查 {month} 的保密模式（第 {index}/{count} 个月）：第 {round} 轮核查发现 "
            "{left} 项保密数可被推算，正在补充隐藏后复核",
            "en": "Auditing the suppression pattern of {month} ({index} of {count}): audit "
            "round {round} found {left} confidential figures that could be derived; hiding "
            "more and auditing again",
        },
        "release.step.audit_lp": {
            "zh": "正在核查 {month} 的保密模式（第 {index}/{count} 个月）：第 {round} 轮核查发现 "
            "{left} 项保密数可被推算（其中线性规划发现 {lp} 项），正在补充隐藏后复核",
            "en": "Auditing the suppression pattern of {month} ({index} of {count}): audit "
            "round {round} found {left} confidential figures that could be derived ({lp} of "
            "them by the linear programme); hiding more and auditing again",
        },
        "release.step.elapsed": {"zh": "已用时 {elapsed}", "en": "{elapsed} so far"},
        "release.failed": {
            "zh": "发布未完成：后台发布进程意外终止，该月未发布，可再次发布。",
            "en": "Not released: the release's worker process ended unexpectedly. Nothing was "
            "released; you can release again.",
        },
        "release.check.title": {"zh": "发布前检查", "en": "Checklist"},
        "release.check.coverage": {
            "zh": "重点企业报送：应报 {expected} 家，已报 {reported} 家（迟报 {late}），未报 {missing} 家；"
            "报送率 {share}（下限 {floor}），未报企业占上年额 {missing_share}",
            "en": "Key enterprises: {expected} expected, {reported} reported ({late} late), "
            "{missing} missing; coverage {share} (floor {floor}), missing share of last year "
            "{missing_share}",
        },
        "release.check.no_register": {
            "zh": "该月无重点企业名录，报送率无从核对",
            "en": "No key-enterprise register for the month: coverage cannot be checked",
        },
        "release.check.flags": {
            "zh": "待查数据质量提示：{n} 条",
            "en": "Open data-quality flags: {n}",
        },
        "release.check.events": {
            "zh": "上次发布以来装载或撤回：{n} 次",
            "en": "Loads or retractions since the last release: {n}",
        },
        "release.check.first": {
            "zh": "首次发布：服务进出口总额 {total}",
            "en": "First release: total services trade {total}",
        },
        "release.check.change": {
            "zh": "与上次发布（#{id}）相比：{before} → {now}（{delta}，{pct}）",
            "en": "Against release #{id}: {before} → {now} ({delta}, {pct})",
        },
        "release.check.unchanged": {
            "zh": "与上次发布（#{id}）相比没有变化，无需再次发布",
            "en": "Nothing changed since release #{id}: no need to release again",
        },
        "release.check.movers": {
            "zh": "变动最大的地区和服务类别：",
            "en": "Largest movers by region and category:",
        },
        "release.refused.unchanged": {
            "zh": "未发布：与上次发布相比没有变化。",
            "en": "Not released: nothing changed since the last release.",
        },
        "release.refused.coverage": {
            "zh": "未发布：报送率低于下限。确需发布请勾选“仍发布”并填写说明。",
            "en": "Not released: coverage is below the floor. To release anyway, tick the "
            "override and write a note.",
        },
        "release.refused.override_note": {
            "zh": "未发布：低报送率发布须填写说明。",
            "en": "Not released: releasing with low coverage needs a note.",
        },
        "release.refused.no_data": {
            "zh": "未发布：该月该范围没有数据。",
            "en": "Not released: no data for this month and scope.",
        },
        "release.refused.busy": {
            "zh": "未发布：该范围另有一项发布正在进行，请等它完成。",
            "en": "Not released: another release of this scope is running; wait for it to end.",
        },
        "release.refused.changing": {
            "zh": "未发布：计算保密模式期间数据一再变化（正在上传或撤回），请稍后再发布。",
            "en": "Not released: the data kept changing while the disclosure pattern was "
            "computed (uploads or retractions under way); release again later.",
        },
        "release.refused.scope": {"zh": "未发布：范围无效。", "en": "Not released: unknown scope."},
        "release.refused.not_released": {
            "zh": "该月尚未发布。",
            "en": "The month is not released.",
        },
        "release.refused.already_final": {"zh": "已是最终数。", "en": "Already final."},
        "release.done.first": {
            "zh": "已发布（#{id}）：领导现在看到该月数据。",
            "en": "Released (#{id}): leaders now see the month.",
        },
        "release.done.revised": {
            "zh": "已修订发布（#{id}）：领导现在看到修订后的数据。",
            "en": "Released as a revision (#{id}): leaders now see the revised figures.",
        },
        "release.list.title": {"zh": "发布记录", "en": "Releases"},
        "release.list.empty": {"zh": "尚未发布任何月份。", "en": "No month released yet."},
        "release.list.released": {"zh": "已发布", "en": "released"},
        "release.list.superseded": {"zh": "已被取代", "en": "superseded"},
        "release.list.older": {
            "zh": "更早的发布（{n}项）",
            "en": "Earlier releases ({n})",
        },
        "release.list.override": {"zh": "低报送率仍发布", "en": "low coverage overridden"},
        "release.kind": {"zh": "发布", "en": "release"},
        "release.mark.revised_short": {"zh": "修订", "en": "revised"},
        "release.col.month": {"zh": "月份", "en": "Month"},
        "release.col.kind": {"zh": "类型", "en": "Kind"},
        "release.col.status": {"zh": "状态", "en": "Status"},
        "release.col.total": {"zh": "服务进出口总额", "en": "Total trade"},
        "release.col.at": {"zh": "发布时间", "en": "Released at"},
        "release.col.by": {"zh": "发布人", "en": "By"},
        "release.col.note": {"zh": "说明", "en": "Note"},
        "release.col.audit": {"zh": "保密核查", "en": "Disclosure audit"},
        "release.audit.passed": {"zh": "通过", "en": "passed"},
        "release.audit.passed_bounds": {
            "zh": "通过（未做线性规划核查）",
            "en": "passed (without the LP check)",
        },
        "release.audit.left": {"zh": "遗留 {n} 项", "en": "{n} left"},
        "release.audit.left_earlier": {
            "zh": "遗留 {n} 项（含 {k} 项由此前发布决定）",
            "en": "{n} left ({k} from earlier releases)",
        },
        "release.audit.not_run": {"zh": "未运行", "en": "not run"},
        "release.audit.legend": {"zh": "保密核查：", "en": "Disclosure audit: "},
        "release.audit.legend.sep": {"zh": "；", "en": "; "},
        "release.audit.legend.passed": {
            "zh": "“通过”指线性规划（攻击者模型）核查确认，任何保密数据都无法从领导可见的数据"
            "推算到其真实值 ±{p} 以内",
            "en": "“passed”: the attacker's linear programme proves that no confidential figure "
            "can be narrowed to within ±{p} of its value from what leaders can see",
        },
        "release.audit.legend.passed_bounds": {
            "zh": "“通过（未做线性规划核查）”指当年隐藏单元超过 {n} 个，只做了区间传播核查，"
            "线性规划仍可能把个别保密数据推算到 ±{p} 以内；提高 STM_DISCLOSURE_LP_CELLS 与 "
            "STM_DISCLOSURE_AUDIT_SECONDS 可做完整核查，大范围的发布将耗时一小时以上",
            "en": "“passed (without the LP check)”: the year has more than {n} hidden cells, so "
            "only the propagated bounds checked it, and a linear programme may still narrow a "
            "confidential figure to within ±{p}; raising STM_DISCLOSURE_LP_CELLS and "
            "STM_DISCLOSURE_AUDIT_SECONDS gives the full check, at an hour or more a release "
            "for a large scope",
        },
        "release.audit.legend.left": {
            "zh": "“遗留”指核查结束时仍可推算到 ±{p} 以内的保密数据个数，其中“由此前发布决定”"
            "的仅凭早先月份已发布的数据即可推算，本月的任何数据都无法改变",
            "en": "“left”: confidential figures that could still be narrowed to within ±{p} "
            "when the audit ended; those “from earlier releases” are bounded by earlier "
            "months' published figures alone, which no figure of this month can change",
        },
        "release.audit.legend.not_run": {
            "zh": "“未运行”指发布时未做核查（示例数据为快速启动而发布）",
            "en": "“not run”: released without the audit (the sample, released to start quickly)",
        },
        "release.audit.legend.no_cells": {
            "zh": "“—”指该月没有单独的单元（1月：1–2月数据随2月一并发布与核查）",
            "en": "“—”: the month has no cells of its own (January: Jan–Feb is published and "
            "audited with February)",
        },
    }
)
