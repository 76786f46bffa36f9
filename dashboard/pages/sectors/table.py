"""The 服务类别 page's table (pure): 未细分 rows that make parts add up, the AG Grid's rows and
columns, and the downloads of the table and the groups."""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from dashboard.i18n import t
from dashboard.pages.sectors.views import REST, exact_sum, less
from dashboard.tables import numeric_column, percent_cells
from etl import numbers
from etl.aggregates import growth, ratio
from etl.aggregates import records as rows_of  # NA kept (to_dict turns it into None)


def with_rest_rows(rows: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The table with a 未细分 row closing each category's sub-items, so they add up to it
    (运输 47.2 read against sub-items of 5.7): the category less its direct sub-items, as
    ranking() and treemap_nodes() show it."""
    if rows.empty:
        return rows
    records = rows_of(rows)
    # NA (a protected figure, etl.disclosure) makes every sum and difference it is in NA
    total = {
        k: exact_sum(r[k] for r in records if r["level"] == 1) for k in ("current", "previous")
    }
    children: dict[str, list[dict]] = {}
    for r in records:
        if r["parent_code"]:
            children.setdefault(r["parent_code"], []).append(r)
    out: list[dict] = []
    open_parents: list[dict] = []

    def close(until_level: int) -> None:
        while open_parents and open_parents[-1]["level"] >= until_level:
            parent = open_parents.pop()
            kids = children[parent["code"]]
            c = less(parent["current"], exact_sum(k["current"] for k in kids))
            p = less(parent["previous"], exact_sum(k["previous"] for k in kids))
            if not numbers.nonzero(c) and not numbers.nonzero(p):
                continue
            share, share_prev = ratio(c, total["current"]), ratio(p, total["previous"])
            out.append(
                {
                    "code": parent["code"] + REST,
                    "parent_code": parent["code"],
                    "main_code": parent["main_code"],
                    "level": parent["level"] + 1,
                    "name": t("sec.rest_short", lang),
                    "current": c,
                    "previous": p,
                    "growth": growth(c, p),
                    "share": share,
                    "share_change": None
                    if share is None or share_prev is None
                    else (pd.NA if share is pd.NA or share_prev is pd.NA else share - share_prev),
                }
            )

    for r in records:
        close(r["level"])
        out.append(r)
        if r["code"] in children:
            open_parents.append(r)
    close(0)
    return pd.DataFrame(out, columns=rows.columns)


def grid_rows(rows: pd.DataFrame, unit: str, lang: str) -> list[dict]:
    """AG Grid rows: numbers to sort by and their formatted *_text; sub-items indented."""
    mains = rows[rows["level"] == 1].sort_values("current", ascending=False, kind="stable")
    rank = {c: i + 1 for i, c in enumerate(mains["code"])}
    main_names = dict(zip(mains["code"], mains["name"]))
    out = []
    for rec in rows_of(rows):  # NA kept: a protected figure prints C, not —
        out.append(
            {
                "code": rec["code"],
                "level": rec["level"],
                "name": "\u3000" * (rec["level"] - 1) + rec["name"],
                "main": main_names.get(rec["main_code"], rec["main_code"]),
                "rank": rank.get(rec["code"]),
                "current": i18n.to_unit(rec["current"], unit, lang),
                "current_text": i18n.fmt_number(rec["current"], unit, lang),
                "previous": i18n.to_unit(rec["previous"], unit, lang),
                "previous_text": i18n.fmt_number(rec["previous"], unit, lang),
                "growth": None if i18n.is_missing(rec["growth"]) else float(rec["growth"]),
                "growth_text": i18n.fmt_pct(rec["growth"]),
                "share": None if i18n.is_missing(rec["share"]) else float(rec["share"]),
                "share_text": i18n.fmt_pct(rec["share"], signed=False),
                "share_change": None
                if i18n.is_missing(rec["share_change"])
                else float(rec["share_change"]),
                "share_change_text": i18n.fmt_pp(rec["share_change"], lang),
            }
        )
    return out


def column_defs(unit: str, period: str, lang: str) -> list[dict]:
    """AG Grid columns with headers in the page language; numbers sort, text shows."""
    unit_name = i18n.unit_label(unit, lang)

    return [
        {
            "field": "name",
            "headerName": t("sec.col.category", lang),
            "minWidth": 220,
            "flex": 2,
            "filter": True,
        },
        {
            "field": "main",
            "headerName": t("sec.col.main", lang),
            "minWidth": 140,
            "flex": 1,
            "filter": True,
        },
        {
            "field": "rank",
            "headerName": t("sec.col.rank", lang),
            "maxWidth": 90,
            "type": "numericColumn",
        },
        numeric_column("current", t("mod.col.current", lang, period=period, unit=unit_name), 160),
        numeric_column("previous", t("mod.col.previous", lang, unit=unit_name), 140),
        numeric_column("growth", t("mod.col.growth", lang), 100),
        numeric_column("share", t("sec.col.share", lang), 110),
        numeric_column("share_change", t("mod.col.share_change", lang), 190),
    ]


def download_table(rows: list[dict], unit: str, period: str, lang: str) -> pd.DataFrame:
    """The table as numbers under catalogue headers (growth and shares in %, changes in pp)."""
    unit_name = i18n.unit_label(unit, lang)
    digits = 0 if lang == "en" else 1

    def rnd(row: dict, field: str, scale: float = 1.0, n: int = 1):
        """The grid row's number, or C where the grid shows C (a protected figure)."""
        if row.get(f"{field}_text") == numbers.CONFIDENTIAL:
            return numbers.CONFIDENTIAL
        value = row[field]
        return None if value is None else round(value * scale, n)

    return pd.DataFrame(
        {
            t("sec.col.category", lang): [r["name"].strip("\u3000") for r in rows],
            t("sec.col.main", lang): [r["main"] for r in rows],
            t("sec.col.level", lang): [t(f"sec.level.{min(r['level'], 3)}", lang) for r in rows],
            t("mod.col.current", lang, period=period, unit=unit_name): [
                rnd(r, "current", n=digits) for r in rows
            ],
            t("mod.col.previous", lang, unit=unit_name): [
                rnd(r, "previous", n=digits) for r in rows
            ],
            t("mod.col.growth", lang): [rnd(r, "growth", 100) for r in rows],
            t("sec.col.share", lang): [rnd(r, "share", 100) for r in rows],
            t("mod.col.share_change_pp", lang): [rnd(r, "share_change", 100) for r in rows],
        }
    )


def table_note(rows: list[dict], lang: str) -> str | None:
    """Where a category or sub-item reads C: it is confidential, and every share is still of
    the total that counts it (the shares shown add up to less); None where nothing reads C."""
    if any(row.get("current_text") == numbers.CONFIDENTIAL for row in rows):
        return t("sec.table.protected", lang)
    return None


def groups_table(years: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The group panels as a table: period, group, share and 同比 in % (C where protected)."""
    return pd.DataFrame(
        {
            t("tbl.period", lang): [
                i18n.fmt_window(a, b, lang) for a, b in zip(years["start"], years["end"])
            ],
            t("sec.col.group", lang): [names.get(g, g) for g in years["group"]],
            t("sec.col.share", lang): percent_cells(years["share"]),
            t("mod.col.growth", lang): percent_cells(years["growth"]),
        }
    )
