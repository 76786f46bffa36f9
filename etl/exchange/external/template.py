"""The template of a file of published totals: an empty 数据 sheet and the notes on each column."""

from __future__ import annotations

import pandas as pd

from etl.exchange.external.vocabulary import COLUMNS, REQUIRED, UNITS
from etl.intake.read import DATA_SHEET

HELP_SHEET = "填写说明"
# column key -> (required, what may be written, an example), for the template's notes
_NOTES = {
    "source": (
        "国家外汇管理局 / 商务部 / 统计局（SAFE_BOP, MOFCOM, CITY_STATS）",
        "商务部",
    ),
    "area": (
        "地区代码或名称（天津市、120000、两江新区 …）用于对比；全国或其他试点地区名称仅用于增长对标"
        " / a region code or name; 全国 or another pilot region for benchmarking",
        "天津市",
    ),
    "period": (
        "2021-06、2021年6月、2021年1-6月、2021-01~2021-06 或 2021（不超过12个月）"
        " / a month, 1–N月, a range or a year (at most 12 months)",
        "2021年1-6月",
    ),
    "scope": ("国际收支口径 / 全口径（bop / full）", "国际收支口径"),
    "direction": ("出口 / 进口 / 进出口（X / M / XM）", "进出口"),
    "category": (
        "空 = 全部服务；或12大类代码（SA–SL）或名称 / empty = all services, or a main EBOPS code",
        "SC",
    ),
    "amount": (
        "按公布数原样填写的数字，最小单位为分 / the published number as written",
        "420.5",
    ),
    "unit": (f"{' / '.join(UNITS)}", "亿元"),
    "growth": ("公布的同比增速，百分数（可空） / the published growth in % (optional)", "12.3"),
}


def template_sheets() -> dict[str, pd.DataFrame]:
    """The template of a file of published totals: an empty 数据 sheet with the columns the
    loader expects (the first heading of each), and notes on what each column takes. The
    examples stay on the notes sheet, so the template loaded as it is loads nothing."""
    columns = [COLUMNS[k][0] for k in COLUMNS]
    notes = pd.DataFrame(
        [
            {
                "列 column": COLUMNS[key][0],
                "必填 required": "是 yes" if key in REQUIRED else "否 no",
                "填写内容 values": _NOTES[key][0],
                "示例 example": _NOTES[key][1],
            }
            for key in COLUMNS
        ]
        + [
            {
                "列 column": "",
                "必填 required": "",
                "填写内容 values": "整个文件通过校验才导入，任何一行有误则不导入任何数据；同一来源、地区、"
                "期间、口径、方向、类别的公布数再次导入时替换原值。 / A file loads only when "
                "every row is valid; a figure published again replaces the earlier one.",
                "示例 example": "",
            }
        ]
    )
    return {DATA_SHEET: pd.DataFrame(columns=columns), HELP_SHEET: notes}
