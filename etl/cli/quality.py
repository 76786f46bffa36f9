"""`python -m etl quality`: list the data-quality flags, or recompute them all first."""

from __future__ import annotations

import json
import sys

from etl.cli.common import EXIT_OK, EXIT_USAGE, factory_for, money_text
from etl.settings import Settings

STATUSES = ("open", "checked", "explained", "all")


def add_quality_parser(sub) -> None:
    """Register the `quality` subcommand on the CLI's subparsers."""
    from etl.quality.rules import RULES

    s = sub.add_parser("quality", help="data-quality flags: list (open by default), recompute")
    s.add_argument("--month", help="YYYY-MM (default: every month)")
    s.add_argument("--status", choices=STATUSES, default="open")
    s.add_argument("--rule", choices=RULES)
    s.add_argument(
        "--recompute",
        action="store_true",
        help="recompute every enterprise's flags first (after changing thresholds)",
    )
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=cmd_quality)


def cmd_quality(args, settings: Settings) -> int:
    """Recompute (optionally), then print the flags that match."""
    from etl.periods import format_period, parse_period
    from etl.queries import quality as queries_quality

    month = parse_period(args.month) if args.month else None
    if args.month and month is None:
        print(f"--month must be YYYY-MM, got {args.month}", file=sys.stderr)
        return EXIT_USAGE
    factory = factory_for(settings)
    if args.recompute:
        _recompute(factory, settings)
    status = None if args.status == "all" else args.status
    with factory() as session:
        flags = queries_quality.flag_list(session, month, status, args.rule)
    if args.format == "json":
        rows = [
            {
                "id": int(r.id),
                "month": format_period(int(r.period)),
                "uscc": r.uscc,
                "name": r.name,
                "region": r.region_code,
                "rule": r.rule,
                "detail": json.loads(r.detail),
                "status": r.status,
            }
            for r in flags.itertuples()
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in flags.itertuples():
        print(
            f"{r.id:>6}  {format_period(int(r.period))}  {r.uscc}  {r.name}  {r.region_zh}  "
            f"{r.rule:<12}  {r.status:<9}  {detail_text(r.rule, json.loads(r.detail))}"
        )
    print(f"{len(flags)} flags", file=sys.stderr)
    return EXIT_OK


def _recompute(factory, settings: Settings) -> None:
    from etl.intake.load_lock import take_load_lock
    from etl.quality.store import recompute_all

    with factory.begin() as session:
        take_load_lock(session, "quality")  # no load may change reports meanwhile
        changes = recompute_all(session, settings.quality)
    print(
        f"recomputed: {changes.new} new, {changes.changed} changed, {changes.cleared} cleared, "
        f"{changes.reopened} reopened",
        file=sys.stderr,
    )


def detail_text(rule: str, d: dict) -> str:
    """The numbers behind a flag, in one line of plain English (amounts in US$)."""

    def usd(key: str) -> str:
        return f"US$ {money_text(d[key])}"

    if rule == "jump":
        return (
            f"z={d['z']:+.1f}: {usd('total_usd_cents')} against a median of "
            f"{usd('median_usd_cents')} over {d['prior_months']} months"
        )
    if rule == "annual_share":
        return (
            f"{d['share']:.0%} of {d['year']} ({usd('year_total_usd_cents')} over "
            f"{d['months']} months)"
        )
    if rule == "new_partner":
        parts = ", ".join(
            f"{p['partner']} US$ {money_text(p['usd_cents'])} ({p['share']:.0%})"
            for p in d["partners"]
        )
        return f"new: {parts} of {usd('month_exports_usd_cents')} exports"
    if rule == "repeated":
        return f"{usd('total_usd_cents')} in {d['months']} months from {d['run_start']}"
    return f"{d['versions']} versions"
