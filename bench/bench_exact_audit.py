"""Benchmark: the exact-recovery audit and its repair (etl.disclosure.exact) over a released year.

    python bench/bench_exact_audit.py [--url sqlite:///instance/services_trade.sqlite3]
        [--scope 120000] [--year 2021] [--through 12] [--lp-cells 25000] [--name exact_audit]

Computes each month's pattern of the year in order, as a release does (etl/disclosure/store.py),
from the released lines of the database `make run` builds (2,000 synthetic enterprises): the
relation rule, then the exact audit over the year so far and its repair. Nothing is written to the
database. Per month: the cells, the primary cells the relation rule's pattern leaves pinned
(exactly recoverable) or narrow (bounded within ±15 % by the shuttle), the rounds and cells the
repair added, the year's hidden cells after it (what STM_DISCLOSURE_LP_CELLS is compared with),
what is left (and how much of it the earlier months' published cells give away on their own,
which no repair of the month can change), whether the attacker's LP ended the audit
(the year at most --lp-cells hidden cells, as STM_DISCLOSURE_LP_CELLS), and the seconds each
step took. Writes bench/results/<name>.md (exact_audit.md: 天津市; exact_audit_lj.md: 两江新区).
"""

from __future__ import annotations

import argparse
import time

from common import write_table

from etl.db import make_engine, make_session_factory
from etl.disclosure import DisclosureRule, attacker, exact, pins
from etl.disclosure.catalogue import YTD
from etl.disclosure.pattern import PRIMARY, compute_pattern, month_cells
from etl.queries import disclosure as queries
from etl.queries.disclosure import hierarchy
from etl.settings import PROJECT_ROOT, Settings


def measure(url: str, scope: str, year: int, through: int, lp_cells: int) -> list[list[str]]:
    """One row per month: cells, primary, pinned before, rounds, added, pinned after, seconds."""
    factory = make_session_factory(make_engine(url))
    with factory() as s:
        tree = hierarchy(s)
        releases = [r for r in queries.year_releases(s, scope, year) if r.period % 100 <= through]
        lines = queries.released_lines(s, scope, {r.period: r.data_event_id for r in releases})
    rows, earlier, fixed = [], {}, set()
    for month in [r.period for r in releases if r.period % 100 >= 2]:
        started = time.perf_counter()
        cells = month_cells(lines, month, tree, scope)
        pattern = compute_pattern(cells, tree, scope, month, fixed, DisclosureRule(), 0.15)
        relation_rule = time.perf_counter() - started
        before = exact.findings(pattern, scope, month, earlier, 0.15)
        checked = time.perf_counter() - started - relation_rule
        outcome = exact.repair(pattern, scope, month, earlier, 0.15, lp_cells=lp_cells)
        repaired = time.perf_counter() - started - relation_rule - checked
        primary = sum(why == PRIMARY for why in pattern.suppressed.values())
        year = attacker.Year(pattern, month, earlier)
        hidden = pins.equations(year.relations, set(year.status(pattern))).matrix.shape[1]
        rows.append(
            [
                str(month),
                f"{len(cells):,}",
                f"{primary:,}",
                f"{len(pattern.suppressed) - primary - outcome.added:,}",
                str(len(before.pinned)),
                str(len(before.narrow)),
                str(outcome.rounds),
                str(outcome.added),
                f"{hidden:,}",
                f"{outcome.pinned} / {outcome.narrow} ({outcome.inherent})",
                "yes" if outcome.lp else "no",
                f"{relation_rule:.1f}",
                f"{checked:.1f}",
                f"{repaired:.1f}",
            ]
        )
        print(" | ".join(rows[-1]), flush=True)
        earlier[month] = attacker.MonthCells(
            pattern.value, pattern.relations, dict(pattern.suppressed)
        )
        fixed = {k[1:] for k in pattern.suppressed if k[0] == YTD}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = f"sqlite:///{PROJECT_ROOT / 'instance' / 'services_trade.sqlite3'}"
    parser.add_argument("--url", default=default)
    parser.add_argument("--scope", default="120000")
    parser.add_argument("--year", type=int, default=2021)
    parser.add_argument("--through", type=int, default=12)
    parser.add_argument("--lp-cells", type=int, default=Settings.disclosure_lp_cells)
    parser.add_argument("--name", default="exact_audit")
    args = parser.parse_args()
    rows = measure(args.url, args.scope, args.year, args.through, args.lp_cells)
    write_table(
        args.name,
        f"Exact-recovery audit, {args.scope} {args.year}, each month as released in order",
        [
            "month",
            "cells",
            "primary",
            "secondary (relation rule)",
            "pinned (relation rule alone)",
            "narrow (relation rule alone)",
            "repair rounds",
            "added by the repair",
            "hidden cells of the year (the LP's columns)",
            "pinned / narrow after (of them given by earlier months)",
            f"LP ended it (≤ {args.lp_cells:,} hidden cells)",
            "s relation rule",
            "s audit",
            "s repair",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
