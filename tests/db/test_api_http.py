"""The read-only API over HTTP: bearer tokens (401 without, expired, revoked), a leader's token
reads released months only and a statistician's sees unreleased ones, SDMX-CSV parses, every
request is audited, the rate limit answers 429."""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard import create_app
from dashboard.api.endpoints import ROUTES
from etl import accounts
from etl import models as m
from etl.exchange.tokens import create_token, revoke_token
from etl.intake.load import load_file
from etl.settings import Settings
from tests.conftest import BACKENDS
from tests.db.helpers import NO_SUPPRESSION, line, release_months, write_report

BASE = [
    line(1, "2018-06", "出口", "SC", 1, "US", "40000"),
    line(1, "2019-05", "出口", "SC", 1, "US", "50000"),
    line(1, "2019-06", "出口", "SC", 1, "US", "100000"),
    line(2, "2019-06", "进口", "SJ", 1, "DE", "23500"),
]
JULY = [line(1, "2019-07", "出口", "SC", 1, "US", "777")]  # unreleased: 777,000,000 US cents
ENDPOINTS = [f"/api/v1{p}" for p in ROUTES]


def _api_data(session_factory, workdir) -> dict[str, str]:
    """A leader and a statistician with tokens, 2018-06..2019-06 released and July 2019 loaded
    but not released (built once per backend: tests get copies)."""
    with session_factory.begin() as s:
        for name, role in (("lead", "leader"), ("stat", "statistician")):
            accounts.add_user(s, name, role)
    assert load_file(session_factory, write_report(workdir / "b.csv", BASE), user="c").ok
    release_months(session_factory, rule=NO_SUPPRESSION)  # API mechanics, two enterprises
    assert load_file(session_factory, write_report(workdir / "j.csv", JULY), user="c").ok
    with session_factory.begin() as s:
        return {name: create_token(s, name, 30)[0] for name in ("lead", "stat")}


@pytest.fixture(params=BACKENDS)
def prepared_api(request, prepared, tmp_path):
    """(database URL, tokens): a copy of the API's database."""
    return prepared.copy(_api_data, request.param, tmp_path)


@pytest.fixture
def db_url(prepared_api) -> str:
    """This module's tests run on copies of the API's database."""
    return prepared_api[0]


@pytest.fixture
def api(prepared_api, tmp_path, session_factory):
    """An app with sign-in over a copy of the API's database, and the tokens."""
    db_url, tokens = prepared_api
    settings = Settings(
        instance_path=tmp_path / "inst", database_url=db_url, secret_key="t", api_rate_per_minute=50
    )
    app = create_app(settings)
    yield app.server.test_client(), dict(tokens), session_factory
    app.server.config["STM"].dispose()


def get(client, path, token=None, **params):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(path, headers=headers, query_string=params)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_every_endpoint_refuses_without_a_valid_token(api, path):
    client, tokens, factory = api
    assert get(client, path).status_code == 401
    assert get(client, path, "stm_not-a-token").status_code == 401
    assert client.get(path, headers={"Authorization": "Basic abc"}).status_code == 401
    assert get(client, path, tokens["lead"]).status_code == 200
    with factory.begin() as s:
        expired, row = create_token(
            s, "lead", 1, now=dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2)
        )
        revoked, row2 = create_token(s, "lead", 5)
        revoke_token(s, row2.id)
    for token in (expired, revoked):
        response = get(client, path, token)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_disabled_user_token_stops_working(api):
    client, tokens, factory = api
    with factory.begin() as s:
        accounts.set_active(s, "lead", False, "admin")
    assert get(client, "/api/v1/totals", tokens["lead"]).get_json()["reason"] == "disabled"


def test_leader_reads_released_months_only_statistician_sees_july(api):
    client, tokens, _ = api
    lead = get(client, "/api/v1/totals", tokens["lead"], year=2019).get_json()
    assert lead["meta"]["window"] == {"from": "2019-01", "to": "2019-06"}
    assert lead["rows"][0]["current"] == 173_500_000_000  # 50000 + 100000 + 23500 万美元, in cents
    # an explicit later month is cut to the latest released one
    asked = get(client, "/api/v1/totals", tokens["lead"], year=2019, month=7).get_json()
    assert asked["meta"]["window"]["to"] == "2019-06"
    assert asked["meta"]["release"]["period"] == 201906
    stat = get(client, "/api/v1/totals", tokens["stat"], year=2019, month=7).get_json()
    assert stat["meta"]["window"]["to"] == "2019-07"
    assert stat["rows"][0]["current"] == 173_500_000_000 + 777_000_000
    assert "2019-07" in stat["meta"]["unreleased_months"]
    assert "2019-06" not in stat["meta"]["unreleased_months"]
    assert stat["meta"]["release"] is None
    # and no leader answer ever carries July's amount
    for path in ENDPOINTS:
        for fmt in ("json", "csv", "sdmx-csv"):
            body = get(client, path, tokens["lead"], format=fmt, month="2019-07").get_data(
                as_text=True
            )
            assert "777000000" not in body and "7770000" not in body, (path, fmt)
            assert "2019-07" not in body and "201907" not in body, (path, fmt)


def test_units_are_explicit(api):
    client, tokens, _ = api
    body = get(
        client, "/api/v1/totals", tokens["stat"], year=2019, month=6, currency="CNY", scope="full"
    ).get_json()
    units = body["meta"]["units"]
    assert units["currency"] == "CNY" and "fen" in units["amounts"] and units["scope"] == "full"
    assert units["scope_zh"].startswith("全口径")
    row = body["rows"][0]
    assert row["current_100m"] is not None and "." in row["current_100m"]


def test_totals_answers_what_etl_summary_answers(api, capsys):
    from etl.cli.main import main

    client, tokens, factory = api
    url = str(factory.kw["bind"].url.render_as_string(hide_password=False))
    settings = Settings(database_url=url)
    assert (
        main(
            ["summary", "--year", "2019", "--month", "6", "--by", "category", "--format", "json"],
            settings,
        )
        == 0
    )
    cli = json.loads(capsys.readouterr().out)
    api_rows = get(
        client, "/api/v1/totals", tokens["stat"], year=2019, month=6, by="category"
    ).get_json()["rows"]
    assert [(r["code"], r["current"], r["previous"]) for r in api_rows] == [
        (r["code"], r["current_usd_minor"], r["previous_usd_minor"]) for r in cli["rows"]
    ]


def test_categories_carry_groups_and_modes_keep_mode3_apart(api):
    client, tokens, _ = api
    body = get(client, "/api/v1/categories", tokens["stat"], year=2019, month=6).get_json()
    assert {g["code"] for g in body["groups"]} == {
        "group:KIS",
        "group:TJ_PILLAR",
        "group:TJ_EMERGING",
    }
    codes = {r["code"] for r in body["rows"]}
    assert {"TOTAL", "SC", "SJ"} <= codes


def test_sdmx_csv_parses_with_the_standard_columns(api):
    client, tokens, _ = api
    response = get(client, "/api/v1/totals", tokens["lead"], year=2019, month=6, format="sdmx-csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/vnd.sdmx.data+csv")
    frame = pd.read_csv(
        io.BytesIO(response.data), encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    for column in (
        "DATAFLOW",
        "FREQ",
        "REF_AREA",
        "FLOW",
        "TIME_PERIOD",
        "OBS_VALUE",
        "OBS_STATUS",
        "UNIT_MEASURE",
    ):
        assert column in frame.columns
    assert set(frame["DATAFLOW"]) == {"STM:DF_STM_TOTALS(2019.6.0)"}  # first release: revision 0
    total = frame[(frame["FLOW"] == "XM") & (frame["TIME_PERIOD"] == "2019-01-01/P6M")]
    assert total["OBS_VALUE"].tolist()[0] == "1735000000"  # USD, exact, UNIT_MULT 0
    assert set(frame["UNIT_MEASURE"]) == {"USD"} and set(frame["OBS_STATUS"]) == {"A"}
    series = get(client, "/api/v1/series", tokens["lead"], month="2019-06", format="sdmx-csv")
    assert (
        pd.read_csv(io.BytesIO(series.data), encoding="utf-8-sig")["TIME_PERIOD"].iloc[-1]
        == "2019-06"
    )


def test_csv_and_xlsx(api):
    client, tokens, _ = api
    csv = get(client, "/api/v1/regions", tokens["stat"], year=2019, month=6, format="csv")
    frame = pd.read_csv(io.BytesIO(csv.data), encoding="utf-8-sig")
    assert {"currency", "unit", "scope", "code", "current"} <= set(frame.columns)
    xlsx = get(client, "/api/v1/partners", tokens["stat"], year=2019, month=6, format="xlsx")
    assert pd.read_excel(io.BytesIO(xlsx.data))["code"].tolist()[0] == "TOTAL"


def test_bad_parameters_are_400_naming_them(api):
    client, tokens, _ = api
    for params, name in (
        ({"month": "13", "year": "2019"}, "month"),
        ({"by": "x"}, "by"),
        ({"format": "pdf"}, "format"),
        ({"region": "x;y"}, "region"),
    ):
        response = get(client, "/api/v1/totals", tokens["stat"], **params)
        assert response.status_code == 400 and response.get_json()["parameter"] == name
    assert get(client, "/api/v1/nothing", tokens["stat"]).status_code == 404
    assert get(client, "/api/v1/nothing").status_code == 401


def test_every_request_is_audited_and_rate_limited(api, monkeypatch):
    client, tokens, factory = api
    # the window is a calendar minute: hold the clock inside one, or 55 requests may straddle two
    held = dt.datetime(2026, 1, 5, 9, 30, 10, tzinfo=dt.timezone.utc)
    monkeypatch.setattr("dashboard.api.gate._now", lambda: held)
    get(client, "/api/v1/totals")
    get(client, "/api/v1/releases", tokens["lead"])
    with factory() as s:
        entries = s.scalars(
            sa.select(m.AuditEntry).where(m.AuditEntry.action == "api_request")
        ).all()
        details = [(e.username, json.loads(e.detail)) for e in entries]
        token = s.scalar(sa.select(m.ApiToken).where(m.ApiToken.prefix == tokens["lead"][:12]))
        assert token.last_used_at is not None
    assert ("(api)", 401) in [(u, d["status"]) for u, d in details]
    assert ("lead", 200) in [(u, d["status"]) for u, d in details]
    responses = [get(client, "/api/v1/releases", tokens["lead"]) for _ in range(55)]
    codes = [r.status_code for r in responses]
    # one request with this token came before these (the other had none); 50 a minute pass
    assert codes[:49] == [200] * 49 and codes[49:] == [429] * 6
    assert responses[-1].headers["Retry-After"] == "50"


def test_openapi_is_public_and_lists_every_route(api):
    client, _, _ = api
    spec = client.get("/api/v1/openapi.json").get_json()
    assert set(spec["paths"]) == set(ENDPOINTS)


def test_protected_cells_leave_as_c_in_every_format(api, monkeypatch):
    """Disclosure (#16) marks protected rows NA + status C in summary_frame: the API serves C."""
    import etl.summary

    real = etl.summary.summary_frame

    def protected(*args, **kwargs):
        frame = real(*args, **kwargs)
        frame["status"] = ""
        # SJ is one enterprise's figure; so is every group total here (the groups hold SC or SJ)
        secret = (frame["code"] == "SJ") | bool(kwargs.get("categories"))
        frame["current"] = frame["current"].astype("Int64")
        frame.loc[secret, ["current", "previous"]] = pd.NA
        frame.loc[secret, ["growth", "share"]] = float("nan")
        frame.loc[secret, "status"] = "C"
        return frame

    monkeypatch.setattr(etl.summary, "summary_frame", protected)
    client, tokens, _ = api
    params = {"year": 2019, "month": 6, "by": "category"}
    body = get(client, "/api/v1/totals", tokens["lead"], **params).get_json()
    rows = body["rows"]
    assert all(g["status"] == "C" and g["current"] is None for g in body["groups"])
    sj = next(r for r in rows if r["code"] == "SJ")
    assert sj["status"] == "C" and sj["current"] is None and sj["current_100m"] is None
    assert sj["growth"] is None and sj["share"] is None
    sdmx = get(client, "/api/v1/totals", tokens["lead"], format="sdmx-csv", **params)
    frame = pd.read_csv(
        io.BytesIO(sdmx.data), encoding="utf-8-sig", dtype=str, keep_default_na=False
    )
    cells = frame[frame["SERVICE"] == "SJ"]
    assert set(cells["OBS_STATUS"]) == {"C"} and set(cells["OBS_VALUE"]) == {""}
    flat = get(client, "/api/v1/totals", tokens["lead"], format="csv", **params)
    table = pd.read_csv(io.BytesIO(flat.data), encoding="utf-8-sig", dtype=str)
    assert table.loc[table["code"] == "SJ", ["current", "previous", "status"]].values.tolist() == [
        ["C", "C", "C"]
    ]
    for fmt in ("json", "csv", "sdmx-csv"):  # SJ's 23500 万美元 appears nowhere
        body = get(client, "/api/v1/totals", tokens["lead"], format=fmt, **params).get_data(True)
        assert "23500000000" not in body and "235000000.00" not in body and "2.3500" not in body
