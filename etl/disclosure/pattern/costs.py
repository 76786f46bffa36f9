"""What hiding a cell costs when a complement is picked: how detailed the cell is (_detail), how
much of a headline figure (headline: the scope's total, all categories, BOP, both directions weigh
most), and the visible twins, equal to it by structure, that it drags along (_cost)."""

from __future__ import annotations

from etl.disclosure.catalogue import ALL, SELF
from etl.disclosure.pattern.keys import PREVIOUS
from etl.filters import GROUP_PREFIX

_MODE_DETAIL = {"bop": 0, "full": 1}


def _detail(key: tuple) -> int:
    """How detailed a cell is (higher: further from the headline figures)."""
    _, region, category, mode, direction, partner = key
    return (
        region.count("-")
        + region.endswith(SELF)
        + (0 if region.endswith("0000") else 1)
        + (0 if category == ALL else 1 + (category.endswith(SELF) or len(category) > 2))
        + _MODE_DETAIL.get(mode, 2)
        + (direction != ALL)
        + (0 if partner == ALL else 1 + (not partner.startswith(GROUP_PREFIX)))
    )


def headline(key: tuple) -> int:
    """How much a cell is a headline figure (4: the scope's total; 1: a detailed cell)."""
    return 4 - min(_detail(key), 3)


def _cost(key: tuple, twins: dict[tuple, list[tuple]], suppressed: dict) -> int:
    """What hiding a cell costs: its own headline weight and that of the visible twins it drags."""
    dragged = [t for t in twins.get(key, ()) if t not in suppressed and t[0] != PREVIOUS]
    return headline(key) + sum(headline(t) for t in dragged)
