"""The snapshot's fast read (aggregates, newest vintage) equals the as-of read of the lines."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from etl.db import make_engine, make_session_factory
from etl.disclosure import DisclosureRule
from etl.intake.retract import retract_batch
from etl.queries.as_of import enterprise_partners_as_of, latest_event_id
from etl.queries.targets import targets_in_regions
from etl.snapshot import read as snapshot_read
from etl.snapshot.archive import make_snapshot
from etl.snapshot.inputs import PARTNER_KEYS, table_slices, target_filters, to_slices
from etl.snapshot.vintage import load_codes, target_data_start
from tests.conftest import BACKENDS, clone_database, once_per_run, require_backend
from tests.db.helpers import line, release_months, uscc
from tests.db.snapshot_data import load, load_two_years, report_rows

MONTH, ROOT = 201906, "120000"


def _build_revised(session_factory, tmp_path) -> None:
    """The constructed months, sub-items (SD21 is in a target's group without its main SD), a
    revision, and a retracted file whose reports fall back to their earlier versions."""
    load_two_years(session_factory, tmp_path)
    load(
        session_factory,
        tmp_path,
        "sub.csv",
        [
            line(20, "2019-06", "出口", "SD21", 1, "US", "700", region="和平区"),
            line(20, "2019-05", "进口", "SD21", 2, "DE", "300", region="和平区"),
            line(21, "2019-06", "出口", "SD", 1, "JP", "800", region="河西区"),
            line(21, "2018-06", "出口", "SD21", 4, "JP", "100", region="河西区"),
        ],
    )
    load(
        session_factory,
        tmp_path,
        "fix.csv",
        [r for r in report_rows("2019-06", revise={7: 40000}) if r[0] == uscc(7)],
    )
    wrong = load(
        session_factory,
        tmp_path,
        "wrong.csv",
        [r for r in report_rows("2019-05", revise={2: 90000}) if r[0] == uscc(2)],
    )
    retract_batch(session_factory, wrong, "test", "wrong file")
    release_months(session_factory)  # snapshots are made of released months only


@pytest.fixture(scope="module")
def revised_templates(template_urls, tmp_path_factory):
    """Builds the revised database once per backend and run (by the first worker); tests get
    copies."""
    built: dict[str, str] = {}

    def build(backend: str, workdir: Path) -> str:
        url = clone_database(template_urls, backend, workdir)
        engine = make_engine(url)
        try:
            _build_revised(make_session_factory(engine), workdir)
        finally:
            engine.dispose()  # PostgreSQL copies a template only while no one is connected
        return url

    def get(backend: str) -> str:
        if backend not in built:
            require_backend(template_urls, backend)
            key = f"revised-{backend}"
            built[backend] = once_per_run(tmp_path_factory, key, partial(build, backend))
        return built[backend]

    return get


@pytest.fixture(params=BACKENDS)
def db_url(request, revised_templates, tmp_path) -> str:
    """A fresh copy of the revised database for one test."""
    return clone_database(
        {request.param: revised_templates(request.param)}, request.param, tmp_path
    )


@pytest.fixture
def revised(session_factory):
    """The constructed months, sub-items, a revision and a retracted file (see _build_revised)."""
    return session_factory


def _reads(factory, rule):
    with factory() as s:
        event = latest_event_id(s)
        codes = load_codes(s)
        regions = sorted(codes.region_closure([ROOT]))
        targets = targets_in_regions(s, regions)
        first = target_data_start(targets, (MONTH // 100 - 1) * 100 + 1)
        filters = target_filters(targets, MONTH)
        args = (event, MONTH, ROOT, regions, first, filters, codes, rule)
        fast = snapshot_read.read_current(s, *args)
        slow = snapshot_read.read_as_of(s, event, MONTH, regions, first, filters, codes, rule)
        # the partner slices against the monthly as-of read they replace
        monthly = enterprise_partners_as_of(s, event, 201801, MONTH, regions)
        monthly = monthly[monthly["mode"].isin(codes.ref.modes_in_bop)]
        slow.partners = to_slices(monthly, table_slices(MONTH), PARTNER_KEYS)
    return fast, slow


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in frame.columns if c != "amount"]
    out = frame.astype({"period": "int64", "amount": "int64"})
    if "mode" in out:
        out = out.astype({"mode": "int64"})
    return out.sort_values(keys, ignore_index=True)


@pytest.mark.parametrize(
    "rule", [DisclosureRule(), DisclosureRule(min_contributors=1, dominance_k=1.0), None]
)
def test_fast_read_equals_the_line_read(revised, rule):
    """Slices, partners, series and the sensitive chart and target cells are the same whether
    read from agg_enterprise_month/agg_cell or from the lines as of the newest event (with the
    strict rule agg_cell's bounds are inconclusive and cells are counted exactly; with the
    lenient one the bounds decide)."""
    fast, slow = _reads(revised, rule)
    for name in ("lines", "partners", "series"):
        pd.testing.assert_frame_equal(
            _sorted(getattr(fast, name)), _sorted(getattr(slow, name)), check_dtype=False, obj=name
        )
    assert fast.hidden_months == slow.hidden_months
    assert fast.hidden_targets == slow.hidden_targets
    assert (fast.lines["category_code"] == "SD21").any()
    if rule == DisclosureRule():
        # one enterprise reports SD21: the emerging-services target is confidential
        assert any(f.categories == ("group:TJ_EMERGING",) for f in fast.hidden_targets)
    else:
        assert not fast.hidden_targets


def test_snapshot_cells_are_the_same_on_both_paths(revised, settings, tmp_path, monkeypatch):
    """The whole snapshot (every shown cell) from the fast read and from the line read."""
    fast = make_snapshot(revised, settings, MONTH, ROOT, pdf=False, out_dir=tmp_path / "fast")
    monkeypatch.setattr(
        snapshot_read,
        "read_current",
        lambda s, event, month, region, *rest: snapshot_read.read_as_of(s, event, month, *rest),
    )
    slow = make_snapshot(revised, settings, MONTH, ROOT, pdf=False, out_dir=tmp_path / "slow")
    cells = [json.loads(o.files["cells"].read_text("utf-8")) for o in (fast, slow)]
    assert cells[0] == cells[1]
    assert any(c[-1] == "C" for c in cells[0]["cells"])
