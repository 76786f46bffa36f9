"""Sums over runs of months from published window cells (etl.disclosure.spans)."""

from __future__ import annotations

import pandas as pd

from etl.disclosure.catalogue import MONTH, YTD
from etl.disclosure.spans import Months, runs, span_total, window_cells
from etl.periods import month_range

# one year's months: January 10, February 20, …, December 120
AMOUNTS = {202100 + k: 10 * k for k in range(1, 13)}
ALL = month_range(202101, 202112)


def _sum(first: int, last: int) -> int:
    return sum(v for p, v in AMOUNTS.items() if first <= p <= last)


def test_spn001_every_run_is_fixed_when_nothing_is_hidden():
    cells = window_cells(AMOUNTS, ALL, set())
    for first in (202101, 202103, 202107):
        for last in (202103, 202106, 202112):
            if first <= last:
                assert span_total(cells, first, last) == _sum(first, last)


def test_spn002_january_alone_is_never_fixed_and_1_2_is():
    cells = window_cells(AMOUNTS, ALL, set())
    assert pd.isna(span_total(cells, 202101, 202101))
    assert pd.isna(span_total(cells, 202102, 202102))  # February alone: 1–2月 less January
    assert span_total(cells, 202101, 202102) == 30


def test_spn003_hidden_months_are_bridged_by_published_1_n_cells():
    """October and November hidden, and 1–10月 with them (the relation 1–M月 = 1–(M−1)月 + M
    hides one of its cells with a month): each month alone stays unknown, but the year, and
    October–November together (1–11月 less 1–9月), are differences of published cells."""
    hidden = {(MONTH, 202110), (MONTH, 202111), (YTD, 202110)}
    cells = window_cells(AMOUNTS, ALL, hidden)
    assert pd.isna(span_total(cells, 202110, 202110))
    assert pd.isna(span_total(cells, 202111, 202111))
    assert span_total(cells, 202110, 202111) == 210
    assert span_total(cells, 202101, 202112) == _sum(202101, 202112)


def test_spn004_a_run_is_hidden_when_no_published_cells_join_its_ends():
    """October and November hidden, and 1–10月 and 1–11月 with them: nothing reaches the end of
    October, so October, 1–10月 and any run ending there stay hidden; the two months together
    are still 1–12月 less December less 1–9月."""
    hidden = {(MONTH, 202110), (YTD, 202110), (MONTH, 202111), (YTD, 202111)}
    cells = window_cells(AMOUNTS, ALL, hidden)
    assert pd.isna(span_total(cells, 202101, 202110))
    assert pd.isna(span_total(cells, 202110, 202110))
    assert span_total(cells, 202110, 202111) == 210
    assert span_total(cells, 202101, 202112) == _sum(202101, 202112)


def test_spn005_runs_cross_years_through_the_1_12_cell():
    amounts = {**AMOUNTS, **{202200 + k: 5 * k for k in range(1, 13)}}
    months = ALL + month_range(202201, 202206)
    cells = window_cells(amounts, months, {(MONTH, 202108)})
    expected = sum(v for p, v in amounts.items() if 202107 <= p <= 202206)
    assert span_total(cells, 202107, 202206) == expected  # (1–12月 − 1–6月) + 1–6月 next year


def test_spn006_a_month_not_released_is_no_cell_and_a_released_empty_month_is_zero():
    amounts = {p: v for p, v in AMOUNTS.items() if p != 202105}
    cells = window_cells(amounts, [p for p in ALL if p != 202112], set())
    assert cells[(202105, 202105)] == 0
    assert (202112, 202112) not in cells and (202101, 202112) not in cells
    assert pd.isna(span_total(cells, 202112, 202112))
    assert pd.isna(span_total(cells, 202101, 202112))
    assert span_total(cells, 202101, 202111) == _sum(202101, 202111) - 50


def test_spn007_months_total_sums_exact_months_and_bridges_hidden_ones():
    exact = Months(pd.Series(AMOUNTS))
    assert exact.total([202101, 202102]) == 30
    assert exact.total([202113]) == 0  # a month without data adds zero
    hidden = {(MONTH, 202110), (MONTH, 202111), (YTD, 202110)}
    cells = window_cells(AMOUNTS, ALL, hidden)
    amounts = pd.Series({p: (pd.NA if p in (202110, 202111) else v) for p, v in AMOUNTS.items()})
    shown = Months(amounts.astype("Int64"), cells)
    assert shown.total(ALL) == _sum(202101, 202112)
    assert pd.isna(shown.total([202110]))
    assert shown.total([202103, 202104, 202110, 202111]) == 30 + 40 + 210  # two runs
    assert pd.isna(Months(amounts.astype("Int64")).total(ALL))  # no cells: nothing bridges


def test_spn008_runs_group_consecutive_months_across_a_year_end():
    assert runs([202112, 202201, 202203, 202111]) == [(202111, 202201), (202203, 202203)]
