"""The upload's limits: the request body, the cancel button, each limit refused with a message."""

from __future__ import annotations

import base64
import json
import os
import socket

import sqlalchemy as sa

from etl import models as m
from tests.db.auth_helpers import app_with_accounts
from tests.db.dash_calls import dash_call
from tests.db.upload_http.calls import (
    CLEAN,
    CONTEXT,
    client_for,
    drop,
    history_rows,
    wait_for_job,
    wait_for_state,
)


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


def test_the_cancel_button_stops_a_running_check_and_nothing_is_loaded(
    app_and_passwords, session_factory, tmp_path
):
    """As the page does it: drop a large file, press 取消校验 while it is checked."""
    from tests.db.test_upload_worker import big_report

    app, passwords = app_and_passwords
    clerk = client_for(app, passwords, "clerk")
    path = big_report(tmp_path / "large.csv", 150_000)
    job_id = drop(clerk, app, path).get_json()["response"]["upload-job"]["data"]
    running = dash_call(
        clerk,
        app,
        "upload-preview.children",
        {"upload-job.data": job_id, **CONTEXT},
        changed="upload-job.data",
    ).get_json()["response"]
    assert running["upload-cancel"]["style"] == {}  # the button shows while the file is checked
    wait_for_state(tmp_path / "inst", job_id, ("validating",))

    stopped = dash_call(
        clerk,
        app,
        "upload-cancel.style@",
        {"upload-cancel.n_clicks": 1, "upload-job.data": job_id},
        changed="upload-cancel.n_clicks",
    )
    assert stopped.status_code == 200
    shown = wait_for_job(clerk, app, job_id)
    assert shown["upload-progress-text"]["children"] == "已取消校验，未载入任何数据。"
    assert shown["upload-commit"]["disabled"] is True
    rows = history_rows(clerk, app)
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
        clerk = client_for(app, passwords, "clerk")
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
        job_id = drop(clerk, app, bomb_path).get_json()["response"]["upload-job"]["data"]
        card = wait_for_job(clerk, app, job_id)["upload-preview"]["children"]
        assert "解压后超过 10 MB" in str(card) and "无法读取" in str(card)

        long_csv = tmp_path / "long.csv"
        long_csv.write_text("统一社会信用代码,企业名称,金额\n" + "x,y,1\n" * 150, encoding="utf-8")
        job_id = drop(clerk, app, long_csv).get_json()["response"]["upload-job"]["data"]
        card = wait_for_job(clerk, app, job_id)["upload-preview"]["children"]
        assert "超过每个文件 100 行的上限" in str(card)

        # One job running already: the next drop is refused until it ends.
        running = jobs.stage(
            tmp_path / "inst", "clerk", None, [jobs.StagedFile("r.csv", b"a\n")], 100
        )
        folder = tmp_path / "inst" / "uploads" / running
        job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
        job.update(state="validating", pid=os.getpid(), host=socket.gethostname())
        (folder / "job.json").write_text(json.dumps(job), encoding="utf-8")
        refused = drop(clerk, app).get_json()["response"]
        assert "1 个上传任务正在校验或入库" in str(refused["upload-message"]["children"])
        assert refused["upload-job"]["data"] is None

        with session_factory() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(m.Report)) == 0
            assert s.scalar(sa.select(sa.func.count()).select_from(m.UploadBatch)) == 0
    finally:
        app.server.config["STM"].dispose()
