"""The shell's callbacks: relabel the frame for the page's language, mark the current page."""

from __future__ import annotations

import dash
from dash import ALL, ClientsideFunction, Input, Output, State

from dashboard import data
from dashboard.i18n import t
from dashboard.ids import Shell
from dashboard.shell.layout import HTML_LANG, home_href
from dashboard.shell.links import choose_lang
from dashboard.shell.nav import nav_link_props


def update_sample_notice(_pathname: str | None) -> tuple[str, dict]:
    """A bilingual line saying the data are synthetic, while the generated sample is loaded."""
    # A callback, not part of the frame: serving the page frame never touches the database.
    try:
        loaded = data.sample_data_loaded()
    except data.DatabaseUnavailable:
        loaded = False
    if not loaded:
        return "", {"display": "none"}
    return f"{t('shell.sample_notice', 'zh')} {t('shell.sample_notice', 'en')}", {}


def update_shell(pathname: str | None, search: str | None, stored: str | None) -> tuple:
    """Relabel the shell for the page's language; remember or apply the language choice (the
    language buttons' links: assets/shell_links.js)."""
    choice = choose_lang(search, stored)
    lang = choice.lang
    return (
        HTML_LANG[lang],
        t("app.title", lang),
        home_href(lang),
        lang == "zh",
        lang == "en",
        dash.no_update if choice.store is None else choice.store,
        dash.no_update if choice.search is None else choice.search,
    )


def update_nav(pathname: str | None, search: str | None, stored: str | None) -> tuple:
    """Relabel the navigation links in the page's language and mark the current page."""
    lang = choose_lang(search, stored).lang
    # The links Dash asks about, in the order it wants the values back.
    modules = [output["id"]["page"] for output in dash.ctx.outputs_list[0]]
    props = [nav_link_props(dash.page_registry[m], lang, pathname, search) for m in modules]
    return tuple(list(column) for column in zip(*props)) if props else ([], [], [])


def update_print_head(_pathname: str | None, search: str | None, stored: str | None) -> str:
    """The printed source line in the page's language."""
    return t("print.source", choose_lang(search, stored).lang)


def update_nav_groups(pathname: str | None, search: str | None, stored: str | None) -> tuple:
    """Relabel the group dropdowns and mark the one holding the current page."""
    lang = choose_lang(search, stored).lang
    groups = [output["id"]["group"] for output in dash.ctx.outputs_list[0]]
    labels, classes = [], []
    for group in groups:
        members = [p for p in dash.page_registry.values() if p.get("nav_group") == group]
        active = any(nav_link_props(p, lang, pathname)[2] for p in members)
        labels.append(t(f"nav.group.{group}", lang))
        classes.append("active" if active else "")
    return labels, classes


# The menu button opens and closes the menu; following a link closes it (in the browser).
TOGGLE_MENU = (
    """
function(clicks, pathname, isOpen) {
    const trigger = dash_clientside.callback_context.triggered_id;
    return trigger === "%s" ? !isOpen : false;
}
"""
    % Shell.NAV_TOGGLE
)


def register_callbacks(app: dash.Dash) -> None:
    """Attach the shell callbacks to this app (not to Dash's global callback list)."""
    inputs = (Input(Shell.URL, "pathname"), Input(Shell.URL, "search"), Input(Shell.LANG, "data"))
    app.callback(
        Output({"type": Shell.NAV_LINK, "page": ALL}, "children"),
        Output({"type": Shell.NAV_LINK, "page": ALL}, "href"),
        Output({"type": Shell.NAV_LINK, "page": ALL}, "active"),
        *inputs,
    )(update_nav)
    app.callback(
        Output({"type": Shell.NAV_GROUP, "group": ALL}, "label"),
        Output({"type": Shell.NAV_GROUP, "group": ALL}, "toggle_class_name"),
        *inputs,
    )(update_nav_groups)
    app.clientside_callback(
        TOGGLE_MENU,
        Output(Shell.NAV_COLLAPSE, "is_open"),
        Input(Shell.NAV_TOGGLE, "n_clicks"),
        Input(Shell.URL, "pathname"),
        State(Shell.NAV_COLLAPSE, "is_open"),
        prevent_initial_call=True,
    )
    # In the browser, so that a click right after navigating follows the new address.
    app.clientside_callback(
        ClientsideFunction("stm_links", "langHrefs"),
        Output(Shell.LANG_ZH, "href", allow_duplicate=True),
        Output(Shell.LANG_EN, "href", allow_duplicate=True),
        Input(Shell.URL, "pathname"),
        Input(Shell.URL, "search"),
        prevent_initial_call="initial_duplicate",
    )
    app.callback(Output(Shell.PRINT_SOURCE, "children"), *inputs)(update_print_head)
    app.callback(
        Output(Shell.SAMPLE_NOTICE_TEXT, "children"),
        Output(Shell.SAMPLE_NOTICE, "style"),
        Input(Shell.URL, "pathname"),
    )(update_sample_notice)
    app.callback(
        Output(Shell.ROOT, "lang"),
        Output(Shell.BRAND, "children"),
        Output(Shell.BRAND, "href"),
        Output(Shell.LANG_ZH, "active"),
        Output(Shell.LANG_EN, "active"),
        Output(Shell.LANG, "data"),
        Output(Shell.URL, "search"),
        *inputs,
    )(update_shell)
