"""The release-time audit at every release (etl.disclosure.exact, with its LP), without the atom LP."""

from __future__ import annotations

import os

import numpy as np
import pytest
import sqlalchemy as sa

from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.disclosure import DisclosureRule, attacker, exact, intervals, picks, pins, store
from etl.disclosure.audit import audit, system
from etl.disclosure.catalogue import YTD
from etl.disclosure.pattern import PRIMARY, compute_pattern, month_cells
from etl.disclosure.store import month_as_released
from etl.queries import disclosure as queries_disclosure
from tests.db import disclosure_case as case
from tests.db.test_disclosure import SCOPE, _year


@pytest.fixture(scope="module")
def unaudited(template_urls, prepared, tmp_path_factory):
    """The constructed case released as by default: the exact audit, no LP (a pure computation
    over the released lines: one backend is enough). The HTTP tests' build, copied."""
    if "sqlite" not in template_urls:
        pytest.skip("sqlite not configured")
    workdir = tmp_path_factory.mktemp("exact")
    url, _ = prepared.copy(case.released_with_accounts, "sqlite", workdir)
    engine = make_engine(url)
    yield make_session_factory(engine)
    engine.dispose()


def test_dsx001_every_release_records_nothing_left_pinned_or_narrow(unaudited):
    """Every run records nothing left, by the LP's intervals (the case is small enough)."""
    with unaudited() as s:
        runs = s.execute(
            sa.select(
                m.Release.period,
                m.DisclosureRun.pinned,
                m.DisclosureRun.narrow,
                m.DisclosureRun.inherent,
                m.DisclosureRun.lp,
                m.DisclosureRun.audited,
            ).join(m.DisclosureRun, m.DisclosureRun.release_id == m.Release.id)
        ).all()
    assert {
        (p % 100 == 1, pinned, narrow, inherent, lp) for p, pinned, narrow, inherent, lp, _ in runs
    } == {
        (True, None, None, None, None),  # January: no cells of its own
        (False, 0, 0, 0, True),  # the last audit was the attacker's LP over every primary cell
    }
    assert all(audited is None for *_, audited in runs)  # the atom LP did not run


def test_dsx002_the_atom_lp_agrees_no_protected_cell_is_recovered_exactly(unaudited):
    """The LP over the atoms (a stronger attacker: it knows which finest cells are zero) finds
    no primary cell whose interval is a single value. Narrow intervals it may find: those are
    what the LP audit and its repair are for (test_disclosure.test_dsc004)."""
    tree, suppressed, lines = _year(unaudited)
    findings = audit(system(lines, tree, SCOPE, [202102, 202103, 202104]), suppressed, 0.15)
    assert [f for f in findings if f.high - f.low < 1] == []


def test_dsx003_the_relation_rule_alone_leaves_cells_that_the_repair_protects(unaudited):
    """February's pattern computed without the repair has pinned primary cells; repaired, none
    is pinned or narrow, and every cell hidden before is still hidden."""
    tree, _, lines = _year(unaudited)
    cells = month_cells(lines, 202102, tree, SCOPE)
    pattern = compute_pattern(cells, tree, SCOPE, 202102, set(), DisclosureRule(), 0.15)
    before = dict(pattern.suppressed)
    found = exact.findings(pattern, SCOPE, 202102, {}, 0.15)
    assert found.pinned
    reports = []
    outcome = exact.repair(pattern, SCOPE, 202102, {}, 0.15, report=lambda **v: reports.append(v))
    assert (outcome.pinned, outcome.narrow) == (0, 0) and outcome.added > 0
    # each round that repaired said so (a release job shows it): its number and what it found
    assert [r["round"] for r in reports] == list(range(1, outcome.rounds + 1))
    assert reports[0]["left"] >= len(found.pinned) and all(r["left"] > 0 for r in reports)
    assert all(r["lp"] == 0 for r in reports)  # no LP here
    found = exact.findings(pattern, SCOPE, 202102, {}, 0.15)
    assert (found.pinned, found.narrow) == ([], [])
    assert before.items() <= pattern.suppressed.items()


def test_dsx004_the_time_budget_holds_inside_a_round(unaudited, monkeypatch):
    """A round's searches stop when the budget is up (a release's audit waits no longer than
    its budget however many cells a round has to search for); what is left is reported."""
    tree, _, lines = _year(unaudited)
    cells = month_cells(lines, 202102, tree, SCOPE)
    pattern = compute_pattern(cells, tree, SCOPE, 202102, set(), DisclosureRule(), 0.15)
    found = exact.findings(pattern, SCOPE, 202102, {}, 0.15)
    to_search = len(found.pinned[: picks.PINS_PER_ROUND]) + len(found.narrow)
    assert to_search > 3
    clock = iter(range(10**6))  # each look at the clock: one second later
    monkeypatch.setattr(exact.time, "monotonic", lambda: float(next(clock)))
    searched = []
    for name in ("_pick_for_pin", "_pick_for_bound"):
        search = getattr(picks, name)
        monkeypatch.setattr(picks, name, lambda *a, f=search: searched.append(a[1]) or f(*a))
    outcome = exact.repair(pattern, SCOPE, 202102, {}, 0.15, seconds=3)
    assert 0 < len(searched) < to_search  # the round stopped searching on time
    assert outcome.rounds == 1  # and the audit after it reported what was left
    assert outcome.pinned + outcome.narrow > 0


def _released_year(factory, last: int | None = None):
    """The year's released months as the attacker holds them (up to `last`), and the year's
    system with the last of them (etl.disclosure.attacker)."""
    with factory() as s:
        tree = queries_disclosure.hierarchy(s)
        releases = queries_disclosure.year_releases(s, SCOPE, 2021)
        lines = queries_disclosure.released_lines(
            s, SCOPE, {r.period: r.data_event_id for r in releases}
        )
        months = {
            r.period: month_as_released(s, r, lines, tree)
            for r in releases
            if r.period % 100 >= 2 and (last is None or r.period <= last)
        }
    last = max(months)
    return months, attacker.Year(months[last], last, {p: c for p, c in months.items() if p < last})


def test_dsx005_the_attackers_lp_narrows_no_primary_cell_of_the_year(unaudited):
    """The issue's audit, as released by default: every published figure of the year's released
    months (what a leader can obtain: the catalogue's cells) and, for every primary cell, the
    interval of values consistent with all of them (LP, amounts never negative): none is
    narrower than ±15 % of its value on either side."""
    months, year = _released_year(unaudited)
    status = year.status(months[max(months)])
    primary = [k for k, why in status.items() if why == PRIMARY]
    assert len(primary) > 1000  # every window, node and month of the year
    assert year.lp_narrow(pins.equations(year.relations, set(status)), primary, 0.15) == []


# A protection level the relation rule alone does not meet on this case's March: 7 of March's
# primary cells narrow by the LP at ±30 % (none at the product's ±15 %, since the complements
# carry their primary cells' level: docs/disclosure.md step 3). What the LP's own tests need.
LEVEL = 0.3


def _march(factory):
    """March's cells over February (its pattern repaired with the LP at LEVEL, as a release at
    that level would), and what computing March's pattern by the relation rule at LEVEL needs."""
    tree, _, lines = _year(factory)
    february = month_cells(lines[lines["period"] <= 202102], 202102, tree, SCOPE)
    pattern = compute_pattern(february, tree, SCOPE, 202102, set(), DisclosureRule(), LEVEL)
    exact.repair(pattern, SCOPE, 202102, {}, LEVEL, lp_cells=10**6)
    months = {202102: attacker.MonthCells(pattern.value, pattern.relations, pattern.suppressed)}
    fixed = {k[1:] for k in pattern.suppressed if k[0] == YTD}
    cells = month_cells(lines[lines["period"] <= 202103], 202103, tree, SCOPE)
    return months, lambda: compute_pattern(
        cells, tree, SCOPE, 202103, fixed, DisclosureRule(), LEVEL
    )


def _blind_shuttle(monkeypatch) -> None:
    """The shuttle judges no cell narrow: the weaker audit the LP stands behind (on this case,
    since cells sort stably, the shuttle's repair happens to leave nothing the LP narrows; a
    shuttle that misses every cell shows what the LP catches on its own)."""
    monkeypatch.setattr(attacker.Year, "_narrow", lambda *a: [])


def test_dsx006_without_the_lp_a_cell_stays_narrow_that_the_lp_repair_widens(
    unaudited, monkeypatch
):
    """March on top of February as released, the shuttle blind: the repair without the LP
    passes a pattern whose primary cells the LP narrows; the LP's repair widens them all,
    hiding more and showing nothing hidden before."""
    months, pattern_of = _march(unaudited)
    _blind_shuttle(monkeypatch)

    reports = []

    def repaired(lp_cells: int):
        pattern = pattern_of()
        outcome = exact.repair(
            pattern,
            SCOPE,
            202103,
            months,
            LEVEL,
            lp_cells=lp_cells,
            report=lambda **v: reports.append(v),
        )
        year = attacker.Year(pattern, 202103, months)
        status = year.status(pattern)
        primary = [k for k, why in status.items() if why == PRIMARY]
        eq = pins.equations(year.relations, set(status))
        return pattern, outcome, {k for k, _ in year.lp_narrow(eq, primary, LEVEL)}

    shuttle, outcome, narrow = repaired(lp_cells=0)
    assert (outcome.pinned, outcome.narrow, outcome.lp) == (0, 0, False)
    assert any(key[1] == 202103 for key in narrow)  # March's own cells, not only earlier ones
    assert not reports  # the blind shuttle found nothing to repair
    lp, outcome, narrow = repaired(lp_cells=10**6)
    assert (outcome.pinned, outcome.narrow, outcome.lp, narrow) == (0, 0, True, set())
    assert reports and reports[0]["lp"] == reports[0]["left"] > 0  # the LP's cells, said so
    assert shuttle.suppressed.items() <= lp.suppressed.items()


def test_dsx007_cells_the_lp_found_count_as_left_when_its_time_runs_out(unaudited, monkeypatch):
    """The LP found narrow cells, then the time ran out before it could look again: the run
    reports them left (by the LP), never a pass."""
    months, pattern_of = _march(unaudited)
    _blind_shuttle(monkeypatch)
    calls = []
    decide = intervals.narrow_cells

    def out_of_time_after_the_first(*args, **kwargs):
        calls.append(1)
        return decide(*args, **kwargs) if len(calls) == 1 else None

    monkeypatch.setattr(intervals, "narrow_cells", out_of_time_after_the_first)
    outcome = exact.repair(pattern_of(), SCOPE, 202103, months, LEVEL, lp_cells=10**6)
    assert len(calls) > 1
    assert outcome.lp and outcome.narrow >= 1 and outcome.pinned == 0


_PATTERN_IN_A_CHILD = """
import hashlib, pickle, sys
from etl.disclosure import DisclosureRule
from etl.disclosure.pattern import compute_pattern, month_cells
lines, tree = pickle.load(open(sys.argv[1], "rb"))
cells = month_cells(lines, 202103, tree, "120000")
pattern = compute_pattern(cells, tree, "120000", 202103, set(), DisclosureRule(), 0.15)
print(hashlib.sha256(repr(sorted(pattern.suppressed.items())).encode()).hexdigest())
"""


def test_dsx008_the_pattern_is_the_same_on_every_cpu(unaudited, tmp_path):
    """The same data give the same pattern whatever vector instructions the CPU has: numpy's
    default sort orders tied amounts by its SIMD kernels (AVX-512, AVX2, none), and a cell's
    order picks among equally cheap complements (11 disclosure tests failed on a new machine
    until the cells sorted stably). Each child runs with a level of numpy's kernels switched off."""
    import pickle
    import subprocess
    import sys

    from numpy._core._multiarray_umath import __cpu_features__

    tree, _, lines = _year(unaudited)
    data = tmp_path / "lines.pickle"
    data.write_bytes(pickle.dumps((lines, tree)))
    levels = [f for f in ("X86_V4", "X86_V3") if __cpu_features__.get(f)]
    digests = set()
    for off in range(len(levels) + 1):
        env = {**os.environ, "NPY_DISABLE_CPU_FEATURES": " ".join(levels[:off])}
        child = subprocess.run(
            [sys.executable, "-c", _PATTERN_IN_A_CHILD, str(data)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(child.stdout.strip())
    assert len(digests) == 1


def _lps_and_narrow(unaudited, monkeypatch, **settings) -> list[tuple[int, set]]:
    """For each value of the one intervals setting given: the LPs that decide every primary cell
    of the year on March's pattern by the relation rule alone (over February as released), and
    the (column, side) found narrow."""
    months, pattern_of = _march(unaudited)
    pattern = pattern_of()
    year = attacker.Year(pattern, 202103, months)
    status = year.status(pattern)
    eq = pins.equations(year.relations, set(status))
    amounts = year.relations.value[eq.columns]
    primary = np.array([eq.index[k] for k, why in status.items() if why == PRIMARY])
    ((name, values),) = settings.items()
    solve, runs = intervals.linprog, []
    for value in values:
        calls = []
        monkeypatch.setattr(intervals, name, value)
        monkeypatch.setattr(
            intervals, "linprog", lambda *a, c=calls, **k: c.append(1) or solve(*a, **k)
        )
        found = intervals.narrow_cells(eq, amounts, primary, LEVEL)
        runs.append((len(calls), {(n.column, n.side) for n in found}))
    return runs


def test_dsx009_random_weights_decide_the_year_with_fewer_lps(unaudited, monkeypatch):
    """The LP's batches weight each cell at random (intervals.SPREAD): they decide the year in
    fewer LPs than equal weights (SPREAD 0), and find the same cells narrow (without the lone
    cells' push, which dsx010 tries)."""
    monkeypatch.setattr(intervals, "TAIL_PUSH", 0.0)
    runs = _lps_and_narrow(unaudited, monkeypatch, SPREAD=(0.0, intervals.SPREAD))
    (equal, equal_found), (spread, spread_found) = runs
    assert spread < equal and spread_found == equal_found and len(equal_found) > 0


def test_dsx010_a_lone_cells_lp_pushes_the_others_and_decides_more(unaudited, monkeypatch):
    """Where no batch decides anything more, a cell's own LP also pushes the other undecided
    cells a little (intervals.TAIL_PUSH): with equal batch weights, which leave a tail on this
    case, the year is decided in fewer LPs than without the push, the same cells narrow."""
    monkeypatch.setattr(intervals, "SPREAD", 0.0)
    runs = _lps_and_narrow(unaudited, monkeypatch, TAIL_PUSH=(0.0, intervals.TAIL_PUSH))
    (alone, alone_found), (pushed, pushed_found) = runs
    assert pushed < alone and pushed_found == alone_found and len(alone_found) > 0


def test_dsx011_a_release_says_each_round_of_its_months_audit(unaudited):
    """Computing February's patterns again (as a revision would: February, then every later
    month) reports each month, then each repair round of its audit under the same month and
    place in the list: what the release page shows while a long release runs."""
    steps = []
    with unaudited() as s:
        store.compute_patterns(
            s, SCOPE, 202102, store.Safeguards(), lambda step, **v: steps.append((step, v))
        )
    months = [v["month"] for step, v in steps if step == "pattern"]
    assert months[0] == 202102 and len(months) > 1 and months == sorted(months)
    audits = [v for step, v in steps if step == "audit"]
    assert audits and {a["month"] for a in audits} <= set(months)
    for a in audits:  # after its month's own step, before the next month's
        said = steps.index(("pattern", {k: a[k] for k in ("month", "index", "count")}))
        assert steps.index(("audit", a)) > said and a["left"] > 0
        assert a["count"] == len(months) and months[a["index"] - 1] == a["month"]
    february = [a["round"] for a in audits if a["month"] == 202102]
    assert february == list(range(1, len(february) + 1)) and february
