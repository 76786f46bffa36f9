"""`python -m etl release`: release a month for a scope after its checklist; list and show."""

from __future__ import annotations

import datetime as dt
import json
import sys

from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, factory_for
from etl.disclosure.store import safeguards_from
from etl.numbers import amount_text, percent_text
from etl.settings import Settings

STATUS_ZH = {"preliminary": "初步", "final": "最终"}


def add_release_parser(sub) -> None:
    """Register `release` (release a month), `release list` and `release show --month`."""
    from etl.release.scopes import DEFAULT_SCOPE, SCOPES

    s = sub.add_parser(
        "release",
        help="数据发布: release a month (checklist first), or: release list | show --month",
    )
    s.add_argument("action", nargs="?", choices=["list", "show", "final"], default=None)
    s.add_argument("--month", help="YYYY-MM")
    s.add_argument(
        "--scope", choices=SCOPES, help=f"reporting scope (default {DEFAULT_SCOPE}; list: all)"
    )
    s.add_argument("--note", default="")
    s.add_argument("--user", default="cli")
    s.add_argument(
        "--override-coverage",
        action="store_true",
        help="release although coverage is below STM_RELEASE_MIN_COVERAGE (a note is required)",
    )
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.add_argument(
        "--no-briefing",
        action="store_true",
        help="do not make (nor e-mail) the month's briefing after releasing",
    )
    s.set_defaults(func=cmd_release)


def _yi(cents) -> str:
    return "—" if cents is None else f"{amount_text(int(cents))}亿美元"


def print_checklist(check) -> None:
    """The checklist as text lines (the same facts the Release page shows)."""
    from etl.periods import format_period

    cov = check.coverage
    share = cov.get("reported_share")
    print(f"发布检查 {format_period(check.period)} {check.scope}")
    print(
        f"  重点企业报送: 应报 {cov['expected']}, 已报 {cov['reported']} "
        f"(按时 {cov['on_time']}, 迟报 {cov['late']}), 未报 {cov['missing']}; "
        f"报送率 {percent_text(share)} (下限 {percent_text(check.min_coverage, 0)}); "
        f"未报企业占上年额 {percent_text(cov['missing_share_of_prior_year'])}"
    )
    print(f"  待查数据质量提示: {check.open_flags}")
    print(f"  上次发布以来的数据变动: {len(check.events)}")
    for e in check.events[-10:]:
        print(
            f"    #{e['event_id']} {e['kind']} 批次 {e['batch_id']} {e['file_name']} {e['actor']}"
        )
    if check.previous is None:
        print(f"  首次发布: 服务进出口总额 {_yi(check.total_now)}")
    else:
        delta = check.total_now - check.total_before
        pct = delta / check.total_before if check.total_before else None
        print(
            f"  与上次发布 (#{check.previous['id']}) 相比: {_yi(check.total_before)} -> "
            f"{_yi(check.total_now)} ({_yi(delta)}, {percent_text(pct, signed=True)})"
        )
        for mv in check.movers:
            pct = None if mv["pct"] is None else mv["pct"] / 100
            print(
                f"    {mv['kind']} {mv['code']}: {_yi(mv['before'])} -> {_yi(mv['now'])} "
                f"({percent_text(pct, signed=True)})"
            )


def cmd_release(args, settings: Settings) -> int:
    """Release a month (default), mark it final, or list / show releases."""
    from etl.periods import parse_period

    month = parse_period(args.month) if args.month else None
    if args.month and month is None:
        print(f"--month must be YYYY-MM, got {args.month}", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "list":
        return _list(settings, args, month)
    from etl.release.scopes import DEFAULT_SCOPE

    args.scope = args.scope or DEFAULT_SCOPE
    if month is None:
        print("--month YYYY-MM is required", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "show":
        return _show(settings, args, month)
    from etl.mail.delivery import release_hook
    from etl.release.store import ReleaseRefused, compute_then_release, mark_final

    factory = factory_for(settings)
    try:
        if args.action == "final":
            with factory.begin() as session:
                release = mark_final(session, args.scope, month, args.user)
                print(f"release {release.id} marked final")
            return EXIT_OK
        release, check = compute_then_release(
            factory,
            args.scope,
            month,
            args.user,
            args.note,
            min_coverage=settings.release_min_coverage,
            deadline_day=settings.report_deadline_day,
            safeguards=safeguards_from(settings),
            override_coverage=args.override_coverage,
            # after the commit: the month's briefing, e-mailed to subscribers (never fails
            # the release; --no-briefing for scripted bulk releases)
            after_commit=None if args.no_briefing else release_hook(factory, settings),
            progress=_say_step,
        )
        print_checklist(check)
        kind = "修订 revised" if release.revision else "发布 released"
        print(f"{kind}: release {release.id} ({STATUS_ZH[release.status]})")
    except ReleaseRefused as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _say_step(step: str, month: int, index: int, count: int, **audit) -> None:
    """Each month whose suppression pattern the release computes and audits (minutes late in a
    large year), and each round of its audit's repair, on stderr: stdout keeps the checklist
    and the result."""
    from etl.periods import format_period

    said = f"保密模式 disclosure pattern {format_period(month)} ({index}/{count})"
    if step == "audit":
        said += (
            f": 第 {audit['round']} 轮核查 audit round {audit['round']}, "
            f"{audit['left']} 项 cells to protect ({audit['lp']} 线性规划 by the LP)"
        )
    print(f"{said}…", file=sys.stderr, flush=True)


def _rows(releases, settings: Settings) -> list[dict]:
    from etl.periods import format_period
    from etl.release.store import effective_status

    today = dt.datetime.now(dt.timezone.utc).date()
    return [
        {
            "id": r.id,
            "scope": r.scope_code,
            "month": format_period(r.period),
            "revision": r.revision,
            "current": bool(r.current),
            "status": effective_status(r, today, settings.release_final_after_months),
            "released_at": r.released_at.isoformat(),
            "released_by": r.released_by,
            "note": r.note,
            "total_usd_cents": int(r.total_usd_cents),
            "total": _yi(r.total_usd_cents),
            "coverage_overridden": bool(r.coverage_overridden),
        }
        for r in releases
    ]


def _print(rows: list[dict], args) -> None:
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        mark = "*" if r["current"] else " "
        kind = "修订" if r["revision"] else "发布"
        print(
            f"{mark} #{r['id']:<4} {r['scope']:<10} {r['month']} {kind} "
            f"{STATUS_ZH[r['status']]} {r['total']:>14} {r['released_at'][:16]} "
            f"{r['released_by']} {r['note']}"
        )


def _list(settings: Settings, args, month) -> int:
    from etl.queries import release as queries_release

    with factory_for(settings)() as session:
        rows = _rows(queries_release.releases(session, args.scope, month), settings)
    _print(rows, args)
    return EXIT_OK


def _show(settings: Settings, args, month) -> int:
    from etl.queries import release as queries_release
    from etl.release.checklist import checklist

    with factory_for(settings)() as session:
        rows = _rows(queries_release.releases(session, args.scope, month), settings)
        check = checklist(
            session,
            args.scope,
            month,
            settings.release_min_coverage,
            settings.report_deadline_day,
        )
    if args.format == "json":
        print(
            json.dumps(
                {"releases": rows, "checklist": check.as_dict()},
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
        return EXIT_OK
    _print(rows, args) if rows else print("not released")
    print_checklist(check)
    return EXIT_OK
