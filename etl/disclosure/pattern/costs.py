"""What hiding a cell costs when a complement is picked: how detailed the cell is (_detail), how
much of a headline figure (headline: the scope's total, all categories, BOP, both directions weigh
most), and the visible twins, equal to it by structure, that it drags along (_cost). A scope's own
region is its headline level, whatever its code (天津市 120000, 两江新区 500000-LJ)."""

from __future__ import annotations

from etl.disclosure.catalogue import ALL, SELF
from etl.disclosure.pattern.keys import PREVIOUS
from etl.filters import GROUP_PREFIX

_MODE_DETAIL = {"bop": 0, "full": 1}


def _region_detail(region: str, scope: str | None) -> int:
    """How far below its scope a region node is (0: the scope; 1: a district; more below)."""
    if region == scope:
        return 0
    return region.count("-") + region.endswith(SELF) + (0 if region.endswith("0000") else 1)


def _category_detail(category: str) -> int:
    """0: all categories; 1: a main category or a group (知识密集型 is a headline share); 2: below."""
    if category == ALL:
        return 0
    if category.startswith(GROUP_PREFIX):
        return 1
    return 1 + (category.endswith(SELF) or len(category) > 2)


def _detail(key: tuple, scope: str | None = None) -> int:
    """How detailed a cell is (higher: further from the headline figures)."""
    _, region, category, mode, direction, partner = key
    return (
        _region_detail(region, scope)
        + _category_detail(category)
        + _MODE_DETAIL.get(mode, 2)
        + (direction != ALL)
        + (0 if partner == ALL else 1 + (not partner.startswith(GROUP_PREFIX)))
    )


def headline(key: tuple, scope: str | None = None) -> int:
    """How much a cell is a headline figure (4: the scope's total; 1: a detailed cell)."""
    return 4 - min(_detail(key, scope), 3)


def scope_total(key: tuple, scope: str | None) -> bool:
    """A figure of the whole scope over all categories and partners (any mode, direction): the
    cards every reader opens, hidden only when nothing else will do."""
    _, region, category, _, _, partner = key
    return region == scope and category == ALL and partner == ALL


def _cost(key: tuple, twins: dict[tuple, list[tuple]], suppressed: dict, scope: str | None) -> int:
    """What hiding a cell costs: its own headline weight and that of the visible twins it drags."""
    dragged = [t for t in twins.get(key, ()) if t not in suppressed and t[0] != PREVIOUS]
    return headline(key, scope) + sum(headline(t, scope) for t in dragged)
