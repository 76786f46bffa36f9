"""The LP over the relations near a cell (etl.disclosure.nearby): a proof of narrow, never of wide."""

from __future__ import annotations

import numpy as np
import pytest

from etl.disclosure import intervals, nearby
from tests.unit.test_intervals import PROTECTION, _one_lp_a_cell, _random_case
from tests.unit.test_pins import _eq, _table, _values


def _blocks(seed: int, count: int = 8, hidden: int = 10):
    """`count` random two-way tables with margins, side by side in one system (no relation
    joins two), each with `hidden` of its cells hidden: equations and amounts."""
    rng = np.random.default_rng(seed)
    relations, value, chosen = [], {}, set()
    for block in range(count):
        table = _values(4, 5, seed=int(rng.integers(1_000_000)))
        keys = list(table)
        relations += [[(block, k) for k in relation] for relation in _table(4, 5)]
        value |= {(block, k): v for k, v in table.items()}
        picks = rng.choice(len(keys), size=hidden, replace=False)
        chosen |= {(block, keys[i]) for i in picks}
    eq = _eq(relations, chosen, value)
    return eq, eq.relations.value[eq.columns]


def _proof(eq, amounts, column, side):
    """nearby.narrow_bound for one hidden cell, in the LP's unit as intervals solves it."""
    scale = intervals.lp_scale(eq.constant)
    sign = 1.0 if side == "low" else -1.0
    level = (1 - sign * PROTECTION) * amounts[column]
    slack = intervals.reach_slack(level)
    rings = nearby.Rings.of(eq.matrix)
    return nearby.narrow_bound(rings, eq.constant / scale, scale, column, level, side, slack)


def test_near001_a_proof_is_sound_and_no_tighter_than_the_whole_lp(monkeypatch):
    """With only the relations of the cell itself (one ring), every cell it proves narrow is
    narrow in the whole system, by a bound no tighter than the whole LP's; and one ring leaves
    some narrow cells unproven (the rest of the table is what narrows them)."""
    monkeypatch.setattr(nearby, "MAX_SHARE", 1.0)
    monkeypatch.setattr(nearby, "MAX_STEPS", 1)
    proven = unproven = 0
    for seed in range(12):
        eq, amounts = _random_case(seed, rows=5, cols=6, hidden=12, margins=True)
        exact = _one_lp_a_cell(eq, amounts)
        for column in range(len(eq.hidden)):
            for side, sign in (("low", 1.0), ("high", -1.0)):
                proof = _proof(eq, amounts, column, side)
                if proof is None:
                    unproven += (column, side) in exact
                    continue
                bound, rows, weights = proof
                assert (column, side) in exact
                assert sign * (bound - exact[column, side]) <= 1e-6 * max(1.0, amounts[column])
                assert rows.size > 0 and weights.shape == rows.shape
                # the multipliers are the bound's certificate: the rows' published parts,
                # weighed by them, make the bound (the LP's duality)
                made = float(weights @ eq.constant[rows])  # both in cents
                assert made == pytest.approx(sign * bound, rel=1e-6, abs=1e-3)
                proven += 1
    assert proven > 50 and unproven > 30


def _audit_both_ways(monkeypatch, eq, amounts) -> dict[bool, int]:
    """narrow_cells without and with the nearby proofs: each finds exactly the (cell, side) of
    two LPs per cell, each bound no tighter than the whole LP's. The whole LPs each solved."""
    calls = []
    solve = intervals.linprog
    monkeypatch.setattr(intervals, "linprog", lambda *a, **k: calls.append(1) or solve(*a, **k))
    every = np.arange(len(eq.hidden))
    exact = _one_lp_a_cell(eq, amounts)
    assert exact
    counts = {}
    for on in (False, True):
        monkeypatch.setattr(intervals, "NEARBY_FROM", 0 if on else 10**9)
        calls.clear()
        found = intervals.narrow_cells(eq, amounts, every, PROTECTION)
        counts[on] = len(calls)
        assert {(n.column, n.side) for n in found} == set(exact)
        for n in found:
            sign = 1.0 if n.side == "low" else -1.0
            assert sign * (n.bound - exact[n.column, n.side]) <= 1e-6 * amounts[n.column]
            assert len(n.rows) > 0
    return counts


def test_near002_the_audit_finds_the_same_cells_with_fewer_whole_lps(monkeypatch):
    """Tables side by side: their narrow cells are proven near themselves, so the audit finds
    the same cells solving the whole system far fewer times (about 110 against 15)."""
    for seed in range(3):
        counts = _audit_both_ways(monkeypatch, *_blocks(seed))
        assert counts[True] * 2 < counts[False]


def test_near004_a_weaker_bound_leaves_the_twins_it_does_not_narrow_undecided(monkeypatch):
    """With one ring only, a proof's bound is often weaker than the whole LP's: a twin that
    bound does not narrow must be decided by its own LP, not called wide (tables with their
    margins hidden, where twins abound). The same cells as two LPs per cell."""
    monkeypatch.setattr(nearby, "MAX_SHARE", 1.0)
    monkeypatch.setattr(nearby, "MAX_STEPS", 1)
    for seed in range(8):
        _audit_both_ways(monkeypatch, *_random_case(seed, rows=5, cols=6, hidden=12, margins=True))


def test_near003_a_ring_too_large_proves_nothing(monkeypatch):
    """A ring holding more than MAX_SHARE of the relations is not solved: the whole LP is as
    cheap. One table: its cell's second ring is the whole table."""
    eq, amounts = _random_case(4, rows=5, cols=6, hidden=12, margins=True)
    narrow = sorted(_one_lp_a_cell(eq, amounts))
    assert narrow
    monkeypatch.setattr(nearby, "MAX_SHARE", 0.0)
    assert all(_proof(eq, amounts, column, side) is None for column, side in narrow)
    monkeypatch.setattr(nearby, "MAX_SHARE", 1.0)
    assert all(_proof(eq, amounts, column, side) is not None for column, side in narrow)
