"""Window slices and agg_cell bounds of the snapshot's inputs (etl.snapshot.inputs)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from etl.disclosure import DisclosureRule
from etl.filters import ReportFilter
from etl.periods import month_range
from etl.reference import ReferenceCodes
from etl.snapshot.inputs import (
    SLICE_KEYS,
    bounds,
    series_of,
    slices,
    surely_passes,
    table_slices,
    to_slices,
)
from etl.snapshot.protect import sensitive, unit_sums
from etl.snapshot.vintage import Codes, filter_frame


def _windows(month: int) -> list[tuple[int, int]]:
    """Every period window the snapshot's tables test (etl.snapshot.breakdowns, headline, targets)."""
    y, base = month // 100, month - 100
    out = [
        (y * 100 + 1, month),
        ((y - 1) * 100 + 1, base),
        (month, month),
        (base, base),
        ((y - 1) * 100 + 1, (y - 1) * 100 + 12),
    ]
    if month % 100 == 2:  # 1–2月 published together
        out += [(month - 1, month), (base - 1, base)]
    return out


@pytest.mark.parametrize("month", [202101, 202102, 202106, 202111, 202112])
def test_every_window_is_the_slices_whose_label_it_contains(month):
    """A window picks by label exactly the slices inside it, so it sums the same months."""
    cuts = slices(month)
    covered = [p for _, first, last in cuts for p in month_range(first, last)]
    assert sorted(covered) == month_range((month // 100 - 1) * 100 + 1, month)
    for a, b in _windows(month):
        picked = {
            p for label, first, last in cuts if a <= label <= b for p in month_range(first, last)
        }
        assert picked == set(month_range(a, b)), (month, a, b)
    assert all(last <= month - 100 or first > month - 100 for _, first, last in table_slices(month))


def test_to_slices_sums_each_enterprise_over_its_slice():
    frame = pd.DataFrame(
        {
            "period": [202011, 202012, 202101, 202105, 202106, 202106],
            "uscc": ["a", "a", "a", "a", "a", "b"],
            "region_code": "120101",
            "category_code": "SC",
            "mode": 1,
            "direction": "X",
            "amount": [1, 2, 3, 4, 5, 6],
        }
    )
    out = to_slices(frame, slices(202106), SLICE_KEYS).set_index(["period", "uscc"])["amount"]
    assert out.to_dict() == {
        (202105, "a"): 7,
        (202106, "a"): 5,
        (202106, "b"): 6,
        (202012, "a"): 3,
    }  # 2020-11 and -12: last year after June


CATS = {"SC": None, "SD": None, "SD21": "SD", "SD22": "SD", "SJ": None}


def _codes() -> Codes:
    modes = {1: "一", 2: "二", 3: "三", 4: "四"}
    ref = ReferenceCodes(
        categories={c: c for c in CATS},
        category_names_en={},
        category_main={c: p or c for c, p in CATS.items()},
        modes=modes,
        mode_names_en={},
        modes_in_bop=frozenset({1, 2, 4}),
        partners={},
        partner_names_en={},
        regions={"120000": "天津", "120101": "和平", "120103": "河西"},
        region_names_en={},
        region_parent={"120000": None, "120101": "120000", "120103": "120000"},
        region_area_codes={},
        fx={},
    )
    return Codes(ref, CATS, ["SC", "SD", "SJ"], {}, {"EMG": ("新兴", "new", ["SJ", "SD21"])}, {})


def _cells(lines: pd.DataFrame, codes: Codes) -> pd.DataFrame:
    """What agg_cell holds: main categories, amount, contributors and the two largest."""
    main = lines.assign(category_code=lines["category_code"].map(codes.ref.category_main))
    keys = ["period", "region_code", "category_code", "mode", "direction"]
    per = main.groupby(keys + ["uscc"], as_index=False)["amount"].sum()
    per = per.sort_values("amount", ascending=False)
    grouped = per.groupby(keys)["amount"]
    return pd.DataFrame(
        {
            "amount": grouped.sum(),
            "n": grouped.apply(lambda s: int((s > 0).sum())),
            "top1": grouped.apply(lambda s: int(s.iloc[0])),
            "top2": grouped.apply(lambda s: int(s.iloc[1]) if len(s) > 1 else 0),
        }
    ).reset_index()


def test_bounds_never_pass_a_sensitive_figure():
    """Random non-negative data: whenever agg_cell's bounds say a figure passes, the exact
    count agrees; and they decide often enough to be worth having."""
    rng = np.random.default_rng(7)
    codes, decided = _codes(), 0
    filters = [
        ReportFilter(202101, 202106, regions=("120000",)),
        ReportFilter(202103, 202103, regions=("120101",), directions=("X",)),
        ReportFilter(202101, 202106, regions=("120000",), categories=("group:EMG",)),
        ReportFilter(202101, 202106, regions=("120000",), categories=("SD21",)),
        ReportFilter(202102, 202105, regions=("120103",), categories=("SD",), full_scope=True),
    ]
    for trial in range(60):
        n = int(rng.integers(5, 120))
        usccs = rng.choice([f"u{i}" for i in range(int(rng.integers(1, 12)))], n)
        # some trials: one or two enterprises far larger than the rest (dominance)
        big = np.isin(usccs, ["u0", "u1"][: trial % 3]) & (rng.random(n) < 0.8)
        lines = pd.DataFrame(
            {
                "period": rng.choice(month_range(202101, 202106), n),
                "uscc": usccs,
                "region_code": rng.choice(["120101", "120103"], n),
                "category_code": rng.choice(list(CATS), n),
                "mode": rng.choice([1, 2, 3, 4], n),
                "direction": rng.choice(["X", "M"], n),
                "amount": rng.integers(0, 100, n) * np.where(big, 1000, 1),
            }
        )
        cells = _cells(lines, codes)
        series = series_of(lines, {"SD21"}, codes)
        for f in filters:
            # the figure and its exact parts do not depend on the rule: computed once per filter
            value = int(filter_frame(series, f, codes)["amount"].sum())
            exact = unit_sums(filter_frame(lines, f, codes))
            assert value == int(exact.sum())
            for rule in (
                DisclosureRule(),
                DisclosureRule(min_contributors=2, dominance_n=1, dominance_k=0.6),
                DisclosureRule(min_contributors=5, dominance_k=0.95),
            ):
                if surely_passes(value, bounds(cells, f, codes, rule), rule):
                    decided += 1
                    assert not sensitive(exact, rule), (trial, f, rule)
    assert decided > 20


def test_a_scope_lists_only_the_category_groups_its_policy_names():
    """天津's pillar group is 天津市's and its districts' (其中 rows of the 服务类别 sheet), not
    两江新区's; a national group (no region) is everyone's."""
    codes = replace(
        _codes(),
        category_groups={"KIS": ("知识密集型", "KIS", ["SJ"]), "TJ": ("天津支柱", "TJ", ["SC"])},
        category_group_regions={"KIS": None, "TJ": "120000"},
    )
    assert list(codes.followed_groups("120000")) == ["KIS", "TJ"]
    assert list(codes.followed_groups("120103")) == ["KIS", "TJ"]  # a district of 天津市
    assert list(codes.followed_groups("500000-LJ")) == ["KIS"]
    # every group still expands in a filter (a leader may ask for it anywhere)
    assert codes.category_closure(["group:TJ"]) == {"SC"}
