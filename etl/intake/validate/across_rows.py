"""Checks across rows (errors): the same key twice, one enterprise-month with different names or
regions."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from etl.coded import MISSING, Coded
from etl.intake.validate.issues import IssueLog

KEY_COLUMNS = ("uscc", "period", "direction", "category_code", "mode", "partner_code")
_ROWS_SHOWN = 10


def check_across_rows(
    values: dict[str, Coded], cells: dict[str, Coded], col: dict[str, str], log: IssueLog
) -> None:
    """The same key twice, and one enterprise-month with different names or regions."""
    codes = pd.DataFrame({k: values[k].codes for k in KEY_COLUMNS})
    complete = (codes.to_numpy() != MISSING).all(axis=1)
    dup = complete & codes.duplicated(keep=False).to_numpy()
    if dup.any():
        pos = np.flatnonzero(dup)
        rows = codes.iloc[pos].assign(_row=log.row_numbers[pos])
        grouped = rows.groupby(list(KEY_COLUMNS), sort=False)["_row"]
        log.add(
            "duplicate_line",
            pos,
            "",
            "",
            rows=grouped.transform(_row_list).to_numpy(),
            count=grouped.transform("size").to_numpy(),
            detail=lambda f: {"rows_zh": f["rows"].replace(", ", "、")},
        )
    report = values["uscc"].ok & values["period"].ok
    for code, key, canonical in (
        ("conflicting_name", "enterprise_name", cells["enterprise_name"].map(_compare_key)),
        ("conflicting_region", "region", values["region_code"]),
    ):
        _conflicts(code, canonical, cells[key], col[key], values, report, log)


def _conflicts(
    code: str,
    canonical: Coded,
    text: Coded,
    header: str,
    values: dict[str, Coded],
    report: np.ndarray,
    log: IssueLog,
) -> None:
    """Flag every row of an enterprise-month whose canonical values differ."""
    pos = np.flatnonzero(report & canonical.ok)
    frame = pd.DataFrame(
        {
            "u": values["uscc"].codes[pos],
            "p": values["period"].codes[pos],
            "v": canonical.codes[pos],
        }
    )
    varied = frame.groupby(["u", "p"])["v"].transform("nunique").to_numpy() > 1
    if not varied.any():
        return
    bad = frame[varied].assign(t=text.values(pos[varied]))
    found = bad.groupby(["u", "p"])["t"].transform(lambda t: " / ".join(dict.fromkeys(t)))
    log.add(code, pos[varied], header, bad["t"].to_numpy(), found=found.to_numpy())


def _row_list(rows: pd.Series) -> str:
    shown = ", ".join(str(r) for r in rows.iloc[:_ROWS_SHOWN])
    return shown + ("…" if len(rows) > _ROWS_SHOWN else "")


def _compare_key(name: str) -> str:
    """Names compare equal regardless of bracket width and spaces."""
    return "".join(unicodedata.normalize("NFKC", name).split())
