"""Small layout factories shared by pages: KPI cards, empty states, page headers."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import i18n
from dashboard.i18n import MISSING, t, window_label


def _id(id: str | dict | None) -> dict:
    # Dash rejects id=None, so the prop is passed only when there is one.
    return {} if id is None else {"id": id}


def page_header(title: str, lead: str | None = None, title_id: str | None = None) -> html.Div:
    """A page title with an optional one-sentence lead."""
    children = [html.H1(title, className="stm-page-title", **_id(title_id))]
    if lead:
        children.append(html.P(lead, className="stm-page-lead"))
    return html.Div(children, className="stm-page-header")


def kpi_card(
    title: str, value: str, sub: str | None = None, id: str | dict | None = None
) -> dbc.Card:
    """A headline number: title above, the formatted value, a small line of context below."""
    body = [html.Div(title, className="stm-kpi-title"), html.Div(value, className="stm-kpi-value")]
    if sub:
        body.append(html.Div(sub, className="stm-kpi-sub"))
    return dbc.Card(dbc.CardBody(body), class_name="stm-kpi h-100", **_id(id))


def empty_state(
    message: str, hint: str | None = None, command: str | None = None, id: str | dict | None = None
) -> html.Div:
    """A visible message box in place of a chart or table that has nothing to show."""
    children: list = [html.P(message, className="stm-empty-message")]
    if hint:
        children.append(html.P(hint, className="stm-empty-hint"))
    if command:
        children.append(html.Pre(html.Code(command), className="stm-empty-command"))
    return html.Div(children, className="stm-empty", role="status", **_id(id))


def stat_card(
    title: str,
    blocks: list[tuple[str, str, list[str]]],
    id: str | dict | None = None,
    extra_class: str = "",
) -> dbc.Card:
    """A headline card with stacked blocks (caption, value, notes); the first block is the big one.

    E.g. the overview's 服务出口: ('2021年1–12月累计', '123.4亿美元', ['同比+5.0%']), then the
    month: ('2021年12月当月', '10.2亿美元', ['同比+3.1%', '环比−2.0%']).
    """
    body: list = [html.Div(title, className="stm-kpi-title")]
    for i, (caption, value, notes) in enumerate(blocks):
        size = "stm-kpi-value" if i == 0 else "stm-kpi-value-sm"
        block = [html.Div(caption, className="stm-kpi-caption"), html.Div(value, className=size)]
        block += [html.Div(note, className="stm-kpi-sub") for note in notes if note]
        body.append(html.Div(block, className="stm-kpi-block"))
    return dbc.Card(
        dbc.CardBody(body), class_name=f"stm-kpi h-100 {extra_class}".strip(), **_id(id)
    )


def section_card(
    title: str, children, tools=None, id: str | dict | None = None, fill: bool = False
) -> dbc.Card:
    """A titled white card for a chart or a panel, with optional tools (downloads) on the right;
    fill=True stretches it to its column's height (for side-by-side cards)."""
    header = html.Div(
        [
            html.H2(title, className="stm-section-title") if title else html.Span(),
            html.Div(tools, className="stm-section-tools") if tools else None,
        ],
        className="stm-section-head",
    )
    # Dash renders only flat child lists: a list of children joins the header's list.
    body = [header, *children] if isinstance(children, list) else [header, children]
    return dbc.Card(
        dbc.CardBody(body), class_name="stm-section h-100" if fill else "stm-section", **_id(id)
    )


def access_denied(lang: str) -> html.Div:
    """What a page restricted to other roles shows instead of its content."""
    from dashboard.i18n import t

    return empty_state(t("auth.denied", lang), t("auth.denied_hint", lang), id="access-denied")


def no_data(view, lang: str, id: str | None = None) -> html.Div:
    """'2021年12月两江新区尚无企业报送' with a hint, for a view without reports; for a leader's
    January alone (February not yet released), that January is published with February."""
    period = window_label(view.start, view.end, lang) if view.end else MISSING
    if view.january_alone:
        year = view.end // 100
        return empty_state(
            t("ovw.january_merged", lang, year=year),
            t("ovw.january_merged_hint", lang, period=i18n.fmt_ytd(view.end + 1, lang)),
            id=id,
        )
    return empty_state(
        t("ovw.empty", lang, period=period, region=view.region_name(lang)),
        t("ovw.empty_hint", lang),
        id=id,
    )


def scope_note(state, lang: str) -> html.Div:
    """What the total counts: modes 1, 2, 4 (BOP) or, said loudly, mode 3 added (全口径)."""
    full = state.full_scope
    return html.Div(
        t("ovw.scope_full" if full else "ovw.scope_bop", lang),
        role="note",
        className=f"alert alert-{'warning' if full else 'light'} stm-scope-note",
        **{"data-scope": state.scope},
    )


def context_line(view, lang: str) -> str:
    """'天津市 · 2021年1–12月 · 国际收支口径 · 单位：亿美元' for the page header, followed by what
    the figures rest on: 初步 / 修订 of the month's release, or 未发布 months (statisticians)."""
    text = t(
        "ovw.context",
        lang,
        region=view.region_name(lang),
        period=window_label(view.start, view.end, lang),
        scope=t(f"filter.scope.{view.state.scope}", lang),
        unit=i18n.unit_label(view.state.unit, lang),
    )
    label = release_label(view, lang)
    text = f"{text} · {label}" if label else text
    if getattr(view, "circulated", False):
        text = f"{text} · {t('disclosure.note', lang)}"
    return text


def release_label(view, lang: str) -> str:
    """未发布 (months listed) / 修订 (with the date) / 初步 for the figures of a view; '' if final."""
    unreleased = getattr(view, "unreleased", ())
    if len(unreleased) > 3:
        return t(
            "release.mark.unreleased_many",
            lang,
            n=len(unreleased),
            a=i18n.fmt_period(unreleased[0], lang),
            b=i18n.fmt_period(unreleased[-1], lang),
        )
    if unreleased:
        months = "、" if lang == "zh" else ", "
        return t(
            "release.mark.unreleased",
            lang,
            months=months.join(i18n.fmt_period(p, lang) for p in unreleased),
        )
    release = getattr(view, "release", None)
    if not release:
        return ""
    parts = []
    if release["revision"]:
        parts.append(t("release.mark.revised", lang, date=f"{release['released_at']:%Y-%m-%d}"))
    if release["status"] == "preliminary":
        parts.append(t("release.mark.preliminary", lang))
    return " · ".join(parts)
