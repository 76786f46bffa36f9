"""Spot checks of parsed tasks against the text, and tasks spread over rows merged."""

from __future__ import annotations

import re
from datetime import date

import pytest

from etl.tasks.annex import (
    DATE,
    NONE,
    ONGOING,
)

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
