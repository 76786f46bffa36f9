"""A released month's suppression pattern over the linked cells of etl.disclosure.catalogue.

Inputs are enterprise-level lines of the year up to the month (as released). For the month M the
cells of two windows are computed — ``m`` (M alone; 1–2月 for February) and ``y`` (1–M月) — with
their contributor counts and two largest contributions. Primary: fewer than `min_contributors`
contributors or the two largest above `dominance_k` of the cell. Secondary: every linear relation
between cells (a node = the sum of the nodes below it, in each dimension; 1–M月 = 1–(M−1)月 + M)
holds no suppressed cell or at least two, the complement chosen to cover the protection level
(the least headline, then smallest, cell of the relation worth at least what the suppressed one
carries: `protection` × a primary cell, passed on to the complements hidden for it, never more
than a complement's own `protection` × value; the scope's totals last). The 1–(M−1)月
cells are fixed by the earlier release: their suppressions count, they are never changed.
Proven, or not, by etl.disclosure.audit.

keys holds what a cell's key is made of and why a cell is hidden; cells the cells of a month and
the primary rule; relations the relations between them; costs what hiding a cell costs; secondary
the complements and the unions' check; compute the Pattern and compute_pattern, the entry. The
names the rest of the code uses are re-exported here. Pure pandas: may import
etl.disclosure.catalogue, etl.disclosure.table and etl.filters.
"""

from __future__ import annotations

from etl.disclosure.pattern.cells import month_cells
from etl.disclosure.pattern.compute import Pattern, compute_pattern
from etl.disclosure.pattern.costs import headline, scope_total
from etl.disclosure.pattern.keys import DIMS, PREVIOUS, PRIMARY, SECONDARY
from etl.disclosure.pattern.relations import month_relations
from etl.disclosure.pattern.secondary import _secondary, union_may_fail

__all__ = [
    "DIMS",
    "PREVIOUS",
    "PRIMARY",
    "SECONDARY",
    "Pattern",
    "_secondary",
    "compute_pattern",
    "headline",
    "month_cells",
    "month_relations",
    "scope_total",
    "union_may_fail",
]
