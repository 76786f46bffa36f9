"""Baselines for the click benchmark: the same aggregates computed from the raw report lines.

`raw_sql(...)` and `duckdb_lines(...)` return replacements for etl.queries.figures.totals,
sub_item_totals and partner_totals (and etl.queries.enterprises.reporting_enterprises); patched
in, every dashboard data call runs unchanged but reads the current report lines (GROUP BY in the
app's database, or in DuckDB over a copy of the lines) instead of the maintained aggregate tables —
what a generic BI tool pointed at the lines would do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import sqlalchemy as sa

from etl import models as m
from etl.queries import enterprises as queries_enterprises
from etl.queries import figures as queries_figures
from etl.queries.closures import category_closure, partner_closure, region_closure

# Each swapped function, by the module the data calls look it up in.
PATCHED = {
    "totals": queries_figures,
    "sub_item_totals": queries_figures,
    "partner_totals": queries_figures,
    "reporting_enterprises": queries_enterprises,
}


@contextmanager
def patched(replacements: dict) -> Iterator[None]:
    """Swap etl.queries.figures and .enterprises functions for the duration of a block."""
    saved = {name: getattr(module, name) for name, module in PATCHED.items()}
    for name, fn in replacements.items():
        setattr(PATCHED[name], name, fn)
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(PATCHED[name], name, fn)


# A generic tool remembers nothing between clicks: the baselines read reporters afresh.
UNREMEMBERED = {"reporting_enterprises": queries_enterprises.reporting_enterprises.uncached}


def _closures(session, f):
    cats = category_closure(session, f.categories)
    return (
        region_closure(session, f.regions),
        None if cats is None else cats[0],
        partner_closure(session, f.partners),
    )


def raw_sql() -> dict:
    """Replacements that GROUP BY over report ⋈ report_version ⋈ report_line in the database."""

    def grouped(session, f, by, sub_items: bool):
        line, rep, ver = m.ReportLine, m.Report, m.ReportVersion
        main = m.ServiceCategory.main_code
        column = {
            "period": rep.period,
            "region_code": ver.region_code,
            "mode": line.mode,
            "direction": line.direction,
            "partner_code": line.partner_code,
            "category_code": line.category_code if sub_items else main,
        }
        value = line.amount_usd_cents if f.currency == "USD" else line.amount_cny_fen
        dims = [column[d].label(d) for d in by]
        regions, cats, partners = _closures(session, f)
        stmt = (
            sa.select(*dims, sa.func.sum(value))
            .select_from(rep)
            .join(ver, ver.id == rep.current_version_id)
            .join(line, line.version_id == ver.id)
            .join(m.ServiceCategory, m.ServiceCategory.code == line.category_code)
            .where(
                rep.period.between(f.period_from, f.period_to),
                line.mode.in_(f.effective_modes()),
                line.direction.in_(f.directions),
            )
            .group_by(*dims)
        )
        for col, values in (
            (ver.region_code, regions),
            (line.category_code, cats),
            (line.partner_code, partners),
        ):
            if values is not None:
                stmt = stmt.where(col.in_(sorted(values)))
        frame = pd.DataFrame(session.execute(stmt).all(), columns=[*by, "amount"])
        frame["amount"] = frame["amount"].fillna(0).astype("int64")
        return frame

    return {
        "totals": lambda s, f, by: grouped(s, f, by, False),
        "sub_item_totals": lambda s, f, by: grouped(s, f, by, True),
        "partner_totals": lambda s, f, by: grouped(s, f, by, False),
        **UNREMEMBERED,
    }


LINES_SQL = """
SELECT r.period, v.region_code, r.uscc, l.category_code, c.main_code, l.mode, l.direction,
       l.partner_code, l.amount_usd_cents AS usd, l.amount_cny_fen AS cny
FROM report r JOIN report_version v ON v.id = r.current_version_id
JOIN report_line l ON l.version_id = v.id
JOIN service_category c ON c.code = l.category_code
"""


def duckdb_connection(engine: sa.Engine, chunk: int = 1_000_000):
    """An in-memory DuckDB holding the current report lines, denormalised (table `lines`)."""
    import duckdb

    con = duckdb.connect()
    first = True
    with engine.connect() as conn:
        for part in pd.read_sql_query(sa.text(LINES_SQL), conn, chunksize=chunk):
            con.register("part", part)
            con.execute(
                "CREATE TABLE lines AS SELECT * FROM part"
                if first
                else "INSERT INTO lines SELECT * FROM part"
            )
            con.unregister("part")
            first = False
    return con


def duckdb_lines(con) -> dict:
    """Replacements that GROUP BY over the DuckDB copy of the current lines."""

    def quoted(values) -> str:
        return ", ".join("'" + str(v).replace("'", "''") + "'" for v in sorted(values))

    def grouped(session, f, by, sub_items: bool):
        regions, cats, partners = _closures(session, f)
        column = {"category_code": "category_code" if sub_items else "main_code"}
        dims = [f"{column.get(d, d)} AS {d}" for d in by]
        value = "usd" if f.currency == "USD" else "cny"
        where = [
            f"period BETWEEN {int(f.period_from)} AND {int(f.period_to)}",
            f"mode IN ({', '.join(str(int(x)) for x in f.effective_modes())})",
            f"direction IN ({quoted(f.directions)})",
        ]
        for col, values in (
            ("region_code", regions),
            ("category_code", cats),
            ("partner_code", partners),
        ):
            if values is not None:
                where.append(f"{col} IN ({quoted(values)})")
        group = f" GROUP BY {', '.join(str(i + 1) for i in range(len(by)))}" if by else ""
        sql = (
            f"SELECT {', '.join(dims + [f'SUM({value}) AS amount'])} FROM lines "
            f"WHERE {' AND '.join(where)}{group}"
        )
        frame = con.execute(sql).df()
        frame["amount"] = frame["amount"].fillna(0).astype("int64")
        return frame

    return {
        "totals": lambda s, f, by: grouped(s, f, by, False),
        "sub_item_totals": lambda s, f, by: grouped(s, f, by, True),
        "partner_totals": lambda s, f, by: grouped(s, f, by, False),
        **UNREMEMBERED,
    }
