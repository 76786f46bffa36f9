"""用户管理 over HTTP: only administrators; accounts made, changed and disabled, all audited."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from etl import accounts
from etl import models as m
from tests.db.auth_helpers import app_with_accounts, login, signed_in
from tests.db.dash_calls import dash_call

CONTEXT = {"admin-context.data": {"lang": "zh"}}


@pytest.fixture
def admin_app(db_url, tmp_path, session_factory):
    app, passwords = app_with_accounts(db_url, tmp_path / "inst", session_factory)
    yield app, passwords
    app.server.config["STM"].dispose()


def _create(client, app, username, role="clerk", regions=("120116",)):
    return dash_call(
        client,
        app,
        "admin-message.children...admin-tick.data..",
        {
            "admin-create.n_clicks": 1,
            "admin-new-username.value": username,
            "admin-new-name.value": "新同事",
            "admin-new-role.value": role,
            "admin-new-regions.value": list(regions),
            **CONTEXT,
        },
    )


@pytest.mark.parametrize("user,status", [(None, 401), ("stat", 403), ("lead", 403), ("clerk", 403)])
def test_only_administrators_reach_the_accounts_callbacks(admin_app, session_factory, user, status):
    app, passwords = admin_app
    client = signed_in(app, passwords, user)
    assert (
        dash_call(client, app, "admin-grid.rowData", {"admin-tick.data": 0, **CONTEXT}).status_code
        == status
    )
    assert _create(client, app, "intruder").status_code == status
    with session_factory() as s:
        assert (
            s.scalar(sa.select(m.UserAccount.id).where(m.UserAccount.username == "intruder"))
            is None
        )


def test_admin_creates_an_account_whose_one_time_password_works_once(admin_app, session_factory):
    app, passwords = admin_app
    admin = signed_in(app, passwords, "admin")
    rows = dash_call(
        admin, app, "admin-grid.rowData", {"admin-tick.data": 0, **CONTEXT}
    ).get_json()["response"]["admin-grid"]["rowData"]
    clerk_row = next(r for r in rows if r["username"] == "clerk")
    assert clerk_row["role"] == "填报员" and clerk_row["regions"] == "滨海新区"
    answer = _create(admin, app, "zhang.san").get_json()["response"]
    message = str(answer["admin-message"]["children"])
    password = re.search(r"一次性密码：(\S+?)（", message).group(1)
    with session_factory() as s:
        user = accounts.get_user(s, "zhang.san")
        assert (user.role, user.regions, user.must_change_password) == ("clerk", "120116", True)
        audit = s.scalars(
            sa.select(m.AuditEntry)
            .where(m.AuditEntry.action == "user_add")
            .order_by(m.AuditEntry.id.desc())
        ).first()
        assert audit.username == "admin" and password not in audit.detail
    newcomer = app.server.test_client()
    assert login(newcomer, "zhang.san", password).location.startswith("/account/password")
    assert "未完成" in str(_create(admin, app, "zhang.san").get_json()["response"])  # exists


def _change(client, app, button, username, role=None, regions=()):
    return dash_call(
        client,
        app,
        "admin-message.children@",
        {
            f"admin-{button}.n_clicks": 1,
            "admin-grid.selectedRows": [{"username": username}],
            "admin-role.value": role,
            "admin-regions.value": list(regions),
            **CONTEXT,
        },
        changed=f"admin-{button}.n_clicks",
    ).get_json()["response"]


def test_admin_changes_roles_resets_and_disables_but_keeps_an_admin(admin_app, session_factory):
    app, passwords = admin_app
    admin = signed_in(app, passwords, "admin")
    assert "已改为统计人员" in str(_change(admin, app, "save-role", "clerk", "statistician"))
    assert "新一次性密码" in str(_change(admin, app, "reset", "lead"))
    assert "已停用" in str(_change(admin, app, "disable", "stat"))
    assert "未完成" in str(_change(admin, app, "disable", "admin"))  # the last administrator
    with session_factory() as s:
        assert accounts.get_user(s, "clerk").role == "statistician"
        assert accounts.get_user(s, "lead").must_change_password is True
        assert accounts.get_user(s, "stat").is_active is False
        assert accounts.get_user(s, "admin").is_active is True
    stat = app.server.test_client()
    assert login(stat, "stat", passwords["stat"]).status_code == 200  # disabled: back to the form


def _delivery(client, app, username, email, subscribed):
    return dash_call(
        client,
        app,
        "admin-message.children@",
        {
            "admin-save-email.n_clicks": 1,
            "admin-grid.selectedRows": [{"username": username}],
            "admin-email.value": email,
            "admin-subscribed.value": ["on"] if subscribed else [],
            **CONTEXT,
        },
        changed="admin-save-email.n_clicks",
    ).get_json()["response"]


def test_admin_sets_the_briefing_email_and_subscription(admin_app, session_factory):
    """An administrator saves an address and the subscription to the monthly briefing; a wrong
    address is refused and changes nothing."""
    app, passwords = admin_app
    admin = signed_in(app, passwords, "admin")
    assert "已保存" in str(_delivery(admin, app, "lead", "lead@example.gov.cn", True))
    assert "未完成" in str(_delivery(admin, app, "lead", "no address", True))
    with session_factory() as s:
        user = accounts.get_user(s, "lead")
        assert (user.email, user.subscribed) == ("lead@example.gov.cn", True)
    assert "已保存" in str(_delivery(admin, app, "lead", "", True))  # cleared: unsubscribed
    with session_factory() as s:
        assert accounts.get_user(s, "lead").subscribed is False
