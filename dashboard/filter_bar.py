"""The one filter bar every data page shows; its state lives in the URL query string.

A page uses it in three steps (dashboard/pages/overview/page.py is the model):
    def layout(**query):
        search = filter_state.from_kwargs(query)          # the URL query the page opened with
        state = filter_state.from_query(search)
        options = data.filter_options()
        return html.Div([filter_bar(state, options, search), ...content...])

    @dash.callback(Output(...), Input(FilterBar.URL, "search"))
    def render(search): state = from_query(search); ...one data call...; ...one figure...

Changing a control writes the new query into the page's own dcc.Location (refresh=False): the
address bar changes and a history entry is added without re-rendering the page, and the page's
callbacks re-run from the new query. Back/forward re-render the page from the URL (Dash Pages),
so the controls follow. The shell's language buttons and navigation links are rewritten to carry
the filters, so switching language or page keeps the view.
"""

from __future__ import annotations

from dataclasses import replace

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import i18n, shell
from dashboard.filter_state import (
    DIRECTIONS,
    PERIOD_KINDS,
    SCOPES,
    FilterState,
    from_query,
    to_query,
)
from dashboard.i18n import UNITS, t
from dashboard.ids import FilterBar, Shell
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


# ---------------------------------------------------------------- options (pure)


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


def month_options(first: int | None, last: int | None, lang: str) -> list[dict]:
    """Loaded months, newest first: {'label': '2021年12月', 'value': 202112}."""
    if not first or not last:
        return []
    return [
        {"label": i18n.fmt_period(p, lang), "value": p} for p in reversed(month_range(first, last))
    ]


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


def _choices(kind: str, lang: str) -> list[dict]:
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


# ---------------------------------------------------------------- layout


def _field(
    label: str, control, width: str = "", id: str | None = None, visible: bool = True
) -> html.Div:
    extra = {"id": id} if id else {}
    return html.Div(
        [html.Label(label, className="stm-filter-label"), control],
        className=f"stm-filter-field {width}",
        style=None if visible else HIDDEN,
        **extra,
    )


def _buttons(id: str, options: list[dict], value: str) -> dbc.RadioItems:
    return dbc.RadioItems(
        id=id,
        options=options,
        value=value,
        inline=True,
        class_name="btn-group stm-segmented",
        input_class_name="btn-check",
        label_class_name="btn btn-sm btn-outline-primary",
        label_checked_class_name="active",
    )


def _dropdown(id: str, options: list, value, lang: str, **kw) -> dcc.Dropdown:
    return dcc.Dropdown(
        id=id,
        options=options,
        value=value,
        labels=dropdown_labels(lang),
        className="stm-dropdown",
        **kw,
    )


def filter_bar(state: FilterState, options, search: str = "", pathname: str = "/") -> html.Div:
    """The bar set to state; options: data.FilterOptions; search: the URL query it came from."""
    lang, last = state.lang, options.last_period
    month = state.end if state.period == "month" and state.end else last
    year = (
        (state.start // 100)
        if state.period == "year" and state.start
        else (last // 100 if last else None)
    )
    start = state.start if state.period == "range" else ((last // 100) * 100 + 1 if last else None)
    end = state.end if state.period == "range" else last
    months = month_options(options.first_period, last, lang)
    kind = state.period
    period = html.Div(
        [
            _buttons(FilterBar.PERIOD_KIND, _choices("period", lang), kind),
            html.Div(
                _dropdown(FilterBar.MONTH, months, month, lang, clearable=False),
                id=FilterBar.MONTH_BOX,
                className="stm-filter-period-pick",
                style=None if kind == "month" else HIDDEN,
            ),
            html.Div(
                _dropdown(
                    FilterBar.YEAR,
                    year_options(options.first_period, last, lang),
                    year,
                    lang,
                    clearable=False,
                ),
                id=FilterBar.YEAR_BOX,
                className="stm-filter-period-pick",
                style=None if kind == "year" else HIDDEN,
            ),
            html.Div(
                [
                    _dropdown(FilterBar.FROM, months, start, lang, clearable=False),
                    html.Span("–", className="stm-filter-dash"),
                    _dropdown(FilterBar.TO, months, end, lang, clearable=False),
                ],
                id=FilterBar.RANGE_BOX,
                className="stm-filter-period-pick stm-filter-range",
                style=None if kind == "range" else HIDDEN,
            ),
        ],
        className="stm-filter-period",
    )
    reset = dcc.Link(
        t("filter.reset", lang),
        id=FilterBar.RESET,
        className="stm-filter-reset",
        href=shell.with_query(dash.get_relative_path(pathname), lang=lang),
    )
    controls = [
        _field(t("filter.period", lang), period, "stm-w-period"),
        _field(
            t("filter.region", lang),
            _dropdown(
                FilterBar.REGION,
                region_options(options.regions, lang),
                state.region,
                lang,
                clearable=False,
                maxHeight=320,
            ),
            "stm-w-region",
        ),
        _field(
            t("filter.direction", lang),
            _buttons(FilterBar.DIRECTION, _choices("direction", lang), state.direction),
        ),
        _field(
            t("filter.categories", lang),
            _dropdown(
                FilterBar.CATEGORIES,
                category_options(options.categories, options.groups, lang),
                list(state.categories),
                lang,
                multi=True,
                closeOnSelect=False,
                debounce=True,
                placeholder=t("filter.categories.all", lang),
                maxHeight=320,
            ),
            "stm-w-wide",
        ),
        _field(
            t("filter.modes", lang),
            _dropdown(
                FilterBar.MODES,
                mode_options(options.modes, lang, state.scope),
                list(state.modes),
                lang,
                multi=True,
                closeOnSelect=False,
                debounce=True,
                searchable=False,
                placeholder=t("filter.modes.all", lang),
            ),
            "stm-w-wide",
        ),
        _field(
            t("filter.unit", lang),
            _dropdown(
                FilterBar.UNIT,
                unit_options(lang),
                state.unit,
                lang,
                clearable=False,
                searchable=False,
            ),
            "stm-w-unit",
        ),
        _field(
            t("filter.scope", lang), _buttons(FilterBar.SCOPE, _choices("scope", lang), state.scope)
        ),
        html.Div(reset, className="stm-filter-field stm-filter-end"),
    ]
    return html.Section(
        [
            # pathname and search as the page opened, so mounting it changes nothing
            dcc.Location(
                id=FilterBar.URL,
                refresh=False,
                search=search,
                pathname=dash.get_relative_path(pathname),
            ),
            html.Div(controls, className="stm-filter-grid"),
            html.P(
                print_line(
                    state,
                    last,
                    region_options(options.regions, lang),
                    category_options(options.categories, options.groups, lang),
                    mode_options(options.modes, lang, state.scope),
                ),
                id=FilterBar.PRINT_LINE,
                className="stm-print-only stm-print-filters",
            ),
        ],
        id=FilterBar.ROOT,
        className="stm-filter-bar",
        **{"aria-label": t("filter.label", lang)},
    )


# ---------------------------------------------------------------- callbacks


def state_from_controls(
    kind,
    month,
    year,
    start,
    end,
    region,
    direction,
    categories,
    modes,
    unit,
    scope,
    lang: str,
    latest: int | None = None,
) -> FilterState:
    """The state the controls show; the newest month stays 'newest' (no month in the URL), and
    a range given backwards is turned round."""
    if kind == "range" and start and end and start > end:
        start, end = end, start
    period: dict = {"period": "month", "end": None if month == latest else month}
    if kind == "year" and year:
        period = {"period": "year", "start": int(year) * 100 + 1, "end": int(year) * 100 + 12}
    elif kind == "range" and start and end:
        period = {"period": "range", "start": int(start), "end": int(end)}
    state = replace(
        FilterState(),
        **period,
        region=region or FilterState.region,
        direction=direction or "both",
        categories=tuple(categories or ()),
        modes=tuple(int(m) for m in modes or ()),
        unit=unit or FilterState.unit,
        scope=scope or "bop",
        lang=lang,
    )
    return from_query(to_query(state))  # the URL rules: valid codes only, mode 3 only in 全口径


def sync_url(
    kind, month, year, start, end, region, direction, categories, modes, unit, scope, search, months
):
    """Controls -> the URL query (a new history entry; nothing when the view is unchanged)."""
    latest = months[0]["value"] if months else None  # month options are newest first
    state = state_from_controls(
        kind,
        month,
        year,
        start,
        end,
        region,
        direction,
        categories,
        modes,
        unit,
        scope,
        from_query(search).lang,
        latest,
    )
    new = to_query(state, search)
    if new == (search or ""):
        raise PreventUpdate
    return new


def carry_filters(search, pathname):
    """The shell's language buttons and navigation links, carrying the page's filters."""
    lang, path = from_query(search).lang, pathname or "/"
    nav = [
        shell.nav_link_props(dash.page_registry[o["id"]["page"]], lang, path, search)[1]
        for o in dash.ctx.outputs_list[2]
    ]
    return shell.with_query(path, search, lang="zh"), shell.with_query(path, search, lang="en"), nav


def control_values(state: FilterState, latest: int | None = None) -> list:
    """The controls' values for a state, in CONTROLS order (None: leave the control as it is)."""
    month = (state.end or latest) if state.period == "month" else None
    year = state.start // 100 if state.period == "year" and state.start else None
    start, end = (state.start, state.end) if state.period == "range" else (None, None)
    return [
        state.period,
        month,
        year,
        start,
        end,
        state.region,
        state.direction,
        list(state.categories),
        list(state.modes),
        state.unit,
        state.scope,
    ]


def restore_controls(search, months, *current):
    """Back/forward changed the URL under the page: set the controls that no longer match it."""
    latest = months[0]["value"] if months else None  # month options are newest first
    wanted = control_values(from_query(search), latest)
    out = [
        dash.no_update if want is None or want == now or (want == [] and not now) else want
        for want, now in zip(wanted, current)
    ]
    if all(v is dash.no_update for v in out):
        raise PreventUpdate  # the usual case: the controls wrote this URL themselves
    return out


def show_period(kind: str) -> tuple[dict | None, dict | None, dict | None]:
    """Show the month, year or range picker for the chosen period kind."""
    return tuple(None if kind == k else HIDDEN for k in PERIOD_KINDS)  # type: ignore[return-value]


def scope_modes(scope: str, options: list[dict], value: list | None) -> tuple[list[dict], list]:
    """Mode 3 can be picked only under 全口径; leaving it drops mode 3 from the choice."""
    bop = scope != "full"
    options = [{**o, "disabled": bop and o["value"] == 3} for o in options or []]
    return options, [m for m in value or [] if not (bop and m == 3)]


def register_callbacks(app: dash.Dash) -> None:
    """Attach the filter bar's callbacks once (every page renders the same bar ids)."""
    # Outputs only inside the page: Dash does not fire it when the page is rendered, so the
    # page's own callbacks (Input: FilterBar.URL search) are never held back by it.
    app.callback(
        Output(FilterBar.URL, "search"),
        *(Input(c, "value") for c in CONTROLS),
        State(FilterBar.URL, "search"),
        State(FilterBar.MONTH, "options"),
        prevent_initial_call=True,
    )(sync_url)
    app.callback(
        *(Output(c, "value", allow_duplicate=True) for c in CONTROLS),
        Input(FilterBar.URL, "search"),
        State(FilterBar.MONTH, "options"),
        *(State(c, "value") for c in CONTROLS),
        prevent_initial_call=True,
    )(restore_controls)
    # Outputs in the shell (outside the page): runs on every render and every filter change.
    app.callback(
        Output(Shell.LANG_ZH, "href", allow_duplicate=True),
        Output(Shell.LANG_EN, "href", allow_duplicate=True),
        Output({"type": Shell.NAV_LINK, "page": ALL}, "href", allow_duplicate=True),
        Input(FilterBar.URL, "search"),
        State(FilterBar.URL, "pathname"),
        prevent_initial_call=True,
    )(carry_filters)
    app.callback(
        Output(FilterBar.PRINT_LINE, "children"),
        Input(FilterBar.URL, "search"),
        State(FilterBar.MONTH, "options"),
        State(FilterBar.REGION, "options"),
        State(FilterBar.CATEGORIES, "options"),
        State(FilterBar.MODES, "options"),
        prevent_initial_call=True,
    )(update_print_line)
    app.callback(
        Output(FilterBar.MONTH_BOX, "style"),
        Output(FilterBar.YEAR_BOX, "style"),
        Output(FilterBar.RANGE_BOX, "style"),
        Input(FilterBar.PERIOD_KIND, "value"),
        prevent_initial_call=True,
    )(show_period)
    app.callback(
        Output(FilterBar.MODES, "options"),
        Output(FilterBar.MODES, "value"),
        Input(FilterBar.SCOPE, "value"),
        State(FilterBar.MODES, "options"),
        State(FilterBar.MODES, "value"),
        prevent_initial_call=True,
    )(scope_modes)
