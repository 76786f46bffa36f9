"""External published totals (SAFE BOP, MOFCOM, the statistics bureau): read and validate a file,
and its template. Pure apart from reading the file. vocabulary holds the sources, scopes,
directions, units and columns; cells reads one cell; check checks a frame (every problem names its
Excel row and column); read reads a file into an ExternalFile; template builds the template. A file
with any problem loads nothing (etl.exchange.store). Amounts are kept exactly as written and as
integers of minor units of their currency (亿美元 / 万美元 -> US cents, 亿元 -> fen). The names
the rest of the code uses are re-exported here. May import: intake.read, reference, pandas.
"""

from __future__ import annotations

from etl.exchange.external.check import Problem
from etl.exchange.external.read import WEB_MAX_ROWS, ExternalFile, read_external
from etl.exchange.external.template import template_sheets
from etl.exchange.external.vocabulary import NATION, SOURCE_NAMES

__all__ = [
    "NATION",
    "SOURCE_NAMES",
    "Problem",
    "ExternalFile",
    "WEB_MAX_ROWS",
    "read_external",
    "template_sheets",
]
