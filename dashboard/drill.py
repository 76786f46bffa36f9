"""Drilling from a clicked chart point to the page filtered to that slice (Modes and Sectors)."""

from __future__ import annotations

from dataclasses import replace

from dashboard.filter_state import FilterState, to_query


def drill_href(
    state: FilterState,
    path: str,
    search: str | None = None,
    category: str | None = None,
    mode: int | None = None,
) -> str:
    """The page at path filtered to a slice (a category, a mode), the other filters kept.

    Mode 3 is a slice only under 全口径, so drilling into it switches the scope (and says so).
    """
    changes: dict = {}
    if category:
        changes["categories"] = (category,)
    if mode is not None:
        changes["modes"] = (int(mode),)
        if int(mode) == 3:
            changes["scope"] = "full"
    return path + to_query(replace(state, **changes), search)


def clicked(click_data: dict | None) -> list | None:
    """The clicked point's customdata ([label or code, mode] …), or a heatmap cell's axis codes
    [y, x]; None for no click."""
    points = (click_data or {}).get("points") or []
    if not points:
        return None
    data = points[0].get("customdata")
    if isinstance(data, list | tuple):
        return list(data)
    if "x" in points[0] and "y" in points[0]:  # a heatmap cell: codes on the axes
        return [points[0]["y"], points[0]["x"]]
    return None
