"""agg_category and agg_partner_category: reads through them equal the report lines, on both
databases; migration 0006 fills them from data loaded before it exactly as loads maintain them."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import sqlalchemy as sa

from etl import models as m
from etl.filters import ALL_MODES, ReportFilter
from etl.intake.load import load_file
from etl.intake.retract import retract_batch
from etl.migrate import downgrade, upgrade
from etl.queries import figures as queries_figures
from etl.queries.closures import category_closure
from tests.db.helpers import line, write_report

TODAY = dt.date(2022, 6, 30)
ROWS = [
    line(1, "2019-06", "出口", "SC", 1, "US", "120.50"),
    line(1, "2019-06", "出口", "SC1", 1, "HK", "80"),
    line(1, "2019-06", "进口", "SJ", 1, "DE", "33.33"),
    line(2, "2019-06", "出口", "SD21", 2, "US", "1234.56", "CNY", "万元"),
    line(2, "2019-06", "出口", "SK1", 1, "KR", "10", "CNY", "万元"),
    line(3, "2019-06", "出口", "SC1", 1, "US", "70", region="天津经济技术开发区"),
    line(3, "2019-05", "出口", "SB", 4, "SG", "45.6", region="天津经济技术开发区"),
    line(4, "2019-06", "进口", "SD21", 3, "JP", "500", region="河西区", area="120103"),
]
REVISION = [
    line(1, "2019-06", "出口", "SC", 1, "US", "99"),
    line(1, "2019-06", "出口", "SC1", 2, "GB", "1"),
]
LATE = [line(5, "2019-06", "出口", "SK", 1, "US", "7")]


@pytest.fixture
def loaded(session_factory, tmp_path):
    """ROWS, then a revision of enterprise 1, then a batch that is retracted again."""
    for name, rows in (("a.csv", ROWS), ("r.csv", REVISION)):
        outcome = load_file(session_factory, write_report(tmp_path / name, rows), today=TODAY)
        assert outcome.status == "loaded", outcome.validation.issues
    late = load_file(session_factory, write_report(tmp_path / "l.csv", LATE), today=TODAY)
    retract_batch(session_factory, late.batch_id, "tester", "test")
    return session_factory


def _lines(session) -> pd.DataFrame:
    """Every current line with its period, region and main category (the reference answer)."""
    rep, ver, line_, cat = m.Report, m.ReportVersion, m.ReportLine, m.ServiceCategory
    stmt = (
        sa.select(
            rep.period,
            ver.region_code,
            line_.category_code,
            cat.main_code,
            line_.partner_code,
            line_.mode,
            line_.direction,
            line_.amount_usd_cents,
        )
        .join(ver, ver.id == rep.current_version_id)
        .join(line_, line_.version_id == ver.id)
        .join(cat, cat.code == line_.category_code)
    )
    return pd.DataFrame(
        session.execute(stmt).all(),
        columns=[
            "period",
            "region_code",
            "code",
            "main",
            "partner_code",
            "mode",
            "direction",
            "amount",
        ],
    )


def _expected(
    lines: pd.DataFrame, codes: set[str] | None, partners: set[str] | None, modes, by: list[str]
) -> dict:
    keep = lines["mode"].isin(modes)
    if codes is not None:
        keep &= lines["code"].isin(codes)
    if partners is not None:
        keep &= lines["partner_code"].isin(partners)
    picked = lines[keep]
    if not by:
        return {(): int(picked["amount"].sum())}
    return {
        k if isinstance(k, tuple) else (k,): int(v)
        for k, v in picked.groupby(by)["amount"].sum().items()
    }


def _got(frame: pd.DataFrame, by: list[str]) -> dict:
    return {tuple(r[:-1]): int(r[-1]) for r in frame[[*by, "amount"]].itertuples(index=False)}


CASES = [
    # (categories, partners, by), read with totals; sub-items alone, groups, partner filters
    (("SC1",), (), ["period", "category_code"]),
    (("SD21", "SB"), (), ["period", "region_code"]),
    (("group:TJ_EMERGING",), (), ["period"]),
    ((), ("US",), ["period", "direction"]),
    (("SC",), ("US",), ["category_code"]),
    ((), ("US", "KR"), ["category_code", "mode"]),
]


@pytest.mark.parametrize(("categories", "partners", "by"), CASES)
def test_totals_equal_the_lines(loaded, categories, partners, by):
    """totals over sub-items, groups and partners: the lines' sums, grouped as asked (by main
    category when partners are filtered, by the code as reported for a sub-item filter)."""
    f = ReportFilter(201901, 201912, categories=categories, partners=partners, full_scope=True)
    with loaded() as s:
        lines = _lines(s)
        cats = category_closure(s, categories)
        if partners:  # read through agg_partner(_category): categories answer at the main level
            lines = lines.assign(category_code=lines["main"])
        else:
            lines = lines.assign(category_code=lines["code"])
        want = _expected(
            lines, None if cats is None else cats[0], set(partners) or None, ALL_MODES, by
        )
        assert _got(queries_figures.totals(s, f, tuple(by)), by) == want


@pytest.mark.parametrize("categories", [("SC",), ("group:KIS",), ("group:TJ_EMERGING",), ("SD21",)])
def test_partner_totals_with_a_category_filter_equal_the_lines(loaded, categories):
    """The partners page filtered to a category or group reads agg_partner_category."""
    f = ReportFilter(201901, 201912, categories=categories)
    with loaded() as s:
        codes = category_closure(s, categories)[0]
        want = _expected(_lines(s), codes, None, (1, 2, 4), ["period", "partner_code"])
        got = _got(
            queries_figures.partner_totals(s, f, ("period", "partner_code")),
            ["period", "partner_code"],
        )
    assert got == want and got


def test_sub_item_cells_carry_contributors_and_top_two(loaded):
    """agg_category keeps sub-items apart, with the disclosure inputs agg_cell has."""
    with loaded() as s:
        cell = s.execute(
            sa.select(m.AggCategory).where(
                m.AggCategory.category_code == "SC1",
                m.AggCategory.period == 201906,
                m.AggCategory.direction == "X",
                m.AggCategory.mode == 1,
                m.AggCategory.region_code == "120116",
            )
        ).scalar_one_or_none()
        zone = (
            s.execute(
                sa.select(m.AggCategory).where(
                    m.AggCategory.category_code == "SC1", m.AggCategory.mode == 1
                )
            )
            .scalars()
            .all()
        )
    # Enterprise 1's SC1 line moved to mode 2 in the revision: only enterprise 3 (in the zone).
    assert cell is None
    assert [
        (c.region_code, c.n_enterprises, c.top1_usd_cents, c.top2_usd_cents, c.usd_cents)
        for c in zone
    ] == [("120116-TEDA", 1, 70 * 1_000_000, 0, 70 * 1_000_000)]


def test_migration_0006_fills_the_tables_as_loads_maintain_them(loaded, engine):
    """Down to 0005 (tables dropped) and up again: the fill from existing data equals the rows
    the loads, the revision and the retraction left."""
    names = ("agg_category", "agg_partner_category")

    def rows():
        with engine.connect() as conn:
            out = {}
            for name in names:
                table = m.Base.metadata.tables[name]
                cols = list(table.columns)
                out[name] = [tuple(r) for r in conn.execute(sa.select(*cols).order_by(*cols))]
            return out

    maintained = rows()
    assert all(maintained.values())
    downgrade(engine, "0005")
    assert not set(names) & set(sa.inspect(engine).get_table_names())
    upgrade(engine)
    assert rows() == maintained


def test_cell_tables_are_keyed_in_the_order_pages_group_by(engine):
    """After the migrations: keys in the order the pages read them; SQLite stores rows in key
    order (WITHOUT ROWID), so a period range is one sequential read."""
    inspector = sa.inspect(engine)
    keys = {
        name: inspector.get_pk_constraint(name)["constrained_columns"]
        for name in ("agg_cell", "agg_category", "agg_partner", "agg_partner_category")
    }
    assert keys == {
        "agg_cell": ["period", "region_code", "category_code", "mode", "direction"],
        "agg_category": ["period", "category_code", "region_code", "mode", "direction"],
        "agg_partner": ["period", "partner_code", "region_code", "mode", "direction"],
        "agg_partner_category": [
            "category_code",
            "period",
            "region_code",
            "partner_code",
            "mode",
            "direction",
        ],
    }
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            ddl = dict(
                conn.execute(
                    sa.text(
                        "SELECT name, sql FROM sqlite_master WHERE name LIKE 'agg_%' AND type = 'table'"
                    )
                )
                .tuples()
                .all()
            )
        clustered = {name for name, sql in ddl.items() if "WITHOUT ROWID" in sql}
        assert clustered == set(keys)
