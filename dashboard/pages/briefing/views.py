"""Pure: the briefing as components (the same sentences and charts as the Word and PDF files)."""

from __future__ import annotations

from dash import dcc, html

from dashboard import i18n
from dashboard.i18n import t
from etl.briefing.archive import BriefingEntry
from etl.briefing.compose import Briefing
from etl.periods import format_period

GRAPH_CONFIG = {"displayModeBar": False, "responsive": True}
HEIGHTS = {"monthly": 280, "contrib": 300, "partners": 300}


def month_options(months: list[int], lang: str) -> list[dict]:
    """Released months, newest first, as dropdown options: February reads '2021年1–2月' and
    January has no briefing of its own (1–2月 is one figure), unless it is the newest month."""
    return [
        {"label": i18n.fmt_circulated_month(p, lang), "value": format_period(p)}
        for p in months
        if p % 100 != 1 or p == months[0]
    ]


def scope_options(names: dict[str, dict[str, str]], lang: str, months: dict) -> list[dict]:
    """The scopes with released months."""
    return [{"label": names[c].get(lang) or c, "value": c} for c in names if months.get(c)]


def _graph(key: str, fig) -> dcc.Graph:
    # the page's width, and at least the height the chart asked for (wrapped names need it)
    fig.update_layout(width=None, height=max(HEIGHTS[key], fig.layout.height or 0), autosize=True)
    return dcc.Graph(
        figure=fig,
        config=GRAPH_CONFIG,
        className=f"stm-briefing-chart stm-briefing-chart-{key}",
        id=f"briefing-chart-{key}",
    )


def briefing_view(
    briefing: Briefing, figs: dict, entry: BriefingEntry | None, links: list, lang: str
) -> html.Div:
    """The paper: title, subtitle, headline, monthly chart, sections, the two charts, source."""
    cls = "stm-briefing-zh" if lang != "en" else "stm-briefing-en"
    body = [
        html.H2(briefing.title, className="stm-briefing-title"),
        html.P(briefing.subtitle, className="stm-briefing-subtitle"),
        html.P(briefing.headline, className="stm-briefing-lead", id="briefing-headline"),
        _graph("monthly", figs["monthly"]),
    ]
    for section in briefing.sections:
        body.append(html.H3(section.heading, className="stm-briefing-heading"))
        body.extend(html.P(s, className="stm-briefing-sentence") for s in section.sentences)
        if section.key == "drivers":
            body.append(
                html.Div(
                    [_graph("contrib", figs["contrib"]), _graph("partners", figs["partners"])],
                    className="stm-briefing-pair",
                )
            )
    body.append(html.P(briefing.source, className="stm-briefing-source"))
    files = (
        html.Div([html.Span(t("briefing.downloads", lang), className="me-2"), *links])
        if entry is not None and links
        else html.P(t("briefing.not_archived", lang), className="stm-footnote")
    )
    return html.Div(
        [html.Div(files, className="stm-briefing-files"), html.Article(body, className=cls)],
        className="stm-briefing-paper",
    )
