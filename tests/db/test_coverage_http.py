"""报送情况 and the register over HTTP: leaders get no enterprise list, clerks only their regions,
only statisticians and admins change the register; downloads and changes are audited."""

from __future__ import annotations

import base64
import io
import json

import openpyxl
import pytest
import sqlalchemy as sa

from dashboard import create_app
from dashboard.context import CONFIG_KEY
from dashboard.ids import Coverage, FilterBar, RegisterEdit
from etl import accounts
from etl import models as m
from etl.coverage.register import add_member
from etl.intake.load import load_file
from etl.settings import Settings
from tests.db.helpers import line, release_months, uscc, write_report
from tests.db.test_auth_http import login

ROLES = {"lead": "leader", "stat": "statistician", "clerk": "clerk"}
HEPING = uscc(3, "120101")


@pytest.fixture
def site(session_factory, tmp_path, db_url):
    """Two members in 滨海新区 (one reported June), one in 和平区; one account per role."""
    rows = [line(1, "2019-06", "出口", "SC", 1, "US", "5")]
    assert load_file(session_factory, write_report(tmp_path / "r.csv", rows)).ok
    for n, region, code in (
        (1, "滨海新区", uscc(1)),
        (2, "滨海新区", uscc(2)),
        (3, "和平区", HEPING),
    ):
        assert add_member(
            session_factory,
            {"uscc": code, "name": f"测试企业{n}有限公司", "region": region, "since": "2019-01"},
            "stat",
        ).ok
    release_months(session_factory)  # leaders see released months only
    passwords = {}
    with session_factory.begin() as s:
        for name, role in ROLES.items():
            passwords[name] = accounts.add_user(
                s, name, role, regions=("120116",) if role == "clerk" else ()
            )
            accounts.get_user(s, name).must_change_password = False  # see test_password_http
    app = create_app(
        Settings(instance_path=tmp_path / "inst", database_url=db_url, auth_required=True)
    )
    yield app, passwords
    app.server.config[CONFIG_KEY].dispose()


def client_of(site, user):
    app, passwords = site
    client = app.server.test_client()
    assert login(client, user, passwords[user]).status_code == 302
    return client


def request(
    outputs: list[tuple[str, str]],
    inputs: list[tuple[str, str, object]],
    state: list[tuple[str, str, object]] = (),
) -> dict:
    """The body Dash's renderer posts for a callback."""

    def props(items):
        return [{"id": i, "property": p, "value": v} for i, p, v in items]

    output = (
        f"{outputs[0][0]}.{outputs[0][1]}"
        if len(outputs) == 1
        else ".." + "...".join(f"{i}.{p}" for i, p in outputs) + ".."
    )
    return {
        "output": output,
        "outputs": [{"id": i, "property": p} for i, p in outputs]
        if len(outputs) > 1
        else {"id": outputs[0][0], "property": outputs[0][1]},
        "inputs": props(inputs),
        "state": props(state),
        "changedPropIds": [f"{inputs[0][0]}.{inputs[0][1]}"],
    }


def context(region: str = "120116") -> tuple[str, str, dict]:
    return (Coverage.CONTEXT, "data", {"month": 201906, "region": region, "lang": "zh"})


RENDER = request(
    [
        (Coverage.SUMMARY, "children"),
        (Coverage.REGION_GRID, "rowData"),
        (Coverage.REGION_GRID, "dashGridOptions"),
        (Coverage.CHASE_GRID, "rowData"),
    ],
    [context()],
    [(Coverage.REGION_GRID, "dashGridOptions", {})],
)
DOWNLOAD = request(
    [(Coverage.CHASE_DOWNLOAD, "data")], [(Coverage.CHASE_XLSX, "n_clicks", 1)], [context()]
)


def post(client, body: dict):
    return client.post("/_dash-update-component", json=body)


def text_of(response) -> str:
    """The response as readable text (Dash escapes non-ASCII characters)."""
    return json.dumps(response.get_json(), ensure_ascii=False)


def audited(factory, action: str) -> list[str]:
    with factory() as s:
        return list(
            s.scalars(sa.select(m.AuditEntry.username).where(m.AuditEntry.action == action))
        )


def test_leader_gets_no_enterprise_list_and_no_file(site, session_factory):
    """A leader's requests for the list, the grid and the download are 403; nothing audited."""
    client = client_of(site, "lead")
    assert post(client, RENDER).status_code == 403
    assert post(client, DOWNLOAD).status_code == 403
    assert audited(session_factory, "download_chase_list") == []


def test_clerk_sees_own_region_only(site, session_factory):
    """A clerk of 滨海新区 gets its list (the missing member, then the one loaded today: late; no
    和平区) and the file, audited; asking for 天津市 or 和平区 is refused."""
    client = client_of(site, "clerk")
    response = post(client, RENDER)
    assert response.status_code == 200
    rows = response.get_json()["response"][Coverage.CHASE_GRID]["rowData"]
    assert [(r["uscc"], r["status"]) for r in rows] == [(uscc(2), "未报"), (uscc(1), "迟报")]
    assert HEPING not in text_of(response) and "测试企业3" not in text_of(response)
    for region in ("120000", "120101"):
        body = request(
            [(Coverage.CHASE_DOWNLOAD, "data")],
            [(Coverage.CHASE_XLSX, "n_clicks", 1)],
            [context(region)],
        )
        assert post(client, body).status_code == 403
        render = json.loads(json.dumps(RENDER).replace('"120116"', f'"{region}"'))
        assert post(client, render).status_code == 403
    response = post(client, DOWNLOAD)
    assert response.status_code == 200
    sent = response.get_json()["response"][Coverage.CHASE_DOWNLOAD]["data"]
    assert sent["filename"] == "催报名单_滨海新区_2019年6月.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(sent["content"])))["催报名单"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("企业名称", "统一社会信用代码", "地区")
    assert [v[1] for v in values[1:]] == [uscc(2), uscc(1)]
    assert audited(session_factory, "download_chase_list") == ["clerk"]


def test_statistician_sees_everything(site):
    """A statistician may ask for 天津市: the two missing and the late one are listed."""
    client = client_of(site, "stat")
    render = json.loads(json.dumps(RENDER).replace('"120116"', '"120000"'))
    response = post(client, render)
    assert response.status_code == 200
    rows = response.get_json()["response"][Coverage.CHASE_GRID]["rowData"]
    assert sorted(r["uscc"] for r in rows) == sorted([uscc(1), uscc(2), HEPING])


def _upload(filename: str, text: str) -> dict:
    encoded = base64.b64encode(text.encode("utf-8")).decode()
    return request(
        [(RegisterEdit.UPLOAD_RESULT, "children")],
        [(RegisterEdit.UPLOAD, "contents", f"data:text/csv;base64,{encoded}")],
        [
            (RegisterEdit.UPLOAD, "filename", filename),
            (RegisterEdit.CONTEXT, "data", {"lang": "zh", "month": 201906}),
        ],
    )


def members(factory) -> int:
    with factory() as s:
        return s.scalar(sa.select(sa.func.count(m.KeyEnterprise.id)))


GOOD = f"统一社会信用代码,企业名称,所属地区,起始月份\n{uscc(5)},新企业有限公司,滨海新区,2019-06\n"
BAD = GOOD + "123,坏行,滨海新区,2019-06\n"


def test_only_register_managers_upload(site, session_factory):
    """Leader and clerk: 403 and nothing loaded; statistician: a bad file is a problems table and
    loads nothing, a good one loads; both audited."""
    for user in ("lead", "clerk"):
        assert post(client_of(site, user), _upload("名录.csv", GOOD)).status_code == 403
    assert members(session_factory) == 3
    client = client_of(site, "stat")
    response = post(client, _upload("名录.csv", BAD))
    assert response.status_code == 200
    text = text_of(response)
    assert "统一社会信用代码无效" in text and "未导入任何记录" in text
    assert members(session_factory) == 3
    assert "已导入" in text_of(post(client, _upload("名录.csv", GOOD)))
    assert members(session_factory) == 4
    assert audited(session_factory, "register_upload") == ["stat", "stat"]
    with session_factory() as s:
        actors = s.scalars(
            sa.select(m.RegisterChange.actor).where(m.RegisterChange.uscc == uscc(5))
        ).all()
    assert actors == ["stat"]


def test_end_membership_refused_to_clerks_and_done_for_statisticians(site, session_factory):
    """The 移出名录 button: a clerk's request is 403; a statistician's ends the membership."""
    body = request(
        [(RegisterEdit.END_RESULT, "children")],
        [(RegisterEdit.END, "n_clicks", 1)],
        [
            (RegisterEdit.END_PICK, "value", uscc(2)),
            (RegisterEdit.END_UNTIL, "value", "2019-05"),
            (RegisterEdit.END_PICK, "options", []),
            (RegisterEdit.CONTEXT, "data", {"lang": "zh", "month": 201906}),
        ],
    )
    assert post(client_of(site, "clerk"), body).status_code == 403
    assert post(client_of(site, "stat"), body).status_code == 200
    with session_factory() as s:
        until = s.scalar(sa.select(m.KeyEnterprise.until).where(m.KeyEnterprise.uscc == uscc(2)))
    assert until == 201905


@pytest.mark.parametrize(
    "line",
    [
        Coverage.OVERVIEW_LINE,
        Coverage.REGIONS_LINE,
        Coverage.MODES_LINE,
        Coverage.SECTORS_LINE,
        Coverage.PARTNERS_LINE,
    ],
)
def test_leader_sees_the_line_beside_the_figures_without_names(site, line):
    """Each figure page's line answers a leader with counts and shares only, no link to the list."""
    body = request([(line, "children")], [(FilterBar.URL, "search", "")])
    response = post(client_of(site, "lead"), body)
    assert response.status_code == 200
    text = text_of(response)
    assert "2019年6月已报送 33.3% 重点企业（1/3）" in text
    assert "测试企业" not in text and uscc(2) not in text and "/coverage" not in text
    assert "/coverage?month=2019-06" in text_of(post(client_of(site, "stat"), body))
