"""Numbering and areas: 40 Tianjin tasks under nine headings, 两江新区 as numbered, its policy annex."""

from __future__ import annotations

import re

from etl.tasks.annex import (
    NONE,
    parse_liangjiang_policy,
)
from tests.unit.annex.texts import main_task_headings


def test_tianjin_has_exactly_forty_tasks_under_the_nine_body_headings(tianjin, tianjin_text):
    """Tasks 1..40; area headings are the nine （一）…（九） of 二、主要任务, numbered in order."""
    assert list(tianjin) == list(range(1, 41))
    headings = main_task_headings(tianjin_text)
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
    headings = main_task_headings(liangjiang_text)
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
