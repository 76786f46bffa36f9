"""The exact-recovery audit at every release (etl.disclosure.exact), without the LP audit."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.disclosure import DisclosureRule, exact, picks
from etl.disclosure.audit import audit, system
from etl.disclosure.pattern import compute_pattern, month_cells
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
    with unaudited() as s:
        runs = s.execute(
            sa.select(
                m.Release.period,
                m.DisclosureRun.pinned,
                m.DisclosureRun.narrow,
                m.DisclosureRun.inherent,
                m.DisclosureRun.audited,
            ).join(m.DisclosureRun, m.DisclosureRun.release_id == m.Release.id)
        ).all()
    assert {
        (p % 100 == 1, pinned, narrow, inherent) for p, pinned, narrow, inherent, _ in runs
    } == {
        (True, None, None, None),  # January: no cells of its own
        (False, 0, 0, 0),
    }
    assert all(audited is None for *_, audited in runs)  # the LP did not run


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
    outcome = exact.repair(pattern, SCOPE, 202102, {}, 0.15)
    assert (outcome.pinned, outcome.narrow) == (0, 0) and outcome.added > 0
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
