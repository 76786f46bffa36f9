"""The evaluation command: the 绩效评价与考核 scorecard of a year (table, JSON, xlsx), and entering
the values of indicators the product has no data for."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from etl.cli.common import EXIT_FAILED, EXIT_OK, factory_for
from etl.settings import Settings


def add_evaluation_parser(sub) -> None:
    """The `evaluation` subcommands."""
    ev = sub.add_parser("evaluation", help="绩效评价与考核 scorecards").add_subparsers(
        dest="evaluation_command", required=True
    )
    s = ev.add_parser("score", help="the scorecard of districts or responsible units for a year")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--subject", choices=["district", "unit"], default="district")
    s.add_argument("--region", help="districts of this city (default: STM_SNAPSHOT_REGION)")
    s.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    s.add_argument("--out")
    s.set_defaults(func=cmd_evaluation_score)
    s = ev.add_parser("enter", help="enter a value (招商引资, 项目落地, 政策出台, 数据共享)")
    s.add_argument("--indicator", required=True)
    s.add_argument("--subject", required=True, help="region code or organisation name")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--value", required=True)
    s.add_argument("--note", default="")
    s.add_argument("--user", default="cli")
    s.set_defaults(func=cmd_evaluation_enter)


def cmd_evaluation_score(args, settings: Settings) -> int:
    """Print or write the scorecard."""
    from etl.evaluation.report import evaluate, export_table, method_table

    with factory_for(settings)() as session:
        result = evaluate(
            session,
            args.subject,
            args.year,
            args.region or settings.snapshot_region,
            settings.report_deadline_day,
            settings.task_report_gap_months,
        )
    table = export_table(result, "zh")
    if args.format == "json":
        for record in table.to_dict("records"):
            print(json.dumps(record, ensure_ascii=False, default=str))
        return EXIT_OK
    if args.format == "xlsx":
        out = Path(args.out or f"evaluation_{args.subject}_{args.year}.xlsx")
        with pd.ExcelWriter(out) as writer:
            table.to_excel(writer, sheet_name="评分", index=False)
            method_table(result, "zh").to_excel(writer, sheet_name="计分方法", index=False)
        print(f"written {out} ({len(table)} rows)")
        return EXIT_OK
    print(table.to_string(index=False))
    return EXIT_OK


def cmd_evaluation_enter(args, settings: Settings) -> int:
    """Store an entered value (audited)."""
    from etl.evaluation.entries import EntryError, set_entry

    try:
        with factory_for(settings).begin() as session:
            set_entry(
                session, args.indicator, args.subject, args.year, args.value, args.user, args.note
            )
    except EntryError as exc:
        print(f"not done: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"{args.indicator} {args.subject} {args.year} = {args.value}")
    return EXIT_OK
