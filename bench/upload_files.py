"""Large report files for the upload benchmarks: N lines as CSV and as xlsx, made once.

    python bench/upload_files.py --lines 1000000 [--lines 300000]

The lines are the sample generator's (deterministic), cut to N; the xlsx is written row by row
(xlsxwriter constant_memory) with every cell as text, as a clerk's export would be. Files go to
$BENCH_DATA/uploads/ and are reused while they exist.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import xlsxwriter
from common import DATA

from etl.reference import reference_from_seeds
from etl.sample.generate import generate_reports
from etl.settings import PROJECT_ROOT

FOLDER = DATA / "uploads"


def report_frame(lines: int):
    """At least `lines` generated report lines (2015-01..2021-12), cut to exactly `lines`."""
    ref = reference_from_seeds(PROJECT_ROOT / "seeds")
    # ~3.4 lines per enterprise-month over 84 months (docs/performance.md, 规模)
    enterprises = max(50, int(lines / (84 * 3.2)))
    frame = generate_reports(n_enterprises=enterprises, ref=ref)
    while len(frame) < lines:
        enterprises = int(enterprises * 1.2)
        frame = generate_reports(n_enterprises=enterprises, ref=ref)
    return frame.head(lines)


def csv_file(lines: int) -> Path:
    """The N-line CSV (UTF-8), made on first use."""
    path = FOLDER / f"reports_{lines}.csv"
    if not path.exists():
        FOLDER.mkdir(parents=True, exist_ok=True)
        report_frame(lines).to_csv(path.with_suffix(".tmp"), index=False)
        path.with_suffix(".tmp").rename(path)
    return path


def xlsx_file(lines: int) -> Path:
    """The N-line xlsx (sheet 数据, header in row 1, text cells), made on first use from the CSV."""
    path = FOLDER / f"reports_{lines}.xlsx"
    if path.exists():
        return path
    import csv

    tmp = path.with_suffix(".tmp.xlsx")
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet("数据")
    with open(csv_file(lines), encoding="utf-8", newline="") as source:
        for r, row in enumerate(csv.reader(source)):
            for c, value in enumerate(row):
                if value:
                    sheet.write_string(r, c, value)
    book.close()
    tmp.rename(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, action="append", required=True)
    args = parser.parse_args()
    for lines in args.lines:
        for path in (csv_file(lines), xlsx_file(lines)):
            print(f"{path}  {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
