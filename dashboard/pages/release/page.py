"""数据发布 / Release: a statistician picks a month and a scope, reads the checklist computed from
the data, and releases it with a note; leaders see released months only (dashboard.data).

Statisticians and admins only (action release): the layout and every callback check it on the
server, and the data calls check it again. Callbacks stay thin: inputs, one data call, output.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import auth, i18n
from dashboard.components import access_denied, empty_state, page_header, section_card
from dashboard.data import DatabaseUnavailable
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Release as Ids
from dashboard.pages.release import data as release_data
from dashboard.pages.release import views
from etl.release.scopes import DEFAULT_SCOPE
from etl.release.store import ReleaseRefused

ACTION = release_data.ACTION
HIDDEN, SHOWN = {"display": "none"}, {"display": "flex", "alignItems": "center"}
POLL_MS = 1500  # how often the page reads a running release job's state
dash.register_page(
    __name__,
    nav_group="manage",
    path="/release",
    order=85,
    name_key="nav.release",
    permission=ACTION,
)


def _field(label: str, control, width: int, for_id: str) -> dbc.Col:
    return dbc.Col(
        [html.Label(label, htmlFor=for_id, className="stm-control-label"), control], xs=12, md=width
    )


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """Month and scope, the checklist, the confirmation with a note, and the releases."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed(ACTION):
        return access_denied(lang)
    header = page_header(t("release.title", lang), t("release.lead", lang), title_id=Ids.TITLE)
    try:
        choices = release_data.choices()
    except DatabaseUnavailable:
        return html.Div([header, empty_state(t("home.unavailable", lang), "")])
    months = views.month_options(
        choices["first"], choices["last"], choices["released"].get(DEFAULT_SCOPE, []), lang
    )
    if not months:
        return html.Div([header, empty_state(t("home.empty", lang), t("home.empty_hint", lang))])
    running = release_data.running_job(DEFAULT_SCOPE)
    controls = dbc.Row(
        [
            _field(
                t("release.month", lang),
                dcc.Dropdown(
                    id=Ids.MONTH, options=months, value=months[0]["value"], clearable=False
                ),
                3,
                Ids.MONTH,
            ),
            _field(
                t("release.scope", lang),
                dcc.Dropdown(
                    id=Ids.SCOPE,
                    options=views.scope_options(choices["scopes"], lang),
                    value=DEFAULT_SCOPE,
                    clearable=False,
                ),
                3,
                Ids.SCOPE,
            ),
        ],
        class_name="g-2 mb-3 stm-controls",
    )
    confirm = html.Div(
        [
            html.Label(t("release.note", lang), htmlFor=Ids.NOTE, className="stm-control-label"),
            dbc.Textarea(
                id=Ids.NOTE, rows=2, maxLength=2000, placeholder=t("release.note_hint", lang)
            ),
            dbc.Checkbox(
                id=Ids.OVERRIDE, label=t("release.override", lang), value=False, class_name="mt-2"
            ),
            dbc.Button(
                t("release.confirm", lang), id=Ids.CONFIRM, color="primary", class_name="mt-2"
            ),
            html.Div(
                [
                    dbc.Spinner(size="sm", spinner_class_name="me-2"),
                    html.Div([html.Div(t("release.running", lang)), html.Div(id=Ids.STEP)]),
                ],
                id=Ids.RUNNING,
                className="mt-2 stm-footnote",
                style=HIDDEN,
                role="status",
            ),
            html.Div(id=Ids.FEEDBACK, className="mt-2"),
        ]
    )
    return html.Div(
        [
            header,
            dcc.Store(id=Ids.TICK, data=0),
            dcc.Store(id=Ids.LANG, data=lang),
            # a release of the scope still running (the page opened again): followed at once
            dcc.Store(id=Ids.JOB, data=running),
            dcc.Interval(id=Ids.POLL, interval=POLL_MS, disabled=running is None),
            controls,
            dbc.Row(
                [
                    dbc.Col(
                        section_card(
                            t("release.check.title", lang),
                            html.Div([html.Div(id=Ids.CHECKLIST), confirm]),
                        ),
                        xs=12,
                    ),
                    # the list below, the page's width: beside the checklist its eight columns
                    # scrolled, and 保密核查 (the column a statistician reads it for) was cut
                    dbc.Col(
                        section_card(t("release.list.title", lang), html.Div(id=Ids.LIST)),
                        xs=12,
                    ),
                ],
                class_name="g-3",
            ),
        ]
    )


@callback(
    Output(Ids.CHECKLIST, "children"),
    Output(Ids.LIST, "children"),
    Output(Ids.CONFIRM, "disabled", allow_duplicate=True),
    Input(Ids.MONTH, "value"),
    Input(Ids.SCOPE, "value"),
    Input(Ids.TICK, "data"),
    State(Ids.POLL, "disabled"),
    State(Ids.LANG, "data"),
    prevent_initial_call="initial_duplicate",
)
def render(month, scope, _tick, idle, lang):
    """The checklist of the chosen month and the scope's releases, as the data stands; the
    button off while a release runs or when the checklist says there is nothing to release."""
    auth.guard(ACTION)
    lang = i18n.normalize_lang(lang)
    if not month or not scope:
        raise PreventUpdate
    check = release_data.month_checklist(scope, int(month))
    names = release_data.choices()["names"][lang]
    return (
        views.checklist_view(check, names, lang),
        views.releases_table(release_data.releases(scope), release_data.audit_terms(), lang),
        idle is False or not views.releasable(check),
    )


@callback(
    Output(Ids.FEEDBACK, "children"),
    Output(Ids.JOB, "data"),
    Output(Ids.POLL, "disabled"),
    Output(Ids.CONFIRM, "disabled"),
    Output(Ids.RUNNING, "style"),
    Output(Ids.STEP, "children"),
    Input(Ids.CONFIRM, "n_clicks"),
    State(Ids.MONTH, "value"),
    State(Ids.SCOPE, "value"),
    State(Ids.NOTE, "value"),
    State(Ids.OVERRIDE, "value"),
    State(Ids.LANG, "data"),
    prevent_initial_call=True,
    # one click: the button is off from the click until the job's end (the poll turns it on)
    running=[(Output(Ids.CONFIRM, "disabled"), True, True)],
)
def confirm(n_clicks, month, scope, note, override, lang):
    """Start releasing the month in the background (or say why not at once)."""
    auth.guard(ACTION)
    lang = i18n.normalize_lang(lang)
    if not n_clicks or not month or not scope:
        raise PreventUpdate
    try:
        job = release_data.start_release(scope, int(month), note or "", bool(override))
    except ReleaseRefused as exc:
        return views.refused(exc.reason, str(exc), lang), None, True, False, HIDDEN, ""
    return None, job, False, True, SHOWN, t("release.step.start", lang)


@callback(
    Output(Ids.FEEDBACK, "children", allow_duplicate=True),
    Output(Ids.TICK, "data"),
    Output(Ids.POLL, "disabled", allow_duplicate=True),
    Output(Ids.CONFIRM, "disabled", allow_duplicate=True),
    Output(Ids.RUNNING, "style", allow_duplicate=True),
    Output(Ids.STEP, "children", allow_duplicate=True),
    Input(Ids.POLL, "n_intervals"),
    State(Ids.JOB, "data"),
    State(Ids.TICK, "data"),
    State(Ids.LANG, "data"),
    prevent_initial_call=True,
)
def follow(_n, job_id, tick, lang):
    """While the job runs: the step it is at. When it ends: what came of it, the checklist and
    the list read again, the button back."""
    auth.guard(ACTION)
    lang = i18n.normalize_lang(lang)
    job = release_data.release_job(job_id) if job_id else None
    if job is not None and job["state"] == "running":
        return dash.no_update, dash.no_update, False, True, SHOWN, views.job_step(job, lang)
    return views.job_end(job, lang), (tick or 0) + 1, True, False, HIDDEN, ""
