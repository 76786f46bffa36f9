"""The briefing's sentences from constructed facts: the register of official releases, and
protected (C) or missing figures left out — never derived from their parts."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from etl.briefing.compose import (
    change,
    compose,
    drivers_sentence,
    headline_sentence,
    kis_sentence,
    target_sentence,
    ytd_label,
)
from etl.briefing.facts import BriefingFacts, TargetFact
from etl.briefing.wording import WORDS, word

NA = pd.NA
YI = 10**10  # cents in 1 亿美元


def _frame(rows):
    """summary_frame-shaped rows: code, current, previous, growth, contribution_pp, names, status."""
    out = pd.DataFrame(
        rows,
        columns=["code", "current", "previous", "growth", "contribution_pp", "name_zh", "status"],
    )
    out["name_en"] = out["name_zh"]
    return out


def _facts(**overrides) -> BriefingFacts:
    base = dict(
        scope="120000",
        scope_names={"zh": "天津市", "en": "Tianjin"},
        period=202111,
        release_id=7,
        revision=0,
        status="preliminary",
        released_at=dt.datetime(2021, 12, 14, 2, 0, tzinfo=dt.timezone.utc),
        coverage={
            "expected": 200,
            "reported": 190,
            "reported_share": 0.95,
            "missing_share_of_prior_year": 0.031,
        },
        coverage_overridden=False,
        direction=_frame(
            [
                ("TOTAL", 1234 * YI // 10, 1100 * YI // 10, 0.1218, None, "服务进出口总额", ""),
                ("X", 700 * YI // 10, 600 * YI // 10, 0.1667, None, "出口", ""),
                ("M", 534 * YI // 10, 500 * YI // 10, 0.068, None, "进口", ""),
            ]
        ),
        category=_frame(
            [
                ("TOTAL", 1234 * YI // 10, 1100 * YI // 10, 0.1218, 12.18, "总额", ""),
                ("SC", 400 * YI // 10, 300 * YI // 10, 0.333, 9.09, "运输", ""),
                ("SJ", 300 * YI // 10, 280 * YI // 10, 0.07, 1.82, "其他商业服务", ""),
                ("SD", NA, NA, NA, NA, "旅行", "C"),
                ("SE", 10 * YI // 10, 30 * YI // 10, -0.667, -1.82, "建设", ""),
            ]
        ),
        region=_frame([("TOTAL", 1, 1, 0.0, 0.0, "总额", "")]),
        partner=_frame([("TOTAL", 1, 1, 0.0, 0.0, "总额", "")]),
        kis={
            "amount": 600 * YI // 10,
            "growth": 0.153,
            "share": 0.4862,
            "share_change": 0.021,
        },
        monthly=pd.DataFrame({"period": [202111], "amount": [1]}),
        targets=[],
    )
    base.update(overrides)
    return BriefingFacts(**base)


def test_headline_in_the_register_of_official_releases():
    """1–11月，全市服务进出口XXX亿美元，同比增长X.X%；其中出口…进口…。知识密集型…个百分点。"""
    facts = _facts()
    assert headline_sentence(facts, "zh") == (
        "2021年1–11月，全市服务进出口123.4亿美元，同比增长12.2%；"
        "其中出口70.0亿美元，增长16.7%；进口53.4亿美元，增长6.8%。"
    )
    assert kis_sentence(facts, "zh") == (
        "知识密集型服务进出口60.0亿美元，同比增长15.3%，占全市服务进出口的48.6%，"
        "比上年同期提高2.1个百分点。"
    )


def test_a_protected_total_is_said_to_be_confidential_not_computed_from_its_parts():
    """Total protected (NA, C) while exports and imports are shown: the total is 保密, and no
    number equal to exports + imports appears anywhere."""
    direction = _frame(
        [
            ("TOTAL", NA, NA, NA, None, "服务进出口总额", "C"),
            ("X", 700 * YI // 10, 600 * YI // 10, 0.1667, None, "出口", ""),
            ("M", NA, NA, NA, None, "进口", "C"),
        ]
    )
    facts = _facts(direction=direction)
    text = headline_sentence(facts, "zh")
    assert text == "2021年1–11月，全市服务进出口保密；其中出口70.0亿美元，增长16.7%；进口保密。"
    text_en = compose(facts, "en").text()
    assert "confidential" in text_en and "123" not in text_en


def test_protected_drivers_are_left_out_and_said_so():
    """旅行 is protected: it is not named, not ranked, and the sentence says 保密项未列入."""
    sentence = drivers_sentence(_facts().category, "category", "zh")
    assert sentence == (
        "从服务类别看，运输（拉动9.1个百分点）、其他商业服务（拉动1.8个百分点）拉动增长较多；"
        "建设（下拉1.8个百分点）下拉较多；保密项未列入。"
    )
    assert "旅行" not in sentence


def test_protected_knowledge_intensive_group():
    """No KIS figures (protected): the sentence says 保密 and carries no number."""
    sentence = kis_sentence(_facts(kis=None), "zh")
    assert sentence == "知识密集型服务进出口保密。"


@pytest.mark.parametrize(
    "ratio, zh",
    [(0.05, "同比增长5.0%"), (-0.0123, "同比下降1.2%"), (0.0004, "与上年同期持平"), (None, None)],
)
def test_change_words(ratio, zh):
    """增长 / 下降 / 持平, half up; no base: no clause."""
    assert change(ratio, "zh") == zh


def test_targets_gap_and_growth_needed():
    """An open target: status, the projected gap in 亿美元 and the growth still needed."""
    target = TargetFact(
        code="T",
        name={"zh": "服务贸易总额年均增速不低于10%", "en": "Average growth of at least 10%"},
        window={"zh": "试点期年均", "en": "pilot average"},
        kind="avg_growth",
        status="at_risk",
        gap_cents=-1234 * YI // 100,
        needed_growth=0.184,
    )
    assert target_sentence(target, "zh") == (
        "服务贸易总额年均增速不低于10%：试点期年均存在风险，按当前进度预计较目标少12.3亿美元，"
        "余下月份需同比增长18.4%。"
    )


def test_every_sentence_is_catalogued_and_marks_and_source():
    """初步 and the source line; every template has zh and en; ytd labels."""
    briefing = compose(_facts(revision=1), "zh")
    assert briefing.mark == "修订"
    assert "2021年11月数据为初步数" in briefing.text()
    assert "第1次修订（2021-12-14发布）" in briefing.text()
    assert briefing.source.startswith("数据来源：") and "发布编号7" in briefing.source
    assert all(set(v) == {"zh", "en"} for v in WORDS.values())
    assert (
        ytd_label(202101, "zh") == "2021年1月"
        and ytd_label(202102, "en") == "January–February 2021"
    )
    assert word("end", "zh") == "。"
    assert not re.search(r"nan|None|NaN|<NA>", compose(_facts(), "en").text())


def test_a_scope_without_districts_has_no_district_sentence():
    """两江新区 has no districts below it: no 从地区看 sentence; no target: said so."""
    facts = _facts(scope="500000-LJ", scope_names={"zh": "两江新区", "en": "Liangjiang"})
    briefing = compose(facts, "zh")
    drivers = briefing.sections[0].sentences
    assert [s[:6] for s in drivers] == ["从服务类别看", "从贸易伙伴看"]
    assert briefing.headline.startswith("2021年1–11月，全区服务进出口")
    assert briefing.sections[1].sentences == ["本范围本年度无进行中的目标。"]


def test_briefing_months_read_jan_feb_as_one() -> None:
    """The briefing's months: 1–2月 as February, no January but the newest, one formatter."""
    from dashboard.filter_state import offered_month
    from dashboard.pages.briefing.views import month_options

    options = month_options([202103, 202102, 202101, 202012], "en")
    assert [o["label"] for o in options] == ["Mar 2021", "Jan–Feb 2021", "Dec 2020"]
    assert [o["label"] for o in month_options([202101, 202012], "zh")] == [
        "2021年1月",
        "2020年12月",
    ]
    values = [o["value"] for o in options]
    assert offered_month("2021-01", values) == "2021-02"
    assert offered_month("2019-05", values) == "2021-03"
