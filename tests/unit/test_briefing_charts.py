"""The briefing's charts: months in calendar order, 1–2月 at its monthly average, notes."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from etl.briefing.charts import contribution_figure, monthly_figure, partners_figure

YI = 10**10  # 1 亿美元 in cents


def test_monthly_chart_orders_months_and_averages_jan_feb() -> None:
    """A flat year reads flat (no 1–2月 spike), and a month only this year has sits in its place."""
    monthly = pd.DataFrame(
        {
            "period": [201801, 201802, 201806, 201901, 201902, 201905, 201906],
            "amount": [10 * YI, 10 * YI, 10 * YI, 20 * YI, 20 * YI, 20 * YI, 20 * YI],
        }
    )
    fig = monthly_figure(SimpleNamespace(monthly=monthly, year=2019), "zh")
    before, this = fig.data
    assert list(before.x) == ["1–2月月均", "6月"] and list(before.y) == [10.0, 10.0]
    assert list(this.x) == ["1–2月月均", "5月", "6月"] and list(this.y) == [20.0, 20.0, 20.0]
    assert list(fig.layout.xaxis.categoryarray) == ["1–2月月均", "5月", "6月"]


def test_a_browser_that_does_not_stop_does_not_hold_the_caller(monkeypatch, caplog):
    """kaleido's stop can wait for ever on its browser: one_browser's end waits STOP_SECONDS,
    says so, and returns."""
    import threading

    from etl.briefing import charts

    never = threading.Event()
    monkeypatch.setattr(charts, "STOP_SECONDS", 0.2)
    monkeypatch.setattr(charts.kaleido, "start_sync_server", lambda **_: None)
    monkeypatch.setattr(charts.kaleido, "stop_sync_server", lambda **_: never.wait())
    monkeypatch.setattr(charts, "_browser_users", 0)
    done = threading.Event()

    def use() -> None:
        with charts.one_browser():
            pass
        done.set()

    threading.Thread(target=use, daemon=True).start()
    assert done.wait(10)
    assert "did not stop within 0.2 s" in caplog.text
    never.set()


def test_a_chart_that_leaves_partners_out_says_so_under_its_title() -> None:
    """The note is a subtitle line: in the title it ran past a half-width chart's right edge."""
    partner = pd.DataFrame(
        {
            "code": ["TOTAL", "HK", "US", "JP"],
            "name_zh": ["合计", "中国香港", "美国", "日本"],
            "name_en": ["Total", "Hong Kong", "United States", "Japan"],
            "current": [60 * YI, 30 * YI, 20 * YI, pd.NA],
            "status": ["", "", "", "C"],
        }
    )
    for lang, title, note in (
        ("zh", "主要贸易伙伴", "保密项不在图中显示"),
        ("en", "Main partners' services trade", "Confidential items are not shown"),
    ):
        fig = partners_figure(SimpleNamespace(partner=partner), lang)
        assert fig.layout.title.text.startswith(title) and note not in fig.layout.title.text
        assert fig.layout.title.subtitle.text == note
        assert list(fig.data[0].y) == list(partner[f"name_{lang}"][1:3])  # Japan left out
    shown = partners_figure(SimpleNamespace(partner=partner.iloc[:3]), "zh")
    assert not shown.layout.title.subtitle.text
    assert shown.layout.margin.t < fig.layout.margin.t


def test_a_chart_with_no_bar_says_why_without_empty_axes() -> None:
    """The constructed case's March: every partner C, no category with a year-earlier base."""
    partner = pd.DataFrame(
        {
            "code": ["TOTAL", "HK", "US"],
            "name_zh": ["合计", "中国香港", "美国"],
            "name_en": ["Total", "Hong Kong", "United States"],
            "current": [60 * YI, pd.NA, pd.NA],
            "status": ["", "C", "C"],
        }
    )
    category = pd.DataFrame(
        {
            "code": ["TOTAL", "SC", "SJ"],
            "name_zh": ["合计", "运输", "其他商业服务"],
            "name_en": ["Total", "Transport", "Other business services"],
            "current": [60 * YI, 20 * YI, pd.NA],
            "contribution_pp": [None, None, pd.NA],
            "status": ["", "", "C"],
        }
    )
    facts = SimpleNamespace(partner=partner, category=category)
    for fig, said in (
        (partners_figure(facts, "zh"), "均为保密项，不在图中显示"),
        (contribution_figure(facts, "zh"), "暂无可比数据"),
    ):
        assert [a.text for a in fig.layout.annotations] == [said]
        assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    none = partners_figure(SimpleNamespace(partner=partner.iloc[:1]), "en")
    assert [a.text for a in none.layout.annotations] == ["No data"]
