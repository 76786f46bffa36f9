"""The union rule of the suppression pattern: a relation's hidden cells, as a whole, pass the
primary rules (else a contributor to one of them learns the others: the singleton problem)."""

from __future__ import annotations

from etl.disclosure.pattern import PRIMARY, _secondary, union_may_fail
from etl.disclosure.table import DisclosureRule

RULE = DisclosureRule()
P, A, B, C = (("y", r, "*", "bop", "*", "*") for r in ("120000", "120101", "120102", "120103"))
VALUE = {P: 1000, A: 100, B: 130, C: 770}
STATS = {P: (7, 300), A: (1, 100), B: (1, 130), C: (5, 300)}  # A and B: one enterprise each


def _pattern(rule):
    suppressed = {A: PRIMARY, B: PRIMARY}
    _secondary(VALUE, [(P, [A, B, C])], suppressed, set(), 0.15, STATS, rule)
    return suppressed


def test_two_singletons_hidden_under_a_shown_total_take_a_third() -> None:
    """Without the rule A's owner reads B as P − C − A; with it C is hidden too."""
    assert C not in _pattern(None)
    assert C in _pattern(RULE)


def test_union_checks_threshold_and_dominance_from_counts_and_top_two() -> None:
    assert union_may_fail([A, B], VALUE, STATS, RULE)  # at most 2 enterprises
    assert not union_may_fail([B, C], VALUE, STATS, RULE)  # ≥ 5, top two ≤ 430 of 900
    dominated = {B: (3, 125), C: (4, 700)}
    assert union_may_fail([B, C], VALUE, dominated, RULE)  # top two ≤ 825 of 900: may dominate
    assert union_may_fail([("p", *P[1:]), C], VALUE, STATS, RULE)  # an earlier cell: no counts
