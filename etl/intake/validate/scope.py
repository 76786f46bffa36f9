"""A clerk's regions: rows of other regions, of enterprises registered outside them, and rows
that would move an enterprise to another region."""

from __future__ import annotations

import numpy as np

from etl.coded import Coded
from etl.intake.uscc import area_code
from etl.intake.validate.cells import _log_bad
from etl.intake.validate.context import RegistryFacts
from etl.intake.validate.issues import IssueLog
from etl.reference import ReferenceCodes


def _check_region_scope(
    region: Coded,
    allowed: set[str],
    names: str,
    header: str,
    cells: dict[str, Coded],
    log: IssueLog,
) -> None:
    """Rows whose (known) region is outside the clerk's regions and everything below them."""
    outside = region.per_row(lambda code: code not in allowed, False, bool)
    _log_bad(log, "region_not_assigned", outside, header, cells["region"], allowed=names)


def _check_enterprise_scope(
    values: dict[str, Coded],
    allowed: set[str],
    names: str,
    ref: ReferenceCodes,
    facts: RegistryFacts,
    col: dict[str, str],
    cells: dict[str, Coded],
    log: IssueLog,
) -> RegistryFacts:
    """Rows of enterprises outside the clerk's regions, and rows that move an enterprise.

    The region that counts is the registered one, not the file's 所属地区 cell: otherwise a clerk
    could revise another region's reports by writing their own region beside them. Returns the
    registry facts of the enterprises inside the regions only, so no message quotes the others.
    """
    uscc = values["uscc"]
    areas = {a for code in allowed for a in ref.region_area_codes.get(code, ())}

    def inside(code: str) -> bool:
        registered = facts.regions.get(code)
        return registered in allowed if registered else area_code(code) in areas

    outside = uscc.per_row(lambda code: not inside(code), False, bool)
    _log_bad(log, "enterprise_not_assigned", outside, col["uscc"], cells["uscc"], allowed=names)
    registered = uscc.per_row(facts.regions.get)
    region = values["region_code"].values()
    moved = uscc.ok & ~outside & values["region_code"].ok
    moved &= np.array([r is not None for r in registered], dtype=bool) & (registered != region)
    shown = np.array([f"{r} {ref.regions.get(r, '')}".strip() for r in registered], dtype=object)
    _log_bad(
        log,
        "region_change_not_allowed",
        moved,
        col["region"],
        cells["region"],
        registered=shown,
    )
    return facts.only({u for u in uscc.labels if inside(u)})
