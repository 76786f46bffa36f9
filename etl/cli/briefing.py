"""`python -m etl briefing` (the month's 月度简报, archived) and `python -m etl mail` (the outbox)."""

from __future__ import annotations

import sys

from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, factory_for
from etl.settings import Settings


def add_briefing_parsers(sub) -> None:
    """Register `briefing --month` and `mail retry | list`."""
    from etl.release.scopes import DEFAULT_SCOPE, SCOPES

    s = sub.add_parser("briefing", help="月度简报: the briefing of a released month (docx, PDF)")
    s.add_argument("--month", required=True, help="YYYY-MM (a released month)")
    s.add_argument("--scope", choices=SCOPES, default=DEFAULT_SCOPE)
    s.add_argument("--lang", choices=["zh", "en"], default="zh")
    s.add_argument("--no-pdf", action="store_true", help="skip the PDF (no Chromium run)")
    s.add_argument("--send", action="store_true", help="also e-mail it to subscribers")
    s.add_argument("--user", default="cli")
    s.set_defaults(func=cmd_briefing)
    mail = sub.add_parser("mail", help="the briefing mail outbox").add_subparsers(
        dest="mail_command", required=True
    )
    s = mail.add_parser("retry", help="send the messages that are due (failed ones: --failed)")
    s.add_argument("--failed", action="store_true", help="also messages that ran out of attempts")
    s.set_defaults(func=cmd_mail)
    s = mail.add_parser("list", help="the newest messages and their state")
    s.add_argument("--limit", type=int, default=50)
    s.set_defaults(func=cmd_mail)


def cmd_briefing(args, settings: Settings) -> int:
    """Make (or find) the archived briefing of a released month; print its files and text."""
    from etl.briefing.archive import BriefingError, make_briefing
    from etl.mail.delivery import queue_briefing, send_due
    from etl.periods import parse_period

    period = parse_period(args.month)
    if period is None:
        print(f"--month must be YYYY-MM, got {args.month}", file=sys.stderr)
        return EXIT_USAGE
    factory = factory_for(settings)
    try:
        out = make_briefing(
            factory, settings, args.scope, period, args.lang, args.user, pdf=not args.no_pdf
        )
    except BriefingError as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(out.briefing.text())
    print()
    state = "already archived" if out.existing else "archived"
    print(f"briefing {out.briefing_id} {state}:")
    for kind, path in out.files.items():
        print(f"  {kind}: {path}")
    for message in out.messages:
        print(f"  {message}")
    if args.send:
        if args.lang != "zh":
            print("only the Chinese briefing is e-mailed", file=sys.stderr)
            return EXIT_USAGE
        queued = queue_briefing(factory, settings, out.briefing_id)
        result = send_due(factory, settings)
        if result.skipped:
            print("STM_SMTP_HOST is not set: nothing sent")
        else:
            print(f"queued {queued}; sent {result.sent}, failed {result.failed}")
    return EXIT_OK


def cmd_mail(args, settings: Settings) -> int:
    """Send the due messages of the outbox, or list it."""
    from etl.mail.delivery import send_due
    from etl.mail.outbox import retry_failed
    from etl.queries.briefing import outbox

    factory = factory_for(settings)
    if args.mail_command == "list":
        with factory() as session:
            for row in outbox(session, args.limit):
                error = f" {row.last_error[:80]}" if row.last_error else ""
                print(
                    f"#{row.id:<5} {row.status:<8} attempts {row.attempts} {row.recipient} "
                    f"{row.subject}{error}"
                )
        return EXIT_OK
    if args.failed:
        with factory.begin() as session:
            print(f"{retry_failed(session)} failed message(s) queued again")
    result = send_due(factory, settings)
    if result.skipped:
        print("STM_SMTP_HOST is not set: nothing sent", file=sys.stderr)
        return EXIT_FAILED
    print(f"sent {result.sent}, failed {result.failed}")
    return EXIT_OK if not result.failed else EXIT_FAILED
