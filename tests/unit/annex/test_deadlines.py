"""Deadlines: every wording in the tables parses to a date, 持续推进 or none."""

from __future__ import annotations

from datetime import date

import pytest

from etl.tasks.annex import (
    DATE,
    NONE,
    ONGOING,
    parse_deadline,
)

DEADLINES = {
    # every wording in the tables ...
    "持续推进": (None, ONGOING),
    "持续推动": (None, ONGOING),
    "2018年底": (date(2018, 12, 31), DATE),
    "2018年9月": (date(2018, 9, 30), DATE),
    "2019年底": (date(2019, 12, 31), DATE),
    "2019年底取得阶段性成果": (date(2019, 12, 31), DATE),
    "": (None, NONE),  # the 两江 tables have no deadline column
}


OTHER_WORDINGS = {
    # ... and wordings progress reports and later plans use
    "2019年6月底前": (date(2019, 6, 30), DATE),
    "2020年2月": (date(2020, 2, 29), DATE),
    "2017年": (date(2017, 12, 31), DATE),
    "2017年末": (date(2017, 12, 31), DATE),
    "2019年6月15日": (date(2019, 6, 15), DATE),
    " 2018年底 ": (date(2018, 12, 31), DATE),
    "长期": (None, ONGOING),
    "2019年13月": (None, NONE),
    "2019年2月30日": (None, NONE),
    "尽快": (None, NONE),
    "2018年9月启动": (None, NONE),
}


@pytest.mark.parametrize("text,expected", [*DEADLINES.items(), *OTHER_WORDINGS.items()])
def test_parse_deadline(text, expected):
    """Month → its last day, year/年底 → 31 December, 持续… → ongoing, anything else → none."""
    assert parse_deadline(text) == expected


def test_deadline_table_covers_every_wording_in_the_tables(all_items):
    """A new wording in a document fails here until it is added to the table above."""
    assert {item.deadline_text for item in all_items} == set(DEADLINES)
    for item in all_items:
        assert (item.deadline, item.deadline_kind) == DEADLINES[item.deadline_text]
