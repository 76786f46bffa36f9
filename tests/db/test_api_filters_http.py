"""The API takes the pages' URL filters (cat, mode, dir, partner, scope, unit/currency, month, year,
from/to, region): a filtered answer is the figure the page's data function gives for the same
URL and the sum of the constructed rows it selects; a value the pages would drop is a 400 naming
the parameter; a leader's token still reads protected cells as C under a filter."""

from __future__ import annotations

import io
from decimal import Decimal

import pandas as pd
import pytest

from dashboard import create_app, data
from dashboard.filter_state import from_query
from dashboard.pages.regions import data as regions_data
from etl import accounts
from etl.exchange.tokens import create_token
from etl.intake.load import load_file
from etl.settings import Settings
from tests.conftest import BACKENDS
from tests.db.helpers import NO_SUPPRESSION, line, release_months, write_report

BINHAI = ("滨海新区", "120116")
HEPING = ("和平区", "120101")
HEXI = ("河西区", "120103")
WAN = 1_000_000  # US cents in 1 万美元

# (enterprise, month, direction, category, mode, partner, 万美元, region)
ROWS = [
    (1, "2019-06", "出口", "SC", 1, "US", 100, BINHAI),
    (1, "2019-06", "出口", "SC", 2, "US", 40, BINHAI),
    (2, "2019-06", "进口", "SJ", 1, "DE", 70, BINHAI),
    (3, "2019-06", "出口", "SC1", 1, "DE", 30, HEPING),  # a sub-item of SC
    (3, "2019-06", "出口", "SJ", 4, "US", 20, HEPING),
    (4, "2019-05", "进口", "SC", 1, "JP", 25, HEXI),
    (4, "2019-06", "出口", "SC", 3, "US", 500, HEXI),  # mode 3: counted only under 全口径
    (1, "2018-06", "出口", "SC", 1, "US", 80, BINHAI),
    (3, "2018-06", "出口", "SC1", 1, "DE", 10, HEPING),
    (2, "2018-06", "进口", "SJ", 1, "DE", 50, BINHAI),
]


def _sum(rows=ROWS, year=2019, **where) -> int:
    """US cents of the constructed rows in 1–6月 of a year matching every condition given."""
    out = 0
    for ent, month, direction, cat, mode, partner, amount, region in rows:
        if not (f"{year}-01" <= month <= f"{year}-06"):
            continue
        row = {
            "dir": {"出口": "X", "进口": "M"}[direction],
            "main": cat[:2],
            "mode": mode,
            "partner": partner,
            "region": region[1],
        }
        if all(
            row[k] in v if isinstance(v, (set, tuple)) else row[k] == v for k, v in where.items()
        ):
            out += amount * WAN
    return out


def _filter_data(session_factory, workdir) -> dict[str, str]:
    """The constructed rows, all months released; a statistician and a leader with tokens
    (built once per backend: tests get copies)."""
    rows = [
        line(e, m, d, c, mode, p, str(a), region=r[0], area=r[1])
        for e, m, d, c, mode, p, a, r in ROWS
    ]
    assert load_file(session_factory, write_report(workdir / "f.csv", rows), user="c").ok
    release_months(session_factory, rule=NO_SUPPRESSION)
    with session_factory.begin() as s:
        accounts.add_user(s, "stat", "statistician")
        accounts.add_user(s, "lead", "leader")
        return {n: create_token(s, n, 30)[0] for n in ("stat", "lead")}


@pytest.fixture(params=BACKENDS)
def prepared_filters(request, prepared, tmp_path):
    """(database URL, tokens): a copy of the filters' database."""
    return prepared.copy(_filter_data, request.param, tmp_path)


@pytest.fixture
def api(prepared_filters, tmp_path):
    """Tokens for a statistician and a leader over the constructed rows, all months released."""
    db_url, tokens = prepared_filters
    app = create_app(Settings(instance_path=tmp_path / "inst", database_url=db_url, secret_key="t"))
    yield app, dict(tokens)
    app.server.config["STM"].dispose()


def get(app, path, token, **params):
    client = app.server.test_client()
    return client.get(
        f"/api/v1{path}", headers={"Authorization": f"Bearer {token}"}, query_string=params
    )


def rows_of(body) -> dict:
    return {r["code"]: r for r in body["rows"]}


def test_regions_with_category_and_mode_is_the_regions_page_figure(api):
    app, tokens = api
    query = {"month": "2019-06", "region": "120000", "cat": "SC", "mode": "1"}
    body = get(app, "/regions", tokens["stat"], **query).get_json()
    rows = rows_of(body)
    # by hand: SC (its sub-item SC1 included), mode 1 only, both directions, 1–6月 2019
    for code in ("120116", "120101", "120103"):
        assert rows[code]["current"] == _sum(main="SC", mode=1, region=code), code
        assert rows[code]["previous"] == _sum(year=2018, main="SC", mode=1, region=code), code
    assert rows["TOTAL"]["current"] == _sum(main="SC", mode=1) == 155 * WAN
    # the Regions page's data function, for the same URL
    with app.server.test_request_context():
        page = regions_data.region_breakdown.uncached(
            from_query("?" + "&".join(f"{k}={v}" for k, v in query.items()))
        )
    page_rows = dict(zip(page.rows["code"].astype(str), page.rows["current"]))
    for code in ("120116", "120101", "120103"):
        assert int(page_rows[code]) == rows[code]["current"]
    meta = body["meta"]
    assert meta["categories"] == ["SC"] and meta["modes"] == [1] and meta["region"] == "120000"
    assert meta["units"]["currency"] == "USD" and meta["units"]["scope"] == "bop"
    assert meta["window"] == {"from": "2019-01", "to": "2019-06"}


def test_modes_categories_partners_and_totals_follow_the_filter(api):
    app, tokens = api
    stat = tokens["stat"]
    modes = rows_of(get(app, "/modes", stat, month="2019-06", cat="SC", dir="X").get_json())
    assert modes["1"]["current"] == _sum(main="SC", mode=1, dir="X") == 130 * WAN
    assert modes["2"]["current"] == 40 * WAN
    assert modes["3"]["current"] == 500 * WAN  # beside the BOP total, never in it
    assert modes["TOTAL"]["current"] == _sum(main="SC", mode={1, 2, 4}, dir="X")
    cats = get(app, "/categories", stat, month="2019-06", mode="1", region="120116").get_json()
    rows = rows_of(cats)
    assert rows["SC"]["current"] == _sum(main="SC", mode=1, region="120116") == 100 * WAN
    assert rows["SJ"]["current"] == _sum(main="SJ", mode=1, region="120116") == 70 * WAN
    assert {g["code"] for g in cats["groups"]} >= {"group:KIS"}
    partners = rows_of(get(app, "/partners", stat, month="2019-06", cat="SC", mode="1").get_json())
    assert partners["DE"]["current"] == _sum(main="SC", mode=1, partner="DE") == 30 * WAN
    assert partners["US"]["current"] == 100 * WAN
    # 全口径 with mode 3 chosen, a partner, CNY: only the row the filter selects
    full = get(
        app, "/totals", stat, year="2019", month="6", scope="full", mode="3", partner="US"
    ).get_json()
    assert full["rows"][0]["current"] == _sum(mode=3, partner="US") == 500 * WAN
    assert full["meta"]["partners"] == ["US"] and full["meta"]["units"]["scope"] == "full"
    cny = get(app, "/totals", stat, month="2019-06", cat="SJ", unit="cny_100m").get_json()
    assert cny["meta"]["units"]["currency"] == "CNY" and "fen" in cny["meta"]["units"]["amounts"]
    assert cny["rows"][0]["current"] > _sum(main="SJ")  # fen: about seven times the cents
    # a range window (from/to), as the pages take it
    ranged = get(app, "/totals", stat, **{"from": "2019-05", "to": "2019-06", "cat": "SC"})
    body = ranged.get_json()
    assert body["meta"]["window"] == {"from": "2019-05", "to": "2019-06"}
    assert body["rows"][0]["current"] == _sum(main="SC", mode={1, 2, 4})


def test_series_with_category_mode_and_partner_is_the_trend_chart(api):
    app, tokens = api
    body = get(app, "/series", tokens["stat"], month="2019-06", cat="SC", mode="1").get_json()
    june = next(r for r in body["rows"] if r["period"] == "2019-06")
    assert june["amount"] == 130 * WAN  # 100 (滨海) + 30 (和平, SC1)
    with app.server.test_request_context():
        _, frame, _ = data.monthly_trend.uncached(from_query("?month=2019-06&cat=SC&mode=1"))
    assert int(frame.loc[frame["period"] == 201906, "amount"].iloc[0]) == june["amount"]
    by_partner = get(app, "/series", tokens["stat"], month="2019-06", partner="DE").get_json()
    june = next(r for r in by_partner["rows"] if r["period"] == "2019-06")
    assert june["amount"] == 100 * WAN  # 70 SJ imports + 30 SC1 exports from DE
    sdmx = get(
        app, "/regions", tokens["stat"], month="2019-06", cat="SC", mode="1", format="sdmx-csv"
    )
    frame = pd.read_csv(io.BytesIO(sdmx.data), encoding="utf-8-sig", dtype=str)
    assert set(frame["SERVICE"]) == {"SC"} and set(frame["MODE"]) == {"1"}


BAD = [
    ({"cat": "XX"}, "cat", "cat must be"),
    ({"cat": "SA999"}, "cat", "unknown category SA999"),
    ({"cat": "group:NOPE"}, "cat", "unknown category group:NOPE"),
    ({"mode": "5"}, "mode", "mode must be"),
    ({"mode": "3"}, "mode", "scope=full"),
    ({"dir": "sideways"}, "dir", "dir must be"),
    ({"unit": "gold"}, "unit", "unit must be"),
    ({"scope": "half"}, "scope", "scope must be"),
    ({"month": "2019-13"}, "month", "YYYY-MM"),
    ({"month": "6"}, "month", "needs year"),
    ({"from": "2019-06"}, "to", "together"),
    ({"from": "2019-06", "to": "2019-01"}, "from", "after"),
    ({"region": "999999"}, "region", "unknown region"),
    ({"partner": "XQ"}, "partner", "unknown partner"),
    ({"partner": "U$"}, "partner", "partner must be"),
    ({"currency": "EUR"}, "currency", "USD or CNY"),
    ({"currency": "USD", "unit": "cny_100m"}, "currency", "disagree"),
]


@pytest.mark.parametrize("params,name,words", BAD)
def test_an_invalid_filter_is_a_400_naming_it(api, params, name, words):
    app, tokens = api
    for path in ("/regions", "/series"):
        response = get(app, path, tokens["stat"], **params)
        body = response.get_json()
        assert response.status_code == 400, (path, body)
        assert body["parameter"] == name and words in body["message"], (path, body)


@pytest.fixture
def case_site(disclosure_site):
    """An app over a copy of the constructed case, and the tokens (tests/db/conftest.py)."""
    return disclosure_site.app, disclosure_site.tokens


def test_a_leader_token_reads_protected_cells_as_c_under_a_filter(case_site):
    app, tokens = case_site
    query = {"month": "2021-02", "region": "120000", "cat": "SJ"}
    lead = rows_of(get(app, "/regions", tokens["lead"], **query).get_json())
    stat = rows_of(get(app, "/regions", tokens["stat"], **query).get_json())
    heping = stat["120101"]["current"]
    assert heping > 0  # 和平区's one enterprise trades SJ: the statistician reads it
    assert lead["120101"]["status"] == "C" and lead["120101"]["current"] is None
    for fmt in ("json", "csv", "sdmx-csv"):
        text = get(app, "/regions", tokens["lead"], format=fmt, **query).get_data(as_text=True)
        assert str(heping) not in text and f"{heping / 100:.2f}" not in text, fmt
    # cell by cell (SDMX: one observation each), the city's SJ trade in 1–2月 is published
    # under the same filter while 和平区's reads C (so do the other districts': the relation rule
    # alone left cells of this month exactly recoverable, and the release-time audit hid more)
    sdmx = get(app, "/regions", tokens["lead"], format="sdmx-csv", **query)
    frame = pd.read_csv(
        io.BytesIO(sdmx.data), encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    now = frame[frame["TIME_PERIOD"] == "2021-01-01/P2M"].set_index("REF_AREA")
    assert set(frame["SERVICE"]) == {"SJ"} and set(frame["FLOW"]) == {"XM"}
    assert now.loc["120101", "OBS_STATUS"] == "C" and now.loc["120101", "OBS_VALUE"] == ""
    assert now.loc["120000", "OBS_STATUS"] == "A"
    assert Decimal(now.loc["120000", "OBS_VALUE"]) == Decimal(stat["TOTAL"]["current"]) / 100
    assert (now["OBS_STATUS"] == "C").sum() >= 2  # never one hidden district under a total
