"""A constructed database for disclosure tests: the cases an attacker would go for.

- 和平区 (120101): one enterprise only (a single-enterprise district);
- SI (ICT services) in 滨海新区: three enterprises, one holds ~90% (a dominated category);
- 河西区 (120103): three enterprises, but only one of them reports in March (a
  single-enterprise month inside an otherwise safe year);
- enterprise 30 in 滨海新区 exports only (an export-only enterprise);
- several partners (US, DE, JP, GB, KR), modes 1, 2, 3 and 4, and 2021-01..2021-04 released;
- 两江新区 (its own release scope, which 重庆市 shows): four enterprises in transport and in
  business services, one alone in ICT services.
"""

from __future__ import annotations

from pathlib import Path

from etl.intake.load import load_file
from tests.db.helpers import line, release_months, write_report

BINHAI = ("滨海新区", "120116")
HEPING = ("和平区", "120101")
HEXI = ("河西区", "120103")
LIANGJIANG = ("两江新区", "500112")
MONTHS = ("2021-01", "2021-02", "2021-03", "2021-04")
LIANGJIANG_SCOPE = "500000-LJ"
RELEASED = [202101, 202102, 202103, 202104]
PARTNERS = ("US", "DE", "JP", "GB", "KR")


def _row(ent, period, direction, category, mode, partner, amount, where) -> tuple:
    return line(
        ent, period, direction, category, mode, partner, amount, region=where[0], area=where[1]
    )


def rows() -> list[tuple]:
    """Every report row of the case."""
    out = []
    for i, period in enumerate(MONTHS):
        k = i + 1
        # 滨海新区: six ordinary enterprises across transport and business services
        for ent in range(1, 7):
            partner = PARTNERS[ent % len(PARTNERS)]
            out.append(_row(ent, period, "出口", "SC1", 1, partner, str(100 + 7 * ent + k), BINHAI))
            out.append(_row(ent, period, "进口", "SJ", 2, partner, str(60 + 5 * ent + k), BINHAI))
            if ent % 2:
                out.append(_row(ent, period, "出口", "SJ", 4, "US", str(30 + ent), BINHAI))
            else:
                out.append(_row(ent, period, "进口", "SC", 1, "US", str(45 + ent), BINHAI))
                out.append(_row(ent, period, "出口", "SJ", 2, "JP", str(25 + ent), BINHAI))
            if ent <= 4:
                out.append(_row(ent, period, "进口", "SJ", 4, "GB", str(15 + ent + k), BINHAI))
            if ent in (3, 4, 5):
                out.append(
                    _row(ent, period, "出口", "SC", 3, "DE", str(150 + 20 * ent + k), BINHAI)
                )
        # the dominated category: SI in 滨海新区, enterprise 10 holds ~90%
        out.append(_row(10, period, "出口", "SI2", 1, "US", str(900 + k), BINHAI))
        out.append(_row(11, period, "出口", "SI2", 1, "JP", str(50 + k), BINHAI))
        out.append(_row(12, period, "进口", "SI1", 1, "DE", str(40 + k), BINHAI))
        # the export-only enterprise
        out.append(_row(30, period, "出口", "SJ", 1, "GB", str(210 + k), BINHAI))
        # the single-enterprise district
        out.append(_row(20, period, "出口", "SJ", 1, "KR", str(310 + 3 * k), HEPING))
        out.append(_row(20, period, "进口", "SC2", 2, "US", str(120 + k), HEPING))
        # 河西区: three enterprises, only enterprise 40 reports in March
        for ent in (40, 41, 42):
            if period == "2021-03" and ent != 40:
                continue
            out.append(_row(ent, period, "出口", "SJ", 1, "US", str(80 + ent + k), HEXI))
            out.append(_row(ent, period, "进口", "SJ", 2, "DE", str(20 + ent), HEXI))
        for ent in range(50, 54):
            out.append(_row(ent, period, "出口", "SC1", 1, "US", str(500 + ent + k), LIANGJIANG))
            out.append(_row(ent, period, "进口", "SJ", 1, "DE", str(90 + ent), LIANGJIANG))
        out.append(_row(60, period, "出口", "SI2", 1, "US", str(700 + k), LIANGJIANG))
    return out


def build(session_factory, tmp_path: Path, audited: bool = True) -> list[int]:
    """Load the case and release its months; returns the release ids.

    audited: run the LP audit and its repair at every release (docs/disclosure.md) — what the
    audit tests prove; the reading tests only need a stored pattern, and save the minutes. The
    release-time audit runs either way, as in the product."""
    assert load_file(session_factory, write_report(tmp_path / "case.csv", rows())).ok
    ids = release_months(
        session_factory, RELEASED, max_atoms=1000 if audited else 0, release_audit=True
    )
    return ids + release_months(
        session_factory, RELEASED, scope=LIANGJIANG_SCOPE, release_audit=True
    )


def released_with_accounts(session_factory, workdir: Path) -> dict:
    """A prepared recipe (tests/conftest.Prepared): the case released as by default (the
    release-time audit, no LP), one account per role, and API tokens of the statistician and
    the leader — what the HTTP tests read, built once per backend and copied to each test."""
    from etl.exchange.tokens import create_token
    from tests.db.auth_helpers import add_role_accounts

    build(session_factory, workdir, audited=False)
    passwords = add_role_accounts(session_factory)
    with session_factory.begin() as s:
        tokens = {name: create_token(s, name, 30)[0] for name in ("stat", "lead")}
    return {"passwords": passwords, "tokens": tokens}
