"""Coverage on small frames (statuses, per-region rows) and the 报送情况 / register view parts."""

from __future__ import annotations

import base64
import datetime as dt

import pandas as pd
import pytest

from dashboard import coverage_line
from dashboard.pages.coverage import register_views as rv
from dashboard.pages.coverage import views as cv
from etl.coverage.compute import assemble_coverage, deadline_for
from etl.coverage.register import RegisterCheck
from etl.evaluation.districts import TOTAL

UTC = dt.timezone.utc
REGIONS = pd.DataFrame(
    {
        "code": ["120000", "120101", "120116", "120116-TEDA"],
        "parent_code": [None, "120000", "120000", "120116"],
    }
)


def members(*rows) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "uscc": u,
                "name": f"企业{u}",
                "region_code": r,
                "sector": None,
                "contact_person": "王",
                "contact_phone": None,
            }
            for u, r in rows
        ]
    )


@pytest.fixture
def covered():
    """A on time in TEDA, B late in 滨海新区 itself, C missing in 和平区, D missing at the city;
    the deadline is the end of 10 July in Beijing (15:59:59 UTC)."""
    arrivals = pd.DataFrame(
        {
            "uscc": ["A", "B"],
            "first_loaded_at": [
                dt.datetime(2019, 7, 10, 15, 59, tzinfo=UTC),
                dt.datetime(2019, 7, 10, 16, 30, tzinfo=UTC),
            ],
        }
    )
    prior = pd.DataFrame(
        {
            "uscc": ["A", "B", "C", "X"],
            "region_code": ["120116-TEDA", "120116", "120101", "120101"],
            "amount": [100, 300, 200, 400],
        }
    )
    return assemble_coverage(
        members(("A", "120116-TEDA"), ("B", "120116"), ("C", "120101"), ("D", "120000")),
        arrivals,
        prior,
        REGIONS,
        "120000",
        201906,
        deadline_for(201906),
    )


def test_statuses_and_rows_per_child(covered) -> None:
    """The deadline day counts as on time; children roll up; 本级 and the total come last."""
    assert dict(zip(covered.status["uscc"], covered.status["status"])) == {
        "A": "on_time",
        "B": "late",
        "C": "missing",
        "D": "missing",
    }
    rows = covered.rows.set_index("code")
    assert list(rows.index) == ["120101", "120116", "120000", TOTAL]
    assert rows.loc["120116", ["expected", "on_time", "late"]].tolist() == [2, 1, 1]
    assert rows.loc["120101", "missing_share_of_prior_year"] == pytest.approx(200 / 600)
    assert pd.isna(rows.loc["120000", "missing_share_of_prior_year"])  # no trade at the city
    assert covered.total["missing_share_of_prior_year"] == pytest.approx(200 / 1000)
    assert covered.total == {**covered.total, "expected": 4, "reported": 2, "reported_share": 0.5}


def test_sentence_and_empty_register() -> None:
    """The line the Overview shows, and words when nobody is expected."""
    total = {
        "expected": 200,
        "reported": 174,
        "reported_share": 0.87,
        "missing_share_of_prior_year": 0.062,
    }
    assert coverage_line.sentence(total, 201906, "天津市", "zh") == (
        "2019年6月已报送 87.0% 重点企业（174/200），缺报企业上年贸易额占 6.2%"
    )
    assert "174/200" in coverage_line.sentence(total, 201906, "Tianjin", "en")
    assert coverage_line.sentence({"expected": 0}, 201906, "天津市", "zh").startswith(
        "2019年6月天津市没有"
    )
    assert coverage_line.coverage_line(None, None, "120000", "天津市", "zh", True) is None


def test_region_grid_and_chase_list(covered) -> None:
    """Names not codes; regions without members left out; missing before late; Beijing time."""
    names = {"120101": "和平区", "120116": "滨海新区", "120000": "天津市"}
    rows, pinned = cv.region_rows(covered, names, "zh")
    assert [r["region"] for r in rows] == ["和平区", "滨海新区", "天津市本级"]
    assert pinned[0]["region"] == "合计" and pinned[0]["reported_share_text"] == "50.0%"
    chase = cv.chase_rows(covered, names, "zh")
    assert [(r["uscc"], r["status"]) for r in chase] == [
        ("C", "未报"),
        ("D", "未报"),
        ("B", "迟报"),
    ]
    assert chase[2]["arrived"] == "2019-07-11 00:30" and chase[0]["arrived"] == ""
    table = cv.chase_table(chase, "zh")
    assert list(table.columns)[:2] == ["企业名称", "统一社会信用代码"] and len(table) == 3
    assert cv.beijing_time(pd.Timestamp("2019-07-10 20:00")) == "2019-07-11 04:00"


def test_region_options_indent_below_the_top_shown() -> None:
    """A clerk's list starts at their region, unindented; levels below are indented."""
    regions = pd.DataFrame(
        {
            "code": ["120116", "120116-TEDA"],
            "name_zh": ["滨海新区", "开发区"],
            "name_en": ["Binhai", ""],
            "depth": [1, 2],
        }
    )
    assert [o["label"] for o in cv.region_options(regions, "zh")] == ["滨海新区", "\u3000开发区"]
    assert cv.region_options(regions, "en")[1]["label"] == "\u3000开发区"


def test_upload_decoding_and_check_results() -> None:
    """Upload values decode; junk is None; problems become a table in the page's language."""
    assert rv.decode_upload("data:text/csv;base64," + base64.b64encode(b"a,b").decode()) == b"a,b"
    assert rv.decode_upload("data:text/csv;base64,@@@") is None and rv.decode_upload(None) is None
    bad = RegisterCheck(problems=[(3, "所属地区", "火星", "无法识别的所属地区", "unknown region")])
    cells = [c.children for c in bad_table_row(rv.check_result(bad, "ok", "en"))]
    assert cells == [3, "所属地区", "火星", "unknown region"]
    assert rv.check_result(RegisterCheck(), "已导入", "zh").color == "success"


def bad_table_row(alert):
    table = alert.children[1]
    return table.children[1].children[0].children


def test_form_history_and_candidates() -> None:
    """Form values by key; history in words with Beijing time; candidates in 万美元."""
    form = rv.form_values([" 9112 ", "名", "120116", None, "", "", "2019-06"])
    assert form["uscc"] == "9112" and form["sector"] is None and form["since"] == "2019-06"
    history = pd.DataFrame(
        {
            "id": [1],
            "at": [dt.datetime(2019, 7, 1, 1, tzinfo=UTC)],
            "actor": ["stat"],
            "action": ["remove"],
            "uscc": ["A"],
            "name": ["企业A"],
            "detail": ['{"uscc": "A", "until": "2019-05"}'],
        }
    )
    row = rv.history_rows(history, "zh")[0]
    assert (row["at"], row["action"], row["detail"]) == (
        "2019-07-01 09:00",
        "移出",
        "截止月份：2019-05",
    )
    regions = pd.DataFrame({"code": ["120116"], "name_zh": ["滨海新区"], "name_en": [None]})
    cands = pd.DataFrame(
        {
            "uscc": ["A"],
            "name": ["企业A"],
            "region_code": ["120116"],
            "months": [3],
            "last_period": [201906],
            "amount": [123_456_00],
        }
    )
    row = rv.candidate_rows(cands, regions, "zh")[0]
    assert (row["region"], row["last"], row["amount_text"]) == ("滨海新区", "2019年6月", "12.3")
    entries = pd.DataFrame({"uscc": ["A", "B"], "name": ["甲", "乙"], "until": [None, 201905]})
    assert rv.member_options(entries) == [{"label": "甲（A）", "value": "A"}]
