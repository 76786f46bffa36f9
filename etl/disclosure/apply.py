"""Apply a stored pattern to a read's rows: each row is a cell of the catalogue, or it reads "C".

Pure: the query layer (etl.queries.figures) reads the rows and the pattern and calls these.
A protected row keeps its keys and loses its amount (pandas NA in an Int64 column): every sum,
growth rate or share computed from it downstream is NA too, and prints "C" (etl.numbers).
"""

from __future__ import annotations

import pandas as pd

from etl.disclosure.catalogue import ALL, MONTH, Hierarchy

AMOUNT = "amount"
CONFIDENTIAL = "C"  # the mark of a protected figure in every output (保密)


def merge_january(frame: pd.DataFrame, by: tuple[str, ...], period_to: int) -> pd.DataFrame:
    """Monthly rows with January added into February (1–2月 is one figure; January alone none)."""
    if "period" not in by or frame.empty:
        return frame
    period = frame["period"].astype("int64")
    frame = frame.assign(period=period.where(period % 100 != 1, period + 1))
    frame = frame[frame["period"] <= period_to]
    return frame.groupby(list(by), as_index=False, sort=False)[AMOUNT].sum()


def row_keys(
    frame: pd.DataFrame,
    by: tuple[str, ...],
    nodes: dict[str, str],
    window: tuple[str, int] | None,
    hierarchy: Hierarchy,
    as_reported: bool,
) -> list[tuple | None]:
    """The catalogue key of each row (None: the row is no cell of the catalogue).

    nodes: the node of every dimension the read fixes (etl.disclosure.catalogue.filter_nodes);
    window: the read's window when it is not by period; as_reported: category codes are as
    reported (sub-items and 未细分 apart) rather than main categories.
    """
    columns = {
        "region": frame["region_code"].map(hierarchy.region_atom) if "region_code" in by else None,
        "category": (
            frame["category_code"].map(hierarchy.category_atom if as_reported else str)
            if "category_code" in by
            else None
        ),
        "mode": frame["mode"].astype(str) if "mode" in by else None,
        "direction": frame["direction"] if "direction" in by else None,
        "partner": frame["partner_code"] if "partner_code" in by else None,
    }
    n = len(frame)
    values = {
        dim: (list(col) if col is not None else [nodes[dim]] * n) for dim, col in columns.items()
    }
    if "period" in by:
        windows = [(MONTH, int(p)) for p in frame["period"]]
    else:
        windows = [window] * n
    out: list[tuple | None] = []
    for i in range(n):
        w = windows[i]
        category, partner = values["category"][i], values["partner"][i]
        if w is None or (category != ALL and partner != ALL):
            out.append(None)
            continue
        out.append(
            (
                w[0],
                w[1],
                values["region"][i],
                category,
                values["mode"][i],
                values["direction"][i],
                partner,
            )
        )
    return out


def protect(
    frame: pd.DataFrame,
    keys: list[tuple | None],
    suppressed: set[tuple],
    computed: set[int],
) -> pd.DataFrame:
    """The rows with the amounts of protected cells as NA (Int64).

    A month without a pattern (never released) has no released rows: a read over it alone sums
    nothing, and that zero is no one's figure (the API gave 2020's TOTAL as C beside exports and
    imports of 0 when only 2021 was released). A zero of a released month stays as its pattern
    says: a repair may hide a zero figure, whose value the attacker then does not know."""
    hidden = [
        key is None or key in suppressed or (key[1] not in computed and amount != 0)
        for key, amount in zip(keys, frame[AMOUNT])
    ]
    out = frame.copy()
    out[AMOUNT] = out[AMOUNT].astype("Int64").mask(pd.Series(hidden, index=out.index))
    return out
