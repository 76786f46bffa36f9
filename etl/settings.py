"""One settings object, read from the environment; tests build their own."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from etl.quality.thresholds import QualityThresholds

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Runtime configuration of the app and the ETL."""

    instance_path: Path = PROJECT_ROOT / "instance"
    database_url: str = ""
    secret_key: str = ""
    host: str = "127.0.0.1"
    port: int = 8050
    seeds_path: Path = PROJECT_ROOT / "seeds"
    sample_path: Path = PROJECT_ROOT / "sample_data"
    # Disclosure control for circulated outputs (统计法): threshold and (n, k) dominance.
    disclosure_min_contributors: int = 3
    disclosure_dominance_k: float = 0.85
    snapshot_region: str = "120000"  # the scope of the monthly snapshot (天津市)
    max_upload_bytes: int = 50 * 1024 * 1024
    # Key enterprises report month M by this day of month M+1 (later: 迟报, see etl.coverage.compute).
    report_deadline_day: int = 10
    # Pilot-task ledger: largest evidence file a unit may attach (bytes), and how many months
    # without a progress report put an unfinished task on the supervision (督查) list.
    evidence_max_bytes: int = 20 * 1024 * 1024
    task_report_gap_months: int = 3
    # Sign-in is required in every real deployment; only page tests that are not about
    # access control build an app without it.
    auth_required: bool = True
    # When the data-quality rules fire (defaults and reasons: etl/quality/thresholds.py).
    quality: QualityThresholds = field(default_factory=QualityThresholds)
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.database_url:
            db_file = Path(self.instance_path) / "services_trade.sqlite3"
            object.__setattr__(self, "database_url", f"sqlite:///{db_file}")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Build settings from environment variables (STM_* and DATABASE_URL)."""
        env = os.environ if environ is None else environ
        instance = Path(env.get("STM_INSTANCE_PATH", str(PROJECT_ROOT / "instance")))
        return cls(
            instance_path=instance,
            database_url=env.get("DATABASE_URL", ""),
            secret_key=env.get("STM_SECRET_KEY", ""),
            host=env.get("STM_HOST", "127.0.0.1"),
            port=int(env.get("STM_PORT", "8050")),
            disclosure_min_contributors=int(env.get("STM_DISCLOSURE_MIN_N", "3")),
            disclosure_dominance_k=float(env.get("STM_DISCLOSURE_K", "0.85")),
            snapshot_region=env.get("STM_SNAPSHOT_REGION", "120000"),
            max_upload_bytes=int(env.get("STM_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024))),
            report_deadline_day=int(env.get("STM_REPORT_DEADLINE_DAY", "10")),
            evidence_max_bytes=int(env.get("STM_EVIDENCE_MAX_BYTES", str(20 * 1024 * 1024))),
            task_report_gap_months=int(env.get("STM_TASK_REPORT_GAP_MONTHS", "3")),
            quality=QualityThresholds.from_env(env),
        )

    def with_database(self, url: str) -> "Settings":
        """Copy of these settings pointing at another database."""
        return replace(self, database_url=url)

    @property
    def is_sqlite(self) -> bool:
        """Whether the configured database is the embedded SQLite default."""
        return self.database_url.startswith("sqlite")
