"""The filter bar's callbacks: controls -> URL, URL -> controls (back/forward), the shell's
links carrying the filters, the printed line, the period pickers and mode 3 under 全口径."""

from __future__ import annotations

from dataclasses import replace

import dash
from dash import ALL, ClientsideFunction, Input, Output, State
from dash.exceptions import PreventUpdate

from dashboard.filter_bar.options import CONTROLS, HIDDEN, update_print_line
from dashboard.filter_state import (
    PERIOD_KINDS,
    FilterState,
    from_query,
    to_query,
)
from dashboard.ids import FilterBar, Shell


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
    offered = {o["value"] for o in months or []}
    if wanted[1] and wanted[1] not in offered and wanted[1] + 1 in offered:
        wanted[1] += 1  # a leader's picker has no January: its figure is in 1–2月
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
    # In the browser (assets/shell_links.js): a click right after a filter change carries it.
    app.clientside_callback(
        ClientsideFunction("stm_links", "carryFilters"),
        Output(Shell.LANG_ZH, "href", allow_duplicate=True),
        Output(Shell.LANG_EN, "href", allow_duplicate=True),
        Output({"type": Shell.NAV_LINK, "page": ALL}, "href", allow_duplicate=True),
        Input(FilterBar.URL, "search"),
        State(FilterBar.URL, "pathname"),
        State({"type": Shell.NAV_LINK, "page": ALL}, "href"),
        State(Shell.FILTER_KEYS, "data"),
        prevent_initial_call=True,
    )
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
