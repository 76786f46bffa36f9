"""The 数据质量 page at HTTP level: only statisticians (and admins) get its data or change it."""

from __future__ import annotations

import dash
import pytest
import sqlalchemy as sa

from etl import models as m
from etl.intake.load import load_file
from etl.models.quality import QualityFlag, QualityFlagNote
from tests.db.quality_cases import write_cases
from tests.db.test_auth_http import app_with_users, login  # noqa: F401  (fixture)

VALUES = {  # what the browser would send for each input / state of the page's callbacks
    ("quality-status", "value"): "open",
    ("quality-rule", "value"): "",
    ("quality-month", "value"): "",
    ("quality-context", "data"): {"lang": "zh"},
    ("quality-review-status", "value"): "explained",
    ("quality-note", "value"): "已核实",
    ("quality-save", "n_clicks"): 1,
    ("quality-export", "n_clicks"): 1,
}


@pytest.fixture
def flagged(app_with_users, session_factory, tmp_path):  # noqa: F811
    """The app with users, and the constructed cases loaded (five flags)."""
    for path in write_cases(tmp_path / "cases"):
        assert load_file(session_factory, path).status == "loaded"
    with session_factory() as s:
        flag_id = s.scalar(sa.select(sa.func.min(QualityFlag.id)))
    return (*app_with_users, flag_id)


def _quality_callbacks(client) -> list[dict]:
    deps = client.get("/_dash-dependencies").get_json()
    return [d for d in deps if "quality-" in d["output"]]


def _payload(dep: dict, flag_id: int) -> dict:
    values = {
        **VALUES,
        ("quality-selected", "data"): flag_id,
        ("quality-grid", "selectedRows"): [{"id": flag_id}],
    }

    def spec(items):
        return [{**i, "value": values.get((i["id"], i["property"]))} for i in items]

    outputs = [
        dict(zip(("id", "property"), o.split(".", 1)))
        for o in dep["output"].strip(".").split("...")
    ]
    first = dep["inputs"][0]
    return {
        "output": dep["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": spec(dep["inputs"]),
        "state": spec(dep["state"]),
        "changedPropIds": [f"{first['id']}.{first['property']}"],
    }


@pytest.mark.parametrize("user", ["lead", "clerk"])
def test_leaders_and_clerks_are_refused_every_callback(flagged, session_factory, user):
    """List, select, save and download all answer 403; nothing is written or audited."""
    app, passwords, flag_id = flagged
    client = app.server.test_client()
    login(client, user, passwords[user])
    callbacks = _quality_callbacks(client)
    assert len(callbacks) == 4
    for dep in callbacks:
        response = client.post("/_dash-update-component", json=_payload(dep, flag_id))
        assert response.status_code == 403, dep["output"]
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(QualityFlagNote)) == 0
        assert s.scalar(sa.select(QualityFlag.status).where(QualityFlag.id == flag_id)) == "open"
        actions = s.scalars(sa.select(m.AuditEntry.action).where(m.AuditEntry.username == user))
        assert not {"quality_review", "export_quality_flags"} & set(actions)


def test_statistician_lists_reviews_and_downloads(flagged, session_factory):
    """The same requests from a statistician: rows come back, the note is stored, both audited."""
    app, passwords, flag_id = flagged
    client = app.server.test_client()
    login(client, "stat", passwords["stat"])
    by_output = {d["output"].strip(".").split(".")[0]: d for d in _quality_callbacks(client)}
    listed = client.post(
        "/_dash-update-component", json=_payload(by_output["quality-grid"], flag_id)
    )
    assert listed.status_code == 200
    rows = listed.get_json()["response"]["quality-grid"]["rowData"]
    assert len(rows) == 5 and {r["status"] for r in rows} == {"待查"}
    for name in ("quality-feedback", "quality-download"):
        dep = next(d for key, d in by_output.items() if key.startswith(name))
        assert (
            client.post("/_dash-update-component", json=_payload(dep, flag_id)).status_code == 200
        )
    with session_factory() as s:
        note = s.scalars(sa.select(QualityFlagNote)).one()
        assert (note.flag_id, note.author, note.status, note.note) == (
            flag_id,
            "stat",
            "explained",
            "已核实",
        )
        actions = set(
            s.scalars(sa.select(m.AuditEntry.action).where(m.AuditEntry.username == "stat"))
        )
    assert {"quality_review", "export_quality_flags"} <= actions


def test_layout_refuses_leaders_and_hides_the_link(flagged):
    """A leader opening /quality gets the access-denied box; the nav offers no link to it."""
    app, passwords, _ = flagged
    page = next(p for p in dash.page_registry.values() if p["path"] == "/quality")
    assert page["permission"] == "review_quality"
    for user, denied in (("lead", True), ("clerk", True), ("stat", False)):
        client = app.server.test_client()
        login(client, user, passwords[user])
        with client:
            client.get("/_dash-layout")  # a request context with the signed-in user
            content = page["layout"](lang="zh")
        assert (getattr(content, "id", None) == "access-denied") is denied, user
