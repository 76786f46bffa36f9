"""Disclosure control for leaders: the stored patterns, protected reads, and the attacker's audit."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from etl.data_version import PROTECTED, RELEASED
from etl.db import make_engine, make_session_factory
from etl.disclosure import TOTAL, DisclosureRule
from etl.disclosure.audit import audit, system
from etl.filters import ReportFilter
from etl.queries import disclosure as queries_disclosure
from etl.queries import figures as queries_figures
from etl.queries.windows import (
    ALL,
    monthly_figures,
    months_by,
    region_window_totals,
    window_totals,
)
from etl.snapshot.forced import catalogue_key
from tests.conftest import BACKENDS
from tests.db import disclosure_case as case

SCOPE = "120000"


@pytest.fixture(scope="module", params=BACKENDS)
def released(request, prepared, tmp_path_factory):
    """The constructed case, loaded and released with the atom LP once per backend and run
    (the tests only read it)."""
    workdir = tmp_path_factory.mktemp("disclosure")
    url, _ = prepared.copy(case.build, request.param, workdir)
    engine = make_engine(url)
    yield make_session_factory(engine)
    engine.dispose()


def _leader(factory):
    s = factory()
    s.info[RELEASED] = s.info[PROTECTED] = True
    return s


def _read(factory, f: ReportFilter, by: tuple[str, ...]) -> pd.DataFrame:
    with _leader(factory) as s:
        return queries_figures.totals(s, f, by)


def test_dsc001_single_enterprise_district_is_C_and_the_city_is_not(released):
    """和平区 has one enterprise: its figure reads NA for leaders, by itself and as a row."""
    ytd = ReportFilter(202101, 202104, regions=("120101",))
    assert pd.isna(_read(released, ytd, ())["amount"].iloc[0])
    by_region = _read(released, ReportFilter(202101, 202104, regions=(SCOPE,)), ("region_code",))
    rows = dict(zip(by_region["region_code"], by_region["amount"]))
    assert pd.isna(rows["120101"])
    city = _read(released, ReportFilter(202101, 202102, regions=(SCOPE,)), ())
    assert int(city["amount"].iloc[0]) > 0  # 1–2月: the city's total is published


def test_dsc002_a_lone_protected_district_is_never_recoverable_by_difference(released):
    """The city total minus the published districts never equals a protected district: a
    lone hidden district comes with a hidden total."""
    f = ReportFilter(202101, 202104, regions=(SCOPE,))
    by_region = _read(released, f, ("region_code",))
    hidden = by_region["amount"].isna()
    assert hidden.any()  # 和平区 (one enterprise)
    total_hidden = pd.isna(_read(released, f, ())["amount"].iloc[0])
    assert hidden.sum() >= 2 or total_hidden  # never a single hidden row beside its total


def test_dsc003_january_alone_is_never_read(released):
    """Monthly rows carry 1–2月 in February and no January row; January alone is all C."""
    monthly = _read(released, ReportFilter(202101, 202104, regions=(SCOPE,)), ("period",))
    assert 202101 not in set(monthly["period"])
    with released() as s:
        plain = queries_figures.totals(s, ReportFilter(202101, 202102, regions=(SCOPE,)), ())
    feb = monthly.loc[monthly["period"] == 202102, "amount"].iloc[0]
    assert int(feb) == int(plain["amount"].iloc[0])
    jan = _read(released, ReportFilter(202101, 202101, regions=(SCOPE,)), ())
    assert jan["amount"].isna().all()


def test_dsc009_chongqing_reads_liangjiang_release_with_its_protection(released):
    """重庆市 shows 两江新区's release, so it hides what 两江新区 hides: ICT services (one
    enterprise) reads C through either region, and what is published reads the same number."""
    read = {}
    for region in (case.LIANGJIANG_SCOPE, "500000"):
        frame = _read(released, ReportFilter(202103, 202103, regions=(region,)), ("category_code",))
        read[region] = dict(zip(frame["category_code"], frame["amount"]))
    with released() as s:
        f = ReportFilter(202103, 202103, regions=("500000",))
        plain = dict(queries_figures.totals(s, f, ("category_code",)).itertuples(index=False))
    assert set(plain) == {"SC", "SI", "SJ"}
    assert read[case.LIANGJIANG_SCOPE].keys() == read["500000"].keys() == plain.keys()
    for rows in read.values():
        assert pd.isna(rows["SI"])
        shown = {code: int(v) for code, v in rows.items() if not pd.isna(v)}
        assert shown and shown == {code: plain[code] for code in shown}
    hidden = [{c for c, v in rows.items() if pd.isna(v)} for rows in read.values()]
    assert hidden[0] == hidden[1]
    for region in read:  # never one hidden row beside its published total
        total = _read(released, ReportFilter(202103, 202103, regions=(region,)), ())
        assert len(hidden[0]) >= 2 or pd.isna(total["amount"].iloc[0])


def test_dsc010_runs_of_months_read_as_the_published_cells_fix_them(released):
    """A leader's sum over months is the statistician's wherever it shows a number, and C where
    the cells do not fix it (河西区's March: one enterprise). A run with hidden months inside it
    still reads where published 1–N月 cells fix it: in this case 河西区's 1–2月 and March are
    each hidden, and its 1–3月 is published."""
    spans = [(202101, 202102), (202103, 202103), (202101, 202103), (202104, 202104)]
    bridged = 0
    for region in (SCOPE, "120101", "120103", "120116"):
        f = ReportFilter(202101, 202104, regions=(region,))
        with _leader(released) as s:
            seen = window_totals(s, f, spans)
        with released() as s:
            plain = window_totals(s, f, spans)
        for span, a, b in zip(spans, seen, plain):
            assert pd.isna(a) or a == b, (region, span)
        bridged += pd.isna(seen[0]) and pd.isna(seen[1]) and not pd.isna(seen[2])
        if region == "120103":
            assert pd.isna(seen[1])
    assert bridged >= 1


def test_dsc011_districts_and_modes_read_their_windows_as_each_read_alone(released):
    """The one read for all districts (region_window_totals), all modes or several categories
    (months_by) gives each the figures it has read alone: for the leader, C and numbers in the same places; for the
    statistician, the same sums. 和平区 (one enterprise) reads C in every span."""
    spans = [(202101, 202102), (202103, 202104), (202101, 202104), (202104, 202104)]
    regions = [SCOPE, "120101", "120103", "120116"]
    f = ReportFilter(202101, 202104, regions=(SCOPE,))
    for session in (_leader(released), released()):
        with session as s:
            together = region_window_totals(s, f, regions, spans)
            alone = {r: window_totals(s, replace(f, regions=(r,)), spans) for r in regions}
        for region in regions:
            assert [None if pd.isna(v) else v for v in together[region]] == [
                None if pd.isna(v) else v for v in alone[region]
            ], region
    with _leader(released) as s:
        assert all(pd.isna(v) for v in region_window_totals(s, f, ["120101"], spans)["120101"])
    modes = ReportFilter(202101, 202104, regions=("120116",), modes=(1, 2, 3, 4))
    for session in (_leader(released), released()):
        with session as s:
            together = months_by(s, modes, "mode", [1, 2, 3, 4])
            for mode in (1, 2, 3, 4):
                alone = monthly_figures(s, replace(modes, modes=(mode,)))
                for a, b in spans:
                    first, second = (
                        together[mode].total(range(a, b + 1)),
                        alone.total(range(a, b + 1)),
                    )
                    assert (pd.isna(first) and pd.isna(second)) or first == second, (mode, a, b)
    # categories: groups (the 服务类别 page's), a main category and a sub-item
    cats = [ALL, "group:KIS", "group:TJ_PILLAR", "SI", "SI2", "SC1"]
    city = ReportFilter(202101, 202104, regions=(SCOPE,))
    hidden = 0
    for session in (_leader(released), released()):
        with session as s:
            together = months_by(s, city, "category", cats)
            for code in cats:
                asked = () if code == ALL else (code,)
                alone = monthly_figures(s, replace(city, categories=asked))
                for a, b in spans:
                    first, second = (
                        together[code].total(range(a, b + 1)),
                        alone.total(range(a, b + 1)),
                    )
                    assert (pd.isna(first) and pd.isna(second)) or first == second, (code, a, b)
                    hidden += pd.isna(first)
    assert hidden  # the case hides some of them: C read in the same places


def test_dsc004_audit_finds_no_narrow_interval(released):
    """The attacker's LP over every published cell of 2021 pins no protected cell or enterprise."""
    tree, suppressed, lines = _year(released)
    months = [202102, 202103, 202104]
    assert audit(system(lines, tree, SCOPE, months), suppressed, 0.15) == []
    by_firm = system(lines, tree, SCOPE, months, by_enterprise=True)
    assert audit(by_firm, suppressed, 0.15, by_enterprise=True) == []


def test_dsc005_audit_catches_a_pattern_without_secondary_suppression(released):
    """The audit can fail: primary cells alone leave 和平区 = city − other districts."""
    tree, suppressed, lines = _year(released)
    primary_only = {k: v for k, v in suppressed.items() if v == "primary"}
    months = [202102, 202103, 202104]
    findings = audit(system(lines, tree, SCOPE, months), primary_only, 0.15)
    assert any(f.key[2] == "120101" for f in findings)


def _year(factory):
    """The hierarchy, the stored suppressions of 2021 and the released lines."""
    with factory() as s:
        tree = queries_disclosure.hierarchy(s)
        releases = queries_disclosure.year_releases(s, SCOPE, 2021)
        suppressed = {
            (key[0], r.period, *key[1:]): why
            for r in releases
            for key, why in queries_disclosure.suppressed_status(s, r.id).items()
        }
        lines = queries_disclosure.released_lines(
            s, SCOPE, {r.period: r.data_event_id for r in releases}
        )
    return tree, suppressed, lines


SNAPSHOT_TABLES = (
    ("category", "服务类别"),
    ("region", "地区"),
    ("partner", "伙伴"),
    ("mode", "供给模式"),
)


def _hidden_by_pattern(snap, hidden: set) -> list[tuple[str, str, str, object]]:
    """(table, key, column, shown value) of every snapshot cell the stored pattern hides."""
    tables = {t.key: t for t in snap.tables}
    out = []
    for name, title in SNAPSHOT_TABLES:
        for row in tables[title].rows.to_dict("records"):
            for col, field in ((TOTAL, "total"), ("X", "exports"), ("M", "imports")):
                if catalogue_key(name, row["key"], col, SCOPE) in hidden:
                    out.append((name, row["key"], col, row[field]))
    return out


def test_dsc007_the_snapshot_hides_every_cell_the_pages_hide(released, monkeypatch):
    """The circulated snapshot and the pages of a month show one pattern (the snapshot may hide
    more, never less): else the difference of the two would give a protected figure away.
    Without the stored pattern the snapshot's own rules would show some of those cells."""
    from etl.queries.release import current_release
    from etl.snapshot import build as snapshot_build

    with released() as s:
        hidden = queries_disclosure.suppressed_keys(s, current_release(s, SCOPE, 202104).id, "y")
        snap = snapshot_build.build_snapshot(s, 202104, SCOPE, DisclosureRule())
        cells = _hidden_by_pattern(snap, hidden)
        assert len(cells) >= 5 and all(value == "C" for *_, value in cells)
        monkeypatch.setattr(snapshot_build, "_stored_pattern", lambda *a: {})
        own = _hidden_by_pattern(
            snapshot_build.build_snapshot(s, 202104, SCOPE, DisclosureRule()), hidden
        )
    assert any(value != "C" for *_, value in own)


def test_dsc008_the_briefing_reads_through_the_pattern(released):
    """The briefing is circulated: 和平区 (one enterprise) reads C in its facts and is never named
    among the districts that drove growth; the city's total is a number."""
    import datetime as dt

    from etl.briefing.compose import compose
    from etl.briefing.facts import read_facts

    with released() as s:
        facts = read_facts(s, SCOPE, 202104, 3, dt.date(2021, 5, 20))
    heping = facts.region[facts.region["code"] == "120101"].iloc[0]
    assert heping["current"] is pd.NA  # C in every output (etl.numbers)
    total = facts.direction[facts.direction["code"] == "TOTAL"].iloc[0]
    assert total["current"] is not pd.NA and int(total["current"]) > 0
    assert "和平区" not in compose(facts, "zh").text()


def test_dsc012_shares_divide_by_the_published_total_beside_a_protected_row(released):
    """By region, 和平区 reads C for leaders, the city's total is a figure of its own: every
    other region's share (and its contribution to growth) is the statistician's, not C."""
    from etl.summary import summary_frame

    with _leader(released) as s:
        lead = summary_frame(s, 2021, 4, SCOPE, "region").set_index("code")
    with released() as s:
        stat = summary_frame(s, 2021, 4, SCOPE, "region").set_index("code")
    assert pd.isna(lead.loc["120101", "current"]) and pd.isna(lead.loc["120101", "share"])
    shown = [c for c in lead.index if c != "TOTAL" and not pd.isna(lead.loc[c, "current"])]
    assert shown
    for code in shown:
        assert lead.loc[code, "share"] == stat.loc[code, "share"] > 0
        a, b = lead.loc[code, "contribution_pp"], stat.loc[code, "contribution_pp"]
        assert (pd.isna(a) and pd.isna(b)) or a == b  # the case has no year before: none
