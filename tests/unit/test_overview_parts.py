"""The overview's pure parts: comparisons, balance words, target lines (the filter bar's:
test_filter_bar.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard import components, i18n
from dashboard.filter_state import FilterState
from dashboard.pages.overview import views as overview_views
from etl.aggregates import (
    combined_monthly,
    comparison_spans,
    first_known,
    month_span,
    trade_comparison,
    window_comparison,
    window_shares,
)
from etl.targets.compute import Evaluation, Window


def by_direction(rows: list[tuple[int, int, int]]) -> pd.DataFrame:
    """(period, exports, imports) -> period, direction, amount."""
    out = [(p, "X", x) for p, x, _ in rows] + [(p, "M", m) for p, _, m in rows]
    return pd.DataFrame(out, columns=["period", "direction", "amount"])


FRAME = by_direction(
    [
        (201901, 10, 5),
        (201902, 20, 5),
        (201903, 30, 10),
        (201904, 40, 10),
        (202001, 11, 6),
        (202002, 22, 6),
        (202003, 33, 12),
        (202004, 44, 16),
    ]
)


def test_trade_comparison_window_month_and_previous_month() -> None:
    table = trade_comparison(FRAME, 202001, 202004)
    total = table.loc["total"]
    assert (total["cum"], total["cum_base"]) == (150, 130)
    assert total["cum_yoy"] == pytest.approx(20 / 130)
    assert (total["month"], total["month_base"], total["prev_month"]) == (60, 50, 45)
    assert total["mom"] == pytest.approx(60 / 45 - 1)
    balance = table.loc["balance"]
    assert (balance["cum"], balance["month"]) == (70, 28)
    assert pd.isna(balance["cum_yoy"]) and pd.isna(balance["mom"])
    assert table.attrs["month_span"] == (202004, 202004)


def test_march_has_no_mom_its_month_before_is_published_inside_january_february() -> None:
    """A leader's February holds January (1–2月, one figure): 环比 against it read −34% where
    February alone gave a statistician +61%. Neither reads one now."""
    table = trade_comparison(FRAME, 202001, 202003)
    assert table.attrs["month_span"] == (202003, 202003)
    assert table.loc["total", "month"] == 45 and table.loc["total", "month_base"] == 40
    assert table.loc["total", "prev_month"] is None and table.loc["total", "mom"] is None
    circulated = FRAME[FRAME["period"] % 100 != 1]  # January inside February's figure
    assert trade_comparison(circulated, 202001, 202003).loc["total", "mom"] is None


def test_a_window_figure_of_its_own_stands_for_the_months_protected_parts() -> None:
    """当月's exports and imports hidden, its total published: the total reads, the rest C."""
    hidden = FRAME.astype({"amount": "object"})
    hidden.loc[hidden["period"] == 202004, "amount"] = pd.NA
    spans = comparison_spans(hidden, 202001, 202004)
    assert spans["month"] == (202004, 202004) and spans["prev_month"] == (202003, 202003)
    table = trade_comparison(hidden, 202001, 202004, {"month": {"total": 60}})
    assert table.loc["total", "month"] == 60 and table.loc["total", "mom"] == pytest.approx(
        60 / 45 - 1
    )
    assert table.loc["exports", "month"] is pd.NA and table.loc["balance", "month"] is pd.NA


def test_february_is_published_as_january_february_without_mom() -> None:
    table = trade_comparison(FRAME, 202001, 202002)
    assert table.attrs["month_span"] == (202001, 202002)
    assert table.loc["exports", "month"] == 33 and table.loc["exports", "month_base"] == 30
    assert table.loc["exports", "prev_month"] is None and table.loc["exports", "mom"] is None


@pytest.mark.parametrize(
    "period,periods,span",
    [
        (202002, {202001, 202002}, (202001, 202002)),
        (202002, {202002}, (202002, 202002)),
        (202003, {202001, 202002, 202003}, (202003, 202003)),
    ],
)
def test_month_span(period, periods, span) -> None:
    assert month_span(period, periods) == span


def test_window_comparison_in_percentage_points() -> None:
    result = window_comparison(90, 40, 200, 100)
    assert result["share"] == pytest.approx(0.45) and result["share_base"] == pytest.approx(0.40)
    assert result["share_change"] == pytest.approx(0.05)
    assert result["growth"] == pytest.approx(1.25)
    empty = window_comparison(0, 0, 0, 0)
    assert empty["share"] is None and empty["share_change"] is None and empty["growth"] is None


def test_window_shares_skip_years_without_data() -> None:
    spans = [(201801, 201801), (201901, 201901), (202001, 202001)]
    out = window_shares(spans, [50, 0, 50], [100, 0, 200])
    assert out.to_dict("records") == [
        {"start": 201801, "end": 201801, "share": 0.5},
        {"start": 202001, "end": 202001, "share": 0.25},
    ]


def test_window_shares_keep_a_protected_year_as_protected() -> None:
    out = window_shares([(201901, 201912), (202001, 202012)], [pd.NA, 5], [100, pd.NA])
    assert out["share"].tolist()[0] is pd.NA and out["share"].tolist()[1] is pd.NA


def test_first_known_prefers_the_own_figure_and_falls_back_to_the_sum() -> None:
    assert first_known([7, pd.NA, None, pd.NA], [5, 6, 8, pd.NA]) == [7, 6, 8, pd.NA]


def test_combined_monthly_compares_jan_feb_with_jan_feb_only() -> None:
    frame = pd.DataFrame({"period": [201902, 202001, 202002], "amount": [10, 5, 10]})
    out = combined_monthly(frame)
    row = out[out["period"] == 202002].iloc[0]
    assert row["months"] == "1-2" and row["amount"] == 15
    assert pd.isna(row["previous"]) and row["yoy"] is None  # 2019 had no January


@dataclass
class FakeView:
    """Just what the view functions read."""

    state: FilterState
    start: int | None = 202101
    end: int | None = 202106
    first_period: int | None = 201501
    latest: int | None = 202112
    circulated: bool = False

    @property
    def january_alone(self) -> bool:  # as dashboard.data.View's
        return bool(self.circulated and self.end and self.end % 100 == 1 and self.start == self.end)

    def region_name(self, lang: str) -> str:
        return "两江新区" if lang == "zh" else "Liangjiang New Area"


@pytest.mark.parametrize(
    "value,lang,text",
    [
        (1234 * 10**8, "zh", "顺差12.3亿美元"),
        (-1234 * 10**8, "zh", "逆差12.3亿美元"),
        (0, "zh", "收支平衡"),
        (None, "zh", "—"),
        (-1234 * 10**8, "en", "Deficit US$ 1,234 million"),
    ],
)
def test_balance_in_words(value, lang, text) -> None:
    assert overview_views.balance_text(value, "usd_100m", lang) == text


def test_context_line_and_windows() -> None:
    view = FakeView(FilterState(region="500000-LJ"))
    assert components.context_line(view, "zh") == (
        "两江新区 · 2021年1–6月 · 国际收支口径 · 单位：亿美元"
    )
    assert i18n.window_label(201807, 201906, "zh") == "2018年7月 – 2019年6月"
    assert overview_views.month_label((202101, 202102), "zh") == "2021年1–2月"


def test_kpi_cards_have_cumulative_and_month_blocks() -> None:
    table = trade_comparison(FRAME, 202001, 202004)
    view = FakeView(FilterState(), start=202001, end=202004)
    cards = overview_views.kpi_cards(table, view, "zh")
    text = str(cards)
    assert "2020年1–4月累计" in text and "2020年4月当月" in text
    assert "同比+15.4%" in text and "环比+33.3%" in text
    assert "nan" not in text.lower() and "None" not in text
    march = FakeView(FilterState(), start=202001, end=202003)
    text = str(overview_views.kpi_cards(trade_comparison(FRAME, 202001, 202003), march, "zh"))
    assert "1–2月合并，不计环比" in text and "环比+" not in text


def test_the_balance_of_protected_exports_and_imports_is_c_not_no_data() -> None:
    hidden = FRAME.astype({"amount": "object"})
    hidden.loc[hidden["period"] >= 202001, "amount"] = pd.NA
    table = trade_comparison(hidden, 202001, 202004)
    assert overview_views.balance_text(table.loc["balance", "cum"], "usd_100m", "zh") == "C"
    view = FakeView(FilterState(), start=202001, end=202004)
    text = str(overview_views.kpi_cards(table, view, "zh"))
    assert "上年同期：顺差" in text  # 2019 is published: its balance reads
    assert "—" not in text.split("overview-kpi-imports")[-1]  # the balance card: C, not —


def test_balance_without_a_year_earlier_is_unknown_not_balanced() -> None:
    """The first year with data: no trade a year earlier, so 上年同期 is '—', not 收支平衡."""
    first_year = FRAME[FRAME["period"] >= 202001]
    table = trade_comparison(first_year, 202001, 202003)
    view = FakeView(FilterState(), start=202001, end=202003)
    text = str(overview_views.kpi_cards(table, view, "zh"))
    assert "上年同期：—" in text and "上年同期：收支平衡" not in text
    with_2019 = str(overview_views.kpi_cards(trade_comparison(FRAME, 202001, 202003), view, "zh"))
    assert "上年同期：顺差" in with_2019


def _result(kind: str, status: str, **ev) -> SimpleNamespace:
    window = Window("year1", "试点第1年", "Pilot year 1", 201807, 201906, kind)
    evaluation = Evaluation(window, status, **ev)
    target = SimpleNamespace(threshold=Decimal("0.10"), name_zh="目标", name_en="Target")
    return SimpleNamespace(target=target, headline=lambda: evaluation)


@pytest.mark.parametrize(
    "result,lines",
    [
        (
            _result("growth", "missed", actual=125.9e10, required=145.2e10, growth=0.024),
            ["实际125.9亿美元 · 目标145.2亿美元", "增速+2.4% · 目标10.0%"],
        ),
        (
            _result("level", "on_track", projection=101e10, required=100e10),
            ["预计101.0亿美元 · 目标100.0亿美元"],
        ),
        (
            _result("share_keep", "missed", actual=0.487, required=0.502),
            ["实际占比48.7% · 目标不低于50.2%"],
        ),
        (
            _result("grows_faster", "met", actual=0.075, required=0.0),
            ["实际增速差+7.5个百分点 · 目标快于总额增速"],
        ),
        (_result("growth", "not_started"), []),
    ],
)
def test_target_lines(result, lines) -> None:
    assert overview_views.target_lines(result, "zh") == lines


def test_a_leaders_january_alone_says_it_is_published_with_february() -> None:
    view = FakeView(FilterState(end=202101), 202101, 202101, circulated=True)
    text = str(components.no_data(view, "zh"))
    assert "2021年1月的数据不单独发布，与2月合并为1–2月" in text and "2021年1–2月" in text
    assert "尚无企业报送" in str(components.no_data(replace(view, circulated=False), "zh"))


@pytest.mark.parametrize(
    "change,lang,text",
    [
        (0.021, "zh", "比上年同期提高2.1个百分点"),
        (-0.033, "zh", "比上年同期下降3.3个百分点"),
        (0.0004, "zh", "与上年同期持平"),
        (None, "zh", "—"),
        (-0.033, "en", "down 3.3 percentage points on a year earlier"),
    ],
)
def test_share_change_in_words(change, lang, text) -> None:
    assert overview_views.share_change_text(change, lang) == text


def test_knowledge_intensive_share_does_not_apply_to_transport_alone() -> None:
    """#17: with 运输 chosen the card said 0.0%; it says the share does not apply."""
    from dashboard.pages.overview import views as overview_views

    members = [
        {"code": "SH", "name_zh": "保险服务", "name_en": "Insurance"},
        {"code": "SJ", "name_zh": "其他商业服务", "name_en": "Other business services"},
    ]
    assert overview_views.group_applies((), members)
    assert not overview_views.group_applies(("SC",), members)
    assert not overview_views.group_applies(("SC", "SC1"), members)
    assert overview_views.group_applies(("SC", "SJ2"), members)
    assert overview_views.group_applies(("group:TJ_PILLAR",), members)
    text = str(overview_views.group_not_applicable(members, "zh"))
    assert "不适用" in text and "保险服务" in text and "0.0%" not in text
