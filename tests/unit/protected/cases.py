"""The frames the protected-figure tests draw: a year of months, regions ranked, modes, sectors,
partners and a target's path, each with a figure hidden or not."""

from __future__ import annotations

import pandas as pd

from dashboard.pages.sectors import views as sv
from etl.evaluation.districts import TOTAL
from etl.targets.compute import Window, evaluate
from etl.targets.path import cumulative_path
from tests.unit.protected.reading import (
    E8,
    NA,
)
from tests.unit.test_mode_figures import FRAME as MODE_FRAME
from tests.unit.test_sector_figures import CATS as SECTOR_CATS
from tests.unit.test_sector_figures import FRAME as SECTOR_FRAME
from tests.unit.test_sector_figures import GROUP_WINDOWS
from tests.unit.test_targets import series


def monthly(rows: dict[int, object]) -> pd.DataFrame:
    return pd.DataFrame(
        {"period": list(rows), "amount": pd.array(list(rows.values()), dtype="Int64")}
    )


def two_years(**hidden: int) -> pd.DataFrame:
    rows: dict[int, object] = {201900 + m: E8 for m in range(1, 13)}
    rows |= {202000 + m: int(1.1 * E8) for m in range(1, 13)}
    for period in hidden.values():
        rows[period] = NA
    return monthly(rows)


def ranking(current) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["120116", "120101", "120103"],
            "name": ["滨海新区", "和平区", "河西区"],
            "current": pd.array(current, dtype="Int64"),
            "growth": pd.Series([0.1, NA, None], dtype=object),
        }
    )


def contributions(values_pp) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": [TOTAL, "120116", "120101", "120103", "120104"],
            "name_zh": ["天津市", "滨海新区", "和平区", "河西区", "南开区"],
            "name_en": ["Tianjin", "Binhai", "Heping", "Hexi", "Nankai"],
            "contribution_pp": pd.Series(values_pp, dtype=object),
        }
    )


def mode_frame(hide: tuple[int, int] | None = None) -> pd.DataFrame:
    frame = MODE_FRAME.assign(amount=MODE_FRAME["amount"].astype("Int64"))
    if hide:
        frame.loc[(frame["period"] == hide[0]) & (frame["mode"] == hide[1]), "amount"] = NA
    return frame


def matrix_input(hidden: bool) -> pd.DataFrame:
    frame = pd.DataFrame(
        [("SC", 1, 4 * E8), ("SC1", 2, 2 * E8), ("SC", 2, E8), ("SJ", 1, 3 * E8)],
        columns=["category_code", "mode", "amount"],
    )
    frame["amount"] = frame["amount"].astype("Int64")
    if hidden:
        frame.loc[1, "amount"] = NA  # SC1 in mode 2: 运输 × 模式二 is protected
    return frame


def sector_frame(hidden: bool) -> pd.DataFrame:
    frame = SECTOR_FRAME.assign(amount=SECTOR_FRAME["amount"].astype("Int64"))
    if hidden:
        frame.loc[(frame["period"] == 202001) & (frame["category_code"] == "SC1"), "amount"] = NA
    return frame


def sector_rows(hidden: bool) -> pd.DataFrame:
    return sv.sector_rows(sector_frame(hidden), SECTOR_CATS, 202001, 202001)


GROUP_NAMES = {
    "TJ_PILLAR": "天津传统支柱领域",
    "KIS": "知识密集型服务",
    "TJ_EMERGING": "天津加快发展领域",
    "TOTAL": "服务进出口总额",
}


def group_frame(hidden: bool) -> pd.DataFrame:
    """The groups' windows of test_sector_figures; hidden: 天津加快发展领域 in 2020 is C."""
    frame = GROUP_WINDOWS.astype({"amount": "object"})
    if hidden:
        frame.loc[(frame["end"] == 202001) & (frame["group"] == "TJ_EMERGING"), "amount"] = NA
    return frame


PARTNER_GROUPS = pd.DataFrame(
    {
        "code": ["ASEAN", "ASEAN", "RCEP"],
        "name_zh": ["东盟", "东盟", "RCEP成员"],
        "name_en": ["ASEAN", "ASEAN", "RCEP members"],
        "member": ["SG", "VN", "JP"],
    }
)


def partner_frame(hidden: bool) -> pd.DataFrame:
    rows = [
        (202003, "US", 300),
        (202103, "US", 200),
        (202003, "SG", 200),
        (202103, "SG", 190),
        (202103, "JP", 60),
        (202003, "VN", 100),
        (202103, "VN", 50),
    ]
    frame = pd.DataFrame(rows, columns=["period", "partner_code", "amount"])
    frame["amount"] = frame["amount"].astype("Int64")
    if hidden:
        frame.loc[(frame["period"] == 202103) & (frame["partner_code"] == "SG"), "amount"] = NA
    return frame


YEAR_2019 = Window("cy2019", "2019年", "2019", 201901, 201912, "growth")


def target_path(hidden: bool) -> pd.DataFrame:
    s = pd.concat([series(2018, 1, level=10**10), series(2019, 1, level=1.1 * 10**10)])
    s = s[s.index <= 201905].astype("Int64")
    if hidden:
        s[201903] = NA
    return cumulative_path(evaluate(YEAR_2019, s, 201905, 0.10), s, 201905)
