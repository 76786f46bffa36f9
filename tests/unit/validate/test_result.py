"""The result's shape and scale: loader columns and types, the summary, the cap, order, odd characters."""

import numpy as np
import pytest

from etl.intake.schemas import CLEAN_COLUMNS
from etl.intake.uscc import complete_uscc
from etl.intake.validate.issues import ISSUE_COLUMNS, MAX_LISTED
from tests.unit.validate.cases import (
    REF,
    U2,
    H,
    frame,
    line,
    other,
    validate,
)


def test_clean_frame_has_the_loader_columns_and_types():
    clean = validate(frame(line(), other(mode="3", partner="HK"))).clean
    assert list(clean.columns) == list(CLEAN_COLUMNS)
    for name in (
        "source_row",
        "period",
        "mode",
        "amount_orig_minor",
        "amount_usd_cents",
        "amount_cny_fen",
    ):
        assert clean[name].dtype == np.int64
    assert clean.iloc[1][["uscc", "region_code", "mode", "partner_code"]].tolist() == [
        U2,
        "120103",
        3,
        "HK",
    ]


def test_summary_keeps_mode_3_beside_the_bop_total():
    result = validate(
        frame(line(), line(partner="JP", direction="进口", amount="1"), other(mode="3", amount="5"))
    )
    summary = result.summary()
    assert summary["rows"] == 3 and summary["enterprises"] == 2
    assert summary["periods"] == ["2019-06"]
    assert summary["usd_cents"] == {"X": 120_500_000, "M": 1_000_000}
    assert summary["usd_cents_fats"] == {"X": 5_000_000, "M": 0}


def test_cap_lists_2000_but_counts_all():
    rows = [line(partner="JP", category="XX", amount=str(i)) for i in range(2500)]
    result = validate(frame(*rows))
    assert len(result.issues) == MAX_LISTED == 2000
    assert result.error_count == 2500 and result.counts_by_code == {"unknown_category": 2500}
    assert list(result.issues["row"]) == list(range(2, 2002))
    assert list(result.issues.columns) == list(ISSUE_COLUMNS)


def test_issues_sorted_by_row_then_column_position():
    result = validate(frame(line(partner="欧洲", direction="?"), line(uscc="x", amount="-1")))
    assert list(zip(result.issues["row"], result.issues["code"])) == [
        (2, "unknown_direction"),
        (2, "unknown_partner"),
        (3, "uscc_length"),
        (3, "amount_negative"),
    ]


@pytest.mark.parametrize("index", [["a", "b"], [0, 1]])
def test_index_without_row_numbers_is_numbered_from_row_2(index):
    df = frame(line(), line(category="XX")).set_axis(index)
    assert validate(df).issues.iloc[0]["row"] == 3


def test_fifty_thousand_rows_validate_quickly():
    """Per distinct value, never per row: 50k rows in well under the limit (100k ≈ 0.3 s here)."""
    rows = [
        line(
            partner=p,
            category=c,
            amount=f"{i}.{i % 100:02d}",
            period=f"2019-{m:02d}",
            uscc=complete_uscc(f"91120116{i % 997:08d}"),
        )
        for i, (p, c, m) in enumerate(
            (p, c, m)
            for p in ("US", "JP", "DE", "HK", "SG")
            for c in REF.categories
            for m in range(1, 13)
            for _ in range(27)
        )
    ][:50_000]
    df = frame(*rows)
    result = validate(df)  # its speed is bench/'s business, not a timed assertion here
    assert result.rows == 50_000 and result.ok


@pytest.mark.parametrize(
    "name",
    ["甲\x00乙", "甲\x07乙", "甲\n乙", "甲\x85乙", "甲\u202e乙丙", "甲\u2066乙\u2069"],
)
def test_control_and_bidi_characters_in_text_fields_are_errors(name):
    """NUL, other controls and bidi overrides: an error naming the row, column and U+ code."""
    result = validate(frame(line(enterprise_name=name)))
    assert not result.ok and result.clean.empty
    issue = result.issues.iloc[0]
    assert (issue["code"], issue["row"], issue["column"]) == (
        "control_character",
        2,
        H["enterprise_name"],
    )
    assert "U+" in issue["problem_zh"] and "\x00" not in issue["value"]


@pytest.mark.parametrize("amount", ["١٢٣", "१२३", "١٢.٥", "-0", "-0.00"])
def test_only_ascii_and_full_width_digits_are_amounts_and_minus_zero_is_refused(amount):
    """Arabic-Indic and Devanagari digits are not numbers here; a signed zero is a slip."""
    result = validate(frame(line(amount=amount)))
    assert not result.ok
    assert set(result.issues["code"]) <= {"amount_not_number", "amount_negative"}


def test_full_width_digits_still_load():
    wide = validate(frame(line(amount="１２０．５０", period="２０１９-０６")))
    plain = validate(frame(line(amount="120.50", period="2019-06")))
    assert wide.ok and wide.clean["amount_orig_minor"].equals(plain.clean["amount_orig_minor"])


def test_periods_in_other_scripts_digits_are_refused():
    result = validate(frame(line(period="٢٠١٩-٠٦")))
    assert set(result.issues["code"]) == {"period_format"}
