"""The thresholds of the data-quality rules: one place for their defaults, overridable by env.

Every field can be set as STM_QUALITY_<FIELD> (e.g. STM_QUALITY_JUMP_Z=4). Why each default is
what it is: docs/data-quality.md.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class QualityThresholds:
    """When each rule fires. Money in US cents; shares as fractions."""

    # (a) jump: modified z-score of log(1 + total US$) against the enterprise's previous months.
    jump_z: float = 5.0  # above Iglewicz & Hoaglin's 3.5: monthly totals are heavy-tailed
    jump_min_change_usd_cents: int = 50_000_000  # and |total − median| ≥ US$500k
    jump_min_prior: int = 6  # fewer earlier months: no stable median to compare with
    jump_window: int = 24  # compare with at most the last 24 earlier months (growth drifts)
    jump_min_mad: float = 0.05  # log units: a near-constant history still allows ~±45% moves
    # (b) one month a large share of the calendar year's total so far.
    share_max: float = 0.6
    share_min_months: int = 6
    # (c) exports to a partner never seen before for the enterprise, at a size that matters.
    partner_min_share: float = 0.5  # of the month's (BOP) exports
    partner_min_usd_cents: int = 100_000_000  # US$1m
    partner_min_prior: int = 6  # a newcomer's first months are all "new partners": skip them
    # (d) the same non-zero total repeated exactly in consecutive months.
    repeat_months: int = 6
    # (e) many versions of one report.
    revisions_min_versions: int = 3

    @classmethod
    def from_env(cls, environ: dict[str, str]) -> "QualityThresholds":
        """Defaults, with every STM_QUALITY_<FIELD> present in environ applied."""
        values = {}
        for f in fields(cls):
            raw = environ.get(f"STM_QUALITY_{f.name.upper()}")
            if raw is not None:
                values[f.name] = (float if f.type in ("float", float) else int)(raw)
        return cls(**values)
