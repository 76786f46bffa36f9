"""The parser fails loudly: conflicting deadlines, repeated numbers, unknown units."""

from __future__ import annotations

import pytest

from etl.tasks.annex import (
    parse_liangjiang,
    parse_tianjin,
)
from etl.tasks.organisations import UnknownUnit


def test_rows_of_one_task_with_different_deadlines_are_refused(tianjin_text):
    """Merging rows needs one deadline; a second one would need a rule the text does not give."""
    second_row_of_15 = "\t2018年底\n\t牵头单位：天津海关"
    assert tianjin_text.count(second_row_of_15) == 1
    with pytest.raises(ValueError, match="task 15"):
        parse_tianjin(tianjin_text.replace(second_row_of_15, "\t2019年底\n\t牵头单位：天津海关"))


def test_repeated_number_and_unknown_unit_are_refused(liangjiang_text):
    """A duplicated measure number or an unlisted unit stops the parse."""
    with pytest.raises(ValueError, match="numbers"):
        parse_liangjiang(liangjiang_text.replace("\t66．设立", "\t65．设立"))
    with pytest.raises(UnknownUnit):
        parse_liangjiang(liangjiang_text.replace("\t市统计局\t", "\t市统计署\t"))
