"""对比监测: each published total against the direct-report aggregate on the same basis (window,
region, direction, category, 口径, currency); the coverage ratio and its change; the categories
whose coverage moved most; benchmarking of growth against the nation and other pilot regions.

Published CNY figures are compared with the direct reports' CNY amounts (each report line carries
both currencies, converted at the documented rates: docs/report-format.md) and shown in USD at the
same rates — the month's rate, else the year's average; over a window, the mean of its months'.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

import pandas as pd
from sqlalchemy.orm import Session

from etl.exchange.external import NATION, SOURCE_NAMES
from etl.filters import ReportFilter
from etl.periods import add_months, month_range
from etl.queries import external as queries_external
from etl.queries import figures as queries_figures
from etl.reference import ReferenceCodes, reference_codes

MOVERS = 5  # categories listed as moving most
ROW_COLUMNS = (
    "source",
    "area_code",
    "area_name",
    "period_from",
    "period_to",
    "scope",
    "direction",
    "category_code",
    "category_zh",
    "category_en",
    "currency",
    "unit",
    "amount_text",
    "published_usd",
    "published_cny",
    "direct_usd",
    "direct_cny",
    "coverage",
    "coverage_previous",
    "coverage_change_pp",
    "flagged",
)


@dataclass(frozen=True)
class Reconciliation:
    """Published figures of our regions with their direct-report counterparts."""

    year: int
    month: int | None
    min_coverage: float
    rows: pd.DataFrame  # ROW_COLUMNS; amounts in cents / fen
    movers: pd.DataFrame  # the category rows whose coverage moved most (by |change|)

    @property
    def flagged(self) -> int:
        """How many published figures the direct reports cover less than min_coverage of."""
        return int(self.rows["flagged"].sum()) if len(self.rows) else 0


def window_rate(ref: ReferenceCodes, start: int, end: int) -> Decimal | None:
    """CNY per USD over a window: the mean of its months' documented rates (None: a month lacks one)."""
    rates = [ref.rate_for(p) for p in month_range(start, end)]
    if not rates or any(r is None for r in rates):
        return None
    return sum(rates, Decimal(0)) / len(rates)


def _half_even(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_EVEN))


def both_currencies(
    minor: int, currency: str, rate: Decimal | None
) -> tuple[int | None, int | None]:
    """(US cents, fen) of an amount in its currency at a rate (None where no rate)."""
    if currency == "USD":
        return minor, None if rate is None else _half_even(Decimal(minor) * rate)
    return (None if rate is None else _half_even(Decimal(minor) / rate)), minor


def coverage_ratio(direct: int | None, published: int | None) -> float | None:
    """Direct reports / published (None when nothing was published or nothing to compare)."""
    if direct is None or not published:
        return None
    return direct / published


def _direct(session: Session, fig: dict, start: int, end: int, currency: str) -> int:
    """The direct-report aggregate on the figure's basis over a window, in a currency."""
    f = ReportFilter(
        period_from=start,
        period_to=end,
        regions=(fig["area_code"],),
        categories=(fig["category_code"],) if fig["category_code"] else (),
        directions=("X", "M") if fig["direction"] == "XM" else (fig["direction"],),
        currency=currency,
        full_scope=fig["scope"] == "full",
    )
    frame = queries_figures.totals(session, f, ())
    return int(frame["amount"].sum()) if len(frame) else 0


def reconciliation(
    session: Session, year: int, month: int | None = None, min_coverage: float = 0.60
) -> Reconciliation:
    """Every published figure of one of our regions whose window ends in the year (or in the
    month), against the direct reports; the same figure a year earlier gives the change."""
    ref = reference_codes(session)
    first, last = (year * 100 + month,) * 2 if month else (year * 100 + 1, year * 100 + 12)
    figures = queries_external.published(session, first, last)
    earlier = queries_external.published(session, first - 100, last - 100)
    figures = figures[figures["area_code"].isin(ref.regions)]
    key = ["source", "area_code", "scope", "direction", "category_code", "currency"]
    before = {
        (*(r[k] for k in key), r["period_from"] + 100, r["period_to"] + 100): r["amount_minor"]
        for r in earlier.to_dict("records")
    }
    rows = []
    for fig in figures.to_dict("records"):
        start, end = fig["period_from"], fig["period_to"]
        rate = window_rate(ref, start, end)
        usd, cny = both_currencies(int(fig["amount_minor"]), fig["currency"], rate)
        direct = {c: _direct(session, fig, start, end, c) for c in ("USD", "CNY")}
        coverage = coverage_ratio(direct[fig["currency"]], int(fig["amount_minor"]))
        previous = before.get((*(fig[k] for k in key), start, end))
        coverage_previous = None
        if previous:
            back = _direct(
                session, fig, add_months(start, -12), add_months(end, -12), fig["currency"]
            )
            coverage_previous = coverage_ratio(back, int(previous))
        cat = fig["category_code"]
        rows.append(
            {
                **{
                    k: fig[k]
                    for k in ("source", "area_code", "area_name", "period_from", "period_to")
                },
                **{k: fig[k] for k in ("scope", "direction", "category_code")},
                "category_zh": ref.categories.get(cat, "") if cat else "",
                "category_en": ref.category_names_en.get(cat, "") if cat else "",
                **{k: fig[k] for k in ("currency", "unit", "amount_text")},
                "published_usd": usd,
                "published_cny": cny,
                "direct_usd": direct["USD"],
                "direct_cny": direct["CNY"],
                "coverage": coverage,
                "coverage_previous": coverage_previous,
            }
        )
    table = assess(pd.DataFrame(rows, columns=list(ROW_COLUMNS[:-2])), min_coverage)
    return Reconciliation(year, month, min_coverage, table, movers(table))


def assess(rows: pd.DataFrame, min_coverage: float) -> pd.DataFrame:
    """Coverage change in 百分点 and the flag (coverage below min_coverage). Pure."""
    out = rows.copy()
    out["coverage_change_pp"] = [
        None if c is None or p is None or pd.isna(c) or pd.isna(p) else (c - p) * 100
        for c, p in zip(out["coverage"], out["coverage_previous"])
    ]
    out["flagged"] = [
        c is not None and not pd.isna(c) and c < min_coverage for c in out["coverage"]
    ]
    return out[list(ROW_COLUMNS)]


def movers(rows: pd.DataFrame, n: int = MOVERS) -> pd.DataFrame:
    """The category rows whose coverage changed most against a year earlier (either way). Pure."""
    cats = rows[(rows["category_code"] != "") & rows["coverage_change_pp"].notna()]
    if cats.empty:
        return cats
    order = cats["coverage_change_pp"].abs().sort_values(ascending=False, kind="stable").index
    return cats.loc[order].head(n).reset_index(drop=True)


# ---------------------------------------------------------------- benchmarking


@dataclass(frozen=True)
class Benchmark:
    """Published growth of the city, the nation and other pilot regions over one window."""

    source: str | None
    period_from: int | None
    period_to: int | None
    rows: pd.DataFrame  # area_code, area_name, growth (ratio), rank (1 = fastest; nation: none)
    region: str
    rank: int | None  # the region's rank among the regions (nation excluded)
    of: int  # how many regions are ranked
    nation_growth: float | None
    gap_pp: float | None  # the region's growth minus the nation's, 百分点

    def source_name(self, lang: str) -> str:
        """The source in words."""
        names = SOURCE_NAMES.get(self.source or "", ("", ""))
        return names[0] if lang == "zh" else names[1]


def growth_of(figure: dict, previous: int | None) -> float | None:
    """Published 同比 (percent text) when given, else from the figure a year earlier. Pure."""
    if figure.get("growth_text"):
        return float(Decimal(figure["growth_text"]) / 100)
    if previous:
        return (int(figure["amount_minor"]) - previous) / previous
    return None


def rank_growth(
    rows: pd.DataFrame, region: str
) -> tuple[pd.DataFrame, int | None, int, float | None, float | None]:
    """Rank the regions (not the nation) by growth; the region's rank, the count, the nation's
    growth and the region's gap to it in 百分点. Pure."""
    out = rows.copy()
    ranked = out[(out["area_code"] != NATION) & out["growth"].notna()]
    order = ranked["growth"].rank(ascending=False, method="min")
    out["rank"] = pd.array([None] * len(out), dtype="Int64")
    out.loc[order.index, "rank"] = order.astype("int64")
    mine = out[out["area_code"] == region]
    rank = int(mine["rank"].iloc[0]) if len(mine) and not pd.isna(mine["rank"].iloc[0]) else None
    nation = out.loc[out["area_code"] == NATION, "growth"]
    nation_growth = float(nation.iloc[0]) if len(nation) and not pd.isna(nation.iloc[0]) else None
    city = (
        float(mine["growth"].iloc[0]) if len(mine) and not pd.isna(mine["growth"].iloc[0]) else None
    )
    gap = None if city is None or nation_growth is None else (city - nation_growth) * 100
    out = out.sort_values(["rank", "area_code"], na_position="last", ignore_index=True)
    return out, rank, len(ranked), nation_growth, gap


def benchmark(
    session: Session,
    year: int,
    month: int | None = None,
    region: str = "120000",
    scope: str = "bop",
) -> Benchmark:
    """How the region's published growth compares: the latest window of the year (up to the
    month) that the source with the most areas published total trade (进出口) for."""
    last = queries_external.latest_published_period(session, year)
    if month:
        last = min(last or 0, year * 100 + month) or None
    empty = Benchmark(
        None,
        None,
        None,
        pd.DataFrame(columns=["area_code", "area_name", "growth", "rank"]),
        region,
        None,
        0,
        None,
        None,
    )
    if last is None:
        return empty
    figures = queries_external.published(session, year * 100 + 1, last)
    figures = figures[
        (figures["direction"] == "XM")
        & (figures["category_code"] == "")
        & (figures["scope"] == scope)
    ]
    if figures.empty:
        return empty
    end = int(figures["period_to"].max())
    figures = figures[figures["period_to"] == end]
    counts = (
        figures.groupby(["source", "period_from"])
        .size()
        .sort_values(ascending=False, kind="stable")
    )
    source, start = counts.index[0][0], int(counts.index[0][1])
    chosen = figures[(figures["source"] == source) & (figures["period_from"] == start)]
    earlier = queries_external.published(session, end - 100, end - 100)
    before = {
        (r["source"], r["area_code"], r["scope"], r["currency"], r["period_from"]): int(
            r["amount_minor"]
        )
        for r in earlier.to_dict("records")
        if r["direction"] == "XM" and r["category_code"] == ""
    }
    rows = [
        {
            "area_code": r["area_code"],
            "area_name": r["area_name"],
            "growth": growth_of(
                r, before.get((source, r["area_code"], r["scope"], r["currency"], start - 100))
            ),
        }
        for r in chosen.to_dict("records")
    ]
    table, rank, of, nation, gap = rank_growth(pd.DataFrame(rows), region)
    return Benchmark(source, int(start), int(end), table, region, rank, of, nation, gap)
