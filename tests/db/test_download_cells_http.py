"""A leader's downloads say C where a figure is protected: never a zero or an empty cell where
the statistician's file has a figure (the constructed case, every chart's download over HTTP).

Found so far: the 供给模式 trend's file printed 0 for every protected month of a mode (a pivot's
sum), and the 服务类别 groups' file left a protected share empty.
"""

from __future__ import annotations

import pytest

from dashboard.i18n import t
from dashboard.ids import FilterBar
from etl import numbers
from tests.db.auth_helpers import signed_in
from tests.db.dash_calls import dash_call

SEARCHES = [
    f"?month={month}&region={region}&unit=usd_10k"
    for month in ("2021-03", "2021-04")
    for region in ("120000", "120101", "120103", "120116", "500000-LJ")
]
RANK_HEADERS = {t(key, "zh") for key in ("reg.col.rank", "ptn.col.rank", "sec.col.rank")}


def _stores(body: dict | None) -> dict:
    """The download payloads in a callback's response, by store id."""
    response = (body or {}).get("response", {})
    return {k: v.get("data") for k, v in response.items() if "download-data" in k and v.get("data")}


def _rows(payload: dict) -> dict:
    """Rows by their texts (a period, a name, a level): the key that survives reordering."""
    out = {}
    for row in payload["rows"]:
        key = tuple(v for v in row if isinstance(v, str) and v != numbers.CONFIDENTIAL)
        out[key] = dict(zip(payload["columns"], row))
    return out


def _download_keys(app) -> list[str]:
    return [
        k
        for k, spec in app.callback_map.items()
        if "download-data" in k
        and any(i["id"] in (FilterBar.URL, "_pages_location") for i in spec["inputs"])
    ]


def test_a_leaders_file_has_the_figure_or_c_where_the_statisticians_has_a_figure(
    disclosure_site,
):
    site = disclosure_site
    clients = {user: signed_in(site.app, site.passwords, user) for user in ("lead", "stat")}
    keys = _download_keys(site.app)
    assert len(keys) >= 8
    checked = marked = 0
    # the same code reads both backends; PostgreSQL sweeps one month (its SQL), SQLite both
    searches = SEARCHES if site.url.startswith("sqlite") else SEARCHES[len(SEARCHES) // 2 :]
    for search in searches:
        for key in keys:
            got = {}
            for user, client in clients.items():
                values = {f"{FilterBar.URL}.search": search, "_pages_location.search": search}
                response = dash_call(client, site.app, key, values, exact=True)
                assert response.status_code in (200, 204)
                got[user] = _stores(response.get_json(silent=True))
            for store, payload in got["lead"].items():
                theirs = got["stat"].get(store)
                if not theirs:
                    continue
                stat_rows = _rows(theirs)
                for row_key, row in _rows(payload).items():
                    for column, figure in (stat_rows.get(row_key) or {}).items():
                        if column in RANK_HEADERS or not isinstance(figure, (int, float)):
                            continue
                        if column not in row or figure == 0:
                            continue
                        mine = row[column]
                        where = (search, store, row_key, column, mine, figure)
                        assert mine == numbers.CONFIDENTIAL or mine == pytest.approx(figure), where
                        checked += 1
                        marked += mine == numbers.CONFIDENTIAL
    assert checked > 150 and marked > 50, (checked, marked)
