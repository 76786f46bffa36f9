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
    max_upload_rows: int = 300_000  # data rows per uploaded file (web); checked before parsing
    max_upload_files: int = 20  # files per drop
    max_xlsx_uncompressed_bytes: int = 400 * 1024 * 1024  # what an xlsx's zip may expand to
    # Key enterprises report month M by this day of month M+1 (later: 迟报, see etl.coverage.compute).
    report_deadline_day: int = 10
    # A month whose key-enterprise coverage is below this share is released only with an
    # override and a note (etl.release); a release turns from 初步 to final after this many months.
    release_min_coverage: float = 0.90
    release_final_after_months: int = 3
    # Pilot-task ledger: largest evidence file a unit may attach (bytes), and how many months
    # without a progress report put an unfinished task on the supervision (督查) list.
    evidence_max_bytes: int = 20 * 1024 * 1024
    task_report_gap_months: int = 3
    # Sign-in is required in every real deployment; only page tests that are not about
    # access control build an app without it.
    auth_required: bool = True
    # Session cookies only over HTTPS (set it when TLS terminates in front of the app).
    secure_cookies: bool = False
    session_hours: int = 12  # a sign-in lasts at most this long, however active
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
            max_upload_rows=int(env.get("STM_MAX_UPLOAD_ROWS", "300000")),
            max_upload_files=int(env.get("STM_MAX_UPLOAD_FILES", "20")),
            max_xlsx_uncompressed_bytes=int(
                env.get("STM_MAX_XLSX_UNCOMPRESSED_BYTES", str(400 * 1024 * 1024))
            ),
            report_deadline_day=int(env.get("STM_REPORT_DEADLINE_DAY", "10")),
            secure_cookies=env.get("STM_SECURE_COOKIES", "").lower() in ("1", "true", "yes"),
            session_hours=int(env.get("STM_SESSION_HOURS", "12")),
            release_min_coverage=float(env.get("STM_RELEASE_MIN_COVERAGE", "0.90")),
            release_final_after_months=int(env.get("STM_RELEASE_FINAL_AFTER_MONTHS", "3")),
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
