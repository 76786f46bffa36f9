"""The 服务类别 page's numbers (pure): sub-items rolled up, ranking, composition, groups, table.

Amounts are reported either under a main category (SC) or under a sub-item (SC1 海运); a
category's amount is its own plus its sub-items' ("rolled up"). What a main category holds
beyond its sub-items is shown as 未细分 (not itemised), so parts always add up to the whole.
"""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from dashboard.i18n import t
from etl import numbers
from etl.aggregates import growth, ratio, total
from etl.aggregates import records as rows_of  # NA kept (to_dict turns it into None)
from etl.filters import GROUP_PREFIX
from etl.periods import add_months

REST = "~rest"  # suffix of the 未细分 part of a category (its own reported amount)
ROW_COLUMNS = [
    "code",
    "parent_code",
    "main_code",
    "level",
    "name",
    "current",
    "previous",
    "growth",
    "share",
    "share_change",
]


def _name(row: dict, lang: str) -> str:
    return (row.get("name_en") if lang == "en" else None) or row.get("name_zh") or row["code"]


def _ancestors(categories: pd.DataFrame) -> dict[str, list[str]]:
    parent = {
        c: (p if isinstance(p, str) and p else None)
        for c, p in zip(categories["code"], categories["parent_code"])
    }
    out = {}
    for code in parent:
        chain, node = [], code
        while node is not None and node not in chain:
            chain.append(node)
            node = parent.get(node)
        out[code] = chain
    return out


def _plus(a, b) -> object:
    """a + b exactly; NA when either is protected."""
    return pd.NA if a is pd.NA or b is pd.NA else int(a) + int(b)


def _sums(frame: pd.DataFrame, span: tuple[int, int], chains: dict) -> dict[str, object]:
    """Each category's amount over the span with its sub-items rolled up; a category with a
    protected part (NA) is protected, never a partial sum."""
    window = frame[frame["period"].between(*span)]
    out: dict[str, object] = {}
    for code, amount in window.groupby("category_code")["amount"].sum(skipna=False).items():
        for node in chains.get(code, [code]):
            out[node] = _plus(out.get(node, 0), amount)
    return out


def _window_total(frame: pd.DataFrame, span: tuple[int, int]) -> object:
    return total(frame[frame["period"].between(*span)]["amount"])


def sector_rows(
    frame: pd.DataFrame, categories: pd.DataFrame, start: int, end: int, lang: str = "zh"
) -> pd.DataFrame:
    """Every category with data, rolled up, in EBOPS tree order: amount over start..end, a year
    earlier, 同比, share of the total and its change (a ratio difference)."""
    if frame.empty:
        return pd.DataFrame(columns=ROW_COLUMNS)
    chains = _ancestors(categories)
    base = (add_months(start, -12), add_months(end, -12))
    cur, prev = _sums(frame, (start, end), chains), _sums(frame, base, chains)
    total_cur, total_prev = _window_total(frame, (start, end)), _window_total(frame, base)
    rows = []
    ref = categories.assign(
        tree=categories["main_code"].map(dict(zip(categories["code"], categories["sort_order"])))
    )
    for rec in ref.sort_values(["tree", "level", "sort_order"]).to_dict("records"):
        c, p = cur.get(rec["code"], 0), prev.get(rec["code"], 0)
        if not numbers.nonzero(c) and not numbers.nonzero(p):
            continue
        share, share_prev = ratio(c, total_cur), ratio(p, total_prev)
        parent = rec["parent_code"] if isinstance(rec["parent_code"], str) else None
        rows.append(
            {
                "code": rec["code"],
                "parent_code": parent or None,
                "main_code": rec["main_code"],
                "level": int(rec["level"]),
                "name": _name(rec, lang),
                "current": c,
                "previous": p,
                "growth": growth(c, p),
                "share": share,
                "share_change": _change(share, share_prev),
            }
        )
    return pd.DataFrame(rows, columns=ROW_COLUMNS)


def _change(share, share_prev) -> object:
    """A share's change (a ratio difference): None without both, NA when either is protected."""
    if share is None or share_prev is None:
        return None
    return pd.NA if share is pd.NA or share_prev is pd.NA else share - share_prev


def ranked_codes(rows: pd.DataFrame, chosen: tuple[str, ...]) -> tuple[str | None, list[str]]:
    """What the ranking compares: one chosen category with sub-items -> (it, its children);
    otherwise (None, the main categories with data)."""
    if len(chosen) == 1 and not chosen[0].startswith(GROUP_PREFIX):
        children = rows[rows["parent_code"] == chosen[0]]["code"].tolist()
        if children:
            return chosen[0], children
    return None, rows[rows["level"] == 1]["code"].tolist()


def ranking(rows: pd.DataFrame, chosen: tuple[str, ...] = (), lang: str = "zh") -> pd.DataFrame:
    """The compared categories by amount, largest first, with 未细分 when the parent holds more
    than its sub-items; share is of what is compared. Columns: code, name, current, previous,
    growth, share, rank."""
    parent, codes = ranked_codes(rows, chosen)
    part = rows[rows["code"].isin(codes)][["code", "name", "current", "previous"]].copy()
    if parent is not None:
        top = rows[rows["code"] == parent].iloc[0]
        rest = (
            _less(top["current"], _sum(part["current"])),
            _less(top["previous"], _sum(part["previous"])),
        )
        if numbers.nonzero(rest[0]) or numbers.nonzero(rest[1]):
            extra = pd.DataFrame(
                [[parent, t("sec.rest", lang, name=top["name"]), *rest]], columns=part.columns
            )
            part = pd.concat([part, extra], ignore_index=True)
    if part.empty:
        return part.assign(growth=[], share=[], rank=[])
    for column in ("current", "previous"):  # NA (protected) sorts last, never by its value
        part[column] = part[column].astype("Int64")
    whole = _sum(part["current"])
    part["growth"] = [growth(c, p) for c, p in zip(part["current"], part["previous"])]
    part["share"] = pd.Series(
        [ratio(c, whole) for c in part["current"]], index=part.index, dtype=object
    )
    part = part.sort_values(
        "current", ascending=False, ignore_index=True, na_position="last", kind="stable"
    )
    part["rank"] = pd.array(
        [pd.NA if numbers.protected(c) else i + 1 for i, c in enumerate(part["current"])],
        dtype="Int64",
    )
    return part


def treemap_nodes(rows: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Treemap nodes (main -> sub-items, 未细分 for the rest): id, parent, code, label, value
    (cents, exact so parents equal the sum of their children), share.

    A protected category (NA, etl.disclosure) is a node with value NA and nothing below it: it
    cannot be sized, and is never sized by zero (the figure names it C instead).
    rows: sector_rows(...), parents before their sub-items."""
    cur = rows[rows["current"].map(lambda v: numbers.protected(v) or v > 0).astype(bool)]
    values = dict(zip(cur["code"], cur["current"]))
    total = _sum(cur[cur["level"] == 1]["current"])
    nodes, hidden = [], set()  # hidden: protected categories and everything below them
    for rec in rows_of(cur):
        parent = rec["parent_code"] if rec["parent_code"] in values else ""
        if parent in hidden:
            hidden.add(rec["code"])
            continue
        node = {"id": rec["code"], "parent": parent, "code": rec["code"], "label": rec["name"]}
        if numbers.protected(rec["current"]):
            hidden.add(rec["code"])
            nodes.append({**node, "value": pd.NA})
            continue
        nodes.append({**node, "value": int(rec["current"])})
        kids = cur[cur["parent_code"] == rec["code"]]["current"]
        rest = _less(rec["current"], _sum(kids))
        if len(kids) and not numbers.protected(rest) and rest > 0:
            nodes.append(
                {
                    "id": rec["code"] + REST,
                    "parent": rec["code"],
                    "code": rec["code"],
                    "label": t("sec.rest_short", lang),
                    "value": int(rest),
                }
            )
    out = pd.DataFrame(nodes, columns=["id", "parent", "code", "label", "value"])
    out["share"] = pd.Series([ratio(v, total) for v in out["value"]], dtype=object)
    return out


# ---------------------------------------------------------------- groups over the years


def group_years(frame: pd.DataFrame, start: int, end: int, years: int = 5) -> pd.DataFrame:
    """Each group and the total over start..end and the same months of earlier years.

    frame: period, group ('TOTAL', 'TJ_PILLAR' …), amount. Out: start, end, group, amount,
    growth (同比), share (of the total); years without a total are left out.
    """
    rows = []
    for k in range(years - 1, -1, -1):
        span = (add_months(start, -12 * k), add_months(end, -12 * k))
        base = (add_months(span[0], -12), add_months(span[1], -12))
        # a protected month (NA) leaves the year's amount protected, never a partial sum
        now = frame[frame["period"].between(*span)].groupby("group")["amount"].sum(skipna=False)
        before = frame[frame["period"].between(*base)].groupby("group")["amount"].sum(skipna=False)
        whole = now.get("TOTAL", 0)
        if not numbers.nonzero(whole):
            continue
        for group in now.index.union(before.index):
            amount = now.get(group, 0)
            amount = amount if numbers.protected(amount) else int(amount)
            rows.append(
                {
                    "start": span[0],
                    "end": span[1],
                    "group": group,
                    "amount": amount,
                    "growth": growth(amount, before.get(group)),
                    "share": ratio(amount, whole),
                }
            )
    return pd.DataFrame(rows, columns=["start", "end", "group", "amount", "growth", "share"])


def group_names(groups: pd.DataFrame, lang: str) -> dict[str, str]:
    """{'TJ_PILLAR': '天津传统支柱领域', …, 'TOTAL': '服务进出口总额'}."""
    col = "name_en" if lang == "en" else "name_zh"
    names = {
        r["code"]: r[col] or r["name_zh"] for r in groups.drop_duplicates("code").to_dict("records")
    }
    return {**names, "TOTAL": t("sec.total", lang)}


def group_members(groups: pd.DataFrame, categories: pd.DataFrame, code: str, lang: str) -> str:
    """The group's member categories by name: '运输、旅行、其他商业服务'."""
    col = "name_en" if lang == "en" else "name_zh"
    names = dict(zip(categories["code"], categories[col].fillna(categories["name_zh"])))
    members = groups.loc[groups["code"] == code, "category_code"]
    return t("ovw.kis.sep", lang).join(names.get(c, c) for c in members)


# ---------------------------------------------------------------- table and downloads


def _sum(values) -> object:
    """Exact sum of amounts; NA when any is protected."""
    return total(pd.Series(list(values), dtype="Int64"))


def _less(whole, part) -> object:
    """whole − part; NA when either is protected."""
    return pd.NA if whole is pd.NA or part is pd.NA else int(whole) - int(part)


def with_rest_rows(rows: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The table with a 未细分 row closing each category's sub-items, so they add up to it
    (运输 47.2 read against sub-items of 5.7): the category less its direct sub-items, as
    ranking() and treemap_nodes() show it."""
    if rows.empty:
        return rows
    records = rows_of(rows)
    # NA (a protected figure, etl.disclosure) makes every sum and difference it is in NA
    total = {k: _sum(r[k] for r in records if r["level"] == 1) for k in ("current", "previous")}
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
            c = _less(parent["current"], _sum(k["current"] for k in kids))
            p = _less(parent["previous"], _sum(k["previous"] for k in kids))
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

    def num(field: str, header: str, width: int = 120) -> dict:
        return {
            "field": field,
            "headerName": header,
            "type": "numericColumn",
            "valueFormatter": {"function": f"params.data.{field}_text"},
            "minWidth": width,
            "flex": 1,
        }

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
        num("current", t("mod.col.current", lang, period=period, unit=unit_name), 160),
        num("previous", t("mod.col.previous", lang, unit=unit_name), 140),
        num("growth", t("mod.col.growth", lang), 100),
        num("share", t("sec.col.share", lang), 110),
        num("share_change", t("mod.col.share_change", lang), 190),
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


def groups_table(years: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The group panels as a table: period, group, share and 同比 in %."""
    return pd.DataFrame(
        {
            t("tbl.period", lang): [
                i18n.fmt_window(a, b, lang) for a, b in zip(years["start"], years["end"])
            ],
            t("sec.col.group", lang): [names.get(g, g) for g in years["group"]],
            t("sec.col.share", lang): [
                None if i18n.is_missing(v) else round(v * 100, 1) for v in years["share"]
            ],
            t("mod.col.growth", lang): [
                None if i18n.is_missing(v) else round(v * 100, 1) for v in years["growth"]
            ],
        }
    )
