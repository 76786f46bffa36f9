"""The committed seeds are what the parser writes now, and the documents are the shared ones."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from etl.settings import PROJECT_ROOT
from tests.unit.annex.texts import (
    DOCS,
    SEEDS,
    SHARED,
)


def test_committed_csvs_are_what_the_script_writes_now(tmp_path):
    """scripts/parse_annexes.py on the repository copies writes both seed files byte for byte."""
    script = PROJECT_ROOT / "scripts" / "parse_annexes.py"
    subprocess.run(
        [sys.executable, str(script), str(DOCS), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    for name in ("pilot_tasks.csv", "organisations.csv"):
        assert (tmp_path / name).read_bytes() == (SEEDS / name).read_bytes(), name


def test_pilot_tasks_csv_rows(all_items):
    """One row per item, in document then number order, lists joined with "；"."""
    with (SEEDS / "pilot_tasks.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["document"], int(r["number"])) for r in rows] == [
        (i.document, i.number) for i in all_items
    ]
    assert [r["document"] for r in rows].count("tianjin") == 40
    row = next(r for r in rows if r["document"] == "tianjin" and r["number"] == "25")
    assert row["deadline"] == "2018-12-31" and row["deadline_kind"] == "date"
    assert row["lead_units"] == "天津市商务委；天津市财政局；中国出口信用保险公司天津分公司"
    assert row["cooperating_units"] == "天津保监局；天津市金融局"


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared/seeds next to the project")
def test_repository_copies_are_the_shared_documents():
    """The copies under seeds/policy_documents are byte-identical to the documents they copy."""
    for copy, original in [
        ("tianjin_2018.txt", "000_d5aede44cc1d1e58.txt"),
        ("liangjiang_2016.txt", "002_14e778ad91f9879f.txt"),
    ]:
        assert (DOCS / copy).read_bytes() == (SHARED / original).read_bytes(), copy
