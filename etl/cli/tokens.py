"""`python -m etl token create | list | revoke`: bearer tokens of the read-only API (/api/v1)."""

from __future__ import annotations

import json
import sys

from etl.cli.common import EXIT_FAILED, EXIT_OK, factory_for
from etl.settings import Settings


def add_token_parser(sub) -> None:
    """Register `token create --user NAME [--days N]`, `token list`, `token revoke ID`."""
    from etl.exchange.tokens import DEFAULT_DAYS

    tokens = sub.add_parser("token", help="API tokens (/api/v1)").add_subparsers(
        dest="token_command", required=True
    )
    s = tokens.add_parser("create", help="issue a token for a user (printed once, last line)")
    s.add_argument("--user", required=True, help="the account the token acts for")
    s.add_argument(
        "--days", type=int, default=DEFAULT_DAYS, help=f"valid for (default {DEFAULT_DAYS})"
    )
    s.add_argument("--note", default="", help="what the token is for (e.g. the receiving system)")
    s.add_argument("--by", default="cli", help="who issues it (audit log)")
    s.set_defaults(func=cmd_token)
    s = tokens.add_parser("list", help="every token: user, created, expires, last used, state")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=cmd_token)
    s = tokens.add_parser("revoke", help="revoke a token by its id (see token list)")
    s.add_argument("id", type=int)
    s.add_argument("--by", default="cli")
    s.set_defaults(func=cmd_token)


def cmd_token(args, settings: Settings) -> int:
    """Run one token subcommand."""
    from etl.exchange.tokens import TokenError, create_token, list_tokens, revoke_token

    factory = factory_for(settings)
    try:
        if args.token_command == "create":
            with factory.begin() as session:
                text, row = create_token(session, args.user, args.days, args.by, args.note)
                expires = row.expires_at
            print(f"token {row.id} for {args.user}, expires {expires:%Y-%m-%d %H:%M} UTC")
            print("shown once: store it now (only its hash is kept)")
            print(text)
            return EXIT_OK
        if args.token_command == "revoke":
            with factory.begin() as session:
                row = revoke_token(session, args.id, args.by)
                print(f"token {row.id} ({row.prefix}…) revoked")
            return EXIT_OK
    except TokenError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    with factory() as session:
        rows = list_tokens(session)
    if args.format == "json":
        print(json.dumps(rows, default=str, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("no tokens")
        return EXIT_OK
    print(
        f"{'id':>4}  {'prefix':<13} {'user':<12} {'role':<12} {'expires':<17} {'last used':<17} state"
    )
    for r in rows:
        used = f"{r['last_used_at']:%Y-%m-%d %H:%M}" if r["last_used_at"] else "—"
        print(
            f"{r['id']:>4}  {r['prefix'] + '…':<13} {r['user']:<12} {r['role']:<12} "
            f"{r['expires_at']:%Y-%m-%d %H:%M} {used:<17} {r['state']}"
        )
    return EXIT_OK
