"""The entry: validate_report runs every check over a frame from etl.intake.read, in order."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from etl.coded import Coded
from etl.intake.normalize import build_vocabularies
from etl.intake.schemas import COLUMNS_BY_KEY
from etl.intake.validate.across_rows import check_across_rows
from etl.intake.validate.amounts import _check_amounts
from etl.intake.validate.cells import _check_controls, _check_values, _positions
from etl.intake.validate.context import RegistryFacts, warn_in_context
from etl.intake.validate.headers import _header_ok, match_headers
from etl.intake.validate.issues import IssueLog
from etl.intake.validate.result import ValidationResult, _clean_frame, _empty_clean, _result
from etl.intake.validate.scope import _check_enterprise_scope, _check_region_scope
from etl.reference import ReferenceCodes


def validate_report(
    frame: pd.DataFrame,
    ref: ReferenceCodes,
    facts: RegistryFacts | None = None,
    today: dt.date | None = None,
    only_regions: tuple[str, ...] | None = None,
) -> ValidationResult:
    """Check a frame from etl.intake.read (index = Excel row numbers) against the report contract.

    only_regions (a clerk's regions): rows of any other region, below them or not, are errors;
    so are rows of an enterprise registered outside them (for an enterprise not yet registered:
    whose code's area digits lie outside them) and rows that would move an enterprise to another
    region. Such a clerk is told nothing stored about enterprises outside their regions.
    """
    today = today or dt.date.today()
    headers = [str(c) for c in frame.columns]
    log = IssueLog(_row_numbers(frame), {h: i for i, h in enumerate(headers)})
    match = match_headers(headers)
    if not _header_ok(match, headers, log):
        return _result(log, _empty_clean(), len(frame), ref)
    if frame.empty:
        log.add_file_issue("no_data")
        return _result(log, _empty_clean(), 0, ref)
    col = {key: headers[pos] for key, pos in match.found.items()}
    cells = {key: Coded.from_cells(frame.iloc[:, pos]) for key, pos in match.found.items()}
    for key, text in cells.items():
        if COLUMNS_BY_KEY[key].required:
            log.add("missing_value", _positions(~text.ok), col[key], "")
        _check_controls(text, col[key], log)
    values = _check_values(cells, col, build_vocabularies(ref), today, log)
    facts = facts or RegistryFacts()
    if only_regions is not None:
        allowed = {code for top in only_regions for code in ref.region_descendants(top)}
        names = "、".join(f"{c} {ref.regions.get(c, '')}".strip() for c in only_regions) or "—"
        _check_region_scope(values["region_code"], allowed, names, col["region"], cells, log)
        facts = _check_enterprise_scope(values, allowed, names, ref, facts, col, cells, log)
    amounts = _check_amounts(cells["amount"], values, col, ref, log)
    check_across_rows(values, cells, col, log)
    warn_in_context(values, amounts, cells, col, ref, facts, log)
    clean = _clean_frame(values, amounts, log.row_numbers, ~log.error_positions)
    return _result(log, clean, len(frame), ref)


def _row_numbers(frame: pd.DataFrame) -> np.ndarray:
    """Excel row numbers from the index (etl.intake.read sets them); else numbered from row 2.

    A default 0-based index cannot be Excel numbering (data starts at row 2), so it is replaced.
    """
    index = frame.index
    if pd.api.types.is_integer_dtype(index.dtype) and (len(index) == 0 or index.min() >= 2):
        return index.to_numpy(dtype=np.int64)
    return np.arange(2, len(frame) + 2, dtype=np.int64)
