"""Vintages: figures "as of" a data event, so a snapshot regenerated later gives the same numbers.

The query layer returns contributor-level frames as of an event (etl.queries.as_of.*_as_of); this
module filters them the way etl.filters.ReportFilter filters the maintained aggregates, and
evaluates the policy targets on them. As of the newest event the answers equal the current
aggregates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.orm import Session

from etl.filters import GROUP_PREFIX, ReportFilter
from etl.periods import add_months
from etl.queries.as_of import data_event_info, latest_event_id
from etl.queries.frames import AMOUNT
from etl.queries.reference_tables import group_members, reference_table
from etl.reference import ReferenceCodes, group_applies, reference_codes
from etl.targets.compute import PRIOR_YEARS, evaluate, target_windows
from etl.targets.status import TargetResult, measure_filter


class VintageError(ValueError):
    """No data event to read as of (nothing loaded, or an unknown event id)."""


@dataclass(frozen=True)
class Vintage:
    """The data event a snapshot reads as of, and when it happened."""

    event_id: int
    at: dt.datetime
    kind: str


def resolve_vintage(session: Session, event_id: int | None = None) -> Vintage:
    """The given data event, or the newest one (current data)."""
    event_id = event_id if event_id is not None else latest_event_id(session)
    info = data_event_info(session, event_id) if event_id is not None else None
    if info is None:
        raise VintageError(
            "no data loaded yet" if event_id is None else f"no data event {event_id}"
        )
    return Vintage(info["id"], info["at"], info["kind"])


@dataclass(frozen=True)
class Codes:
    """What filtering and labelling contributor frames needs: reference codes and groups."""

    ref: ReferenceCodes
    category_parent: dict[str, str | None]
    category_order: list[str]  # main categories in display order
    region_order: dict[str, int]
    category_groups: dict[str, tuple[str, str, list[str]]]  # code -> (name_zh, name_en, members)
    partner_groups: dict[str, tuple[str, str, list[str]]]
    # code -> the region whose policy names the group (None or NaN: every region)
    category_group_regions: dict[str, str | None] = field(default_factory=dict)

    def followed_groups(self, region: str) -> dict[str, tuple[str, str, list[str]]]:
        """The category groups a region's snapshot lists (etl.reference.group_applies)."""
        return {
            code: group
            for code, group in self.category_groups.items()
            if group_applies(self.category_group_regions.get(code), region, self.ref.region_parent)
        }

    def category_closure(self, codes) -> set[str]:
        """The codes with every sub-item below them ("group:" codes expanded)."""
        plain = set()
        for code in codes:
            if code.startswith(GROUP_PREFIX):
                plain |= set(self.category_groups.get(code[len(GROUP_PREFIX) :], ("", "", []))[2])
            else:
                plain.add(code)
        out, changed = set(plain), True
        while changed:
            children = {c for c, p in self.category_parent.items() if p in out} - out
            out |= children
            changed = bool(children)
        return out

    def region_closure(self, regions) -> set[str]:
        """The regions and every region below them."""
        return {d for r in regions for d in self.ref.region_descendants(r)}


def load_codes(session: Session) -> Codes:
    """Reference codes, category tree and groups as the database holds them now."""
    cats = reference_table(session, "service_category")
    regions = reference_table(session, "region")
    cat_groups, partner_groups = group_members(session)

    def groups(frame: pd.DataFrame) -> dict[str, tuple[str, str, list[str]]]:
        """code -> (name_zh, name_en, members)."""
        return {
            code: (g["name_zh"].iloc[0], g["name_en"].iloc[0], g["member"].tolist())
            for code, g in frame.groupby("code", sort=False)
        }

    return Codes(
        ref=reference_codes(session),
        category_parent=dict(zip(cats["code"], cats["parent_code"])),
        category_order=cats.loc[cats["level"] == 1, "code"].tolist(),
        region_order=dict(zip(regions["code"], regions["sort_order"])),
        category_groups=groups(cat_groups),
        partner_groups=groups(partner_groups),
        category_group_regions=dict(zip(cat_groups["code"], cat_groups["region_code"])),
    )


def filter_frame(frame: pd.DataFrame, f: ReportFilter, codes: Codes) -> pd.DataFrame:
    """The rows of a contributor frame a ReportFilter selects (currency ignored: all USD)."""
    keep = (
        frame["period"].between(f.period_from, f.period_to)
        & frame["mode"].isin(f.effective_modes())
        & frame["direction"].isin(f.directions)
    )
    if f.regions:
        keep &= frame["region_code"].isin(codes.region_closure(f.regions))
    if f.categories:
        keep &= frame["category_code"].isin(codes.category_closure(f.categories))
    if f.partners:
        wanted = set()
        for p in f.partners:
            group = (
                codes.partner_groups.get(p[len(GROUP_PREFIX) :])
                if p.startswith(GROUP_PREFIX)
                else None
            )
            wanted |= set(group[2]) if group else {p}
        keep &= frame["partner_code"].isin(wanted)
    return frame[keep]


def monthly(frame: pd.DataFrame) -> pd.Series:
    """Monthly amounts indexed by period (only months with data), as target_status.monthly."""
    return frame.groupby("period")[AMOUNT].sum().astype("int64").sort_index()


def targets_as_of(
    targets: list, frame: pd.DataFrame, as_of: int, codes: Codes
) -> list[TargetResult]:
    """Evaluate targets on a contributor frame (as etl.targets.status.evaluate_targets does)."""
    results = []
    for target in targets:
        start = add_months(target.window_start, -12 * (PRIOR_YEARS + 1))
        end = as_of  # evaluate_targets reads up to min(max(as_of, window_end), as_of)
        measure = monthly(filter_frame(frame, measure_filter(target, start, end), codes))
        total = None
        if target.kind in ("share_keep", "grows_faster"):
            region_f = ReportFilter(period_from=start, period_to=end, regions=(target.region_code,))
            total = monthly(filter_frame(frame, region_f, codes))
        threshold = float(target.threshold) * (100 if target.kind == "level" else 1)
        evaluations = [
            evaluate(w, measure, as_of, threshold, total)
            for w in target_windows(target.kind, target.window_start, target.window_end)
        ]
        results.append(TargetResult(target, evaluations, measure, total, threshold, as_of))
    return results


def target_data_start(targets: list, default: int) -> int:
    """The first month the targets' evaluation reads (their windows' prior years)."""
    starts = [add_months(t.window_start, -12 * (PRIOR_YEARS + 1)) for t in targets]
    return min([default, *starts])
