"""The Partners page's read: amounts by partner and month, with partner groups and names."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from dashboard.data import View, remembered, session, view_of
from dashboard.filter_state import FilterState, to_report_filter
from etl.periods import add_months
from etl.queries import figures as queries_figures
from etl.queries.reference_tables import group_members
from etl.queries.windows import window_totals


@dataclass(frozen=True)
class PartnerBreakdown:
    """Amounts by partner and month for the state (partner groups and names to go with them)."""

    view: View
    monthly: pd.DataFrame  # period, partner_code, amount: the window's months in `years` years
    groups: pd.DataFrame  # code, name_zh, name_en, member (one row per member)
    names: dict[str, dict[str, str]]  # lang -> partner code -> name from the reference table
    shown: int | None  # first month the trend shows
    years: int
    # start, end, code, amount: all partners (TOTAL) and each group (group:X) over each year's
    # window, as the published cells fix them (etl.queries.windows): a leader's shares and
    # group totals hide only what the pattern hides
    windows: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["start", "end", "code", "amount"])
    )


@remembered
def partner_breakdown(state: FilterState, years: int = 5) -> PartnerBreakdown:
    """Partner amounts for the window and the same months of earlier years (with a category
    filter they come from agg_partner_category: etl.queries.figures.partner_totals)."""
    from etl.reference import reference_codes

    with session() as s:
        v = view_of(s, state)
        _, groups = group_members(s)
        ref = reference_codes(s)
        names = {
            "zh": {c: n for c, n in ref.partners.items() if n},
            "en": {c: n for c, n in ref.partner_names_en.items() if n},
        }
        frame = pd.DataFrame(columns=["period", "partner_code", "amount"])
        windows = pd.DataFrame(columns=["start", "end", "code", "amount"])
        shown = None
        if v.end is not None:
            shown = v.start if state.period == "range" else (v.end // 100 - 2) * 100 + 1
            first = min(add_months(v.start, -12 * years), shown)
            f = to_report_filter(state, first, v.end)
            frame = queries_figures.partner_totals(s, f, ("period", "partner_code"))
            own = [("TOTAL", ())] + [
                (f"group:{g}", (f"group:{g}",)) for g in groups["code"].drop_duplicates()
            ]
            spans = [
                (add_months(v.start, -12 * k), add_months(v.end, -12 * k)) for k in range(years)
            ]
            windows = pd.DataFrame(
                [
                    (a, b, code, amount)
                    for code, p in own
                    for (a, b), amount in zip(
                        spans, window_totals(s, replace(f, partners=p), spans, partners=True)
                    )
                ],
                columns=["start", "end", "code", "amount"],
            )
    return PartnerBreakdown(v, frame, groups, names, shown, years, windows)
