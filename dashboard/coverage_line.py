"""The coverage line beside the figures: one callback body for the five figure pages
(Overview, Regions, Modes, Sectors, Partners).

URL search -> FilterState -> data.coverage_line (counts and shares, never a name) ->
coverage_line (the sentence); the link to 报送情况 only for those who may open it.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import auth, data, i18n
from dashboard.filter_state import from_query
from dashboard.i18n import t
from dashboard.ids import Coverage
from dashboard.shell.links import with_query
from etl.periods import format_period

COVERAGE_PATH = "/coverage"  # the 报送情况 page the line links to


def render(search: str | None):
    """'2019年6月已报送 87.0% 重点企业（174/200），缺报企业上年贸易额占 6.2%' for the view."""
    state = from_query(search)
    try:
        view, total = data.coverage_line(state)
    except data.DatabaseUnavailable:
        return None
    return coverage_line(
        total,
        view.end,
        state.region,
        view.region_name(state.lang),
        state.lang,
        auth.allowed("view_enterprises"),
    )


def sentence(total: dict, period: int, region: str, lang: str) -> str:
    """'2019年6月已报送 87.0% 重点企业（174/200），缺报企业上年贸易额占 6.2%'."""
    if not total or not total.get("expected"):
        return t("cov.line_none", lang, period=i18n.fmt_period(period, lang), region=region)
    return t(
        "cov.line",
        lang,
        period=i18n.fmt_period(period, lang),
        share=share_text(total["reported_share"]),
        reported=i18n.fmt_count(total["reported"]),
        expected=i18n.fmt_count(total["expected"]),
        missing=share_text(total["missing_share_of_prior_year"]),
    )


def coverage_href(period: int, region: str, lang: str) -> str:
    """The 报送情况 page for a month and region."""
    return with_query(COVERAGE_PATH, month=format_period(period), region=region, lang=lang)


def coverage_line(
    total: dict | None, period: int | None, region_code: str, region: str, lang: str, may_open: bool
) -> html.P | None:
    """The line beside the figures, with a link to the page for those who may open it."""
    if period is None:
        return None
    children: list = [sentence(total or {}, period, region, lang)]
    if may_open:
        children += [
            " · ",
            dcc.Link(t("cov.line_link", lang), href=coverage_href(period, region_code, lang)),
        ]
    return html.P(
        children,
        id=Coverage.LINE,
        className="stm-coverage-line",
        **{"data-expected": (total or {}).get("expected") or 0},
    )


def share_text(value) -> str:
    """A ratio as an unsigned percentage ('87.0%'), '—' when unknown."""
    return i18n.fmt_pct(value, signed=False)
