"""What the shared filter bar selects, as a frozen value that round-trips through the URL query.

URL schema (every key optional; a missing or invalid value means the default):

    month=2021-06          period: one month -> 当月 and 1–N月累计 of its year (default: newest)
    year=2021              period: a calendar year (1–12月, or 1–N月 while the year is open)
    from=2020-07&to=2021-06  period: a month range (cumulative over the range)
    region=120116          a region code, including 500000-LJ (default 120000 天津市)
    dir=X | dir=M          exports or imports only (default: both)
    cat=SC,SD,group:KIS    categories: EBOPS codes (main or sub-item) and category groups
    mode=1,2               modes of supply (mode 3 only with scope=full)
    unit=usd_10k           usd_100m 亿美元 (default) | usd_10k 万美元 | cny_100m 亿元人民币
    scope=full             全口径: mode 3 (FATS sales) added; default bop = modes 1, 2, 4
    lang=en                interface language (the shell owns it; kept here so links keep it)

Pure: no Dash, no database. The pages read a URL leniently (an invalid value means the default);
the API reads the same parameters strictly (`from_query(search, strict=True)`: an invalid value is
a QueryError naming the key). Whether a well-formed code exists is the caller's check.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from dashboard.i18n import DEFAULT_LANG, UNITS, normalize_lang
from etl.filters import ALL_MODES, BOP_MODES, GROUP_PREFIX, ReportFilter

DEFAULT_REGION = "120000"  # 天津市
PERIOD_KINDS = ("month", "year", "range")
DIRECTIONS = ("both", "X", "M")
SCOPES = ("bop", "full")
DEFAULT_UNIT = "usd_100m"
CATEGORY_GROUPS = ("KIS", "TJ_PILLAR", "TJ_EMERGING")
# The query keys the filter state owns, in the order to_query writes them.
KEYS = ("month", "year", "from", "to", "region", "dir", "cat", "mode", "unit", "scope", "lang")

_REGION = re.compile(r"^[0-9]{6}(-[A-Z0-9]{1,12})?$")
_CATEGORY = re.compile(rf"^(S[A-L][0-9]{{0,3}}|{GROUP_PREFIX}[A-Z][A-Z0-9_]{{0,19}})$")
_MONTH = re.compile(r"^(\d{4})-?(\d{2})$")


class QueryError(ValueError):
    """A query value from_query(strict=True) refuses: the key and why (in English, for the API)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


@dataclass(frozen=True)
class FilterState:
    """One view's filters; periods are YYYYMM ints, None = the newest month with data."""

    period: str = "month"  # month | year | range
    start: int | None = None  # range: first month; year: January of the year
    end: int | None = None  # month: the month; range: last month; year: December
    region: str = DEFAULT_REGION
    direction: str = "both"  # both | X | M
    categories: tuple[str, ...] = ()  # empty = all categories
    modes: tuple[int, ...] = ()  # empty = every mode the scope counts
    unit: str = DEFAULT_UNIT  # a key of dashboard.i18n.UNITS
    scope: str = "bop"  # bop (modes 1, 2, 4) | full (全口径, mode 3 added)
    lang: str = DEFAULT_LANG

    @property
    def currency(self) -> str:
        """USD or CNY, as the unit implies."""
        return "CNY" if self.unit.startswith("cny") else "USD"

    @property
    def full_scope(self) -> bool:
        """Whether mode 3 (FATS sales) is counted in totals."""
        return self.scope == "full"

    @property
    def directions(self) -> tuple[str, ...]:
        """The directions the state counts: ('X', 'M'), ('X',) or ('M',)."""
        return ("X", "M") if self.direction == "both" else (self.direction,)

    def window(self, latest: int | None) -> tuple[int, int] | None:
        """The cumulative window (first, last month); None when nothing is loaded and no period set.

        month: January .. the month (1–N月累计); year: January .. December, cut at the newest
        month while the year is open; range: as chosen.
        """
        if self.period == "range" and self.start and self.end:
            return self.start, self.end
        if self.period == "year" and self.start:
            year = self.start // 100
            last = year * 100 + 12
            if latest and year * 100 + 1 <= latest < last:
                last = latest
            return year * 100 + 1, last
        month = self.end or latest
        if not month:
            return None
        return (month // 100) * 100 + 1, month

    def as_of(self, latest: int | None) -> int | None:
        """The month the view is about (当月): the last month of the window."""
        window = self.window(latest)
        return window[1] if window else None


# ---------------------------------------------------------------- query string <-> state


def _month(text: str | None) -> int | None:
    match = _MONTH.match((text or "").strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return year * 100 + month if 1900 <= year <= 2999 and 1 <= month <= 12 else None


def _fmt_month(period: int) -> str:
    return f"{period // 100:04d}-{period % 100:02d}"


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _refuse(strict: bool, key: str, message: str) -> None:
    """Strict: the value is refused (QueryError); lenient: the caller falls back to the default."""
    if strict:
        raise QueryError(key, message)


def _period(query: Mapping[str, str], strict: bool = False) -> dict:
    given = {k: query.get(k, "").strip() for k in ("from", "to", "year", "month")}
    start, end = _month(given["from"]), _month(given["to"])
    if strict:
        for key in ("from", "to", "month"):
            if given[key] and _month(given[key]) is None:
                _refuse(strict, key, f"{key} must be a month YYYY-MM (e.g. 2021-06)")
        if bool(given["from"]) != bool(given["to"]):
            _refuse(strict, "to" if given["from"] else "from", "from and to go together")
        if start and end and start > end:
            _refuse(strict, "from", "from must not be after to")
        if given["year"] and not (given["year"].isdigit() and len(given["year"]) == 4):
            _refuse(strict, "year", "year must be a year YYYY (e.g. 2021)")
        if sum(bool(given[k]) for k in ("from", "year", "month")) > 1:
            _refuse(strict, "month", "give one period: month, year, or from and to")
    if start and end and start <= end:
        return {"period": "range", "start": start, "end": end}
    year = given["year"]
    if year.isdigit() and len(year) == 4:
        return {"period": "year", "start": int(year) * 100 + 1, "end": int(year) * 100 + 12}
    month = _month(given["month"])
    return {"period": "month", "end": month} if month else {}


def _modes(text: str | None, scope: str, strict: bool = False) -> tuple[int, ...]:
    modes = set()
    for m in _split(text):
        if not (m.isdigit() and int(m) in ALL_MODES):
            _refuse(strict, "mode", f"mode must be modes of supply 1-4, comma-separated, not {m!r}")
            continue
        if scope != "full" and int(m) not in BOP_MODES:
            # mode 3 is a different measure: only under 全口径
            _refuse(strict, "mode", "mode 3 (FATS sales) only with scope=full")
            continue
        modes.add(int(m))
    chosen = tuple(sorted(modes))
    everything = ALL_MODES if scope == "full" else BOP_MODES
    return () if chosen == everything else chosen


def from_query(search: str | None, strict: bool = False) -> FilterState:
    """The state a URL query asks for ('?region=120116&dir=X'); anything invalid -> default, or,
    strict, a QueryError naming the key (the API's 400)."""
    query = {k: v for k, v in parse_qsl((search or "").lstrip("?"), keep_blank_values=True)}
    region = query.get("region", "").strip().upper()
    direction = query.get("dir", "").strip().upper()
    unit = query.get("unit", "").strip().lower()
    scope = query.get("scope", "").strip().lower()
    if region and not _REGION.match(region):
        _refuse(strict, "region", "region must be a region code such as 120000 or 500000-LJ")
    if direction and direction not in ("X", "M", "BOTH"):
        _refuse(strict, "dir", "dir must be X (exports), M (imports) or both")
    if unit and unit not in UNITS:
        _refuse(strict, "unit", f"unit must be one of {', '.join(UNITS)}")
    if scope and scope not in SCOPES:
        _refuse(strict, "scope", "scope must be bop or full")
    scope = scope if scope in SCOPES else "bop"
    categories = []
    for code in _split(query.get("cat")):
        code = (
            GROUP_PREFIX + code[len(GROUP_PREFIX) :].upper()
            if code.lower().startswith(GROUP_PREFIX)
            else code.upper()
        )
        if not _CATEGORY.match(code):
            _refuse(
                strict,
                "cat",
                f"cat must be EBOPS codes (SA-SL, sub-items) or group:CODE, not {code!r}",
            )
        elif code not in categories:
            categories.append(code)
    return FilterState(
        **_period(query, strict),
        region=region if _REGION.match(region) else DEFAULT_REGION,
        direction=direction if direction in DIRECTIONS else "both",
        categories=tuple(categories),
        modes=_modes(query.get("mode"), scope, strict),
        unit=unit if unit in UNITS else DEFAULT_UNIT,
        scope=scope,
        lang=normalize_lang(query.get("lang")),
    )


def query_params(state: FilterState) -> dict[str, str]:
    """The non-default parts of a state as query parameters, in KEYS order."""
    params: dict[str, str] = {}
    if state.period == "range" and state.start and state.end:
        params["from"], params["to"] = _fmt_month(state.start), _fmt_month(state.end)
    elif state.period == "year" and state.start:
        params["year"] = str(state.start // 100)
    elif state.period == "month" and state.end:
        params["month"] = _fmt_month(state.end)
    defaults = FilterState()
    if state.region != defaults.region:
        params["region"] = state.region
    if state.direction != "both":
        params["dir"] = state.direction
    if state.categories:
        params["cat"] = ",".join(state.categories)
    modes = _modes(",".join(map(str, state.modes)), state.scope)
    if modes:
        params["mode"] = ",".join(map(str, modes))
    if state.unit != DEFAULT_UNIT:
        params["unit"] = state.unit
    if state.scope != "bop":
        params["scope"] = state.scope
    if state.lang != DEFAULT_LANG:
        params["lang"] = state.lang
    return params


def to_query(state: FilterState, search: str | None = None) -> str:
    """'?region=…&…' for a state ('' when all default); other pages' keys in search are kept."""
    other = [(k, v) for k, v in parse_qsl((search or "").lstrip("?")) if k not in KEYS]
    pairs = list(query_params(state).items()) + other
    return "?" + urlencode(pairs, safe=",:-") if pairs else ""


def from_kwargs(query: Mapping[str, object]) -> str:
    """The query string for a page layout's **query kwargs (Dash passes the URL query so)."""
    pairs = [(k, str(v[0] if isinstance(v, list) and v else v)) for k, v in query.items()]
    return "?" + urlencode(pairs, safe=",:-") if pairs else ""


# ---------------------------------------------------------------- state -> database filter


def merged_january(state: FilterState, last_released: int | None) -> FilterState:
    """A January month view moved to February: leaders read 1–2月 as one month and January
    alone is no figure of theirs (docs/disclosure.md); kept while February is not released."""
    end = state.end
    if state.period != "month" or not end or end % 100 != 1:
        return state
    if last_released is None or end + 1 > last_released:
        return state
    return replace(state, end=end + 1)


def offered_month(month: str | None, offered: list[str]) -> str | None:
    """A picker's month ('YYYY-MM') asked for, where offered; a January a leader's picker lacks
    as its February (1–2月); else the newest offered (None: nothing offered)."""
    if month and month not in offered and month.endswith("-01"):
        month = month[:-2] + "02"
    return month if month in offered else (offered[0] if offered else None)


def released_only(state: FilterState, last_released: int | None) -> FilterState:
    """The state with its period ending at the latest released month (leaders never see a later
    one, whatever the URL asks); unchanged when nothing later is asked for."""
    if last_released is None:
        return state
    if state.period == "month" and state.end and state.end > last_released:
        return replace(state, end=last_released)
    if state.period == "year" and state.start and state.start // 100 > last_released // 100:
        year = last_released // 100
        return replace(state, start=year * 100 + 1, end=year * 100 + 12)
    if state.period == "range" and state.end and state.end > last_released:
        return replace(
            state, start=min(state.start or last_released, last_released), end=last_released
        )
    return state


def to_report_filter(
    state: FilterState, period_from: int, period_to: int, **overrides
) -> ReportFilter:
    """The etl filter for a state over the given months; overrides replace any field."""
    kw: dict = dict(
        period_from=period_from,
        period_to=period_to,
        regions=(state.region,),
        categories=state.categories,
        modes=state.modes,
        directions=state.directions,
        currency=state.currency,
        full_scope=state.full_scope,
    )
    kw.update(overrides)
    return ReportFilter(**kw)
