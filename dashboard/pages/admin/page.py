"""用户管理 / Accounts: administrators create accounts, change roles, reset passwords, disable.

One-time passwords are shown once, in the message after the action, never stored in clear; every
callback checks `manage_users` on the server before anything else.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html

from dashboard import auth, i18n
from dashboard.components import access_denied, page_header, section_card
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Admin
from dashboard.pages.admin import data as admin_data
from dashboard.pages.admin import views as admin_views
from dashboard.tables import grid
from etl.accounts import AccountError

dash.register_page(
    __name__,
    nav_group="manage",
    path="/admin",
    order=95,
    name_key="nav.admin",
    permission="manage_users",
)


def _field(label: str, control, width: int = 3) -> dbc.Col:
    return dbc.Col([dbc.Label(label, class_name="stm-control-label"), control], xs=12, md=width)


def _organisations(id: str, lang: str, options: list[dict]) -> dbc.Row:
    return dbc.Row(
        _field(
            t("admin.organisations", lang),
            dcc.Dropdown(id=id, options=options, multi=True),
            12,
        ),
        class_name="g-2 mb-2",
    )


def _new_user_form(lang: str, regions: list[dict], orgs: list[dict]) -> dbc.Card:
    return section_card(
        t("admin.new", lang),
        [
            dbc.Row(
                [
                    _field(
                        t("admin.username", lang), dbc.Input(id=Admin.NEW_USERNAME, maxLength=64)
                    ),
                    _field(
                        t("admin.display_name", lang), dbc.Input(id=Admin.NEW_NAME, maxLength=100)
                    ),
                    _field(
                        t("admin.role", lang),
                        dcc.Dropdown(
                            id=Admin.NEW_ROLE,
                            value="clerk",
                            options=admin_views.role_options(lang),
                            clearable=False,
                        ),
                        2,
                    ),
                    _field(
                        t("admin.regions", lang),
                        dcc.Dropdown(id=Admin.NEW_REGIONS, options=regions, multi=True),
                        4,
                    ),
                ],
                class_name="g-2 mb-2",
            ),
            _organisations(Admin.NEW_ORGANISATIONS, lang, orgs),
            dbc.Button(t("admin.create", lang), id=Admin.CREATE, color="primary"),
        ],
    )


def _actions(lang: str, regions: list[dict], orgs: list[dict]) -> dbc.Card:
    return section_card(
        None,
        [
            html.P(t("admin.pick", lang), id=Admin.SELECTED, className="fw-semibold"),
            dbc.Row(
                [
                    _field(
                        t("admin.role", lang),
                        dcc.Dropdown(
                            id=Admin.ROLE, clearable=False, options=admin_views.role_options(lang)
                        ),
                        2,
                    ),
                    _field(
                        t("admin.regions", lang),
                        dcc.Dropdown(id=Admin.REGIONS, options=regions, multi=True),
                        5,
                    ),
                    dbc.Col(
                        html.Div(
                            [
                                dbc.Button(
                                    t("admin.save_role", lang),
                                    id=Admin.SAVE_ROLE,
                                    color="primary",
                                    outline=True,
                                    size="sm",
                                ),
                                dbc.Button(
                                    t("admin.reset", lang),
                                    id=Admin.RESET,
                                    color="warning",
                                    outline=True,
                                    size="sm",
                                ),
                                dbc.Button(
                                    t("admin.disable", lang),
                                    id=Admin.DISABLE,
                                    color="danger",
                                    outline=True,
                                    size="sm",
                                ),
                                dbc.Button(
                                    t("admin.enable", lang),
                                    id=Admin.ENABLE,
                                    color="success",
                                    outline=True,
                                    size="sm",
                                ),
                            ],
                            className="d-flex flex-wrap gap-2",
                        ),
                        xs=12,
                        md=5,
                        class_name="align-self-end",
                    ),
                ],
                class_name="g-2",
            ),
            _organisations(Admin.ORGANISATIONS, lang, orgs),
            _delivery(lang),
        ],
    )


def _delivery(lang: str) -> dbc.Row:
    """E-mail address and subscription to the monthly briefing (月度简报) of the selected account."""
    return dbc.Row(
        [
            _field(
                t("admin.email", lang),
                dbc.Input(id=Admin.EMAIL, type="email", maxLength=254),
                4,
            ),
            dbc.Col(
                dbc.Checklist(
                    id=Admin.SUBSCRIBED,
                    options=[{"label": t("admin.subscribed", lang), "value": "on"}],
                    value=[],
                ),
                xs=12,
                md=4,
                class_name="align-self-end",
            ),
            dbc.Col(
                dbc.Button(
                    t("admin.save_email", lang),
                    id=Admin.SAVE_EMAIL,
                    color="primary",
                    outline=True,
                    size="sm",
                ),
                xs=12,
                md=3,
                class_name="align-self-end",
            ),
        ],
        class_name="g-2 mt-1",
    )


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """The accounts table, the new-account form and the actions on the selected account."""
    lang = i18n.normalize_lang(lang)
    if not auth.allowed("manage_users"):
        return access_denied(lang)
    regions = admin_views.region_options(admin_data.region_names())
    orgs = [{"label": n, "value": n} for n in admin_data.organisation_names()]
    users = grid(
        Admin.GRID,
        admin_views.column_defs(lang),
        lang,
        "admin.empty",
        column_defaults={"filter": True},
        wrap_headers=False,
        options={"rowSelection": {"mode": "singleRow"}},
        getRowId="params.data.username",
    )
    return html.Div(
        [
            page_header(t("admin.title", lang), t("admin.lead", lang), title_id=Admin.TITLE),
            dcc.Store(id=Admin.CONTEXT, data={"lang": lang}),
            dcc.Store(id=Admin.TICK, data=0),
            html.Div(id=Admin.MESSAGE),
            section_card(t("admin.users", lang), users),
            _actions(lang, regions, orgs),
            _new_user_form(lang, regions, orgs),
        ]
    )


@callback(Output(Admin.GRID, "rowData"), Input(Admin.TICK, "data"), State(Admin.CONTEXT, "data"))
def show_users(_tick, context):
    """Every account, re-read after each change."""
    auth.guard("manage_users")
    lang = (context or {}).get("lang", DEFAULT_LANG)
    return admin_views.user_rows(admin_data.users(), admin_data.region_names(), lang)


@callback(
    Output(Admin.SELECTED, "children"),
    Output(Admin.ROLE, "value"),
    Output(Admin.REGIONS, "value"),
    Output(Admin.ORGANISATIONS, "value"),
    Output(Admin.EMAIL, "value"),
    Output(Admin.SUBSCRIBED, "value"),
    Input(Admin.GRID, "selectedRows"),
    State(Admin.CONTEXT, "data"),
)
def show_selected(selected, context):
    """The chosen account's role, regions, e-mail and subscription, ready to change."""
    auth.guard("manage_users")
    lang = (context or {}).get("lang", DEFAULT_LANG)
    row = (selected or [None])[0]
    if row is None:
        return t("admin.pick", lang), None, [], [], "", []
    return (
        t("admin.selected", lang, user=row["username"]),
        row["role_code"],
        row["region_codes"],
        row.get("organisations_list", []),
        row.get("email", ""),
        ["on"] if row.get("subscribed") else [],
    )


@callback(
    Output(Admin.MESSAGE, "children"),
    Output(Admin.TICK, "data"),
    Input(Admin.CREATE, "n_clicks"),
    State(Admin.NEW_USERNAME, "value"),
    State(Admin.NEW_NAME, "value"),
    State(Admin.NEW_ROLE, "value"),
    State(Admin.NEW_REGIONS, "value"),
    State(Admin.NEW_ORGANISATIONS, "value"),
    State(Admin.CONTEXT, "data"),
    State(Admin.TICK, "data"),
    prevent_initial_call=True,
)
def create_user(_n, username, name, role, regions, orgs, context, tick):
    """Create the account and show its one-time password once."""
    auth.guard("manage_users")
    lang = (context or {}).get("lang", DEFAULT_LANG)
    username = (username or "").strip()
    if role == "clerk" and not regions:
        return _alert(t("admin.clerk_needs_regions", lang), "warning"), dash.no_update
    if role == "unit" and not orgs:
        return _alert(t("admin.unit_needs_organisations", lang), "warning"), dash.no_update
    try:
        password = admin_data.add_user(
            username, (name or "").strip(), role, tuple(regions or ()), tuple(orgs or ())
        )
    except AccountError as exc:
        return _alert(t("admin.failed", lang, error=exc), "danger"), dash.no_update
    return (
        _alert(t("admin.created", lang, user=username, password=password), "success"),
        (tick or 0) + 1,
    )


@callback(
    Output(Admin.MESSAGE, "children", allow_duplicate=True),
    Output(Admin.TICK, "data", allow_duplicate=True),
    Input(Admin.SAVE_ROLE, "n_clicks"),
    Input(Admin.RESET, "n_clicks"),
    Input(Admin.DISABLE, "n_clicks"),
    Input(Admin.ENABLE, "n_clicks"),
    Input(Admin.SAVE_EMAIL, "n_clicks"),
    State(Admin.GRID, "selectedRows"),
    State(Admin.ROLE, "value"),
    State(Admin.REGIONS, "value"),
    State(Admin.ORGANISATIONS, "value"),
    State(Admin.EMAIL, "value"),
    State(Admin.SUBSCRIBED, "value"),
    State(Admin.CONTEXT, "data"),
    State(Admin.TICK, "data"),
    prevent_initial_call=True,
)
def change_user(
    _save,
    _reset,
    _disable,
    _enable,
    _email,
    selected,
    role,
    regions,
    orgs,
    email,
    subscribed,
    context,
    tick,
):
    """Save the role, reset the password, disable / enable the selected account, or save its
    e-mail address and subscription to the monthly briefing."""
    auth.guard("manage_users")
    lang = (context or {}).get("lang", DEFAULT_LANG)
    row = (selected or [None])[0]
    if row is None:
        return _alert(t("admin.pick", lang), "warning"), dash.no_update
    user, action = row["username"], ctx.triggered_id
    try:
        if action == Admin.SAVE_ROLE:
            if role == "clerk" and not regions:
                return _alert(t("admin.clerk_needs_regions", lang), "warning"), dash.no_update
            if role == "unit" and not orgs:
                return _alert(t("admin.unit_needs_organisations", lang), "warning"), dash.no_update
            admin_data.set_role(user, role, tuple(regions or ()), tuple(orgs or ()))
            text = t("admin.role_saved", lang, user=user, role=t(f"auth.role.{role}", lang))
        elif action == Admin.SAVE_EMAIL:
            admin_data.set_delivery(user, email or "", "on" in (subscribed or []))
            text = t("admin.email_saved", lang, user=user)
        elif action == Admin.RESET:
            text = t("admin.reset_done", lang, user=user, password=admin_data.reset_password(user))
        else:
            active = action == Admin.ENABLE
            admin_data.set_active(user, active)
            text = t("admin.enabled" if active else "admin.disabled", lang, user=user)
    except AccountError as exc:
        return _alert(t("admin.failed", lang, error=exc), "danger"), dash.no_update
    return _alert(text, "success"), (tick or 0) + 1


def _alert(text: str, color: str) -> dbc.Alert:
    return dbc.Alert(text, color=color, class_name="py-2", dismissable=True)
