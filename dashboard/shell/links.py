"""Query strings of the shell's links and the page view's language (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from dashboard import i18n
from dashboard.filter_state import KEYS as FILTER_KEYS
from dashboard.i18n import DEFAULT_LANG


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


def shared_filters(search: str | None) -> str:
    """The part of a query the filter bar owns (dashboard.filter_state.KEYS), for other pages."""
    kept = [(k, v) for k, v in parse_qsl((search or "").lstrip("?")) if k in FILTER_KEYS]
    return f"?{urlencode(kept, safe=',:-')}" if kept else ""
