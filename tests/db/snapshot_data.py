"""Small constructed report files for the snapshot tests, and readers of the workbook they make."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import sqlalchemy as sa

from etl import models as m
from etl.intake.load import load_file
from tests.db.helpers import line, write_report

TODAY = dt.date(2022, 6, 30)
INJECTED_ENTERPRISE = '=HYPERLINK("http://x.example","点我")有限公司'
INJECTED_PARTNERS = {
    "US": '=HYPERLINK("http://x.example","美国")',
    "JP": "@SUM(A1)",
    "DE": "+1+1德国",
    "KR": "-2韩国<script>alert(1)</script>",
}
INJECTED_TARGET = "=cmd|' /C calc'!A0 目标"

# (enterprise, region, export category, export partner, import category, import partner, 万美元)
ENTERPRISES = (
    [(i, "和平区", "SC", "US", "SJ", "DE", 9000 + 700 * i) for i in range(1, 6)]
    + [(i, "河西区", "SI", "JP", "SC", "KR", 6000 + 500 * i) for i in range(6, 11)]
    + [(11, "宁河区", "SC", "US", "SJ", "DE", 3000)]  # a district with one enterprise
    + [
        (12, "天津经济技术开发区", "SJ", "SG", "SI", "US", 4000),
        (13, "天津经济技术开发区", "SJ", "SG", "SI", "US", 4500),
        (14, "滨海新区", "SJ", "HK", "SI", "HK", 5000),
        (15, "滨海新区", "SJ", "HK", "SI", "HK", 5200),
        (16, "滨海新区", "SJ", "HK", "SI", "HK", 5400),
    ]
)


def report_rows(period: str, scale: float = 1.0, revise: dict | None = None) -> list[tuple]:
    """One month of reports; revise maps enterprise -> new export amount."""
    rows = []
    for ent, region, x_cat, x_partner, m_cat, m_partner, amount in ENTERPRISES:
        name = INJECTED_ENTERPRISE if ent == 3 else None
        x_amount = (revise or {}).get(ent, amount * scale)
        rows.append(
            line(
                ent,
                period,
                "出口",
                x_cat,
                1,
                x_partner,
                f"{x_amount:.2f}",
                unit="万美元",
                region=region,
                name=name,
            )
        )
        rows.append(
            line(
                ent,
                period,
                "进口",
                m_cat,
                2 if ent % 2 else 1,
                m_partner,
                f"{amount * 0.6 * scale:.2f}",
                unit="万美元",
                region=region,
                name=name,
            )
        )
        if ent in (1, 2, 3, 6):
            rows.append(
                line(
                    ent,
                    period,
                    "出口",
                    x_cat,
                    3,
                    x_partner,
                    f"{amount * 2:.2f}",
                    unit="万美元",
                    region=region,
                    name=name,
                )
            )
    return rows


def load(factory, tmp_path: Path, name: str, rows: list[tuple]) -> int:
    """Load a file; returns its batch id."""
    outcome = load_file(factory, write_report(tmp_path / name, rows), user="test", today=TODAY)
    assert outcome.status == "loaded", outcome.validation.issues
    return outcome.batch_id


def load_two_years(factory, tmp_path: Path) -> None:
    """2018-06 (the base) and 2019-05, 2019-06 (the year to date)."""
    load(factory, tmp_path, "2018-06.csv", report_rows("2018-06", 0.9))
    load(factory, tmp_path, "2019-05.csv", report_rows("2019-05", 0.95))
    load(factory, tmp_path, "2019-06.csv", report_rows("2019-06"))


def inject_names(factory) -> None:
    """Reference names that look like formulas (and markup) to the programs that open files."""
    with factory.begin() as session:
        for code, name in INJECTED_PARTNERS.items():
            session.execute(sa.update(m.Partner).where(m.Partner.code == code).values(name_zh=name))
        session.execute(
            sa.update(m.Target)
            .where(m.Target.code == "TJ_PILOT_GROWTH")
            .values(name_zh=INJECTED_TARGET)
        )


def sheet_rows(path: Path, sheet: str) -> dict[str, dict[str, object]]:
    """A data sheet as {row label: {column header: value}} (header on row 3)."""
    ws = openpyxl.load_workbook(path)[sheet]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    header = rows[0]
    out = {}
    for values in rows[1:]:
        if values[0] is None or str(values[0]).startswith(("注：", "　")):
            break
        out[values[0]] = dict(zip(header, values))
    return out


def all_cells(path: Path):
    """Every non-empty cell of the workbook: (sheet, coordinate, cell)."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell.coordinate, cell
