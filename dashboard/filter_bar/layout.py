"""The filter bar itself: the controls for a state, with their options."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.filter_bar.options import (
    HIDDEN,
    category_options,
    choice_options,
    dropdown_labels,
    mode_options,
    month_options,
    print_line,
    range_options,
    region_options,
    unit_options,
    year_options,
)
from dashboard.filter_state import FilterState, merged_january
from dashboard.i18n import t
from dashboard.ids import FilterBar
from dashboard.shell.links import with_query


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
    if options.merged_january:
        state = merged_january(state, last)
    month = state.end if state.period == "month" and state.end else last
    year = (
        (state.start // 100)
        if state.period == "year" and state.start
        else (last // 100 if last else None)
    )
    start = state.start if state.period == "range" else ((last // 100) * 100 + 1 if last else None)
    end = state.end if state.period == "range" else last
    months = month_options(options.first_period, last, lang, options.merged_january)
    starts, ends = range_options(options.first_period, last, lang, options.merged_january)
    kind = state.period
    period = html.Div(
        [
            _buttons(FilterBar.PERIOD_KIND, choice_options("period", lang), kind),
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
                    _dropdown(FilterBar.FROM, starts, start, lang, clearable=False),
                    html.Span("–", className="stm-filter-dash"),
                    _dropdown(FilterBar.TO, ends, end, lang, clearable=False),
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
        href=with_query(dash.get_relative_path(pathname), lang=lang),
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
            _buttons(FilterBar.DIRECTION, choice_options("direction", lang), state.direction),
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
            t("filter.scope", lang),
            _buttons(FilterBar.SCOPE, choice_options("scope", lang), state.scope),
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
