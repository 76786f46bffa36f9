"""One case per row-level issue code: its row and column, and the messages that say more."""

import pytest

from etl.intake.uscc import org_code_consistent
from etl.intake.validate import RegistryFacts
from etl.intake.validate.issues import ISSUE_KINDS
from tests.unit.validate.cases import (
    U1,
    U2,
    U_BAD_ORG,
    H,
    frame,
    line,
    other,
    validate,
)

ROW_CASES = [
    # (case row(s) after a valid row 2, facts, expected {(code, row, column)})
    ("missing_value", [line(partner="JP", amount="  ")], None, {("missing_value", 3, H["amount"])}),
    ("uscc_length", [line(uscc=U1[:17])], None, {("uscc_length", 3, H["uscc"])}),
    (
        "control_character",
        [other(enterprise_name="天津\x00示例咨询有限公司（合成数据）")],
        None,
        {("control_character", 3, H["enterprise_name"])},
    ),
    ("uscc_charset", [line(uscc=U1[:10] + "O" + U1[11:])], None, {("uscc_charset", 3, H["uscc"])}),
    ("uscc_area", [line(uscc="91T" + U1[3:])], None, {("uscc_area", 3, H["uscc"])}),
    (
        "uscc_check",
        [line(uscc=U1[:17] + ("1" if U1[17] != "1" else "2"))],
        None,
        {("uscc_check", 3, H["uscc"])},
    ),
    (
        "name_too_long",
        [other(enterprise_name="名" * 201)],
        None,
        {("name_too_long", 3, H["enterprise_name"])},
    ),
    (
        "unknown_region",
        [line(partner="JP", region="塘沽区")],
        None,
        {("unknown_region", 3, H["region"])},
    ),
    (
        "unknown_direction",
        [line(direction="双向")],
        None,
        {("unknown_direction", 3, H["direction"])},
    ),
    ("unknown_category", [line(category="咨询")], None, {("unknown_category", 3, H["category"])}),
    ("unknown_mode", [line(mode="5")], None, {("unknown_mode", 3, H["mode"])}),
    ("unknown_partner", [line(partner="欧洲")], None, {("unknown_partner", 3, H["partner"])}),
    (
        "unknown_currency",
        [line(partner="JP", currency="EUR")],
        None,
        {("unknown_currency", 3, H["currency"])},
    ),
    ("unknown_unit", [line(partner="JP", unit="千美元")], None, {("unknown_unit", 3, H["unit"])}),
    (
        "currency_unit_mismatch",
        [line(partner="JP", currency="CNY")],
        None,
        {("currency_unit_mismatch", 3, H["unit"])},
    ),
    ("period_format", [line(period="2019-13")], None, {("period_format", 3, H["period"])}),
    ("period_too_early", [line(period="1999-12")], None, {("period_too_early", 3, H["period"])}),
    ("period_future", [line(period="2022-07")], None, {("period_future", 3, H["period"])}),
    ("no_fx_rate", [line(period="2014-06")], None, {("no_fx_rate", 3, H["period"])}),
    (
        "amount_not_number",
        [line(partner="JP", amount="1,5")],
        None,
        {("amount_not_number", 3, H["amount"])},
    ),
    (
        "amount_too_long",
        [line(partner="JP", amount="1" * 41)],
        None,
        {("amount_too_long", 3, H["amount"])},
    ),
    (
        "amount_not_finite",
        [line(partner="JP", amount="inf")],
        None,
        {("amount_not_finite", 3, H["amount"])},
    ),
    (
        "amount_negative",
        [line(partner="JP", amount="-0.01")],
        None,
        {("amount_negative", 3, H["amount"])},
    ),
    (
        "amount_too_large",
        [line(partner="JP", amount="10000001")],
        None,
        {("amount_too_large", 3, H["amount"])},
    ),
    (
        "duplicate_line",
        [line(partner="DE", amount="99")],
        None,
        {("duplicate_line", 2, ""), ("duplicate_line", 3, "")},
    ),
    (
        "conflicting_name",
        [line(partner="JP", enterprise_name="天津示例远洋航运有限公司")],
        None,
        {
            ("conflicting_name", 2, H["enterprise_name"]),
            ("conflicting_name", 3, H["enterprise_name"]),
        },
    ),
    (
        "conflicting_region",
        [line(partner="JP", region="天津经济技术开发区")],
        None,
        {("conflicting_region", 2, H["region"]), ("conflicting_region", 3, H["region"])},
    ),
    # warnings
    (
        "region_area_mismatch",
        [other(region="滨海新区")],
        None,
        {("region_area_mismatch", 3, H["region"])},
    ),
    ("org_code_check", [other(uscc=U_BAD_ORG)], None, {("org_code_check", 3, H["uscc"])}),
    (
        "amount_rounded",
        [line(partner="JP", amount="0.125", unit="美元")],
        None,
        {("amount_rounded", 3, H["amount"])},
    ),
    (
        "name_differs_registry",
        [other()],
        RegistryFacts(names={U2: "天津示例咨询集团有限公司"}),
        {("name_differs_registry", 3, H["enterprise_name"])},
    ),
    (
        "total_unusual",
        [other()],
        RegistryFacts(recent_median_usd_cents={U2: 100_000}),
        {("total_unusual", 3, "")},
    ),
]


@pytest.mark.parametrize(
    ("code", "rows", "facts", "expected"), ROW_CASES, ids=[c[0] for c in ROW_CASES]
)
def test_each_issue_code_names_row_and_column(code, rows, facts, expected):
    result = validate(frame(line(partner="DE"), *rows), facts)
    listed = {
        (c, r, col)
        for c, r, col in zip(result.issues["code"], result.issues["row"], result.issues["column"])
    }
    assert listed == expected  # exactly this issue, nothing else
    assert result.counts_by_code == {code: len(expected)}
    severity = ISSUE_KINDS[code].severity
    assert set(result.issues["severity"]) == {severity}
    assert result.ok == (severity == "warning")
    flagged_rows = {r for _, r, _ in expected}
    if severity == "error":  # rows with errors never reach the clean frame
        assert flagged_rows.isdisjoint(result.clean["source_row"])
        assert set(result.clean["source_row"]) == {2, 3} - flagged_rows
    else:
        assert list(result.clean["source_row"]) == [2, 3]
    message = result.issues.iloc[0]
    assert message["problem_zh"] and message["problem_en"] and "{" not in message["problem_zh"]


def test_uscc_check_message_says_what_the_check_character_should_be():
    wrong = U1[:17] + ("1" if U1[17] != "1" else "2")
    issue = validate(frame(line(uscc=wrong))).issues.iloc[0]
    assert f"应为 {U1[17]}" in issue["problem_zh"] and f"should be {U1[17]}" in issue["problem_en"]


def test_duplicate_line_message_lists_every_row_of_the_set():
    result = validate(frame(line(), line(partner="JP"), line(), line()))
    dups = result.issues[result.issues["code"] == "duplicate_line"]
    assert list(dups["row"]) == [2, 4, 5]
    assert "2, 4, 5" in dups.iloc[0]["problem_en"] and "第2、4、5行" in dups.iloc[0]["problem_zh"]


def test_org_code_case_really_fails_the_org_check():
    assert not org_code_consistent(U_BAD_ORG)


def test_every_issue_code_has_a_case():
    covered = {c[0] for c in ROW_CASES} | {
        "missing_columns",
        "extra_column",
        "duplicate_column",
        "no_data",
        "region_not_assigned",
        "enterprise_not_assigned",  # test_file_codes.py::test_clerk_scope_…
        "region_change_not_allowed",
    }
    assert covered == set(ISSUE_KINDS)
