"""Layout pieces of the 对比监测 page: the upload of published totals and its result, the
history of loaded files, the coverage table, the movers, the benchmark. Pure."""

from __future__ import annotations

import base64
import binascii
import datetime as dt

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.benchmark_line import benchmark_sentence
from dashboard.i18n import MISSING, fmt_pct, fmt_period, fmt_pp, fmt_window, t
from dashboard.ids import Reconciliation as Ids
from etl.exchange.reconcile import Benchmark, Reconciliation
from etl.exchange.store import ExternalLoad
from etl.numbers import HUNDRED_MILLION_USD, amount_text
from etl.snapshot.format import BEIJING

PROBLEMS_SHOWN = 200  # a long list is cut here; the message says how many there are


# ---------------------------------------------------------------- upload and history


def decode_upload(contents: str | None) -> bytes | None:
    """The bytes of a dcc.Upload value ('data:…;base64,…'); None when it is not one."""
    if not contents or "," not in contents:
        return None
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return None


def upload_panel(template_href: str, max_bytes: int, lang: str) -> html.Div:
    """What the file holds, the template link, the drop zone and the place for the result."""
    return html.Div(
        [
            html.P(t("reconciliation.upload.hint", lang), className="stm-footnote mb-2"),
            html.A(
                t("reconciliation.upload.template", lang),
                href=template_href,
                id=Ids.TEMPLATE,
                className="btn btn-outline-primary btn-sm mb-2",
                target="_blank",
                rel="noopener",
            ),
            dcc.Upload(
                html.Div(t("reconciliation.upload.drop", lang)),
                id=Ids.UPLOAD,
                className="stm-upload",
                accept=".xlsx,.xlsm,.csv",
                max_size=max_bytes,
            ),
            dcc.Loading(html.Div(id=Ids.UPLOAD_RESULT, className="mt-2")),
        ]
    )


def load_result(result: ExternalLoad, lang: str) -> dbc.Alert:
    """Loaded (how many figures, how many replaced), unchanged, or the problems by row and
    column with nothing loaded."""
    name = result.file_name
    if result.status == "loaded":
        replaced = (
            t("reconciliation.upload.replaced", lang, n=result.replaced) if result.replaced else ""
        )
        text = t(
            "reconciliation.upload.loaded", lang, file=name, n=result.figures, replaced=replaced
        )
        return dbc.Alert(text, color="success", class_name="stm-check-ok py-2")
    if result.status == "unchanged":
        return dbc.Alert(
            t("reconciliation.upload.unchanged", lang, file=name), color="info", class_name="py-2"
        )
    return problem_table(result, lang)


def problem_table(result: ExternalLoad, lang: str) -> dbc.Alert:
    """A rejected file: row, column, value and problem in the page's language."""
    problems = result.problems
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"reconciliation.problem.{k}", lang))
                for k in ("row", "column", "value", "problem")
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(p.row if p.row else MISSING),
                    html.Td(p.column or MISSING),
                    html.Td(p.value, className="stm-problem-value"),
                    html.Td(p.problem_zh if lang == "zh" else p.problem_en),
                ]
            )
            for p in problems[:PROBLEMS_SHOWN]
        ]
    )
    more = len(problems) - PROBLEMS_SHOWN
    return dbc.Alert(
        [
            html.P(
                t("reconciliation.upload.rejected", lang, file=result.file_name, n=len(problems)),
                className="mb-2",
            ),
            dbc.Table(
                [head, body],
                size="sm",
                bordered=True,
                responsive=True,
                class_name="mb-0 bg-white",
                id=Ids.PROBLEMS,
            ),
            html.P(t("reconciliation.upload.more", lang, n=more), className="mt-2 mb-0")
            if more > 0
            else None,
        ],
        color="danger",
        class_name="stm-check-problems py-2",
    )


def _loaded_at(value) -> str:
    """A stored time in Beijing time, to the minute (SQLite hands back naive UTC)."""
    if value is None or pd.isna(value):
        return MISSING
    moment = pd.Timestamp(value).to_pydatetime()
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return aware.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def history_table(batches: pd.DataFrame, lang: str):
    """The files loaded, newest first: name, who, when (Beijing time), how many figures."""
    if batches.empty:
        return html.P(t("reconciliation.history.empty", lang), className="text-muted mb-0")
    columns = ("file", "by", "at", "rows")
    head = html.Thead(html.Tr([html.Th(t(f"reconciliation.history.{c}", lang)) for c in columns]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(r["file_name"], className="stm-upload-file"),
                    html.Td(r["loaded_by"]),
                    html.Td(_loaded_at(r["loaded_at"]), className="text-nowrap"),
                    html.Td(int(r["rows"]), className="text-end"),
                ]
            )
            for r in batches.to_dict("records")
        ]
    )
    return dbc.Table([head, body], size="sm", hover=True, responsive=True, class_name="mb-0")


def year_options(years: list[int]) -> list[dict]:
    """The year picker's options, newest first."""
    return [{"label": str(y), "value": y} for y in years]


def month_options(year: int | None, lang: str) -> list[dict]:
    """Every window of the year, or the windows ending in one of its months."""
    first = [{"label": t("reconciliation.all_months", lang), "value": 0}]
    if not year:
        return first
    return first + [{"label": fmt_period(year * 100 + m, lang), "value": m} for m in range(1, 13)]


# ---------------------------------------------------------------- the reconciliation


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
