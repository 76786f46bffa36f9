"""One cell at a time: codes and names resolved, control characters, USCC, periods.

Also the two helpers every per-row check logs with (_positions, _log_bad).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np

from etl.coded import Coded
from etl.intake.normalize import Vocabularies
from etl.intake.schemas import UNITS
from etl.intake.uscc import CHARSET, check_character, normalize_uscc, uscc_problem
from etl.intake.validate.issues import IssueLog
from etl.periods import format_period, parse_period

FIRST_PERIOD = 200001
# C0 controls (NUL, tab, line breaks …), DEL, C1 controls, and the bidi embeddings, overrides and
# isolates that make text display in another order than it is stored (Trojan Source).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NAME_MAX = 200  # enterprise.name is VARCHAR(200)
_CODED = (  # report column, clean column, issue code
    ("region", "region_code", "unknown_region"),
    ("direction", "direction", "unknown_direction"),
    ("category", "category_code", "unknown_category"),
    ("mode", "mode", "unknown_mode"),
    ("partner", "partner_code", "unknown_partner"),
    ("currency", "currency", "unknown_currency"),
    ("unit", "unit", "unknown_unit"),
)


def _positions(mask: np.ndarray) -> np.ndarray:
    return np.flatnonzero(mask)


def _log_bad(
    log: IssueLog, code: str, mask: np.ndarray, header: str, text: Coded, **fields: object
) -> None:
    """One issue per masked row, quoting the cell as written (fields: per-row arrays or scalars)."""
    pos = _positions(mask)
    log.add(
        code,
        pos,
        header,
        text.values(pos),
        **{k: (v[pos] if isinstance(v, np.ndarray) else v) for k, v in fields.items()},
    )


def _check_values(
    cells: dict[str, Coded], col: dict[str, str], vocab: Vocabularies, today: dt.date, log: IssueLog
) -> dict[str, Coded]:
    """Canonical values per clean column (missing where absent or invalid), logging cell errors."""
    out = {"uscc": _check_uscc(cells["uscc"], col["uscc"], log)}
    name = cells["enterprise_name"]
    _log_bad(
        log,
        "name_too_long",
        name.per_row(lambda s: len(s) > NAME_MAX, False, bool),
        col["enterprise_name"],
        name,
    )
    out["enterprise_name"] = name
    for key, clean_key, code in _CODED:
        resolved = cells[key].map(getattr(vocab, key).resolve)
        _log_bad(log, code, cells[key].ok & ~resolved.ok, col[key], cells[key])
        out[clean_key] = resolved
    implied = out["unit"].per_row(lambda u: UNITS[u][0])
    currency = out["currency"].values()
    clash = out["currency"].ok & out["unit"].ok & (implied != currency)
    pos = _positions(clash)
    log.add(
        "currency_unit_mismatch",
        pos,
        col["unit"],
        cells["unit"].values(pos),
        currency=currency[pos],
        unit=out["unit"].values(pos),
        implied=implied[pos],
        detail=lambda f: {"implied_zh": "美元" if f["implied"] == "USD" else "人民币"},
    )
    out["unit"] = out["unit"].where(~clash)  # a unit only counts where it fits the currency
    out["period"] = _check_period(cells["period"], col["period"], today, log)
    return out


def _check_controls(text: Coded, header: str, log: IssueLog) -> None:
    """Cells holding control or bidi characters: an error, quoting the characters as U+XXXX.

    Such a value would be stored as written (NUL on SQLite) or fail the commit (PostgreSQL
    refuses NUL), and direction overrides make a name read differently than it is stored.
    """
    found = text.per_row(
        lambda s: " ".join(f"U+{ord(c):04X}" for c in sorted(set(CONTROL.findall(s)))), ""
    )
    pos = _positions(found != "")
    log.add(
        "control_character",
        pos,
        header,
        text.relabel(lambda s: CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", s)).values(pos),
        chars=found[pos],
    )


def _check_uscc(text: Coded, header: str, log: IssueLog) -> Coded:
    """Normalised codes where valid; a specific error for each kind of invalid code."""
    norm = text.map(normalize_uscc)
    kinds = norm.per_row(uscc_problem)
    details = {
        "length": lambda f: {"length": len(f["norm"])},
        "charset": lambda f: {"chars": " ".join(sorted(set(f["norm"]) - set(CHARSET)))},
        "area": lambda f: {"area": f["norm"][2:8]},
        "check": lambda f: {"expected": check_character(f["norm"][:17]), "actual": f["norm"][17]},
    }
    for kind, detail in details.items():
        pos = _positions(kinds == kind)
        log.add(f"uscc_{kind}", pos, header, text.values(pos), norm=norm.values(pos), detail=detail)
    return norm.map(lambda c: c if uscc_problem(c) is None else None)  # only valid labels remain


def _check_period(text: Coded, header: str, today: dt.date, log: IssueLog) -> Coded:
    """Periods as YYYYMM ints where acceptable (format, not before 2000-01, not in the future)."""
    periods = text.map(lambda u: parse_period(unicodedata.normalize("NFKC", u)))
    _log_bad(log, "period_format", text.ok & ~periods.ok, header, text)
    current = today.year * 100 + today.month
    early = periods.per_row(lambda p: p < FIRST_PERIOD, False, bool)
    future = periods.per_row(lambda p: p > current, False, bool)
    shown = periods.per_row(format_period, "")
    _log_bad(log, "period_too_early", early, header, text, period=shown)
    _log_bad(
        log, "period_future", future, header, text, period=shown, current=format_period(current)
    )
    return periods.where(~early & ~future)
