"""The release-time repair's last resorts (etl.disclosure.exact, etl.disclosure.checked): picks
checked by the shuttle when the quick ones stall, and cells only earlier months give away."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import pytest

from etl.disclosure import attacker, checked, exact, picks, pins
from etl.disclosure.catalogue import MONTH, YTD
from etl.disclosure.pattern import PREVIOUS, PRIMARY


def test_rep001_the_smallest_sufficient_set_of_a_required_pair():
    """Only a set holding both "c" and "f" works: exactly those two are kept."""
    tried = []

    def works(subset):
        tried.append(list(subset))
        return {"c", "f"} <= set(subset)

    assert sorted(checked.smallest_sufficient(list("abcdefgh"), works)) == ["c", "f"]
    assert len(tried) <= 2 * (3 + 1) + 2  # about log2(8) + 1 trials per kept member


def test_rep002_each_kept_member_is_needed():
    """Weights must reach 10 (cheapest first): the set found works, and without any one of its
    members it does not."""
    weights = {"a": 1, "b": 2, "c": 6, "d": 3, "e": 9}

    def works(subset):
        return sum(weights[k] for k in subset) >= 10

    kept = checked.smallest_sufficient(list(weights), works)
    assert works(kept)
    assert all(not works([k for k in kept if k != out]) for out in kept)


def test_rep003_none_when_not_even_all_work_or_the_time_is_up():
    assert checked.smallest_sufficient(list("abc"), lambda subset: False) is None
    assert checked.smallest_sufficient(list("abc"), lambda subset: True, deadline=0.0) is None
    assert checked.smallest_sufficient([], lambda subset: not subset) == []


@pytest.mark.parametrize("trials", [1, 2, 3, 4, 5, 6, 7])
def test_rep008_out_of_trials_the_search_returns_a_set_that_works(trials):
    """Cut short after any number of trials, the search answers with a set that works (never one
    that fails, never nothing), within its trials; given enough, the smallest."""
    tried = []

    def works(subset):
        tried.append(list(subset))
        return {"c", "f"} <= set(subset)

    chosen = checked.smallest_sufficient(list("abcdefgh"), works, trials=trials)
    assert works(chosen)
    assert len(tried) - 1 <= trials  # the check above is one more
    full = checked.smallest_sufficient(list("abcdefgh"), works, trials=100)
    assert sorted(full) == ["c", "f"] and len(chosen) >= len(full)


def test_rep010_cheap_trials_run_on_until_the_seconds_are_spent(monkeypatch):
    """A search stops only when it has made its trials and spent its seconds: trials of 1 s with
    100 s to spend go on to the smallest set; with none to spend, they stop at the trials."""
    ticks = iter(range(10**6))
    monkeypatch.setattr(checked.time, "monotonic", lambda: float(next(ticks)))

    def works(subset):
        return {"c", "f"} <= set(subset)

    patient = checked.smallest_sufficient(list("abcdefgh"), works, trials=2, seconds=100.0)
    hasty = checked.smallest_sufficient(list("abcdefgh"), works, trials=2, seconds=0.0)
    assert sorted(patient) == ["c", "f"]
    assert works(hasty) and len(hasty) > 2


def test_rep009_out_of_time_after_a_first_trial_that_works():
    """The clock passes the deadline during the search: the set held is returned, and it works."""
    clock = iter([0.0, 0.0, 5.0, 5.0, 5.0, 5.0])

    def works(subset):
        return {"c", "f"} <= set(subset)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checked.time, "monotonic", lambda: next(clock))
        chosen = checked.smallest_sufficient(list("abcdefgh"), works, deadline=1.0)
    assert chosen is not None and works(chosen)


def test_rep011_a_search_cut_at_once_still_makes_its_first_trial():
    """With no trials and no seconds left, the search makes one trial, of all the candidates,
    and answers with them when they work (None when they do not)."""
    tried = []

    def works(subset):
        tried.append(list(subset))
        return {"c", "f"} <= set(subset)

    assert checked.smallest_sufficient(list("abcdefgh"), works, trials=0) == list("abcdefgh")
    assert tried == [list("abcdefgh")]
    assert checked.smallest_sufficient(list("abde"), works, trials=0) is None


def test_rep014_a_set_known_to_work_is_not_tried_again():
    """Once nothing cheaper is left, the kept figures are the set the search knows works: it
    returns them without trying them again, and no trial repeats a set."""
    tried = []

    def works(subset):
        tried.append(sorted(subset))
        return {"c", "f"} <= set(subset)

    assert checked.smallest_sufficient(["c", "f"], works) == ["f", "c"]
    assert tried == [["c", "f"], [], ["c"], ["f"]]
    tried.clear()

    def needs_f(subset):
        tried.append(list(subset))
        return "f" in subset

    assert checked.smallest_sufficient(["f"], needs_f) == ["f"]
    assert tried == [["f"], []]  # the empty set tried, the one candidate not again
    tried.clear()
    chosen = checked.smallest_sufficient(list("abcdefgh"), works)
    assert sorted(chosen) == ["c", "f"] and len(tried) == len({tuple(t) for t in tried})


@dataclass
class _Pattern:
    """What the repair reads and changes of a month's pattern (etl.disclosure.pattern.Pattern)."""

    value: dict
    relations: list
    suppressed: dict = field(default_factory=dict)

    def close(self) -> None:
        """No relation of these tests is left with one hidden cell."""


def _cell(window: str, category: str, region: str = "R") -> tuple:
    """A catalogue key without its period: window, region, category, mode, direction, partner."""
    return (window, region, category, "bop", "*", "*")


def test_rep004_a_cell_earlier_months_give_away_is_reported_and_costs_nothing():
    """1–4月 of A is confidential, but 1–3月 (100) was published in March and amounts are never
    negative: 1–4月 ≥ 100, within 15 % of its 105 whatever April hides. The repair hides April's
    month figure (else 1–4月 = 100 + 5 exactly) and reports the rest as given by earlier months,
    hiding nothing more for it."""
    march = attacker.MonthCells({_cell(YTD, "A"): 100}, [], {})
    april = _Pattern(
        {_cell(YTD, "A"): 105, _cell(MONTH, "A"): 5},
        [(_cell(YTD, "A"), [_cell(PREVIOUS, "A"), _cell(MONTH, "A")])],
        {_cell(YTD, "A"): PRIMARY},
    )
    outcome = exact.repair(april, "R", 202104, {202103: march}, 0.15)
    assert (outcome.pinned, outcome.narrow, outcome.inherent) == (0, 1, 1)
    assert set(april.suppressed) == {_cell(YTD, "A"), _cell(MONTH, "A")}


def test_rep005_when_the_quick_picks_find_nothing_checked_picks_widen_the_bound(monkeypatch):
    """A shown total of 100 over a confidential 90 and a hidden 10: the 90 is at most 100, within
    15 %. With the quick search withheld, the checked search hides the total, the one figure that
    widens the bound, and nothing is left narrow."""
    total, big, small = _cell(YTD, "*"), _cell(YTD, "A"), _cell(YTD, "B")
    pattern = _Pattern(
        {total: 100, big: 90, small: 10},
        [(total, [big, small])],
        {big: PRIMARY, small: "secondary"},
    )
    monkeypatch.setattr(picks, "_pick_for_bound", lambda *a: None)
    found = exact.findings(pattern, "R", 202103, {}, 0.15)
    assert [cell for cell, _ in found.narrow] == [(YTD, 202103, *big[1:])]
    outcome = exact.repair(pattern, "R", 202103, {}, 0.15)
    assert (outcome.pinned, outcome.narrow, outcome.inherent) == (0, 0, 0)
    assert pattern.suppressed[total] == "secondary"


def test_rep013_lp_picks_on_a_year_widen_each_cell_the_lp_narrows():
    """Two regions, each a shown total over a confidential large part, a hidden small one and a
    shown smaller one: the LP narrows both large parts from above. The checked LP search hides
    the cheapest figures that widen them, the shown small parts (not the totals, headlines),
    after which the LP finds both wide; neither alone widens both."""
    value, relations, suppressed = {}, [], {}
    for region, amounts in (("R", (100, 85, 10, 5)), ("S", (200, 170, 20, 10))):
        cells = [_cell(YTD, c, region) for c in ("*", "A", "B", "C")]
        value |= dict(zip(cells, amounts))
        relations.append((cells[0], cells[1:]))
        suppressed |= {cells[1]: PRIMARY, cells[2]: "secondary"}
    pattern = _Pattern(value, relations, suppressed)
    year = attacker.Year(pattern, 202103, {})
    found = year.findings(pattern, "R", 0.15)
    targets = year.lp_narrow(found.eq, exact._primary(year, pattern), 0.15)
    assert sorted((c[2], n.side) for c, n in targets) == [("R", "high"), ("S", "high")]
    chosen = picks.lp_picks(year, pattern, found, targets, 0.15, float("inf"))
    assert sorted(chosen) == [(YTD, 202103, r, "C", "bop", "*", "*") for r in ("R", "S")]
    now, cells = year.hidden_columns(pattern), {c for c, _ in targets}
    assert year.lp_still_narrow(now, chosen, cells, 0.15) == set()
    assert all(year.lp_still_narrow(now, [k], cells, 0.15) for k in chosen)


@pytest.mark.parametrize("month", [202102, 202103])
def test_rep006_a_trial_leaves_the_pattern_as_it_was(month):
    """still_narrow hides on trial only; February's 1–2月 twins are hidden with their figure."""
    total, big, small = _cell(YTD, "*"), _cell(YTD, "A"), _cell(YTD, "B")
    pattern = _Pattern(
        {total: 100, big: 90, small: 10, _cell(MONTH, "*"): 100},
        [(total, [big, small])],
        {big: PRIMARY, small: "secondary"},
    )
    year = attacker.Year(pattern, month, {})
    cell = (YTD, month, *big[1:])
    now = year.hidden_columns(pattern)
    assert year.still_narrow(now, [], {cell}, 0.15) == {cell}
    hide_total = [(YTD, month, *total[1:])]
    # February: the month's own figure of the total is the same number, so it must go too
    assert year.still_narrow(now, hide_total, {cell}, 0.15) == set()
    assert set(pattern.suppressed) == {big, small}


def test_rep007_a_first_month_is_never_tried_as_given_by_earlier_months():
    """With no earlier month released, hiding all of the month leaves nothing of the year known:
    no cell can be given by earlier months, and the trial (a costly LP at 天津市's scale, all of
    February hidden) is not run. With an earlier month it is."""
    total, big, small = _cell(YTD, "*"), _cell(YTD, "A"), _cell(YTD, "B")
    pattern = _Pattern(
        {total: 100, big: 90, small: 10},
        [(total, [big, small])],
        {big: PRIMARY, small: "secondary"},
    )
    narrow = [((YTD, 202103, *big[1:]), "high")]
    tried = []

    def trial(hidden, extra, cells, protection):
        tried.append(cells)
        return set(cells)

    first = attacker.Year(pattern, 202103, {})
    assert exact._given_by_earlier(first, pattern, narrow, set(), trial, 0.15) == set()
    assert tried == []
    february = attacker.MonthCells({_cell(YTD, "A"): 50}, [], {})
    later = attacker.Year(pattern, 202103, {202102: february})
    assert exact._given_by_earlier(later, pattern, narrow, set(), trial, 0.15) == {narrow[0][0]}
    assert tried == [{narrow[0][0]}]


def test_rep015_distances_count_the_relations_between_cells():
    """A chain T = A + B, B = C + D, D = E + F and a table of its own: distances from A step
    through hidden and published cells alike; the other table is out of reach."""
    relations = [["T", "A", "B"], ["B", "C", "D"], ["D", "E", "F"], ["Z", "X", "Y"]]
    rel = pins.relations_matrix(relations, dict.fromkeys("TABCDEFXYZ", 1))
    steps = picks.distances(rel, rel.columns_of(["A"]))
    by_cell = {cell: steps[rel.index[cell]] for cell in rel.cells}
    assert by_cell == {"T": 1, "A": 0, "B": 1, "C": 2, "D": 2, "E": 3, "F": 3} | dict.fromkeys(
        "ZXY", float("inf")
    )


def _far_needed_year() -> tuple:
    """A shown total T = 10,000 over a confidential A (8,500), a hidden B and a shown C (500 =
    C1 300 + C2 200, shown); T's own parent G = T + U is shown. The LP holds A ≤ 9,500, narrow
    from above. Hiding T or C (the figures of A's bound) alone or together changes nothing (G − U
    and C1 + C2 give them back); hiding C with C1 widens it (A ≤ 9,800). Another table of ten
    figures of 100, cheaper than C1 but unrelated to A, lies beside it."""
    cell = partial(_cell, YTD)
    t, a, b, c, c1, c2 = (cell(k) for k in ("*", "A", "B", "C", "C1", "C2"))
    g, u = cell("*", "P"), cell("*", "Q")
    far = [cell(f"F{i}", "S") for i in range(10)]
    value = {t: 10_000, a: 8_500, b: 1_000, c: 500, c1: 300, c2: 200, g: 15_000, u: 5_000}
    value |= {cell("*", "S"): 1_000} | dict.fromkeys(far, 100)
    relations = [(t, [a, b, c]), (c, [c1, c2]), (g, [t, u]), (cell("*", "S"), far)]
    pattern = _Pattern(value, relations, {a: PRIMARY, b: "secondary"})
    year = attacker.Year(pattern, 202103, {})
    found = year.findings(pattern, "P", 0.15)
    targets = year.lp_narrow(found.eq, exact._primary(year, pattern), 0.15)
    return year, pattern, found, targets


def test_rep016_a_search_cut_short_tries_the_figures_near_the_cell_first(monkeypatch):
    """The figure A's bound needs (C1) lies two relations away and costs more than ten unrelated
    figures. Cut at four trials, the search holds the prefix of its candidates it has reached:
    nearest first, that is five figures with C1 among them, and the LP finds A wide; by cost
    alone it would hold all seventeen."""
    year, pattern, found, targets = _far_needed_year()
    assert [(c[3], n.side) for c, n in targets] == [("A", "high")]
    monkeypatch.setattr(picks, "LP_TRIALS", 4)
    monkeypatch.setattr(picks, "LP_SEARCH_SECONDS", 0.0)
    chosen = picks.lp_picks(year, pattern, found, targets, 0.15, float("inf"))
    assert len(chosen) == 5 and (YTD, 202103, "R", "C1", "bop", "*", "*") in chosen
    now = year.hidden_columns(pattern)
    assert year.lp_still_narrow(now, chosen, {targets[0][0]}, 0.15) == set()
    monkeypatch.setattr(picks, "distances", lambda relations, start: relations.value * 0)
    assert len(picks.lp_picks(year, pattern, found, targets, 0.15, float("inf"))) == 17


def test_rep017_a_search_run_to_its_end_keeps_the_cost_order(monkeypatch):
    """Without a limit the order chooses which figures are kept, and the cheapest are wanted:
    no distances are taken, and the search ends with the two figures that widen A, C and C1."""
    year, pattern, found, targets = _far_needed_year()
    monkeypatch.setattr(picks, "LP_TRIALS", None)

    def no_distances(relations, start):
        raise AssertionError("a search without a limit orders by cost alone")

    monkeypatch.setattr(picks, "distances", no_distances)
    chosen = picks.lp_picks(year, pattern, found, targets, 0.15, float("inf"))
    assert sorted(k[3] for k in chosen) == ["C", "C1"]


def test_rep015_a_pin_one_figure_a_round_does_not_free_gets_all_its_attack_leans_on(monkeypatch):
    """A confidential A under a shown total and a shown B is A = total − B exactly. With the
    one-figure pick finding nothing (as when each figure hidden opens another combination), the
    repair does not stop with the pin: it hides both figures the attack is made of."""
    total, a, b = _cell(YTD, "*"), _cell(YTD, "A"), _cell(YTD, "B")
    pattern = _Pattern({total: 100, a: 60, b: 40}, [(total, [a, b])], {a: PRIMARY})
    monkeypatch.setattr(picks, "_pick_for_pin", lambda *a: None)
    assert exact.findings(pattern, "R", 202103, {}, 0.15).pinned == [(YTD, 202103, *a[1:])]
    outcome = exact.repair(pattern, "R", 202103, {}, 0.15)
    assert outcome.pinned == 0
    assert pattern.suppressed == {a: PRIMARY, total: "secondary", b: "secondary"}
