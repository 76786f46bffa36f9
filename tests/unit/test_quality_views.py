"""The 数据质量 page's pure parts: rules and numbers in words (zh/en), grid rows, export, times."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard.pages.quality import views as qv
from etl.quality.rules import RULES
from etl.quality.thresholds import QualityThresholds

TH = QualityThresholds()
DETAILS = {
    "jump": {
        "z": 11.37,
        "total_usd_cents": 500_000_000,
        "median_usd_cents": 100_000_000,
        "prior_months": 12,
        "direction": "up",
    },
    "annual_share": {
        "share": 0.6032,
        "total_usd_cents": 76_000_000,
        "months": 6,
        "year": 2019,
        "year_total_usd_cents": 126_000_000,
    },
    "new_partner": {
        "partners": [{"partner": "JP", "usd_cents": 130_000_000, "share": 0.52}],
        "month_exports_usd_cents": 250_000_000,
        "prior_months": 6,
    },
    "repeated": {"total_usd_cents": 88_880_000, "run_start": 201901, "months": 6},
    "revisions": {"versions": 3},
}


@pytest.mark.parametrize(
    "rule,zh,en",
    [
        (
            "jump",
            "本月 500.0万美元，此前 12 个月中位数 100.0万美元，稳健 z 值 +11.4",
            "US$ 5,000 thousand this month against a median of US$ 1,000 thousand over 12 months",
        ),
        ("annual_share", "占 2019 年已报 6 个月合计 126.0万美元 的 60.3%", "60.3% of US$ 1,260"),
        (
            "new_partner",
            "首次出现：日本 130.0万美元（52.0%）；当月出口合计 250.0万美元",
            "First seen: Japan US$ 1,300 thousand (52.0%)",
        ),
        (
            "repeated",
            "自 2019年1月 起连续 6 个月均为 88.9万美元",
            "in each of 6 months since Jan 2019",
        ),
        ("revisions", "共 3 个版本", "3 versions"),
    ],
)
def test_numbers_in_words(rule, zh, en):
    """Each rule's numbers read as a sentence, amounts in 万美元 / US$ thousand, names not codes."""
    assert zh in qv.detail_text(rule, DETAILS[rule], "zh")
    assert en in qv.detail_text(rule, json.dumps(DETAILS[rule]), "en")


def test_explanations_carry_the_thresholds_in_force():
    """Explanations quote the settings, so a changed threshold changes the words."""
    assert "大于 5" in qv.rule_explanation("jump", TH, "zh")
    assert "50.0万美元" in qv.rule_explanation("jump", TH, "zh")
    assert "60%" in qv.rule_explanation("annual_share", TH, "zh")
    assert "US$ 1,000 thousand" in qv.rule_explanation("new_partner", TH, "en")
    stricter = QualityThresholds(repeat_months=9)
    assert "9 or more" in qv.rule_explanation("repeated", stricter, "en")
    assert all(qv.rule_explanation(r, TH, lang) for r in RULES for lang in ("zh", "en"))


def _flags() -> pd.DataFrame:
    return pd.DataFrame(
        [
            dict(
                id=7,
                uscc="91120116000009056N",
                name="甲公司",
                region_code="120116",
                region_zh="滨海新区",
                region_en="Binhai New Area",
                period=201903,
                rule="revisions",
                detail=json.dumps({"versions": 3}),
                status="explained",
                computed_at=None,
                cleared_at=None,
                batch_id=3,
            ),
            dict(
                id=8,
                uscc="91120116000009012X",
                name="乙公司",
                region_code="120116",
                region_zh=None,
                region_en=None,
                period=201812,
                rule="jump",
                detail=json.dumps(DETAILS["jump"]),
                status="open",
                computed_at=None,
                cleared_at=dt.datetime(2019, 2, 1),
                batch_id=4,
            ),
        ]
    )


def test_grid_rows_and_export_are_words_not_codes():
    """Month, region, rule and status in the page's language; a cleared flag says so."""
    rows = qv.grid_rows(_flags(), TH, "zh")
    assert [(r["period"], r["region"], r["rule"], r["status"]) for r in rows] == [
        ("2019年3月", "滨海新区", "多次修订", "已说明"),
        ("2018年12月", "120116", "与自身历史相比突变", "已消除"),
    ]
    assert rows[0]["explain"].startswith("同一报表已有 3 个")
    assert all(r["row_id"] == str(r["id"]) for r in rows)  # AG Grid's getRowId needs a string
    table = qv.export_table(rows, "zh")
    assert list(table.columns) == [
        "报告期",
        "企业名称",
        "统一社会信用代码",
        "地区",
        "规则",
        "触发数值",
        "状态",
        "规则说明",
    ]
    assert table.iloc[0]["触发数值"] == "共 3 个版本"
    assert qv.grid_rows(_flags(), TH, "en")[0]["region"] == "Binhai New Area"


def test_filter_options_and_times():
    """'' means all; months newest first; stored UTC times are shown in Beijing time."""
    assert [o["value"] for o in qv.status_options("zh")] == [
        "",
        "open",
        "checked",
        "explained",
        "cleared",
    ]
    assert [o["value"] for o in qv.rule_options("en")][1:] == list(RULES)
    assert [o["label"] for o in qv.month_options([201901, 201903], "zh")] == [
        "全部月份",
        "2019年3月",
        "2019年1月",
    ]
    assert qv.local_time(dt.datetime(2019, 7, 3, 1, 30)) == "2019-07-03 09:30"
    aware = dt.datetime(2019, 7, 3, 1, 30, tzinfo=dt.timezone.utc)
    assert qv.local_time(aware) == "2019-07-03 09:30"


def test_flags_carry_the_amount_at_stake_to_sort_and_filter_by():
    """#17: flags sorted and filtered by the flagged report's total (万美元), largest first."""
    flags = _flags().assign(amount=[123_456_700, None])
    rows = qv.grid_rows(flags, TH, "zh")
    assert rows[0]["amount"] == 123.4567 and rows[0]["amount_text"] == "123.5"  # US$ 1,234,567
    assert rows[1]["amount"] is None
    column = next(c for c in qv.column_defs("zh") if c["field"] == "amount")
    assert column["headerName"] == "涉及金额（万美元）"
    assert column["sort"] == "desc" and column["filter"] == "agNumberColumnFilter"
