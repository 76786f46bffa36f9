"""The 伙伴 page's computations and parts: partner ranking, group totals, names, URL (pure)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pandas as pd
from dash import html

from dashboard import i18n
from dashboard.i18n import partner_name, t
from dashboard.ids import Partners
from dashboard.tables import amount_cells, numeric_column, percent_cells
from etl import numbers
from etl.aggregates import growth, ratio, records, total
from etl.filters import GROUP_PREFIX
from etl.periods import add_months

TOPS = (10, 15)
TREND_N = 5


def page_params(search: str | None) -> tuple[int, str | None]:
    """This page's own keys: top (10 or 15) and partner (an upper-case code or None)."""
    query = dict(parse_qsl((search or "").lstrip("?")))
    top = int(query["top"]) if query.get("top", "").isdigit() else TOPS[0]
    code = query.get("partner", "").strip().upper()
    return (top if top in TOPS else TOPS[0]), (code if code.isalpha() and len(code) == 2 else None)


def with_params(search: str | None, **params: str | None) -> str:
    """The query with this page's keys set (None removes one); the filters are kept."""
    query = [(k, v) for k, v in parse_qsl((search or "").lstrip("?")) if k not in params]
    query += [(k, v) for k, v in params.items() if v is not None]
    return "?" + urlencode(query, safe=",:-") if query else ""


def select_search(click: dict | None, search: str | None) -> str | None:
    """The query after clicking a partner's bar: partner=<code> (clicking it again clears it)."""
    points = (click or {}).get("points") or []
    code = points[0].get("customdata") if points else None
    if not isinstance(code, str) or not code:
        return None
    return with_params(search, partner=None if page_params(search)[1] == code else code)


def _window(frame: pd.DataFrame, start: int, end: int) -> pd.Series:
    """Each partner's amount over the window; a protected month (NA) leaves it protected."""
    window = frame[frame["period"].between(start, end)]
    return window.groupby("partner_code")["amount"].sum(skipna=False)


def _change(share, share_before) -> object:
    if share is None or share_before is None:
        return None
    return pd.NA if share is pd.NA or share_before is pd.NA else share - share_before


def _own_figures(windows: pd.DataFrame | None, start: int, end: int) -> pd.Series | None:
    """The figures read as their own (code TOTAL, group:X) over one window: code -> amount,
    each as the published cells fix it (etl.queries.windows; NA where they do not); None when
    no windows were read."""
    if windows is None:
        return None
    mine = windows[(windows["start"] == start) & (windows["end"] == end)]
    return pd.Series(list(mine["amount"]), index=list(mine["code"]), dtype=object)


def partner_rows(
    frame: pd.DataFrame,
    start: int,
    end: int,
    names: dict,
    lang: str,
    windows: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per partner with an amount in the window or a year earlier, largest first:
    code, name, current, previous, growth, share, share_change (ratios), rank.

    A protected amount (NA) stays NA and its partner is ranked after the known ones (rank NA),
    never by its value; shares of a protected total are protected. windows (start, end, code,
    amount): the total over all partners read as its own figure (code TOTAL, _own_figures), so
    that one protected partner does not hide every share; else the partners' sum."""
    cur = _window(frame, start, end)
    prev = _window(frame, add_months(start, -12), add_months(end, -12))
    codes = sorted(
        set(cur.index[cur.map(numbers.nonzero).astype(bool)])
        | set(prev.index[prev.map(numbers.nonzero).astype(bool)])
    )
    out = pd.DataFrame({"code": codes})
    out["current"] = pd.array([cur.get(c, 0) for c in codes], dtype="Int64")
    out["previous"] = pd.array([prev.get(c, 0) for c in codes], dtype="Int64")
    whole, before = total(cur), total(prev)
    own_now = _own_figures(windows, start, end)
    own_before = _own_figures(windows, add_months(start, -12), add_months(end, -12))
    if own_now is not None:
        whole, before = own_now.get("TOTAL", whole), own_before.get("TOTAL", before)
    out["growth"] = [growth(c, p) for c, p in zip(out["current"], out["previous"])]
    out["share"] = pd.Series([ratio(c, whole) for c in out["current"]], dtype=object)
    out["share_change"] = pd.Series(
        [
            _change(ratio(c, whole), ratio(p, before))
            for c, p in zip(out["current"], out["previous"])
        ],
        dtype=object,
    )
    out = out.sort_values(
        ["current", "code"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)
    out["rank"] = pd.array(
        [pd.NA if numbers.protected(c) else i + 1 for i, c in enumerate(out["current"])],
        dtype="Int64",
    )
    out["name"] = [partner_name(c, names, lang) for c in out["code"]]
    return out


def group_years(
    frame: pd.DataFrame,
    groups: pd.DataFrame,
    start: int,
    end: int,
    years: int,
    lang: str,
    windows: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each group's total and share of all partners in the window and the same months of
    earlier years: code, name, members, start, end, amount, share. windows (start, end, code,
    amount): the groups (group:X) and the total (TOTAL) read as figures of their own
    (_own_figures), hidden only where the published cells do not fix them; else members' sums
    (NA when any member is protected)."""
    name = "name_en" if i18n.normalize_lang(lang) == "en" else "name_zh"
    records = []
    for k in range(years - 1, -1, -1):
        a, b = add_months(start, -12 * k), add_months(end, -12 * k)
        sums = _window(frame, a, b)
        own = _own_figures(windows, a, b)
        whole = total(sums) if own is None else own.get("TOTAL", total(sums))
        if not numbers.nonzero(whole):
            continue
        for code, members in groups.groupby("code", sort=False):
            if own is not None and f"{GROUP_PREFIX}{code}" in own.index:
                amount = own[f"{GROUP_PREFIX}{code}"]
            else:
                # a member without trade adds zero; a protected member leaves the group
                # protected
                amount = total(
                    pd.Series([sums.get(m, 0) for m in members["member"]], dtype="Int64")
                )
            records.append(
                {
                    "code": code,
                    "name": members[name].iloc[0] or members["name_zh"].iloc[0],
                    "members": len(members),
                    "start": a,
                    "end": b,
                    "amount": amount,
                    "share": ratio(amount, whole),
                }
            )
    return pd.DataFrame(
        records, columns=["code", "name", "members", "start", "end", "amount", "share"]
    )


def group_summary(by_year: pd.DataFrame, end: int) -> pd.DataFrame:
    """The window's row per group with 同比 and the share change against a year earlier."""
    now = by_year[by_year["end"] == end].set_index("code")
    before = by_year[by_year["end"] == add_months(end, -12)].set_index("code")
    out = now.reset_index()[["code", "name", "members", "amount", "share"]]
    out["growth"] = [growth(a, before["amount"].get(c)) for c, a in zip(out["code"], out["amount"])]
    out["share_change"] = [
        _change(s, before["share"][c]) if c in before.index else None
        for c, s in zip(out["code"], out["share"])
    ]
    return out


# ---------------------------------------------------------------- grid and downloads


def column_defs(lang: str, unit: str) -> list[dict]:
    """AG Grid columns with catalogue headers; numbers sort, their text is shown."""
    unit_name = i18n.unit_label(unit, lang)

    return [
        {
            "field": "rank",
            "headerName": t("ptn.col.rank", lang),
            "maxWidth": 90,
            "type": "numericColumn",
        },
        {
            "field": "partner",
            "headerName": t("ptn.col.partner", lang),
            "minWidth": 180,
            "flex": 2,
            "filter": True,
        },
        numeric_column("current", t("ptn.col.current", lang, unit=unit_name), 140),
        numeric_column("previous", t("ptn.col.previous", lang, unit=unit_name), 150),
        numeric_column("growth", t("ptn.col.growth", lang)),
        numeric_column("share", t("ptn.col.share", lang)),
        numeric_column("share_change", t("ptn.col.share_change", lang), 150),
    ]


def _points(value, lang: str) -> str:
    text = i18n.fmt_pp(value, lang)
    return text.replace(t("fmt.pp", lang, v=""), "") if text != i18n.MISSING else text


def _float(value) -> float | None:
    return None if i18n.is_missing(value) else float(value)


def grid_rows(rows: pd.DataFrame, unit: str, lang: str) -> list[dict]:
    """Rows for the grid: names (never codes alone), numbers and their display texts."""
    return [
        {
            "code": r["code"],
            "rank": None if i18n.is_missing(r["rank"]) else int(r["rank"]),
            "partner": r["name"],
            "current": i18n.to_unit(r["current"], unit, lang),
            "current_text": i18n.fmt_number(r["current"], unit, lang),
            "previous": i18n.to_unit(r["previous"], unit, lang),
            "previous_text": i18n.fmt_number(r["previous"], unit, lang),
            "growth": _float(r["growth"]),
            "growth_text": i18n.fmt_pct(r["growth"]),
            "share": _float(r["share"]),
            "share_text": i18n.fmt_pct(r["share"], signed=False),
            "share_change": _float(r["share_change"]),
            "share_change_text": _points(r["share_change"], lang),
        }
        for r in records(rows)  # NA kept: a protected figure prints C
    ]


def group_table(summary: pd.DataFrame, unit: str, lang: str) -> html.Table:
    """The groups in the window: members, amount, 同比, share and its change in points."""
    unit_name = i18n.unit_label(unit, lang)
    head = [
        t("ptn.groups.col.group", lang),
        t("ptn.groups.col.members", lang),
        t("ptn.col.current", lang, unit=unit_name),
        t("ptn.col.growth", lang),
        t("ptn.col.share", lang),
        t("ptn.col.share_change", lang),
    ]
    body = [
        html.Tr(
            [
                html.Td(r["name"]),
                html.Td(str(r["members"])),
                html.Td(i18n.fmt_number(r["amount"], unit, lang)),
                html.Td(i18n.fmt_pct(r["growth"])),
                html.Td(i18n.fmt_pct(r["share"], signed=False)),
                html.Td(_points(r["share_change"], lang)),
            ]
        )
        for r in records(summary)
    ]
    return html.Table(
        [html.Thead(html.Tr([html.Th(h) for h in head])), html.Tbody(body)],
        className="table table-sm stm-ptn-groups",
        id=Partners.GROUPS_TABLE,
    )


def table_note(rows: pd.DataFrame, lang: str) -> str | None:
    """Where a partner reads C: it is confidential, and every share is still of the total that
    counts it (the shares shown add up to less); None where nothing reads C."""
    if any(numbers.protected(v) for v in rows["current"]):
        return t("ptn.table.protected", lang)
    return None


def table_frame(rows: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """The partner table as downloaded: catalogue headers, numbers as numbers."""
    unit_name = i18n.unit_label(unit, lang)
    return pd.DataFrame(
        {
            t("ptn.col.rank", lang): list(rows["rank"]),
            t("ptn.col.partner", lang): list(rows["name"]),
            t("ptn.col.current", lang, unit=unit_name): amount_cells(rows["current"], unit, lang),
            t("ptn.col.previous", lang, unit=unit_name): amount_cells(rows["previous"], unit, lang),
            t("ptn.col.growth", lang): percent_cells(rows["growth"]),
            t("ptn.col.share", lang): percent_cells(rows["share"]),
            t("ptn.col.share_change", lang): percent_cells(rows["share_change"]),
        }
    )


def groups_frame(summary: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """The group summary as shown and downloaded."""
    unit_name = i18n.unit_label(unit, lang)
    return pd.DataFrame(
        {
            t("ptn.groups.col.group", lang): list(summary["name"]),
            t("ptn.groups.col.members", lang): list(summary["members"]),
            t("ptn.col.current", lang, unit=unit_name): amount_cells(summary["amount"], unit, lang),
            t("ptn.col.growth", lang): percent_cells(summary["growth"]),
            t("ptn.col.share", lang): percent_cells(summary["share"]),
            t("ptn.col.share_change", lang): percent_cells(summary["share_change"]),
        }
    )
