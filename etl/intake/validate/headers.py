"""The header row: which file column holds which report column, and the file-level header issues."""

from __future__ import annotations

from dataclasses import dataclass

from etl.intake.normalize import HEADER_KEYS, header_key
from etl.intake.schemas import COLUMNS_BY_KEY, REPORT_COLUMNS
from etl.intake.validate.issues import IssueLog


@dataclass(frozen=True)
class HeaderMatch:
    """Which file column holds which report column."""

    found: dict[str, int]  # report column key -> position in the file
    extra: list[str]  # headers that match nothing
    duplicates: list[str]  # headers that repeat an already-found column

    @property
    def missing(self) -> list[str]:
        """Required report columns absent from the file."""
        return [c.key for c in REPORT_COLUMNS if c.required and c.key not in self.found]


def match_headers(headers: list[str]) -> HeaderMatch:
    """Match headers by Chinese or English name or alias, ignoring case, spaces and bracket width."""
    found: dict[str, int] = {}
    extra, duplicates = [], []
    for pos, header in enumerate(headers):
        key = HEADER_KEYS.get(header_key(header))
        if key is None:
            extra.append(header)
        elif key in found:
            duplicates.append(header)
        else:
            found[key] = pos
    return HeaderMatch(found, extra, duplicates)


def _header_ok(match: HeaderMatch, headers: list[str], log: IssueLog) -> bool:
    """Header issues; False when required columns are missing (nothing else can be checked).

    A repeated column is an error, but the rows are still checked using its first occurrence,
    so the clerk sees every problem in one pass.
    """
    if match.missing:
        names = "、".join(COLUMNS_BY_KEY[k].header_zh for k in match.missing)
        log.add_file_issue(
            "missing_columns",
            value=names,
            missing=names,
            extra="、".join(match.extra) or "（无 none）",
        )
        return False
    for header in match.duplicates:
        first = headers[match.found[HEADER_KEYS[header_key(header)]]]
        log.add_file_issue(
            "duplicate_column", column=header, value=header, headers=f"{first} / {header}"
        )
    for header in match.extra:
        log.add_file_issue("extra_column", column=header, value=header)
    return True
