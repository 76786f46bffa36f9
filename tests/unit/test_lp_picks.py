"""The LP's quick picks (etl.disclosure.picks): a figure its certificate already answers is never
picked, and every figure it rules out would indeed have left the cell narrow."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from scipy.optimize import linprog

from etl.disclosure import intervals, picks
from etl.disclosure.attacker import Findings
from etl.disclosure.catalogue import ALL, MONTH
from tests.unit.test_intervals import PROTECTION
from tests.unit.test_pins import _eq, _table, _values


def _case(seed: int):
    """A random 4×5 table with margins, 12 of its cells hidden: relations, values, hidden."""
    rng = np.random.default_rng(seed)
    value = _values(4, 5, seed=int(rng.integers(1_000_000)))
    cells = list(value)
    hidden = {cells[i] for i in rng.choice(len(cells), size=12, replace=False)}
    return _table(4, 5), value, hidden


def _narrow(relations, value, hidden) -> tuple:
    """The equations, and every (cell, side) the whole LP narrows with its certificate."""
    eq = _eq(relations, hidden, value)
    amounts = eq.relations.value[eq.columns]
    found = intervals.narrow_cells(eq, amounts, np.arange(len(eq.hidden)), PROTECTION)
    return eq, found


def _still_narrow(relations, value, hidden, cell, side) -> bool:
    """Whether the LP still holds `cell` short of its level on `side` with `hidden` hidden (one
    LP, with the audit's slack)."""
    eq = _eq(relations, hidden, value)
    sign = 1.0 if side == "low" else -1.0
    objective = np.zeros(len(eq.hidden))
    objective[eq.index[cell]] = sign
    result = linprog(objective, A_eq=eq.matrix, b_eq=eq.constant, bounds=(0, None))
    if result.status == 3:  # no largest value
        return False
    level = (1 - sign * PROTECTION) * value[cell]
    return sign * (sign * result.fun - level) > intervals.reach_slack(level)


def test_lpk001_a_figure_the_certificate_answers_leaves_the_cell_narrow():
    """Over random tables: every published figure of a narrow cell's relations that
    _could_widen rules out, hidden alone, leaves the cell narrow on that side (weak duality);
    the rule rules some out, and some of those it keeps widen the cell."""
    ruled_out = kept_and_widened = 0
    for seed in range(10):
        relations, value, hidden = _case(seed)
        eq, found = _narrow(relations, value, hidden)
        findings = Findings(eq, value, [], [], None, "scope")
        for narrow in found:
            if narrow.weights is None:  # a twin's bound: no certificate of its own
                continue
            cell = eq.hidden[narrow.column]
            options = list(
                dict.fromkeys(
                    k for row in narrow.rows for k in eq.members(row) if k not in eq.index
                )
            )
            useful = picks._could_widen(findings, cell, narrow, options, PROTECTION)
            for k in options:
                narrow_after = _still_narrow(relations, value, hidden | {k}, cell, narrow.side)
                if k not in useful:
                    ruled_out += 1
                    assert narrow_after, (seed, cell, narrow.side, k)
                else:
                    kept_and_widened += not narrow_after
    assert ruled_out > 50 and kept_and_widened > 100


def _search(monkeypatch, needs: dict, own: dict, budget=(100, 0.0)) -> tuple[list, list]:
    """lp_picks over a stand-in year of eight figures whose LP narrows each (cell, side) of
    `needs` until one of its sets of figures is hidden; `own`: the figures of the relations of
    each target's bound. The figures chosen, and each trial's (targets, figures hidden)."""
    month = 202103
    figures = [(MONTH, month, "120000", f"S{i}", ALL, ALL, ALL) for i in range(8)]
    trials = []

    def lp_widens(hidden, extra, cell, side, protection, deadline):
        trials.append(([(cell, side)], sorted(k[3] for k in extra)))
        return any(set(figures) <= {k[3] for k in extra} for figures in needs[cell, side])

    year = SimpleNamespace(
        month=month,
        relations=SimpleNamespace(columns_of=lambda keys: np.arange(0)),
        status=lambda pattern: {},
        changeable=lambda: figures,
        lp_widens=lp_widens,
    )
    found = SimpleNamespace(
        changeable_members=lambda row, m: [figures[i] for i in own[row]],
        scope="120000",
        value={k: 100 + i for i, k in enumerate(figures)},
    )
    rows = {t: i for i, t in enumerate(needs)}
    targets = [(c, intervals.Narrow(0, side, 1.0, np.array([rows[c, side]]))) for c, side in needs]
    own = {rows[t]: own[t] for t in needs}
    monkeypatch.setattr(picks, "LP_TRIALS", budget[0])
    monkeypatch.setattr(picks, "LP_SEARCH_SECONDS", budget[1])
    chosen = picks.lp_picks(year, None, found, targets, PROTECTION, float("inf"))
    return sorted(k[3] for k in chosen), trials


def test_lpk002_one_search_per_cell_each_trial_its_own_lp(monkeypatch):
    """Each trial is one (cell, side)'s LP; each cell's search finds its own figure among its
    relations', and B's starts from the figure chosen for A."""
    needs = {("A", "high"): [["S2"]], ("B", "low"): [["S5"]]}
    own = {("A", "high"): [0, 1, 2, 3], ("B", "low"): [4, 5, 6, 7]}
    chosen, trials = _search(monkeypatch, needs, own)
    assert chosen == ["S2", "S5"]
    cells = [targets[0][0] for targets, _ in trials]
    assert cells == sorted(cells) and cells[-1] == "B"  # A's search, then B's
    b_trials = [hidden for targets, hidden in trials if targets == [("B", "low")]]
    assert all("S2" in hidden for hidden in b_trials)  # A's figure stays hidden for B
    assert all(set(hidden) <= {"S0", "S1", "S2", "S3"} for targets, hidden in trials[:4])


def test_lpk003_a_cell_the_earlier_figures_widen_costs_one_trial(monkeypatch):
    """B is widened by the figure chosen for A: one trial of B's (nothing more hidden for it)."""
    needs = {("A", "high"): [["S2"]], ("B", "low"): [["S2"], ["S5"]]}
    own = {("A", "high"): [0, 1, 2, 3], ("B", "low"): [4, 5, 6, 7]}
    chosen, trials = _search(monkeypatch, needs, own)
    assert chosen == ["S2"]
    assert [hidden for targets, hidden in trials if targets == [("B", "low")]] == [["S2"]]


def test_lpk004_beyond_its_own_relations_when_they_cannot_widen_it(monkeypatch):
    """A's relations hold no figure that widens it: the search goes on among every target's
    relations, then the whole month's, and finds the one it needs."""
    needs = {("A", "high"): [["S6"]], ("B", "low"): [["S4"]]}
    own = {("A", "high"): [0, 1], ("B", "low"): [4, 5]}
    chosen, _ = _search(monkeypatch, needs, own)
    assert chosen == ["S4", "S6"]


def test_lpk005_out_of_trials_each_search_hides_its_candidates_after_one_trial(monkeypatch):
    """With no trials left, each cell's search makes one trial (its candidates, all hidden) and
    keeps them: a set that works, larger than the smallest."""
    needs = {("A", "high"): [["S2"]], ("B", "low"): [["S5"]]}
    own = {("A", "high"): [0, 1, 2, 3], ("B", "low"): [4, 5, 6, 7]}
    chosen, trials = _search(monkeypatch, needs, own, budget=(0, 0.0))
    assert chosen == [f"S{i}" for i in range(8)] and len(trials) == 3  # A's, B's check, B's
