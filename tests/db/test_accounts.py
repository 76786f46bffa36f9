"""Accounts: permission rules, hashing, lock-out, audit, and the user CLI."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from etl import accounts
from etl import models as m
from etl.accounts import login
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


def test_passwords_are_hashed_and_failures_delay_that_address(session_factory):
    """No plain text is stored; five wrong passwords from one address make it wait; audited."""
    with session_factory.begin() as s:
        password = accounts.add_user(s, "lead1", "leader", "局领导")
    with session_factory.begin() as s:
        stored = accounts.get_user(s, "lead1").password_hash
        assert password not in stored and stored.startswith("scrypt")
        assert accounts.authenticate(s, "lead1", password).role == "leader"
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    with session_factory.begin() as s:
        for _ in range(accounts.MAX_FAILED_LOGINS):
            assert accounts.authenticate(s, "lead1", "wrong-password-1", "10.0.0.9", now) is None
    with session_factory.begin() as s:  # that address waits: even the right password fails
        assert accounts.authenticate(s, "lead1", password, "10.0.0.9", now) is None
        # … but the owner, from their own address, is not locked out by someone else's guesses
        assert accounts.authenticate(s, "lead1", password, "10.0.0.1", now) is not None
        later = now + dt.timedelta(seconds=accounts.FIRST_DELAY_SECONDS + 1)
        assert accounts.authenticate(s, "lead1", password, "10.0.0.9", later) is not None
    with session_factory() as s:
        actions = s.scalars(
            sa.select(m.AuditEntry.action)
            .where(m.AuditEntry.username != "seeds")
            .order_by(m.AuditEntry.id)
        ).all()
    assert actions.count("login_failed") == accounts.MAX_FAILED_LOGINS + 1
    assert actions.count("login") == 3 and actions[0] == "user_add"


def test_the_delay_grows_with_each_failure_and_is_capped(session_factory):
    """15 s after five failures, then 30 s, 60 s … never more than 15 minutes."""
    with session_factory.begin() as s:
        accounts.add_user(s, "lead1", "leader")
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    waits = []
    for _ in range(accounts.MAX_FAILED_LOGINS + 8):
        with session_factory.begin() as s:
            wait = accounts.throttle_wait(s, "lead1", "10.0.0.9", now)
            now += dt.timedelta(seconds=wait)
            accounts.authenticate(s, "lead1", "wrong-password-1", "10.0.0.9", now)
            waits.append(accounts.throttle_wait(s, "lead1", "10.0.0.9", now))
    assert waits[: accounts.MAX_FAILED_LOGINS - 1] == [0] * (accounts.MAX_FAILED_LOGINS - 1)
    assert waits[accounts.MAX_FAILED_LOGINS - 1 : accounts.MAX_FAILED_LOGINS + 2] == [15, 30, 60]
    assert max(waits) == accounts.MAX_DELAY_SECONDS


def test_unknown_users_cost_a_password_check_too(session_factory, monkeypatch):
    """No user enumeration by timing: an unknown name is checked against a dummy hash."""
    checked = []
    real = login.check_password_hash
    monkeypatch.setattr(login, "check_password_hash", lambda h, p: checked.append(h) or real(h, p))
    with session_factory.begin() as s:
        assert accounts.authenticate(s, "nobody-at-all", "whatever-1234") is None
    assert len(checked) == 1 and checked[0].startswith("scrypt")


def test_parallel_wrong_guesses_are_all_counted(session_factory):
    """Eight guesses at once: none fails with "database is locked" (sign-in waits for the
    write lock); the count (one atomic statement) loses none, so the delay starts on time."""
    import threading

    with session_factory.begin() as s:
        accounts.add_user(s, "lead1", "leader")
    errors = []

    def guess():
        try:
            accounts.sign_in(session_factory, "lead1", "wrong-password-1", "10.0.0.9")
        except Exception as exc:  # noqa: BLE001 — the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with session_factory() as s:  # five counted, then the address waits: the rest are refused
        assert s.get(m.LoginThrottle, ("lead1", "10.0.0.9")).failures == accounts.MAX_FAILED_LOGINS
        failed = s.scalar(sa.select(sa.func.count()).where(m.AuditEntry.action == "login_failed"))
    assert failed == 8


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
