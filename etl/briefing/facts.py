"""The figures a briefing rests on, read from the released copies through the query layer.

Every read goes through the functions the pages and the CLI use (etl.summary.summary_frame,
etl.queries.figures.totals, etl.targets.status.evaluate_targets) on a session marked to read the
released copies, so a briefing never shows an unreleased figure and never derives a protected one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace

import pandas as pd
from sqlalchemy.orm import Session

from etl.aggregates import window_comparison
from etl.data_version import PROTECTED as CIRCULATED
from etl.data_version import RELEASED
from etl.filters import GROUP_PREFIX, ReportFilter
from etl.queries import figures as queries_figures
from etl.queries import release as queries_release
from etl.queries.windows import window_totals
from etl.reference import reference_codes
from etl.release.store import effective_status
from etl.summary import summary_frame

KIS = "KIS"  # the knowledge-intensive services group (seeds/category_groups.csv)
PROTECTED = "C"  # status of a protected figure (保密), amount NA
AMOUNT_KINDS = ("growth", "avg_growth", "level")  # target windows whose gap is an amount


@dataclass(frozen=True)
class TargetFact:
    """One target's leading window as of the month: status, gap (cents) and growth still needed."""

    code: str
    name: dict[str, str]  # lang -> name
    window: dict[str, str]  # lang -> window label
    kind: str
    status: str
    gap_cents: int | None  # actual (closed) or projected minus required; None for ratio kinds
    needed_growth: float | None  # growth the remaining months need against a year earlier


@dataclass
class BriefingFacts:
    """Everything a briefing says, as figures: amounts in US cents, ratios, points."""

    scope: str
    scope_names: dict[str, str]
    period: int
    release_id: int
    revision: int
    status: str  # preliminary | final
    released_at: dt.datetime
    coverage: dict  # etl.coverage.compute.SUMMARY_KEYS, as the release's checklist recorded them
    coverage_overridden: bool
    direction: pd.DataFrame  # summary_frame rows: code (TOTAL, X, M), current, previous, growth…
    category: pd.DataFrame
    region: pd.DataFrame
    partner: pd.DataFrame
    kis: dict | None  # window_comparison of the group against the total; None: protected
    monthly: pd.DataFrame  # period, amount: the year before and the year to the month
    targets: list[TargetFact] = field(default_factory=list)

    @property
    def year(self) -> int:
        """The year of the month."""
        return self.period // 100

    @property
    def month(self) -> int:
        """The month number."""
        return self.period % 100


def is_protected(frame: pd.DataFrame) -> bool:
    """Whether any figure of a frame is protected (status C) or missing (NA)."""
    if frame.empty:
        return False
    if "status" in frame.columns and (frame["status"] == PROTECTED).any():
        return True
    return bool(frame["amount"].isna().any()) if "amount" in frame.columns else False


def _released(session: Session) -> Session:
    # A briefing is a released, circulated product whoever asks for it: it reads the released
    # copies through the month's suppression pattern, as leaders' pages do (etl.disclosure).
    session.info[RELEASED] = session.info[CIRCULATED] = True
    return session


def read_facts(
    session: Session, scope: str, period: int, final_after_months: int, today: dt.date
) -> BriefingFacts | None:
    """The released figures of a month and scope (None when the month is not released)."""
    _released(session)
    release = queries_release.current_release(session, scope, period)
    if release is None:
        return None
    ref = reference_codes(session)
    year, month = divmod(period, 100)
    frames = {
        by: summary_frame(session, year, month, region=scope, by=by)
        for by in ("direction", "category", "region", "partner")
    }
    # the group and the total 1–N月 and a year earlier, each a figure of its own: published
    # even where a month or a category in it is hidden
    spans = [(year * 100 + 1, period), ((year - 1) * 100 + 1, period - 100)]
    whole_f = ReportFilter(period_from=spans[1][0], period_to=period, regions=(scope,))
    part_f = replace(whole_f, categories=(GROUP_PREFIX + KIS,))
    whole = queries_figures.totals(session, whole_f, ("period",))
    (p, p0), (w, w0) = window_totals(session, part_f, spans), window_totals(session, whole_f, spans)
    kis = None
    if not any(v is pd.NA for v in (p, p0, w, w0)):
        kis = window_comparison(p, p0, w, w0)
    checklist = json.loads(release.checklist or "{}")
    return BriefingFacts(
        scope=scope,
        scope_names={"zh": ref.regions.get(scope, scope), "en": ref.region_names_en.get(scope)},
        period=period,
        release_id=release.id,
        revision=release.revision,
        status=effective_status(release, today, final_after_months),
        released_at=release.released_at,
        coverage=checklist.get("coverage") or {},
        coverage_overridden=bool(release.coverage_overridden),
        direction=frames["direction"],
        category=frames["category"],
        region=frames["region"],
        partner=frames["partner"],
        kis=kis,
        monthly=whole,
        targets=_targets(session, scope, period),
    )


def _targets(session: Session, scope: str, period: int) -> list[TargetFact]:
    from etl.targets.status import evaluate_targets

    out = []
    for result in evaluate_targets(session, period):
        if result.target.region_code != scope:
            continue
        ev = result.headline()
        if ev.window.end < (period // 100) * 100 + 1:
            continue  # ended before this year: history, not news for this month's briefing
        gap = ev.gap if ev.window.kind in AMOUNT_KINDS else None
        out.append(
            TargetFact(
                code=result.target.code,
                name={"zh": result.target.name_zh, "en": result.target.name_en},
                window={"zh": ev.window.label_zh, "en": ev.window.label_en},
                kind=ev.window.kind,
                status=ev.status,
                gap_cents=None if gap is None else int(round(gap)),
                needed_growth=ev.needed_growth_remaining,
            )
        )
    return out
