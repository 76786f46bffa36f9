"""The snapshot's 总体 table: total, exports, imports and balance, month and year to date."""

from __future__ import annotations

import pandas as pd

from etl.disclosure import TOTAL
from etl.snapshot.breakdowns import cell, in_window, yoy
from etl.snapshot.forced import forced_cells
from etl.snapshot.protect import ATOM, DIRECTION, KEY, Protected, protect_with_groups
from etl.snapshot.types import C, Column, Table

HEADLINE_COLUMNS = [
    Column("name", "指标", "text"),
    Column("month", "当月（亿美元）", "usd"),
    Column("month_yoy", "当月同比（%）", "pct"),
    Column("ytd", "累计（亿美元）", "usd"),
    Column("ytd_yoy", "累计同比（%）", "pct"),
    Column("ytd_base", "上年同期累计（亿美元）", "usd"),
]


def headline_table(meta, bop, rule, ytd: Protected, ytd_base: Protected, stored: dict) -> Table:
    """总体: total, exports, imports and balance for the month and 1–M月累计, with 同比;
    stored: cur/base -> the month window's keys the stored pattern hides."""
    start = meta.month - 1 if meta.month_label == "1–2月" else meta.month
    one = bop.assign(**{KEY: "ALL", ATOM: "ALL"})
    month, month_base = (
        protect_with_groups(
            in_window(one, a, b)
            .groupby([KEY, ATOM, DIRECTION, "uscc"], as_index=False)["amount"]
            .sum(),
            rule,
            force=forced_cells("headline", [], meta.region_code, stored[window]),
        )
        for window, (a, b) in (
            ("cur", (start, meta.month)),
            ("base", (start - 100, meta.month - 100)),
        )
    )
    labels = {TOTAL: "服务进出口总额", "X": "出口", "M": "进口"}
    records = []
    for col, label in labels.items():
        m, mb = cell(month, TOTAL, col), cell(month_base, TOTAL, col)
        y, yb = cell(ytd, TOTAL, col), cell(ytd_base, TOTAL, col)
        records.append(
            {
                "name": label,
                "indent": 0,
                "key": col,
                "month": m,
                "month_yoy": yoy(m, mb),
                "ytd": y,
                "ytd_yoy": yoy(y, yb),
                "ytd_base": yb,
            }
        )
    x, mm = records[1], records[2]
    balance = {
        "name": "贸易差额（出口−进口）",
        "indent": 0,
        "key": "balance",
        "month_yoy": None,
        "ytd_yoy": None,
    }
    for k in ("month", "ytd", "ytd_base"):
        balance[k] = C if C in (x[k], mm[k]) else x[k] - mm[k]
    records.append(balance)
    notes = [
        f"当月为{meta.month_label}；累计为{meta.ytd_label}；同比按上年同期（同口径，按本期数据"
        "版本中的上年数据）计算。",
        "贸易差额为负表示逆差。",
    ]
    if meta.month_label == "1–2月":
        notes.append("1、2月合并发布（1–2月）。")
    return Table(
        "总体", f"{meta.ytd_label}服务贸易总体情况", HEADLINE_COLUMNS, pd.DataFrame(records), notes
    )
