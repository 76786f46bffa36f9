"""Responsible units: the cell conventions, every unit an organisation, groups and namesakes."""

from __future__ import annotations

import csv

import pytest

from etl.tasks.organisations import (
    ORGANISATIONS,
    UnknownUnit,
    is_group,
    normalise_unit,
    split_units,
)
from tests.unit.annex.texts import (
    SEEDS,
    raw_unit_cells,
)


def test_split_units_reads_the_cell_conventions():
    """、，, separate; "按职责分工负责" is dropped; "X等相关单位" and "A及B" give two names."""
    assert split_units("市商务委、") == ["市商务委"]
    assert split_units("市发展改革委、市商务委、市合作交流办、市投资办按职责分工负责") == [
        "市发展改革委",
        "市商务委",
        "市合作交流办",
        "市投资办",
    ]
    assert split_units("市国资委等相关单位，各区及各功能区") == [
        "市国资委",
        "相关单位",
        "各区",
        "各功能区",
    ]
    assert split_units("两江新区管委会、市商委等市级有关部门") == [
        "两江新区管委会",
        "市商委",
        "市级有关部门",
    ]
    assert split_units("自贸试验区管委会 ") == ["自贸试验区管委会"]


@pytest.fixture(scope="module")
def organisations_csv():
    with (SEEDS / "organisations.csv").open(encoding="utf-8", newline="") as f:
        return {row["name"]: row for row in csv.DictReader(f)}


def test_every_unit_string_in_both_tables_is_an_organisation(
    tianjin_text, liangjiang_text, organisations_csv
):
    """Each name of each unit cell normalises to a row of organisations.csv listing that alias."""
    cells = raw_unit_cells(tianjin_text, liangjiang_text)
    # Tianjin: 43 rows, each with a 牵头 cell, 38 with a 配合 cell; 两江: 67 rows of two cells
    assert len(cells) == 43 + 38 + 2 * 67
    for document, cell in cells:
        for written in split_units(cell):
            row = organisations_csv[normalise_unit(written, document)]
            assert written in row["aliases"].split("；")
            assert document in row["documents"].split("；")


def test_organisations_csv_lists_the_table_and_every_entry_is_used(all_items, organisations_csv):
    """No organisation or alias that the tables do not use; names unique; kinds unit|group."""
    assert list(organisations_csv) == [org.name for org in ORGANISATIONS]
    used = {u for item in all_items for u in item.lead_units + item.cooperating_units}
    assert used == set(organisations_csv)
    assert {row["kind"] for row in organisations_csv.values()} == {"unit", "group"}
    groups = {name for name, row in organisations_csv.items() if row["kind"] == "group"}
    assert groups == {name for name in organisations_csv if is_group(name)}
    assert groups == {
        "天津市服务贸易联席会议成员单位",
        "天津市各相关单位",
        "天津市各区人民政府",
        "滨海新区各功能区管委会",
        "两江新区服务贸易创新发展试点联席会议成员单位",
        "重庆市级有关部门",
    }


def test_joint_conference_members_are_a_group_in_each_city():
    """联席会议成员单位 is a group; Tianjin's and 两江's conferences are different bodies."""
    tianjin = normalise_unit("市服务贸易联席会议成员单位", "tianjin")
    liangjiang = normalise_unit("联席会议各成员单位", "liangjiang")
    assert is_group(tianjin) and is_group(liangjiang) and tianjin != liangjiang


def test_same_written_name_in_two_cities_is_two_organisations():
    """ "市财政局" of the Tianjin plan is not "市财政局" of the Chongqing plan."""
    assert normalise_unit("市财政局", "tianjin") == "天津市财政局"
    assert normalise_unit("市财政局", "liangjiang") == "重庆市财政局"
    assert normalise_unit("市经济信息委（市物流办）", "liangjiang") == "重庆市经济信息委"


@pytest.mark.parametrize(
    "name,document",
    [("市商委", "tianjin"), ("市商务委", "liangjiang"), ("市商务局", "tianjin"), ("", "tianjin")],
)
def test_unknown_units_are_refused(name, document):
    """A name the table does not list for that city is an error, not a new organisation."""
    with pytest.raises(UnknownUnit):
        normalise_unit(name, document)
