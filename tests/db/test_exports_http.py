"""The Exports page over HTTP: who may list, make and download snapshots; every download audited."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import dash
import openpyxl
import pytest
import sqlalchemy as sa
from plotly.utils import PlotlyJSONEncoder

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from etl import accounts
from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.settings import Settings
from etl.snapshot.archive import make_snapshot
from tests.conftest import BACKENDS, clone_database, once_per_run, require_backend
from tests.db.helpers import release_months, uscc
from tests.db.snapshot_data import load, load_two_years, report_rows
from tests.db.test_auth_http import login

MONTH, ROOT = 201906, "120000"
ROLES = {"lead": "leader", "stat": "statistician", "clerk": "clerk"}


def _build_archive(template_urls, backend: str, workdir: Path) -> tuple[str, dict, dict]:
    """A database with a leader, a statistician and a clerk, released months and a public and an
    internal snapshot (files under workdir/inst): the state every test here starts from."""
    url = clone_database(template_urls, backend, workdir)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        load_two_years(factory, workdir)
        release_months(factory)  # snapshots are made of released months only
        passwords = {}
        with factory.begin() as s:
            for name, role in ROLES.items():
                passwords[name] = accounts.add_user(
                    s, name, role, regions=("120116",) if role == "clerk" else ()
                )
                accounts.get_user(s, name).must_change_password = False  # see test_password_http
        settings = Settings(instance_path=workdir / "inst", database_url=url, auth_required=True)
        ids = {
            variant: make_snapshot(
                factory, settings, MONTH, ROOT, internal=internal, user="cron", pdf=False
            ).snapshot_id
            for variant, internal in (("public", False), ("internal", True))
        }
    finally:
        engine.dispose()  # PostgreSQL copies a template only while no one is connected to it
    return url, passwords, ids


@pytest.fixture(scope="module")
def archive_templates(template_urls, tmp_path_factory):
    """Builds the archive once per backend and run (by the first worker); tests get copies."""
    built: dict[str, tuple[Path, str, dict, dict]] = {}

    def get(backend: str) -> tuple[Path, str, dict, dict]:
        if backend not in built:
            require_backend(template_urls, backend)

            def build(workdir: Path) -> tuple[Path, str, dict, dict]:
                return (workdir, *_build_archive(template_urls, backend, workdir))

            built[backend] = once_per_run(tmp_path_factory, f"archive-{backend}", build)
        return built[backend]

    return get


@pytest.fixture(params=BACKENDS)
def db_url(request, archive_templates, tmp_path) -> str:
    """A fresh copy of the archive database, with its snapshot files under tmp_path/inst."""
    workdir, url, _, _ = archive_templates(request.param)
    shutil.copytree(workdir / "inst", tmp_path / "inst")
    return clone_database({request.param: url}, request.param, tmp_path)


@pytest.fixture
def archive(archive_templates, db_url, tmp_path, request):
    """Sign-in app with a leader, a statistician and a clerk; a public and an internal snapshot."""
    _, _, passwords, ids = archive_templates(request.node.callspec.params["db_url"])
    settings = Settings(instance_path=tmp_path / "inst", database_url=db_url, auth_required=True)
    app = create_app(settings)
    yield app, passwords, ids
    app.server.config[CONFIG_KEY].dispose()


def client_of(app, passwords, user):
    """A test client signed in as user (None: anonymous)."""
    client = app.server.test_client()
    if user is not None:
        assert login(client, user, passwords[user]).status_code == 302
    return client


def downloads_audited(factory) -> list[dict]:
    """The download_snapshot audit entries, oldest first."""
    with factory() as s:
        rows = s.execute(
            sa.select(m.AuditEntry.username, m.AuditEntry.detail)
            .where(m.AuditEntry.action == "download_snapshot")
            .order_by(m.AuditEntry.id)
        ).all()
    return [{"user": user, **json.loads(detail)} for user, detail in rows]


def make_request(variant: str, revise: bool = False) -> dict:
    """The body the browser posts when the form's button is clicked."""
    return {
        "output": "..exports-result.children...exports-list.children..",
        "outputs": [
            {"id": "exports-result", "property": "children"},
            {"id": "exports-list", "property": "children"},
        ],
        "inputs": [{"id": "exports-make", "property": "n_clicks", "value": 1}],
        "state": [
            {"id": "exports-month", "property": "value", "value": "2019-06"},
            {"id": "exports-variant", "property": "value", "value": variant},
            {"id": "exports-revise", "property": "value", "value": ["revise"] if revise else []},
            {"id": "exports-context", "property": "data", "value": {"lang": "zh"}},
        ],
        "changedPropIds": ["exports-make.n_clicks"],
    }


def test_anonymous_is_sent_to_sign_in_and_gets_no_file(archive, session_factory):
    """No session: the page redirects to the form, the file route too, the callback API is 401."""
    app, passwords, ids = archive
    client = client_of(app, passwords, None)
    assert client.get("/exports").location.startswith("/login?next=/exports")
    response = client.get(f"/exports/{ids['public']}/xlsx")
    assert response.status_code == 302 and response.location.startswith("/login")
    assert client.post("/_dash-update-component", json=make_request("public")).status_code == 401
    assert downloads_audited(session_factory) == []


def test_clerk_may_neither_download_nor_make(archive, session_factory):
    """A clerk (no export right) gets 403 from the route and the form's callback."""
    app, passwords, ids = archive
    client = client_of(app, passwords, "clerk")
    for variant in ("public", "internal"):
        assert client.get(f"/exports/{ids[variant]}/xlsx").status_code == 403
    assert client.post("/_dash-update-component", json=make_request("public")).status_code == 403
    assert downloads_audited(session_factory) == []
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count(m.Snapshot.id))) == 2


def test_leader_downloads_public_files_but_not_internal(archive, session_factory):
    """Leader: the public workbook, Chinese name (RFC 5987), an audit row; internal ones 403."""
    app, passwords, ids = archive
    client = client_of(app, passwords, "lead")
    response = client.get(f"/exports/{ids['public']}/xlsx")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="stm-snapshot-2019-06-')
    name = unquote(disposition.split("filename*=UTF-8''", 1)[1])
    assert name == "服务贸易统计监测月报_2019年6月_天津市_对外通报版.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames[0] == "封面"
    assert client.get(f"/exports/{ids['public']}/html").status_code == 200
    assert client.get(f"/exports/{ids['public']}/pdf").status_code == 404  # made without PDF
    assert client.get(f"/exports/{ids['public']}/cells").status_code == 404
    assert client.get("/exports/999/xlsx").status_code == 404
    assert client.get(f"/exports/{ids['internal']}/xlsx").status_code == 403
    assert client.get(f"/exports/{ids['internal']}/html").status_code == 403
    audited = downloads_audited(session_factory)
    assert [(a["user"], a["id"], a["kind"], a["internal"]) for a in audited] == [
        ("lead", ids["public"], "xlsx", False),
        ("lead", ids["public"], "html", False),
    ]
    assert audited[0]["file"] == name


def test_statistician_downloads_the_internal_variant(archive, session_factory):
    """Statistician: the internal workbook (named as such), audited as internal."""
    app, passwords, ids = archive
    client = client_of(app, passwords, "stat")
    response = client.get(f"/exports/{ids['internal']}/xlsx")
    assert response.status_code == 200
    assert "%E5%86%85%E9%83%A8%E7%89%88" in response.headers["Content-Disposition"]  # 内部版
    assert [(a["user"], a["internal"]) for a in downloads_audited(session_factory)] == [
        ("stat", True)
    ]


def test_leader_makes_no_snapshot_statistician_revises_only_a_changed_release(
    archive, session_factory, tmp_path
):
    """The form's callback: a leader makes no edition at all (403: leaders download, they do not
    make the official edition); the statistician finds the public original (nothing new), is
    refused a revision while nothing changed, and after a correction is released makes one,
    listed and carrying the statistician's name."""
    app, passwords, ids = archive
    lead = client_of(app, passwords, "lead")
    for variant in ("internal", "public"):
        refused = lead.post("/_dash-update-component", json=make_request(variant))
        assert refused.status_code == 403
    client = client_of(app, passwords, "stat")
    found = client.post("/_dash-update-component", json=make_request("public"))
    assert found.status_code == 200
    assert f"编号 {ids['public']}" in json.dumps(found.get_json(), ensure_ascii=False)
    same = client.post("/_dash-update-component", json=make_request("public", revise=True))
    assert "nothing changed" in json.dumps(same.get_json(), ensure_ascii=False)
    load(
        session_factory,
        tmp_path,
        "fix.csv",
        [r for r in report_rows("2019-06", revise={7: 40000}) if r[0] == uscc(7)],
    )
    release_months(session_factory, [MONTH])
    revised = client.post("/_dash-update-component", json=make_request("public", revise=True))
    assert revised.status_code == 200
    [grid] = [
        c
        for c in revised.get_json()["response"]["exports-list"]["children"]
        if c["props"].get("id") == "exports-grid"
    ]
    rows = grid["props"]["rowData"]
    with session_factory() as s:
        made = s.scalars(sa.select(m.Snapshot).order_by(m.Snapshot.id)).all()
    assert [(x.internal, x.revised_from_id, x.created_by) for x in made] == [
        (False, None, "cron"),
        (True, None, "cron"),
        (False, ids["public"], "stat"),
    ]
    assert made[-1].id in {r["id"] for r in rows}


def test_page_layout_lists_what_the_role_may_see(archive):
    """Clerk: access denied; leader: the public row only; statistician: both, internal marked."""
    app, passwords, ids = archive
    seen = {}
    for user in ("clerk", "lead", "stat"):
        client = client_of(app, passwords, user)
        with client:
            client.get("/_dash-layout")  # a request context with the signed-in user
            page = dash.page_registry["dashboard.pages.exports.page"]["layout"]()
            seen[user] = json.dumps(page, cls=PlotlyJSONEncoder, ensure_ascii=False)
    assert "access-denied" in seen["clerk"] and "exports-grid" not in seen["clerk"]
    assert f"/exports/{ids['public']}/xlsx" in seen["lead"]
    assert f"/exports/{ids['internal']}/xlsx" not in seen["lead"]
    assert "内部版 不得外传" not in seen["lead"]
    assert f"/exports/{ids['internal']}/xlsx" in seen["stat"] and "内部版 不得外传" in seen["stat"]


def chart_download_request(fmt: str) -> dict:
    """The body the browser posts when a chart's CSV/Excel button is clicked."""

    def key(kind: str, **extra) -> dict:
        return {"name": "overview-trend", "type": kind, **extra}

    output = key("download-file", format=fmt)
    pattern = {**output, "name": ["MATCH"]}  # the callback is registered for every chart
    table = {"filename": "走势", "columns": ["期间", "金额"], "rows": [["2019年6月", 1.5]]}
    return {
        "output": json.dumps(pattern, sort_keys=True, separators=(",", ":")) + ".data",
        "outputs": {"id": output, "property": "data"},
        "inputs": [{"id": key(f"download-{fmt}"), "property": "n_clicks", "value": 1}],
        "state": [{"id": key("download-data"), "property": "data", "value": table}],
        "changedPropIds": [
            json.dumps(key(f"download-{fmt}"), sort_keys=True, separators=(",", ":")) + ".n_clicks"
        ],
    }


def test_chart_downloads_are_audited(archive, session_factory):
    """A chart's CSV and Excel downloads each write a download_chart entry with who and what."""
    app, passwords, _ = archive
    client = client_of(app, passwords, "lead")
    for fmt in ("csv", "xlsx"):
        response = client.post("/_dash-update-component", json=chart_download_request(fmt))
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        assert f"走势.{fmt}" in json.dumps(response.get_json(), ensure_ascii=False)
    with session_factory() as s:
        rows = s.execute(
            sa.select(m.AuditEntry.username, m.AuditEntry.detail)
            .where(m.AuditEntry.action == "download_chart")
            .order_by(m.AuditEntry.id)
        ).all()
    assert [(user, json.loads(detail)) for user, detail in rows] == [
        ("lead", {"file": "走势.csv", "format": "csv", "rows": 1}),
        ("lead", {"file": "走势.xlsx", "format": "xlsx", "rows": 1}),
    ]


def test_the_forms_months_follow_its_edition(archive):
    """The 对外通报版 lists 1–2月 and no January (a circulated January is refused); the internal
    edition every month; a leader may not ask (403)."""
    app, passwords, _ = archive

    def months(user: str, variant: str, month: str):
        body = {
            "output": "..exports-month.options...exports-month.value..",
            "outputs": [
                {"id": "exports-month", "property": "options"},
                {"id": "exports-month", "property": "value"},
            ],
            "inputs": [{"id": "exports-variant", "property": "value", "value": variant}],
            "state": [
                {"id": "exports-month", "property": "value", "value": month},
                {
                    "id": "exports-context",
                    "property": "data",
                    "value": {"lang": "zh", "first": 201811, "last": 201902},
                },
            ],
            "changedPropIds": ["exports-variant.value"],
        }
        client = client_of(app, passwords, user)
        return client.post("/_dash-update-component", json=body)

    public = months("stat", "public", "2019-01").get_json()["response"]["exports-month"]
    assert [o["label"] for o in public["options"]] == ["2019年1–2月", "2018年12月", "2018年11月"]
    assert public["value"] == "2019-02"
    internal = months("stat", "internal", "2019-02").get_json()["response"]["exports-month"]
    assert "2019-01" in [o["value"] for o in internal["options"]]
    assert internal["value"] == "2019-02"
    assert months("lead", "public", "2019-02").status_code == 403
