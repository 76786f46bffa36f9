"""首页 / Home: what the database holds, read afresh on every visit."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import data, i18n
from dashboard.components import empty_state, kpi_card, page_header
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ids import Home, HomeLinks
from etl.periods import month_range

# Database internals: statisticians and clerks; leaders land on the Overview (shell.nav.landing_path).
dash.register_page(__name__, path="/", order=0, name_key="nav.home", permission="view_enterprises")

LOAD_COMMAND = "python -m etl load FILE.xlsx"
INIT_COMMAND = "python -m etl init-db"


def fact_cards(facts: dict, lang: str) -> list[dbc.Col]:
    """The five KPI cards for database_facts() in lang."""
    first, last = facts.get("first_period"), facts.get("last_period")
    months = len(month_range(first, last)) if first and last else None
    cards = [
        kpi_card(
            t("home.kpi.periods", lang),
            i18n.fmt_period_range(first, last, lang),
            t("home.kpi.periods_sub", lang, n=months) if months else None,
            id=Home.KPI_PERIODS,
        ),
        kpi_card(
            t("home.kpi.enterprises", lang),
            i18n.fmt_count(facts.get("enterprises")),
            t("home.kpi.enterprises_sub", lang),
            id=Home.KPI_ENTERPRISES,
        ),
        kpi_card(
            t("home.kpi.reports", lang),
            i18n.fmt_count(facts.get("reports")),
            t("home.kpi.reports_sub", lang),
            id=Home.KPI_REPORTS,
        ),
        kpi_card(
            t("home.kpi.lines", lang),
            i18n.fmt_count(facts.get("lines")),
            t("home.kpi.lines_sub", lang),
            id=Home.KPI_LINES,
        ),
        kpi_card(
            t("home.kpi.batches", lang),
            i18n.fmt_count(facts.get("batches")),
            t("home.kpi.batches_sub", lang),
            id=Home.KPI_BATCHES,
        ),
    ]
    widths = [{"xs": 12, "lg": 4}] + [{"xs": 6, "md": 3, "lg": 2}] * 4
    return [dbc.Col(card, **w, class_name="mb-3") for card, w in zip(cards, widths)]


def layout(lang: str = DEFAULT_LANG, **_query: str) -> html.Div:
    """Header plus the database facts, or a message saying how to get data in."""
    lang = i18n.normalize_lang(lang)
    header = page_header(t("home.title", lang), t("home.lead", lang), title_id=Home.TITLE)
    try:
        facts = data.database_facts()
    except data.DatabaseUnavailable:
        return html.Div(
            [
                header,
                empty_state(
                    t("home.unavailable", lang),
                    t("home.unavailable_hint", lang),
                    INIT_COMMAND,
                    id=Home.EMPTY,
                ),
            ]
        )
    if not facts.get("reports"):
        return html.Div(
            [
                header,
                empty_state(
                    t("home.empty", lang), t("home.empty_hint", lang), LOAD_COMMAND, id=Home.EMPTY
                ),
            ]
        )
    overview = dcc.Link(
        t("home.overview_link", lang) + " →",
        id=HomeLinks.OVERVIEW,
        href=f"/overview?lang={lang}" if lang != DEFAULT_LANG else "/overview",
        className="btn btn-primary btn-lg stm-home-cta",
    )
    return html.Div(
        [
            header,
            html.Div(overview, className="mb-4"),
            dbc.Row(fact_cards(facts, lang), id=Home.FACTS),
        ]
    )
