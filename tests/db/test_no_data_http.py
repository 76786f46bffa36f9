"""A view whose figures are all C has data, confidential: a leader never reads "尚无企业报送"
(no enterprise has reported) where the statistician reads figures. The Partners page said it
for 天津市's 1–3月 and 1–4月 of the constructed case, where every partner read C."""

from __future__ import annotations

import json

from dashboard.ids import FilterBar
from tests.db.auth_helpers import signed_in
from tests.db.dash_calls import dash_call

PAGES = ("overview-", "modes-", "sectors-", "regions-", "partners-")
SEARCHES = [
    f"?month={month}&region={region}&unit=usd_10k"
    for month in ("2021-02", "2021-03", "2021-04")
    for region in ("120000", "120101", "120103", "120116", "500000-LJ")
]
NO_DATA = "尚无企业报送"


def test_a_leader_reads_c_not_no_data_where_the_statistician_reads_figures(disclosure_site):
    site = disclosure_site
    clients = {user: signed_in(site.app, site.passwords, user) for user in ("lead", "stat")}
    keys = [
        k
        for k, spec in site.app.callback_map.items()
        if any(p in k for p in PAGES) and any(i["id"] == FilterBar.URL for i in spec["inputs"])
    ]
    assert len(keys) > 10
    searches = SEARCHES if site.url.startswith("sqlite") else SEARCHES[-5:]
    said = []
    for search in searches:
        for key in keys:
            text = {}
            for user, client in clients.items():
                values = {f"{FilterBar.URL}.search": search}
                response = dash_call(client, site.app, key, values, exact=True)
                assert response.status_code in (200, 204), (search, key, user)
                body = response.get_json(silent=True)
                text[user] = json.dumps(body, ensure_ascii=False) if body else ""
            if NO_DATA in text["lead"] and NO_DATA not in text["stat"]:
                said.append((search, key[:60]))
    assert said == [], "\n".join(map(str, said))
