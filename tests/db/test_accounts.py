"""Accounts: permission rules, hashing, lock-out, audit, and the user CLI."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from etl import accounts
from etl import models as m
from etl.cli.main import EXIT_FAILED, EXIT_OK, main


@pytest.mark.parametrize(
    "role,action,allowed",
    [
        ("leader", "view_aggregates", True),
        ("leader", "view_enterprises", False),
        ("leader", "upload", False),
        ("clerk", "upload", True),
        ("clerk", "retract", False),
        ("statistician", "retract", True),
        ("statistician", "manage_users", False),
        ("admin", "manage_users", True),
        ("nobody", "view_aggregates", False),
        ("admin", "manage_register", True),
        ("statistician", "manage_register", True),
        ("leader", "manage_register", False),
        ("clerk", "manage_register", False),
        ("admin", "review_quality", True),
        ("statistician", "review_quality", True),
        ("leader", "review_quality", False),
        ("clerk", "review_quality", False),
    ],
)
def test_permission_table(role, action, allowed):
    """Each role's rights, enforced by one function."""
    assert accounts.can(role, action) is allowed


def test_clerk_region_rule():
    """A clerk may load only regions under theirs; others are not limited."""
    closure = {("120116",): ["120116", "120116-TEDA"]}
    clerk = accounts.Principal("c", "c", "clerk", ("120116",))
    lookup = lambda codes: closure.get(codes, list(codes))  # noqa: E731
    assert accounts.clerk_may_load(clerk, {"120116-TEDA"}, lookup) == set()
    assert accounts.clerk_may_load(clerk, {"120116", "120101"}, lookup) == {"120101"}
    stat = accounts.Principal("s", "s", "statistician", ())
    assert accounts.clerk_may_load(stat, {"120101"}, lookup) == set()
    assert accounts.visible_regions(clerk, lookup) == {"120116", "120116-TEDA"}
    assert accounts.visible_regions(stat, lookup) is None
    nowhere = accounts.Principal("n", "n", "clerk", ())
    assert accounts.visible_regions(nowhere, lookup) == set()


def test_passwords_are_hashed_and_sign_in_locks_after_failures(session_factory):
    """No plain text is stored; five wrong passwords lock the account for a while; all audited."""
    with session_factory.begin() as s:
        password = accounts.add_user(s, "lead1", "leader", "局领导")
    with session_factory.begin() as s:
        stored = accounts.get_user(s, "lead1").password_hash
        assert password not in stored and stored.startswith("scrypt")
        assert accounts.authenticate(s, "lead1", password).role == "leader"
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    with session_factory.begin() as s:
        for _ in range(accounts.MAX_FAILED_LOGINS):
            assert accounts.authenticate(s, "lead1", "wrong-password-1", now=now) is None
    with session_factory.begin() as s:  # locked: even the right password fails
        assert accounts.authenticate(s, "lead1", password, now=now) is None
        later = now + dt.timedelta(minutes=accounts.LOCK_MINUTES + 1)
        assert accounts.authenticate(s, "lead1", password, now=later) is not None
    with session_factory() as s:
        actions = s.scalars(
            sa.select(m.AuditEntry.action)
            .where(m.AuditEntry.username != "seeds")
            .order_by(m.AuditEntry.id)
        ).all()
    assert actions.count("login_failed") == accounts.MAX_FAILED_LOGINS + 1
    assert actions.count("login") == 2 and actions[0] == "user_add"


def test_generated_passwords_always_pass_the_strength_rule():
    """One-time passwords mix letters and digits, every time."""
    for _ in range(2000):
        accounts.check_password_strength(accounts.new_password())


def test_weak_passwords_and_bad_roles_are_refused(session_factory):
    """Short or all-digit passwords and unknown roles are refused."""
    with session_factory.begin() as s:
        with pytest.raises(accounts.AccountError):
            accounts.add_user(s, "x", "leader", password="12345678901")
        with pytest.raises(accounts.AccountError):
            accounts.add_user(s, "y", "boss")


def test_user_cli(settings, capsys, monkeypatch):
    """user add prints a one-time password; role, disable and list work; errors exit 1."""
    assert (
        main(
            ["user", "add", "clerk1", "--role", "clerk", "--regions", "120116,120101"],
            settings=settings,
        )
        == EXIT_OK
    )
    out = capsys.readouterr().out
    assert "one-time password for clerk1" in out
    password = out.strip().rsplit(" ", 1)[1]
    assert main(["user", "add", "clerk1", "--role", "clerk"], settings=settings) == EXIT_FAILED
    assert main(["user", "role", "clerk1", "statistician"], settings=settings) == EXIT_OK
    assert main(["user", "disable", "clerk1"], settings=settings) == EXIT_OK
    capsys.readouterr()
    assert main(["user", "list"], settings=settings) == EXIT_OK
    assert "clerk1\tstatistician\t120116 120101\tdisabled" in capsys.readouterr().out
    from etl.db import make_engine, make_session_factory

    factory = make_session_factory(make_engine(settings.database_url))
    with factory.begin() as s:
        assert accounts.authenticate(s, "clerk1", password) is None  # disabled


def test_init_db_creates_demo_accounts_once(settings, capsys):
    """First start prints one-time passwords for the four demo roles; later starts do not."""
    assert main(["init-db", "--demo-users"], settings=settings) == EXIT_OK
    out = capsys.readouterr().out
    for name in ("admin", "stat", "leader", "clerk"):
        assert f"  {name}" in out
    assert main(["init-db", "--demo-users"], settings=settings) == EXIT_OK
    assert "demo accounts" not in capsys.readouterr().out
