"""The pages open where the user already is: 简报 on the scope of the region the other pages'
filters carry (the navigation keeps them), 绩效评价 on the last year with data."""

from __future__ import annotations

import pytest

from dashboard.ids import Briefing, Evaluation
from tests.db.auth_helpers import signed_in
from tests.db.dash_calls import dash_call


def _prop(node, component_id: str, prop: str):
    """A property of the component with the id anywhere in a layout."""
    if isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict) and props.get("id") == component_id:
            return props.get(prop)
        return next(
            (f for v in node.values() if (f := _prop(v, component_id, prop)) is not None), None
        )
    if isinstance(node, list):
        return next((f for v in node if (f := _prop(v, component_id, prop)) is not None), None)
    return None


def _opened(site, path: str, search: str) -> dict:
    """The layout a leader's browser gets when it opens the page at path?search."""
    client = signed_in(site.app, site.passwords, "lead")
    response = dash_call(
        client,
        site.app,
        "_pages_content.children",
        {"_pages_location.pathname": path, "_pages_location.search": search},
    )
    assert response.status_code == 200
    return response.get_json()


@pytest.mark.parametrize(
    ("search", "scope"),
    [
        ("?month=2021-04&region=500000-LJ", "500000-LJ"),
        ("?month=2021-04&region=500000", "500000-LJ"),  # 重庆市 shows what 两江新区 released
        ("?month=2021-04&region=120116", "120000"),  # a district: its city's briefing
        ("?month=2021-04", "120000"),
        ("?scope=500000-LJ&region=120000", "500000-LJ"),  # the page's own pick wins
    ],
)
def test_briefing_opens_on_the_scope_of_the_filters_region(disclosure_site, search, scope):
    opened = _opened(disclosure_site, "/briefing", search)
    assert _prop(opened, Briefing.SCOPE, "value") == scope
    assert _prop(opened, Briefing.MONTH, "value") == "2021-04"


def test_evaluation_opens_on_the_last_year_with_released_months(disclosure_site):
    """The case's data end in 2021 (released 2021-01..04): the 绩效评价 page opens on 2021,
    not on last year's empty scorecard (every district 0.00 and 无数据, all ranked 1)."""
    opened = _opened(disclosure_site, "/evaluation", "")
    assert _prop(opened, Evaluation.YEAR, "value") == 2021
