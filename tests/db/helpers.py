"""Small builders for database tests: report files from row tuples, table snapshots."""

from __future__ import annotations

import csv
from pathlib import Path

import sqlalchemy as sa

from etl.intake.schemas import REPORT_COLUMNS
from etl.intake.uscc import complete_uscc
from etl.models import Base

HEADERS = [c.header_zh for c in REPORT_COLUMNS]


def uscc(n: int, area: str = "120116") -> str:
    """A valid synthetic USCC number n registered in the given area."""
    return complete_uscc(f"91{area}{n:08d}")


def write_report(path: Path, rows: list[tuple]) -> Path:
    """Write a UTF-8 CSV with the Chinese headers; each row is a tuple in REPORT_COLUMNS order."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def line(
    ent: int,
    period: str,
    direction: str,
    category: str,
    mode: int,
    partner: str,
    amount: str,
    currency: str = "USD",
    unit: str = "万美元",
    region: str = "滨海新区",
    name: str | None = None,
    area: str = "120116",
) -> tuple:
    """One report row."""
    return (
        uscc(ent, area),
        name or f"测试企业{ent}有限公司",
        region,
        period,
        direction,
        category,
        str(mode),
        partner,
        amount,
        currency,
        unit,
    )


def snapshot(engine: sa.Engine, skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every table, ordered, for before/after comparisons."""
    out = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            cols = list(table.columns)
            out[table.name] = [tuple(r) for r in conn.execute(sa.select(*cols).order_by(*cols))]
    return out


AGG_TABLES = (
    "agg_cell",
    "agg_category",
    "agg_partner",
    "agg_partner_category",
    "agg_enterprise_month",
)


def aggregates(engine: sa.Engine) -> dict[str, list[tuple]]:
    """Only the aggregate tables' rows."""
    snap = snapshot(engine)
    return {name: snap[name] for name in AGG_TABLES}


# The primary rules set so that no cell is confidential: for tests whose few enterprises are
# about something else (release, exports, sign-in); tests/db/test_disclosure.py tests protection.
NO_SUPPRESSION = (1, 1.0)


def no_lp():
    """Release safeguards without the attacker's LP (tests about something else than disclosure:
    on the small test samples nearly every primary cell is narrow, an LP each, tens of seconds a
    release; tests/db/test_disclosure*.py and tests/browser/test_release.py keep it on)."""
    from etl.disclosure.store import Safeguards

    return Safeguards(lp_cells=0)


def release_months(
    factory,
    months=None,
    scope: str = "120000",
    user: str = "stat",
    rule=None,
    max_atoms: int = 0,
    release_audit: bool = False,
) -> list[int]:
    """Release months of a scope as a statistician would (default: every month with data), so
    leaders see figures; low coverage is overridden with a note. Returns the release ids.

    rule: (min contributors, dominance k) of the disclosure rule; default the settings' own.
    max_atoms: run the LP audit and repair at release up to this many atoms (0: off).
    release_audit: run the release-time audit (on in the product; here only where a test is
    about disclosure: it costs seconds a month on the generated samples fixtures release)."""
    from etl.disclosure import DisclosureRule
    from etl.disclosure.store import Safeguards
    from etl.queries import release as queries_release
    from etl.queries.closures import region_closure
    from etl.release.store import ReleaseRefused, release_month

    with factory() as s:
        regions = region_closure(s, (scope,))
        months = months or queries_release.months_with_data(s, regions)
    safeguards = Safeguards(
        rule=DisclosureRule(min_contributors=rule[0], dominance_k=rule[1])
        if rule
        else DisclosureRule(),
        audit=release_audit,
        max_atoms=max_atoms,
    )
    ids = []
    for period in months:
        try:
            with factory.begin() as s:
                release, _ = release_month(
                    s,
                    scope,
                    period,
                    user,
                    "test release",
                    min_coverage=0.9,
                    deadline_day=10,
                    override_coverage=True,
                    safeguards=safeguards,
                )
                ids.append(release.id)
        except ReleaseRefused as exc:
            if exc.reason != "unchanged":
                raise
    return ids
