"""`python -m etl external load FILE` (published totals) and `python -m etl reconcile` (对比监测)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, factory_for
from etl.numbers import amount_text, percent_text
from etl.settings import Settings
from etl.spreadsheet import write_table


def add_reconcile_parser(sub) -> None:
    """Register `external load FILE`, `external template` and `reconcile --year Y [--month M]`."""
    ext = sub.add_parser("external", help="published totals (SAFE BOP, MOFCOM, statistics bureau)")
    commands = ext.add_subparsers(dest="external_command", required=True)
    s = commands.add_parser("load", help="load a file of published totals (all rows or none)")
    s.add_argument("file")
    s.add_argument("--user", default="cli")
    s.add_argument("--errors-out", help="write the problems of a rejected file here (xlsx/csv)")
    s.set_defaults(func=cmd_external_load)
    s = commands.add_parser("template", help="the file's template: its columns and notes (xlsx)")
    s.add_argument("--out", default="公布数模板.xlsx")
    s.set_defaults(func=cmd_external_template)
    s = sub.add_parser("reconcile", help="对比监测: direct reports against published totals")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--month", type=int, choices=range(1, 13))
    s.add_argument("--region", default="120000", help="benchmarking: the region compared")
    s.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    s.add_argument("--out", help="xlsx: the file to write")
    s.set_defaults(func=cmd_reconcile)


def cmd_external_load(args, settings: Settings) -> int:
    """Load one file; print what happened, or every problem by row and column."""
    from etl.exchange.store import load_external

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file: {path}", file=sys.stderr)
        return EXIT_USAGE
    result = load_external(factory_for(settings), path, args.user)
    if result.status == "rejected":
        print(f"{path.name}: rejected, nothing loaded ({len(result.problems)} problems)")
        for p in result.problems:
            where = f"row {p.row}" + (f", column {p.column}" if p.column else "")
            value = f" [{p.value}]" if p.value else ""
            print(f"  {where}{value}: {p.problem_zh} / {p.problem_en}")
        if args.errors_out:
            import pandas as pd

            table = pd.DataFrame([p.__dict__ for p in result.problems])
            write_table(table, Path(args.errors_out), sheet="problems")
        return EXIT_FAILED
    if result.status == "unchanged":
        print(f"{path.name}: already loaded (batch {result.batch_id}), nothing changed")
        return EXIT_OK
    print(
        f"{path.name}: loaded {result.figures} published figures as batch {result.batch_id}"
        f" ({result.replaced} replaced earlier ones)"
    )
    return EXIT_OK


def cmd_external_template(args, settings: Settings) -> int:
    """Write the template of a file of published totals (xlsx: columns and notes; csv: columns)."""
    from etl.exchange.external import template_sheets
    from etl.intake.read import DATA_SHEET
    from etl.spreadsheet import xlsx_bytes

    path = Path(args.out)
    sheets = template_sheets()
    if path.suffix.lower() == ".xlsx":
        path.write_bytes(xlsx_bytes(sheets))
    else:
        write_table(sheets[DATA_SHEET], path)
    print(f"wrote {path}")
    return EXIT_OK


def _pct(value) -> str:
    return "—" if value is None or value != value else percent_text(value)


def _pp(value) -> str:
    return "—" if value is None or value != value else f"{value:+.1f}"


def _yi(minor) -> str:
    return "—" if minor is None or minor != minor else amount_text(int(minor))


def cmd_reconcile(args, settings: Settings) -> int:
    """Print each published figure with the direct reports' aggregate, coverage and change."""
    from etl.exchange.reconcile import benchmark, reconciliation

    with factory_for(settings)() as session:
        result = reconciliation(session, args.year, args.month, settings.reconcile_min_coverage)
        bench = benchmark(session, args.year, args.month, args.region)
    rows = result.rows
    if args.format == "json":
        records = json.loads(rows.to_json(orient="records", force_ascii=False))
        print(
            json.dumps(
                {
                    "year": args.year,
                    "month": args.month,
                    "min_coverage": result.min_coverage,
                    "amounts": "US cents (…_usd) and fen (…_cny)",
                    "rows": records,
                    "movers": json.loads(
                        result.movers.to_json(orient="records", force_ascii=False)
                    ),
                    "benchmark": {
                        "source": bench.source,
                        "rank": bench.rank,
                        "of": bench.of,
                        "nation_growth": bench.nation_growth,
                        "gap_pp": bench.gap_pp,
                        "rows": json.loads(bench.rows.to_json(orient="records", force_ascii=False)),
                    },
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if args.format == "xlsx":
        if not args.out:
            print("--format xlsx needs --out FILE", file=sys.stderr)
            return EXIT_USAGE
        write_table(rows, Path(args.out), sheet="对比监测")
        print(f"wrote {args.out}")
        return EXIT_OK
    if rows.empty:
        print(
            f"no published figures of our regions for {args.year}"
            + (f"-{args.month:02d}" if args.month else "")
        )
    else:
        print(
            f"对比监测 {args.year}"
            + (f"-{args.month:02d}" if args.month else "")
            + f"  (flag below {_pct(result.min_coverage)})"
        )
        print(
            "source     area      window         scope dir cat  "
            "published(亿美元/亿元)  direct(亿美元/亿元)  coverage  change(pp)"
        )
        for r in rows.to_dict("records"):
            window = f"{r['period_from']}-{r['period_to']}"
            print(
                f"{r['source']:<10} {r['area_code']:<9} {window:<14} {r['scope']:<5} {r['direction']:<3} "
                f"{r['category_code'] or '—':<4} {_yi(r['published_usd']):>9} / {_yi(r['published_cny']):<9} "
                f"{_yi(r['direct_usd']):>9} / {_yi(r['direct_cny']):<9} {_pct(r['coverage']):>8}  "
                f"{_pp(r['coverage_change_pp']):>6}" + ("  ⚑ 低于阈值" if r["flagged"] else "")
            )
        if len(result.movers):
            print("coverage moved most:")
            for r in result.movers.to_dict("records"):
                print(
                    f"  {r['category_code']} {r['category_zh']}: {_pct(r['coverage'])} "
                    f"({_pp(r['coverage_change_pp'])} pp)"
                )
    if bench.source:
        print(
            f"benchmark ({bench.source_name('zh')}, {bench.period_from}-{bench.period_to}): "
            f"{args.region} rank {bench.rank or '—'} of {bench.of}; "
            f"gap to the nation {_pp(bench.gap_pp)} 百分点"
        )
    return EXIT_OK
