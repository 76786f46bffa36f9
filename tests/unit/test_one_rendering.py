"""One figure, one rendering: the same amounts and statuses read the same on the screen, in the
snapshot (workbook values, HTML/PDF text), in CSV/Excel downloads and in the CLI."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from dashboard import i18n
from dashboard.downloads import csv_bytes, xlsx_bytes
from dashboard.i18n import t
from dashboard.tables import trend_table
from etl.cli.release import _yi as cli_amount
from etl.snapshot.format import display, excel_value
from etl.snapshot.targets import STATUS_ZH
from etl.targets.vocabulary import STATUS_WORDS

# cents -> the one text: 12.35亿 half up is 12.4 (float formatting gave 12.3 on screen).
FIGURES = {
    123_500_000_000: "12.4",
    1_234_567_890_123: "123.5",
    124_500_000_000: "12.5",
    5_000_000: "0.0",
    100_050_000_000_000: "10,005.0",
    -123_500_000_000: "-12.4",
}


@pytest.mark.parametrize("cents,text", FIGURES.items())
def test_an_amount_reads_the_same_in_every_output(cents, text):
    screen = i18n.fmt_amount(cents, "usd_100m", "zh")
    assert screen == f"{text}亿美元"
    assert i18n.fmt_number(cents, "usd_100m", "zh") == text
    assert display("usd", cents) == text  # snapshot HTML/PDF text and the workbook's shown text
    assert excel_value("usd", cents) == float(text.replace(",", ""))  # the workbook's value
    assert cli_amount(cents) == f"{text}亿美元"  # python -m etl release …


def test_a_download_carries_the_screens_number():
    """The trend download (CSV and Excel) of a month of 12.35亿美元 says 12.4, as the card does."""
    frame = pd.DataFrame({"period": [202103], "amount": [123_500_000_000]})
    table = trend_table(frame, "usd_100m", "zh", 202103)
    csv_text = csv_bytes(table).decode("utf-8-sig")
    assert "12.4" in csv_text and "12.3" not in csv_text and "12.35" not in csv_text
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table))).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert 12.4 in values
    assert i18n.fmt_amount(123_500_000_000, "usd_100m", "zh") == "12.4亿美元"


def test_percentages_round_half_up_everywhere():
    """A share of 12.35% reads 12.4% on screen and in the snapshot."""
    assert i18n.fmt_pct(0.1235, signed=False) == "12.4%"
    assert display("pct", 0.1235) == "12.4%"


def test_one_status_vocabulary():
    """The workbook's 目标 statuses are the screen's catalogue words, in both languages."""
    for code, words in STATUS_WORDS.items():
        assert STATUS_ZH[code] == t(f"status.{code}", "zh") == words["zh"]
        assert t(f"status.{code}", "en") == words["en"]
    assert "已完成" not in STATUS_ZH.values() and "按进度可完成" not in STATUS_ZH.values()
