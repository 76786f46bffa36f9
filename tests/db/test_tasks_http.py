"""试点任务 over HTTP: a unit reports on its own tasks only (403 otherwise); reviewers review."""

from __future__ import annotations

import base64

import pytest

from etl import accounts
from etl.queries.tasks import reports_frame
from tests.db.auth_helpers import app_with_accounts, login, signed_in
from tests.db.dash_calls import dash_call

SUBMIT = "task-message.children...task-tick.data...task-upload.contents...task-upload.filename.."
REVIEW = "task-review-comment.value.."
PDF = b"%PDF-1.4\n%evidence\n" + b"1" * 300


@pytest.fixture
def task_app(db_url, tmp_path, session_factory):
    """An app with sign-in, one account per role and a unit of 天津市商务委 (tianjin-9 leads)."""
    app, passwords = app_with_accounts(db_url, tmp_path / "inst", session_factory)
    with session_factory.begin() as s:
        passwords["unit"] = accounts.add_user(s, "unit", "unit", organisations=("天津市商务委",))
        accounts.get_user(s, "unit").must_change_password = False
    yield app, passwords
    app.server.config["STM"].dispose()


def _submit(client, app, task, contents=None, filename=None):
    return dash_call(
        client,
        app,
        SUBMIT,
        {
            "task-submit.n_clicks": 1,
            "task-period.value": "2019-06",
            "task-status.value": "in_progress",
            "task-text.value": "出版物进出口平台已选址",
            "task-figure-projects.value": 2,
            "task-upload.contents": contents,
            "task-upload.filename": filename,
            "tasks-context.data": {"lang": "zh", "task": task},
        },
        changed="task-submit.n_clicks",
    )


def _pdf() -> str:
    return "data:application/pdf;base64," + base64.b64encode(PDF).decode()


def test_a_unit_cannot_report_on_another_units_task(task_app, session_factory):
    app, passwords = task_app
    unit = signed_in(app, passwords, "unit")
    assert _submit(unit, app, "liangjiang-1").status_code == 403  # 两江新区管委会's measure
    with session_factory() as s:
        assert reports_frame(s).empty
    answer = _submit(unit, app, "tianjin-9", _pdf(), "签约文件.pdf")
    assert answer.status_code == 200
    assert "已提交 2019-06 进展报告" in str(answer.get_json()["response"])
    with session_factory() as s:
        assert list(reports_frame(s)["task_id"]) == ["tianjin-9"]


@pytest.mark.parametrize("user,status", [(None, 401), ("lead", 403), ("stat", 403), ("clerk", 403)])
def test_only_units_report(task_app, session_factory, user, status):
    app, passwords = task_app
    assert _submit(signed_in(app, passwords, user), app, "tianjin-9").status_code == status
    with session_factory() as s:
        assert reports_frame(s).empty


def test_bad_evidence_is_refused_in_words(task_app, session_factory):
    app, passwords = task_app
    unit = signed_in(app, passwords, "unit")
    fake = "data:application/pdf;base64," + base64.b64encode(b"MZ\x90\x00").decode()
    answer = _submit(unit, app, "tianjin-9", fake, "文件.pdf")
    assert "文件.pdf：文件内容与扩展名不符" in str(answer.get_json()["response"])
    with session_factory() as s:
        assert reports_frame(s).empty


def _review(client, app, report_id, button, comment=""):
    return dash_call(
        client,
        app,
        REVIEW,
        {
            f"task-review-{button}.n_clicks": 1,
            "task-review-pick.value": report_id,
            "task-review-comment.value": comment,
            "tasks-context.data": {"lang": "zh", "task": "tianjin-9"},
        },
        changed=f"task-review-{button}.n_clicks",
    )


def test_statisticians_confirm_leaders_and_units_may_not(task_app, session_factory):
    app, passwords = task_app
    _submit(signed_in(app, passwords, "unit"), app, "tianjin-9", _pdf(), "签约文件.pdf")
    with session_factory() as s:
        report_id = int(reports_frame(s)["id"].iloc[0])
    for user in ("lead", "unit", "clerk"):
        assert (
            _review(signed_in(app, passwords, user), app, report_id, "confirm").status_code == 403
        )
    stat = signed_in(app, passwords, "stat")
    answer = _review(stat, app, report_id, "return")
    assert "退回时请填写审核意见" in str(answer.get_json()["response"])
    assert _review(stat, app, report_id, "confirm").status_code == 200
    with session_factory() as s:
        assert reports_frame(s)["review_state"].tolist() == ["confirmed"]


def test_evidence_download_and_pages(task_app, session_factory):
    app, passwords = task_app
    _submit(signed_in(app, passwords, "unit"), app, "tianjin-9", _pdf(), "签约文件.pdf")
    leader = signed_in(app, passwords, "lead")
    page = leader.get("/tasks/evidence/1")
    assert page.status_code == 200 and page.data == PDF
    assert "filename*=UTF-8''" in page.headers["Content-Disposition"]
    assert app.server.test_client().get("/tasks/evidence/1").status_code == 302  # to /login
    assert signed_in(app, passwords, "clerk").get("/tasks/evidence/1").status_code == 403
    assert leader.get("/tasks/evidence/99").status_code == 404
    xlsx = leader.get("/supervision/reminders.xlsx?as_of=2019-01-01&unit=天津市商务委")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    client = app.server.test_client()
    login(client, "unit", passwords["unit"], "/tasks")
    assert client.get("/tasks?task=tianjin-9").status_code == 200


def _enter(client, app, value):
    return dash_call(
        client,
        app,
        "eval-message.children...eval-tick.data..",
        {
            "eval-entry-save.n_clicks": 1,
            "eval-entry-indicator.value": "policies",
            "eval-entry-subject.value": "天津市商务委",
            "eval-entry-value.value": value,
            "eval-year.value": 2018,
            "eval-context.data": {"lang": "zh"},
        },
        changed="eval-entry-save.n_clicks",
    )


def test_evaluation_entry_and_export(task_app):
    app, passwords = task_app
    for user in ("lead", "unit", "clerk"):
        assert _enter(signed_in(app, passwords, user), app, "2").status_code == 403
    stat = signed_in(app, passwords, "stat")
    assert "已保存 2018 年指标值" in str(_enter(stat, app, "2").get_json()["response"])
    leader = signed_in(app, passwords, "lead")
    book = leader.get("/evaluation/scorecard.xlsx?kind=unit&year=2018&lang=zh")
    assert book.status_code == 200 and book.data[:2] == b"PK"
    import io

    import pandas as pd

    scores = pd.read_excel(io.BytesIO(book.data), sheet_name="评分")
    assert scores.iloc[0]["单位"] == "天津市商务委" and str(scores.iloc[0]["总分"]) == "13.33"
    assert (
        signed_in(app, passwords, "unit")
        .get("/evaluation/scorecard.xlsx?kind=unit&year=2018")
        .status_code
        == 403
    )


def test_an_admin_creates_a_responsible_unit_bound_to_organisations(task_app, session_factory):
    app, passwords = task_app

    def create(client, orgs):
        return dash_call(
            client,
            app,
            "..admin-message.children...admin-tick.data..",
            {
                "admin-create.n_clicks": 1,
                "admin-new-username.value": "haiguan",
                "admin-new-name.value": "天津海关联络员",
                "admin-new-role.value": "unit",
                "admin-new-organisations.value": orgs,
                "admin-context.data": {"lang": "zh"},
            },
            exact=True,
        )

    admin = signed_in(app, passwords, "admin")
    assert "至少需要一个所属单位" in str(create(admin, []).get_json()["response"])
    assert "haiguan" in str(create(admin, ["天津海关"]).get_json()["response"])
    with session_factory() as s:
        user = accounts.principal_of(accounts.get_user(s, "haiguan"))
    assert (user.role, user.organisations) == ("unit", ("天津海关",))
    rows = dash_call(admin, app, "admin-grid.rowData", {"admin-tick.data": 1}).get_json()
    assert "天津海关" in str(rows["response"])


def test_an_admin_changes_a_weight_the_seed_keeps_it(task_app, session_factory):
    from etl import models as m
    from etl.seed import load_seeds
    from etl.settings import PROJECT_ROOT

    app, passwords = task_app

    def save(client, weight):
        return dash_call(
            client,
            app,
            "eval-rule-message.children",
            {
                "eval-rule-save.n_clicks": 1,
                "eval-rule-indicator.value": "policies",
                "eval-rule-weight.value": weight,
                "eval-rule-zero.value": "0",
                "eval-rule-full.value": "3",
                "eval-context.data": {"lang": "zh"},
            },
            changed="eval-rule-save.n_clicks",
        )

    assert save(signed_in(app, passwords, "stat"), "25").status_code == 403
    admin = signed_in(app, passwords, "admin")
    assert "权重" in str(save(admin, "0").get_json()["response"])  # refused: weight 0
    assert "已保存计分标准" in str(save(admin, "25").get_json()["response"])
    with session_factory.begin() as s:
        load_seeds(s, PROJECT_ROOT / "seeds")
    with session_factory() as s:
        assert str(s.get(m.EvaluationIndicator, "policies").weight) == "25"
