"""Commands that change data: init-db, load, retract, template, generate-sample, fx, seed…"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from etl import accounts
from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, factory_for, money_text  # noqa: F401
from etl.db import make_engine, make_session_factory
from etl.intake.read import ReadLimits, ReportReadError
from etl.migrate import upgrade
from etl.queries.facts import report_count
from etl.seed import load_seeds, read_csv, upsert_fx_rates
from etl.settings import Settings
from etl.spreadsheet import write_table

CLI_OPERATOR = "cli"  # the default --user of load: the person at the server
DEMO_OPERATOR = "sample"  # who the first run's archived snapshots and briefings name


def cmd_init_db(args, settings: Settings) -> int:
    """Migrate, load reference data and, if asked, the synthetic sample."""
    engine = make_engine(settings.database_url)
    upgrade(engine)
    factory = make_session_factory(engine)
    with factory.begin() as session:
        written = load_seeds(session, settings.seeds_path)
    print(f"schema up to date; reference rows written: {sum(written.values())}")
    with factory() as session:
        has_data = report_count(session) > 0
    if args.demo_users:
        _create_demo_users(factory)
    if args.sample or (args.sample_if_empty and not has_data):
        return _load_sample(factory, settings, args.enterprises)
    if args.sample_if_empty:
        print("database already holds reports; sample not loaded")
    return EXIT_OK


def _load_sample(factory, settings: Settings, enterprises: int) -> int:
    from tqdm import tqdm

    from etl.reference import reference_from_seeds
    from etl.sample.load import REGISTER_FILE, load_sample

    print(f"generating synthetic sample data ({enterprises} enterprises, 2015-01..2021-12) …")
    outcomes, check = load_sample(
        factory,
        Path(settings.instance_path) / "sample",
        reference_from_seeds(settings.seeds_path),
        enterprises,
        quality=settings.quality,
        each_file=lambda files: tqdm(files, desc="loading sample", unit="file"),
        on_loaded=lambda outcome: tqdm.write(_outcome_line(outcome)),
        # Each release computes its month's suppression pattern (docs/disclosure.md): the
        # longest part of a first run, so it shows its progress.
        each_release=lambda months: tqdm(months, desc="releasing months (数据发布)", unit="month"),
        min_coverage=settings.release_min_coverage,
        deadline_day=settings.report_deadline_day,
    )
    print("every sample month released (数据发布), so leaders see figures")
    archive_newest(factory, settings)
    print(
        f"{REGISTER_FILE}: "
        + (
            f"{len(check.rows)} key enterprises (重点联系企业) loaded"
            if check.ok
            else f"REJECTED — {check.problems[:3]}"
        )
    )
    return EXIT_FAILED if not check.ok or not all(o.ok for o in outcomes) else EXIT_OK


def archive_newest(factory, settings: Settings) -> None:
    """The newest released month's snapshot and briefing of each scope, archived as the monthly
    cron and a release would make them: the Exports page of a first run is not empty."""
    from etl.briefing.archive import BriefingError, make_briefing
    from etl.periods import format_period
    from etl.queries.release import released_months
    from etl.release.scopes import SCOPES
    from etl.snapshot.archive import make_snapshot
    from etl.snapshot.build import SnapshotError
    from etl.snapshot.vintage import VintageError

    for scope in SCOPES:
        with factory() as session:
            months = released_months(session, scope)
        if not months:
            continue
        month = max(months)
        try:
            made = make_snapshot(factory, settings, month, scope, user=DEMO_OPERATOR)
            briefing = make_briefing(factory, settings, scope, month, "zh", DEMO_OPERATOR)
        except (SnapshotError, VintageError, BriefingError) as exc:  # the demo runs without them
            print(f"{scope} {format_period(month)}: no snapshot or briefing archived ({exc})")
            continue
        said = "; ".join(dict.fromkeys([*made.messages, *briefing.messages]))  # PDF made, twice
        print(f"{scope} {format_period(month)}: snapshot and briefing archived (导出)  {said}")


def _outcome_line(o) -> str:
    if o.status == "busy":
        return f"{o.file_name}: NOT LOADED — another load held the database too long; try again"
    if o.status == "unchanged":
        return f"{o.file_name}: unchanged — identical file already loaded as batch {o.duplicate_of}"
    if o.status == "rejected":
        v = o.validation
        return (
            f"{o.file_name}: REJECTED — {v.error_count} errors, "
            f"{v.warning_count} warnings; nothing loaded"
        )
    if o.status == "validated":  # a dry run checks rows; reports are matched only when loading
        return (
            f"{o.file_name}: valid (dry run, nothing loaded) — {o.rows} rows, "
            f"US$ {money_text(o.total_usd_cents)}"
        )
    verb = f"loaded as batch {o.batch_id}"
    return (
        f"{o.file_name}: {verb} — {o.rows} rows, {o.reports_new} new / "
        f"{o.reports_revised} revised / {o.reports_unchanged} unchanged reports, "
        f"US$ {money_text(o.total_usd_cents)}"
    )


def cmd_load(args, settings: Settings) -> int:
    """Load report files; each is one atomic batch."""
    from tqdm import tqdm

    from etl.intake.load import load_file

    factory = factory_for(settings)
    try:
        scope = _load_scope(factory, args.user)
    except accounts.AccountError as exc:
        print(f"not loaded: {exc}", file=sys.stderr)
        return EXIT_FAILED
    worst = EXIT_OK
    phases = ("read", "validate", "load")
    bar = tqdm(
        total=len(args.files) * len(phases),
        unit="step",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
    )
    for name in args.files:
        path = Path(name)

        def progress(phase: str, _name=path.name) -> None:
            shown = "waiting for another load" if phase == "wait" else phase
            bar.set_description(f"{_name}: {shown}")
            bar.update(1)

        try:
            outcome = load_file(
                factory,
                path,
                user=args.user,
                dry_run=args.dry_run,
                progress=progress,
                only_regions=scope,
                quality=settings.quality,
                limits=cli_limits(settings),
            )
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
        if not args.dry_run:  # audited like a web upload, accepted or not
            with factory.begin() as session:
                accounts.audit(
                    session,
                    args.user,
                    "upload",
                    {
                        "file": outcome.file_name,
                        "sha256": outcome.sha256,
                        "batch_id": outcome.batch_id,
                        "status": outcome.status,
                        "rows": outcome.rows,
                        "via": "cli",
                    },
                )
        if not outcome.ok:
            worst = EXIT_FAILED
    bar.close()
    return worst


def cli_limits(settings: Settings) -> ReadLimits:
    """What a file given to `load`/`validate` may hold, checked before it is parsed."""
    return ReadLimits(settings.cli_max_rows, settings.cli_max_xlsx_uncompressed_bytes)


def _load_scope(factory, user: str) -> tuple[str, ...] | None:
    """The regions `--user` may load, as the web upload applies them (None = any region).

    The default name "cli" without an account of that name is the operator at the server, who
    may load anything; any other name must be an active account with the upload right.
    """
    with factory() as session:
        return accounts.upload_scope(session, user, operator=CLI_OPERATOR)


def _print_issues(issues: pd.DataFrame, limit: int = 40) -> None:
    shown = issues.head(limit)[["row", "column", "value", "severity", "problem_zh"]].copy()
    # Long values (a pasted address, a 40-digit number) would stretch every line of the table.
    shown["value"] = [v if len(v) <= 24 else v[:23] + "…" for v in shown["value"].astype(str)]
    print(shown.to_string(index=False))
    if len(issues) > limit:
        print(f"… {len(issues) - limit} more (use --errors-out FILE for all)")


def _write_issues(issues: pd.DataFrame, path: Path) -> None:
    write_table(issues, path, sheet="问题清单")
    print(f"issues written to {path}")


def cmd_retract(args, settings: Settings) -> int:
    """Retract a loaded batch."""
    from etl.intake.retract import RetractError, retract_batch

    try:
        out = retract_batch(
            factory_for(settings), args.batch, args.user, args.reason, settings.quality
        )
    except RetractError as exc:
        print(f"not retracted: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"batch {out.batch_id} retracted: {out.reports_restored} reports back to their previous "
        f"version, {out.reports_withdrawn} reports withdrawn"
    )
    return EXIT_OK


def cmd_template(args, settings: Settings) -> int:
    """Write the Excel template."""
    from etl.intake.template import write_template
    from etl.reference import reference_from_seeds

    write_template(Path(args.out), reference_from_seeds(settings.seeds_path))
    print(f"template written to {args.out}")
    return EXIT_OK


def cmd_generate_sample(args, settings: Settings) -> int:
    """Write deterministic synthetic report files."""
    from etl.reference import reference_from_seeds
    from etl.sample.generate import generate_reports, write_reports

    ref = reference_from_seeds(settings.seeds_path)
    frame = generate_reports(
        seed=args.seed, start=args.start, end=args.end, n_enterprises=args.enterprises, ref=ref
    )
    for path in write_reports(frame, Path(args.out), by=args.by):
        print(path)
    print(f"{len(frame)} synthetic report lines")
    return EXIT_OK


def cmd_fx_load(args, settings: Settings) -> int:
    """Load monthly (or annual) CNY-per-USD rates from a CSV: year,month,cny_per_usd,source."""
    rows = read_csv(Path(args.file))
    factory = factory_for(settings)
    with factory.begin() as session:
        try:
            upsert_fx_rates(session, rows, args.file)
        except ValueError as exc:
            print(f"rejected: {exc}", file=sys.stderr)
            return EXIT_FAILED
    print(f"{len(rows)} FX rates loaded (applied to reports loaded from now on)")
    return EXIT_OK


def cmd_batches(args, settings: Settings) -> int:
    """List upload batches."""
    from etl.queries.uploads import batches

    with factory_for(settings)() as session:
        frame = batches(session, args.limit)
    print(frame.drop(columns=["sha256"]).to_string(index=False) if len(frame) else "no batches")
    return EXIT_OK


def cmd_seed(args, settings: Settings) -> int:
    """Reload reference data from seeds/."""
    with factory_for(settings).begin() as session:
        written = load_seeds(session, settings.seeds_path, args.overwrite_targets)
    print(json.dumps(written, ensure_ascii=False))
    return EXIT_OK


def cmd_register_load(args, settings: Settings) -> int:
    """Load the key-enterprise register from a file (all rows or nothing)."""
    from etl.coverage.register import load_register

    check = load_register(factory_for(settings), Path(args.file), args.user)
    if not check.ok:
        for row, column, value, zh, _en in check.problems[:40]:
            print(f"row {row} {column} {value!r}: {zh}")
        print(f"{args.file}: REJECTED — {len(check.problems)} problems; nothing loaded")
        return EXIT_FAILED
    print(f"{args.file}: {len(check.rows)} register entries loaded")
    return EXIT_OK


DEMO_USERS = (  # (username, role, display name, clerk regions, unit organisations)
    ("admin", "admin", "系统管理员", (), ()),
    ("stat", "statistician", "统计人员（示例）", (), ()),
    ("leader", "leader", "局领导（示例）", (), ()),
    # The demo clerk covers both pilot areas so the sample files load; clerk_bh shows the limit.
    ("clerk", "clerk", "试点地区填报员（示例）", ("120000", "500000-LJ"), ()),
    ("clerk_bh", "clerk", "滨海新区填报员（示例）", ("120116",), ()),
    # A responsible unit of the pilot-task ledger: reports on the tasks 天津市商务委 is named on.
    ("unit_sw", "unit", "市商务委联络员（示例）", (), ("天津市商务委",)),
)


def _create_demo_users(factory) -> None:
    """First start only: demo accounts with one-time passwords, printed once."""
    with factory.begin() as session:
        if accounts.list_users(session):
            return
        print("demo accounts (one-time passwords; change with `python -m etl user passwd NAME`):")
        for name, role, display, regions, orgs in DEMO_USERS:
            password = accounts.add_user(session, name, role, display, regions, organisations=orgs)
            print(f"  {name:<9} {role:<13} {password}")
