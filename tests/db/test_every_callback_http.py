"""Every callback the app registers, called over HTTP: the anonymous get 401, and the roles a
restricted page is not for get 403 from each of its callbacks, whatever the inputs."""

from __future__ import annotations

import pytest

from etl import accounts
from tests.db.auth_helpers import ROLE_USERS, app_with_accounts, login
from tests.db.dash_calls import dash_call

# Restricted pages: the prefix of their component ids and the action they need.
RESTRICTED = {
    "upload-": "upload",
    "admin-": "manage_users",
    "coverage-": "view_enterprises",
    "register-": "manage_register",
    "exports-": "export",
    "quality-": "review_quality",
    "release-": "release",
    "target-edit-": "manage_targets",
    "tasks-": "view_tasks",
    "task-history": "view_tasks",
    "task-review-": "review_tasks",
    "task-upload": "report_tasks",
    "sup-": "view_tasks",
    "eval-grid": "view_evaluation",
    "eval-entry-": "manage_evaluation",
    "eval-message": "manage_evaluation",
    "eval-rule-": "manage_reference",
    "briefing-": "view_aggregates",
}


@pytest.fixture
def secured(sqlite_url, tmp_path, session_factory):
    app, passwords = app_with_accounts(sqlite_url, tmp_path / "inst", session_factory)
    app.server.test_client().get("/_dash-dependencies")  # Dash completes its callback map
    yield app, passwords
    app.server.config["STM"].dispose()


def _outputs(key: str) -> list[str]:
    return [part.rsplit(".", 1)[0] for part in key.strip(".").split("...")]


def _page_action(key: str) -> str | None:
    actions = {
        action
        for prefix, action in RESTRICTED.items()
        if any(o.startswith(prefix) for o in _outputs(key))
    }
    assert len(actions) <= 1, key
    return actions.pop() if actions else None


@pytest.fixture
def session_factory(sqlite_url):
    from etl.db import make_engine, make_session_factory

    engine = make_engine(sqlite_url)
    yield make_session_factory(engine)
    engine.dispose()


def test_every_callback_refuses_the_anonymous(secured):
    app, _ = secured
    client = app.server.test_client()
    keys = list(app.callback_map)
    assert len(keys) > 40
    for key in keys:
        response = dash_call(client, app, key, exact=True)
        assert response.status_code == 401, key


@pytest.mark.parametrize("user", sorted(ROLE_USERS))
def test_restricted_pages_callbacks_refuse_other_roles(secured, user):
    app, passwords = secured
    client = app.server.test_client()
    login(client, user, passwords[user])
    role = ROLE_USERS[user]
    checked = 0
    for key in app.callback_map:
        action = _page_action(key)
        if action is None or accounts.can(role, action):
            continue
        response = dash_call(client, app, key, exact=True)
        assert response.status_code == 403, (user, key, response.status_code)
        checked += 1
    assert checked > 0 or role == "admin"


def test_the_targets_admin_callbacks_are_covered(secured):
    app, _ = secured
    covered = [k for k in app.callback_map if _page_action(k) == "manage_targets"]
    assert len(covered) == 6, covered
