"""Read and write service for reporting coverage and the register: one session per call.

The gates for enterprise-level lists are here (a leader gets 403; a clerk only their regions),
besides the callbacks' own auth.guard, so no caller can forget them. The Overview and Regions
lines get counts and shares only (coverage_line), never a name.
"""

from __future__ import annotations

from dataclasses import dataclass

import flask
import pandas as pd
from sqlalchemy.orm import Session

from dashboard import auth
from dashboard.data import app_context, session
from etl.accounts import Principal, visible_regions
from etl.coverage.compute import RegionCoverage, coverage_by_region
from etl.coverage.register import (
    RegisterCheck,
    add_candidates,
    add_member,
    end_membership,
    load_register,
)
from etl.periods import add_months, month_range
from etl.queries import register as queries_register
from etl.queries.closures import region_closure
from etl.queries.months import period_range
from etl.queries.reference_tables import reference_table


def _deadline_day() -> int:
    return app_context().settings.report_deadline_day


def _principal(action: str) -> Principal | None:
    """Abort 401/403 unless this request may do the action; the person (None without sign-in)."""
    auth.guard(action)
    return auth.current_principal()


def _visible(s: Session, principal: Principal | None) -> set[str] | None:
    if principal is None:
        return None
    return visible_regions(principal, lambda codes: region_closure(s, codes) or [])


def _names(regions: pd.DataFrame) -> dict[str, dict[str, str]]:
    return {
        "zh": dict(zip(regions["code"], regions["name_zh"])),
        "en": {
            c: e or z for c, z, e in zip(regions["code"], regions["name_zh"], regions["name_en"])
        },
    }


# ---------------------------------------------------------------- 报送情况 page


@dataclass(frozen=True)
class Choices:
    """What the page's controls offer this person: months (newest first) and regions."""

    months: list[int]
    month: int | None
    regions: pd.DataFrame  # code, name_zh, name_en, depth: the regions this person may see
    region: str | None
    restricted: bool  # a clerk: only their regions


def _depths(regions: pd.DataFrame) -> dict[str, int]:
    parents = dict(zip(regions["code"], regions["parent_code"]))
    depth = {}
    for code in regions["code"]:
        n, p = 0, parents.get(code)
        while isinstance(p, str) and n < 10:
            n, p = n + 1, parents.get(p)
        depth[code] = n
    return depth


def choices(month: int | None, region: str | None) -> Choices:
    """Months loaded and the regions this person may see; the asked ones if allowed."""
    principal = _principal("view_enterprises")
    with session() as s:
        first, last = period_range(s)
        regions = reference_table(s, "region")
        visible = _visible(s, principal)
    months = list(reversed(month_range(first, last))) if last else []
    regions = regions.assign(depth=regions["code"].map(_depths(regions)))
    if visible is not None:
        regions = regions[regions["code"].isin(visible)]
    codes = list(regions["code"])
    fallback = app_context().settings.snapshot_region
    chosen = (
        region
        if region in codes
        else (fallback if fallback in codes else (codes[0] if codes else None))
    )
    return Choices(
        months,
        month if month in months else (months[0] if months else None),
        regions[["code", "name_zh", "name_en", "depth"]].reset_index(drop=True),
        chosen,
        visible is not None,
    )


@dataclass(frozen=True)
class CoverageReport:
    """A month's coverage in a region, with region names for the tables."""

    coverage: RegionCoverage
    names: dict[str, dict[str, str]]  # lang -> code -> name


def coverage_report(month: int, region: str) -> CoverageReport:
    """Per-region counts and the per-enterprise list (403 for a region this person may not see)."""
    principal = _principal("view_enterprises")
    with session() as s:
        visible = _visible(s, principal)
        if visible is not None and region not in visible:
            flask.abort(403)
        covered = coverage_by_region(s, month, region, _deadline_day())
        names = _names(reference_table(s, "region"))
    return CoverageReport(covered, names)


# ---------------------------------------------------------------- 重点企业名录 (register) tab


@dataclass(frozen=True)
class Register:
    """The register with its history, the candidates, and the reference lists for the form."""

    entries: pd.DataFrame  # queries_register.REGISTER_COLUMNS
    history: pd.DataFrame
    candidates: pd.DataFrame
    month: int | None  # the newest month loaded: candidates are measured against it
    window: tuple[int, int] | None  # the months candidates reported in
    regions: pd.DataFrame
    categories: pd.DataFrame


def register() -> Register:
    """Everything the register tab shows (statisticians and admins)."""
    _principal("manage_register")
    with session() as s:
        _, last = period_range(s)
        window = (add_months(last, -11), last) if last else None
        candidates = (
            queries_register.register_candidates(s, *window, last)
            if window
            else pd.DataFrame(
                columns=["uscc", "name", "region_code", "months", "last_period", "amount"]
            )
        )
        categories = reference_table(s, "service_category")
        return Register(
            queries_register.register_entries(s),
            queries_register.register_history(s),
            candidates,
            last,
            window,
            reference_table(s, "region"),
            categories[categories["parent_code"].isna()],
        )


def _change(action: str, detail: dict, write) -> RegisterCheck:
    _principal("manage_register")
    check = write(app_context().session_factory, auth.actor_name())
    auth.record(action, {**detail, "ok": check.ok, "problems": len(check.problems)})
    return check


def upload_register(content: bytes, filename: str) -> RegisterCheck:
    """Load an uploaded register file, all rows or none."""
    return _change(
        "register_upload",
        {"file": filename},
        lambda f, who: load_register(f, content, who, filename),
    )


def add_register_member(values: dict[str, str | None]) -> RegisterCheck:
    """One member from the form."""
    return _change(
        "register_add", {"uscc": values.get("uscc")}, lambda f, who: add_member(f, values, who)
    )


def end_register_membership(uscc: str, until: int) -> RegisterCheck:
    """End a member's membership after `until`."""
    return _change(
        "register_end",
        {"uscc": uscc, "until": until},
        lambda f, who: end_membership(f, uscc, until, who),
    )


def add_register_candidates(usccs: list[str], since: int) -> RegisterCheck:
    """Put candidates on the register from `since`."""
    return _change(
        "register_add_candidates",
        {"usccs": usccs, "since": since},
        lambda f, who: add_candidates(f, usccs, since, who),
    )
