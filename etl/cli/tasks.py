"""The tasks command: list the pilot-task ledger (table, JSON, xlsx), reminders, a unit's report."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, factory_for
from etl.settings import Settings

DOCUMENTS = ("tianjin", "liangjiang", "liangjiang_policy")
# Chinese column names of the xlsx files (the language the conference office works in).
LIST_COLUMNS = {
    "document": "文件",
    "area": "任务领域",
    "number": "序号",
    "text": "任务内容",
    "deadline_text": "完成时限",
    "lead": "牵头单位",
    "cooperating": "配合单位",
    "status": "最新进展状态",
    "last_period": "最近报告月份",
    "state": "督查状态",
    "days_overdue": "逾期天数",
}
REMINDER_COLUMNS = {
    "unit": "单位",
    "role": "职责",
    "document": "文件",
    "number": "序号",
    "text": "任务内容",
    "deadline_text": "完成时限",
    "reason": "提醒原因",
    "days_overdue": "逾期天数",
    "last_period": "最近报告月份",
}
ZH = {
    "tianjin": "天津市试点实施方案",
    "liangjiang": "两江新区试点实施方案",
    "liangjiang_policy": "两江新区配套政策措施",
    "lead": "牵头",
    "cooperating": "配合",
    "overdue": "逾期未完成",
    "silent": "长期未报告进展",
    "on_time": "按期完成",
    "late": "逾期完成",
    "open": "推进中",
}


def add_tasks_parser(sub) -> None:
    """The `tasks` subcommands."""
    tasks = sub.add_parser("tasks", help="pilot-task ledger (试点任务台账)").add_subparsers(
        dest="tasks_command", required=True
    )
    s = tasks.add_parser("list", help="tasks with units, deadline, status")
    s.add_argument("--document", choices=["tianjin", "liangjiang"])
    s.add_argument("--overdue", action="store_true", help="only tasks overdue as of --as-of")
    s.add_argument("--as-of", help="YYYY-MM-DD (default: today)")
    s.add_argument("--unit", help="only tasks this organisation leads or cooperates on")
    s.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    s.add_argument("--out", help="xlsx file (default: tasks_<as-of>.xlsx)")
    s.set_defaults(func=cmd_tasks_list)
    s = tasks.add_parser("reminders", help="reminder list per unit (overdue or unreported)")
    s.add_argument("--as-of", help="YYYY-MM-DD (default: today)")
    s.add_argument("--unit")
    s.add_argument("--out", help="xlsx file (default: print a table)")
    s.set_defaults(func=cmd_tasks_reminders)
    s = tasks.add_parser("report", help="a responsible unit's progress report on a task")
    s.add_argument("--task", required=True, help="e.g. tianjin-9")
    s.add_argument("--period", required=True, help="YYYY-MM")
    s.add_argument("--status", required=True, help="未启动 推进中 已完成 持续推进 滞后 (or codes)")
    s.add_argument("--text", required=True)
    s.add_argument("--user", required=True, help="the unit's account")
    s.add_argument("--figure", action="append", default=[], help="name=count, e.g. projects=2")
    s.add_argument("--evidence", action="append", default=[], help="pdf/docx/xlsx/jpg/png file")
    s.set_defaults(func=cmd_tasks_report)


def _as_of(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        return None


def _state(session, settings: Settings, as_of: dt.date, document: str | None = None):
    from etl.queries.tasks import reports_frame, tasks_frame
    from etl.tasks.supervision import ledger_state

    return ledger_state(
        tasks_frame(session, document),
        reports_frame(session),
        as_of,
        settings.task_report_gap_months,
    )


def _unit_name(session, name: str) -> str | None:
    from etl.queries.tasks import organisations

    orgs = organisations(session)
    return name if name in set(orgs["name"]) else None


def cmd_tasks_list(args, settings: Settings) -> int:
    """List tasks (of a document, of a unit, overdue only) as a table, JSON lines or xlsx."""
    as_of = _as_of(args.as_of)
    if as_of is None:
        print("--as-of must be YYYY-MM-DD", file=sys.stderr)
        return EXIT_USAGE
    with factory_for(settings)() as session:
        state = _state(session, settings, as_of, args.document)
        if args.unit:
            unit = _unit_name(session, args.unit)
            if unit is None:
                print(f"unknown organisation: {args.unit}", file=sys.stderr)
                return EXIT_FAILED
            state = state[[unit in (a + b) for a, b in zip(state["lead"], state["cooperating"])]]
    if args.overdue:
        state = state[state["state"] == "overdue"]
    if args.format == "json":
        for row in state.itertuples(index=False):
            print(json.dumps(_json_row(row), ensure_ascii=False))
        return EXIT_OK
    if args.format == "xlsx":
        out = Path(args.out or f"tasks_{as_of.isoformat()}.xlsx")
        _xlsx(state, LIST_COLUMNS, out)
        print(f"written {out} ({len(state)} tasks)")
        return EXIT_OK
    for row in state.itertuples(index=False):
        lead = "、".join(row.lead) or "—"
        print(f"{row.id}\t{row.deadline_text or '—'}\t{row.state}\t{row.status or '—'}\t{lead}")
    print(f"{len(state)} tasks as of {as_of.isoformat()}")
    return EXIT_OK


def _json_row(row) -> dict:
    return {
        "id": row.id,
        "document": row.document,
        "area": row.area,
        "number": int(row.number),
        "text": row.text,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "deadline_text": row.deadline_text,
        "deadline_kind": row.deadline_kind,
        "lead_units": list(row.lead),
        "cooperating_units": list(row.cooperating),
        "status": row.status,
        "last_period": row.last_period,
        "state": row.state,
        "days_overdue": int(row.days_overdue),
    }


def _xlsx(frame, columns: dict[str, str], out: Path) -> None:
    table = frame[list(columns)].copy()
    for col in ("lead", "cooperating"):
        if col in table:
            table[col] = table[col].map("、".join)
    for col in ("document", "role", "reason", "state"):
        if col in table:
            table[col] = table[col].map(lambda v: ZH.get(v, v))
    if "status" in table:
        from etl.tasks.store import STATUS_ZH

        table["status"] = table["status"].map(lambda v: STATUS_ZH.get(v, "未报告"))
    table.rename(columns=columns).to_excel(out, index=False)


def cmd_tasks_reminders(args, settings: Settings) -> int:
    """The reminder list: per unit, its overdue and unreported tasks."""
    from etl.tasks.supervision import reminders

    as_of = _as_of(args.as_of)
    if as_of is None:
        print("--as-of must be YYYY-MM-DD", file=sys.stderr)
        return EXIT_USAGE
    with factory_for(settings)() as session:
        rows = reminders(_state(session, settings, as_of), (args.unit,) if args.unit else ())
    if args.out:
        _xlsx(rows, REMINDER_COLUMNS, Path(args.out))
        print(f"written {args.out} ({len(rows)} rows)")
        return EXIT_OK
    for row in rows.itertuples(index=False):
        print(f"{row.unit}\t{row.role}\t{row.id}\t{row.reason}\t{row.days_overdue}")
    return EXIT_OK


def cmd_tasks_report(args, settings: Settings) -> int:
    """Store a unit's progress report (checked like the page: its own tasks only)."""
    from etl import accounts
    from etl.tasks.evidence import EvidenceRejected
    from etl.tasks.store import TaskError, submit_report

    figures = {}
    for item in args.figure:
        name, _, value = item.partition("=")
        figures[name.strip()] = value.strip()
    try:
        files = [(Path(p).name, Path(p).read_bytes()) for p in args.evidence]
    except OSError as exc:
        print(f"not done: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        with factory_for(settings).begin() as session:
            principal = accounts.principal_of(accounts.get_user(session, args.user))
            report_id = submit_report(
                session,
                principal,
                args.task,
                args.period,
                args.status,
                args.text,
                figures,
                files,
                settings.instance_path,
                settings.evidence_max_bytes,
            )
    except (accounts.AccountError, TaskError, EvidenceRejected) as exc:
        print(f"not done: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"report {report_id} stored for {args.task} ({args.period}), awaiting review")
    return EXIT_OK
