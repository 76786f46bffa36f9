"""目标管理 over HTTP: an admin's edit changes the evaluation at once; others are refused."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.intake.load import load_file
from etl.periods import format_period, month_range
from etl.targets.status import evaluate_targets
from tests.db.auth_helpers import app_with_accounts, signed_in
from tests.db.dash_calls import dash_call
from tests.db.helpers import line, write_report

SAVE = "target-edit-message.children...target-edit-tick.data.."
CONTEXT = {"target-edit-context.data": {"lang": "zh"}}
CODE = "TJ_PILOT_GROWTH"


def _months(year: int, amount: str) -> list[tuple]:
    return [
        line(1, format_period(p), "出口", "SC", 1, "US", amount)
        for p in month_range(year * 100 + 1, year * 100 + 12)
    ]


@pytest.fixture
def admin_app(db_url, tmp_path, session_factory):
    """Tianjin: 2018 at 100万美元 a month, 2019 at 115 (+15%)."""
    path = write_report(tmp_path / "tj.csv", _months(2018, "100") + _months(2019, "115"))
    assert load_file(session_factory, path, today=dt.date(2022, 6, 30)).status == "loaded"
    app, passwords = app_with_accounts(db_url, tmp_path / "inst", session_factory)
    yield app, passwords
    app.server.config["STM"].dispose()


def _save(client, app, threshold, start="2019-01", end="2019-12"):
    target = {
        "threshold": threshold,
        "window_start": start,
        "window_end": end,
        "name_zh": "2019年增长",
        "name_en": "Growth in 2019",
        "source": "实施方案",
    }
    return dash_call(
        client,
        app,
        SAVE,
        {
            "target-edit-save.n_clicks": 1,
            **{f"target-edit-{k.replace('_', '-')}.value": v for k, v in target.items()},
            "target-edit-selected.data": {"code": CODE, "kind": "growth_avg_annual"},
            **CONTEXT,
        },
        changed="target-edit-save.n_clicks",
    )


def _year1(session_factory):
    with session_factory() as s:
        result = next(r for r in evaluate_targets(s, 201912) if r.target.code == CODE)
        return result.target.threshold, result.evaluations[0].status


def _audits(session_factory):
    with session_factory() as s:
        return s.scalars(
            sa.select(m.AuditEntry)
            .where(m.AuditEntry.action.like("target_%"))
            .order_by(m.AuditEntry.id)
        ).all()


def test_an_admin_edit_changes_the_evaluation_and_is_audited(admin_app, session_factory):
    app, passwords = admin_app
    admin = signed_in(app, passwords, "admin")
    answer = _save(admin, app, "10")
    assert answer.status_code == 200
    assert "已保存目标 TJ_PILOT_GROWTH" in str(answer.get_json()["response"])
    assert _year1(session_factory) == (Decimal("0.1"), "met")  # +15% against 10%
    assert "≥ 10% → ≥ 20%" in str(_save(admin, app, "20").get_json()["response"])
    assert _year1(session_factory) == (Decimal("0.2"), "missed")  # +15% against 20%
    last = _audits(session_factory)[-1]
    assert (last.username, last.action) == ("admin", "target_update")
    assert json.loads(last.detail) == {
        "code": CODE,
        "kind": "growth_avg_annual",
        "before": {"threshold": "0.1"},
        "after": {"threshold": "0.2"},
    }
    rows = dash_call(
        admin, app, "target-edit-grid.rowData", {"target-edit-tick.data": 1, **CONTEXT}
    ).get_json()["response"]
    assert "≥ 20%" in str(rows["target-edit-grid"]) and "修改" in str(rows["target-edit-history"])


@pytest.mark.parametrize("user,status", [(None, 401), ("lead", 403), ("stat", 403), ("clerk", 403)])
def test_other_roles_are_refused_and_nothing_changes(admin_app, session_factory, user, status):
    app, passwords = admin_app
    before = _year1(session_factory)
    assert _save(signed_in(app, passwords, user), app, "1").status_code == status
    assert _year1(session_factory) == before
    assert _audits(session_factory) == []


def test_bad_values_are_explained_in_chinese_and_not_stored(admin_app, session_factory):
    app, passwords = admin_app
    admin = signed_in(app, passwords, "admin")
    answer = str(_save(admin, app, "300", start="2020-01", end="2019-12").get_json()["response"])
    assert "未保存" in answer and "增速阈值应在 −50% 至 200% 之间" in answer
    assert "考核期开始月份 2020-01 晚于结束月份 2019-12" in answer
    assert _year1(session_factory)[0] == Decimal("0.10") and _audits(session_factory) == []


def test_an_admin_adds_and_deletes_a_target(admin_app, session_factory):
    app, passwords = admin_app
    admin = signed_in(app, passwords, "admin")
    new = {
        "code": "TJ_2019_LEVEL",
        "region_code": "120000",
        "measure": "bop_total",
        "kind": "level",
        "threshold": "0.2",
        "window_start": "2019-01",
        "window_end": "2019-12",
        "name_zh": "2019年达到2000万美元",
        "name_en": "US$20m in 2019",
        "source": "测试",
    }
    answer = dash_call(
        admin,
        app,
        SAVE,
        {
            "target-edit-add.n_clicks": 1,
            **CONTEXT,
            **{f"target-edit-{k.replace('_', '-')}.value": v for k, v in new.items()},
        },
        changed="target-edit-add.n_clicks",
    )
    assert "已新增目标 TJ_2019_LEVEL" in str(answer.get_json()["response"])
    with session_factory() as s:
        result = next(r for r in evaluate_targets(s, 201912) if r.target.code == "TJ_2019_LEVEL")
        assert result.target.threshold == Decimal("20000000")  # 0.2亿美元 in dollars
        assert result.evaluations[0].status == "missed"  # 115万 × 12 = 1380万 < 2000万
    deleted = dash_call(
        admin,
        app,
        "target-edit-confirm.is_open@",
        {
            "target-edit-confirm-yes.n_clicks": 1,
            **CONTEXT,
            "target-edit-selected.data": {"code": "TJ_2019_LEVEL", "kind": "level"},
        },
        changed="target-edit-confirm-yes.n_clicks",
    )
    assert "已删除目标 TJ_2019_LEVEL" in str(deleted.get_json()["response"])
    with session_factory() as s:
        assert s.get(m.Target, "TJ_2019_LEVEL") is None
    add, delete = _audits(session_factory)
    assert (add.action, delete.action) == ("target_add", "target_delete")
    assert json.loads(delete.detail)["before"]["threshold"] == "20000000"


def test_a_leader_sees_no_targets_admin_page_and_no_nav_link(admin_app):
    app, passwords = admin_app
    for user, denied in (("lead", True), ("admin", False)):
        client = signed_in(app, passwords, user)
        page = dash_call(
            client,
            app,
            "_pages_content.children",
            {"_pages_location.pathname": "/admin/targets", "_pages_location.search": ""},
        ).get_data(as_text=True)
        assert ("access-denied" in page) is denied and ("target-edit-grid" in page) is not denied
        if denied:
            assert "/admin/targets" not in client.get("/_dash-layout").get_data(as_text=True)
