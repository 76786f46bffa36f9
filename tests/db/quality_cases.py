"""Report files on which each data-quality rule fires once, for one enterprise each."""

from __future__ import annotations

from pathlib import Path

from etl.periods import add_months, format_period
from tests.db.helpers import line, write_report

# enterprise number (helpers.uscc) -> the rule that fires on it, and in which month
EXPECTED = {
    901: ("jump", 201901),
    902: ("repeated", 201906),
    903: ("new_partner", 201901),
    904: ("annual_share", 201906),
    905: ("revisions", 201903),
}


def _months(first: int, n: int) -> list[str]:
    return [format_period(add_months(first, i)) for i in range(n)]


def _exports(ent: int, month: str, amount: str, partner: str = "US") -> tuple:
    return line(ent, month, "出口", "SC", 1, partner, amount, name=f"质量测试企业{ent}有限公司")


def base_rows() -> list[tuple]:
    """First versions: a jump, a repeated amount, a new partner, a dominant month, a report."""
    rows = [
        _exports(901, m, ("100", "110", "90")[i % 3]) for i, m in enumerate(_months(201801, 12))
    ]
    rows.append(_exports(901, "2019-01", "500"))  # US$5m after ~US$1m a month
    rows += [_exports(902, m, "88.88") for m in _months(201901, 6)]  # six times the same
    rows += [
        _exports(903, m, ("200", "210", "190")[i % 3]) for i, m in enumerate(_months(201807, 6))
    ]
    rows += [_exports(903, "2019-01", "120"), _exports(903, "2019-01", "130", "JP")]
    rows += [_exports(904, m, "10") for m in _months(201901, 5)]
    rows.append(_exports(904, "2019-06", "76"))  # 60.3% of the half year
    rows.append(_exports(905, "2019-03", "50"))
    return rows


def write_cases(folder: Path) -> list[Path]:
    """The base file and two revisions of enterprise 905's March report, in load order."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_report(folder / "quality_base.csv", base_rows()),
        write_report(folder / "quality_rev2.csv", [_exports(905, "2019-03", "51")]),
        write_report(folder / "quality_rev3.csv", [_exports(905, "2019-03", "52")]),
    ]
