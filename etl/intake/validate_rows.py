"""Checks across rows (duplicate keys, conflicting names/regions) and warnings that need context."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd

from etl.coded import MISSING, Coded
from etl.intake.issues import IssueLog
from etl.intake.money import Converted
from etl.intake.uscc import area_code, org_code_consistent
from etl.reference import ReferenceCodes

KEY_COLUMNS = ("uscc", "period", "direction", "category_code", "mode", "partner_code")
UNUSUAL_FACTOR = 10  # a report total above 10× the enterprise's recent median is worth a look
_ROWS_SHOWN = 10


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


@dataclass
class Amounts:
    """Per row: the amount as stored, the rate used and the exact conversions (0 where unusable)."""

    reported: Coded
    rate: Coded  # Decimal CNY per USD
    amount_orig_minor: np.ndarray
    amount_usd_cents: np.ndarray
    amount_cny_fen: np.ndarray
    ok: np.ndarray  # converted and within limits

    @classmethod
    def empty(cls, n: int, reported: Coded, rate: Coded) -> Amounts:
        """No row converted yet."""
        return cls(
            reported,
            rate,
            *(np.zeros(n, dtype=np.int64) for _ in range(3)),
            np.zeros(n, dtype=bool),
        )

    def fill(self, positions: np.ndarray, conv: Converted) -> None:
        """Store the conversions of the rows at positions."""
        self.amount_orig_minor[positions] = conv.orig_minor
        self.amount_usd_cents[positions] = conv.usd_cents
        self.amount_cny_fen[positions] = conv.cny_fen
        self.ok[positions] = ~conv.too_large


def first_positions(keys: list[np.ndarray], mask: np.ndarray) -> np.ndarray:
    """The first row of each distinct key combination among the masked rows."""
    pos = np.flatnonzero(mask)
    frame = pd.DataFrame({i: k[pos] for i, k in enumerate(keys)})
    return pos[~frame.duplicated().to_numpy()]


# ---------------------------------------------------------------- across rows (errors)


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


# ---------------------------------------------------------------- warnings that need context


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
