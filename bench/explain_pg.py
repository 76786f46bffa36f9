"""Query plans of the dashboard's reads on PostgreSQL: the evidence for (or against) indexes.

    python bench/explain_pg.py --pg ADMIN_URL [--scale city] [--top 12]

Runs every data call of the click benchmark once with the default filter state, records the SQL
statements they send, then runs the slowest distinct ones again under EXPLAIN (ANALYZE, BUFFERS).
Writes bench/results/explain_pg.md (the plans, slowest first).
"""

from __future__ import annotations

import argparse
import time

import sqlalchemy as sa
from bench_clicks import DATA_CALLS
from common import RESULTS, SCALES, machine_line, scale_url
from sqlalchemy import event

from dashboard import create_app
from dashboard.filter_state import from_query
from etl.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", required=True)
    parser.add_argument("--scale", default="city")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    url = scale_url(SCALES[args.scale], args.pg)
    app = create_app(Settings(auth_required=False, database_url=url))
    seen: dict[str, tuple[float, str, object]] = {}
    current = {"call": ""}

    def before(conn, _cursor, _statement, _params, _context, _many):
        conn.info["t0"] = time.perf_counter()

    def after(conn, _cursor, statement, params, _context, _many):
        took = time.perf_counter() - conn.info["t0"]
        if statement.lstrip().upper().startswith("SELECT") and (
            statement not in seen or seen[statement][0] < took
        ):
            seen[statement] = (took, current["call"], params)

    event.listen(sa.engine.Engine, "before_cursor_execute", before)
    event.listen(sa.engine.Engine, "after_cursor_execute", after)
    with app.server.app_context():
        state = from_query("")
        for name, fn in DATA_CALLS.items():
            current["call"] = name
            fn(state)
    event.remove(sa.engine.Engine, "before_cursor_execute", before)
    event.remove(sa.engine.Engine, "after_cursor_execute", after)
    slowest = sorted(seen.items(), key=lambda kv: -kv[1][0])[: args.top]
    engine = sa.create_engine(url)
    parts = [
        f"# EXPLAIN of the dashboard's slowest reads, scale {args.scale} (PostgreSQL)",
        "",
        f"{len(seen)} distinct SELECTs from {len(DATA_CALLS)} data calls (default filter "
        f"state); the {len(slowest)} slowest, re-run under EXPLAIN (ANALYZE, BUFFERS).",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')}; {machine_line()}.",
        "",
    ]
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        for statement, (took, call, params) in slowest:
            with raw.cursor() as cur:
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)
                plan = "\n".join(r[0] for r in cur.fetchall())
            parts += [
                f"## {call}: {took * 1000:.1f} ms",
                "",
                "```sql",
                " ".join(statement.split()),
                "```",
                "",
                "```",
                plan,
                "```",
                "",
            ]
    engine.dispose()
    (RESULTS / "explain_pg.md").write_text("\n".join(parts), encoding="utf-8")
    print("\n".join(parts[:6]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
