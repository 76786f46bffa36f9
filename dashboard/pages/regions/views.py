"""The 地区 page's parts: breadcrumb, drill-down URL, summary, grid and download tables (pure)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from dash import dcc, html

from dashboard import i18n
from dashboard.components import empty_state
from dashboard.filter_state import from_query, to_query
from dashboard.i18n import t
from dashboard.ids import Regions
from dashboard.rankings import leading_codes
from dashboard.tables import amount_cells, numeric_column, percent_cells
from etl import numbers
from etl.aggregates import records
from etl.evaluation.districts import TOTAL

PATH = "/regions"
TOP_N = 5


def region_href(search: str | None, code: str, path: str = PATH) -> str:
    """The page for another region, every other filter (and other keys) kept."""
    state = replace(from_query(search), region=code)
    return path + to_query(state, search)


def clicked_code(click: dict | None) -> str | None:
    """The region or partner code of a clicked bar (customdata), or None."""
    points = (click or {}).get("points") or []
    code = points[0].get("customdata") if points else None
    return code if isinstance(code, str) and code else None


def drill_search(click: dict | None, search: str | None) -> str | None:
    """The URL query after clicking a region's bar: that region, other filters kept; None when
    the click opens nothing (no bar, the total, or the region itself, i.e. its 本级 row)."""
    code = clicked_code(click)
    if code is None or code == TOTAL or code == from_query(search).region:
        return None
    return to_query(replace(from_query(search), region=code), search)


def breadcrumb(chain: list[dict], search: str | None, lang: str) -> html.Nav:
    """天津市 › 滨海新区: every level above the current one is a link to it."""
    name = "name_en" if lang == "en" else "name_zh"
    items: list = []
    for i, level in enumerate(chain):
        if i:
            items.append(html.Span("›", className="stm-crumb-sep", **{"aria-hidden": "true"}))
        if i == len(chain) - 1:
            items.append(
                html.Span(level[name], className="stm-crumb-current", **{"aria-current": "page"})
            )
        else:
            items.append(
                dcc.Link(
                    level[name], href=region_href(search, level["code"]), className="stm-crumb-link"
                )
            )
    return html.Nav(
        items, className="stm-crumb", id=Regions.CRUMB, **{"aria-label": t("reg.crumb", lang)}
    )


def summary_line(rows: pd.DataFrame, view, n_children: int, lang: str) -> str:
    """'天津市2021年1–12月服务进出口1,498.6亿美元，同比+19.7%；下设16个地区。'"""
    total = rows.iloc[0]
    key = "reg.summary" if n_children else "reg.summary_leaf"
    return t(
        key,
        lang,
        region=view.region_name(lang),
        period=i18n.fmt_window(view.start, view.end, lang),
        direction=t(f"dir.{view.state.direction}", lang),
        amount=i18n.fmt_amount(total["current"], view.state.unit, lang),
        growth=i18n.fmt_pct(total["growth"]),
        n=n_children,
    )


def leaf_message(chain: list[dict], search: str | None, lang: str) -> html.Div:
    """Words for a region without children, with a link one level up."""
    name = "name_en" if lang == "en" else "name_zh"
    box = empty_state(
        t("reg.leaf", lang, region=chain[-1][name] if chain else ""),
        t("reg.leaf_hint", lang),
        id=Regions.LEAF,
    )
    if len(chain) > 1:
        up = chain[-2]
        box.children.append(
            dcc.Link(
                t("reg.up", lang, region=up[name]),
                href=region_href(search, up["code"]),
                className="btn btn-outline-primary btn-sm",
            )
        )
    return box


def has_data(rows: pd.DataFrame) -> bool:
    """Whether the window or the year before holds any amount."""
    first = rows.iloc[0] if len(rows) else None
    return first is not None and (
        numbers.nonzero(first["current"]) or numbers.nonzero(first["previous"])
    )


def top_codes(rows: pd.DataFrame, n: int = TOP_N) -> list[str]:
    """The n largest children with an amount in the window, largest first; protected ones
    (C: never placed by their value) after them while there is room, drawn with their gaps."""
    body = rows[rows["code"] != TOTAL]
    return leading_codes(body["code"], body["current"], n)


def labels(rows: pd.DataFrame, lang: str) -> dict[str, str]:
    """Code -> name in lang for every row."""
    return dict(zip(rows["code"], rows[f"name_{'en' if lang == 'en' else 'zh'}"]))


# ---------------------------------------------------------------- grid and downloads


def _share_change(rec: dict) -> object:
    now, before = rec["share"], rec["share_previous"]
    if numbers.protected(now) or numbers.protected(before):
        return pd.NA  # prints C
    if i18n.is_missing(now) or i18n.is_missing(before):
        return None
    return float(now) - float(before)


def column_defs(lang: str, unit: str, parent: str) -> list[dict]:
    """AG Grid columns, Chinese headers by default; numbers sort, their text is shown."""
    unit_name = i18n.unit_label(unit, lang)

    return [
        {
            "field": "rank",
            "headerName": t("reg.col.rank", lang),
            "maxWidth": 90,
            "type": "numericColumn",
        },
        {"field": "region", "headerName": t("reg.col.region", lang), "minWidth": 190, "flex": 2},
        numeric_column("current", t("reg.col.current", lang, unit=unit_name), 140),
        numeric_column("previous", t("reg.col.previous", lang, unit=unit_name), 150),
        numeric_column("growth", t("reg.col.growth", lang)),
        numeric_column("share", t("reg.col.share", lang, region=parent), 140),
        numeric_column("share_change", t("reg.col.share_change", lang), 150),
        numeric_column("contribution", t("reg.col.contribution", lang), 150),
    ]


def grid_rows(rows: pd.DataFrame, unit: str, lang: str) -> tuple[list[dict], list[dict]]:
    """(rows, pinned total row): names, never codes; each number with its display text."""
    name = f"name_{'en' if lang == 'en' else 'zh'}"
    out = []
    for rec in records(rows):  # NA kept: a protected figure prints C, not —
        change, contribution = _share_change(rec), rec["contribution_pp"]
        rank = rec["rank"]
        out.append(
            {
                "code": rec["code"],
                "rank": None if i18n.is_missing(rank) else int(rank),
                "region": rec[name],
                "current": i18n.to_unit(rec["current"], unit, lang),
                "current_text": i18n.fmt_number(rec["current"], unit, lang),
                "previous": i18n.to_unit(rec["previous"], unit, lang),
                "previous_text": i18n.fmt_number(rec["previous"], unit, lang),
                "growth": _float(rec["growth"]),
                "growth_text": i18n.fmt_pct(rec["growth"]),
                "share": _float(rec["share"]),
                "share_text": i18n.fmt_pct(rec["share"], signed=False),
                "share_change": _float(change),
                "share_change_text": _points(change, lang),
                "contribution": _float(contribution),
                "contribution_text": _points(
                    contribution
                    if numbers.protected(contribution) or i18n.is_missing(contribution)
                    else contribution / 100,
                    lang,
                ),
            }
        )
    return [r for r in out if r["code"] != TOTAL], [r for r in out if r["code"] == TOTAL]


def table_note(rows: pd.DataFrame, region: str, lang: str) -> str:
    """The table's footnote; where a region's figure is C it says the total still counts it
    (the rows shown then do not add up to the total, and the reader should know why)."""
    note = t("reg.table.note", lang, region=region)
    body = rows[rows["code"] != TOTAL]
    if any(numbers.protected(v) for v in body["current"]):
        note += t("reg.table.protected", lang, region=region)
    return note


def _float(value) -> float | None:
    return None if i18n.is_missing(value) else float(value)


def _points(value, lang: str) -> str:
    """A ratio difference in points without the unit word (the header says 个百分点)."""
    text = i18n.fmt_pp(value, lang)
    return text.replace(t("fmt.pp", lang, v=""), "") if text != i18n.MISSING else text


def table_frame(rows: pd.DataFrame, unit: str, lang: str, parent: str) -> pd.DataFrame:
    """The grid as downloaded: catalogue headers, numbers as numbers, the total row last."""
    body, total = grid_rows(rows, unit, lang)
    shown = body + total
    raw = rows.set_index("code").loc[[r["code"] for r in shown]]
    raw_records = records(raw)
    unit_name = i18n.unit_label(unit, lang)
    return pd.DataFrame(
        {
            t("reg.col.rank", lang): pd.array([r["rank"] for r in shown], dtype="Int64"),
            t("reg.col.region", lang): [r["region"] for r in shown],
            t("reg.col.current", lang, unit=unit_name): amount_cells(raw["current"], unit, lang),
            t("reg.col.previous", lang, unit=unit_name): amount_cells(raw["previous"], unit, lang),
            t("reg.col.growth", lang): percent_cells(raw["growth"]),
            t("reg.col.share", lang, region=parent): percent_cells(raw["share"]),
            t("reg.col.share_change", lang): percent_cells(_share_change(r) for r in raw_records),
            t("reg.col.contribution", lang): [
                numbers.CONFIDENTIAL
                if numbers.protected(c)
                else None
                if i18n.is_missing(c)
                else round(float(c), 2)
                for c in raw["contribution_pp"]
            ],
        }
    )
