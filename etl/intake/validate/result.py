"""What validation returns: the error-free lines in the loader's columns and dtypes, every problem,
and the figures of the upload preview."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl.coded import Coded
from etl.intake.schemas import CLEAN_COLUMNS, DIRECTIONS
from etl.intake.validate.amounts import Amounts
from etl.intake.validate.issues import IssueLog
from etl.periods import format_period
from etl.reference import ReferenceCodes


@dataclass
class ValidationResult:
    """Clean lines (rows without errors) and every problem found."""

    clean: pd.DataFrame  # exactly CLEAN_COLUMNS
    issues: (
        pd.DataFrame
    )  # row, column, value, code, problem_zh, problem_en, severity (≤ MAX_LISTED)
    error_count: int
    warning_count: int
    counts_by_code: dict[str, int]
    rows: int  # data rows in the file
    modes_in_bop: frozenset[int] = frozenset({1, 2, 4})  # from the reference data in force

    @property
    def ok(self) -> bool:
        """Whether the file may be loaded (warnings do not block)."""
        return self.error_count == 0

    def summary(self) -> dict[str, object]:
        """Figures for the upload preview: size, enterprises, periods, USD totals by direction.

        usd_cents is the 服务进出口总额 scope (BOP modes); mode-3 (FATS) sales are a different
        measure and are given beside it, never added to it.
        """
        c = self.clean
        in_bop = c["mode"].isin(self.modes_in_bop)
        bop = c[in_bop].groupby("direction")["amount_usd_cents"].sum()
        fats = c[~in_bop].groupby("direction")["amount_usd_cents"].sum()
        return {
            "rows": self.rows,
            "clean_rows": len(c),
            "enterprises": int(c["uscc"].nunique()),
            "periods": [format_period(int(p)) for p in sorted(c["period"].unique())],
            "usd_cents": {d: int(bop.get(d, 0)) for d in DIRECTIONS},
            "usd_cents_fats": {d: int(fats.get(d, 0)) for d in DIRECTIONS},
            "errors": self.error_count,
            "warnings": self.warning_count,
        }


def _clean_frame(
    values: dict[str, Coded], amounts: Amounts, rows: np.ndarray, keep: np.ndarray
) -> pd.DataFrame:
    """The error-free rows in CLEAN_COLUMNS with the loader's dtypes."""
    data: dict[str, np.ndarray] = {"source_row": rows[keep]}
    for name in CLEAN_COLUMNS[1:]:
        if name in values:
            data[name] = values[name].values()[keep]
    data["amount_reported"] = amounts.reported.values()[keep]
    data["fx_rate"] = amounts.rate.per_row(str)[keep]
    for name in ("amount_orig_minor", "amount_usd_cents", "amount_cny_fen"):
        data[name] = getattr(amounts, name)[keep]
    return _typed(pd.DataFrame(data)[list(CLEAN_COLUMNS)])


def _typed(clean: pd.DataFrame) -> pd.DataFrame:
    ints = (
        "source_row",
        "period",
        "mode",
        "amount_orig_minor",
        "amount_usd_cents",
        "amount_cny_fen",
    )
    return clean.astype({c: (np.int64 if c in ints else "str") for c in CLEAN_COLUMNS})


def _empty_clean() -> pd.DataFrame:
    return _typed(pd.DataFrame({c: [] for c in CLEAN_COLUMNS}))


def _result(log: IssueLog, clean: pd.DataFrame, rows: int, ref: ReferenceCodes) -> ValidationResult:
    return ValidationResult(
        clean,
        log.frame(),
        log.error_count,
        log.warning_count,
        dict(log.counts),
        rows,
        ref.modes_in_bop,
    )
