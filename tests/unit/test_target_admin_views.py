"""The 目标管理 table and form: names instead of codes, thresholds in %/亿美元 converted exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dashboard.pages.target_admin import views
from etl.targets.rules import problem

CHOICES = {
    "regions": {
        "120000": {"zh": "天津市", "en": "Tianjin"},
        "500000-LJ": {"zh": "两江新区", "en": "Liangjiang New Area"},
    },
    "groups": {"TJ_PILLAR": {"zh": "天津传统支柱领域", "en": "Tianjin pillar sectors"}},
}
GROWTH = {
    "code": "TJ_PILOT_GROWTH",
    "region_code": "120000",
    "measure": "bop_total",
    "kind": "growth_avg_annual",
    "threshold": Decimal("0.1"),
    "window_start": 201807,
    "window_end": 202006,
    "currency": "USD",
    "name_zh": "年均增速不低于10%",
    "name_en": "10% a year",
    "source": "实施方案",
}
LEVEL = {
    **GROWTH,
    "code": "LJ_2017_LEVEL",
    "region_code": "500000-LJ",
    "kind": "level",
    "threshold": Decimal("10000000000"),
    "window_start": 201701,
    "window_end": 201712,
}
SHARE = {
    **GROWTH,
    "code": "TJ_PILLAR_SHARE",
    "measure": "group:TJ_PILLAR",
    "kind": "share_keep",
    "threshold": Decimal("0"),
}


def test_rows_name_region_measure_kind_currency_and_threshold():
    rows = views.target_rows([GROWTH, LEVEL, SHARE], CHOICES, "zh")
    growth, level, share = rows
    assert (growth["region"], growth["measure"], growth["kind"], growth["currency"]) == (
        "天津市",
        "服务进出口总额（国际收支口径）",
        "年均增速",
        "美元",
    )
    assert growth["threshold"] == "≥ 10%" and growth["window"] == "2018年7月 – 2020年6月"
    assert level["threshold"] == "100.0亿美元" and level["region"] == "两江新区"
    assert share["measure"] == "类别组合：天津传统支柱领域" and share["kind"] == "占比不下降"
    assert share["threshold"] == "不设阈值"
    text = str(rows)
    for raw in ("120000", "bop_total", "growth_avg_annual", "group:", "nan", "None"):
        assert raw not in str(
            [{k: v for k, v in r.items() if k not in ("form", "code")} for r in rows]
        ), raw
    assert "undefined" not in text
    en = views.target_rows([LEVEL], CHOICES, "en")[0]
    assert en["region"] == "Liangjiang New Area" and en["kind"] == "Level reached"


def test_form_units_round_trip_exactly():
    assert views.form_values(GROWTH)["threshold"] == "10"
    assert views.form_values(LEVEL)["threshold"] == "100"
    assert views.form_values(GROWTH)["window_start"] == "2018-07"
    assert views.stored_threshold("growth_avg_annual", "12.5") == "0.125"
    assert views.stored_threshold("level", "96.25") == "9625000000"
    assert views.stored_threshold("level", "1,000") == "100000000000"
    assert views.stored_threshold("share_keep", "5") == ""  # structure targets: no threshold
    assert views.stored_threshold("level", "abc") == "abc"  # kept so the message can quote it
    for value in ("0.07", "7.33", "0.0001"):
        stored = views.stored_threshold("growth_avg_annual", value)
        assert views.form_threshold("growth_avg_annual", Decimal(stored)) == value


def test_changes_and_history_read_as_before_and_after():
    changed = {"threshold": (Decimal("0.1"), Decimal("0.12")), "window_end": (202006, 202106)}
    assert views.change_text(changed, "growth_avg_annual", "zh") == (
        "阈值：≥ 10% → ≥ 12%；考核期结束：2020年6月 → 2021年6月"
    )
    history = [
        {
            "at": dt.datetime(2024, 3, 1, 2, 30, tzinfo=dt.timezone.utc),
            "username": "admin",
            "action": "target_update",
            "code": "TJ_PILOT_GROWTH",
            "kind": "growth_avg_annual",
            "before": {"threshold": "0.1"},
            "after": {"threshold": "0.12"},
        },
        {
            "at": dt.datetime(2024, 3, 1, 2, 0),
            "username": "admin",
            "action": "target_delete",
            "code": "LJ_2017_LEVEL",
            "kind": "level",
            "before": {"name_zh": "两江新区100亿美元"},
            "after": {},
        },
    ]
    rows = views.history_rows(history, "zh")
    assert rows[0] == {
        "at": "2024-03-01 10:30",
        "user": "admin",
        "action": "修改",
        "code": "TJ_PILOT_GROWTH",
        "change": "阈值：≥ 10% → ≥ 12%",
    }
    assert rows[1]["action"] == "删除" and rows[1]["change"] == "两江新区100亿美元"


def test_problems_are_listed_with_the_field_name():
    lines = views.problem_lines(
        [problem("region_code", "region", value="999"), problem("threshold", "growth_range")], "zh"
    )
    assert lines[0] == "地区：无法识别的地区 999。"
    assert lines[1].startswith("阈值：增速阈值应在 −50% 至 200% 之间")
    assert views.problem_lines([problem("kind", "kind", value="x")], "en") == [
        "Kind: Unknown target kind x."
    ]
