"""Totals a leader reads as figures of their own on the constructed case, not sums of hidden
parts: 天津市's March total on the Overview's 当月 card (the trend draws it; the card summed hidden
exports and imports and read C), and its 1–3月 total of modes on 供给模式 (summed from hidden
modes: C there, 1.1亿美元 on 总览). And March has no 环比 for anyone: its month before is published
only inside 1–2月 (a leader's 环比 against 1–2月 read −34% where February alone gave the
statistician +61% on the sample)."""

from __future__ import annotations

import json

from dashboard.ids import FilterBar, Modes, Overview
from tests.db.auth_helpers import signed_in
from tests.db.dash_calls import dash_call

SEARCH = "?month=2021-03&region=120000&unit=usd_10k"
MARCH_TOTAL = "3,500.0万美元"  # 1–3月 11,163.0 less 1–2月 7,663.0, both published


def kpis(site, user: str, output: str = Overview.KPIS) -> str:
    client = signed_in(site.app, site.passwords, user)
    values = {f"{FilterBar.URL}.search": SEARCH}
    response = dash_call(client, site.app, output, values)
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def test_a_leaders_month_total_is_its_own_published_figure(disclosure_site):
    lead, stat = kpis(disclosure_site, "lead"), kpis(disclosure_site, "stat")
    assert MARCH_TOTAL in lead and MARCH_TOTAL in stat
    assert "2021年3月当月" in lead and '"C"' in lead  # its exports and imports stay hidden
    for text in (lead, stat):
        assert "1–2月合并，不计环比" in text and "环比+" not in text and "环比-" not in text


def test_a_leaders_total_of_modes_is_its_own_published_figure(disclosure_site):
    lead = kpis(disclosure_site, "lead", Modes.CARDS)
    assert "11,163.0万美元" in lead and '"C"' in lead  # the total; modes 1 and 2 hidden


def test_the_knowledge_intensive_part_of_a_category_filter_is_its_own_figure(disclosure_site):
    """With 其他商业服务 and 运输 chosen, the 知识密集型 part is 其他商业服务 alone: its 1–3月 is
    published (the API's category row says so) though a month of it is hidden, and the card
    read C where it summed the months. The share stays C: the two categories together are no
    published cell."""
    client = signed_in(disclosure_site.app, disclosure_site.passwords, "lead")
    search = f"{SEARCH}&cat=SJ,SC"
    response = dash_call(
        client, disclosure_site.app, Overview.KIS, {f"{FilterBar.URL}.search": search}
    )
    card = json.dumps(response.get_json(), ensure_ascii=False)
    assert "金额5,091.0万美元" in card and '"C"' in card
    api = disclosure_site.app.server.test_client().get(
        "/api/v1/totals?year=2021&month=3&by=category&region=120000",
        headers={"Authorization": f"Bearer {disclosure_site.tokens['lead']}"},
    )
    rows = {row["code"]: row for row in api.get_json()["rows"]}
    assert rows["SJ"]["current"] == 50_910_000_00


def test_a_year_never_released_reads_as_no_data_not_c(disclosure_site):
    """Only 2021 is released: 2020's 1–3月 is no one's figure, for the total as for its parts
    (the total read C beside exports and imports of 0)."""
    client = disclosure_site.app.server.test_client()
    response = client.get(
        "/api/v1/totals?year=2021&month=3&by=direction&region=120000",
        headers={"Authorization": f"Bearer {disclosure_site.tokens['lead']}"},
    )
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.get_json()["rows"]}
    assert rows["TOTAL"]["previous"] == rows["X"]["previous"] == rows["M"]["previous"] == 0
    assert rows["TOTAL"]["current"] == 111_630_000_00 and rows["TOTAL"]["growth"] is None


def test_the_circulated_summary_reads_released_months_only(disclosure_site, capsys):
    """`etl summary --view circulated` prints what a leader sees: a month after the latest
    release is refused (it printed 0.00 and −100.0% for a year never released), and the year
    before the first release reads no data for the total as for its parts."""
    from etl.cli.main import EXIT_FAILED, EXIT_OK, main
    from etl.settings import Settings

    settings = Settings(database_url=disclosure_site.url)
    argv = ["summary", "--region", "120000", "--by", "direction", "--view", "circulated"]
    assert main([*argv, "--year", "2021", "--month", "6"], settings) == EXIT_FAILED
    said = capsys.readouterr().err
    assert "2021-06 is not released" in said and "latest released is 2021-04" in said
    assert main([*argv, "--year", "2021", "--month", "3", "--format", "json"], settings) == EXIT_OK
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert rows["TOTAL"]["current_usd_minor"] == 111_630_000_00
    assert {rows[c]["previous_usd_minor"] for c in ("TOTAL", "X", "M")} == {0}
    # January reads as 1–2月, as on the pages and the API (it printed C for every row)
    assert main([*argv, "--year", "2021", "--month", "1", "--format", "json"], settings) == EXIT_OK
    said = capsys.readouterr()
    assert json.loads(said.out)["months"] == "1-2" and "reads 1–2月" in said.err
    rows = {r["code"]: r for r in json.loads(said.out)["rows"]}
    assert rows["TOTAL"]["current_usd_minor"] == 76_630_000_00
    assert main([*argv, "--year", "2020", "--month", "1"], settings) == EXIT_FAILED
    assert "2020-02 is not released yet" in capsys.readouterr().err
