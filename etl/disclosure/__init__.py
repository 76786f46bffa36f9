"""Statistical disclosure control (统计法: no single enterprise's figure read or inferred).

Owns: `table` (primary and secondary suppression of one table with its margins: the snapshot's
tables), `catalogue` (the cells a role without enterprise-level rights may ask for, and the node
of each dimension a read's row belongs to), `pattern` (a released month's suppression pattern
over those linked cells; a package: keys, cells, relations, costs, secondary, compute), the
release-time audit — `attacker` (the year's released months as one system), `pins` and `bounds`
(the hidden cells it fixes exactly, by sparse linear algebra, and those it narrows, by the
shuttle algorithm), `intervals` (those its linear program narrows: every primary cell, with few
LPs; `twins`, the cells it decides together; `nearby`, narrow proven by the relations near a
cell; `beside`, its second side in a process of its own), `exact` (the repair of a month's
pattern until none is: at every release), `picks` and `checked` (the figures the repair hides)
—, `audit` (the attacker's linear-programming audit of a pattern), `store` (computing a
release's patterns, and writing them beside it), `apply` and `spans` (applying a stored pattern
to a read's rows, and the sums over months its published cells fix: pure, the query layer calls
them). May import etl.models, etl.queries, etl.filters, etl.periods and etl.settings; never the
dashboard.
"""

from etl.disclosure.table import (
    OK,
    PRIMARY,
    SECONDARY,
    TOTAL,
    DisclosureRule,
    cell_stats,
    primary_sensitive,
    protect_table,
    published,
    rule_from,
)

__all__ = [
    "OK",
    "PRIMARY",
    "SECONDARY",
    "TOTAL",
    "DisclosureRule",
    "cell_stats",
    "primary_sensitive",
    "protect_table",
    "published",
    "rule_from",
]
