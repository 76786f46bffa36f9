"""Monthly snapshots on SQLite and PostgreSQL: numbers, disclosure, vintages, injection, variant."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from etl import models as m
from etl.aggregates import growth
from etl.disclosure import rule_from
from etl.filters import ReportFilter
from etl.queries import figures as queries_figures
from etl.queries.as_of import enterprise_months_as_of, enterprise_partners_as_of, latest_event_id
from etl.queries.targets import targets_in_regions
from etl.snapshot.archive import (
    SnapshotFileError,
    list_snapshots,
    make_snapshot,
    snapshot_file,
)
from etl.snapshot.build import SnapshotError, build_snapshot
from etl.snapshot.format import INTERNAL_STAMP, cell_kind, excel_value, rounded
from etl.snapshot.protect import sensitive, unit_sums
from etl.snapshot.vintage import load_codes, targets_as_of
from etl.targets.status import evaluate_targets
from tests.conftest import BACKENDS, SQLITE_ONLY
from tests.db.helpers import NO_SUPPRESSION, release_months, uscc
from tests.db.snapshot_data import (
    INJECTED_ENTERPRISE,
    INJECTED_PARTNERS,
    INJECTED_TARGET,
    all_cells,
    inject_names,
    load,
    load_two_years,
    report_rows,
    sheet_rows,
)

MONTH, ROOT = 201906, "120000"
AMOUNT_COLUMNS = {"进出口（亿美元）": None, "出口（亿美元）": "X", "进口（亿美元）": "M"}


def _two_years_released(session_factory, workdir) -> None:
    """The constructed months loaded, with formula-like reference names, and released."""
    inject_names(session_factory)
    load_two_years(session_factory, workdir)
    # Snapshots are made of released months only. Released without a stored pattern: these
    # tests are about the snapshot's own tables (the pattern laid over them: test_disclosure).
    release_months(session_factory, rule=NO_SUPPRESSION)


@pytest.fixture(params=BACKENDS)
def db_url(request, prepared, tmp_path) -> str:
    """Every test here reads a copy of the two released years (built once per backend)."""
    return prepared.copy(_two_years_released, request.param, tmp_path)[0]


@pytest.fixture
def loaded(session_factory):
    """The session factory over this test's copy."""
    return session_factory


def make(factory, settings, **kw):
    return make_snapshot(factory, settings, MONTH, ROOT, pdf=False, **kw)


def test_workbook_equals_the_snapshot_and_the_query_layer(loaded, settings):
    """Every cell of every sheet is the assembled value; amounts and 同比 equal figures.totals."""
    out = make(loaded, settings)
    with loaded() as s:
        snap = build_snapshot(s, MONTH, ROOT, rule_from(settings))
        ytd = ReportFilter(201901, MONTH, regions=(ROOT,))
        by_cat = queries_figures.totals(s, ytd, ("category_code", "direction"))
        base = queries_figures.totals(
            s, ytd.with_periods(201801, 201806), ("category_code", "direction")
        )
        codes = load_codes(s)
    import openpyxl

    wb = openpyxl.load_workbook(out.files["xlsx"])
    for table in snap.tables:
        ws_rows = list(
            wb[table.key].iter_rows(min_row=4, max_row=3 + len(table.rows), values_only=True)
        )
        for got, row in zip(ws_rows, table.rows.to_dict("records")):
            want = [excel_value(cell_kind(c, row), row.get(c.key)) for c in table.columns]
            want = [
                "—" if (w is None and c.kind != "text") else ("" if w is None else w)
                for w, c in zip(want, table.columns)
            ]
            assert list(got[: len(want)]) == want, (table.key, row["name"])
    sheet = sheet_rows(out.files["xlsx"], "服务类别")
    checked = 0
    for code in codes.category_order:
        row = sheet[codes.ref.categories[code]]
        for header, direction in AMOUNT_COLUMNS.items():
            pick = by_cat["category_code"] == code
            pick_b = base["category_code"] == code
            if direction:
                pick &= by_cat["direction"] == direction
                pick_b &= base["direction"] == direction
            cur, prev = int(by_cat.loc[pick, "amount"].sum()), int(base.loc[pick_b, "amount"].sum())
            if row[header] != "C":
                assert row[header] == rounded("usd", cur), (code, header)
                yoy = row[header.replace("（亿美元）", "同比（%）")]
                expected = growth(cur, prev)
                assert yoy == ("—" if expected is None else rounded("pct", expected))
                checked += 1
    assert checked >= 6
    total = sheet_rows(out.files["xlsx"], "总体")["服务进出口总额"]["累计（亿美元）"]
    assert total == rounded("usd", int(by_cat["amount"].sum()))


def _atoms(codes, sheet: str, label: str, top: list[str]):
    """The contributor rows a labelled row of a sheet stands for, as a frame filter."""
    ref = codes.ref
    name = label.removeprefix("其中：")
    if sheet == "服务类别":
        groups = {g[0]: codes.category_closure(g[2]) for g in codes.category_groups.values()}
        main = {v: k for k, v in ref.categories.items() if k in codes.category_order}
        if label == "合计":
            return "category_code", None
        if name in groups:
            return "category_code", groups[name]
        return "category_code", {c for c, mc in ref.category_main.items() if mc == main[name]}
    if sheet == "地区":
        code = {v: k for k, v in ref.regions.items()}.get(name)
        return "region_code", None if code is None else set(ref.region_descendants(code))
    groups = {g[0]: set(g[2]) for g in codes.partner_groups.values()}
    if label == "合计":
        return "partner_code", None
    if label == "其他国家（地区）":
        return "partner_code", set(ref.partners) - set(top)
    if name in groups:
        return "partner_code", groups[name]
    return "partner_code", {c for c, n in ref.partners.items() if n == name}


def test_no_published_cell_has_few_contributors_or_a_dominant_pair(loaded, settings):
    """Property over the workbook: every shown amount (and the base behind every shown 同比) has
    ≥3 enterprises and its top two ≤85%, for 1–6月 and for June alone; no line hides one cell."""
    out = make(loaded, settings)
    rule = rule_from(settings)
    with loaded() as s:
        event = latest_event_id(s)
        lines = enterprise_months_as_of(s, event, 201801, MONTH)
        partners = enterprise_partners_as_of(s, event, 201801, MONTH)
        codes = load_codes(s)
    bop = {"lines": lines[lines["mode"] != 3], "partners": partners[partners["mode"] != 3]}
    shown = 0
    for sheet in ("服务类别", "地区", "伙伴"):
        rows = sheet_rows(out.files["xlsx"], sheet)
        frame = bop["partners" if sheet == "伙伴" else "lines"]
        names = {n for c, n in codes.ref.partners.items()}
        top = [c for c, n in codes.ref.partners.items() if n in rows and n in names]
        for label, row in rows.items():
            column, atoms = _atoms(codes, sheet, label, top)
            part = frame if atoms is None else frame[frame[column].isin(atoms)]
            for header, direction in AMOUNT_COLUMNS.items():
                cell = part if direction is None else part[part["direction"] == direction]
                windows = [(201901, MONTH), (MONTH, MONTH)]
                if row[header.replace("（亿美元）", "同比（%）")] not in ("C", "—"):
                    windows.append((201801, 201806))
                if row[header] == "C":
                    continue
                shown += 1
                for a, b in windows:
                    units = unit_sums(cell[cell["period"].between(a, b)])
                    assert not sensitive(units, rule), (sheet, label, header, (a, b))
        body = [r for label, r in rows.items() if not label.startswith("其中：")][:-1]
        for header in AMOUNT_COLUMNS:
            assert [r[header] for r in body].count("C") != 1, (sheet, header)
        for r in body:
            assert [r[h] for h in AMOUNT_COLUMNS].count("C") != 1, (sheet, r)
    assert shown > 40


def test_a_lone_district_cannot_be_recovered_by_subtraction(loaded, settings):
    """宁河区 has one enterprise: its cells are C, and so are enough others that the total minus
    the shown districts adds up to something with at least three enterprises."""
    out = make(loaded, settings)
    rows = sheet_rows(out.files["xlsx"], "地区")
    assert [rows["宁河区"][h] for h in AMOUNT_COLUMNS] == ["C", "C", "C"]
    assert rows["其中：天津经济技术开发区"]["出口（亿美元）"] == "C"  # two enterprises
    assert rows["天津市合计"]["出口（亿美元）"] != "C"
    hidden = [
        label
        for label, r in rows.items()
        if r["出口（亿美元）"] == "C" and not label.startswith("其中：")
    ]
    assert len(hidden) >= 2 and "宁河区" in hidden
    with loaded() as s:
        lines = enterprise_months_as_of(s, latest_event_id(s), 201901, MONTH)
        codes = load_codes(s)
    names = {v: k for k, v in codes.ref.regions.items()}
    region_codes = {d for label in hidden for d in codes.ref.region_descendants(names[label])}
    union = lines[
        lines["region_code"].isin(region_codes) & (lines["direction"] == "X") & (lines["mode"] != 3)
    ]
    assert not sensitive(unit_sums(union), rule_from(settings))


def test_vintage_reproduces_and_a_revision_lists_what_changed(loaded, settings, tmp_path):
    """Snapshot, then a correction is loaded: the snapshot regenerated at its recorded vintage is
    identical; the current one differs; the revised edition lists the changed cells."""
    first = make(loaded, settings)
    with loaded() as s:
        (entry,) = list_snapshots(s)
    load(
        loaded,
        tmp_path,
        "fix.csv",
        [r for r in report_rows("2019-06", revise={7: 40000}) if r[0] == uscc(7)],
    )
    again = make(loaded, settings, event_id=entry.vintage_event_id, out_dir=tmp_path / "again")
    unreleased = make(loaded, settings, out_dir=tmp_path / "unreleased")  # the release's data
    assert sheet_rows(unreleased.files["xlsx"], "地区") == sheet_rows(first.files["xlsx"], "地区")
    with pytest.raises(SnapshotError, match="nothing changed"):
        make(loaded, settings, revise=True)
    release_months(loaded, [MONTH], rule=NO_SUPPRESSION)  # the correction released (修订)
    current = make(loaded, settings, out_dir=tmp_path / "current")
    original_cells = json.loads(first.files["cells"].read_text("utf-8"))["cells"]
    assert json.loads(again.files["cells"].read_text("utf-8"))["cells"] == original_cells
    for sheet in ("总体", "服务类别", "地区", "伙伴", "目标", "报送情况"):
        assert sheet_rows(again.files["xlsx"], sheet) == sheet_rows(first.files["xlsx"], sheet)
    assert sheet_rows(current.files["xlsx"], "地区") != sheet_rows(first.files["xlsx"], "地区")
    revised = make(loaded, settings, revise=True)
    changes = revised.changes
    hexi = changes[(changes["row"] == "河西区") & (changes["column"] == "出口（亿美元）")]
    old = sheet_rows(first.files["xlsx"], "地区")["河西区"]["出口（亿美元）"]
    new = sheet_rows(revised.files["xlsx"], "地区")["河西区"]["出口（亿美元）"]
    assert len(hexi) == 1 and old != new
    assert (float(hexi["old"].iloc[0]), float(hexi["new"].iloc[0])) == (old, new)
    listed = sheet_rows(revised.files["xlsx"], "修订说明")
    assert "地区" in listed and len(listed) >= 1
    with loaded() as s:
        entries = list_snapshots(s)
    assert [e.revised_from_id for e in entries] == [entry.id, None]
    assert entries[0].changed_cells == len(changes) and entries[0].label.endswith("（修订）")


def test_formula_like_names_stay_text_and_no_enterprise_is_named(loaded, settings):
    """Partner and target names beginning with = + - @ are text cells; markup is escaped in the
    HTML; no enterprise name appears anywhere."""
    out = make(loaded, settings)
    seen = {}
    for sheet, coordinate, cell in all_cells(out.files["xlsx"]):
        assert cell.data_type != "f", (sheet, coordinate, cell.value)
        if isinstance(cell.value, str):
            assert "测试企业" not in cell.value and INJECTED_ENTERPRISE not in cell.value
            seen[cell.value] = cell.data_type
    for name in list(INJECTED_PARTNERS.values())[:2] + [INJECTED_TARGET]:
        assert seen.get(name) == "s", name
    page = out.files["html"].read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "测试企业" not in page and page.count("<script>") <= 1 + page.count("Plotly.newPlot")


def test_internal_variant_has_no_c_and_says_internal(loaded, settings):
    """The statisticians' variant suppresses nothing and is stamped 内部资料 不得外传."""
    public, internal = make(loaded, settings), make(loaded, settings, internal=True)
    values = [c.value for sheet, _, c in all_cells(internal.files["xlsx"]) if sheet != "封面"]
    assert "C" not in values
    assert "C" in [c.value for _, _, c in all_cells(public.files["xlsx"])]
    cover = [c.value for sheet, _, c in all_cells(internal.files["xlsx"]) if sheet == "封面"]
    assert INTERNAL_STAMP in cover
    assert not any(
        INTERNAL_STAMP in str(v)
        for sheet, _, c in all_cells(public.files["xlsx"])
        if sheet == "封面"
        for v in [c.value]
    )
    assert INTERNAL_STAMP in internal.files["html"].read_text("utf-8")
    with loaded() as s:
        assert [e.internal for e in list_snapshots(s)] == [False]
        assert sorted(e.internal for e in list_snapshots(s, include_internal=True)) == [False, True]


def test_january_has_no_circulated_snapshot(loaded, settings):
    """1–2月 is the circulated figure: a circulated January beside it would give February alone
    away by difference, so it is refused (February named); the internal one is not refused so."""
    with pytest.raises(SnapshotError, match="1–2月.*make 2019-02, or --internal"):
        make_snapshot(loaded, settings, 201901, ROOT, pdf=False)
    with pytest.raises(SnapshotError) as internal:
        make_snapshot(loaded, settings, 201901, ROOT, internal=True, pdf=False)
    assert "1–2月" not in str(internal.value)  # refused only as not released
    # one made before the refusal is served no more (test: the archived June made a January)
    made = make(loaded, settings)
    with loaded.begin() as s:
        s.get(m.Snapshot, made.snapshot_id).month = 201901
    with loaded() as s:
        assert list_snapshots(s) == [] and list_snapshots(s, include_internal=True) == []


def test_as_of_reads_equal_the_current_aggregates_and_targets(loaded, settings, tmp_path):
    """As of the newest event the contributor frame sums to figures.totals and the targets
    evaluate as evaluate_targets does; as of an earlier event a later correction is invisible."""
    with loaded() as s:
        before = latest_event_id(s)
    load(
        loaded,
        tmp_path,
        "fix.csv",
        [r for r in report_rows("2019-06", revise={2: 50000}) if r[0] == uscc(2)],
    )
    with loaded() as s:
        latest = latest_event_id(s)
        full = ReportFilter(201801, MONTH, full_scope=True)
        want = queries_figures.sub_item_totals(
            s, full, ("period", "region_code", "category_code", "mode", "direction")
        )
        got = enterprise_months_as_of(s, latest, 201801, MONTH)
        keys = ["period", "region_code", "category_code", "mode", "direction"]
        got = got.groupby(keys, as_index=False)["amount"].sum()
        pd.testing.assert_frame_equal(
            *(
                f.sort_values(keys, ignore_index=True)[keys + ["amount"]].astype({"mode": "int64"})
                for f in (got, want)
            )
        )
        old = enterprise_months_as_of(s, before, 201906, MONTH)
        new = enterprise_months_as_of(s, latest, 201906, MONTH)
        assert new["amount"].sum() - old["amount"].sum() == (50000 - 10400) * 10_000 * 100
        codes = load_codes(s)
        targets = targets_in_regions(s, sorted(codes.region_closure([ROOT])))
        mine = targets_as_of(
            targets, enterprise_months_as_of(s, latest, 201001, MONTH), MONTH, codes
        )
        theirs = {r.target.code: r for r in evaluate_targets(s, MONTH)}
    for res in mine:
        other = theirs[res.target.code]
        assert [(e.window.key, e.status, e.actual, e.projection) for e in res.evaluations] == [
            (e.window.key, e.status, e.actual, e.projection) for e in other.evaluations
        ]


@SQLITE_ONLY  # CLI wiring
def test_cli_archives_once_and_the_archive_checks_its_files(loaded, settings, capsys, monkeypatch):
    """`python -m etl snapshot` prints the files; a second run reports the archived one; a file
    changed on disk is refused; without Chromium there is no PDF and a clear message."""
    from etl.cli.main import main
    from etl.snapshot import html as snapshot_html

    monkeypatch.setattr(snapshot_html, "find_chromium", lambda: None)
    assert main(["snapshot", "--month", "2019-06"], settings) == 0
    captured = capsys.readouterr()
    printed = captured.out.split()
    assert any(p.endswith(".xlsx") for p in printed) and not any(
        p.endswith(".pdf") for p in printed
    )
    assert "未找到 Chromium" in captured.err
    assert main(["snapshot", "--month", "2019-06"], settings) == 0
    assert "already archived" in capsys.readouterr().err
    assert main(["snapshot", "--month", "2019-13"], settings) == 2
    assert main(["snapshot", "--month", "2020-06"], settings) == 1
    assert main(["snapshot", "--month", "2019-06", "--vintage", "999", "--out", "x"], settings) == 1
    with loaded() as s:
        (entry,) = list_snapshots(s)
    path = snapshot_file(settings, entry, "xlsx")
    path.write_bytes(path.read_bytes() + b"x")
    with pytest.raises(SnapshotFileError):
        snapshot_file(settings, entry, "xlsx")
