"""The linked cells a role without enterprise-level rights may see, and where each read's row sits.

A cell is (window, period, region, category, mode, direction, partner), each a *node* of its
dimension's hierarchy (docs/disclosure.md):

- window: ``m`` = the month (February is 1–2月 combined; January has no cell of its own) and
  ``y`` = 1–N月 of the year (a calendar year is ``y`` at December);
- region: the scope and every region below it; a region with regions below it *and* reports
  of its own has a ``code!`` node for its own part (本级);
- category: ``*`` (all), main categories, sub-items, ``SC!`` for the part of a main category
  not split into sub-items (未细分), and ``group:KIS`` groups;
- mode: ``bop`` (modes 1, 2, 4), ``full`` (全口径, 1–4) and ``1``–``4``;
- direction: ``*``, ``X``, ``M``;  partner: ``*``, ISO codes and ``group:BRI65`` groups.

Cells with a partner other than ``*`` carry category ``*`` (partners are not crossed with
categories for this audience). Anything a read asks for that is not such a cell (a month range,
two categories at once, partners by category, January alone) is not circulated: it reads "C".
Pure: the hierarchies come in as a `Hierarchy` built by the caller from the reference tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.filters import BOP_MODES, GROUP_PREFIX, ReportFilter

ALL = "*"
SELF = "!"  # suffix of a node's own part (本级 / 未细分)
MONTH, YTD = "m", "y"
KEY_COLUMNS = ("window", "period", "region", "category", "mode", "direction", "partner")


def twin_window(window: str) -> str:
    """February's other window: 1–2月 is both the month and the year so far, one figure."""
    return MONTH if window == YTD else YTD


@dataclass(frozen=True)
class Hierarchy:
    """The dimension trees of one scope (regions) and of the classifications."""

    region_parent: dict[str, str | None]  # every region code -> parent (None at the top)
    category_main: dict[str, str]  # every category code -> its main category
    category_groups: dict[str, frozenset[str]]  # group code -> member category codes
    partner_groups: dict[str, frozenset[str]]  # group code -> member partner codes
    split_mains: frozenset[str] = field(default_factory=frozenset)  # mains with sub-items

    def region_children(self) -> dict[str, list[str]]:
        """Region code -> the codes directly below it."""
        out: dict[str, list[str]] = {}
        for code, parent in self.region_parent.items():
            if parent:
                out.setdefault(parent, []).append(code)
        return out

    def region_atom(self, stored: str) -> str:
        """The finest region node of a stored region code (its own part when it has children)."""
        return stored + SELF if stored in self.region_children() else stored

    def region_nodes(self, stored: str, scope: str) -> list[str]:
        """The nodes a stored region counts in: its atom, itself and its ancestors up to scope."""
        out = [self.region_atom(stored)]
        code: str | None = stored
        while code is not None:
            if code not in out:
                out.append(code)
            if code == scope:
                break
            code = self.region_parent.get(code)
        return out

    def category_atom(self, reported: str) -> str:
        """The finest category node of a reported code: a sub-item, or a main's 未细分 part."""
        main = self.category_main.get(reported, reported)
        return reported + SELF if reported == main and main in self.split_mains else reported

    def category_nodes(self, reported: str) -> list[str]:
        """Nodes a reported category counts in: atom, main, all, and the groups it is in."""
        main = self.category_main.get(reported, reported)
        out = [self.category_atom(reported), main, ALL]
        out += [
            GROUP_PREFIX + g
            for g, members in sorted(self.category_groups.items())
            if reported in members or main in members
        ]
        return list(dict.fromkeys(out))

    def partner_nodes(self, partner: str) -> list[str]:
        """Nodes a partner counts in: itself, all, and its groups."""
        groups = [GROUP_PREFIX + g for g, m in sorted(self.partner_groups.items()) if partner in m]
        return [partner, ALL, *groups]


def mode_nodes(mode: int) -> list[str]:
    """Nodes a mode of supply counts in."""
    return [str(mode), *(["bop"] if mode in BOP_MODES else []), "full"]


def direction_nodes(direction: str) -> list[str]:
    """Nodes a direction counts in."""
    return [direction, ALL]


def window_of(period_from: int, period_to: int) -> tuple[str, int] | None:
    """The window cell a period range is, or None: 1–N月 (N ≥ 2) or one month from March on."""
    year_start = (period_to // 100) * 100 + 1
    if period_from == year_start and period_to % 100 >= 2:
        return YTD, period_to
    if period_from == period_to and period_to % 100 >= 3:
        return MONTH, period_to
    return None


def filter_nodes(f: ReportFilter, hierarchy: Hierarchy) -> dict[str, str] | None:
    """The node of each dimension a filter fixes; None when it is no cell (two at once …)."""
    if len(f.regions) != 1 or len(f.categories) > 1 or len(f.partners) > 1:
        return None
    modes = f.effective_modes()
    mode = {(1, 2, 4): "bop", (1, 2, 3, 4): "full"}.get(modes)
    if mode is None:
        mode = str(modes[0]) if len(modes) == 1 else None
    directions = tuple(sorted(f.directions))
    direction = {("M", "X"): ALL, ("X",): "X", ("M",): "M"}.get(directions)
    if mode is None or direction is None:
        return None
    category = f.categories[0] if f.categories else ALL
    partner = f.partners[0] if f.partners else ALL
    if partner != ALL and category != ALL:
        return None
    return {
        "region": f.regions[0],
        "category": category,
        "mode": mode,
        "direction": direction,
        "partner": partner,
    }
