"""API tokens from the command line (create prints the token alone on its last line, list,
revoke), stored as hashes only, checked with a rate window; migration 0013 round trip."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from etl import accounts
from etl import models as m
from etl.cli.main import main
from etl.exchange.tokens import check_token, token_hash
from etl.migrate import downgrade, upgrade


def test_create_list_revoke_from_the_cli(settings, session_factory, capsys):
    with session_factory.begin() as s:
        accounts.add_user(s, "lead", "leader")
    assert (
        main(["token", "create", "--user", "lead", "--days", "7", "--note", "统计局系统"], settings)
        == 0
    )
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert token.startswith("stm_") and len(token) > 40 and " " not in token
    with session_factory() as s:
        row = s.scalar(sa.select(m.ApiToken))
        assert row.token_hash == token_hash(token) and token not in str(row.__dict__)
        expires = row.expires_at.replace(tzinfo=dt.timezone.utc) - dt.datetime.now(dt.timezone.utc)
        assert dt.timedelta(days=6, hours=23) < expires <= dt.timedelta(days=7)
    with session_factory.begin() as s:
        checked = check_token(s, token)
        assert checked.principal.username == "lead" and checked.requests_this_minute == 1
        assert check_token(s, token).requests_this_minute == 2
    assert main(["token", "list"], settings) == 0
    listing = capsys.readouterr().out
    assert "lead" in listing and "active" in listing and token not in listing
    assert main(["token", "revoke", str(row.id)], settings) == 0
    capsys.readouterr()
    assert main(["token", "list", "--format", "json"], settings) == 0
    assert '"state": "revoked"' in capsys.readouterr().out
    with session_factory.begin() as s:
        assert check_token(s, token).reason == "revoked"
        actions = set(s.scalars(sa.select(m.AuditEntry.action)))
    assert {"api_token_create", "api_token_revoke"} <= actions


def test_cli_refuses_unknown_user_and_bad_days(settings, capsys):
    assert main(["token", "create", "--user", "nobody"], settings) == 1
    assert main(["token", "create", "--user", "nobody", "--days", "0"], settings) == 1
    assert main(["token", "revoke", "999"], settings) == 1


def test_rate_window_restarts_each_minute(session_factory):
    from etl.exchange.tokens import create_token

    now = dt.datetime(2026, 1, 1, 12, 0, 30, tzinfo=dt.timezone.utc)
    with session_factory.begin() as s:
        accounts.add_user(s, "stat", "statistician")
        token, _ = create_token(s, "stat", 5, now=now)
    with session_factory.begin() as s:
        counts = [check_token(s, token, now).requests_this_minute for _ in range(3)]
        later = check_token(s, token, now + dt.timedelta(minutes=1)).requests_this_minute
        expired = check_token(s, token, now + dt.timedelta(days=6)).reason
    assert counts == [1, 2, 3] and later == 1 and expired == "expired"


def test_migration_0013_round_trip(engine):
    names = ("api_token", "external_batch", "external_figure")
    downgrade(engine, "0011")
    assert not set(names) & set(sa.inspect(engine).get_table_names())
    upgrade(engine)
    assert set(names) <= set(sa.inspect(engine).get_table_names())
