"""Which complement the relation rule hides (etl.disclosure.pattern.secondary and costs): enough
for the primary cell behind it, never more; the scope's own cells are its headline figures."""

from __future__ import annotations

from etl.disclosure.pattern import PRIMARY, SECONDARY, _secondary, headline


def _key(region: str, category: str = "*", mode: str = "bop", direction: str = "*") -> tuple:
    return ("y", region, category, mode, direction, "*")


# Districts of 天津市, each a total over its categories; one district's transport is a primary
# cell worth 10, beside a business-services cell of 1,000 (its only complement in the district).
DISTRICT = _key("120101")
PRIMARY_CELL, BIG = _key("120101", "SC"), _key("120101", "SJ")
# The big complement's other relation: business services over the districts, where one district
# holds 5 and another 200.
CITY_SJ, SMALL, LARGER = _key("120000", "SJ"), _key("120102", "SJ"), _key("120103", "SJ")
VALUE = {
    DISTRICT: 1010,
    PRIMARY_CELL: 10,
    BIG: 1000,
    CITY_SJ: 1205,
    SMALL: 5,
    LARGER: 200,
}
RELATIONS = [(DISTRICT, [PRIMARY_CELL, BIG]), (CITY_SJ, [BIG, SMALL, LARGER])]


def test_cmp001_a_complement_carries_the_level_of_the_primary_cell_it_protects() -> None:
    """BIG is hidden so that the primary cell (10) can move by ±1.5; in its other relation a
    cell of 5 covers that. A share of BIG's own value (150, the rule before) took the cell of
    200, and from there chains walked up to a scope's largest categories."""
    suppressed = {PRIMARY_CELL: PRIMARY}
    need: dict = {}
    _secondary(VALUE, RELATIONS, suppressed, set(), 0.15, need=need, scope="120000")
    assert suppressed == {PRIMARY_CELL: PRIMARY, BIG: SECONDARY, SMALL: SECONDARY}
    assert need[BIG] == 1.5 and need[SMALL] == 0.75  # SMALL: its own level is less


def test_cmp002_a_complement_never_carries_more_than_its_own_level() -> None:
    """A cell hidden for a large primary cell carries no more than its own level: what the rule
    before asked of every complement (no chain grows dearer than it did)."""
    value = {**VALUE, PRIMARY_CELL: 5000, DISTRICT: 6000}
    suppressed = {PRIMARY_CELL: PRIMARY}
    need: dict = {}
    _secondary(value, RELATIONS, suppressed, set(), 0.15, need=need, scope="120000")
    assert need[BIG] == 150  # its own level, not the primary cell's 750
    assert LARGER in suppressed and SMALL not in suppressed  # 5 does not cover 150


def test_cmp003_the_scope_total_is_hidden_only_where_nothing_else_will_do() -> None:
    """A cell that drags twins along may cost more by headline weight than the scope's total;
    the total still goes last (the cards every reader opens)."""
    total, mode3 = _key("120000", mode="full"), _key("120000", mode="3")
    twin_a, twin_b = _key("120000", mode="3", direction="X"), _key("120000", "SC", "3")
    hidden = _key("120000", mode="bop")
    value = {total: 1000, mode3: 400, hidden: 600, twin_a: 400, twin_b: 400}
    relations = [
        (total, [hidden, mode3]),
        (mode3, [twin_a]),  # mode 3 is all exports: a twin
        (mode3, [twin_b]),  # and all transport: another
    ]
    suppressed = {hidden: PRIMARY}
    _secondary(value, relations, suppressed, set(), 0.15, scope="120000")
    assert mode3 in suppressed and total not in suppressed


def test_cmp004_headline_weights_are_relative_to_the_scope() -> None:
    """两江新区's own cells (500000-LJ) weigh as 天津市's (120000) do; a category group weighs
    as a main category (知识密集型 is an Overview card), above a sub-category."""
    for scope in ("120000", "500000-LJ"):
        assert headline(_key(scope), scope) == 4
        assert headline(_key(scope, "SC"), scope) == 3
        assert headline(_key(scope, "group:KIS"), scope) == 3
        assert headline(_key(scope, "SC1"), scope) == 2
    assert headline(_key("120101"), "120000") == 3  # a district
