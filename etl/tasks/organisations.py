"""The organisations named in the annexes' unit cells: one canonical name per body, per city."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The two documents are issued by different municipal governments, so "市财政局" in the Tianjin
# table and "市财政局" in the 两江 table are different bodies: every name is read in its city.
CITY_OF_DOCUMENT = {"tianjin": "天津", "liangjiang": "重庆", "liangjiang_policy": "重庆"}

UNIT, GROUP = "unit", "group"

_SEPARATORS = re.compile(r"[、，,]")
# "X等相关单位" / "X等市级有关部门": the unit X plus an open-ended group of other units.
_AND_OTHERS = re.compile(r"^(.+?)等(相关单位|市级有关部门)$")
# Said of joint leads ("each for its own remit"): a note on the cell, not part of any name.
_OWN_REMIT = "按职责分工负责"


@dataclass(frozen=True)
class Organisation:
    """A body (unit) or an open-ended set of bodies (group) that a task names."""

    city: str
    name: str
    kind: str
    aliases: tuple[str, ...]  # the names as the tables write them


def _org(city: str, name: str, *aliases: str, kind: str = UNIT) -> Organisation:
    return Organisation(city, name, kind, aliases)


# Canonical name rule: the name as written, except that a name which does not say its place
# ("市商务委", "自贸试验区管委会", "各相关单位") gets the place of the document that names it.
# Aliases are only the spellings the two tables use; nothing here is inferred from outside them.
ORGANISATIONS: tuple[Organisation, ...] = (
    # Tianjin (天津市深化服务贸易创新发展试点实施方案, 2018)
    _org("天津", "天津市商务委", "市商务委"),
    _org("天津", "天津市发展改革委", "市发展改革委"),
    _org("天津", "天津市司法局", "市司法局"),
    _org("天津", "天津市金融局", "市金融局"),
    _org("天津", "天津市合作交流办", "市合作交流办"),
    _org("天津", "天津市投资办", "市投资办"),
    _org("天津", "天津市工业和信息化委", "市工业和信息化委"),
    _org("天津", "天津市知识产权局", "市知识产权局"),
    _org("天津", "天津市出版局", "市出版局"),
    _org("天津", "天津市文化广播影视局", "市文化广播影视局"),
    _org("天津", "天津市贸促会", "市贸促会"),
    _org("天津", "天津市交通运输委", "市交通运输委"),
    _org("天津", "天津市口岸办", "市口岸办"),
    _org("天津", "天津市国资委", "市国资委"),
    _org("天津", "天津市科委", "市科委"),
    _org("天津", "天津市公安局", "市公安局"),
    _org("天津", "天津市人力社保局", "市人力社保局"),
    _org("天津", "天津市旅游局", "市旅游局"),
    _org("天津", "天津市财政局", "市财政局"),
    _org("天津", "天津市税务局", "市税务局"),
    _org("天津", "天津市统计局", "市统计局"),
    _org("天津", "天津市教委", "市教委"),
    _org("天津", "天津市市场监管委", "市市场监管委"),
    # 中国（天津）自由贸易试验区, as the plan's text names it
    _org("天津", "天津自贸试验区管委会", "自贸试验区管委会"),
    _org("天津", "天津银监局", "天津银监局"),
    _org("天津", "天津保监局", "天津保监局"),
    _org("天津", "天津证监局", "天津证监局"),
    _org("天津", "人民银行天津分行", "人民银行天津分行"),
    _org("天津", "中国出口信用保险公司天津分公司", "中国出口信用保险公司天津分公司"),
    _org("天津", "天津海关", "天津海关"),
    _org("天津", "天津海事局", "天津海事局"),
    _org("天津", "天津边检总站", "天津边检总站"),
    _org("天津", "天津港集团", "天津港集团"),
    _org("天津", "天津滨海国际机场", "天津滨海国际机场"),
    _org("天津", "东丽区人民政府", "东丽区人民政府"),
    _org("天津", "滨海新区人民政府", "滨海新区人民政府"),
    _org("天津", "东疆保税港区管委会", "东疆保税港区管委会"),
    _org("天津", "天津港东疆片区办事处", "天津港东疆片区办事处"),
    _org("天津", "天津机场片区办事处", "天津机场片区办事处"),
    _org("天津", "滨海新区中心商务片区办事处", "滨海新区中心商务片区办事处"),
    _org("天津", "天津市服务贸易联席会议成员单位", "市服务贸易联席会议成员单位", kind=GROUP),
    _org("天津", "天津市各相关单位", "各相关单位", "相关单位", kind=GROUP),
    _org("天津", "天津市各区人民政府", "各区人民政府", "各区", kind=GROUP),
    _org("天津", "滨海新区各功能区管委会", "滨海新区各功能区管委会", "各功能区", kind=GROUP),
    # Chongqing (重庆两江新区服务贸易创新发展试点实施方案, 2016)
    _org("重庆", "重庆市外经贸委", "市外经贸委"),
    _org("重庆", "重庆市商委", "市商委"),
    _org("重庆", "重庆市发展改革委", "市发展改革委"),
    # the table writes the commission once with its logistics office in brackets, once without
    _org("重庆", "重庆市经济信息委", "市经济信息委", "市经济信息委（市物流办）"),
    _org("重庆", "重庆市金融办", "市金融办"),
    _org("重庆", "重庆市科委", "市科委"),
    _org("重庆", "重庆市文化委", "市文化委"),
    _org("重庆", "重庆市贸促会", "市贸促会"),
    _org("重庆", "重庆市交委", "市交委"),
    _org("重庆", "重庆市通信管理局", "市通信管理局"),
    _org("重庆", "重庆市卫生计生委", "市卫生计生委"),
    _org("重庆", "重庆市财政局", "市财政局"),
    _org("重庆", "重庆市国税局", "市国税局"),
    _org("重庆", "重庆市知识产权局", "市知识产权局"),
    _org("重庆", "重庆市统计局", "市统计局"),
    _org("重庆", "重庆市政府口岸办", "市政府口岸办"),
    _org("重庆", "两江新区管委会", "两江新区管委会"),
    _org("重庆", "中新示范项目管理局", "中新示范项目管理局"),
    # the only 保税港区 of the 两江 plan is 两路寸滩保税港区 (tasks 5 and 17)
    _org("重庆", "两路寸滩保税港区管委会", "保税港区管委会"),
    _org("重庆", "重庆海关", "重庆海关"),
    _org("重庆", "重庆检验检疫局", "重庆检验检疫局"),
    _org("重庆", "重庆证监局", "重庆证监局"),
    _org("重庆", "人行重庆营管部", "人行重庆营管部"),
    # the 联席会议 of the 两江 plan is the one task 65 sets up
    _org("重庆", "两江新区服务贸易创新发展试点联席会议成员单位", "联席会议各成员单位", kind=GROUP),
    _org("重庆", "重庆市级有关部门", "市级有关部门", kind=GROUP),
)

_BY_ALIAS: dict[tuple[str, str], Organisation] = {
    (org.city, alias): org for org in ORGANISATIONS for alias in org.aliases
}
_BY_NAME: dict[str, Organisation] = {org.name: org for org in ORGANISATIONS}


class UnknownUnit(ValueError):
    """A unit name that the organisation table does not list for the document's city."""


def split_units(cell: str) -> list[str]:
    """Split a unit cell into the unit names as written ("A、B等相关单位" -> A, B, 相关单位)."""
    names: list[str] = []
    for piece in _SEPARATORS.split(cell.replace(_OWN_REMIT, "")):
        piece = piece.strip()
        m = _AND_OTHERS.match(piece)
        parts = [m.group(1), m.group(2)] if m else [piece]
        # "各区及各功能区", "市科委及市级有关部门": 及 joins two names in one piece
        names.extend(p.strip() for part in parts for p in part.split("及"))
    return [n for n in names if n]


def normalise_unit(name: str, document: str) -> str:
    """The canonical organisation name for a unit name as written in `document`'s table."""
    org = _BY_ALIAS.get((CITY_OF_DOCUMENT[document], name.strip()))
    if org is None:
        raise UnknownUnit(f"{document}: unit {name!r} is not in the organisation table")
    return org.name


def is_group(name: str) -> bool:
    """True when the canonical name stands for an open-ended set of bodies, not one body."""
    return _BY_NAME[name].kind == GROUP
