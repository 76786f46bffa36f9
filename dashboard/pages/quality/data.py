"""Read and write service of the 数据质量 page: one session per call, every call behind the
review_quality permission (statisticians and admins), every change and download audited."""

from __future__ import annotations

import pandas as pd

from dashboard import auth
from dashboard.data import app_context, session
from etl import accounts
from etl.models.quality import CLEARED
from etl.quality.store import review_flag
from etl.quality.thresholds import QualityThresholds
from etl.queries import quality as qq

ACTION = "review_quality"


def thresholds() -> QualityThresholds:
    """The thresholds the app's settings carry (the ones loads use when started from it)."""
    return app_context().settings.quality


def flag_months() -> list[int]:
    """Months that have flags (any status), for the month filter."""
    auth.guard(ACTION)
    with session() as s:
        return qq.flag_months(s)


def flags(status: str = "", rule: str = "", month: str = "") -> pd.DataFrame:
    """Flags matching the filters ('' = any); status 'cleared' lists those no longer firing."""
    auth.guard(ACTION)
    with session() as s:
        return qq.flag_list(
            s,
            int(month) if month else None,
            None if status in ("", CLEARED) else status,
            rule or None,
            cleared=status == CLEARED,
        )


def flag_with_notes(flag_id: int) -> tuple[dict | None, pd.DataFrame]:
    """One flag and its review history (None, empty when there is no such flag)."""
    auth.guard(ACTION)
    with session() as s:
        return qq.flag_record(s, flag_id), qq.flag_notes(s, flag_id)


def review(flag_id: int, status: str, note: str) -> None:
    """Record a review (status and note) by the signed-in person; etl ReviewError if invalid."""
    auth.guard(ACTION)
    author = auth.actor_name()
    with app_context().session_factory.begin() as s:
        review_flag(s, flag_id, author, status, note)
        accounts.audit(
            s, author, "quality_review", {"flag": flag_id, "status": status}, auth.client_addr()
        )


def record_download(filters: dict, rows: int) -> None:
    """Write the flag-list download to the audit log."""
    auth.guard(ACTION)
    auth.record("export_quality_flags", {**filters, "rows": rows})
