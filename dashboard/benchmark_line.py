"""The benchmarking sentence (增长对标) the reconciliation page shows and the Overview and the
briefing can show: the region's published growth, its rank among the regions, its gap to the
nation in 百分点."""

from __future__ import annotations

from dashboard.i18n import fmt_pct, fmt_period, fmt_window, t
from etl.exchange.reconcile import Benchmark
from etl.numbers import decimal_text


def _span(start: int, end: int, lang: str) -> str:
    return fmt_period(end, lang) if start == end else fmt_window(start, end, lang)


def benchmark_sentence(bench: Benchmark, region_name: str, lang: str) -> str | None:
    """'2019年1–6月天津市服务进出口增速+10.0%，在3个地区中居第3位，高于全国5.0个百分点（商务部公布数）。'"""
    if bench.source is None or bench.rank is None:
        return None
    growth = bench.rows.loc[bench.rows["area_code"] == bench.region, "growth"].iloc[0]
    if bench.gap_pp is None:
        gap = t("reconciliation.bench.gap_none", lang)
    else:
        key = "gap_above" if bench.gap_pp >= 0 else "gap_below"
        gap = t(f"reconciliation.bench.{key}", lang, pp=decimal_text(abs(bench.gap_pp), 1))
    return t(
        "reconciliation.bench.sentence",
        lang,
        window=_span(bench.period_from, bench.period_to, lang),
        region=region_name,
        growth=fmt_pct(growth, 1),
        of=bench.of,
        rank=bench.rank,
        gap=gap,
        source=t(f"reconciliation.source.{bench.source}", lang),
    )
