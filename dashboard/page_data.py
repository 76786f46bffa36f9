"""What every filtered page needs first: the filter options, or words when there is no data."""

from __future__ import annotations

from dash import html

from dashboard import data
from dashboard.components import empty_state
from dashboard.i18n import t


def options_or_notice(header: html.Div, lang: str, empty_id: str):
    """(filter options, None), or (None, the header with a message) when the database is
    missing or empty — a page never draws empty axes."""
    try:
        options = data.filter_options()
    except data.DatabaseUnavailable:
        return None, html.Div(
            [
                header,
                empty_state(
                    t("home.unavailable", lang),
                    t("home.unavailable_hint", lang),
                    "python -m etl init-db",
                    id=empty_id,
                ),
            ]
        )
    if options.last_period is None:
        return None, html.Div(
            [
                header,
                empty_state(
                    t("home.empty", lang),
                    t("home.empty_hint", lang),
                    "python -m etl load FILE.xlsx",
                    id=empty_id,
                ),
            ]
        )
    return options, None
