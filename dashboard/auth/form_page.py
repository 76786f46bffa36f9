"""The stand-alone HTML page of the sign-in forms, in the app's look (served by Flask, not Dash)."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from dashboard.catalogue import CATALOGUE


def text(key: str, lang: str) -> str:
    """A catalogue string in this language."""
    return CATALOGUE[key][lang]


def form_page(
    lang: str,
    action: str,
    target: str,
    token: str,
    fields: list[tuple],
    title_key: str,
    submit_key: str,
    error: str,
    hint: str,
    lead: str = "",
) -> str:
    """A small stand-alone form page (sign-in, password change) in the app's look."""
    other = "en" if lang == "zh" else "zh"
    alert = f'<div class="alert alert-danger py-2">{escape(error)}</div>' if error else ""
    intro = f'<p class="mb-3">{escape(lead)}</p>' if lead else ""
    inputs = "".join(
        f'<label class="form-label" for="{name}">{escape(text(label, lang))}</label>'
        f'<input class="form-control mb-3" id="{name}" name="{name}" type="{kind}" '
        f'autocomplete="{complete}" required>'
        for name, label, kind, complete in fields
    )
    next_part = escape(quote(target, safe="/?=&"))
    query = f"lang={lang}&next={next_part}"
    return f"""<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(text(title_key, lang))} · {escape(text("app.title", lang))}</title>
<link rel="stylesheet" href="/assets/00_bootstrap.min.css">
<link rel="stylesheet" href="/assets/app.css">
</head><body class="stm-root"><div class="stm-navbar navbar navbar-dark"><div class="container-xl">
<span class="navbar-brand stm-brand">{escape(text("app.title", lang))}</span>
<a class="btn btn-sm btn-outline-light" href="{action}?lang={other}&next={next_part}">
{escape(text("lang." + other, lang))}</a></div></div>
<main class="container" style="max-width:420px;margin-top:4rem">
<h1 class="h4 mb-3">{escape(text(title_key, lang))}</h1>{intro}{alert}
<form method="post" action="{action}?{query}">
<input type="hidden" name="csrf" value="{token}">{inputs}
<button class="btn btn-primary w-100" id="login-submit" type="submit">
{escape(text(submit_key, lang))}</button></form>
<p class="text-muted small mt-3">{escape(hint)}</p></main></body></html>"""
