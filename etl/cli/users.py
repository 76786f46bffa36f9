"""The user command: add, passwd, role, disable, enable, list, email, subscribe."""

from __future__ import annotations

import sys

from etl.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, factory_for, money_text  # noqa: F401
from etl.settings import Settings


def cmd_user(args, settings: Settings) -> int:
    """Manage accounts: add, passwd, role, disable, enable, list."""
    from etl import accounts

    text = getattr(args, "regions", None) or ""
    regions = tuple(r for r in text.replace(",", " ").split() if r)
    orgs_text = getattr(args, "organisations", None) or ""
    orgs = tuple(o.strip() for o in orgs_text.replace("，", ",").split(",") if o.strip())
    try:
        with factory_for(settings).begin() as session:
            if args.user_command == "add":
                password = accounts.add_user(
                    session,
                    args.name,
                    args.role,
                    args.display_name or "",
                    regions,
                    _password_from_stdin(args),
                    organisations=orgs,
                )
                if not args.password_stdin:
                    print(f"one-time password for {args.name}: {password}")
            elif args.user_command == "passwd":
                password = _password_from_stdin(args) or accounts.new_password()
                accounts.set_password(
                    session, args.name, password, "cli", one_time=not args.password_stdin
                )
                if not args.password_stdin:
                    print(f"one-time password for {args.name}: {password}")
            elif args.user_command == "role":
                accounts.set_role(
                    session, args.name, args.role, "cli", regions or None, orgs or None
                )
            elif args.user_command == "email":
                accounts.set_email(session, args.name, args.address, "cli")
            elif args.user_command in ("subscribe", "unsubscribe"):
                accounts.set_subscribed(session, args.name, args.user_command == "subscribe", "cli")
            elif args.user_command in ("disable", "enable"):
                accounts.set_active(session, args.name, args.user_command == "enable", "cli")
            else:
                for u in accounts.list_users(session):
                    state = "active" if u["active"] else "disabled"
                    scope = u["stored_regions"] or " ".join(u["organisations"]) or "-"
                    mail = u["email"] + (" (subscribed)" if u["subscribed"] else "")
                    print(f"{u['username']}\t{u['role']}\t{scope}\t{state}\t{mail or '-'}")
    except accounts.AccountError as exc:
        print(f"not done: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.user_command not in ("add", "passwd", "list"):
        print(f"{args.name}: {args.user_command} done")
    return EXIT_OK


def _password_from_stdin(args) -> str | None:
    return sys.stdin.readline().rstrip("\n") if getattr(args, "password_stdin", False) else None
