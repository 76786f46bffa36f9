"""Validate a report frame: every problem with Excel row, column and a clerk-readable message.

Pure functions (no database). Every column is factorised once (etl.coded), so spellings, codes and
periods are resolved once per distinct value; money is exact integer arithmetic (etl.intake.money), so a
100k-row file validates in about half a second. The catalogue of problems is etl.intake.issues.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from etl.coded import Coded
from etl.intake.issues import IssueLog
from etl.intake.money import classify_amount, convert_many
from etl.intake.normalize import HEADER_KEYS, Vocabularies, build_vocabularies, header_key
from etl.intake.schemas import CLEAN_COLUMNS, COLUMNS_BY_KEY, DIRECTIONS, REPORT_COLUMNS, UNITS
from etl.intake.uscc import CHARSET, area_code, check_character, normalize_uscc, uscc_problem
from etl.intake.validate_rows import Amounts, RegistryFacts, check_across_rows, warn_in_context
from etl.periods import format_period, parse_period
from etl.reference import ReferenceCodes

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


@dataclass
class ValidationResult:
    """Clean lines (rows without errors) and every problem found."""

    clean: pd.DataFrame  # exactly CLEAN_COLUMNS
    issues: (
        pd.DataFrame
    )  # row, column, value, code, problem_zh, problem_en, severity (≤ MAX_LISTED)
    error_count: int
    warning_count: int
    counts_by_code: dict[str, int]
    rows: int  # data rows in the file
    modes_in_bop: frozenset[int] = frozenset({1, 2, 4})  # from the reference data in force

    @property
    def ok(self) -> bool:
        """Whether the file may be loaded (warnings do not block)."""
        return self.error_count == 0

    def summary(self) -> dict[str, object]:
        """Figures for the upload preview: size, enterprises, periods, USD totals by direction.

        usd_cents is the 服务进出口总额 scope (BOP modes); mode-3 (FATS) sales are a different
        measure and are given beside it, never added to it.
        """
        c = self.clean
        in_bop = c["mode"].isin(self.modes_in_bop)
        bop = c[in_bop].groupby("direction")["amount_usd_cents"].sum()
        fats = c[~in_bop].groupby("direction")["amount_usd_cents"].sum()
        return {
            "rows": self.rows,
            "clean_rows": len(c),
            "enterprises": int(c["uscc"].nunique()),
            "periods": [format_period(int(p)) for p in sorted(c["period"].unique())],
            "usd_cents": {d: int(bop.get(d, 0)) for d in DIRECTIONS},
            "usd_cents_fats": {d: int(fats.get(d, 0)) for d in DIRECTIONS},
            "errors": self.error_count,
            "warnings": self.warning_count,
        }


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


# ---------------------------------------------------------------- header and plumbing


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


def _row_numbers(frame: pd.DataFrame) -> np.ndarray:
    """Excel row numbers from the index (etl.intake.read sets them); else numbered from row 2.

    A default 0-based index cannot be Excel numbering (data starts at row 2), so it is replaced.
    """
    index = frame.index
    if pd.api.types.is_integer_dtype(index.dtype) and (len(index) == 0 or index.min() >= 2):
        return index.to_numpy(dtype=np.int64)
    return np.arange(2, len(frame) + 2, dtype=np.int64)


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


# ---------------------------------------------------------------- one cell at a time


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


def _check_region_scope(
    region: Coded,
    allowed: set[str],
    names: str,
    header: str,
    cells: dict[str, Coded],
    log: IssueLog,
) -> None:
    """Rows whose (known) region is outside the clerk's regions and everything below them."""
    outside = region.per_row(lambda code: code not in allowed, False, bool)
    _log_bad(log, "region_not_assigned", outside, header, cells["region"], allowed=names)


def _check_enterprise_scope(
    values: dict[str, Coded],
    allowed: set[str],
    names: str,
    ref: ReferenceCodes,
    facts: RegistryFacts,
    col: dict[str, str],
    cells: dict[str, Coded],
    log: IssueLog,
) -> RegistryFacts:
    """Rows of enterprises outside the clerk's regions, and rows that move an enterprise.

    The region that counts is the registered one, not the file's 所属地区 cell: otherwise a clerk
    could revise another region's reports by writing their own region beside them. Returns the
    registry facts of the enterprises inside the regions only, so no message quotes the others.
    """
    uscc = values["uscc"]
    areas = {a for code in allowed for a in ref.region_area_codes.get(code, ())}

    def inside(code: str) -> bool:
        registered = facts.regions.get(code)
        return registered in allowed if registered else area_code(code) in areas

    outside = uscc.per_row(lambda code: not inside(code), False, bool)
    _log_bad(log, "enterprise_not_assigned", outside, col["uscc"], cells["uscc"], allowed=names)
    registered = uscc.per_row(facts.regions.get)
    region = values["region_code"].values()
    moved = uscc.ok & ~outside & values["region_code"].ok
    moved &= np.array([r is not None for r in registered], dtype=bool) & (registered != region)
    shown = np.array([f"{r} {ref.regions.get(r, '')}".strip() for r in registered], dtype=object)
    _log_bad(
        log,
        "region_change_not_allowed",
        moved,
        col["region"],
        cells["region"],
        registered=shown,
    )
    return facts.only({u for u in uscc.labels if inside(u)})


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


# ---------------------------------------------------------------- money


def _check_amounts(
    text: Coded, values: dict[str, Coded], col: dict[str, str], ref: ReferenceCodes, log: IssueLog
) -> Amounts:
    """Amount problems, FX availability, and exact conversion of every usable amount."""
    classified = [classify_amount(t) for t in text.labels]  # one pass over distinct amounts
    problem = np.array([c[0] for c in classified] + [None], dtype=object)[text.codes]
    reported = Coded(text.codes, np.array([c[1] for c in classified], dtype=object))
    for code in ("amount_not_number", "amount_too_long", "amount_not_finite", "amount_negative"):
        _log_bad(log, code, problem == code, col["amount"], text)
    rate = values["period"].map(ref.rate_for)
    _log_bad(
        log,
        "no_fx_rate",
        values["period"].ok & ~rate.ok,
        col["period"],
        values["period"].relabel(format_period),
        period=values["period"].per_row(format_period, ""),
    )
    unit = values["unit"]
    usable = (
        text.ok
        & np.array([p is None for p in problem], dtype=bool)
        & unit.ok
        & values["currency"].ok
        & rate.ok
    )
    pos = _positions(usable)
    conv = convert_many(
        reported.take(pos),
        unit.per_row(lambda u: UNITS[u][1], 0, np.int64)[pos],
        unit.per_row(lambda u: UNITS[u][0] == "USD", False, bool)[pos],
        rate.take(pos),
    )
    amounts = Amounts.empty(len(text.codes), reported, rate)
    amounts.fill(pos, conv)
    log.add(
        "amount_too_large", pos[conv.too_large], col["amount"], text.values(pos[conv.too_large])
    )
    hit = pos[conv.rounded]
    log.add(
        "amount_rounded",
        hit,
        col["amount"],
        text.values(hit),
        orig=conv.orig_minor[conv.rounded],
        unit=unit.values(hit),
        detail=lambda f: {
            "rounded": str(Decimal(int(f["orig"])).scaleb(-2)),
            "unit_zh": "美元" if UNITS[f["unit"]][0] == "USD" else "元",
            "unit_en": UNITS[f["unit"]][0],
        },
    )
    return amounts


# ---------------------------------------------------------------- results


def _clean_frame(
    values: dict[str, Coded], amounts: Amounts, rows: np.ndarray, keep: np.ndarray
) -> pd.DataFrame:
    """The error-free rows in CLEAN_COLUMNS with the loader's dtypes."""
    data: dict[str, np.ndarray] = {"source_row": rows[keep]}
    for name in CLEAN_COLUMNS[1:]:
        if name in values:
            data[name] = values[name].values()[keep]
    data["amount_reported"] = amounts.reported.values()[keep]
    data["fx_rate"] = amounts.rate.per_row(str)[keep]
    for name in ("amount_orig_minor", "amount_usd_cents", "amount_cny_fen"):
        data[name] = getattr(amounts, name)[keep]
    return _typed(pd.DataFrame(data)[list(CLEAN_COLUMNS)])


def _typed(clean: pd.DataFrame) -> pd.DataFrame:
    ints = (
        "source_row",
        "period",
        "mode",
        "amount_orig_minor",
        "amount_usd_cents",
        "amount_cny_fen",
    )
    return clean.astype({c: (np.int64 if c in ints else "str") for c in CLEAN_COLUMNS})


def _empty_clean() -> pd.DataFrame:
    return _typed(pd.DataFrame({c: [] for c in CLEAN_COLUMNS}))


def _result(log: IssueLog, clean: pd.DataFrame, rows: int, ref: ReferenceCodes) -> ValidationResult:
    return ValidationResult(
        clean,
        log.frame(),
        log.error_count,
        log.warning_count,
        dict(log.counts),
        rows,
        ref.modes_in_bop,
    )
