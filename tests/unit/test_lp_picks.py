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


def _search(monkeypatch, suspects: int) -> tuple[list, list]:
    """lp_picks over a stand-in year whose LP trials narrow cell A until figure 2 is hidden and
    cell B until figure 5 is: the figures chosen, and each trial's (suspects, answer)."""
    month = 202103
    figures = [(MONTH, month, "120000", f"S{i}", ALL, ALL, ALL) for i in range(8)]
    needs = {("A", "high"): figures[2], ("B", "low"): figures[5]}
    trials = []

    def lp_trial(hidden, extra, targets, protection, deadline, told):
        order = [*told, *(t for t in targets if t not in told)]  # as narrow_cells decides them
        answer = [t for t in order if needs[t] not in extra][:1]
        trials.append((list(told), answer))
        return answer

    year = SimpleNamespace(
        month=month,
        relations=SimpleNamespace(
            columns_of=lambda keys: np.arange(0), index={k: i for i, k in enumerate(figures)}
        ),
        status=lambda pattern: {},
        changeable=lambda: figures,
        lp_trial=lp_trial,
    )
    found = SimpleNamespace(
        changeable_members=lambda row, m: figures[:4],
        scope="120000",
        value={k: 100 + i for i, k in enumerate(figures)},
    )
    targets = [(cell, intervals.Narrow(0, side, 1.0, np.array([0]))) for cell, side in needs]
    monkeypatch.setattr(picks, "LP_SUSPECTS", suspects)
    # a stand-in without relations: every figure equally near, so cost alone orders them
    monkeypatch.setattr(picks, "distances", lambda relations, start: np.zeros(len(figures)))
    chosen = picks.lp_picks(year, None, found, targets, PROTECTION, float("inf"))
    return chosen, trials


def test_lpk002_a_trial_decides_the_last_trials_narrow_cells_first(monkeypatch):
    """Each LP trial of the checked search is told the (cell, side) the last trials found narrow,
    the latest first; the figures chosen are those of the search told nothing."""
    chosen, trials = _search(monkeypatch, suspects=2)
    plain, _ = _search(monkeypatch, suspects=0)
    assert sorted(chosen) == sorted(plain) and {k[3] for k in chosen} == {"S2", "S5"}
    narrow_so_far: list = []
    for told, answer in trials:
        assert told == narrow_so_far[:2]
        if answer:
            narrow_so_far = [answer[0], *(t for t in narrow_so_far if t != answer[0])]
    assert any(answer and answer[0] in told for told, answer in trials)  # failed on a suspect
