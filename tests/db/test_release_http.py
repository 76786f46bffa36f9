"""What leaders see is what was released (HTTP, signed in): a clerk's new month or a revision
changes nothing a leader sees until a statistician releases it; statisticians see it at once,
marked 未发布; the leader's month choice ends at the latest released month."""

from __future__ import annotations

import json

import pytest

from dashboard.ids import FilterBar, Overview
from etl.intake.load import load_file
from tests.db.auth_helpers import app_with_accounts, signed_in
from tests.db.dash_calls import dash_call
from tests.db.helpers import NO_SUPPRESSION, line, release_months, write_report

BASE = [
    line(1, "2019-05", "出口", "SC", 1, "US", "50000"),
    line(1, "2019-06", "出口", "SC", 1, "US", "100000"),
    line(2, "2019-06", "进口", "SJ", 1, "DE", "23500"),
]
NEW_MONTH = [line(1, "2019-07", "出口", "SC", 1, "US", "1")]  # the clerk's tiny new month
REVISION = [line(1, "2019-06", "出口", "SC", 1, "US", "200000")]


@pytest.fixture
def site(db_url, tmp_path, session_factory):
    """Signed-in clients per role on a database with May and June 2019 released."""
    app, passwords = app_with_accounts(db_url, tmp_path / "inst", session_factory)
    assert load_file(session_factory, write_report(tmp_path / "base.csv", BASE), user="clerk").ok
    release_months(session_factory, rule=NO_SUPPRESSION)
    yield app, passwords, session_factory, tmp_path


def kpis(client, app, search: str = "") -> str:
    """The overview's context line and headline cards, as text."""
    response = dash_call(
        client, app, f"{Overview.KPIS}.children", {f"{FilterBar.URL}.search": search}
    )
    assert response.status_code == 200
    return json.dumps(response.get_json()["response"], ensure_ascii=False)


def month_choices(client, app) -> list[int]:
    """The values of the filter bar's month picker on the Overview page."""
    response = dash_call(
        client,
        app,
        "_pages_content.children",
        {"_pages_location.pathname": "/overview", "_pages_location.search": ""},
    )
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") == FilterBar.MONTH:
                found.extend(o["value"] for o in node["props"]["options"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(response.get_json())
    return found


def test_new_month_and_revision_reach_leaders_only_when_released(site):
    app, passwords, factory, tmp_path = site
    lead, stat = signed_in(app, passwords, "lead"), signed_in(app, passwords, "stat")
    before = kpis(lead, app)
    assert "2019年6月当月" in before and "12.4亿美元" in before  # 12.35亿美元, half up
    assert month_choices(lead, app)[0] == 201906

    # A clerk loads July: the leader's page, month picker and an explicit ?month=2019-07 are
    # unchanged; the statistician opens on July, marked unreleased.
    assert load_file(factory, write_report(tmp_path / "jul.csv", NEW_MONTH), user="clerk").ok
    assert kpis(lead, app) == before
    assert kpis(lead, app, "?month=2019-07") == before
    assert month_choices(lead, app)[0] == 201906
    assert month_choices(stat, app)[0] == 201907
    stat_view = kpis(stat, app)
    assert "2019年7月" in stat_view and "未发布" in stat_view
    assert "未发布" not in kpis(stat, app, "?month=2019-06")

    # A revision of June: the leader keeps the released 12.4, the statistician sees 22.4.
    assert load_file(factory, write_report(tmp_path / "rev.csv", REVISION), user="clerk").ok
    assert kpis(lead, app) == before
    assert "22.4亿美元" in kpis(stat, app, "?month=2019-06")
    assert "未发布" in kpis(stat, app, "?month=2019-06")  # June's revision is not released

    # Released again (修订) and July released: the leader sees both.
    release_months(factory, [201906, 201907], rule=NO_SUPPRESSION)
    assert "22.4亿美元" in kpis(lead, app, "?month=2019-06")
    assert month_choices(lead, app)[0] == 201907
    assert "2019年7月" in kpis(lead, app)
