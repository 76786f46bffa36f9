"""简报 / Briefing: the one-page briefing of a released month and scope, written from the released
(protected) figures, with its archived Word and PDF files and a print button.

Every role that reads aggregates; the figures are the released ones whoever asks (a briefing is
a released product: etl.briefing.facts). Callbacks stay thin: inputs, one data call, the view.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from dashboard import auth, briefings, i18n
from dashboard.components import access_denied, empty_state, page_header
from dashboard.data import DatabaseUnavailable
from dashboard.filter_state import offered_month
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Briefing as Ids
from dashboard.pages.briefing import views
from etl.briefing.charts import figures
from etl.periods import parse_period
from etl.release.scopes import DEFAULT_SCOPE

VIEW = "view_aggregates"
dash.register_page(__name__, path="/briefing", order=15, name_key="nav.briefing", permission=VIEW)


def _field(label: str, control, for_id: str, width: int) -> dbc.Col:
    return dbc.Col(
        [html.Label(label, htmlFor=for_id, className="stm-control-label"), control], xs=12, md=width
    )


def layout(
    lang: str = DEFAULT_LANG, scope: str = "", month: str = "", region: str = "", **_query: str
):
    """Scope and month pickers (released months only), the print button and the briefing; the
    scope is the one asked for, else the one of the region the other pages' filters carry."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(VIEW):
        return access_denied(lang)
    header = page_header(t("briefing.title", lang), t("briefing.lead", lang), title_id=Ids.TITLE)
    try:
        months = briefings.released_months()
        names = briefings.scope_names()
        scope = scope or (briefings.scope_for_region(region) if region else "")
    except DatabaseUnavailable:
        return html.Div([header, empty_state(t("home.unavailable", lang), "")])
    scopes = views.scope_options(names, lang, months)
    if not scopes:
        return html.Div(
            [
                header,
                empty_state(t("briefing.none", lang), t("briefing.none_hint", lang), id=Ids.EMPTY),
            ]
        )
    values = [o["value"] for o in scopes]
    scope = scope if scope in values else (DEFAULT_SCOPE if DEFAULT_SCOPE in values else values[0])
    options = views.month_options(months[scope], lang)
    chosen = offered_month(month, [o["value"] for o in options])
    controls = dbc.Row(
        [
            _field(
                t("briefing.scope", lang),
                dcc.Dropdown(id=Ids.SCOPE, options=scopes, value=scope, clearable=False),
                Ids.SCOPE,
                3,
            ),
            _field(
                t("briefing.month", lang),
                dcc.Dropdown(id=Ids.MONTH, options=options, value=chosen, clearable=False),
                Ids.MONTH,
                3,
            ),
            dbc.Col(
                dbc.Button(
                    t("briefing.print", lang), id=Ids.PRINT, color="secondary", outline=True
                ),
                xs=12,
                md=2,
                class_name="align-self-end",
            ),
        ],
        class_name="g-3 mb-3 stm-briefing-controls",
    )
    body = dcc.Loading(html.Div(id=Ids.BODY), type="circle")
    return html.Div(
        [
            header,
            dcc.Store(id=Ids.CONTEXT, data={"lang": lang}),
            dcc.Store(id=Ids.PRINTED),
            controls,
            body,
        ],
        className="stm-briefing",
    )


@callback(
    Output(Ids.MONTH, "options"),
    Output(Ids.MONTH, "value"),
    Input(Ids.SCOPE, "value"),
    State(Ids.MONTH, "value"),
    State(Ids.CONTEXT, "data"),
    prevent_initial_call=True,
)
def update_months(scope: str, month: str, context: dict):
    """Scope -> its released months (the chosen one kept when released there too)."""
    auth.guard(VIEW)
    options = views.month_options(briefings.released_months().get(scope, []), context["lang"])
    values = [o["value"] for o in options]
    return options, (month if month in values else (values[0] if values else None))


@callback(
    Output(Ids.BODY, "children"),
    Input(Ids.SCOPE, "value"),
    Input(Ids.MONTH, "value"),
    State(Ids.CONTEXT, "data"),
)
def update_briefing(scope: str, month: str, context: dict):
    """Scope and month -> the briefing (one data call) -> the paper with its files."""
    auth.guard(VIEW)
    lang = context["lang"]
    period = parse_period(month)
    if period and period % 100 == 1:  # the newest month, February not yet released
        hint = t("ovw.january_merged_hint", lang, period=i18n.fmt_ytd(period + 1, lang))
        text = t("ovw.january_merged", lang, year=period // 100)
        return empty_state(text, hint, id=Ids.EMPTY)
    made = briefings.briefing(scope, period, lang) if period else None
    if made is None:
        return empty_state(t("briefing.none", lang), t("briefing.none_hint", lang), id=Ids.EMPTY)
    facts, text = made
    entry = briefings.archived(facts.release_id, text.lang)
    links = briefings.download_links(entry, lang) if entry else []
    return views.briefing_view(text, figures(facts, lang), entry, links, lang)


# The browser's own print dialog: the page's print rules (assets/briefing.css) leave the paper.
clientside_callback(
    "function(n) { if (n) { window.print(); } return n; }",
    Output(Ids.PRINTED, "data"),
    Input(Ids.PRINT, "n_clicks"),
    prevent_initial_call=True,
)
