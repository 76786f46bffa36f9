"""The filter bar's choices and the printed filter line (pure)."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import i18n
from dashboard.filter_state import (
    DIRECTIONS,
    PERIOD_KINDS,
    SCOPES,
    FilterState,
    from_query,
)
from dashboard.i18n import UNITS, t
from dashboard.ids import FilterBar
from etl.periods import month_range

HIDDEN = {"display": "none"}
# The controls in the order sync_url, state_from_controls and control_values take them.
CONTROLS = (
    FilterBar.PERIOD_KIND,
    FilterBar.MONTH,
    FilterBar.YEAR,
    FilterBar.FROM,
    FilterBar.TO,
    FilterBar.REGION,
    FilterBar.DIRECTION,
    FilterBar.CATEGORIES,
    FilterBar.MODES,
    FilterBar.UNIT,
    FilterBar.SCOPE,
)


def dropdown_labels(lang: str) -> dict:
    """dcc.Dropdown's own texts in the page language."""
    keys = (
        "select_all",
        "deselect_all",
        "selected_count",
        "search",
        "clear_search",
        "clear_selection",
        "no_options_found",
    )
    return {k: t(f"dd.{k}", lang) for k in keys}


def month_options(
    first: int | None, last: int | None, lang: str, merged_january: bool = False
) -> list[dict]:
    """Loaded months, newest first: {'label': '2021年12月', 'value': 202112}. merged_january
    (leaders): February is '2021年1–2月' and January no choice of its own, unless it is the
    newest month (February not yet released)."""
    if not first or not last:
        return []
    out = []
    for p in reversed(month_range(first, last)):
        if merged_january and p % 100 == 1 and p != last:
            continue
        label = (i18n.fmt_circulated_month if merged_january else i18n.fmt_period)(p, lang)
        out.append({"label": label, "value": p})
    return out


def range_options(
    first: int | None, last: int | None, lang: str, merged_january: bool = False
) -> tuple[list[dict], list[dict]]:
    """The range's 从 and 到 months. For leaders (merged_january) no range starts in February
    or ends in January (but the newest month): 1–2月 is one figure, so such a range is none of
    theirs and read C."""
    months = month_options(first, last, lang)
    if not merged_january:
        return months, months
    starts = [o for o in months if o["value"] % 100 != 2]
    ends = [o for o in months if o["value"] % 100 != 1 or o["value"] == last]
    return starts, ends


def year_options(first: int | None, last: int | None, lang: str) -> list[dict]:
    """Loaded years, newest first."""
    if not first or not last:
        return []
    return [
        {"label": t("filter.year_option", lang, y=y), "value": y}
        for y in range(last // 100, first // 100 - 1, -1)
    ]


def region_options(regions: pd.DataFrame, lang: str) -> list[dict]:
    """Regions as a tree (children under their parent, indented), by sort order."""
    name = "name_en" if lang == "en" else "name_zh"
    rows = regions.sort_values(["sort_order", "code"]).to_dict("records")
    known = {r["code"] for r in rows}
    children: dict[str | None, list[dict]] = {}
    for r in rows:
        parent = r["parent_code"] if r["parent_code"] in known else None
        children.setdefault(parent, []).append(r)
    out: list[dict] = []

    def walk(parent: str | None, depth: int) -> None:
        for r in children.get(parent, []):
            label = r[name] or r["name_zh"] or r["code"]
            out.append(
                {
                    "label": html.Span(label, className=f"stm-opt stm-opt-d{min(depth, 3)}"),
                    "value": r["code"],
                    "search": f"{label} {r['name_zh']} {r['code']}",
                }
            )
            walk(r["code"], depth + 1)

    walk(None, 0)
    return out


def category_options(categories: pd.DataFrame, groups: pd.DataFrame, lang: str) -> list[dict]:
    """Category groups first (group:KIS …), then the 12 main categories in EBOPS order."""
    name = "name_en" if lang == "en" else "name_zh"
    out = [
        {
            "label": t("filter.group", lang, name=g[name] or g["name_zh"]),
            "value": f"group:{g['code']}",
        }
        for g in groups.drop_duplicates("code").to_dict("records")
    ]
    mains = categories[categories["level"] == 1].sort_values("sort_order")
    out += [
        {"label": f"{c['code']} {c[name] or c['name_zh']}", "value": c["code"]}
        for c in mains.to_dict("records")
    ]
    return out


def mode_options(modes: pd.DataFrame, lang: str, scope: str) -> list[dict]:
    """Modes 1–4; modes outside the BOP total (mode 3) only selectable under 全口径."""
    short, name = ("short_en", "name_en") if lang == "en" else ("short_zh", "name_zh")
    return [
        {
            "label": t("filter.mode", lang, short=m[short], name=m[name]),
            "value": int(m["code"]),
            "disabled": scope != "full" and not bool(m["in_bop_total"]),
        }
        for m in modes.to_dict("records")
    ]


def choice_options(kind: str, lang: str) -> list[dict]:
    """The choices of a period kind, direction or scope control, labelled in lang."""
    values = {"period": PERIOD_KINDS, "direction": DIRECTIONS, "scope": SCOPES}[kind]
    return [{"label": t(f"filter.{kind}.{v}", lang), "value": v} for v in values]


def unit_options(lang: str) -> list[dict]:
    """亿美元 / 万美元 / 亿元人民币."""
    return [{"label": i18n.unit_label(u, lang), "value": u} for u in UNITS]


def _label_text(label) -> str:
    # Region options carry an html.Span (indentation); in a callback's State it arrives as a dict.
    if isinstance(label, dict):
        return str(label.get("props", {}).get("children", ""))
    if isinstance(label, html.Span):
        return str(label.children)
    return str(label)


def _names(options: list[dict] | None, values) -> str:
    labels = {o["value"]: _label_text(o["label"]) for o in options or []}
    return "、".join(labels.get(v, str(v)) for v in values)


def print_line(
    state: FilterState,
    latest: int | None,
    regions: list[dict] | None,
    categories: list[dict] | None,
    modes: list[dict] | None,
) -> str:
    """The filter state as one line of text, printed above the page instead of the bar."""
    lang = state.lang
    window = state.window(latest)
    period = i18n.window_label(*window, lang) if window else i18n.MISSING
    if state.period == "month" and window and window[0] != window[1]:
        period = t("print.period.month", lang, month=i18n.fmt_period(window[1], lang), ytd=period)
    parts = [
        (t("filter.period", lang), period),
        (t("filter.region", lang), _names(regions, [state.region])),
        (t("filter.direction", lang), t(f"filter.direction.{state.direction}", lang)),
        (
            t("filter.categories", lang),
            _names(categories, state.categories) or t("filter.categories.all", lang),
        ),
        (t("filter.modes", lang), _names(modes, state.modes) or t("filter.modes.all", lang)),
        (t("filter.unit", lang), i18n.unit_label(state.unit, lang)),
        (t("filter.scope", lang), t(f"filter.scope.{state.scope}", lang)),
    ]
    body = t("print.sep", lang).join(t("print.pair", lang, k=k, v=v) for k, v in parts)
    return t("print.filters", lang) + body


def update_print_line(search, months, regions, categories, modes) -> str:
    """Keep the printed filter line in step with the URL."""
    latest = months[0]["value"] if months else None  # month options are newest first
    return print_line(from_query(search), latest, regions, categories, modes)
