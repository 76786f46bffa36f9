"""Layout pieces of the 对比监测 page: the coverage table, the movers, the benchmark. Pure."""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard.benchmark_line import benchmark_sentence
from dashboard.i18n import MISSING, fmt_pct, fmt_period, fmt_pp, fmt_window, t
from etl.exchange.reconcile import Benchmark, Reconciliation
from etl.numbers import HUNDRED_MILLION_USD, amount_text


def _amount(value) -> str:
    """Minor units in 亿 (the unit, 亿美元 or 亿元, is in the column header), two decimals."""
    if value is None or pd.isna(value):
        return MISSING
    return amount_text(int(value), HUNDRED_MILLION_USD, 2)


def _pp(value, lang: str) -> str:
    """A change already in 百分点."""
    if value is None or pd.isna(value):
        return MISSING
    return fmt_pp(value / 100, lang)


def _span(start: int, end: int, lang: str) -> str:
    return fmt_period(end, lang) if start == end else fmt_window(start, end, lang)


def _area(code: str, name: str, lang: str) -> str:
    return t("reconciliation.nation", lang) if code == "CN" else name


def _category(row: dict, lang: str) -> str:
    if not row["category_code"]:
        return t("reconciliation.all_categories", lang)
    name = row["category_zh"] if lang == "zh" else (row["category_en"] or row["category_zh"])
    return f"{row['category_code']} {name}"


def _window(row: dict, lang: str) -> str:
    return _span(row["period_from"], row["period_to"], lang)


COLUMNS = (
    "source",
    "area",
    "window",
    "scope",
    "direction",
    "category",
    "published_usd",
    "published_cny",
    "direct_usd",
    "direct_cny",
    "coverage",
    "change",
    "flag",
)


def coverage_table(result: Reconciliation, lang: str) -> html.Div:
    """One row per published figure: both currencies, coverage, its change, the flag."""
    if result.rows.empty:
        return html.P(t("reconciliation.none_for_year", lang), className="stm-empty-message")
    head = html.Thead(html.Tr([html.Th(t(f"reconciliation.col.{c}", lang)) for c in COLUMNS]))
    body = []
    for r in result.rows.to_dict("records"):
        flag = (
            dbc.Badge(t("reconciliation.flag", lang), color="warning", text_color="dark")
            if r["flagged"]
            else ""
        )
        cells = [
            t(f"reconciliation.source.{r['source']}", lang),
            _area(r["area_code"], r["area_name"], lang),
            _window(r, lang),
            t(f"reconciliation.scope.{r['scope']}", lang),
            t(f"reconciliation.dir.{r['direction']}", lang),
            _category(r, lang),
            _amount(r["published_usd"]),
            _amount(r["published_cny"]),
            _amount(r["direct_usd"]),
            _amount(r["direct_cny"]),
            fmt_pct(r["coverage"], 1, signed=False) if r["coverage"] is not None else MISSING,
            _pp(r["coverage_change_pp"], lang),
            flag,
        ]
        body.append(
            html.Tr(
                [
                    html.Td(c, className="text-nowrap" if i < 5 or i == 11 else None)
                    for i, c in enumerate(cells)
                ],
                className="table-warning" if r["flagged"] else None,
            )
        )
    summary = t(
        "reconciliation.summary",
        lang,
        n=len(result.rows),
        flagged=result.flagged,
        threshold=fmt_pct(result.min_coverage, 0, signed=False),
    )
    return html.Div(
        [
            html.P(summary, className="stm-context"),
            dbc.Table([head, html.Tbody(body)], size="sm", hover=True, responsive=True),
        ]
    )


def movers_list(result: Reconciliation, lang: str) -> html.Div:
    """The categories whose coverage moved most against a year earlier."""
    if result.movers.empty:
        return html.P(t("reconciliation.movers.empty", lang), className="stm-empty-message")
    items = [
        html.Li(
            t(
                "reconciliation.mover",
                lang,
                category=_category(r, lang),
                window=_window(r, lang),
                direction=t(f"reconciliation.dir.{r['direction']}", lang),
                coverage=fmt_pct(r["coverage"], 1, signed=False),
                change=_pp(r["coverage_change_pp"], lang),
            )
        )
        for r in result.movers.to_dict("records")
    ]
    return html.Ul(items, className="mb-0")


def benchmark_view(bench: Benchmark, region_name: str, lang: str) -> html.Div:
    """The sentence and the ranking table."""
    if bench.source is None or bench.rows.empty:
        return html.P(t("reconciliation.bench.empty", lang), className="stm-empty-message")
    head = html.Thead(
        html.Tr(
            [html.Th(t(f"reconciliation.bench.col.{c}", lang)) for c in ("rank", "area", "growth")]
        )
    )
    body = [
        html.Tr(
            [
                html.Td(MISSING if pd.isna(r["rank"]) else int(r["rank"])),
                html.Td(
                    _area(
                        r["area_code"],
                        region_name if r["area_code"] == bench.region else r["area_name"],
                        lang,
                    )
                ),
                html.Td(
                    MISSING
                    if r["growth"] is None or pd.isna(r["growth"])
                    else fmt_pct(r["growth"], 1)
                ),
            ],
            className="table-info" if r["area_code"] == bench.region else None,
        )
        for r in bench.rows.to_dict("records")
    ]
    sentence = benchmark_sentence(bench, region_name, lang)
    return html.Div(
        [
            html.P(sentence, className="stm-context") if sentence else None,
            dbc.Table([head, html.Tbody(body)], size="sm", responsive=True),
        ]
    )
