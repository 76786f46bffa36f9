"""The app layout create_app serves: URL, language store, navigation bar, print head, pages."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import auth
from dashboard.filter_state import KEYS as FILTER_KEYS
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Shell
from dashboard.shell.links import with_query
from dashboard.shell.nav import landing_path, nav_links, nav_pages
from dashboard.shell.user_menu import user_badge

HTML_LANG = {"zh": "zh-CN", "en": "en"}


def home_href(lang: str) -> str:
    """Where the product name leads (nav.landing_path), in this language."""
    return with_query(dash.get_relative_path(landing_path(auth.allowed)), lang=lang)


def _lang_button(lang: str, id: str) -> dbc.Button:
    return dbc.Button(
        t(f"lang.{lang}"),
        id=id,
        href=with_query("/", lang=lang),
        size="sm",
        color="light",
        outline=True,
        class_name="stm-lang-button",
    )


def layout() -> html.Div:
    """The app layout: URL, language store, navigation bar and the page container."""
    lang = DEFAULT_LANG
    menu = dbc.Collapse(
        [
            dbc.Nav(
                nav_links(nav_pages(dash.page_registry, auth.allowed), lang),
                id=Shell.NAV,
                navbar=True,
                class_name="stm-nav me-auto",
            ),
            user_badge(),
            html.Div(
                [_lang_button("zh", Shell.LANG_ZH), _lang_button("en", Shell.LANG_EN)],
                className="btn-group stm-lang",
                role="group",
                **{"aria-label": t("shell.lang_switch", lang)},
            ),
        ],
        id=Shell.NAV_COLLAPSE,
        is_open=False,
        navbar=True,
        class_name="stm-menu",
    )
    bar = dbc.Container(
        [
            dbc.NavbarBrand(
                t("app.title", lang), id=Shell.BRAND, href=home_href(lang), class_name="stm-brand"
            ),
            dbc.NavbarToggler(id=Shell.NAV_TOGGLE, class_name="stm-menu-button"),
            menu,
        ],
        fluid="xl",
        class_name="stm-bar",
    )
    return html.Div(
        [
            dcc.Location(id=Shell.URL, refresh="callback-nav"),
            dcc.Store(id=Shell.LANG, storage_type="local"),
            # read by the links' browser-side callbacks (assets/shell_links.js)
            dcc.Store(id=Shell.FILTER_KEYS, data=list(FILTER_KEYS)),
            dbc.Navbar(bar, dark=True, expand="lg", class_name="stm-navbar"),
            print_head(lang),
            html.Div(
                dbc.Container(id=Shell.SAMPLE_NOTICE_TEXT, fluid="xl"),
                id=Shell.SAMPLE_NOTICE,
                className="stm-sample-notice",
                role="note",
                style={"display": "none"},
            ),
            html.Main(dbc.Container(dash.page_container, fluid="xl", class_name="stm-main")),
        ],
        id=Shell.ROOT,
        lang=HTML_LANG[lang],
        className="stm-root",
    )


def print_head(lang: str) -> html.Div:
    """Printed only (assets/print.css): the data source and 打印于 time above the page.

    The time is the moment of printing, set in the browser (assets/print.js); the filter state
    is printed by the filter bar itself (filter_bar.options.print_line).
    """
    return html.Div(
        [
            html.Div(t("print.source", lang), id=Shell.PRINT_SOURCE, className="stm-print-source"),
            html.Div(
                id=Shell.PRINT_TIME,
                className="stm-print-time",
                **{"data-label-zh": t("print.time", "zh"), "data-label-en": t("print.time", "en")},
            ),
        ],
        id=Shell.PRINT_HEAD,
        className="stm-print-only stm-print-head",
    )
