"""The navigation bar's pages, groups and links, from dash.page_registry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import dash_bootstrap_components as dbc

from dashboard import i18n
from dashboard.i18n import t
from dashboard.ids import Shell
from dashboard.shell.links import shared_filters, with_query

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


def nav_link_props(
    page: dict, lang: str, pathname: str | None, search: str | None = None
) -> tuple[str, str, bool]:
    """Label, href (keeping the language and the shared filters) and active state of a link."""
    path = page.get("relative_path") or page["path"]
    href = with_query(path, shared_filters(search), lang=lang)
    return t(page["name_key"], lang), href, _is_active(path, pathname)


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
