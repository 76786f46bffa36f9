"""绩效评价与考核 / Evaluation: the scorecard of the districts (growth against target, key-enterprise
reporting) or of the responsible units (task completion and timeliness), plus the values entered
per year (招商引资, 项目落地, 政策出台, 数据共享); the points of every indicator, the rank, the
method next to the table, and an xlsx export. Statisticians and admins enter values.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html

from dashboard import auth, i18n
from dashboard.components import access_denied, page_header, section_card
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Evaluation as Ids
from dashboard.pages.evaluation import data, views
from dashboard.tables import grid
from etl.evaluation.entries import EntryError

dash.register_page(
    __name__,
    nav_group="analysis",
    path="/evaluation",
    order=72,
    name_key="nav.evaluation",
    permission=data.VIEW,
)


# A scorecard point shows the value behind it as a tooltip (views.card_columns).
TOOLTIPS = {"tooltipShowDelay": 200}


def _col(label: str, control, width: int) -> dbc.Col:
    return dbc.Col([dbc.Label(label, class_name="stm-control-label"), control], xs=12, md=width)


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """Controls, the scorecard, the method, the export link and (for reviewers) the entry form."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(data.VIEW):
        return access_denied(lang)
    kinds = [{"label": t(f"eval.kind.{k}", lang), "value": k} for k in ("district", "unit")]
    controls = dbc.Row(
        [
            _col(
                t("eval.kind", lang),
                dcc.Dropdown(id=Ids.KIND, options=kinds, value="district", clearable=False),
                4,
            ),
            _col(
                t("eval.year", lang),
                dbc.Input(id=Ids.YEAR, type="number", value=data.default_year(), min=2000),
                2,
            ),
            dbc.Col(
                html.A(
                    t("eval.download", lang),
                    id=Ids.DOWNLOAD,
                    href="",
                    className="btn btn-outline-primary btn-sm",
                ),
                xs=12,
                md=3,
                class_name="align-self-end",
            ),
        ],
        class_name="g-2 mb-3",
    )
    method_cols = [
        {
            "field": "name",
            "headerName": t("eval.mcol.name", lang),
            "width": 170,
            "wrapText": True,
            "autoHeight": True,
        },
        {"field": "weight", "headerName": t("eval.mcol.weight", lang), "width": 90},
        {"field": "source", "headerName": t("eval.mcol.source", lang), "width": 100},
        {
            "field": "method",
            "headerName": t("eval.mcol.method", lang),
            "flex": 1,
            "wrapText": True,
            "autoHeight": True,
        },
    ]
    parts = [
        page_header(t("eval.title", lang), t("eval.lead", lang), title_id=Ids.TITLE),
        dcc.Store(id=Ids.CONTEXT, data={"lang": lang}),
        dcc.Store(id=Ids.TICK, data=0),
        controls,
        html.Div(id=Ids.MESSAGE),
        section_card(
            t("eval.card", lang), grid(Ids.GRID, [], lang, "eval.empty", options=TOOLTIPS)
        ),
        section_card(
            t("eval.method", lang),
            [
                html.P(t("eval.method_rule", lang), className="stm-footnote"),
                grid(Ids.METHOD, method_cols, lang, "eval.empty", options=TOOLTIPS),
            ],
        ),
    ]
    if auth.allowed(data.MANAGE):
        parts.append(_entry_form(lang))
    if auth.allowed(data.RULES):
        parts.append(_rule_form(lang))
    return html.Div(parts)


def _rule_form(lang: str) -> dbc.Card:
    return section_card(
        t("eval.rule", lang),
        [
            html.P(t("eval.rule.lead", lang), className="stm-footnote"),
            dbc.Row(
                [
                    _col(t("eval.mcol.name", lang), dcc.Dropdown(id=Ids.RULE_INDICATOR), 4),
                    _col(t("eval.rule.weight", lang), dbc.Input(id=Ids.RULE_WEIGHT), 2),
                    _col(t("eval.rule.zero", lang), dbc.Input(id=Ids.RULE_ZERO), 2),
                    _col(t("eval.rule.full", lang), dbc.Input(id=Ids.RULE_FULL), 2),
                ],
                class_name="g-2 mb-2",
            ),
            html.Div(id=Ids.RULE_MESSAGE),
            dbc.Button(t("eval.rule.save", lang), id=Ids.RULE_SAVE, color="primary"),
        ],
    )


def _entry_form(lang: str) -> dbc.Card:
    return section_card(
        t("eval.entry", lang),
        [
            dbc.Row(
                [
                    _col(t("eval.entry.indicator", lang), dcc.Dropdown(id=Ids.ENTRY_INDICATOR), 3),
                    _col(t("eval.entry.subject", lang), dcc.Dropdown(id=Ids.ENTRY_SUBJECT), 3),
                    _col(t("eval.entry.value", lang), dbc.Input(id=Ids.ENTRY_VALUE), 2),
                    _col(
                        t("eval.entry.note", lang), dbc.Input(id=Ids.ENTRY_NOTE, maxLength=300), 4
                    ),
                ],
                class_name="g-2 mb-2",
            ),
            dbc.Button(t("eval.entry.save", lang), id=Ids.ENTRY_SAVE, color="primary"),
        ],
    )


def _year(value) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return data.default_year()
    return year if 2000 <= year <= 2100 else data.default_year()


@callback(
    Output(Ids.GRID, "columnDefs"),
    Output(Ids.GRID, "rowData"),
    Output(Ids.METHOD, "rowData"),
    Output(Ids.DOWNLOAD, "href"),
    Input(Ids.KIND, "value"),
    Input(Ids.YEAR, "value"),
    Input(Ids.TICK, "data"),
    State(Ids.CONTEXT, "data"),
)
def show_scorecard(kind, year, _tick, context):
    """The scorecard of the chosen kind and year, its method and its export link."""
    auth.guard(data.VIEW)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    kind = kind if kind in ("district", "unit") else "district"
    result = data.scorecard(kind, _year(year))
    query = urlencode({"kind": kind, "year": _year(year), "lang": lang})
    return (
        views.card_columns(result, lang),
        views.card_rows(result, lang),
        views.method_rows(result, lang),
        f"/evaluation/scorecard.xlsx?{query}",
    )


@callback(
    Output(Ids.ENTRY_INDICATOR, "options"),
    Output(Ids.ENTRY_SUBJECT, "options"),
    Input(Ids.KIND, "value"),
    Input(Ids.YEAR, "value"),
    State(Ids.CONTEXT, "data"),
)
def entry_choices(kind, year, context):
    """The entered indicators and the subjects of the chosen scorecard."""
    auth.guard(data.MANAGE)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    result = data.scorecard(kind if kind in ("district", "unit") else "district", _year(year))
    return views.entered_options(result, lang), views.subject_options(result, lang)


@callback(
    Output(Ids.MESSAGE, "children"),
    Output(Ids.TICK, "data"),
    Input(Ids.ENTRY_SAVE, "n_clicks"),
    State(Ids.ENTRY_INDICATOR, "value"),
    State(Ids.ENTRY_SUBJECT, "value"),
    State(Ids.ENTRY_VALUE, "value"),
    State(Ids.ENTRY_NOTE, "value"),
    State(Ids.YEAR, "value"),
    State(Ids.CONTEXT, "data"),
    State(Ids.TICK, "data"),
    prevent_initial_call=True,
)
def save_entry(_n, indicator, subject, value, note, year, context, tick):
    """Store the entered value; the scorecard is computed again."""
    auth.guard(data.MANAGE)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    if not indicator or not subject:
        return dbc.Alert(
            t("eval.entry.pick", lang), color="warning", class_name="py-2"
        ), dash.no_update
    try:
        data.enter(indicator, subject, _year(year), value, note or "")
    except EntryError as exc:
        text = t("eval.entry.failed", lang, error=t(f"eval.error.{exc.reason}", lang))
        return dbc.Alert(text, color="danger", class_name="py-2"), dash.no_update
    text = t("eval.entry.saved", lang, year=_year(year))
    return dbc.Alert(text, color="success", class_name="py-2", dismissable=True), (tick or 0) + 1


@callback(
    Output(Ids.RULE_INDICATOR, "options"),
    Input(Ids.KIND, "value"),
    Input(Ids.TICK, "data"),
    State(Ids.CONTEXT, "data"),
)
def rule_choices(kind, _tick, context):
    """Every indicator of the chosen kind."""
    auth.guard(data.RULES)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    result = data.scorecard(kind if kind in ("district", "unit") else "district", data.this_year())
    return views.indicator_options(result, lang)


@callback(
    Output(Ids.RULE_WEIGHT, "value"),
    Output(Ids.RULE_ZERO, "value"),
    Output(Ids.RULE_FULL, "value"),
    Input(Ids.RULE_INDICATOR, "value"),
    State(Ids.KIND, "value"),
)
def rule_values(code, kind):
    """The chosen indicator's weight and marks, ready to change."""
    auth.guard(data.RULES)
    if not code:
        return "", "", ""
    result = data.scorecard(kind if kind in ("district", "unit") else "district", data.this_year())
    row = result.indicators.set_index("code").loc[code]
    return str(row["weight"]), str(row["zero_at"]), str(row["full_at"])


@callback(
    Output(Ids.RULE_MESSAGE, "children"),
    Output(Ids.TICK, "data", allow_duplicate=True),
    Input(Ids.RULE_SAVE, "n_clicks"),
    State(Ids.RULE_INDICATOR, "value"),
    State(Ids.RULE_WEIGHT, "value"),
    State(Ids.RULE_ZERO, "value"),
    State(Ids.RULE_FULL, "value"),
    State(Ids.CONTEXT, "data"),
    State(Ids.TICK, "data"),
    prevent_initial_call=True,
)
def save_rule(_n, code, weight, zero_at, full_at, context, tick):
    """Store the weight and marks (audited); the scorecard is computed again."""
    auth.guard(data.RULES)
    lang = (context or {}).get("lang", DEFAULT_LANG)
    if not code:
        return dbc.Alert(
            t("eval.entry.pick", lang), color="warning", class_name="py-2"
        ), dash.no_update
    try:
        changed = data.update_rule(code, weight, zero_at, full_at)
    except EntryError as exc:
        text = t("eval.entry.failed", lang, error=t(f"eval.error.{exc.reason}", lang))
        return dbc.Alert(text, color="danger", class_name="py-2"), dash.no_update
    key = "eval.rule.saved" if changed else "eval.rule.unchanged"
    return dbc.Alert(t(key, lang), color="success", class_name="py-2"), (tick or 0) + 1
