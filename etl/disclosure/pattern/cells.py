"""The cells of a month: the enterprise lines of each window (``m``: M alone, 1–2月 for February;
``y``: 1–M月) expanded to every node of every dimension, and per cell the value, the contributors
and the two largest contributions (month_cells, cell_statistics); the primary rule (primary);
each cell's key (cell_keys) and statistics (_stats). Pure pandas."""

from __future__ import annotations

import pandas as pd

from etl.disclosure.catalogue import (
    ALL,
    MONTH,
    YTD,
    Hierarchy,
    direction_nodes,
    mode_nodes,
)
from etl.disclosure.pattern.keys import DIMS
from etl.disclosure.table import DisclosureRule


def _window_lines(lines: pd.DataFrame, month: int) -> dict[str, pd.DataFrame]:
    """The lines of each window of a month: ``m`` (1–2月 for February) and ``y`` (1–M月)."""
    year_start = (month // 100) * 100 + 1
    first_of_m = year_start if month % 100 == 2 else month
    return {
        MONTH: lines[lines["period"].between(first_of_m, month)],
        YTD: lines[lines["period"].between(year_start, month)],
    }


def _expand(frame: pd.DataFrame, column: str, nodes_of) -> pd.DataFrame:
    """One row per (row, node of `column`), summed by enterprise and every other column."""
    codes = frame[column].drop_duplicates()
    mapping = pd.DataFrame([(c, n) for c in codes for n in nodes_of(c)], columns=[column, "node"])
    out = frame.merge(mapping, on=column).drop(columns=[column]).rename(columns={"node": column})
    keys = [c for c in out.columns if c != "amount"]
    return out.groupby(keys, as_index=False, sort=False)["amount"].sum()


def cell_statistics(
    lines: pd.DataFrame, hierarchy: Hierarchy, scope: str, detail: str
) -> pd.DataFrame:
    """Cells of one window and family: value, contributors, two largest contributions.

    lines: uscc, region_code, `detail` (category_code or partner_code), mode, direction,
    amount. Family "category_code": every category node, partner ``*``; "partner_code": every
    partner node other than ``*`` (that margin is the category family's), category ``*``.
    """
    columns = ["uscc", "region", "category", "mode", "direction", "partner"]
    if lines.empty:
        return pd.DataFrame(columns=[*columns[1:], "value", "n", "top2"])
    frame = lines.rename(columns={"region_code": "region", detail: detail.split("_")[0]})
    frame = frame.groupby(
        ["uscc", "region", detail.split("_")[0], "mode", "direction"], as_index=False
    )["amount"].sum()
    frame = _expand(frame, "region", lambda c: hierarchy.region_nodes(c, scope))
    frame = _expand(frame, "mode", mode_nodes)
    frame = _expand(frame, "direction", direction_nodes)
    if detail == "category_code":
        frame = _expand(frame, "category", hierarchy.category_nodes)
        frame["partner"] = ALL
    else:
        frame = _expand(
            frame, "partner", lambda p: [n for n in hierarchy.partner_nodes(p) if n != ALL]
        )
        frame["category"] = ALL
    # stable: a cell's order picks among equally cheap complements, and the default quicksort
    # orders tied amounts by the CPU's SIMD kernels (test_dsx008)
    frame = frame[frame["amount"] != 0].sort_values("amount", ascending=False, kind="stable")
    keys = columns[1:]
    grouped = frame.groupby(keys, sort=False)["amount"]
    stats = pd.DataFrame(
        {
            "value": grouped.sum(),
            "n": grouped.size(),
            "top2": frame.groupby(keys, sort=False)
            .head(2)
            .groupby(keys, sort=False)["amount"]
            .sum(),
        }
    ).reset_index()
    return stats.astype({"value": "int64", "n": "int64", "top2": "int64", "mode": str})


def primary(cells: pd.DataFrame, rule: DisclosureRule) -> pd.Series:
    """Cells failing the threshold or the (n, k) dominance rule (zero is not confidential)."""
    few = (cells["n"] > 0) & (cells["n"] < rule.min_contributors)
    dominated = (cells["value"] > 0) & (cells["top2"] > rule.dominance_k * cells["value"])
    return few | dominated


def month_cells(
    year_lines: pd.DataFrame, month: int, hierarchy: Hierarchy, scope: str
) -> pd.DataFrame:
    """A month's cells of both windows and both families, with a ``window`` column, from the
    enterprise lines of its year (later months' lines are left out)."""
    windows = _window_lines(year_lines[year_lines["period"] <= month], month)
    frames = []
    for window in (MONTH, YTD):
        for detail in ("category_code", "partner_code"):
            stats = cell_statistics(windows[window], hierarchy, scope, detail)
            frames.append(stats.assign(window=window))
    return pd.concat(frames, ignore_index=True)[["window", *DIMS, "value", "n", "top2"]]


def _stats(cells: pd.DataFrame) -> dict[tuple, tuple[int, int]]:
    """(window, dims…) -> (contributors, two largest contributions) of every cell."""
    return dict(zip(cell_keys(cells), zip(cells["n"].tolist(), cells["top2"].tolist())))


def cell_keys(cells: pd.DataFrame) -> list[tuple]:
    """Each cell's key (window, dims…), read column by column (a row at a time is slow)."""
    return list(zip(*(cells[c].astype(str).tolist() for c in ("window", *DIMS))))
