"""The 供给模式 page's panels as data and components (pure), and the drill-down links.

Kept apart from pages/modes.py (which must register a page to be imported) so that the
numbers, the table and the links are unit-tested without a browser.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import i18n
from dashboard.breakdowns import TOTAL
from dashboard.components import stat_card
from dashboard.i18n import MISSING, t
from dashboard.pages.modes.figures import scope_modes, stacked_modes
from dashboard.tables import amount_cells, numeric_column
from etl import aggregates, numbers
from etl.aggregates import records
from etl.filters import ALL_MODES
from etl.periods import add_months

MEASURES = ("month", "ytd")  # the trend shows 当月 points or 1–N月累计 (URL key "show")
MEASURE_KEY = "show"


def measure_from_search(search: str | None) -> str:
    """'ytd' when the URL asks for 1–N月累计 (?show=ytd), else 'month'."""
    value = dict(parse_qsl((search or "").lstrip("?"))).get(MEASURE_KEY, "")
    return value if value in MEASURES else "month"


def with_measure(search: str | None, measure: str) -> str:
    """The query with show=ytd set (or removed for the default 'month'), other keys kept."""
    pairs = [(k, v) for k, v in parse_qsl((search or "").lstrip("?")) if k != MEASURE_KEY]
    if measure == "ytd":
        pairs.append((MEASURE_KEY, "ytd"))
    return "?" + urlencode(pairs, safe=",:-") if pairs else ""


def mode_names(modes: pd.DataFrame, lang: str) -> dict[int, str]:
    """{1: '模式一·跨境提供', …} / {1: 'Mode 1: Cross-border supply', …} from the reference."""
    short, name = ("short_en", "name_en") if lang == "en" else ("short_zh", "name_zh")
    return {
        int(r["code"]): t(
            "mod.name", lang, short=r[short] or r["short_zh"], name=r[name] or r["name_zh"]
        )
        for r in modes.to_dict("records")
    }


def fallback_names(lang: str) -> dict[int, str]:
    """Mode names when the reference table is empty: 'Mode 1' …"""
    return {m: t("mod.fallback", lang, m=m) for m in ALL_MODES}


# ---------------------------------------------------------------- the numbers per mode


def mode_windows(frame: pd.DataFrame, start: int, end: int) -> dict[int, tuple]:
    """Each mode's window start..end and the same months a year earlier, summed from the months
    of frame (period, mode, amount; NA where a month is protected, so the sum is too)."""
    base = (add_months(start, -12), add_months(end, -12))
    return {
        int(mode): tuple(
            aggregates.total(part.loc[part["period"].between(a, b), "amount"])
            for a, b in ((start, end), base)
        )
        for mode, part in frame.groupby("mode")
    }


def mode_table(
    windows: dict[int, tuple], full_scope: bool = False, modes: tuple[int, ...] = ()
) -> pd.DataFrame:
    """Per mode over a window against a year earlier: amount, 同比, share of the total.

    windows: mode -> (window, a year earlier) as read (ModeSeries.windows, with TOTAL, or
    mode_windows from monthly amounts). Rows: the modes in the total (chosen ones), then
    'total', then mode 3 beside it under the BOP scope. Columns: key, mode, in_total, current,
    previous, growth, share, share_change, vs_total.
    """

    def figures(mode: int) -> tuple:
        return windows.get(mode, (0, 0))

    counted = scope_modes(full_scope)
    summed = tuple(aggregates.total(pd.Series([figures(k)[i] for k in counted])) for i in (0, 1))
    # the total read as a figure of its own where it was (ModeSeries), else the modes' sum
    own = windows.get(TOTAL, (None, None))
    whole = tuple(s if o is None or o is pd.NA else o for o, s in zip(own, summed))
    rows = []
    for mode in stacked_modes(full_scope, modes):
        cmp = aggregates.window_comparison(*figures(mode), *whole)
        rows.append(
            {
                "key": str(mode),
                "mode": mode,
                "in_total": True,
                "current": cmp["amount"],
                "previous": cmp["amount_base"],
                "growth": cmp["growth"],
                "share": cmp["share"],
                "share_change": cmp["share_change"],
                "vs_total": cmp["share"],
            }
        )
    total = aggregates.window_comparison(*whole, *whole)
    rows.append(
        {
            "key": TOTAL,
            "mode": None,
            "in_total": True,
            "current": total["amount"],
            "previous": total["amount_base"],
            "growth": total["growth"],
            "share": 1.0 if numbers.nonzero(total["whole"]) else None,
            "share_change": None,
            "vs_total": None,
        }
    )
    if not full_scope:  # beside the total, never in it
        cmp = aggregates.window_comparison(*figures(3), *whole)
        rows.append(
            {
                "key": "3",
                "mode": 3,
                "in_total": False,
                "current": cmp["amount"],
                "previous": cmp["amount_base"],
                "growth": cmp["growth"],
                "share": None,
                "share_change": None,
                "vs_total": cmp["share"],
            }
        )
    return pd.DataFrame(rows)


def row_name(row: dict, names: dict[int, str], full_scope: bool, lang: str) -> str:
    """A table row's name: the mode's, or the total's (服务进出口总额 / 全口径合计)."""
    if row["key"] == TOTAL:
        return t("mod.total_full" if full_scope else "mod.total_bop", lang)
    return names.get(int(row["mode"]), str(row["mode"]))


def has_data(table: pd.DataFrame) -> bool:
    """Whether any mode has an amount in the window, protected ones counting (else the page
    says so in words)."""
    return not table.empty and numbers.any_amount(table["current"])


def _float(value) -> float | None:
    return None if i18n.is_missing(value) else float(value)


def grid_rows(
    table: pd.DataFrame, names: dict[int, str], unit: str, full_scope: bool, lang: str
) -> list[dict]:
    """AG Grid rows: numbers to sort by and their Chinese-formatted *_text to show."""
    out = []
    for row in records(table):  # NA kept: a protected figure prints C
        fats = row["key"] == "3" and not full_scope
        share_text = (
            t("mod.not_in_total", lang) if fats else i18n.fmt_pct(row["share"], signed=False)
        )
        out.append(
            {
                "key": row["key"],
                "name": row_name(row, names, full_scope, lang),
                "current": i18n.to_unit(row["current"], unit, lang),
                "current_text": i18n.fmt_number(row["current"], unit, lang),
                "previous": i18n.to_unit(row["previous"], unit, lang),
                "previous_text": i18n.fmt_number(row["previous"], unit, lang),
                "growth": _float(row["growth"]),
                "growth_text": i18n.fmt_pct(row["growth"]),
                "share": _float(row["share"]),
                "share_text": share_text,
                "share_change": _float(row["share_change"]),
                "share_change_text": i18n.fmt_pp(row["share_change"], lang),
            }
        )
    return out


def column_defs(unit: str, period: str, lang: str) -> list[dict]:
    """AG Grid columns, Chinese headers; cells show the *_text fields, sort by the numbers."""
    unit_name = i18n.unit_label(unit, lang)

    return [
        {"field": "name", "headerName": t("mod.col.mode", lang), "minWidth": 220, "flex": 2},
        numeric_column("current", t("mod.col.current", lang, period=period, unit=unit_name), 170),
        numeric_column("previous", t("mod.col.previous", lang, unit=unit_name), 150),
        numeric_column("growth", t("mod.col.growth", lang), 110),
        numeric_column("share", t("mod.col.share", lang), 130),
        numeric_column("share_change", t("mod.col.share_change", lang), 190),
    ]


def download_table(rows: list[dict], unit: str, period: str, lang: str) -> pd.DataFrame:
    """The table as numbers under catalogue headers (growth and shares in %, changes in pp)."""
    unit_name = i18n.unit_label(unit, lang)
    digits = 0 if lang == "en" else 1

    def rnd(value, scale: float = 1.0, n: int = 1):
        return None if value is None else round(value * scale, n)

    def cell(row: dict, field: str, scale: float = 1.0, n: int = 1):
        """The grid row's number, or C where the grid shows C (a protected figure)."""
        if row.get(f"{field}_text") == numbers.CONFIDENTIAL:
            return numbers.CONFIDENTIAL
        return rnd(row[field], scale, n)

    return pd.DataFrame(
        {
            t("mod.col.mode", lang): [r["name"] for r in rows],
            t("mod.col.current", lang, period=period, unit=unit_name): [
                cell(r, "current", n=digits) for r in rows
            ],
            t("mod.col.previous", lang, unit=unit_name): [
                cell(r, "previous", n=digits) for r in rows
            ],
            t("mod.col.growth", lang): [cell(r, "growth", 100) for r in rows],
            t("mod.col.share", lang): [cell(r, "share", 100) for r in rows],
            t("mod.col.share_change_pp", lang): [cell(r, "share_change", 100) for r in rows],
        }
    )


def mode_cards(
    table: pd.DataFrame, names: dict[int, str], unit: str, period: str, full_scope: bool, lang: str
) -> list[dbc.Col]:
    """One card per row: amount, 同比, share; mode 3 (BOP scope) says it is not in the total."""
    cols = []
    for row in records(table):  # NA kept: a protected figure prints C
        fats = row["key"] == "3" and not full_scope
        notes = [t("ovw.yoy", lang, v=i18n.fmt_pct(row["growth"]))]
        if fats:
            notes += [
                t("mod.fats_note", lang),
                t("mod.vs_total", lang, v=i18n.fmt_pct(row["vs_total"], signed=False)),
            ]
        elif row["key"] != TOTAL:
            notes.append(
                t(
                    "mod.share_note",
                    lang,
                    v=i18n.fmt_pct(row["share"], signed=False),
                    pp=i18n.fmt_pp(row["share_change"], lang),
                )
            )
        card = stat_card(
            row_name(row, names, full_scope, lang),
            [
                (
                    t("ovw.cum", lang, period=period),
                    i18n.fmt_amount(row["current"], unit, lang),
                    notes,
                )
            ],
            id={"type": "modes-card", "key": row["key"]},
            extra_class="stm-mode-fats"
            if fats
            else ("stm-mode-total" if row["key"] == TOTAL else ""),
        )
        cols.append(dbc.Col(card, xs=12, sm=6, xl=True, class_name="mb-3"))
    return cols


def fats_note(full_scope: bool, lang: str) -> html.Div:
    """Under the trend: what the dashed mode-3 line is, or that 全口径 stacks it in."""
    key = "mod.fats_stacked" if full_scope else "mod.fats_beside"
    return html.P(t(key, lang), className="stm-footnote stm-mode-note")


# ---------------------------------------------------------------- drill-down


def period_text(start: int | None, end: int | None, lang: str) -> str:
    """'2021年1–6月' for the window (— when nothing is loaded)."""
    return i18n.fmt_window(start, end, lang) if end else MISSING


# ---------------------------------------------------------------- downloads behind the charts


def points_table(
    points: pd.DataFrame, names: dict[int, str], unit: str, full_scope: bool, lang: str
) -> pd.DataFrame:
    """The trend as plotted: one row per point, one column per mode (mode 3 marked apart)."""
    from dashboard.pages.modes.figures import label

    unit_name = i18n.unit_label(unit, lang)
    # a protected point (NA) stays C: pivot_table's sum would make it a zero
    wide = (
        points.groupby(["period", "months", "mode"])["amount"]
        .sum(skipna=False)
        .unstack("mode", fill_value=0)
        .reset_index()
    )
    out = pd.DataFrame(
        {t("tbl.period", lang): [label(p, m, lang) for p, m in zip(wide["period"], wide["months"])]}
    )
    for mode in [m for m in ALL_MODES if m in wide.columns]:
        name = names.get(mode, str(mode))
        if mode == 3 and not full_scope:
            name = t("mod.fats_trace", lang, name=name)
        header = f"{name}（{unit_name}）" if lang != "en" else f"{name} ({unit_name})"
        out[header] = amount_cells(wide[mode], unit, lang)
    return out


def matrix_table(
    frame: pd.DataFrame,
    categories: pd.DataFrame,
    names: dict[int, str],
    unit: str,
    full_scope: bool,
    modes: tuple[int, ...],
    lang: str,
) -> pd.DataFrame:
    """The heatmap as a table: a row per main category (its name), a column per mode."""
    from dashboard.pages.modes.matrix import matrix_frame

    grid = matrix_frame(frame, categories)
    shown = list(stacked_modes(full_scope, modes)) if not grid.empty else []
    grid = grid.reindex(columns=shown)
    name_col = "name_en" if lang == "en" else "name_zh"
    cat_names = dict(zip(categories["code"], categories[name_col].fillna(categories["name_zh"])))
    unit_name = i18n.unit_label(unit, lang)
    out = pd.DataFrame(
        {t("mod.matrix.col_category", lang): [cat_names.get(c, c) for c in grid.index]}
    )
    for mode in shown:
        header = (
            f"{names.get(mode, mode)}（{unit_name}）"
            if lang != "en"
            else f"{names.get(mode, mode)} ({unit_name})"
        )
        out[header] = amount_cells(grid[mode], unit, lang)
    return out
