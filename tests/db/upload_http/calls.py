"""The upload page's calls as its browser makes them: sign in, drop a file, follow its job, read
the history."""

from __future__ import annotations

import base64
import time

from etl.settings import PROJECT_ROOT
from tests.db.auth_helpers import login
from tests.db.dash_calls import dash_call

CLEAN = PROJECT_ROOT / "sample_data" / "clean_2019-06.xlsx"


CONTEXT = {"upload-context.data": {"lang": "zh"}}


def client_for(app, passwords, user):
    client = app.server.test_client()
    if user:
        assert login(client, user, passwords[user]).status_code == 302
    return client


def drop(client, app, path=CLEAN):
    content = "data:;base64," + base64.b64encode(path.read_bytes()).decode()
    return dash_call(
        client,
        app,
        "upload-job.data",
        {"upload-drop.contents": [content], "upload-drop.filename": [path.name], **CONTEXT},
    )


def wait_for_job(client, app, job_id, until=("validated", "committed", "failed")):
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


def wait_for_state(instance, job_id, states, user="clerk", seconds=120):
    from etl.intake import jobs

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = jobs.read_job(instance, job_id, user)
        if job["state"] in states:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job still {job['state']}")


def history_rows(client, app):
    response = dash_call(
        client, app, "upload-history.rowData", {"upload-history-tick.data": 1, **CONTEXT}
    )
    return response.get_json()["response"]["upload-history"]["rowData"]
