"""A valid report row, frame and registry, and validation with the seeds' reference codes: what the
validation tests change one thing of."""

import datetime as dt

import pandas as pd

from etl.intake.schemas import REPORT_COLUMNS
from etl.intake.uscc import check_character, complete_uscc
from etl.intake.validate import RegistryFacts, validate_report
from etl.reference import reference_from_seeds
from etl.settings import PROJECT_ROOT

REF = reference_from_seeds(PROJECT_ROOT / "seeds")
TODAY = dt.date(2022, 6, 30)
HEADER = {c.key: c.header_zh for c in REPORT_COLUMNS}
KEYS = [c.key for c in REPORT_COLUMNS]
U1 = complete_uscc("91120116MA05K3T1")  # registered in 滨海新区
U2 = complete_uscc("91120103MA06B2C8")  # registered in 河西区
_ORG17 = "91120103MA0AB1CD7"  # organisation-code check character deliberately wrong
U_BAD_ORG = _ORG17 + check_character(_ORG17)


def line(**changes: str | None) -> dict[str, str | None]:
    """A valid report row (by column key) with some values changed."""
    row = {
        "uscc": U1,
        "enterprise_name": "天津示例航运有限公司（合成数据）",
        "region": "滨海新区",
        "period": "2019-06",
        "direction": "出口",
        "category": "SC",
        "mode": "1",
        "partner": "US",
        "amount": "120.50",
        "currency": "USD",
        "unit": "万美元",
    }
    row.update(changes)
    return row


def other(**changes: str | None) -> dict[str, str | None]:
    """A valid row of a second enterprise (河西区)."""
    base = {"uscc": U2, "enterprise_name": "天津示例咨询有限公司（合成数据）", "region": "河西区"}
    return line(**{**base, **changes})


def frame(
    *rows: dict,
    headers: dict[str, str] | None = None,
    extra: dict | None = None,
    first_row: int = 2,
) -> pd.DataFrame:
    """A frame as etl.intake.read returns it: text cells, index = Excel row numbers."""
    names = headers or HEADER
    data = {names[k]: [r.get(k) for r in rows] for k in KEYS if k in names}
    data.update(extra or {})
    index = pd.RangeIndex(first_row, first_row + len(rows), name="row")
    return pd.DataFrame(data, index=index, dtype="str")


def validate(df: pd.DataFrame, facts: RegistryFacts | None = None):
    return validate_report(df, REF, facts, today=TODAY)


def issues_at(result, row: int) -> set[tuple[str, str]]:
    listed = result.issues[result.issues["row"] == row]
    return set(zip(listed["code"], listed["column"]))


H = HEADER
