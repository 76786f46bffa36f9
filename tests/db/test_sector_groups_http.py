"""服务类别's 重点领域 charts read each group and the total as figures of their own.

The case: in 滨海新区, five enterprises in transport (SC) and business services (SJ), and one
enterprise alone in each of SG, SH and SI (three primary cells inside 知识密集型服务). A sum of
the group's categories holds three C; the group itself is a published cell (less SJ it is the
three together, which no single enterprise dominates), and a leader reads its share.
"""

from __future__ import annotations

import json

import pytest

from dashboard.ids import FilterBar, Sectors
from etl.intake.load import load_file
from tests.db.auth_helpers import add_role_accounts, signed_in, signed_in_app
from tests.db.dash_calls import dash_call
from tests.db.helpers import line, release_months, write_report
from tests.db.test_protected_charts_http import _graph, markers

MONTHS = ("2021-01", "2021-02", "2021-03")
SEARCH = "?month=2021-03&region=120000&unit=usd_10k"
KIS, PILLAR = "知识密集型服务", "天津传统支柱领域"


def _rows() -> list[tuple]:
    out = []
    for k, period in enumerate(MONTHS, start=1):
        for ent in range(1, 6):
            out.append(line(ent, period, "出口", "SC", 1, "US", str(100 + 7 * ent + k)))
            out.append(line(ent, period, "出口", "SJ", 1, "US", str(60 + 5 * ent + k)))
        for ent, category, amount in ((21, "SG", 200), (22, "SH", 210), (23, "SI", 190)):
            out.append(line(ent, period, "出口", category, 1, "US", str(amount + k)))
    return out


@pytest.fixture
def site(session_factory, db_url, tmp_path):
    assert load_file(session_factory, write_report(tmp_path / "case.csv", _rows())).ok
    release_months(session_factory, [202101, 202102, 202103], release_audit=True)
    passwords = add_role_accounts(session_factory)
    app = signed_in_app(db_url, tmp_path / "inst")
    yield app, passwords
    app.server.config["STM"].dispose()


def _figure(app, passwords, user: str, output: str, graph_id: str) -> dict:
    client = signed_in(app, passwords, user)
    response = dash_call(client, app, output, {f"{FilterBar.URL}.search": SEARCH})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    found = _graph(response.get_json(), graph_id)
    assert found is not None, graph_id
    return found


def _points(fig: dict) -> dict:
    """(series, year) -> the drawn share of the lines (the C markers apart)."""
    return {
        (tr["name"], x): y
        for tr in fig["data"]
        if tr.get("legendgroup") != "protected" and tr["type"] == "scatter"
        for x, y in zip(tr["x"], tr["y"])
    }


def test_leaders_group_share_is_the_groups_own_figure_over_its_hidden_members(site):
    app, passwords = site
    output = f"{Sectors.GROUPS_BOX}.children"
    lead = _figure(app, passwords, "lead", output, Sectors.GROUP_SHARES)
    stat = _figure(app, passwords, "stat", output, Sectors.GROUP_SHARES)
    ranking = _figure(app, passwords, "lead", f"{Sectors.RANKING_BOX}.children", Sectors.RANKING)
    # the members are C for the leader: a sum of them could not be drawn
    (marker,) = markers(ranking)
    assert {"金融服务", "知识产权使用费", "电信、计算机和信息服务"} <= set(marker["y"])
    lead_points, stat_points = _points(lead), _points(stat)
    assert set(lead_points) == set(stat_points) and markers(stat) == []
    assert lead_points[(KIS, "2021年")] == pytest.approx(stat_points[(KIS, "2021年")])
    # whatever else the leader draws is the statistician's figure, and a gap is marked C
    marked = {(name, x) for tr in markers(lead) for x, name in zip(tr["x"], tr["hovertext"])}
    for pos, y in lead_points.items():
        if y is None:
            assert any(pos[1] == x and pos[0] in text for text, x in marked), pos
        else:
            assert y == pytest.approx(stat_points[pos])


@pytest.mark.parametrize(
    ("region", "shown", "absent"),
    [
        ("500000-LJ", {KIS}, {PILLAR, "天津加快发展领域"}),
        ("120000", {KIS, PILLAR, "天津加快发展领域"}, set()),
        ("120116", {KIS, PILLAR, "天津加快发展领域"}, set()),  # a district follows its city
    ],
)
def test_a_region_follows_only_the_groups_its_own_policy_names(
    disclosure_site, region, shown, absent
):
    """天津传统支柱领域 and 天津加快发展领域 are Tianjin's plan: 两江新区 follows 知识密集型服务,
    its growth set against the total's (in the bars' title and legend, the download too)."""
    site = disclosure_site
    client = signed_in(site.app, site.passwords, "stat")
    search = f"?month=2021-04&region={region}&unit=usd_10k"
    response = dash_call(
        client, site.app, f"{Sectors.GROUPS_BOX}.children", {f"{FilterBar.URL}.search": search}
    )
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert response.status_code == 200 and all(name in text for name in shown), text[:300]
    assert not any(name in text for name in absent)
    growth = _graph(response.get_json(), Sectors.EMERGING)
    expected = KIS if region == "500000-LJ" else "天津加快发展领域"
    assert growth["layout"]["title"]["text"].startswith(expected)
