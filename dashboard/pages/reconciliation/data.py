"""Reads and the one write of the 对比监测 page: every call behind the reconcile permission."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard import auth
from dashboard.data import app_context, session
from dashboard.i18n import t
from etl.exchange.external import WEB_MAX_ROWS, Problem, template_sheets
from etl.exchange.reconcile import Benchmark, Reconciliation, benchmark, reconciliation
from etl.exchange.store import ExternalLoad, load_external
from etl.intake.read import ReadLimits
from etl.queries import external as queries_external
from etl.queries.reference_tables import reference_table
from etl.spreadsheet import xlsx_bytes

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
        regions = reference_table(s, "region").set_index("code")
        result = reconciliation(s, year, month, threshold)
        bench = benchmark(s, year, month, region)
    names = {"zh": region, "en": region}
    if region in regions.index:
        row = regions.loc[region]
        names = {"zh": row["name_zh"], "en": row["name_en"] or row["name_zh"]}
    return result, bench, names


def history(limit: int = 20) -> pd.DataFrame:
    """The files of published totals loaded, newest first: id, file_name, loaded_at, loaded_by,
    rows."""
    auth.guard(ACTION)
    with session() as s:
        return queries_external.external_batches(s, limit)


def load_published(content: bytes, filename: str) -> ExternalLoad:
    """An uploaded file of published totals, checked and loaded as `etl external load` does it
    (all rows or none, audited as external_load) under the signed-in user's name."""
    auth.guard(ACTION)
    settings = app_context().settings
    if len(content) > settings.max_upload_bytes:
        mb = settings.max_upload_bytes // (1024 * 1024)
        problem = Problem(
            0,
            "",
            "",
            t("reconciliation.upload.too_large", "zh", mb=mb),
            t("reconciliation.upload.too_large", "en", mb=mb),
        )
        return ExternalLoad("rejected", filename, problems=[problem])
    limits = ReadLimits(WEB_MAX_ROWS, settings.max_xlsx_uncompressed_bytes)
    factory = app_context().session_factory
    return load_external(factory, Path(filename), auth.actor_name(), content, limits)


def template_bytes() -> bytes:
    """The template of a file of published totals (columns and notes), as `etl external
    template` writes it."""
    auth.guard(ACTION)
    return xlsx_bytes(template_sheets())
