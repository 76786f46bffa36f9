"""The entry: compute_pattern gives a month's Pattern — its cells, the primary suppressions (for
1–2月 in both windows) and the secondary ones that close every relation, the 1–(M−1)月 cells of the
earlier release fixed; Pattern.close restores the relations after the audit adds suppressions."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from etl.disclosure.catalogue import Hierarchy, twin_window
from etl.disclosure.pattern.cells import _stats, cell_keys, primary
from etl.disclosure.pattern.keys import PREVIOUS, PRIMARY
from etl.disclosure.pattern.relations import month_relations
from etl.disclosure.pattern.secondary import _secondary
from etl.disclosure.table import DisclosureRule


@dataclass
class Pattern:
    """The month's cells (key columns, value, n, top2) and the suppressed ones with why."""

    cells: pd.DataFrame  # window, region, category, mode, direction, partner, value, n, top2
    suppressed: dict[tuple, str]  # (window, region, category, mode, direction, partner) -> why
    value: dict[tuple, int]
    relations: list[tuple[tuple, list[tuple]]]
    fixed: set[tuple]
    protection: float
    rule: DisclosureRule | None = None  # None: no union check (the relation rule alone)
    # what each complement must carry (cents): the level of the primary cells it was hidden for
    need: dict[tuple, float] = field(default_factory=dict)
    scope: str | None = None  # the region of the headline figures

    def close(self) -> None:
        """Restore every relation after suppressions were added from outside (the audit)."""
        stats = _stats(self.cells) if self.rule is not None else {}
        _secondary(
            self.value,
            self.relations,
            self.suppressed,
            self.fixed,
            self.protection,
            stats,
            self.rule,
            self.need,
            self.scope,
        )


def compute_pattern(
    cells: pd.DataFrame,
    hierarchy: Hierarchy,
    scope: str,
    month: int,
    fixed_suppressed: set[tuple],
    rule: DisclosureRule,
    protection: float,
) -> Pattern:
    """Primary and secondary suppressions of a month's cells.

    fixed_suppressed: keys (region, category, mode, direction, partner) of the 1–(M−1)月 cells
    the earlier release suppressed (empty for February: 1–2月 is the first cell of a year).
    """
    value, relations = month_relations(cells, hierarchy, month)
    suppressed: dict[tuple, str] = {}
    for key in cell_keys(cells[primary(cells, rule)]):
        suppressed[key] = PRIMARY
    if month % 100 == 2:  # 1–2月: the month and the year so far are the same cell
        for key in list(suppressed):
            suppressed[(twin_window(key[0]), *key[1:])] = PRIMARY
    fixed = {(PREVIOUS, *k) for k in fixed_suppressed}
    pattern = Pattern(cells, suppressed, value, relations, fixed, protection, rule, scope=scope)
    pattern.close()
    return pattern
