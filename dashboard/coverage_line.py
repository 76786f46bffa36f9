"""The coverage line beside the figures: one callback body, used by the Overview and Regions pages.

URL search -> FilterState -> coverage_data.coverage_line (counts and shares, never a name) ->
coverage_views.coverage_line; the link to 报送情况 only for those who may open it.
"""

from __future__ import annotations

from dashboard import auth, coverage_data, data
from dashboard.coverage_views import coverage_line
from dashboard.filter_state import from_query


def render(search: str | None):
    """'2019年6月已报送 87.0% 重点企业（174/200），缺报企业上年贸易额占 6.2%' for the view."""
    state = from_query(search)
    try:
        view, total = coverage_data.coverage_line(state)
    except data.DatabaseUnavailable:
        return None
    return coverage_line(total, view.end, state.region, view.region_name(state.lang), state.lang,
                         auth.allowed("view_enterprises"))
