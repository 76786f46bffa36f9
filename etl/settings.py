"""One settings object, read from the environment; tests build their own."""

from __future__ import annotations

import dataclasses
import json
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
    # Secondary protection: a suppressed figure must stay uncertain by at least ±this share of it.
    disclosure_protection: float = 0.15
    # The linear-programming audit (and its repair) runs at release up to this many atoms a year
    # (0: off). Its cost grows with the primary cells times the atoms: opt in for small scopes.
    disclosure_audit_max_atoms: int = 0
    # the release-time audit's time budget a month (etl.disclosure.exact): a release waits no
    # longer; what is left is recorded and shown (保密核查)
    disclosure_audit_seconds: float = 600.0
    # its linear program (the attacker's, over every primary cell) runs when the year has at
    # most this many hidden cells: on the sample, 两江新区 until about June (a minute a month),
    # 天津市 never (90,000 hidden cells by April: over two minutes an LP)
    disclosure_lp_cells: int = 25_000
    snapshot_region: str = "120000"  # the scope of the monthly snapshot (天津市)
    max_upload_bytes: int = 50 * 1024 * 1024
    max_upload_rows: int = 300_000  # data rows per uploaded file (web); checked before parsing
    max_upload_files: int = 20  # files per drop
    max_xlsx_uncompressed_bytes: int = 400 * 1024 * 1024  # what an xlsx's zip may expand to
    max_upload_jobs: int = 2  # upload jobs (checks or loads) one user may have running at once
    # The worker process that checks or loads an upload: its address space, and how long a check
    # may take (wall clock; loads wait for each other, so they have no time cap).
    upload_worker_memory_mb: int = 2048
    upload_check_seconds: int = 600
    # The command line's limits (`python -m etl load`): an operator at the server may load up to
    # Excel's own maximum sheet at once; the zip-bomb check is the same as the web's.
    cli_max_rows: int = 1_048_576
    cli_max_xlsx_uncompressed_bytes: int = 2048 * 1024 * 1024  # 1M text rows: ~0.7 GB of XML
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
    # Read-only API (/api/v1): requests per token per minute (429 beyond).
    api_rate_per_minute: int = 120
    # 对比监测: a published figure whose direct-report coverage is below this share is flagged.
    reconcile_min_coverage: float = 0.60
    # Delivery of the monthly briefing by e-mail (etl.mail): nothing is sent while smtp_host is
    # empty. smtp_tls: starttls | ssl | none. A failed message is retried after
    # mail_retry_seconds, doubling each time, until mail_max_attempts.
    briefing_on_release: bool = True  # make (and mail) the month's briefing after a release
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_tls: str = "starttls"
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = ""
    mail_max_attempts: int = 6
    mail_retry_seconds: int = 300
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.database_url:
            db_file = Path(self.instance_path) / "services_trade.sqlite3"
            object.__setattr__(self, "database_url", f"sqlite:///{db_file}")

    def to_json(self) -> str:
        """These settings as JSON (for a worker process: pass it in the environment, never in a
        file: it holds the secret key and the mail password)."""
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, default=str)

    @classmethod
    def from_json(cls, text: str) -> "Settings":
        """Settings written by to_json: paths and nested settings made again."""
        values = json.loads(text)
        for f in dataclasses.fields(cls):
            default = f.default_factory() if f.default is dataclasses.MISSING else f.default
            if isinstance(default, Path):
                values[f.name] = Path(values[f.name])
            elif dataclasses.is_dataclass(default):
                values[f.name] = type(default)(**values[f.name])
        return cls(**values)

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
            disclosure_protection=float(env.get("STM_DISCLOSURE_PROTECTION", "0.15")),
            disclosure_audit_max_atoms=int(env.get("STM_DISCLOSURE_AUDIT_MAX_ATOMS", "0")),
            disclosure_audit_seconds=float(env.get("STM_DISCLOSURE_AUDIT_SECONDS", "600")),
            disclosure_lp_cells=int(env.get("STM_DISCLOSURE_LP_CELLS", "25000")),
            snapshot_region=env.get("STM_SNAPSHOT_REGION", "120000"),
            max_upload_bytes=int(env.get("STM_MAX_UPLOAD_BYTES", str(50 * 1024 * 1024))),
            max_upload_rows=int(env.get("STM_MAX_UPLOAD_ROWS", "300000")),
            max_upload_files=int(env.get("STM_MAX_UPLOAD_FILES", "20")),
            max_xlsx_uncompressed_bytes=int(
                env.get("STM_MAX_XLSX_UNCOMPRESSED_BYTES", str(400 * 1024 * 1024))
            ),
            max_upload_jobs=int(env.get("STM_MAX_UPLOAD_JOBS", "2")),
            upload_worker_memory_mb=int(env.get("STM_UPLOAD_WORKER_MEMORY_MB", "2048")),
            upload_check_seconds=int(env.get("STM_UPLOAD_CHECK_SECONDS", "600")),
            cli_max_rows=int(env.get("STM_CLI_MAX_ROWS", "1048576")),
            cli_max_xlsx_uncompressed_bytes=int(
                env.get("STM_CLI_MAX_XLSX_UNCOMPRESSED_BYTES", str(2048 * 1024 * 1024))
            ),
            report_deadline_day=int(env.get("STM_REPORT_DEADLINE_DAY", "10")),
            secure_cookies=env.get("STM_SECURE_COOKIES", "").lower() in ("1", "true", "yes"),
            session_hours=int(env.get("STM_SESSION_HOURS", "12")),
            release_min_coverage=float(env.get("STM_RELEASE_MIN_COVERAGE", "0.90")),
            release_final_after_months=int(env.get("STM_RELEASE_FINAL_AFTER_MONTHS", "3")),
            evidence_max_bytes=int(env.get("STM_EVIDENCE_MAX_BYTES", str(20 * 1024 * 1024))),
            task_report_gap_months=int(env.get("STM_TASK_REPORT_GAP_MONTHS", "3")),
            quality=QualityThresholds.from_env(env),
            api_rate_per_minute=int(env.get("STM_API_RATE_PER_MINUTE", "120")),
            reconcile_min_coverage=float(env.get("STM_RECONCILE_MIN_COVERAGE", "0.60")),
            briefing_on_release=env.get("STM_BRIEFING_ON_RELEASE", "1").lower()
            not in ("0", "false", "no"),
            smtp_host=env.get("STM_SMTP_HOST", ""),
            smtp_port=int(env.get("STM_SMTP_PORT", "587")),
            smtp_tls=env.get("STM_SMTP_TLS", "starttls").lower(),
            smtp_user=env.get("STM_SMTP_USER", ""),
            smtp_password=env.get("STM_SMTP_PASSWORD", ""),
            smtp_from=env.get("STM_SMTP_FROM", ""),
            mail_max_attempts=int(env.get("STM_MAIL_MAX_ATTEMPTS", "6")),
            mail_retry_seconds=int(env.get("STM_MAIL_RETRY_SECONDS", "300")),
        )

    def with_database(self, url: str) -> "Settings":
        """Copy of these settings pointing at another database."""
        return replace(self, database_url=url)

    @property
    def is_sqlite(self) -> bool:
        """Whether the configured database is the embedded SQLite default."""
        return self.database_url.startswith("sqlite")
