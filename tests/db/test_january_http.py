"""A leader's January: 1–2月 is one published figure and January alone none of theirs, so the
month picker offers 2021年1–2月 and no January, an address asking for January opens 1–2月, and
February's 当月 card says 1–2月 (it said 2021年2月 over the 1–2月 figure). A statistician still
reads January alone; the API answers a leader token as the pages do. The constructed case's
releases: 2021-01..04."""

from __future__ import annotations

import json

import pytest

from dashboard.ids import FilterBar, Modes, Overview, Partners, Regions, Sectors
from tests.db.auth_helpers import signed_in
from tests.db.dash_calls import dash_call
from tests.db.test_page_defaults_http import _prop

JAN_FEB = "7,663.0万美元"  # 天津市 1–2月, published
JANUARY = "3,818.0万美元"  # 天津市 January alone: the statistician's figure only


def kpis(site, user: str, month: str) -> str:
    client = signed_in(site.app, site.passwords, user)
    search = f"?month={month}&region=120000&unit=usd_10k"
    response = dash_call(client, site.app, Overview.KPIS, {f"{FilterBar.URL}.search": search})
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


@pytest.mark.parametrize("month", ["2021-01", "2021-02"])
def test_a_leaders_january_or_february_reads_jan_feb(disclosure_site, month):
    lead = kpis(disclosure_site, "lead", month)
    assert "2021年1–2月累计" in lead and "2021年1–2月当月" in lead and JAN_FEB in lead
    assert "尚无企业报送" not in lead and JANUARY not in lead


def test_a_statistician_reads_january_alone(disclosure_site):
    stat = kpis(disclosure_site, "stat", "2021-01")
    assert "2021年1月当月" in stat and JANUARY in stat


def test_a_leaders_month_picker_has_jan_feb_and_no_january(disclosure_site):
    client = signed_in(disclosure_site.app, disclosure_site.passwords, "lead")
    response = dash_call(
        client,
        disclosure_site.app,
        "_pages_content.children",
        {"_pages_location.pathname": "/overview", "_pages_location.search": "?month=2021-01"},
    )
    opened = response.get_json()
    options = _prop(opened, FilterBar.MONTH, "options")
    assert [o["value"] for o in options] == [202104, 202103, 202102]
    assert options[-1]["label"] == "2021年1–2月"
    assert _prop(opened, FilterBar.MONTH, "value") == 202102
    # a range may still start in January (1–3月 is a figure of its own), but not in February
    # nor end in January: such a range is none of theirs and reads C
    starts = [o["value"] for o in _prop(opened, FilterBar.FROM, "options")]
    ends = [o["value"] for o in _prop(opened, FilterBar.TO, "options")]
    assert 202101 in starts and 202102 not in starts and 202101 not in ends


def test_a_leaders_api_january_is_jan_feb(disclosure_site):
    """The API answers as the pages: a leader token's January is 1–2月 (meta says so)."""
    response = disclosure_site.app.server.test_client().get(
        "/api/v1/totals?year=2021&month=1&by=direction&region=120000",
        headers={"Authorization": f"Bearer {disclosure_site.tokens['lead']}"},
    )
    body = response.get_json()
    assert body["meta"]["months"] == "1-2" and body["meta"]["window"]["to"] == "2021-02"
    assert {r["code"]: r["current"] for r in body["rows"]}["TOTAL"] == 76_630_000_00


def test_a_leaders_january_before_february_is_released_says_so(db_url, session_factory, tmp_path):
    """January released and February not yet: the picker's newest month is January, and the
    pages say January is published with February: the Overview's cards and trend (尚无企业报送 over
    reports of 14 enterprises), its 知识密集型 card, 地区, 供给模式, the sectors' groups and 伙伴
    (every figure C, districts ranked 1 at 0)."""
    from pathlib import Path

    from etl.intake.load import load_file
    from tests.db import disclosure_case as case
    from tests.db.auth_helpers import add_role_accounts, signed_in_app
    from tests.db.helpers import release_months, write_report

    assert load_file(session_factory, write_report(Path(tmp_path) / "c.csv", case.rows())).ok
    release_months(session_factory, [202101])
    passwords = add_role_accounts(session_factory)
    app = signed_in_app(db_url, tmp_path / "inst")
    client = signed_in(app, passwords, "lead")
    said = "2021年1月的数据不单独发布，与2月合并为1–2月"
    outputs = (Overview.KPIS, Overview.TREND_BOX, Overview.KIS, Regions.CHARTS, Modes.CARDS)
    for output in (*outputs, Sectors.GROUPS_BOX, Partners.CONTEXT):
        response = dash_call(client, app, output, {f"{FilterBar.URL}.search": "?region=120000"})
        text = json.dumps(response.get_json(), ensure_ascii=False)
        assert said in text and "尚无企业报送" not in text, output
    boxes = response.get_json()["response"]  # 伙伴's: its groups and trend cards say it too
    for box in (Partners.GROUPS_BOX, Partners.TREND_BOX):
        assert said in json.dumps(boxes[box]["children"], ensure_ascii=False), box
    app.server.config["STM"].dispose()
