"""The filter bar's pure parts: region, mode and month options, the state from the controls,
and the controls restored from the URL (moved from test_overview_parts.py)."""

from __future__ import annotations

import dash
import pandas as pd
import pytest
from dash.exceptions import PreventUpdate

from dashboard.filter_bar import callbacks as bar_callbacks
from dashboard.filter_bar import options as bar_options
from dashboard.filter_state import FilterState

REGIONS = pd.DataFrame(
    [
        ("120000", None, 100, "天津市", "Tianjin"),
        ("120116-TEDA", "120116", 121, "天津经开区", ""),
        ("120116", "120000", 113, "滨海新区", "Binhai"),
        ("120101", "120000", 101, "和平区", "Heping"),
        ("500000", None, 200, "重庆市", "Chongqing"),
        ("500000-LJ", "500000", 201, "两江新区", "LJ"),
    ],
    columns=["code", "parent_code", "sort_order", "name_zh", "name_en"],
)


def test_region_options_are_a_tree_in_sort_order() -> None:
    options = bar_options.region_options(REGIONS, "zh")
    assert [o["value"] for o in options] == [
        "120000",
        "120101",
        "120116",
        "120116-TEDA",
        "500000",
        "500000-LJ",
    ]
    depth = {o["value"]: o["label"].className for o in options}
    assert depth["120000"].endswith("d0") and depth["120116-TEDA"].endswith("d2")
    assert "两江新区" in options[-1]["search"]
    english = bar_options.region_options(REGIONS, "en")
    assert english[3]["label"].children == "天津经开区"  # no English name: the Chinese one


def test_mode_options_allow_mode_3_only_under_full_scope() -> None:
    modes = pd.DataFrame(
        {
            "code": [1, 3],
            "name_zh": ["跨境提供", "商业存在"],
            "name_en": ["Cross-border", "Commercial presence"],
            "short_zh": ["模式一", "模式三"],
            "short_en": ["Mode 1", "Mode 3"],
            "in_bop_total": [True, False],
        }
    )
    bop = bar_options.mode_options(modes, "zh", "bop")
    assert bop[0] == {"label": "模式一：跨境提供", "value": 1, "disabled": False}
    assert bop[1]["disabled"] is True
    assert bar_options.mode_options(modes, "zh", "full")[1]["disabled"] is False
    options, value = bar_callbacks.scope_modes(
        "bop", bar_options.mode_options(modes, "zh", "full"), [1, 3]
    )
    assert value == [1] and options[1]["disabled"] is True


def test_state_from_controls_follows_the_url_rules() -> None:
    state = bar_callbacks.state_from_controls(
        "range",
        None,
        None,
        201906,
        201807,
        "500000-LJ",
        "X",
        ["SC"],
        [1, 3],
        "usd_10k",
        "bop",
        "en",
    )
    assert state == FilterState(
        period="range",
        start=201807,
        end=201906,
        region="500000-LJ",
        direction="X",
        categories=("SC",),
        modes=(1,),
        unit="usd_10k",
        lang="en",
    )
    year = bar_callbacks.state_from_controls(
        "year", 201906, 2018, None, None, None, None, None, None, None, None, "zh"
    )
    assert (year.period, year.start, year.end) == ("year", 201801, 201812)
    newest = bar_callbacks.state_from_controls(
        "month",
        201912,
        None,
        None,
        None,
        "120000",
        "both",
        [],
        [],
        "usd_100m",
        "bop",
        "zh",
        latest=201912,
    )
    assert newest == FilterState()  # the newest month is not pinned into the URL
    assert bar_callbacks.show_period("range") == ({"display": "none"}, {"display": "none"}, None)


def test_month_and_year_options_newest_first() -> None:
    months = bar_options.month_options(201911, 202002, "zh")
    assert [o["value"] for o in months] == [202002, 202001, 201912, 201911]
    assert months[0]["label"] == "2020年2月"
    assert [o["label"] for o in bar_options.year_options(201911, 202002, "en")] == ["2020", "2019"]
    assert bar_options.month_options(None, None, "zh") == []


def test_a_leaders_months_read_jan_feb_as_one() -> None:
    """Leaders read 1–2月 as one month: February is labelled so and January is no choice,
    unless it is the newest month (February not yet released)."""
    months = bar_options.month_options(201911, 202003, "zh", merged_january=True)
    assert [o["value"] for o in months] == [202003, 202002, 201912, 201911]
    assert months[1]["label"] == "2020年1–2月"
    assert bar_options.month_options(201911, 202003, "en", True)[1]["label"] == "Jan–Feb 2020"
    newest = bar_options.month_options(201912, 202001, "zh", merged_january=True)
    assert [o["label"] for o in newest] == ["2020年1月", "2019年12月"]


def test_a_leaders_range_neither_starts_in_february_nor_ends_in_january() -> None:
    starts, ends = bar_options.range_options(201911, 202003, "zh", merged_january=True)
    assert [o["value"] for o in starts] == [202003, 202001, 201912, 201911]
    assert [o["value"] for o in ends] == [202003, 202002, 201912, 201911]
    assert ends[1]["label"] == "2020年2月"  # a range's end is a month, not 1–2月
    everything = bar_options.month_options(201911, 202003, "zh")
    assert bar_options.range_options(201911, 202003, "zh") == (everything, everything)


def test_back_to_a_january_address_sets_a_leaders_picker_to_jan_feb() -> None:
    months = bar_options.month_options(201911, 202003, "zh", merged_january=True)
    now = ["month", 202003, 2020, 202001, 202003, "120000", "both", [], [], "usd_100m", "bop"]
    out = bar_callbacks.restore_controls("?month=2020-01", months, *now)
    assert out[1] == 202002


def test_restore_controls_sets_only_what_the_url_changed() -> None:
    months = bar_options.month_options(201901, 201912, "zh")
    now = ["month", 201912, 2019, 201901, 201912, "120000", "X", [], [], "usd_100m", "bop"]
    out = bar_callbacks.restore_controls("?month=2019-06", months, *now)
    assert out[1] == 201906 and out[6] == "both"  # back from ?month=2019-12&dir=X
    assert [v for i, v in enumerate(out) if i not in (1, 6)] == [dash.no_update] * 9
    default = [
        "month",
        201912,
        2019,
        201901,
        201912,
        "120000",
        "both",
        None,
        None,
        "usd_100m",
        "bop",
    ]
    with pytest.raises(PreventUpdate):  # the controls wrote this URL themselves
        bar_callbacks.restore_controls("", months, *default)
