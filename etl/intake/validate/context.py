"""Warnings that need context: what the database knows about the file's enterprises (RegistryFacts),
and the organisation-code, area-code, registered-name and unusual-total warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd

from etl.coded import Coded
from etl.intake.uscc import area_code, org_code_consistent
from etl.intake.validate.across_rows import _compare_key
from etl.intake.validate.amounts import Amounts
from etl.intake.validate.issues import IssueLog
from etl.reference import ReferenceCodes

UNUSUAL_FACTOR = 10  # a report total above 10× the enterprise's recent median is worth a look


@dataclass(frozen=True)
class RegistryFacts:
    """What the database already knows about the file's enterprises."""

    names: dict[str, str] = field(default_factory=dict)  # uscc -> registered name
    recent_median_usd_cents: dict[str, int] = field(default_factory=dict)  # last 12 reported months
    regions: dict[str, str] = field(default_factory=dict)  # uscc -> registered region code

    def only(self, usccs: set[str]) -> RegistryFacts:
        """The facts of these enterprises only (what a clerk may be told)."""
        return RegistryFacts(
            {u: v for u, v in self.names.items() if u in usccs},
            {u: v for u, v in self.recent_median_usd_cents.items() if u in usccs},
            {u: v for u, v in self.regions.items() if u in usccs},
        )


def first_positions(keys: list[np.ndarray], mask: np.ndarray) -> np.ndarray:
    """The first row of each distinct key combination among the masked rows."""
    pos = np.flatnonzero(mask)
    frame = pd.DataFrame({i: k[pos] for i, k in enumerate(keys)})
    return pos[~frame.duplicated().to_numpy()]


def warn_in_context(
    values: dict[str, Coded],
    amounts: Amounts,
    cells: dict[str, Coded],
    col: dict[str, str],
    ref: ReferenceCodes,
    facts: RegistryFacts,
    log: IssueLog,
) -> None:
    """Organisation-code check, area code vs region, registered name, unusual report totals.

    Each is reported once per enterprise (or enterprise × region/name), on its first row: a
    20-line report with one odd name should produce one warning, not twenty.
    """
    uscc, region = values["uscc"], values["region_code"]
    first = first_positions([uscc.codes], uscc.ok)
    bad = first[~uscc.per_row(org_code_consistent, True, bool)[first]]
    log.add("org_code_check", bad, col["uscc"], cells["uscc"].values(bad))
    pairs = first_positions([uscc.codes, region.codes], uscc.ok & region.ok)
    mismatch = np.array(
        [
            area_code(u) not in ref.region_area_codes.get(r, frozenset())
            for u, r in zip(uscc.values(pairs), region.values(pairs))
        ],
        dtype=bool,
    )
    bad = pairs[mismatch] if pairs.size else pairs
    log.add(
        "region_area_mismatch",
        bad,
        col["region"],
        cells["region"].values(bad),
        area=np.array([area_code(u) for u in uscc.values(bad)], dtype=object),
    )
    if facts.names:
        _warn_registry_names(uscc, cells["enterprise_name"], col["enterprise_name"], facts, log)
    if facts.recent_median_usd_cents:
        _warn_unusual_totals(uscc, values["period"], amounts, facts, log)


def _warn_registry_names(
    uscc: Coded, name: Coded, header: str, facts: RegistryFacts, log: IssueLog
) -> None:
    compared = name.map(_compare_key)
    pairs = first_positions([uscc.codes, compared.codes], uscc.ok & compared.ok)
    registered = np.array([facts.names.get(u) for u in uscc.values(pairs)], dtype=object)
    differs = np.array(
        [
            r is not None and _compare_key(r) != c
            for r, c in zip(registered, compared.values(pairs))
        ],
        dtype=bool,
    )
    if pairs.size:
        log.add(
            "name_differs_registry",
            pairs[differs],
            header,
            name.values(pairs[differs]),
            registered=registered[differs],
        )


def _warn_unusual_totals(
    uscc: Coded, period: Coded, amounts: Amounts, facts: RegistryFacts, log: IssueLog
) -> None:
    """A report total (USD, error-free lines) above 10× the recent median: usually a unit slip."""
    pos = np.flatnonzero(amounts.ok & uscc.ok & period.ok & ~log.error_positions)
    lines = pd.DataFrame(
        {
            "u": uscc.codes[pos],
            "p": period.codes[pos],
            "usd": amounts.amount_usd_cents[pos],
            "pos": pos,
        }
    )
    totals = lines.groupby(["u", "p"], sort=False).agg(total=("usd", "sum"), first=("pos", "min"))
    median = np.array(
        [
            facts.recent_median_usd_cents.get(uscc.labels[u], 0)
            for u in totals.index.get_level_values("u")
        ],
        dtype=np.int64,
    )
    unusual = (median > 0) & (totals["total"].to_numpy() > UNUSUAL_FACTOR * median)
    hits = totals[unusual]
    shown = np.array([_usd(t) for t in hits["total"]], dtype=object)
    log.add(
        "total_unusual",
        hits["first"].to_numpy(),
        "",
        shown,
        total=shown,
        median=np.array([_usd(m) for m in median[unusual]], dtype=object),
    )


def _usd(cents: int) -> str:
    """Cents as a dollar figure with thousands separators, exactly."""
    return f"{Decimal(int(cents)).scaleb(-2):,.2f}"
