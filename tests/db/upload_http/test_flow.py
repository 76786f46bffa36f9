"""What a clerk and a statistician do: upload, preview, commit, history, retraction, problem lists."""

from __future__ import annotations

import sqlalchemy as sa

from etl import models as m
from tests.db.auth_helpers import app_with_accounts
from tests.db.dash_calls import dash_call
from tests.db.upload_http.calls import (
    CLEAN,
    CONTEXT,
    client_for,
    drop,
    wait_for_job,
)


def test_clerk_uploads_previews_commits_and_sees_only_their_history(
    app_and_passwords, session_factory
):
    """The whole flow over HTTP, as the browser drives it; retract is refused to the clerk."""
    app, passwords = app_and_passwords
    clerk = client_for(app, passwords, "clerk")
    assert clerk.get("/upload/template.xlsx").status_code == 200
    staged = drop(clerk, app).get_json()["response"]
    job_id = staged["upload-job"]["data"]
    preview = wait_for_job(clerk, app, job_id)
    assert preview["upload-commit"]["disabled"] is False
    assert "clean_2019-06.xlsx" in str(preview["upload-preview"]["children"])

    other = client_for(app, passwords, "stat")  # someone else cannot read or commit the clerk's job
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
    done = wait_for_job(clerk, app, job_id)
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
    stat = client_for(app, passwords, "stat")
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
        clerk = client_for(app, passwords, "clerk")
        job_id = drop(clerk, app, path).get_json()["response"]["upload-job"]["data"]
        preview = str(wait_for_job(clerk, app, job_id))
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
    clerk = client_for(app, passwords, "clerk")
    job_id = drop(clerk, app, path).get_json()["response"]["upload-job"]["data"]
    wait_for_job(clerk, app, job_id)
    book = openpyxl.load_workbook(
        io.BytesIO(clerk.get(f"/upload/jobs/{job_id}/issues/0.xlsx").get_data())
    )
    cells = [c for row in book.active.iter_rows() for c in row if c.value == hostile]
    assert cells and all(c.data_type == "s" for c in cells)
    text = clerk.get(f"/upload/jobs/{job_id}/issues/0.csv").get_data().decode("utf-8-sig")
    assert "'" + hostile.replace('"', '""') in text and "," + hostile not in text
