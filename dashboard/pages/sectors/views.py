"""The 服务类别 page's numbers (pure): sub-items rolled up, ranking, composition, groups.

Amounts are reported either under a main category (SC) or under a sub-item (SC1 海运); a
category's amount is its own plus its sub-items' ("rolled up"). What a main category holds
beyond its sub-items is shown as 未细分 (not itemised), so parts always add up to the whole.
"""

from __future__ import annotations

import pandas as pd

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


def exact_sum(values) -> object:
    """Exact sum of amounts; NA when any is protected."""
    return total(pd.Series(list(values), dtype="Int64"))


def less(whole, part) -> object:
    """whole − part; NA when either is protected."""
    return pd.NA if whole is pd.NA or part is pd.NA else int(whole) - int(part)


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
    frame: pd.DataFrame,
    categories: pd.DataFrame,
    start: int,
    end: int,
    lang: str = "zh",
    cells: dict | None = None,
) -> pd.DataFrame:
    """Every category with data, rolled up, in EBOPS tree order: amount over start..end, a year
    earlier, 同比, share of the total and its change (a ratio difference). cells: the main
    categories' and the total's own figures ({"current"|"previous": {code or "TOTAL": amount}}),
    read where a sum holds a protected part (a leader's published main category over a
    protected sub-item)."""
    if frame.empty:
        return pd.DataFrame(columns=ROW_COLUMNS)
    chains = _ancestors(categories)
    base = (add_months(start, -12), add_months(end, -12))
    cur, prev = _sums(frame, (start, end), chains), _sums(frame, base, chains)
    cur["TOTAL"], prev["TOTAL"] = _window_total(frame, (start, end)), _window_total(frame, base)
    for sums, side in ((cur, "current"), (prev, "previous")):
        for code, amount in (cells or {}).get(side, {}).items():
            if sums.get(code) is pd.NA and not numbers.protected(amount):
                sums[code] = amount
    total_cur, total_prev = cur.pop("TOTAL"), prev.pop("TOTAL")
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
            less(top["current"], exact_sum(part["current"])),
            less(top["previous"], exact_sum(part["previous"])),
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
    whole = exact_sum(part["current"])
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
    total = exact_sum(cur[cur["level"] == 1]["current"])
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
        rest = less(rec["current"], exact_sum(kids))
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

    frame: start, end, group ('TOTAL', 'TJ_PILLAR' …), amount: each window's figure of its own
    (NA: protected), the oldest window read for the 同比 of the next. Out: start, end, group,
    amount, growth (同比), share (of the total); windows without a total are left out.
    """
    windows = {
        (a, b): part.set_index("group")["amount"]
        for (a, b), part in frame.groupby(["start", "end"], sort=False)
    }
    rows = []
    for k in range(years - 1, -1, -1):
        span = (add_months(start, -12 * k), add_months(end, -12 * k))
        base = (add_months(span[0], -12), add_months(span[1], -12))
        now = windows.get(span, pd.Series(dtype="object"))
        before = windows.get(base, pd.Series(dtype="object"))
        whole = now.get("TOTAL", 0)
        if not numbers.nonzero(whole):
            continue
        for group in now.index:
            amount = now[group]
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


def group_charts(followed: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """The groups the share lines draw and the group whose 同比 the bars set against the
    total's: 天津's pillar and emerging sectors where the region follows them, else 知识密集型."""
    shares = tuple(code for code in ("TJ_PILLAR", "KIS") if code in followed)
    return shares, "TJ_EMERGING" if "TJ_EMERGING" in followed else "KIS"


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
