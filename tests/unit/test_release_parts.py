"""Pure parts of releases: the scope a region reads, the period cut at the latest release,
finality after a number of months, the figures' release label."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from dashboard.components import release_label
from dashboard.filter_state import FilterState, merged_january, released_only
from etl.release.scopes import scope_of
from etl.release.store import effective_status

PARENTS = {
    "120000": None,
    "120116": "120000",
    "120116-TEDA": "120116",
    "500000": None,
    "500000-LJ": "500000",
}


def test_scope_of_a_region():
    assert scope_of("120116-TEDA", PARENTS) == "120000"
    assert scope_of("500000-LJ", PARENTS) == "500000-LJ"
    assert scope_of("500000", PARENTS) == "500000-LJ"  # 重庆市 shows what 两江新区 released
    assert scope_of("999999", PARENTS) == "120000"


def test_merged_january_moves_a_january_month_view_to_jan_feb():
    assert merged_january(FilterState(end=202101), 202104).end == 202102
    assert merged_january(FilterState(end=202101), 202101).end == 202101  # Feb not released
    assert merged_january(FilterState(end=202103), 202104).end == 202103
    year = FilterState(period="year", start=202101, end=202112)
    assert merged_january(year, 202104) == year
    jan_only = FilterState(period="range", start=202101, end=202101)
    assert merged_january(jan_only, 202104) == jan_only  # a range is the reader's own choice


def test_released_only_cuts_every_period_kind_at_the_latest_release():
    last = 201906
    assert released_only(FilterState(end=201907), last).end == 201906
    assert released_only(FilterState(end=201905), last).end == 201905
    assert released_only(FilterState(), last) == FilterState()  # newest: resolved later
    year = released_only(FilterState(period="year", start=202001, end=202012), last)
    assert (year.start, year.end) == (201901, 201912)
    rng = released_only(FilterState(period="range", start=201903, end=201908), last)
    assert (rng.start, rng.end) == (201903, 201906)
    assert released_only(FilterState(end=202001), None).end == 202001


def test_a_release_is_final_when_marked_or_old_enough():
    release = SimpleNamespace(status="preliminary", period=202106)
    assert effective_status(release, dt.date(2021, 8, 15), 3) == "preliminary"
    assert effective_status(release, dt.date(2021, 9, 1), 3) == "final"
    assert effective_status(release, dt.date(2030, 1, 1), 0) == "preliminary"  # 0: only by hand
    assert (
        effective_status(SimpleNamespace(status="final", period=202106), dt.date(2021, 7, 1), 3)
        == "final"
    )


def test_release_label_on_the_figures():
    at = dt.datetime(2026, 12, 5, 4, 0)
    view = SimpleNamespace(
        unreleased=(), release={"status": "preliminary", "revision": 1, "released_at": at}
    )
    assert release_label(view, "zh") == "修订（2026-12-05发布） · 初步"
    assert release_label(view, "en") == "revised (released 2026-12-05) · preliminary"
    view = SimpleNamespace(unreleased=(201907,), release=None)
    assert release_label(view, "zh") == "未发布：2019年7月"
    view = SimpleNamespace(unreleased=tuple(range(201901, 201906)), release=None)
    assert release_label(view, "zh") == "未发布：5个月（2019年1月至2019年5月）"
    view = SimpleNamespace(
        unreleased=(), release={"status": "final", "revision": 0, "released_at": at}
    )
    assert release_label(view, "zh") == ""


def test_the_release_list_says_what_the_disclosure_audit_left():
    """保密核查: passed, cells left, not run (the synthetic sample), or a dash for January."""
    from dashboard.pages.release.views import audit_text

    assert audit_text((30000, 0, 0, 0, True), "zh") == "通过"
    assert audit_text((30000, 0, 0, 0, False), "zh") == "通过（未做线性规划核查）"
    assert audit_text((30000, 0, 0, None, None), "en") == "passed (without the LP check)"
    assert audit_text((30000, 0, 4, 0, True), "zh") == "遗留 4 项"
    assert audit_text((30000, 1, 2, None, None), "en") == "3 left"
    assert audit_text((30000, 0, 2, 1, False), "zh") == "遗留 2 项（含 1 项由此前发布决定）"
    assert audit_text((30000, 0, 1, 1, True), "en") == "1 left (1 from earlier releases)"
    assert (
        audit_text((30000, 2, 2888, 23, False), "zh") == "遗留 2,890 项（含 23 项由此前发布决定）"
    )
    assert audit_text((30000, 2, None, None, False), "zh") == "遗留 2 项"  # no bounds recorded
    assert audit_text((30000, None, None, None, None), "zh") == "未运行"
    assert audit_text((0, None, None, None, None), "zh") == "—"
    assert audit_text(None, "en") == "—"


def test_the_release_list_explains_the_audit_outcomes_it_shows():
    """Under the list, a footnote says what each outcome in it means, with the LP's size limit
    and the protection level as set; outcomes not in the list are not explained."""
    from dashboard.pages.release.views import audit_legend

    terms = {"lp_cells": 10_000, "protection": 0.15}
    rows = [{"audit": (30000, 0, 0, 0, False)}, {"audit": (30000, 0, 0, 0, True)}]
    text = audit_legend(rows, terms, "zh").children
    assert text.startswith("保密核查：“通过”指线性规划")
    assert "当年隐藏单元超过 10,000 个" in text and "±15% 以内" in text
    assert "遗留" not in text and "未运行" not in text
    rows = [
        {"audit": (30000, 0, 2, 1, True)},
        {"audit": None},
        {"audit": (0, None, None, None, None)},
    ]
    text = audit_legend(rows, {"lp_cells": 500, "protection": 0.2}, "en").children
    assert text.startswith("Disclosure audit: “left”: confidential figures")
    assert "±20%" in text and "passed" not in text
    assert "January: Jan–Feb is published and audited with February" in text
    assert audit_legend([{"audit": None}], terms, "zh") is None  # no audit recorded: no legend


def test_a_running_release_says_its_month_its_audit_round_and_how_long_it_has_run():
    """A long release (a 天津市 month with the LP takes over an hour) shows the round of the
    audit's repair it is at, with the cells found and the time since it started."""
    from dashboard.pages.release import views

    started = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.timezone.utc)
    now = started + dt.timedelta(minutes=83, seconds=20)
    job = {"started_at": started.isoformat(timespec="seconds"), "step": "audit"}
    job["values"] = {"month": 202104, "index": 1, "count": 3, "round": 4, "left": 12, "lp": 12}
    assert views.job_step(job, "zh", now) == (
        "正在核查 2021年4月 的保密模式（第 1/3 个月）：第 4 轮核查发现 12 项保密数可被推算"
        "（其中线性规划发现 12 项），正在补充隐藏后复核 · 已用时 1 小时 23 分钟"
    )
    assert views.job_step(job, "en", now).endswith(
        "(1 of 3): audit round 4 found 12 "
        "confidential figures that could be derived (12 of them by the linear programme); "
        "hiding more and auditing again · 1 h 23 min so far"
    )
    job["values"]["lp"] = 0  # the shuttle's cells alone: no word of the LP
    assert views.job_step(job, "zh", now).startswith(
        "正在核查 2021年4月 的保密模式（第 1/3 个月）：第 4 轮核查发现 12 项保密数可被推算，"
    )
    job.update(step="pattern", values={"month": 202105, "index": 2, "count": 3})
    assert views.job_step(job, "zh", started + dt.timedelta(seconds=40)) == (
        "正在计算并核查 2021年5月 的保密模式（第 2/3 个月） · 已用时 40 秒"
    )
    assert views.job_step({"state": "running"}, "en") == "Starting the release…"


def test_the_cli_says_each_round_of_a_months_audit(capsys):
    """`etl release` says on stderr each month it computes and each round of its audit."""
    from etl.cli.release import _say_step

    _say_step("pattern", month=202104, index=1, count=2)
    _say_step("audit", month=202104, index=1, count=2, round=3, left=12, lp=5)
    assert capsys.readouterr().err.splitlines() == [
        "保密模式 disclosure pattern 2021-04 (1/2)…",
        "保密模式 disclosure pattern 2021-04 (1/2): 第 3 轮核查 audit round 3, "
        "12 项 cells to protect (5 线性规划 by the LP)…",
    ]


def _release(period: int, revision: int = 0, current: bool = True) -> dict:
    return {
        "period": period,
        "revision": revision,
        "current": current,
        "status": "preliminary",
        "total_usd_cents": 123_400_000_00,
        "audit": None,
        "released_at": dt.datetime(2026, 12, 8, 9, 30),
        "released_by": "stat",
        "note": "",
        "overridden": False,
    }


def test_the_release_list_folds_months_before_the_newest_twelve():
    """84 releases of seven years were one long list: a year of months shows, the rest fold
    under 更早的发布 (a revision stays beside its month)."""
    from dash import html

    from dashboard.pages.release import views

    months = [202112 - k for k in range(12)] + [202012, 202011]
    rows = [_release(p) for p in months] + [_release(202101, 1), _release(202011, 1, False)]
    out = views.releases_table(rows, {"protection": 0.15, "lp_cells": 25_000}, "zh")
    recent, older = out.children[0], out.children[1]
    recent_rows = recent.children[1].children
    assert len(recent_rows) == 13  # twelve months, 2021-01 twice
    assert isinstance(older, html.Details)
    assert older.children[0].children == "更早的发布（3项）"
    assert len(older.children[1].children[1].children) == 3
    few = views.releases_table(rows[:3], {"protection": 0.15, "lp_cells": 25_000}, "en")
    assert not any(isinstance(c, html.Details) for c in few.children)
