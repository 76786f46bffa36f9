"""404: an unknown address, said in the page's language, with a way home."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import i18n
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import NotFound

dash.register_page(__name__, path="/404", nav=False)


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """Title, one sentence and a link to the home page (keeping the language)."""
    lang = i18n.normalize_lang(lang)
    return html.Div(
        [
            html.H1(t("notfound.title", lang), id=NotFound.TITLE, className="stm-page-title"),
            html.P(t("notfound.body", lang), className="stm-page-lead"),
            dcc.Link(
                t("notfound.home", lang),
                href=f"{dash.get_relative_path('/')}?lang={lang}",
                id=NotFound.HOME_LINK,
                className="btn btn-primary",
            ),
        ],
        className="stm-not-found",
    )
