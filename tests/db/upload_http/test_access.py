"""Who may call the upload page's callbacks and routes: not the anonymous, not leaders."""

from __future__ import annotations

import pytest

from tests.db.dash_calls import dash_call
from tests.db.upload_http.calls import (
    CONTEXT,
    client_for,
    drop,
)


@pytest.mark.parametrize("user,status", [(None, 401), ("lead", 403)])
def test_upload_callbacks_refuse_anonymous_and_leaders(app_and_passwords, user, status):
    """Every callback of the page answers 401/403 for those who may not upload: no data, no job."""
    app, passwords = app_and_passwords
    client = client_for(app, passwords, user)
    assert drop(client, app).status_code == status
    for output in ("upload-history.rowData", "upload-preview.children", "upload-commit.disabled@"):
        response = dash_call(client, app, output, {"upload-job.data": "x" * 24, **CONTEXT})
        assert response.status_code == status, output
    assert not (app.server.config["STM"].settings.instance_path / "uploads").exists()


@pytest.mark.parametrize("user,status", [(None, 302), ("lead", 403)])
def test_upload_routes_refuse_anonymous_and_leaders(app_and_passwords, user, status):
    """The template and problem-list links: the anonymous go to the login form, leaders get 403."""
    app, passwords = app_and_passwords
    client = client_for(app, passwords, user)
    for path in ("/upload/template.xlsx", f"/upload/jobs/{'x' * 24}/issues/0.xlsx"):
        response = client.get(path)
        assert response.status_code == status, path
        assert status != 302 or response.location.startswith("/login")


def test_leader_sees_no_upload_page_and_no_nav_link(app_and_passwords):
    app, passwords = app_and_passwords
    client = client_for(app, passwords, "lead")
    page = dash_call(
        client,
        app,
        "_pages_content.children",
        {"_pages_location.pathname": "/upload", "_pages_location.search": ""},
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "access-denied" in text and "upload-drop" not in text
    assert "/upload" not in client.get("/_dash-layout").get_data(as_text=True)
