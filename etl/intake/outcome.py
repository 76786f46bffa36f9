"""What a load did: etl.intake.load returns it, etl.intake.report_versions counts into it."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.intake.validate import ValidationResult


@dataclass
class LoadOutcome:
    """What a load did, in numbers a clerk and a log can both read."""

    status: str  # loaded | unchanged | rejected | busy (waited too long) | validated (dry run)
    # (history rows also say cancelled or failed: a web job stopped before it loaded anything)
    file_name: str
    sha256: str
    rows: int = 0
    batch_id: int | None = None
    reports_new: int = 0
    reports_revised: int = 0
    reports_unchanged: int = 0
    lines: int = 0
    total_usd_cents: int = 0
    validation: ValidationResult | None = None
    duplicate_of: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file was accepted (or, on a dry run, would be)."""
        return self.status not in ("rejected", "busy")
