"""The upload page over HTTP: who may call its callbacks and routes, and what a clerk can do."""

from __future__ import annotations

import base64
import json
import os
import socket
import time

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.settings import PROJECT_ROOT
from tests.db.auth_helpers import app_with_accounts, login
from tests.db.dash_calls import dash_call

CLEAN = PROJECT_ROOT / "sample_data" / "clean_2019-06.xlsx"
CONTEXT = {"upload-context.data": {"lang": "zh"}}


@pytest.fixture
def app_and_passwords(db_url, tmp_path, session_factory):
    app, passwords = app_with_accounts(
        db_url, tmp_path / "inst", session_factory, clerk_regions=("120000", "500000-LJ")
    )
    yield app, passwords
    app.server.config["STM"].dispose()


def _client(app, passwords, user):
    client = app.server.test_client()
    if user:
        assert login(client, user, passwords[user]).status_code == 302
    return client


def _drop(client, app, path=CLEAN):
    content = "data:;base64," + base64.b64encode(path.read_bytes()).decode()
    return dash_call(
        client,
        app,
        "upload-job.data",
        {"upload-drop.contents": [content], "upload-drop.filename": [path.name], **CONTEXT},
    )


def _wait_for_job(client, app, job_id, until=("validated", "committed", "failed")):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        response = dash_call(
            client,
            app,
            "upload-preview.children",
            {"upload-job.data": job_id, **CONTEXT},
            changed="upload-job.data",
        )
        assert response.status_code == 200
        outputs = response.get_json()["response"]
        if outputs.get("upload-poll", {}).get("disabled") is True:
            return outputs
        time.sleep(0.2)
    raise AssertionError("job did not finish")


@pytest.mark.parametrize("user,status", [(None, 401), ("lead", 403)])
def test_upload_callbacks_refuse_anonymous_and_leaders(app_and_passwords, user, status):
    """Every callback of the page answers 401/403 for those who may not upload: no data, no job."""
    app, passwords = app_and_passwords
    client = _client(app, passwords, user)
    assert _drop(client, app).status_code == status
    for output in ("upload-history.rowData", "upload-preview.children", "upload-commit.disabled@"):
        response = dash_call(client, app, output, {"upload-job.data": "x" * 24, **CONTEXT})
        assert response.status_code == status, output
    assert not (app.server.config["STM"].settings.instance_path / "uploads").exists()


@pytest.mark.parametrize("user,status", [(None, 302), ("lead", 403)])
def test_upload_routes_refuse_anonymous_and_leaders(app_and_passwords, user, status):
    """The template and problem-list links: the anonymous go to the login form, leaders get 403."""
    app, passwords = app_and_passwords
    client = _client(app, passwords, user)
    for path in ("/upload/template.xlsx", f"/upload/jobs/{'x' * 24}/issues/0.xlsx"):
        response = client.get(path)
        assert response.status_code == status, path
        assert status != 302 or response.location.startswith("/login")


def test_leader_sees_no_upload_page_and_no_nav_link(app_and_passwords):
    app, passwords = app_and_passwords
    client = _client(app, passwords, "lead")
    page = dash_call(
        client,
        app,
        "_pages_content.children",
        {"_pages_location.pathname": "/upload", "_pages_location.search": ""},
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "access-denied" in text and "upload-drop" not in text
    assert "/upload" not in client.get("/_dash-layout").get_data(as_text=True)


def test_clerk_uploads_previews_commits_and_sees_only_their_history(
    app_and_passwords, session_factory
):
    """The whole flow over HTTP, as the browser drives it; retract is refused to the clerk."""
    app, passwords = app_and_passwords
    clerk = _client(app, passwords, "clerk")
    assert clerk.get("/upload/template.xlsx").status_code == 200
    staged = _drop(clerk, app).get_json()["response"]
    job_id = staged["upload-job"]["data"]
    preview = _wait_for_job(clerk, app, job_id)
    assert preview["upload-commit"]["disabled"] is False
    assert "clean_2019-06.xlsx" in str(preview["upload-preview"]["children"])

    other = _client(app, passwords, "stat")  # someone else cannot read or commit the clerk's job
    foreign = dash_call(
        other,
        app,
        "upload-preview.children",
        {"upload-job.data": job_id, **CONTEXT},
        changed="upload-job.data",
    ).get_json()["response"]
    assert "clean_2019-06.xlsx" not in str(foreign)
    dash_call(
        other,
        app,
        "upload-commit.disabled@",
        {"upload-commit.n_clicks": 1, "upload-job.data": job_id},
    )
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.UploadBatch)) == 0

    dash_call(
        clerk,
        app,
        "upload-commit.disabled@",
        {"upload-commit.n_clicks": 1, "upload-job.data": job_id},
    )
    done = _wait_for_job(clerk, app, job_id)
    assert "批次 #1" in str(done["upload-results"]["children"])
    history = dash_call(
        clerk, app, "upload-history.rowData", {"upload-history-tick.data": 1, **CONTEXT}
    )
    rows = history.get_json()["response"]["upload-history"]["rowData"]
    assert [(r["batch"], r["user"], r["status"]) for r in rows] == [(1, "clerk", "已入库")]

    retract = dash_call(
        clerk,
        app,
        "upload-retract-modal.is_open",
        {
            "upload-retract-confirm.n_clicks": 1,
            "upload-history.selectedRows": rows,
            "upload-retract-reason.value": "test",
            **CONTEXT,
        },
        changed="upload-retract-confirm.n_clicks",
    )
    assert retract.status_code == 403
    with session_factory() as s:
        assert s.get(m.UploadBatch, 1).status == "loaded"


def test_statistician_retracts_with_a_reason_and_it_is_audited(app_and_passwords, session_factory):
    from etl.intake.load import load_file

    load_file(session_factory, CLEAN, user="clerk")
    app, passwords = app_and_passwords
    stat = _client(app, passwords, "stat")
    rows = dash_call(
        stat, app, "upload-history.rowData", {"upload-history-tick.data": 1, **CONTEXT}
    ).get_json()["response"]["upload-history"]["rowData"]
    values = {"upload-history.selectedRows": rows[:1], **CONTEXT}
    no_reason = dash_call(
        stat,
        app,
        "upload-retract-modal.is_open",
        {**values, "upload-retract-confirm.n_clicks": 1, "upload-retract-reason.value": "  "},
        changed="upload-retract-confirm.n_clicks",
    ).get_json()["response"]
    assert "请填写撤回原因" in str(no_reason)
    done = dash_call(
        stat,
        app,
        "upload-retract-modal.is_open",
        {**values, "upload-retract-confirm.n_clicks": 2, "upload-retract-reason.value": "重复报送"},
        changed="upload-retract-confirm.n_clicks",
    ).get_json()["response"]
    assert "批次 #1 已撤回" in str(done["upload-retract-message"]["children"])
    with session_factory() as s:
        batch = s.get(m.UploadBatch, 1)
        assert (batch.status, batch.retracted_by, batch.retract_reason) == (
            "retracted",
            "stat",
            "重复报送",
        )
        actions = s.scalars(sa.select(m.AuditEntry.action).where(m.AuditEntry.username == "stat"))
        assert "retract" in set(actions)


def test_preview_tells_a_clerk_nothing_stored_about_other_regions_enterprises(
    db_url, tmp_path, session_factory
):
    """A file of a 和平区 code, as clerk_bh: no registered name, no median; the preview audited."""
    from etl.intake.load import load_file
    from tests.db.helpers import line, write_report

    secret = [
        line(
            7,
            f"2021-{mo:02d}",
            "出口",
            "SC",
            1,
            "US",
            "130.435",
            name="和平机密有限公司",
            region="和平区",
            area="120101",
        )
        for mo in range(1, 12)
    ]
    load_file(session_factory, write_report(tmp_path / "hp.csv", secret), user="stat")
    probe = [line(7, "2021-12", "出口", "SC", 1, "US", "99999", name="随便写的名字", area="120101")]
    path = write_report(tmp_path / "probe.csv", probe)
    app, passwords = app_with_accounts(
        db_url, tmp_path / "inst2", session_factory, clerk_regions=("120116",)
    )
    try:
        clerk = _client(app, passwords, "clerk")
        job_id = _drop(clerk, app, path).get_json()["response"]["upload-job"]["data"]
        preview = str(_wait_for_job(clerk, app, job_id))
        listed = clerk.get(f"/upload/jobs/{job_id}/issues/0.csv").get_data(as_text=True)
    finally:
        app.server.config["STM"].dispose()
    for text in (preview, listed):
        assert "和平机密有限公司" not in text and "1,304,350.00" not in text
    assert "不在您负责的地区" in listed
    with session_factory() as s:
        audited = s.scalars(
            sa.select(m.AuditEntry.detail).where(
                m.AuditEntry.username == "clerk", m.AuditEntry.action == "upload_preview"
            )
        ).all()
    assert len(audited) == 1 and "probe.csv" in audited[0]


def test_problem_list_downloads_write_formula_like_cells_as_text(app_and_passwords, tmp_path):
    """A cell '=HYPERLINK(…)' quoted in the problem list: a text cell in xlsx, neutralised in CSV."""
    import io

    import openpyxl

    from tests.db.helpers import line, write_report

    hostile = '=HYPERLINK("http://evil.example","点我")'
    path = write_report(tmp_path / "bad.csv", [line(1, "2021-12", "出口", "SC", 1, "US", hostile)])
    app, passwords = app_and_passwords
    clerk = _client(app, passwords, "clerk")
    job_id = _drop(clerk, app, path).get_json()["response"]["upload-job"]["data"]
    _wait_for_job(clerk, app, job_id)
    book = openpyxl.load_workbook(
        io.BytesIO(clerk.get(f"/upload/jobs/{job_id}/issues/0.xlsx").get_data())
    )
    cells = [c for row in book.active.iter_rows() for c in row if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)
    text = clerk.get(f"/upload/jobs/{job_id}/issues/0.csv").get_data().decode("utf-8-sig")
    assert "'" + hostile.replace('"', '""') in text and "," + hostile not in text


def test_a_request_body_over_the_upload_limit_is_refused_before_parsing(db_url, tmp_path):
    """413 from the server before Dash parses the JSON (files per drop × size, base64)."""
    from dashboard import create_app
    from etl.settings import Settings

    settings = Settings(
        instance_path=tmp_path / "small",
        database_url=db_url,
        auth_required=False,
        max_upload_bytes=1000,
        max_upload_files=1,
    )
    app = create_app(settings)
    try:
        limit = app.server.config["MAX_CONTENT_LENGTH"]
        assert limit == 1000 * 4 // 3 + 1024 * 1024
        response = app.server.test_client().post(
            "/_dash-update-component",
            data=b"{" + b" " * (limit + 1),
            content_type="application/json",
        )
        assert response.status_code == 413
    finally:
        app.server.config["STM"].dispose()


def _wait_for_state(instance, job_id, states, user="clerk", seconds=120):
    from etl.intake import jobs

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = jobs.read_job(instance, job_id, user)
        if job["state"] in states:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job still {job['state']}")


def _history_rows(client, app):
    response = dash_call(
        client, app, "upload-history.rowData", {"upload-history-tick.data": 1, **CONTEXT}
    )
    return response.get_json()["response"]["upload-history"]["rowData"]


def test_the_cancel_button_stops_a_running_check_and_nothing_is_loaded(
    app_and_passwords, session_factory, tmp_path
):
    """As the page does it: drop a large file, press 取消校验 while it is checked."""
    from tests.db.test_upload_worker import big_report

    app, passwords = app_and_passwords
    clerk = _client(app, passwords, "clerk")
    path = big_report(tmp_path / "large.csv", 150_000)
    job_id = _drop(clerk, app, path).get_json()["response"]["upload-job"]["data"]
    running = dash_call(
        clerk,
        app,
        "upload-preview.children",
        {"upload-job.data": job_id, **CONTEXT},
        changed="upload-job.data",
    ).get_json()["response"]
    assert running["upload-cancel"]["style"] == {}  # the button shows while the file is checked
    _wait_for_state(tmp_path / "inst", job_id, ("validating",))

    stopped = dash_call(
        clerk,
        app,
        "upload-cancel.style@",
        {"upload-cancel.n_clicks": 1, "upload-job.data": job_id},
        changed="upload-cancel.n_clicks",
    )
    assert stopped.status_code == 200
    shown = _wait_for_job(clerk, app, job_id)
    assert shown["upload-progress-text"]["children"] == "已取消校验，未载入任何数据。"
    assert shown["upload-commit"]["disabled"] is True
    rows = _history_rows(clerk, app)
    assert [(r["file"], r["status"], r["note"]) for r in rows] == [
        ("large.csv", "已取消", "上传人在校验中取消，未载入任何数据")
    ]
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Report)) == 0
        statuses = s.scalars(sa.select(m.UploadBatch.status)).all()
    assert statuses == ["cancelled"]


def test_each_upload_limit_is_refused_with_a_message_and_nothing_is_loaded(
    db_url, tmp_path, session_factory
):
    """Files per drop, jobs per user, a zip bomb, rows per file: a sentence each, no load."""
    import io
    import zipfile

    from etl.intake import jobs
    from tests.db.auth_helpers import app_with_accounts

    app, passwords = app_with_accounts(
        db_url,
        tmp_path / "inst",
        session_factory,
        clerk_regions=("120000", "500000-LJ"),
        max_upload_files=2,
        max_upload_jobs=1,
        max_upload_rows=100,
        max_xlsx_uncompressed_bytes=10 * 1024 * 1024,
    )
    try:
        clerk = _client(app, passwords, "clerk")
        content = "data:;base64," + base64.b64encode(CLEAN.read_bytes()).decode()
        three = dash_call(
            clerk,
            app,
            "upload-job.data",
            {
                "upload-drop.contents": [content] * 3,
                "upload-drop.filename": ["a.xlsx", "b.xlsx", "c.xlsx"],
                **CONTEXT,
            },
        ).get_json()["response"]
        assert "一次最多上传 2 个文件" in str(three["upload-message"]["children"])

        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (30 * 1024 * 1024))
        bomb_path = tmp_path / "bomb.xlsx"
        bomb_path.write_bytes(bomb.getvalue())
        job_id = _drop(clerk, app, bomb_path).get_json()["response"]["upload-job"]["data"]
        card = _wait_for_job(clerk, app, job_id)["upload-preview"]["children"]
        assert "解压后超过 10 MB" in str(card) and "无法读取" in str(card)

        long_csv = tmp_path / "long.csv"
        long_csv.write_text("统一社会信用代码,企业名称,金额\n" + "x,y,1\n" * 150, encoding="utf-8")
        job_id = _drop(clerk, app, long_csv).get_json()["response"]["upload-job"]["data"]
        card = _wait_for_job(clerk, app, job_id)["upload-preview"]["children"]
        assert "超过每个文件 100 行的上限" in str(card)

        # One job running already: the next drop is refused until it ends.
        running = jobs.stage(
            tmp_path / "inst", "clerk", None, [jobs.StagedFile("r.csv", b"a\n")], 100
        )
        folder = tmp_path / "inst" / "uploads" / running
        job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
        job.update(state="validating", pid=os.getpid(), host=socket.gethostname())
        (folder / "job.json").write_text(json.dumps(job), encoding="utf-8")
        refused = _drop(clerk, app).get_json()["response"]
        assert "1 个上传任务正在校验或入库" in str(refused["upload-message"]["children"])
        assert refused["upload-job"]["data"] is None

        with session_factory() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(m.Report)) == 0
            assert s.scalar(sa.select(sa.func.count()).select_from(m.UploadBatch)) == 0
    finally:
        app.server.config["STM"].dispose()
