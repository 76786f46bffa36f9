"""Commands that report: summary, targets, snapshot."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, factory_for, money_text  # noqa: F401
from etl.data_version import PROTECTED, RELEASED
from etl.numbers import CONFIDENTIAL, percent_text, protected
from etl.queries.months import latest_period
from etl.release.scopes import DEFAULT_SCOPE
from etl.settings import Settings
from etl.spreadsheet import csv_text, write_table


def _unreleased(session, region: str, period: int) -> str | None:
    """Why a leader cannot see a month, as the pages and the API cut to released months: it is
    not released for the region's scope (None: it is)."""
    from etl.periods import format_period
    from etl.queries.disclosure import hierarchy
    from etl.queries.release import released_months
    from etl.release.scopes import scope_of

    scope = scope_of(region, hierarchy(session).region_parent)
    months = released_months(session, scope)
    if period in months:
        return None
    latest = format_period(months[-1]) if months else "none"
    return (
        f"{format_period(period)} is not released for {scope} (数据发布): a leader sees "
        f"released months only; the latest released is {latest}"
    )


def cmd_summary(args, settings: Settings) -> int:
    """Print 1–N月累计 by a dimension with 同比, as the dashboard shows it."""
    from etl.summary import summary_frame

    factory = factory_for(settings)
    circulated = args.view == "circulated"
    if circulated and args.region is None:
        args.region = DEFAULT_SCOPE  # a leader always looks at a region (天津市 by default)
    with factory() as session:
        if circulated:  # what a leader sees: released months, protected cells as "C"
            session.info[RELEASED] = session.info[PROTECTED] = True
        if args.month is None:
            last = latest_period(session, args.year)
            if last is None:
                print(f"no reports for {args.year}", file=sys.stderr)
                return EXIT_FAILED
            args.month = last % 100
        if circulated and args.month == 1:  # as the pages and the API read a leader's January
            if _unreleased(session, args.region, args.year * 100 + 2) is None:
                print(
                    "January is published with February: the summary reads 1–2月", file=sys.stderr
                )
                args.month = 2
            else:
                print(
                    f"{args.year}-01 is published with February as 1–2月, and {args.year}-02 is "
                    "not released yet",
                    file=sys.stderr,
                )
                return EXIT_FAILED
        refused = circulated and _unreleased(session, args.region, args.year * 100 + args.month)
        if refused:
            print(refused, file=sys.stderr)
            return EXIT_FAILED
        frame = summary_frame(session, args.year, args.month, args.region, args.by, args.currency)
    unit = "USD" if args.currency == "USD" else "CNY"
    if args.format == "json":
        records = [
            {
                "code": str(r.code),
                "name_zh": r.name_zh,
                "name_en": r.name_en,
                f"current_{unit.lower()}_minor": _json_figure(r.current, int),
                f"previous_{unit.lower()}_minor": _json_figure(r.previous, int),
                "growth": _json_figure(r.growth, lambda g: round(float(g), 6)),
                "share": _json_figure(r.share, lambda g: round(float(g), 6)),
            }
            for r in frame.itertuples()
        ]
        print(
            json.dumps(
                {
                    "year": args.year,
                    "months": f"1-{args.month}",
                    "by": args.by,
                    "region": args.region,
                    "currency": unit,
                    "view": args.view,
                    "rows": records,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    table = pd.DataFrame(
        {
            "代码": frame["code"].astype(str),
            "名称": frame["name_zh"],
            f"1-{args.month}月累计({unit})": [money_text(v) for v in frame["current"]],
            f"上年同期({unit})": [money_text(v) for v in frame["previous"]],
            "同比%": [percent_text(g) for g in frame["growth"]],
            "占比%": [percent_text(s) for s in frame["share"]],
        }
    )
    if args.format == "csv":
        print(csv_text(table).replace("\r\n", "\n"), end="")
    else:
        print(f"{args.year}年1-{args.month}月 按{args.by} (region={args.region or '全部'})")
        print(table.to_string(index=False))
    return EXIT_OK


def _json_figure(value, convert):
    """A figure for JSON: "C" when protected, null when missing, else converted."""
    if protected(value):
        return CONFIDENTIAL
    return None if value is None or pd.isna(value) else convert(value)


def cmd_targets(args, settings: Settings) -> int:
    """Print every target's windows with status, actual, required and projection."""
    from etl.periods import parse_period
    from etl.targets.status import evaluate_targets

    as_of = parse_period(args.as_of) if args.as_of else None
    if args.as_of and as_of is None:
        print(f"--as-of must be YYYY-MM, got {args.as_of}", file=sys.stderr)
        return EXIT_USAGE
    with factory_for(settings)() as session:
        results = evaluate_targets(session, as_of)
    rows = []
    for res in results:
        for ev in res.evaluations:
            rows.append(
                {
                    "target": res.target.code,
                    "region": res.target.region_code,
                    "window": ev.window.key,
                    "label": ev.window.label_zh,
                    "status": ev.status,
                    "actual": ev.actual,
                    "required": ev.required,
                    "growth": ev.growth,
                    "projection": ev.projection,
                    "projection_low": ev.projection_low,
                    "projection_high": ev.projection_high,
                    "needed_growth_remaining": ev.needed_growth_remaining,
                    "months": ev.months_text,
                    "notes": "; ".join(ev.notes),
                }
            )
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    table = pd.DataFrame(rows)
    if table.empty:
        print("no targets")
        return EXIT_OK
    from etl.numbers import percent_text
    from etl.targets.vocabulary import status_word

    pct = lambda v: "—" if v is None or pd.isna(v) else percent_text(v)  # noqa: E731
    table["status"] = table["status"].map(status_word)  # the screen's words
    table["growth"] = table["growth"].map(pct)
    table["needed_growth_remaining"] = table["needed_growth_remaining"].map(pct)
    for col in ("actual", "required", "projection"):
        table[col] = [_target_value(t, v) for t, v in zip(table["target"], table[col])]
    print(
        table[
            [
                "target",
                "label",
                "status",
                "actual",
                "required",
                "growth",
                "projection",
                "needed_growth_remaining",
                "months",
            ]
        ].to_string(index=False)
    )
    return EXIT_OK


def _target_value(code: str, value) -> str:
    if value is None or pd.isna(value):
        return "—"
    if abs(value) < 10:  # shares and growth differences
        return f"{value * 100:.1f}%"
    return f"{value / 100 / 1e8:,.2f}亿美元"


def cmd_snapshot(args, settings: Settings) -> int:
    """Make the monthly snapshot (xlsx, HTML, PDF) and archive it; print the files."""
    from etl.periods import parse_period
    from etl.snapshot.archive import make_snapshot
    from etl.snapshot.build import SnapshotError
    from etl.snapshot.vintage import VintageError

    month = parse_period(args.month)
    if month is None:
        print(f"--month must be YYYY-MM, got {args.month}", file=sys.stderr)
        return EXIT_USAGE
    try:
        out = make_snapshot(
            factory_for(settings),
            settings,
            month,
            args.region or settings.snapshot_region,
            args.internal,
            args.user,
            args.revise,
            args.vintage,
            Path(args.out) if args.out else None,
            pdf=not args.no_pdf,
        )
    except (SnapshotError, VintageError) as exc:
        print(f"no snapshot: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for message in out.messages:
        print(message, file=sys.stderr)
    for path in out.files.values():
        print(path)
    if out.changes is not None:
        print(f"{len(out.changes)} cells changed since the original", file=sys.stderr)
    return EXIT_OK


def cmd_coverage(args, settings: Settings) -> int:
    """Key enterprises expected, reported (on time / late) and missing for a month and region."""
    from etl.coverage.compute import coverage
    from etl.periods import parse_period

    month = parse_period(args.month)
    if month is None:
        print(f"--month must be YYYY-MM, got {args.month}", file=sys.stderr)
        return EXIT_USAGE
    with factory_for(settings)() as session:
        deadline_day = args.deadline_day or settings.report_deadline_day
        table, summary = coverage(session, month, args.region, deadline_day)
    if args.format == "json":
        print(
            json.dumps(
                {"month": args.month, "region": args.region, **summary},
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if args.format == "xlsx":
        out = Path(args.out or f"coverage_{args.month}_{args.region}.xlsx")
        names = {
            "uscc": "统一社会信用代码",
            "name": "企业名称",
            "region_code": "地区代码",
            "contact_person": "联系人",
            "contact_phone": "联系电话",
            "status": "报送状态",
            "first_loaded_at": "首次入库时间",
            "prior_year_usd_cents": "上年合计(美分)",
        }
        labels = {"on_time": "按时", "late": "迟报", "missing": "未报"}
        export = table.assign(status=table["status"].map(labels))[list(names)].rename(columns=names)
        export["首次入库时间"] = export["首次入库时间"].astype(str).replace({"NaT": "", "nan": ""})
        write_table(export, Path(out), sheet="报送情况")
        print(f"written {out}")
        return EXIT_OK
    share = summary["reported_share"]
    print(
        f"{args.month} {args.region}: expected {summary['expected']}, reported "
        f"{summary['reported']} ({'—' if share is None else f'{share:.0%}'}), on time "
        f"{summary['on_time']}, late {summary['late']}, missing {summary['missing']}"
    )
    if len(table):
        print(
            table[["uscc", "name", "status", "contact_person", "contact_phone"]].to_string(
                index=False
            )
        )
    return EXIT_OK
