"""Reads of the 对比监测 page: every call behind the reconcile permission."""

from __future__ import annotations

from dashboard import auth
from dashboard.data import app_context, session
from etl.exchange.reconcile import Benchmark, Reconciliation, benchmark, reconciliation
from etl.queries import core as queries
from etl.queries import external as queries_external

ACTION = "reconcile"


def years() -> list[int]:
    """Years in which a published window ends, newest first."""
    auth.guard(ACTION)
    with session() as s:
        last = queries_external.latest_published_period(s)
        if last is None:
            return []
        figures = queries_external.published(s, 190001, last)
    return sorted({int(p) // 100 for p in figures["period_to"]}, reverse=True)


def reconcile(
    year: int, month: int | None, region: str = "120000"
) -> tuple[Reconciliation, Benchmark, dict[str, str]]:
    """The reconciliation of the year (or the windows ending in the month), the benchmark of the
    region, and the region's name by language."""
    auth.guard(ACTION)
    threshold = app_context().settings.reconcile_min_coverage
    with session() as s:
        regions = queries.reference_table(s, "region").set_index("code")
        result = reconciliation(s, year, month, threshold)
        bench = benchmark(s, year, month, region)
    names = {"zh": region, "en": region}
    if region in regions.index:
        row = regions.loc[region]
        names = {"zh": row["name_zh"], "en": row["name_en"] or row["name_zh"]}
    return result, bench, names
