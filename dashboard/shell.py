"""The frame around every page: product name, navigation built from dash.page_registry, language.

A page joins the navigation by registering itself (see dashboard/pages/home/page.py):
    dash.register_page(__name__, path="/modes", order=20, name_key="nav.modes")
`order` sorts the links; `name_key` names the link through the i18n catalogue; `nav=False`
keeps a page out of the bar; `permission="upload"` shows it only to roles allowed that action;
`nav_group="data"` puts the link in a dropdown (NAV_GROUPS) so the bar fits one line at 1440 px.
Below the lg breakpoint the bar collapses behind a menu button.
The language lives in the URL (`?lang=en`, so links can be
shared) and, as the last choice, in a local dcc.Store; a URL without `lang` gets the
stored choice added.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, dcc, html

from dashboard import auth, data, i18n
from dashboard.filter_state import KEYS as FILTER_KEYS
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Shell

HTML_LANG = {"zh": "zh-CN", "en": "en"}
# Dropdowns of the navigation bar, left to right; pages without nav_group stand alone before them.
NAV_GROUPS = ("data", "analysis", "manage")
OVERVIEW_PATH = "/overview"


def nav_pages(registry: Mapping[str, dict], may=lambda _action: True) -> list[dict]:
    """Pages shown in the navigation, by order: a name_key, nav not False, and permitted.

    A page restricted to some roles registers `permission="upload"` (an etl.accounts action);
    `may(action)` says whether the person looking may do it, so nobody is shown a door they
    cannot open. The page and its callbacks still check on the server (auth.guard).
    """
    pages = [
        p
        for p in registry.values()
        if p.get("nav", True) and p.get("name_key") and may(p.get("permission", "view_aggregates"))
    ]

    def key(page: dict) -> tuple:
        order = page.get("order")
        number = order if isinstance(order, (int, float)) else float("inf")
        return (order is None, number, page["module"])

    return sorted(pages, key=key)


def nav_tree(pages: Iterable[dict]) -> list[tuple[str | None, list[dict]]]:
    """The bar's entries: (None, [page]) for a lone link, (group, pages) for a dropdown.

    Lone links first, in page order; then the groups of NAV_GROUPS that hold a page the
    person may open (an empty group is not shown); a group not in NAV_GROUPS goes last.
    """
    pages = list(pages)
    lone = [(None, [p]) for p in pages if not p.get("nav_group")]
    names = list(NAV_GROUPS) + sorted(
        {p["nav_group"] for p in pages if p.get("nav_group")} - set(NAV_GROUPS)
    )
    groups = [(g, [p for p in pages if p.get("nav_group") == g]) for g in names]
    return lone + [(g, members) for g, members in groups if members]


def landing_path(may=lambda _action: True) -> str:
    """Where the product name and a bare "/" lead: 首页 shows database internals, so a person
    without enterprise-level rights (a leader) lands on the Overview instead."""
    if may("view_enterprises") or not may("view_aggregates"):
        return "/"
    return OVERVIEW_PATH


def check_pages(registry: Mapping[str, dict]) -> None:
    """Fail at start-up when a navigable page has no name_key in the catalogue."""
    for page in registry.values():
        if page.get("nav", True) and page.get("name_key") not in i18n.CATALOGUE:
            raise ValueError(
                f"page {page['module']}: register_page(..., name_key=...) must name a key "
                f"of dashboard.i18n.CATALOGUE (got {page.get('name_key')!r}), or pass nav=False"
            )


def with_query(path: str, search: str | None = None, **params: str) -> str:
    """path with the query of search, params set: ('/a', '?x=1', lang='en') -> '/a?x=1&lang=en'."""
    query = dict(parse_qsl((search or "").lstrip("?")))
    query.update(params)
    return f"{path}?{urlencode(query, safe=',:-')}" if query else path


@dataclass(frozen=True)
class LangChoice:
    """The language of this page view and what the shell must write back."""

    lang: str
    store: str | None = None  # new value for the language store; None = leave it
    search: str | None = None  # new URL query carrying the stored choice; None = leave it


def choose_lang(search: str | None, stored: str | None) -> LangChoice:
    """The URL's ?lang wins (and is remembered); without it, the remembered choice is added."""
    asked = i18n.lang_from_search(search)
    if asked is not None:
        return LangChoice(asked, store=None if asked == stored else asked)
    lang = i18n.normalize_lang(stored)
    if lang == DEFAULT_LANG:
        return LangChoice(lang)
    return LangChoice(lang, search=with_query("", search, lang=lang))


def nav_link_props(
    page: dict, lang: str, pathname: str | None, search: str | None = None
) -> tuple[str, str, bool]:
    """Label, href (keeping the language and the shared filters) and active state of a link."""
    path = page.get("relative_path") or page["path"]
    href = with_query(path, shared_filters(search), lang=lang)
    return t(page["name_key"], lang), href, _is_active(path, pathname)


def shared_filters(search: str | None) -> str:
    """The part of a query the filter bar owns (dashboard.filter_state.KEYS), for other pages."""
    kept = [(k, v) for k, v in parse_qsl((search or "").lstrip("?")) if k in FILTER_KEYS]
    return f"?{urlencode(kept, safe=',:-')}" if kept else ""


def _is_active(path: str, pathname: str | None) -> bool:
    if pathname is None:
        return False
    if path.rstrip("/") == "":
        return pathname.rstrip("/") == ""
    return pathname == path or pathname.startswith(path.rstrip("/") + "/")


def nav_links(pages: Iterable[dict], lang: str) -> list:
    """Lone links and group dropdowns; update_nav keeps labels, hrefs and active marks current."""
    items: list = []
    for group, members in nav_tree(pages):
        if group is None:
            page = members[0]
            label, href, active = nav_link_props(page, lang, None)
            link_id = {"type": Shell.NAV_LINK, "page": page["module"]}
            link = dbc.NavLink(
                label, href=href, active=active, id=link_id, class_name="stm-nav-link"
            )
            items.append(dbc.NavItem(link))
            continue
        entries = []
        for page in members:
            label, href, active = nav_link_props(page, lang, None)
            link_id = {"type": Shell.NAV_LINK, "page": page["module"]}
            entries.append(
                dbc.DropdownMenuItem(
                    label, href=href, active=active, id=link_id, class_name="stm-nav-link"
                )
            )
        items.append(
            dbc.DropdownMenu(
                entries,
                label=t(f"nav.group.{group}", lang),
                id={"type": Shell.NAV_GROUP, "group": group},
                nav=True,
                in_navbar=True,
                class_name="stm-nav-group",
            )
        )
    return items


def _home_href(lang: str) -> str:
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
                t("app.title", lang), id=Shell.BRAND, href=_home_href(lang), class_name="stm-brand"
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
    """Relabel the shell for the page's language; remember or apply the language choice."""
    choice = choose_lang(search, stored)
    lang, path = choice.lang, pathname or "/"
    return (
        HTML_LANG[lang],
        t("app.title", lang),
        _home_href(lang),
        with_query(path, search, lang="zh"),
        lang == "zh",
        with_query(path, search, lang="en"),
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
        Output(Shell.LANG_ZH, "href"),
        Output(Shell.LANG_ZH, "active"),
        Output(Shell.LANG_EN, "href"),
        Output(Shell.LANG_EN, "active"),
        Output(Shell.LANG, "data"),
        Output(Shell.URL, "search"),
        *inputs,
    )(update_shell)
