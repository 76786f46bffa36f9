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

links (query strings and the language choice, pure) is the floor; nav orders the pages and
builds the bar's links; user_menu is the signed-in person's menu; layout is the frame create_app
serves; callbacks (registered once by create_app) relabel it for the page's language. The
links' query strings are also computed in the browser, by assets/shell_links.js, which follows
links' rules so that a click never waits on a server round trip. May import
dashboard's shared modules (auth, data, i18n, filter_state, ids) and etl; never a page.
"""
