"""The attacker's audit of a year's suppression patterns, by linear programming (as τ-ARGUS does).

The attacker knows every published cell of every released month of the year (both windows, both
families of etl.disclosure.catalogue), that amounts are never negative, and even which finest
cells (atoms: month × region × category × partner × mode × direction, optionally × enterprise)
are nonzero — more than a real outsider knows, so the audit errs on the strict side. For each
primary-suppressed cell it computes the smallest and largest value consistent with all of that;
the cell is protected when the interval covers ±`protection` of its true value. With
`by_enterprise`, each contributing enterprise's share of each primary cell is checked too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from etl.disclosure.catalogue import ALL, MONTH, YTD, Hierarchy, direction_nodes, mode_nodes
from etl.disclosure.intervals import lp_scale

ATOM_KEYS = ["period", "region_code", "category_code", "partner_code", "mode", "direction"]
DIMS = ("region", "category", "mode", "direction", "partner")


@dataclass(frozen=True)
class Finding:
    """A protected figure the attacker narrows below the protection level."""

    what: str  # "cell" or the enterprise's USCC
    key: tuple  # (window, period, region, category, mode, direction, partner)
    true_value: int
    low: float
    high: float


def atoms(lines: pd.DataFrame, by_enterprise: bool) -> pd.DataFrame:
    """The nonzero finest cells (January counted in February), one row each, numbered."""
    frame = lines.assign(
        period=lines["period"].where(lines["period"] % 100 != 1, lines["period"] + 1)
    )
    keys = ATOM_KEYS + (["uscc"] if by_enterprise else [])
    out = frame.groupby(keys, as_index=False)["amount"].sum()
    out = out[out["amount"] != 0].reset_index(drop=True)
    out["atom"] = np.arange(len(out))
    return out


def membership(units: pd.DataFrame, tree: Hierarchy, scope: str, months: list[int]) -> pd.DataFrame:
    """(cell key columns, atom): which atoms each catalogue cell of the months sums."""

    def expand(frame: pd.DataFrame, column: str, out: str, nodes_of) -> pd.DataFrame:
        codes = frame[column].drop_duplicates()
        mapping = pd.DataFrame([(c, n) for c in codes for n in nodes_of(c)], columns=[column, out])
        return frame.merge(mapping, on=column)

    base = units[["atom", *ATOM_KEYS]]
    base = expand(base, "region_code", "region", lambda c: tree.region_nodes(c, scope))
    base = expand(base, "mode", "mode_node", mode_nodes)
    base = expand(base, "direction", "direction_node", direction_nodes)
    family_a = expand(base, "category_code", "category", tree.category_nodes).assign(partner=ALL)
    family_p = expand(
        base, "partner_code", "partner", lambda p: [n for n in tree.partner_nodes(p) if n != ALL]
    ).assign(category=ALL)
    cells = pd.concat([family_a, family_p], ignore_index=True).rename(
        columns={"mode_node": "mode_cell", "direction_node": "direction_cell"}
    )
    frames = []
    for month in months:
        year_start = (month // 100) * 100 + 1
        for window, first in ((MONTH, month), (YTD, year_start)):
            part = cells[cells["period"].between(first, month)]
            frames.append(
                pd.DataFrame(
                    {
                        "window": window,
                        "period": month,
                        "region": part["region"].to_numpy(),
                        "category": part["category"].to_numpy(),
                        "mode": part["mode_cell"].astype(str).to_numpy(),
                        "direction": part["direction_cell"].to_numpy(),
                        "partner": part["partner"].to_numpy(),
                        "atom": part["atom"].to_numpy(),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


@dataclass
class System:
    """The linear system an attacker sees: cells (rows) as sums of atoms (columns)."""

    units: pd.DataFrame  # the atoms: ATOM_KEYS (+ uscc), amount, atom
    matrix: csr_matrix  # cells × atoms, 0/1
    values: np.ndarray  # each cell's true value
    keys: list[tuple]  # (window, period, region, category, mode, direction, partner) per row
    support: list[tuple]  # each row's atoms: rows with equal support are the same figure


def system(
    lines: pd.DataFrame, tree: Hierarchy, scope: str, months: list[int], by_enterprise=False
) -> System:
    """The cells of the released months of a year over the atoms of their lines."""
    units = atoms(lines, by_enterprise)
    member = membership(units, tree, scope, months)
    codes, keys = pd.factorize(pd.MultiIndex.from_frame(member[["window", "period", *DIMS]]))
    matrix = csr_matrix(
        (np.ones(len(member)), (codes, member["atom"].to_numpy())),
        shape=(len(keys), len(units)),
    )
    matrix.sum_duplicates()
    matrix.sort_indices()
    support = [
        tuple(matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]]) for i in range(len(keys))
    ]
    values = matrix @ units["amount"].to_numpy(dtype=float)
    return System(units, matrix, values, [tuple(k) for k in keys], support)


def published_rows(sys_: System, suppressed: dict[tuple, str]) -> list[int]:
    """One row per distinct published figure."""
    first: dict[tuple, int] = {}
    for row, key in enumerate(sys_.keys):
        if key not in suppressed:
            first.setdefault(sys_.support[row], row)
    return sorted(first.values())


def audit(
    sys_: System, suppressed: dict[tuple, str], protection: float, by_enterprise: bool = False
) -> list[Finding]:
    """Every primary-suppressed cell (and enterprise share) the published cells narrow too far."""
    rows = published_rows(sys_, suppressed)
    a_eq, b_eq = sys_.matrix[rows], sys_.values[rows]
    findings: list[Finding] = []
    intervals: dict[tuple, tuple[float, float]] = {}
    for row, key in enumerate(sys_.keys):
        if suppressed.get(key) != "primary":
            continue
        coef = sys_.matrix[row].toarray().ravel()
        if sys_.support[row] not in intervals:
            intervals[sys_.support[row]] = interval(coef, a_eq, b_eq)[:2]
        targets = [("cell", intervals[sys_.support[row]], sys_.values[row])]
        if by_enterprise:
            units = sys_.units
            for uscc, idx in units[coef > 0].groupby("uscc").groups.items():
                if (sys_.support[row], uscc) not in intervals:
                    share = np.zeros(len(units))
                    share[list(idx)] = 1.0
                    intervals[(sys_.support[row], uscc)] = interval(share, a_eq, b_eq)[:2]
                true = float(units.loc[idx, "amount"].sum())
                targets.append((uscc, intervals[(sys_.support[row], uscc)], true))
        for what, (low, high), true in targets:
            if narrow(low, high, true, protection):
                findings.append(Finding(what, key, int(true), low, high))
    return findings


def narrow(low: float, high: float, true: float, protection: float) -> bool:
    """Whether an interval misses ±protection of the true value (half a cent of slack)."""
    return high < true * (1 + protection) - 0.5 or low > true * (1 - protection) + 0.5


def interval(coef: np.ndarray, a_eq, b_eq) -> tuple[float, float, np.ndarray, np.ndarray]:
    """Min and max of coef · x over x ≥ 0 with a_eq x = b_eq (HiGHS), and both certificates
    (the constraint multipliers: which published figures the bound is made of)."""
    if a_eq.shape[0] == 0:  # nothing published: anything from zero up
        return 0.0, float("inf"), np.zeros(0), np.zeros(0)
    scale = lp_scale(b_eq)
    out, duals = [], []
    for sign in (1.0, -1.0):
        result = linprog(
            sign * coef, A_eq=a_eq, b_eq=b_eq / scale, bounds=(0, None), method="highs"
        )
        if result.status == 3:  # unbounded above
            out.append(float("inf") if sign < 0 else 0.0)
            duals.append(np.zeros(a_eq.shape[0]))
        elif result.status == 0:
            out.append(sign * result.fun * scale)
            duals.append(result.eqlin.marginals)
        else:
            raise RuntimeError(f"disclosure audit: the LP failed ({result.message})")
    return out[0], out[1], duals[0], duals[1]


def repair(
    sys_: System,
    suppressed: dict[tuple, str],
    changeable,
    protection: float,
    close,
    cost=lambda key: 0,
    max_rounds: int = 30,
) -> int:
    """Add suppressions until the audit passes: for each primary cell narrowed too far, hide
    the cheapest changeable published figure of the attack's certificate (`cost`, then the
    smallest value; with its twins), then
    let `close` (the line repair) restore every relation; again until nothing is narrow.
    Returns the rounds that changed something, or -1 when it gave up (nothing left to hide)."""
    for round_ in range(max_rounds):
        rows = published_rows(sys_, suppressed)
        a_eq, b_eq = sys_.matrix[rows], sys_.values[rows]
        picks: set[int] = set()
        stuck = False
        seen: set[tuple] = set()
        for row, key in enumerate(sys_.keys):
            if suppressed.get(key) != "primary" or sys_.support[row] in seen:
                continue
            seen.add(sys_.support[row])
            coef = sys_.matrix[row].toarray().ravel()
            low, high, lo_dual, hi_dual = interval(coef, a_eq, b_eq)
            if not narrow(low, high, sys_.values[row], protection):
                continue
            used = {rows[i] for d in (lo_dual, hi_dual) for i in np.flatnonzero(np.abs(d) > 1e-9)}
            options = [r for r in used if changeable(sys_.keys[r])]
            if options:
                picks.add(min(options, key=lambda r: (cost(sys_.keys[r]), sys_.values[r])))
            else:
                stuck = True
        if not picks:
            return -1 if stuck else round_
        hidden = {sys_.support[p] for p in picks}
        for r, key in enumerate(sys_.keys):  # every twin of a picked figure goes with it
            if sys_.support[r] in hidden and key not in suppressed:
                suppressed[key] = "secondary"
        close(suppressed)
    return -1
