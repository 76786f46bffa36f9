"""A leader clicking through the figure pages never receives a protected figure (HTTP).

Every callback of the Overview, Modes, Sectors, Regions, Partners and Targets pages is called as
the leader over filter states (regions, months, categories, units), and every response is searched
for the exact figures of the constructed case's primary-suppressed cells, as the pages would print
them (万美元 with one decimal) and as chart values. A statistician sees them; switched to "as
leaders see it", the statistician sees what the leader sees.
"""

from __future__ import annotations

import json
import re

import pytest

from dashboard.ids import FilterBar
from etl import models as m
from tests.db.auth_helpers import signed_in
from tests.db.dash_calls import dash_call

PAGES = ("overview-", "modes-", "sectors-", "regions-", "partners-", "targets-")
SEARCHES = [
    f"?month={month}&region={region}&unit=usd_10k{extra}"
    for month in ("2021-02", "2021-03", "2021-04")
    for region in ("120000", "120101", "120103", "120116")
    for extra in ("", "&cat=SJ", "&dir=X")
]


@pytest.fixture
def site(disclosure_site):
    """The constructed case, released, behind sign-in (tests/db/conftest.py)."""
    return disclosure_site.app, disclosure_site.passwords, disclosure_site.factory


def _protected_texts(factory) -> set[str]:
    """The 万美元 texts of the primary cells of 和平区 (one enterprise) the pages could show."""
    from etl.queries import disclosure as queries_disclosure

    texts = set()
    with factory() as s:
        tree = queries_disclosure.hierarchy(s)
        for release in queries_disclosure.year_releases(s, "120000", 2021):
            if release.period % 100 < 2:
                continue
            events = {
                r.period: r.data_event_id
                for r in queries_disclosure.year_releases(s, "120000", 2021)
                if r.period <= release.period
            }
            lines = queries_disclosure.released_lines(s, "120000", events)
            heping = lines[lines["region_code"] == "120101"]
            start = 202101 if release.period % 100 == 2 else release.period
            for first in (start, 202101):
                part = heping[heping["period"].between(first, release.period)]
                for cents in (
                    part["amount"].sum(),
                    part.loc[part["direction"] == "X", "amount"].sum(),
                    part.loc[part["direction"] == "M", "amount"].sum(),
                ):
                    if cents:
                        texts.add(f"{cents / 1_000_000:,.1f}万美元")
        assert s.query(m.ProtectedCell).filter(m.ProtectedCell.region == "120101").count()
    assert tree is not None
    return texts


# 和平区's own searches: where a statistician's pages show its figures (its cards, rows, trend)
HEPING_SEARCHES = [s for s in SEARCHES if "region=120101" in s]


def _responses(client, app, searches=SEARCHES) -> str:
    """Every figure-page callback over the searches, as one text."""
    out = []
    # the callbacks that draw figures from the filter state (the URL); the others answer a
    # pick within a page (a target's chart, a grid row) from state the test cannot make up
    keys = [
        k
        for k, spec in app.callback_map.items()
        if any(p in k for p in PAGES)
        and any(i["id"] in (FilterBar.URL, "_pages_location") for i in spec["inputs"])
    ]
    assert len(keys) > 10
    for search in searches:
        for key in keys:
            response = dash_call(
                client,
                app,
                key,
                {f"{FilterBar.URL}.search": search, "_pages_location.search": search},
                exact=True,
            )
            # a page that breaks on a protected figure is no protection: every call answers
            assert response.status_code in (200, 204), (search, key, response.status_code)
            # as text with the Chinese unescaped: "872.0万美元", not "872.0\\u4e07…"
            body = response.get_json(silent=True)
            out.append(json.dumps(body, ensure_ascii=False) if body is not None else "")
    return "\n".join(out)


# The protection is read by the same code on both backends; only its SQL differs. SQLite sweeps
# every search, PostgreSQL one month of them (every region and filter): 60 s less a run.
ONE_MONTH = [s for s in SEARCHES if "month=2021-03" in s]


def test_dsh001_leader_never_receives_a_protected_figure(site, disclosure_site):
    app, passwords, factory = site
    texts = _protected_texts(factory)
    assert texts
    searches = ONE_MONTH if disclosure_site.url.startswith("postgresql") else SEARCHES
    leader = _responses(signed_in(app, passwords, "lead"), app, searches)
    leaked = [t for t in texts if t in leader]
    assert leaked == []
    assert re.search(r'"C"|\bC\b', leader)  # and the protected figures read C


def test_dsh002_statistician_sees_them_and_as_leaders_see_it_hides_them(site, disclosure_site):
    app, passwords, factory = site
    texts = _protected_texts(factory)
    stat = signed_in(app, passwords, "stat")
    # 和平区's own searches suffice here (the leader's test sweeps them all): the statistician's
    # pages show the figures there, and "as leaders see it" hides them there. PostgreSQL: March.
    searches = HEPING_SEARCHES
    if disclosure_site.url.startswith("postgresql"):
        searches = [s for s in HEPING_SEARCHES if s in ONE_MONTH]
    full = _responses(stat, app, searches)
    assert any(t in full for t in texts)  # the search works: the figures are there to find
    # the session's token, from the sign-out confirmation form (any form of the session has it)
    form = stat.get("/logout").get_data(as_text=True)
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    assert (
        stat.post("/view-as", data={"csrf": token, "as": "leader", "next": "/"}).status_code == 302
    )
    as_leader = _responses(stat, app, searches)
    assert [t for t in texts if t in as_leader] == []


def test_dsh003_a_leader_token_never_returns_a_protected_figure(site, disclosure_site):
    """The API answers a leader's token as the leader's pages: 和平区 "C", in JSON and SDMX."""
    app, _, factory = site
    client = app.server.test_client()
    query = "/api/v1/totals?year=2021&month=2&by=region&region=120000"

    def get(path, token):
        response = client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_data(as_text=True)

    lead_token, stat_token = disclosure_site.tokens["lead"], disclosure_site.tokens["stat"]
    cents = _heping_cents(factory)
    lead = get(query, lead_token) + get(query + "&format=sdmx-csv", lead_token)
    assert str(cents) not in lead and '"C"' in lead and ",C," in lead
    stat = get(query, stat_token)
    assert str(cents) in stat  # the statistician's token reads the figure


def _heping_cents(factory) -> int:
    """和平区's 1–2月 2021 total in US cents (the figure a leader must not get)."""
    import sqlalchemy as sa

    with factory() as s:
        return int(
            s.scalar(
                sa.select(sa.func.sum(m.AggCell.usd_cents)).where(
                    m.AggCell.region_code == "120101", m.AggCell.period.between(202101, 202102)
                )
            )
        )
