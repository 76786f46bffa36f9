"""Read a file of published totals (.xlsx or .csv, within the upload limits) and check it: the
ExternalFile to load, or the problems that stop it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.exchange.external.check import Problem, check_frame
from etl.intake.read import ReadLimits, ReportReadError, read_report
from etl.reference import ReferenceCodes

WEB_MAX_ROWS = 10_000  # published figures per uploaded file: a bureau publishes hundreds


@dataclass
class ExternalFile:
    """A read and checked file: the figures to load, or the problems that stop it."""

    file_name: str
    sha256: str
    figures: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file may be loaded (no problem at all)."""
        return not self.problems

    def problem_table(self) -> pd.DataFrame:
        """The problems as a table (row, column, value, problem_zh, problem_en)."""
        return pd.DataFrame(
            [p.__dict__ for p in self.problems],
            columns=["row", "column", "value", "problem_zh", "problem_en"],
        )


def read_external(
    path: Path, ref: ReferenceCodes, data: bytes | None = None, limits: ReadLimits | None = None
) -> ExternalFile:
    """Read and check a file of published totals (.xlsx or .csv); limits (web uploads) are
    checked before the file is parsed."""
    path = Path(path)
    try:
        result = read_report(data if data is not None else path, path.name, limits)
    except ReportReadError as exc:
        return ExternalFile(
            path.name, "", pd.DataFrame(), [Problem(0, "", "", exc.message_zh, exc.message_en)]
        )
    figures, problems = check_frame(result.frame, ref, result.header_row)
    return ExternalFile(path.name, result.sha256, figures, problems)
