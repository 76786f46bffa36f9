"""Command line: init-db, load, retract, template, summary, generate-sample, fx, snapshot ….

Exit codes: 0 ok, 1 rejected or failed, 2 usage.
"""

from __future__ import annotations

import argparse
import sys

from etl.accounts import ROLES
from etl.cli.briefing import add_briefing_parsers
from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE  # noqa: F401  (re-exported)
from etl.cli.data import (
    cmd_batches,
    cmd_fx_load,
    cmd_generate_sample,
    cmd_init_db,
    cmd_load,
    cmd_register_load,
    cmd_retract,
    cmd_seed,
    cmd_template,
)
from etl.cli.evaluation import add_evaluation_parser
from etl.cli.quality import add_quality_parser
from etl.cli.reconcile import add_reconcile_parser
from etl.cli.release import add_release_parser
from etl.cli.reports import cmd_coverage, cmd_snapshot, cmd_summary, cmd_targets
from etl.cli.tasks import add_tasks_parser
from etl.cli.tokens import add_token_parser
from etl.cli.users import cmd_user
from etl.db import database_initialised
from etl.settings import Settings

WITHOUT_DATABASE = (
    "init-db",
    "generate-sample",
    "template",
)  # every other command reads the database


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    p = argparse.ArgumentParser(prog="python -m etl", description="服务贸易统计监测 ETL")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("init-db", help="migrate, load reference data, optionally the sample")
    s.add_argument("--sample", action="store_true")
    s.add_argument("--sample-if-empty", action="store_true")
    s.add_argument(
        "--demo-users",
        action="store_true",
        help="create demo accounts on first start (prints one-time passwords)",
    )
    s.add_argument("--enterprises", type=int, default=2000)
    s.set_defaults(func=cmd_init_db)
    s = sub.add_parser("load", help="load report files (xlsx/csv)")
    s.add_argument("files", nargs="+")
    s.add_argument("--dry-run", action="store_true")
    s.add_argument("--user", default="cli")
    s.add_argument("--errors-out")
    s.set_defaults(func=cmd_load)
    s = sub.add_parser("validate", help="check report files without loading (= load --dry-run)")
    s.add_argument("files", nargs="+")
    s.add_argument("--user", default="cli")
    s.add_argument("--errors-out")
    s.set_defaults(func=cmd_load, dry_run=True)
    s = sub.add_parser("retract", help="retract a loaded batch")
    s.add_argument("batch", type=int)
    s.add_argument("--reason", required=True)
    s.add_argument("--user", default="cli")
    s.set_defaults(func=cmd_retract)
    s = sub.add_parser("template", help="write the Excel template")
    s.add_argument("--out", required=True)
    s.set_defaults(func=cmd_template)
    s = sub.add_parser("summary", help="1–N月累计 with 同比")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--month", type=int, choices=range(1, 13))
    s.add_argument("--region")
    s.add_argument(
        "--by", choices=["direction", "mode", "category", "region", "partner"], default="direction"
    )
    s.add_argument("--currency", choices=["USD", "CNY"], default="USD")
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.add_argument(
        "--view",
        choices=["full", "circulated"],
        default="full",
        help="circulated: what a leader sees (released months, protected figures as C)",
    )
    s.set_defaults(func=cmd_summary)
    s = sub.add_parser("generate-sample", help="write synthetic report files")
    s.add_argument("--out", default="instance/sample")
    s.add_argument("--seed", type=int, default=2018)
    s.add_argument("--enterprises", type=int, default=2000)
    s.add_argument("--start", type=int, default=201501)
    s.add_argument("--end", type=int, default=202112)
    s.add_argument("--by", default="year")
    s.set_defaults(func=cmd_generate_sample)
    fx = sub.add_parser("fx", help="exchange rates").add_subparsers(
        dest="fx_command", required=True
    )
    s = fx.add_parser("load", help="load CNY-per-USD rates from CSV")
    s.add_argument("file")
    s.set_defaults(func=cmd_fx_load)
    s = sub.add_parser("batches", help="list upload batches")
    s.add_argument("--limit", type=int, default=50)
    s.set_defaults(func=cmd_batches)
    s = sub.add_parser("targets", help="policy targets: status, projection, what is needed")
    s.add_argument("--as-of", help="YYYY-MM (default: the newest month reported)")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=cmd_targets)
    users = sub.add_parser("user", aliases=["users"], help="accounts").add_subparsers(
        dest="user_command", required=True
    )
    s = users.add_parser("add", help="create an account (prints a one-time password)")
    s.add_argument("name")
    s.add_argument("--role", required=True, choices=list(ROLES))
    s.add_argument("--display-name")
    s.add_argument("--regions", help="clerks: region codes, comma-separated")
    s.add_argument("--organisations", help="responsible units: organisation names, comma-separated")
    s.add_argument("--password-stdin", action="store_true")
    s.set_defaults(func=cmd_user)
    s = users.add_parser("passwd", help="set a new password (one-time unless from stdin)")
    s.add_argument("name")
    s.add_argument("--password-stdin", action="store_true")
    s.set_defaults(func=cmd_user)
    s = users.add_parser("role", help="change role (and clerk regions)")
    s.add_argument("name")
    s.add_argument("role", choices=list(ROLES))
    s.add_argument("--regions")
    s.add_argument("--organisations")
    s.set_defaults(func=cmd_user)
    for name in ("disable", "enable"):
        s = users.add_parser(name)
        s.add_argument("name")
        s.set_defaults(func=cmd_user)
    s = users.add_parser("list")
    s.set_defaults(func=cmd_user)
    s = users.add_parser("email", help="the address the monthly briefing goes to ('' clears)")
    s.add_argument("name")
    s.add_argument("address")
    s.set_defaults(func=cmd_user)
    for name in ("subscribe", "unsubscribe"):
        s = users.add_parser(name, help=f"{name} the monthly briefing by e-mail")
        s.add_argument("name")
        s.set_defaults(func=cmd_user)
    s = sub.add_parser("snapshot", help="monthly snapshot: xlsx + HTML + PDF, archived")
    s.add_argument("--month", required=True, help="YYYY-MM")
    s.add_argument("--internal", action="store_true", help="no suppression: statisticians only")
    s.add_argument("--out", help="write the files here instead of archiving them")
    s.add_argument("--revise", action="store_true", help="a revised edition: lists the changes")
    s.add_argument("--vintage", type=int, help="data event id to read as of (default: newest)")
    s.add_argument("--region", help="scope (default: STM_SNAPSHOT_REGION, 120000)")
    s.add_argument("--no-pdf", action="store_true", help="skip the PDF (no Chromium run)")
    s.add_argument("--user", default="cli")
    s.set_defaults(func=cmd_snapshot)
    s = sub.add_parser("coverage", help="key enterprises reported / late / missing")
    s.add_argument("--month", required=True)
    s.add_argument("--region", default="120000")
    s.add_argument(
        "--deadline-day",
        type=int,
        help="day of the next month reports are due (default: STM_REPORT_DEADLINE_DAY)",
    )
    s.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    s.add_argument("--out")
    s.set_defaults(func=cmd_coverage)
    reg = sub.add_parser("register", help="key-enterprise register").add_subparsers(
        dest="register_command", required=True
    )
    s = reg.add_parser("load", help="load the register from xlsx/csv")
    s.add_argument("file")
    s.add_argument("--user", default="cli")
    s.set_defaults(func=cmd_register_load)
    s = sub.add_parser("seed", help="reload reference data from seeds/")
    s.add_argument(
        "--overwrite-targets",
        action="store_true",
        help="write seeds/targets.csv over the targets edited in the browser "
        "(default: targets are seeded into an empty table only)",
    )
    s.set_defaults(func=cmd_seed)
    add_quality_parser(sub)
    add_release_parser(sub)
    add_briefing_parsers(sub)
    add_tasks_parser(sub)
    add_evaluation_parser(sub)
    add_token_parser(sub)
    add_reconcile_parser(sub)
    return p


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    """Parse arguments and run one subcommand."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    settings = settings or Settings.from_env()
    if args.command not in WITHOUT_DATABASE and not database_initialised(settings.database_url):
        print("database not initialised — run `python -m etl init-db`", file=sys.stderr)
        return EXIT_FAILED
    return args.func(args, settings)
