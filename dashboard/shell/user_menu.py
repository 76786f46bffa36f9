"""The signed-in person's menu in the bar: change password, "as leaders see it", sign out."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import auth
from dashboard.i18n import t
from dashboard.ids import Shell


def user_badge() -> dbc.DropdownMenu | None:
    """Who is signed in (name and role, both languages) as a menu: change password, "as leaders
    see it" for roles that see everything, sign out. A menu keeps the bar on one line."""
    principal = auth.current_principal()
    if principal is None:
        return None
    role = f"{t('auth.role.' + principal.role, 'zh')} {t('auth.role.' + principal.role, 'en')}"
    return dbc.DropdownMenu(
        [
            dbc.DropdownMenuItem(
                f"{t('auth.pw.link', 'zh')} / {t('auth.pw.link', 'en')}",
                href=auth.PASSWORD_PATH,
                external_link=True,
                class_name="stm-logout",
            ),
            *_view_as_form(principal),
            dbc.DropdownMenuItem(divider=True),
            # A form, not a link: signing out is a POST carrying the session's token.
            html.Form(
                [
                    dcc.Input(type="hidden", name="csrf", value=auth.logout_token()),
                    html.Button(
                        f"{t('auth.logout', 'zh')} / {t('auth.logout', 'en')}",
                        id=Shell.LOGOUT,
                        type="submit",
                        className="dropdown-item stm-logout",
                    ),
                ],
                action="/logout",
                method="POST",
                className="stm-logout-form",
            ),
        ],
        label=html.Span(f"{principal.display_name} · {role}", className="stm-user"),
        nav=True,
        in_navbar=True,
        align_end=True,
        class_name="stm-user-badge",
        toggle_class_name="stm-user-toggle",
    )


def _view_as_form(principal) -> list:
    """For roles that see everything: switch "as leaders see it" on or off (a POST, audited)."""
    if not principal.can("view_enterprises"):
        return []
    on = auth.viewing_as_leader()
    key = "disclosure.view_as_self" if on else "disclosure.view_as_leader"
    return [
        html.Form(
            [
                dcc.Input(type="hidden", name="csrf", value=auth.logout_token()),
                dcc.Input(type="hidden", name="as", value="self" if on else "leader"),
                dcc.Input(type="hidden", name="next", value="/"),
                html.Button(
                    f"{t(key, 'zh')} / {t(key, 'en')}",
                    id=Shell.VIEW_AS,
                    type="submit",
                    className="dropdown-item stm-logout",
                ),
            ],
            action=auth.VIEW_AS_PATH,
            method="POST",
            className="stm-logout-form",
        )
    ]
