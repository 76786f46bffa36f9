"""Validate a report frame: every problem with Excel row, column and a clerk-readable message.

Pure functions (no database). Every column is factorised once (etl.coded), so spellings, codes and
periods are resolved once per distinct value; money is exact integer arithmetic (etl.intake.money),
so a 100k-row file validates in about half a second. Owns: report (validate_report, the entry,
which runs the others in order), headers (the header row and its file-level issues), cells (one
cell at a time: codes, names, control characters, USCC, periods), scope (a clerk's regions),
amounts (money problems and the exact conversion), across_rows (duplicate keys, conflicting names
or regions), context (RegistryFacts, what the database knows, and the warnings that need it),
result (ValidationResult and its clean frame) and issues (the catalogue of problems and their
collector). May import: the pure intake modules (normalize, schemas, money, uscc), coded, periods,
reference; never the database, nor intake's read, load or jobs.
"""

from __future__ import annotations

from etl.intake.validate.context import RegistryFacts
from etl.intake.validate.headers import match_headers
from etl.intake.validate.report import validate_report
from etl.intake.validate.result import ValidationResult

__all__ = ["RegistryFacts", "ValidationResult", "match_headers", "validate_report"]
