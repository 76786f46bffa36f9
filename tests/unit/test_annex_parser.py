"""The annex parser reads the policy documents' task tables as written; the seeds are its output."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from datetime import date

import pytest

from etl.settings import PROJECT_ROOT
from etl.tasks.annex import (
    DATE,
    NONE,
    ONGOING,
    parse_deadline,
    parse_documents,
    parse_liangjiang,
    parse_liangjiang_policy,
    parse_tianjin,
)
from etl.tasks.organisations import (
    ORGANISATIONS,
    UnknownUnit,
    is_group,
    normalise_unit,
    split_units,
)

DOCS = PROJECT_ROOT / "seeds" / "policy_documents"
SEEDS = PROJECT_ROOT / "seeds"
SHARED = PROJECT_ROOT.parent / "shared" / "seeds"


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tianjin_text():
    return _read("tianjin_2018.txt")


@pytest.fixture(scope="module")
def liangjiang_text():
    return _read("liangjiang_2016.txt")


@pytest.fixture(scope="module")
def tianjin(tianjin_text):
    return {item.number: item for item in parse_tianjin(tianjin_text)}


@pytest.fixture(scope="module")
def liangjiang(liangjiang_text):
    return {item.number: item for item in parse_liangjiang(liangjiang_text)}


@pytest.fixture(scope="module")
def all_items(tianjin_text, liangjiang_text):
    return parse_documents({"tianjin": tianjin_text, "liangjiang": liangjiang_text})


def _main_task_headings(text: str) -> list[str]:
    """The （一）（二）… headings of section 二、主要任务 of a plan's body."""
    body = text.split("二、主要任务", 1)[1].split("三、", 1)[0]
    return re.findall(r"^\s*（[一二三四五六七八九十]）(.+?)。", body, flags=re.M)


def _raw_unit_cells(tianjin_text: str, liangjiang_text: str) -> list[tuple[str, str]]:
    """Every unit cell of both tables, read from the raw text without the parser."""
    cells = [
        ("tianjin", m[1])
        for m in re.finditer(r"(?:牵头单位|配合单位|配合部门)：(.*)", tianjin_text)
    ]
    for line in liangjiang_text.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and re.match(r"\d+．", parts[1]):
            cells += [("liangjiang", parts[2]), ("liangjiang", parts[3])]
    return cells


# ---------------------------------------------------------------- numbering and areas


def test_tianjin_has_exactly_forty_tasks_under_the_nine_body_headings(tianjin, tianjin_text):
    """Tasks 1..40; area headings are the nine （一）…（九） of 二、主要任务, numbered in order."""
    assert list(tianjin) == list(range(1, 41))
    headings = _main_task_headings(tianjin_text)
    assert len(headings) == 9
    assert {(i.area_no, i.area) for i in tianjin.values()} == set(enumerate(headings, start=1))
    assert [i.area_no for i in tianjin.values()] == sorted(i.area_no for i in tianjin.values())
    assert tianjin[28].area == "进一步健全统计体系" and tianjin[28].area_no == 7


def test_liangjiang_numbers_are_what_the_text_has_64_is_missing(liangjiang, liangjiang_text):
    """附件1 jumps from 63 to 65: 67 measures, none repeated; 64 is not made up."""
    annex1 = liangjiang_text.split("附件1", 1)[1].split("附件2", 1)[0]
    written = [int(n) for n in re.findall(r"^[^\t]*\t(\d+)．", annex1, flags=re.M)]
    assert written == [*range(1, 64), *range(65, 69)]
    assert list(liangjiang) == written
    assert 64 not in liangjiang and len(liangjiang) == 67


def test_liangjiang_areas_are_the_five_body_headings(liangjiang, liangjiang_text):
    """ "一、大力培育服务贸易市场主体" → area_no 1 and the heading without its numeral."""
    headings = _main_task_headings(liangjiang_text)
    assert {(i.area_no, i.area) for i in liangjiang.values()} == set(enumerate(headings, start=1))
    assert liangjiang[12].area_no == 1 and liangjiang[13].area_no == 2
    assert liangjiang[54].area_no == 4 and liangjiang[55].area_no == 5
    assert liangjiang[68].area == "创新服务贸易发展体制机制"


def test_liangjiang_policy_annex_is_nine_numbered_policies(liangjiang_text):
    """附件2: 序号 1..9, 政策措施 as text, 主要内容 (with second paragraphs) as measures."""
    items = parse_liangjiang_policy(liangjiang_text)
    assert [i.number for i in items] == list(range(1, 10))
    assert [i.text for i in items] == [
        "管理体制创新",
        "建立协调机制",
        "拟开放领域",
        "财政支持",
        "投融资支持",
        "金融创新",
        "便利化措施",
        "统计创新",
        "公共服务平台建设",
    ]
    assert items[5].measures.count("\n") == 1
    assert items[5].measures.endswith("推出创新金融产品和服务。")
    assert items[6].measures.split("\n")[1].startswith("坚持以贸易便利为重点")
    assert items[7].measures.startswith("与市统计局合作研究编制两江新区现代服务业统计体系")
    assert all(
        i.document == "liangjiang_policy"
        and i.area_no is None
        and i.deadline_kind == NONE
        and not i.lead_units
        and not i.cooperating_units
        for i in items
    )


# ---------------------------------------------------------------- spot checks against the text

# Unit lists are written as in pilot_tasks.csv: canonical names joined with "；".
TIANJIN_SPOTS = {
    # number: (phrase of 具体内容, phrase of 工作举措, deadline as written, parsed, lead, coop)
    1: ("跨部门统筹协调决策机制", "统一框架下", "持续推进", None,
        "天津市商务委", "天津市服务贸易联席会议成员单位"),
    3: ("分阶段推出开放便利举措", "负面清单管理制度", "持续推动", None,
        "天津市发展改革委；天津市商务委", "天津市各相关单位"),
    6: ("扩大新兴服务业双向开放", "中外合资银行", "2018年9月", date(2018, 9, 30),
        "天津银监局", "天津市金融局；天津自贸试验区管委会"),
    7: ("服务贸易招商引资工作", "良性循环机制", "持续推进", None,
        "天津市商务委；天津市发展改革委；天津市合作交流办；天津市投资办",
        "天津市各区人民政府；滨海新区各功能区管委会；天津市服务贸易联席会议成员单位"),
    9: ("服务贸易境外促进中心", "出版物进出口平台", "2019年底取得阶段性成果",
        date(2019, 12, 31), "天津市商务委", "天津市出版局；天津市文化广播影视局"),
    14: ("服务贸易数字化", "数字产品贸易监管模式", "2018年底", date(2018, 12, 31),
         "天津市商务委；天津海关", ""),
    15: ("海关特殊监管区域政策优势", "先理货后报关", "2018年底", date(2018, 12, 31),
         "天津市商务委；天津海关",
         "天津市国资委；天津市各相关单位；天津市各区人民政府；滨海新区各功能区管委会；"
         "滨海新区人民政府"),
    19: ("境外专业人才流动机制", "职业资格国际互认", "2018年底", date(2018, 12, 31),
         "滨海新区人民政府；天津港东疆片区办事处；天津机场片区办事处；滨海新区中心商务片区办事处",
         "天津市人力社保局；天津市公安局；天津市各相关单位"),
    37: ("国际贸易“单一窗口”", "技术贸易、服务外包、维修服务", "2019年底", date(2019, 12, 31),
         "天津市口岸办", "天津市商务委；天津市各相关单位"),
    40: ("冷链物流的国际化发展", "环渤海国际冻品交易中心", "持续推进", None,
         "天津市商务委；天津市口岸办；天津海关；滨海新区人民政府；天津港集团；天津滨海国际机场",
         "天津市交通运输委；天津市各相关单位"),
}  # fmt: skip


@pytest.mark.parametrize("number", TIANJIN_SPOTS)
def test_tianjin_spot_checks(tianjin, number):
    """Ten tasks read by eye from the table: text, measures, deadline, lead, cooperating."""
    phrase, measure, written, parsed, lead, coop = TIANJIN_SPOTS[number]
    item = tianjin[number]
    assert phrase in item.text and measure in item.measures
    assert item.deadline_text == written and item.deadline == parsed
    assert item.deadline_kind == (DATE if parsed else ONGOING)
    assert "；".join(item.lead_units) == lead and "；".join(item.cooperating_units) == coop


def test_tianjin_tasks_spread_over_rows_are_merged(tianjin):
    """Tasks 1, 7 and 15 have two rows: both measures kept in order, units of both rows."""
    multi = {n for n, item in tianjin.items() if "\n" in item.measures}
    assert multi == {1, 7, 15}
    first, second = tianjin[15].measures.split("\n")
    assert first.startswith("鼓励企业建设出口产品")
    assert second.startswith("在符合相关监管政策前提下")
    # row 2 of task 15 names 市商务委 as cooperating; it leads row 1, so it stays a lead only
    assert "天津市商务委" in tianjin[15].lead_units
    assert "天津市商务委" not in tianjin[15].cooperating_units


LIANGJIANG_SPOTS = {
    # number: (phrase of 具体工作措施, lead, cooperating = 责任部门 without the lead)
    1: ("降低服务贸易企业的融资和物流成本", "中新示范项目管理局",
        "两江新区管委会；重庆市金融办；重庆市经济信息委"),
    3: ("打造适合服务贸易发展的生态和人文环境", "两江新区管委会",
        "两江新区服务贸易创新发展试点联席会议成员单位"),
    8: ("形成专业服务产业楼宇群", "重庆市外经贸委", "两江新区管委会；重庆市科委；重庆市级有关部门"),
    9: ("基地化布局、集群化发展、垂直化整合", "两江新区管委会", ""),
    18: ("惠普、APL等跨国企业", "人行重庆营管部",
         "两江新区管委会；重庆市经济信息委；重庆市外经贸委"),
    39: ("构建文化保税贸易创新平台", "重庆市文化委", "两江新区管委会；两路寸滩保税港区管委会"),
    44: ("体育产业等领域重点企业", "重庆市外经贸委",
         "两江新区管委会；重庆市发展改革委；重庆市金融办；重庆市商委；重庆市级有关部门"),
    55: ("口岸监管、外汇结算、投融资、信息平台", "重庆市政府口岸办",
         "人行重庆营管部；重庆市金融办；重庆海关；重庆检验检疫局"),
    63: ("统计数据直报制度", "重庆市统计局", "两江新区管委会；重庆市外经贸委"),
    65: ("联席会议办公室设在市外经贸委", "重庆市外经贸委", "两江新区管委会"),
}  # fmt: skip


@pytest.mark.parametrize("number", LIANGJIANG_SPOTS)
def test_liangjiang_spot_checks(liangjiang, number):
    """Ten measures read by eye: text without its number, no deadline column, units."""
    phrase, lead, coop = LIANGJIANG_SPOTS[number]
    item = liangjiang[number]
    assert phrase in item.text and not re.match(r"\d", item.text)
    assert item.measures == "" and item.deadline_text == ""
    assert item.deadline is None and item.deadline_kind == NONE
    assert "；".join(item.lead_units) == lead and "；".join(item.cooperating_units) == coop


# ---------------------------------------------------------------- deadlines

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


# ---------------------------------------------------------------- units and organisations


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
    cells = _raw_unit_cells(tianjin_text, liangjiang_text)
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


# ---------------------------------------------------------------- the parser fails loudly


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


# ---------------------------------------------------------------- the committed seeds


def test_committed_csvs_are_what_the_script_writes_now(tmp_path):
    """scripts/parse_annexes.py on the repository copies writes both seed files byte for byte."""
    script = PROJECT_ROOT / "scripts" / "parse_annexes.py"
    subprocess.run(
        [sys.executable, str(script), str(DOCS), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    for name in ("pilot_tasks.csv", "organisations.csv"):
        assert (tmp_path / name).read_bytes() == (SEEDS / name).read_bytes(), name


def test_pilot_tasks_csv_rows(all_items):
    """One row per item, in document then number order, lists joined with "；"."""
    with (SEEDS / "pilot_tasks.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["document"], int(r["number"])) for r in rows] == [
        (i.document, i.number) for i in all_items
    ]
    assert [r["document"] for r in rows].count("tianjin") == 40
    row = next(r for r in rows if r["document"] == "tianjin" and r["number"] == "25")
    assert row["deadline"] == "2018-12-31" and row["deadline_kind"] == "date"
    assert row["lead_units"] == "天津市商务委；天津市财政局；中国出口信用保险公司天津分公司"
    assert row["cooperating_units"] == "天津保监局；天津市金融局"


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared/seeds next to the project")
def test_repository_copies_are_the_shared_documents():
    """The copies under seeds/policy_documents are byte-identical to the documents they copy."""
    for copy, original in [
        ("tianjin_2018.txt", "000_d5aede44cc1d1e58.txt"),
        ("liangjiang_2016.txt", "002_14e778ad91f9879f.txt"),
    ]:
        assert (DOCS / copy).read_bytes() == (SHARED / original).read_bytes(), copy
