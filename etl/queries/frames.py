"""The amount column every read returns, and query results as frames (amounts int64)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

AMOUNT = "amount"  # cents (USD) or fen (CNY), int64


def result_frame(session: Session, stmt, columns: list[str]) -> pd.DataFrame:
    """The statement's rows as a frame of the columns and AMOUNT (int64)."""
    rows = session.execute(stmt).all()
    frame = pd.DataFrame(rows, columns=columns + [AMOUNT])
    # An ungrouped SUM over no rows is NULL: that is a total of zero, not a missing value.
    frame[AMOUNT] = frame[AMOUNT].fillna(0).astype("int64")
    return frame


def columns_frame(session: Session, stmt, columns: list[str]) -> pd.DataFrame:
    """Like result_frame, column-wise (hundreds of thousands of rows: Row objects are slow)."""
    rows = session.execute(stmt).all()
    data = list(zip(*rows)) if rows else [()] * (len(columns) + 1)
    frame = pd.DataFrame(dict(zip(columns + [AMOUNT], data)))
    frame[AMOUNT] = frame[AMOUNT].astype("int64")
    return frame
