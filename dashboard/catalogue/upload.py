"""数据报送 / Upload page strings."""

STRINGS: dict[str, dict[str, str]] = {
    "upload.title": {"zh": "数据报送", "en": "Upload reports"},
    "upload.lead": {
        "zh": "上传企业月度服务贸易直报文件（Excel 模板或 CSV）。文件先经校验并预览，无错误时方可提交入库；"
        "每个文件整体入库或完全不入库，同一文件不会重复入库。",
        "en": "Upload enterprises' monthly services-trade reports (the Excel template or CSV). Each "
        "file is checked and previewed first and can be committed only without errors; a file "
        "loads whole or not at all, and never twice.",
    },
    "upload.step_template": {"zh": "① 下载报送模板", "en": "① Download the template"},
    "upload.template_hint": {
        "zh": "模板含下拉选项（地区、服务类别、供给模式、伙伴国家或地区、币种）和填写说明。",
        "en": "The template has drop-down lists (region, service category, mode, partner, "
        "currency) and filling-in notes.",
    },
    "upload.template_button": {"zh": "下载 Excel 模板", "en": "Download the Excel template"},
    "upload.step_files": {"zh": "② 选择文件并校验", "en": "② Choose files and check them"},
    "upload.drop": {
        "zh": "将文件拖放到此处，或点击选择文件",
        "en": "Drop files here, or click to choose",
    },
    "upload.drop_hint": {
        "zh": ".xlsx 或 .csv，可多选；单个文件不超过 {limit} MB。",
        "en": ".xlsx or .csv, several at once; at most {limit} MB per file.",
    },
    "upload.scope_clerk": {
        "zh": "您负责的地区：{regions}。文件中其他地区的行将被视为错误。",
        "en": "Your regions: {regions}. Rows of other regions are errors.",
    },
    "upload.phase.staged": {"zh": "已接收文件，等待校验…", "en": "Files received, waiting…"},
    "upload.phase.read": {
        "zh": "正在读取 {file}（第 {i}/{n} 个文件）…",
        "en": "Reading {file} (file {i} of {n})…",
    },
    "upload.phase.validate": {
        "zh": "正在校验 {file}（第 {i}/{n} 个文件）…",
        "en": "Checking {file} (file {i} of {n})…",
    },
    "upload.phase.load": {
        "zh": "正在入库 {file}（第 {i}/{n} 个文件）…",
        "en": "Loading {file} (file {i} of {n})…",
    },
    "upload.phase.wait": {
        "zh": "正在等待另一次入库完成，{file} 随后入库（第 {i}/{n} 个文件）…",
        "en": "Waiting for another load to finish; {file} follows (file {i} of {n})…",
    },
    "upload.phase.validated": {"zh": "校验完成。", "en": "Check finished."},
    "upload.phase.committed": {"zh": "入库完成。", "en": "Loading finished."},
    "upload.phase.failed": {
        "zh": "处理失败，未载入任何数据。请重试；如再次失败请联系管理员。（{error}）",
        "en": "Processing failed; nothing was loaded. Try again, and tell an administrator if it "
        "fails again. ({error})",
    },
    "upload.phase.failed_memory": {
        "zh": "文件过大，校验所需内存超过服务器为每个任务设定的上限（{limit} MB），已停止，未载入任何数据。"
        "请将文件拆分为几个较小的文件后分别上传。",
        "en": "The file needs more memory than the server allows one upload ({limit} MB); the "
        "check was stopped and nothing was loaded. Split the file into smaller ones.",
    },
    "upload.phase.failed_time": {
        "zh": "校验超过 {limit} 秒的时间上限，已停止，未载入任何数据。请将文件拆分后分别上传。",
        "en": "The check took longer than the {limit}-second limit and was stopped; nothing was "
        "loaded. Split the file into smaller ones.",
    },
    "upload.phase.failed_worker": {
        "zh": "处理文件的后台进程意外中止，未载入任何数据。请重试；如再次失败请联系管理员。",
        "en": "The background process handling the file stopped unexpectedly; nothing was loaded. "
        "Try again, and tell an administrator if it fails again.",
    },
    "upload.phase.cancelled": {
        "zh": "已取消校验，未载入任何数据。",
        "en": "The check was cancelled; nothing was loaded.",
    },
    "upload.cancel": {"zh": "取消校验", "en": "Cancel the check"},
    "upload.step_preview": {"zh": "③ 预览与提交", "en": "③ Preview and commit"},
    "upload.file.ok": {"zh": "可以提交", "en": "Ready to commit"},
    "upload.file.rejected": {"zh": "有错误，不能提交", "en": "Has errors: cannot be committed"},
    "upload.file.unreadable": {"zh": "无法读取", "en": "Cannot be read"},
    "upload.file.duplicate": {
        "zh": "此文件已于批次 #{batch} 入库，提交时不会重复载入。",
        "en": "This file was loaded as batch #{batch}; committing it changes nothing.",
    },
    "upload.kpi.rows": {"zh": "数据行", "en": "Data rows"},
    "upload.kpi.enterprises": {"zh": "企业数", "en": "Enterprises"},
    "upload.kpi.periods": {"zh": "报告期", "en": "Periods"},
    "upload.kpi.exports": {"zh": "出口", "en": "Exports"},
    "upload.kpi.imports": {"zh": "进口", "en": "Imports"},
    "upload.kpi.fats_note": {
        "zh": "另有模式3（商业存在）销售额：出口 {exports}，进口 {imports}，不计入服务进出口总额。",
        "en": "Mode-3 (commercial presence) sales besides: exports {exports}, imports {imports}; "
        "not part of services trade.",
    },
    "upload.kpi.errors": {"zh": "错误", "en": "Errors"},
    "upload.kpi.warnings": {"zh": "提示", "en": "Warnings"},
    "upload.issues.title": {"zh": "问题清单", "en": "Problems found"},
    "upload.issues.more": {
        "zh": "共 {total} 个问题，此处列出前 {shown} 个；下载清单可查看已列出的全部。",
        "en": "{total} problems in all; the first {shown} are listed here and in the download.",
    },
    "upload.issues.none": {"zh": "未发现问题。", "en": "No problems found."},
    "upload.issues.xlsx": {"zh": "下载问题清单（xlsx）", "en": "Download problems (xlsx)"},
    "upload.issues.csv": {"zh": "下载问题清单（csv）", "en": "Download problems (csv)"},
    "upload.col.row": {"zh": "行号", "en": "Row"},
    "upload.col.column": {"zh": "列", "en": "Column"},
    "upload.col.value": {"zh": "填写内容", "en": "Value"},
    "upload.col.problem": {"zh": "问题说明", "en": "Problem"},
    "upload.col.severity": {"zh": "类型", "en": "Kind"},
    "upload.severity.error": {"zh": "错误", "en": "Error"},
    "upload.severity.warning": {"zh": "提示", "en": "Warning"},
    "upload.commit": {"zh": "提交入库", "en": "Commit"},
    "upload.commit_blocked": {
        "zh": "存在错误的文件不能提交：请修改文件后重新上传全部文件。",
        "en": "Files with errors cannot be committed: fix them and upload again.",
    },
    "upload.result.loaded": {
        "zh": "{file}：已入库为批次 #{batch}，新增 {new} 份报表、修订 {revised} 份、未变 {unchanged} 份。",
        "en": "{file}: loaded as batch #{batch}: {new} new reports, {revised} revised, "
        "{unchanged} unchanged.",
    },
    "upload.result.unchanged": {
        "zh": "{file}：与批次 #{batch} 完全相同，未作任何更改。",
        "en": "{file}: identical to batch #{batch}; nothing changed.",
    },
    "upload.result.rejected": {
        "zh": "{file}：提交时校验未通过（数据已在预览后发生变化），未载入任何数据。",
        "en": "{file}: failed its check at commit (the data changed since the preview); nothing "
        "was loaded.",
    },
    "upload.result.busy": {
        "zh": "{file}：等待其他入库的时间过长，未载入任何数据；请稍后重新提交。",
        "en": "{file}: waited too long for another load; nothing was loaded. Commit it again "
        "later.",
    },
    "upload.history.title": {"zh": "报送记录", "en": "Upload history"},
    "upload.history.lead_clerk": {"zh": "您上传的文件。", "en": "The files you uploaded."},
    "upload.history.lead_all": {
        "zh": "全部上传批次；选中一个已入库批次可将其撤回（撤回后恢复此前版本）。",
        "en": "Every upload batch; select a loaded batch to retract it (earlier versions return).",
    },
    "upload.history.empty": {"zh": "尚无上传记录", "en": "No uploads yet"},
    "upload.hcol.batch": {"zh": "批次", "en": "Batch"},
    "upload.hcol.at": {"zh": "上传时间", "en": "Uploaded at"},
    "upload.hcol.user": {"zh": "上传人", "en": "By"},
    "upload.hcol.file": {"zh": "文件", "en": "File"},
    "upload.hcol.sha": {"zh": "SHA-256", "en": "SHA-256"},
    "upload.hcol.rows": {"zh": "行数", "en": "Rows"},
    "upload.hcol.status": {"zh": "状态", "en": "Status"},
    "upload.hcol.reports": {"zh": "新增/修订/未变", "en": "New/revised/unchanged"},
    "upload.hcol.note": {"zh": "说明", "en": "Note"},
    "upload.status.loaded": {"zh": "已入库", "en": "Loaded"},
    "upload.status.rejected": {"zh": "已拒绝", "en": "Rejected"},
    "upload.status.retracted": {"zh": "已撤回", "en": "Retracted"},
    "upload.status.busy": {"zh": "未入库（繁忙）", "en": "Not loaded (busy)"},
    "upload.note.busy": {
        "zh": "等待其他入库超时，未载入任何数据",
        "en": "Waited too long for another load; nothing loaded",
    },
    "upload.status.cancelled": {"zh": "已取消", "en": "Cancelled"},
    "upload.status.failed": {"zh": "未入库（失败）", "en": "Not loaded (failed)"},
    "upload.note.cancelled": {
        "zh": "上传人在校验中取消，未载入任何数据",
        "en": "Cancelled by the uploader during the check; nothing loaded",
    },
    "upload.note.failed": {
        "zh": "处理中止（超出内存或时间上限，或后台进程中止），未载入任何数据",
        "en": "Stopped (over the memory or time limit, or the process ended); nothing loaded",
    },
    "upload.note.rejected": {"zh": "{errors} 个错误", "en": "{errors} errors"},
    "upload.note.retracted": {
        "zh": "{by} 于 {at} 撤回：{reason}",
        "en": "Retracted by {by} at {at}: {reason}",
    },
    "upload.retract": {"zh": "撤回所选批次", "en": "Retract the selected batch"},
    "upload.retract.title": {"zh": "撤回批次 #{batch}", "en": "Retract batch #{batch}"},
    "upload.retract.impact.reports": {
        "zh": "涉及当前报表{n}份：{gone}份将撤除，{back}份恢复为此前版本；",
        "en": "{n} current reports: {gone} will be withdrawn, {back} fall back to their earlier "
        "version;",
    },
    "upload.retract.impact.months": {
        "zh": "涉及{n}个月份（{months}）；",
        "en": "{n} months affected ({months});",
    },
    "upload.retract.impact.total": {
        "zh": "这些报表合计由{before}变为{after}（变化{change}）。",
        "en": "these reports' total goes from {before} to {after} (change {change}).",
    },
    "upload.retract.body": {
        "zh": "将撤回文件“{file}”带来的全部报表版本，并恢复此前的版本。此操作会记录在案。",
        "en": "Every report version that “{file}” brought is withdrawn and the earlier versions "
        "return. The retraction is recorded.",
    },
    "upload.retract.reason": {"zh": "撤回原因（必填）", "en": "Reason (required)"},
    "upload.retract.confirm": {"zh": "确认撤回", "en": "Retract"},
    "upload.retract.cancel": {"zh": "取消", "en": "Cancel"},
    "upload.retract.need_reason": {"zh": "请填写撤回原因。", "en": "Please give a reason."},
    "upload.retract.pick": {
        "zh": "请先在表中选择一个已入库的批次。",
        "en": "Select a loaded batch in the table first.",
    },
    "upload.retract.done": {
        "zh": "批次 #{batch} 已撤回：{withdrawn} 份报表被撤销，{restored} 份恢复为此前版本。",
        "en": "Batch #{batch} retracted: {withdrawn} reports withdrawn, {restored} restored to "
        "their earlier version.",
    },
    "upload.retract.failed": {"zh": "未能撤回：{error}", "en": "Could not retract: {error}"},
}
