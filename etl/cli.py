"""Command line: init-db, load, retract, template, summary, generate-sample, fx, snapshot ….

Exit codes: 0 ok, 1 rejected or failed, 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.migrate import upgrade
from etl.read import ReportReadError
from etl.seed import load_seeds, read_csv
from etl.settings import Settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _factory(settings: Settings):
    return make_session_factory(make_engine(settings.database_url))


def _yuan(cents: int) -> str:
    return f"{Decimal(int(cents)) / 100:,.2f}"


def cmd_init_db(args, settings: Settings) -> int:
    """Migrate, load reference data and, if asked, the synthetic sample."""
    engine = make_engine(settings.database_url)
    upgrade(engine)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        written = load_seeds(session, settings.seeds_path)
    print(f"schema up to date; reference rows written: {sum(written.values())}")
    with factory() as session:
        has_data = session.scalar(sa.select(sa.func.count(m.Report.id))) > 0
    if args.sample or (args.sample_if_empty and not has_data):
        return _load_sample(factory, settings, args.enterprises)
    if args.sample_if_empty:
        print("database already holds reports; sample not loaded")
    return EXIT_OK


def _load_sample(factory, settings: Settings, enterprises: int) -> int:
    from tqdm import tqdm

    from etl.load import load_file
    from etl.reference import reference_from_seeds
    from etl.sample import generate_reports, write_reports

    ref = reference_from_seeds(settings.seeds_path)
    out_dir = Path(settings.instance_path) / "sample"
    print(f"generating synthetic sample data ({enterprises} enterprises, 2015-01..2021-12) …")
    files = write_reports(generate_reports(n_enterprises=enterprises, ref=ref), out_dir)
    failed = 0
    for path in tqdm(files, desc="loading sample", unit="file"):
        outcome = load_file(factory, path, user="sample")
        failed += not outcome.ok
        tqdm.write(_outcome_line(outcome))
    return EXIT_FAILED if failed else EXIT_OK


def _outcome_line(o) -> str:
    if o.status == "unchanged":
        return f"{o.file_name}: unchanged — identical file already loaded as batch {o.duplicate_of}"
    if o.status == "rejected":
        v = o.validation
        return f"{o.file_name}: REJECTED — {v.error_count} errors, {v.warning_count} warnings; nothing loaded"
    verb = "valid (dry run, nothing loaded)" if o.status == "validated" else f"loaded as batch {o.batch_id}"
    return (f"{o.file_name}: {verb} — {o.rows} rows, {o.reports_new} new / {o.reports_revised} revised / "
            f"{o.reports_unchanged} unchanged reports, US$ {_yuan(o.total_usd_cents)}")


def cmd_load(args, settings: Settings) -> int:
    """Load report files; each is one atomic batch."""
    from tqdm import tqdm

    from etl.load import load_file

    factory = _factory(settings)
    worst = EXIT_OK
    phases = ("read", "validate", "load")
    bar = tqdm(total=len(args.files) * len(phases), unit="step", file=sys.stderr,
               disable=not sys.stderr.isatty())
    for name in args.files:
        path = Path(name)

        def progress(phase: str, _name=path.name) -> None:
            bar.set_description(f"{_name}: {phase}")
            bar.update(1)

        try:
            outcome = load_file(factory, path, user=args.user, dry_run=args.dry_run,
                                progress=progress)
        except (ReportReadError, OSError) as exc:
            print(f"{path.name}: cannot read — {getattr(exc, 'message_en', exc)}", file=sys.stderr)
            worst = EXIT_FAILED
            continue
        issues = outcome.validation.issues if outcome.validation is not None else None
        if issues is not None and len(issues):
            _print_issues(issues)
            if args.errors_out:
                _write_issues(issues, Path(args.errors_out))
        bar.write(_outcome_line(outcome), file=sys.stdout)
        if not outcome.ok:
            worst = EXIT_FAILED
    bar.close()
    return worst


def _print_issues(issues: pd.DataFrame, limit: int = 40) -> None:
    shown = issues.head(limit)[["row", "column", "value", "severity", "problem_zh"]].copy()
    # Long values (a pasted address, a 40-digit number) would stretch every line of the table.
    shown["value"] = [v if len(v) <= 24 else v[:23] + "…" for v in shown["value"].astype(str)]
    print(shown.to_string(index=False))
    if len(issues) > limit:
        print(f"… {len(issues) - limit} more (use --errors-out FILE for all)")


def _write_issues(issues: pd.DataFrame, path: Path) -> None:
    if path.suffix.lower() == ".xlsx":
        issues.to_excel(path, index=False)
    else:
        issues.to_csv(path, index=False, encoding="utf-8-sig")
    print(f"issues written to {path}")


def cmd_retract(args, settings: Settings) -> int:
    """Retract a loaded batch."""
    from etl.retract import RetractError, retract_batch

    try:
        out = retract_batch(_factory(settings), args.batch, args.user, args.reason)
    except RetractError as exc:
        print(f"not retracted: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"batch {out.batch_id} retracted: {out.reports_restored} reports back to their previous "
          f"version, {out.reports_withdrawn} reports withdrawn")
    return EXIT_OK


def cmd_template(args, settings: Settings) -> int:
    """Write the Excel template."""
    from etl.reference import reference_from_seeds
    from etl.template import write_template

    write_template(Path(args.out), reference_from_seeds(settings.seeds_path))
    print(f"template written to {args.out}")
    return EXIT_OK


def cmd_summary(args, settings: Settings) -> int:
    """Print 1–N月累计 by a dimension with 同比, as the dashboard shows it."""
    from etl.summary import summary_frame

    factory = _factory(settings)
    with factory() as session:
        if args.month is None:
            last = session.scalar(sa.select(sa.func.max(m.Report.period)).where(
                m.Report.period.between(args.year * 100 + 1, args.year * 100 + 12)))
            if last is None:
                print(f"no reports for {args.year}", file=sys.stderr)
                return EXIT_FAILED
            args.month = last % 100
        frame = summary_frame(session, args.year, args.month, args.region, args.by, args.currency)
    unit = "USD" if args.currency == "USD" else "CNY"
    if args.format == "json":
        records = [
            {"code": str(r.code), "name_zh": r.name_zh, "name_en": r.name_en,
             f"current_{unit.lower()}_minor": int(r.current),
             f"previous_{unit.lower()}_minor": int(r.previous),
             "growth": None if pd.isna(r.growth) else round(float(r.growth), 6),
             "share": None if pd.isna(r.share) else round(float(r.share), 6)}
            for r in frame.itertuples()
        ]
        print(json.dumps({"year": args.year, "months": f"1-{args.month}", "by": args.by,
                          "region": args.region, "currency": unit, "rows": records},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    table = pd.DataFrame({
        "代码": frame["code"].astype(str), "名称": frame["name_zh"],
        f"1-{args.month}月累计({unit})": [_yuan(v) for v in frame["current"]],
        f"上年同期({unit})": [_yuan(v) for v in frame["previous"]],
        "同比%": ["—" if pd.isna(g) else f"{g * 100:.1f}" for g in frame["growth"]],
        "占比%": ["—" if pd.isna(s) else f"{s * 100:.1f}" for s in frame["share"]],
    })
    if args.format == "csv":
        print(table.to_csv(index=False), end="")
    else:
        print(f"{args.year}年1-{args.month}月 按{args.by} (region={args.region or '全部'})")
        print(table.to_string(index=False))
    return EXIT_OK


def cmd_generate_sample(args, settings: Settings) -> int:
    """Write deterministic synthetic report files."""
    from etl.reference import reference_from_seeds
    from etl.sample import generate_reports, write_reports

    ref = reference_from_seeds(settings.seeds_path)
    frame = generate_reports(seed=args.seed, start=args.start, end=args.end,
                             n_enterprises=args.enterprises, ref=ref)
    for path in write_reports(frame, Path(args.out), by=args.by):
        print(path)
    print(f"{len(frame)} synthetic report lines")
    return EXIT_OK


def cmd_fx_load(args, settings: Settings) -> int:
    """Load monthly (or annual) CNY-per-USD rates from a CSV: year,month,cny_per_usd,source."""
    rows = read_csv(Path(args.file))
    factory = _factory(settings)
    with factory.begin() as session:
        existing = {(r.year, r.month): r for r in session.scalars(sa.select(m.FxRate))}
        for row in rows:
            key = (int(row["year"]), int(row.get("month") or 0))
            rate = Decimal(row["cny_per_usd"])
            if not (Decimal("0.5") < rate < Decimal("50")):
                print(f"rejected: implausible rate {rate} for {key}", file=sys.stderr)
                return EXIT_FAILED
            obj = existing.get(key) or m.FxRate(year=key[0], month=key[1])
            obj.cny_per_usd, obj.source = rate, row.get("source") or args.file
            session.add(obj)
    print(f"{len(rows)} FX rates loaded (applied to reports loaded from now on)")
    return EXIT_OK


def cmd_batches(args, settings: Settings) -> int:
    """List upload batches."""
    from etl.queries import batches

    with _factory(settings)() as session:
        frame = batches(session, args.limit)
    print(frame.drop(columns=["sha256"]).to_string(index=False) if len(frame) else "no batches")
    return EXIT_OK


def cmd_targets(args, settings: Settings) -> int:
    """Print every target's windows with status, actual, required and projection."""
    from etl.periods import parse_period
    from etl.target_status import evaluate_targets

    as_of = parse_period(args.as_of) if args.as_of else None
    if args.as_of and as_of is None:
        print(f"--as-of must be YYYY-MM, got {args.as_of}", file=sys.stderr)
        return EXIT_USAGE
    with _factory(settings)() as session:
        results = evaluate_targets(session, as_of)
    rows = []
    for res in results:
        for ev in res.evaluations:
            rows.append({
                "target": res.target.code, "region": res.target.region_code,
                "window": ev.window.key, "label": ev.window.label_zh, "status": ev.status,
                "actual": ev.actual, "required": ev.required, "growth": ev.growth,
                "projection": ev.projection, "projection_low": ev.projection_low,
                "projection_high": ev.projection_high,
                "needed_growth_remaining": ev.needed_growth_remaining,
                "months": f"{ev.months_reported}/{ev.months_total}", "notes": "; ".join(ev.notes),
            })
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    table = pd.DataFrame(rows)
    if table.empty:
        print("no targets")
        return EXIT_OK
    pct = lambda v: "—" if v is None or pd.isna(v) else f"{v * 100:.1f}%"  # noqa: E731
    table["growth"] = table["growth"].map(pct)
    table["needed_growth_remaining"] = table["needed_growth_remaining"].map(pct)
    for col in ("actual", "required", "projection"):
        table[col] = [_target_value(t, v) for t, v in zip(table["target"], table[col])]
    print(table[["target", "label", "status", "actual", "required", "growth", "projection",
                 "needed_growth_remaining", "months"]].to_string(index=False))
    return EXIT_OK


def _target_value(code: str, value) -> str:
    if value is None or pd.isna(value):
        return "—"
    if abs(value) < 10:  # shares and growth differences
        return f"{value * 100:.1f}%"
    return f"{value / 100 / 1e8:,.2f}亿美元"


def cmd_user(args, settings: Settings) -> int:
    """Manage accounts: add, passwd, role, disable, enable, list."""
    from etl import accounts

    text = getattr(args, "regions", None) or ""
    regions = tuple(r for r in text.replace(",", " ").split() if r)
    try:
        with _factory(settings).begin() as session:
            if args.user_command == "add":
                password = accounts.add_user(session, args.name, args.role, args.display_name or "",
                                             regions, _password_from_stdin(args))
                if not args.password_stdin:
                    print(f"one-time password for {args.name}: {password}")
            elif args.user_command == "passwd":
                password = _password_from_stdin(args) or accounts.new_password()
                accounts.set_password(session, args.name, password, "cli",
                                      one_time=not args.password_stdin)
                if not args.password_stdin:
                    print(f"one-time password for {args.name}: {password}")
            elif args.user_command == "role":
                accounts.set_role(session, args.name, args.role, "cli", regions or None)
            elif args.user_command in ("disable", "enable"):
                accounts.set_active(session, args.name, args.user_command == "enable", "cli")
            else:
                for u in session.scalars(sa.select(m.UserAccount).order_by(m.UserAccount.username)):
                    state = "active" if u.is_active else "disabled"
                    print(f"{u.username}\t{u.role}\t{u.regions or '-'}\t{state}")
    except accounts.AccountError as exc:
        print(f"not done: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.user_command not in ("add", "passwd", "list"):
        print(f"{args.name}: {args.user_command} done")
    return EXIT_OK


def _password_from_stdin(args) -> str | None:
    return sys.stdin.readline().rstrip("\n") if getattr(args, "password_stdin", False) else None


def cmd_snapshot(args, settings: Settings) -> int:
    """Make the monthly snapshot (xlsx, HTML, PDF) and archive it; print the files."""
    from etl.periods import parse_period
    from etl.snapshot import SnapshotError
    from etl.snapshot_archive import make_snapshot
    from etl.vintage import VintageError

    month = parse_period(args.month)
    if month is None:
        print(f"--month must be YYYY-MM, got {args.month}", file=sys.stderr)
        return EXIT_USAGE
    try:
        out = make_snapshot(_factory(settings), settings, month,
                            args.region or settings.snapshot_region, args.internal, args.user,
                            args.revise, args.vintage, Path(args.out) if args.out else None,
                            pdf=not args.no_pdf)
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


def cmd_seed(args, settings: Settings) -> int:
    """Reload reference data from seeds/."""
    with _factory(settings).begin() as session:
        written = load_seeds(session, settings.seeds_path)
    print(json.dumps(written, ensure_ascii=False))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    p = argparse.ArgumentParser(prog="python -m etl", description="服务贸易统计监测 ETL")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("init-db", help="migrate, load reference data, optionally the sample")
    s.add_argument("--sample", action="store_true")
    s.add_argument("--sample-if-empty", action="store_true")
    s.add_argument("--enterprises", type=int, default=2000)
    s.set_defaults(func=cmd_init_db)
    s = sub.add_parser("load", help="load report files (xlsx/csv)")
    s.add_argument("files", nargs="+")
    s.add_argument("--dry-run", action="store_true")
    s.add_argument("--user", default="cli")
    s.add_argument("--errors-out")
    s.set_defaults(func=cmd_load)
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
    s.add_argument("--by", choices=["direction", "mode", "category", "region", "partner"],
                   default="direction")
    s.add_argument("--currency", choices=["USD", "CNY"], default="USD")
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.set_defaults(func=cmd_summary)
    s = sub.add_parser("generate-sample", help="write synthetic report files")
    s.add_argument("--out", default="instance/sample")
    s.add_argument("--seed", type=int, default=2018)
    s.add_argument("--enterprises", type=int, default=2000)
    s.add_argument("--start", type=int, default=201501)
    s.add_argument("--end", type=int, default=202112)
    s.add_argument("--by", default="year")
    s.set_defaults(func=cmd_generate_sample)
    fx = sub.add_parser("fx", help="exchange rates").add_subparsers(dest="fx_command", required=True)
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
    users = sub.add_parser("user", help="accounts").add_subparsers(dest="user_command",
                                                                   required=True)
    s = users.add_parser("add", help="create an account (prints a one-time password)")
    s.add_argument("name")
    s.add_argument("--role", required=True, choices=["admin", "statistician", "leader", "clerk"])
    s.add_argument("--display-name")
    s.add_argument("--regions", help="clerks: region codes, comma-separated")
    s.add_argument("--password-stdin", action="store_true")
    s.set_defaults(func=cmd_user)
    s = users.add_parser("passwd", help="set a new password (one-time unless from stdin)")
    s.add_argument("name")
    s.add_argument("--password-stdin", action="store_true")
    s.set_defaults(func=cmd_user)
    s = users.add_parser("role", help="change role (and clerk regions)")
    s.add_argument("name")
    s.add_argument("role", choices=["admin", "statistician", "leader", "clerk"])
    s.add_argument("--regions")
    s.set_defaults(func=cmd_user)
    for name in ("disable", "enable"):
        s = users.add_parser(name)
        s.add_argument("name")
        s.set_defaults(func=cmd_user)
    s = users.add_parser("list")
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
    s = sub.add_parser("seed", help="reload reference data from seeds/")
    s.set_defaults(func=cmd_seed)
    return p


def main(argv: list[str] | None = None, settings: Settings | None = None) -> int:
    """Parse arguments and run one subcommand."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    return args.func(args, settings or Settings.from_env())
