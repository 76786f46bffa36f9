"""Target cards and the district table as text: status words, every window's cells, exports."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard.i18n import MISSING, t
from dashboard.pages.targets import districts as district_views
from dashboard.pages.targets import views as target_views
from etl import models as m
from etl.evaluation.districts import DistrictReport, district_evaluation
from etl.periods import month_range
from etl.snapshot.targets import targets_table
from etl.targets.compute import Window, evaluate, target_windows
from etl.targets.status import TargetResult, TargetsOverview
from tests.unit.test_districts import BEFORE, FRAME, NOW, PARENTS
from tests.unit.test_targets import series

YEAR_2019 = Window("cy2019", "2019年", "2019", 201901, 201912, "growth")
TARGET = m.Target(
    code="T",
    region_code="120000",
    measure="bop_total",
    kind="growth_avg_annual",
    threshold=Decimal("0.10"),
    window_start=201807,
    window_end=202006,
    currency="USD",
    name_zh="年均增速不低于10%",
    name_en="10% a year",
    source="某某实施方案",
)
REGIONS = {
    "zh": {
        "120000": "天津市",
        "120116": "滨海新区",
        "120101": "和平区",
        "120103": "河西区",
        "500000": "重庆市",
        "500000-LJ": "两江新区",
    },
    "en": {
        "120000": "Tianjin",
        "120116": "Binhai",
        "120101": "Heping",
        "120103": "Hexi",
        "500000": "Chongqing",
        "500000-LJ": "Liangjiang",
    },
}


def pilot_result(as_of: int) -> TargetResult:
    """The Tianjin-like pilot target on a series growing 12% a year."""
    s = series(2014, 7, level=10**10, growth=0.12)
    s = s[s.index <= as_of]
    evs = [evaluate(w, s, as_of, 0.10) for w in target_windows("growth_avg_annual", 201807, 202006)]
    return TargetResult(TARGET, evs, s, None, 0.10, as_of)


def overview(as_of: int) -> TargetsOverview:
    return TargetsOverview(as_of, 201401, as_of, [pilot_result(as_of)], REGIONS, PARENTS)


@pytest.mark.parametrize("status", target_views.STATUSES)
def test_every_status_has_a_word_in_both_languages(status) -> None:
    assert target_views.status_label(status, "zh") != target_views.status_label(status, "en")


def test_closed_growth_window_texts() -> None:
    s = pd.Series({p: 10**10 for p in month_range(201801, 201812)})
    s = pd.concat([s, pd.Series({p: 1.1 * 10**10 for p in month_range(201901, 201912)})])
    texts = target_views.window_texts(evaluate(YEAR_2019, s, 201912, 0.10), 0.10, "zh")
    assert texts["actual"] == "13.2亿美元" and texts["required"] == "13.2亿美元"
    assert texts["required_full"] == "13.2亿美元（增长10.0%）"
    assert texts["growth"] == "+10.0%"
    assert texts["projection"] == MISSING and texts["needed"] == MISSING
    assert texts["months"] == "12/12"


def test_open_window_texts_show_projection_range_and_what_is_needed() -> None:
    ev = pilot_result(201910).evaluations[1]  # pilot year 2, four months in
    assert ev.status in target_views.OPEN
    texts = target_views.window_texts(ev, 0.10, "zh")
    assert texts["growth"].endswith("（预测）")
    assert "亿美元（" in texts["projection"] and "至" in texts["projection"]
    assert texts["needed"].endswith("%")
    assert texts["actual_full"].endswith("（截至目前）")
    sentence = target_views.needed_sentence(ev, "zh")
    assert sentence.startswith("其余8个月")
    assert target_views.needed_sentence(ev, "en").startswith("The other 8 months")


def test_not_started_window_is_all_dashes() -> None:
    ev = pilot_result(201810).evaluations[1]
    assert ev.status == "not_started"
    texts = target_views.window_texts(ev, 0.10, "en")
    assert {texts[k] for k in ("actual", "growth", "projection", "needed")} == {MISSING}
    assert texts["months"] == "0/12"


def test_ratio_windows_read_as_shares_and_points() -> None:
    total = pd.Series({p: 100 for p in month_range(201801, 201912)})
    group = pd.Series({p: (30 if p < 201901 else 33) for p in month_range(201801, 201912)})
    share = evaluate(Window("y", "", "", 201901, 201912, "share_keep"), group, 201912, 0, total)
    faster = evaluate(Window("y", "", "", 201901, 201912, "grows_faster"), group, 201912, 0, total)
    assert target_views.window_texts(share, 0, "zh")["actual"] == "33.0%"
    assert target_views.window_texts(share, 0, "zh")["required"] == "不低于30.0%"
    assert target_views.window_texts(faster, 0, "zh")["actual"] == "增速差+10.0个百分点"


def test_notes_are_translated_never_shown_raw() -> None:
    notes = ["one prior year only", "missing months: the window has ended", "something new"]
    assert target_views.note_texts(notes, "zh") == [
        t("targets.note.one_prior_year", "zh"),
        t("targets.note.missing_months", "zh"),
    ]


def test_headline_is_the_pilot_average_once_its_last_year_started() -> None:
    assert pilot_result(201910).headline().window.key == "whole"
    assert pilot_result(201812).headline().window.key == "year1"
    assert pilot_result(201806).headline().window.key == "year1"  # nothing started: the first


def test_card_carries_the_status_and_no_missing_value_text() -> None:
    card = target_views.target_card(pilot_result(201910), overview(201910), "zh")
    text = json.dumps(card.to_plotly_json(), default=str, ensure_ascii=False)
    assert card.id == {"type": "targets-card", "target": "T"}
    assert "天津市" in text and "某某实施方案" in text
    assert "nan" not in text.lower() and "None" not in text


def test_chart_options_list_amount_windows_and_default_to_the_headline() -> None:
    options, default = target_views.chart_options(overview(201910), "zh")
    assert default == "T|whole"
    assert [o["value"] for o in options] == [
        f"T|{k}" for k in ("year1", "year2", "whole", "cy2018", "cy2019", "cy2020")
    ]


def test_district_windows_and_cities() -> None:
    options, default = district_views.window_options(overview(201910), "zh")
    assert default == "201901-201910"
    labels = {o["value"]: o["label"] for o in options}
    assert labels["201901-201910"] == "2019年1–10月累计"
    assert labels["201807-201906"].startswith("试点第1年")
    assert "201907-202006" in labels  # started, shown up to the month chosen
    assert labels["201801-201812"] == "2018年"
    cities, city = district_views.city_options(overview(201910), "zh")
    assert city == "120000" and [c["label"] for c in cities] == ["天津市", "重庆市"]
    assert district_views.parse_window("201807-201906") == (201807, 201906)
    assert district_views.parse_window("nonsense") is None


def report() -> DistrictReport:
    rows = district_evaluation(FRAME, NOW, BEFORE, PARENTS, "120000", 201901, 201906)
    for lang in ("zh", "en"):
        rows[f"name_{lang}"] = [
            REGIONS[lang].get(c, f"{REGIONS[lang]['120000']}合计") for c in rows["code"]
        ]
    return DistrictReport("120000", 201901, 201906, rows)


def test_grid_rows_print_c_for_a_protected_district() -> None:
    """A leader's protected district reads C in the grid, never "—" (no data)."""
    r = report()
    for column in ("current", "growth", "share", "contribution_pp"):
        r.rows[column] = r.rows[column].astype("object")
        r.rows.loc[r.rows["code"] == "120101", column] = pd.NA
    rows, _ = district_views.grid_rows(r, "zh")
    heping = next(row for row in rows if row["region"] == "和平区")
    texts = ("current_text", "growth_text", "share_text", "contribution_text")
    assert [heping[k] for k in texts] == ["C"] * 4


def test_grid_rows_have_names_numbers_and_texts() -> None:
    rows, total = district_views.grid_rows(report(), "zh")
    assert [r["region"] for r in rows] == ["滨海新区", "和平区", "河西区"]
    assert total[0]["region"] == "天津市合计" and total[0]["rank"] is None
    assert rows[0]["growth"] == pytest.approx(0.2) and rows[0]["growth_text"] == "+20.0%"
    assert rows[0]["contribution_text"] == "+12.5个百分点"
    fields = {c["field"] for c in district_views.column_defs("zh")}
    assert fields <= set(rows[0])


def test_csv_export_has_a_bom_and_chinese_headers() -> None:
    data = district_views.export_bytes(report(), "zh", "csv", "2019年1–6月")
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(frame.columns)[:3] == ["排名", "区域", "金额（亿美元）"]
    assert frame["区域"].tolist()[-1] == "天津市合计"
    assert frame["同比增速（%）"].tolist()[0] == pytest.approx(20.0)


def test_xlsx_export_opens_with_a_notes_sheet() -> None:
    data = district_views.export_bytes(report(), "zh", "xlsx", "2019年1–6月")
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert list(sheets) == ["区域评价", "说明"]
    assert sheets["区域评价"]["区域"].tolist()[0] == "滨海新区"
    assert (
        district_views.export_name("zh", report(), "xlsx") == "区域评价_120000_201901-201906.xlsx"
    )


def test_pilot_average_counts_months_against_the_whole_window() -> None:
    """#17: the pilot-average row read "4/12" for a 24-month window; it reads 22/24."""
    windows = target_windows("growth_avg_annual", 201807, 202006)
    average = next(w for w in windows if w.kind == "avg_growth")
    assert len(month_range(average.start, average.end)) == 24
    ev = evaluate(average, series(2016, 5), 202004, 0.10)
    assert ev.months_total == 12  # the average is measured on the last year ...
    text = target_views.window_texts(ev, 0.10, "zh")
    assert text["months"] == "22/24"  # ... but the row counts the window's real length
    # The snapshot's 目标 sheet (and the CLI, through the same property) read the same.
    target = m.Target(
        code="tj_avg", name_zh="年均增长", region_code="120000", measure="total", kind="growth"
    )
    sheet = targets_table([TargetResult(target, [ev])], set(), SimpleNamespace(month=202004))
    assert ev.months_text == "22/24" and sheet.rows["months"].tolist() == ["22/24"]


def test_a_note_says_why_a_year_and_the_pilot_average_differ() -> None:
    """#17: 进度落后 for pilot year 2 beside 有望达成 for the average, without a word why."""
    windows = target_windows("growth_avg_annual", 201807, 202006)
    year2 = next(w for w in windows if w.kind == "growth" and w.end == 202006)
    average = next(w for w in windows if w.kind == "avg_growth")
    a = evaluate(average, series(2016, 5), 202004, 0.10)
    b = evaluate(year2, series(2016, 5), 202004, 0.10)
    a.status, b.status = "on_track", "off_track"
    why = target_views.why_statuses_differ([b, a], "zh")
    assert why is not None and "年均增速" in why and "2年" in why
    assert target_views.why_statuses_differ([b, a], "en").startswith("The years and")
    b.status = "on_track"
    assert target_views.why_statuses_differ([b, a], "zh") is None
