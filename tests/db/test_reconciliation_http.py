"""对比监测 over HTTP: a statistician uploads published totals through the page's callback (the
template filled in: loaded, on the table, in the history; a bad file: the row/column table and
nothing loaded); a leader gets no upload control and a 403; the Overview shows the benchmarking
sentence under its cards when published totals rank the region, and nothing without them."""

from __future__ import annotations

import base64
import io
import json

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard.ids import FilterBar, Overview
from dashboard.ids import Reconciliation as Ids
from etl import models as m
from etl.exchange.external import template_sheets
from etl.exchange.store import load_external
from etl.intake.load import load_file
from etl.intake.read import DATA_SHEET
from etl.spreadsheet import xlsx_bytes
from tests.db.auth_helpers import app_with_accounts, signed_in
from tests.db.dash_calls import dash_call
from tests.db.helpers import NO_SUPPRESSION, release_months, write_report
from tests.db.test_reconcile import PUBLISHED, REPORTS, write

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SENTENCE = "2019年1–6月天津市服务进出口增速+10.0%，在3个地区中居第3位，高于全国5.0个百分点（商务部公布数）。"


@pytest.fixture
def site(db_url, tmp_path, session_factory):
    """Direct reports for 2018-06 and 2019-06, released; sign-in with one account per role."""
    assert load_file(session_factory, write_report(tmp_path / "r.csv", REPORTS), user="c").ok
    release_months(session_factory, rule=NO_SUPPRESSION)
    app, passwords = app_with_accounts(db_url, tmp_path / "inst", session_factory)
    app.server.test_client().get("/_dash-dependencies")
    yield app, passwords, session_factory
    app.server.config["STM"].dispose()


def _template_filled(rows: list[list[str]]) -> bytes:
    """The page's own template with rows typed into its 数据 sheet."""
    sheets = template_sheets()
    columns = list(sheets[DATA_SHEET].columns)
    sheets[DATA_SHEET] = pd.DataFrame(rows, columns=columns)
    return xlsx_bytes(sheets)


def _upload(client, app, content: bytes, filename: str, lang: str = "zh"):
    encoded = base64.b64encode(content).decode()
    values = {
        f"{Ids.UPLOAD}.contents": f"data:{XLSX};base64,{encoded}",
        f"{Ids.UPLOAD}.filename": filename,
        f"{Ids.LANG}.data": lang,
    }
    return dash_call(client, app, f"{Ids.UPLOAD_RESULT}.children", values)


def _text(response) -> str:
    return json.dumps(response.get_json()["response"], ensure_ascii=False)


def _table_rows(tree) -> list[list]:
    """The body rows of every table in a component tree, as lists of their cells' children."""
    rows = []

    def walk(node) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            props = node.get("props", {})
            if node.get("type") == "Tr":
                cells = props.get("children") or []
                if all(c.get("type") == "Td" for c in cells):
                    rows.append([c["props"].get("children") for c in cells])
                return
            walk(props.get("children"))

    walk(tree)
    return rows


def _counts(factory) -> tuple[int, int]:
    with factory() as s:
        figures = s.scalar(sa.select(sa.func.count()).select_from(m.ExternalFigure))
        batches = s.scalar(sa.select(sa.func.count()).select_from(m.ExternalBatch))
    return figures, batches


def test_a_good_file_loads_and_shows_in_the_table_and_the_history(site):
    app, passwords, factory = site
    stat = signed_in(app, passwords, "stat")
    content = _template_filled(PUBLISHED)
    response = _upload(stat, app, content, "公布数_2019H1.xlsx")
    assert response.status_code == 200
    body = response.get_json()["response"]
    text = _text(response)
    assert f"已导入“公布数_2019H1.xlsx”：{len(PUBLISHED)}项公布数" in text
    assert body[Ids.LOADED]["data"]["batch"] is not None  # refreshes the years and the history
    assert _counts(factory) == (len(PUBLISHED), 1)
    with factory() as s:
        batch = s.scalars(sa.select(m.ExternalBatch)).one()
        audit = s.scalars(sa.select(m.AuditEntry).where(m.AuditEntry.action == "external_load"))
        assert batch.loaded_by == "stat" and batch.rows == len(PUBLISHED)
        assert [a.username for a in audit] == ["stat"]
    # the reconciliation table shows the figures just loaded (as the CLI computes them)
    values = {
        f"{Ids.YEAR}.value": 2019,
        f"{Ids.MONTH}.value": 6,
        f"{Ids.LOADED}.data": body[Ids.LOADED]["data"],
        f"{Ids.LANG}.data": "zh",
    }
    table = _text(dash_call(stat, app, f"{Ids.TABLE}.children", values))
    assert "3项公布数中，1项直报覆盖率低于60%" in table and "60.0%" in table and "运输" in table
    assert "在3个地区中居第3位" in table and "NaN" not in table and "None" not in table
    refreshed = dash_call(
        stat,
        app,
        f"{Ids.HISTORY}.children",
        {f"{Ids.LOADED}.data": body[Ids.LOADED]["data"], f"{Ids.LANG}.data": "zh"},
    )
    out = refreshed.get_json()["response"]
    assert out[Ids.YEAR]["value"] == 2019 and out[Ids.RESULTS]["hidden"] is False
    [(name, by, at, figures)] = _table_rows(out[Ids.HISTORY]["children"])
    assert (name, by, figures) == ("公布数_2019H1.xlsx", "stat", len(PUBLISHED))
    assert len(at) == 16 and at.startswith("20")  # Beijing time to the minute
    # the same file again changes nothing and says so
    again = _text(_upload(stat, app, content, "公布数_2019H1.xlsx"))
    assert "此前已导入，未作任何更改" in again and _counts(factory) == (len(PUBLISHED), 1)


def test_a_bad_file_shows_its_problems_by_row_and_column_and_loads_nothing(site):
    app, passwords, factory = site
    admin = signed_in(app, passwords, "admin")
    bad = [
        PUBLISHED[0],
        ["统计局", "天津市", "2019-13", "国际收支口径", "出口", "", "1", "亿美元", ""],
        ["某机构", "天津市", "2019-06", "国际收支口径", "出口", "", "1", "亿英镑", ""],
    ]
    response = _upload(admin, app, _template_filled(bad), "错误.xlsx")
    assert response.status_code == 200
    body = response.get_json()["response"]
    assert Ids.LOADED not in body  # nothing loaded: nothing to refresh
    text = _text(response)
    assert "“错误.xlsx”有3处问题，未导入任何数据" in text
    assert Ids.PROBLEMS in text
    rows = _table_rows(body[Ids.UPLOAD_RESULT]["children"])
    assert [r[:3] for r in rows] == [
        [3, "期间", "2019-13"],
        [4, "来源", "某机构"],
        [4, "单位", "亿英镑"],
    ]
    assert rows[0][3].startswith("期间应为") and rows[1][3].startswith("无法识别的来源")
    assert _counts(factory) == (0, 0)
    english = _text(_upload(admin, app, _template_filled(bad), "bad.xlsx", "en"))
    assert "has 3 problems; nothing was loaded" in english and "Unknown source" in english
    # a file that is not a spreadsheet at all: one problem, nothing loaded
    junk = _text(_upload(admin, app, b"not a workbook", "junk.xlsx"))
    assert "有1处问题" in junk and _counts(factory) == (0, 0)


def test_a_leader_has_no_upload_control_and_is_refused(site):
    app, passwords, factory = site
    lead = signed_in(app, passwords, "lead")
    page = _text(
        dash_call(
            lead,
            app,
            "_pages_content.children",
            {"_pages_location.pathname": "/reconciliation", "_pages_location.search": ""},
        )
    )
    assert "access-denied" in page and f'"id": "{Ids.UPLOAD}"' not in page
    assert _upload(lead, app, _template_filled(PUBLISHED), "x.xlsx").status_code == 403
    assert lead.get("/reconciliation/template.xlsx").status_code == 403
    assert _counts(factory) == (0, 0)
    stat = signed_in(app, passwords, "stat")
    page = _text(
        dash_call(
            stat,
            app,
            "_pages_content.children",
            {"_pages_location.pathname": "/reconciliation", "_pages_location.search": ""},
        )
    )
    assert f'"id": "{Ids.UPLOAD}"' in page and '"href": "/reconciliation/template.xlsx"' in page


def test_the_template_has_the_columns_the_loader_expects(site):
    app, passwords, _ = site
    response = signed_in(app, passwords, "stat").get("/reconciliation/template.xlsx")
    assert response.status_code == 200 and response.mimetype == XLSX
    sheets = pd.read_excel(io.BytesIO(response.data), sheet_name=None)
    assert list(sheets[DATA_SHEET].columns) == [
        "来源",
        "地区",
        "期间",
        "口径",
        "方向",
        "服务类别",
        "金额",
        "单位",
        "同比%",
    ]
    assert sheets[DATA_SHEET].empty  # examples only on the notes sheet: loading it loads nothing


def _overview(client, app, search: str = "?month=2019-06"):
    response = dash_call(
        client, app, f"{Overview.BENCHMARK}.children", {f"{FilterBar.URL}.search": search}
    )
    assert response.status_code == 200
    return response.get_json()["response"][Overview.BENCHMARK]["children"]


def test_overview_shows_the_benchmark_sentence_to_every_role(site, tmp_path):
    app, passwords, factory = site
    for user in ("lead", "stat"):
        assert _overview(signed_in(app, passwords, user), app) is None  # nothing: no box
    assert load_external(factory, write(tmp_path / "pub.csv", PUBLISHED), "stat").status == (
        "loaded"
    )
    for user in ("lead", "stat", "clerk"):
        line = _overview(signed_in(app, passwords, user), app)
        assert line["props"]["children"] == SENTENCE, user
        assert line["props"]["className"] == "stm-benchmark-line"
    english = _overview(signed_in(app, passwords, "lead"), app, "?month=2019-06&lang=en")
    assert "rank 3 of 3; 5.0 points above the nation" in english["props"]["children"]
    # a district the file does not rank: nothing
    assert _overview(signed_in(app, passwords, "stat"), app, "?month=2019-06&region=120116") is None


def test_the_cli_writes_the_same_template_and_a_filled_one_loads(settings, tmp_path, capsys):
    from etl.cli.main import main

    out = tmp_path / "公布数模板.xlsx"
    assert main(["external", "template", "--out", str(out)], settings) == 0
    sheets = pd.read_excel(out, sheet_name=None, dtype=str)
    assert list(sheets) == list(template_sheets())
    assert list(sheets[DATA_SHEET].columns) == list(template_sheets()[DATA_SHEET].columns)
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(_template_filled(PUBLISHED[:3]))
    assert main(["external", "load", str(filled)], settings) == 0
    assert "loaded 3 published figures" in capsys.readouterr().out
