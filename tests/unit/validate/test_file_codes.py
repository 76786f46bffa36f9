"""File-level issue codes (columns, no rows), the clerk's scope, and a case for every code."""

from etl.intake.schemas import CLEAN_COLUMNS
from etl.intake.uscc import complete_uscc
from etl.intake.validate import RegistryFacts, validate_report
from tests.unit.validate.cases import (
    HEADER,
    REF,
    TODAY,
    U1,
    U2,
    frame,
    issues_at,
    line,
    other,
    validate,
)


def test_missing_columns_one_error_naming_missing_and_extra():
    headers = {k: v for k, v in HEADER.items() if k not in ("amount", "currency")}
    result = validate(frame(line(), headers=headers, extra={"Amt": ["1"]}))
    assert result.error_count == 1 and result.counts_by_code == {"missing_columns": 1}
    issue = result.issues.iloc[0]
    assert (issue["row"], issue["column"], issue["code"]) == (1, "", "missing_columns")
    for text in ("金额", "币种", "Amt"):
        assert text in issue["problem_zh"]
    assert result.clean.empty and list(result.clean.columns) == list(CLEAN_COLUMNS)


def test_extra_column_alone_is_a_warning():
    result = validate(frame(line(), extra={"备注": ["x"]}))
    assert result.ok and result.counts_by_code == {"extra_column": 1}
    assert issues_at(result, 1) == {("extra_column", "备注")}
    assert len(result.clean) == 1


def test_duplicate_column_is_an_error_but_rows_are_still_checked():
    result = validate(frame(line(category="XX"), extra={"Amount": ["5"]}))
    assert issues_at(result, 1) == {("duplicate_column", "Amount")}
    assert issues_at(result, 2) == {("unknown_category", HEADER["category"])}


def test_no_data_rows():
    result = validate(frame())
    assert result.counts_by_code == {"no_data": 1} and issues_at(result, 1) == {("no_data", "")}


def test_clerk_scope_flags_rows_outside_their_regions_and_keeps_sub_zones():
    """A 滨海新区 clerk: 河西区 is an error; 天津经济技术开发区 (below 滨海新区) is theirs."""
    teda = complete_uscc("91120116MA05K3T2")
    rows = frame(line(), other(), line(uscc=teda, region="天津经济技术开发区"))
    result = validate_report(rows, REF, today=TODAY, only_regions=("120116",))
    # 河西区's code is outside too: both the cell and the enterprise are flagged, on row 3 only.
    assert set(result.issues["code"]) == {"region_not_assigned", "enterprise_not_assigned"}
    outside = result.issues[result.issues["code"] == "region_not_assigned"]
    assert list(result.issues["row"]) == [3, 3] and list(outside["value"]) == ["河西区"]
    assert "120116 滨海新区" in outside.iloc[0]["problem_zh"] and not result.ok
    assert sorted(result.clean["source_row"]) == [2, 4]
    assert validate_report(rows, REF, today=TODAY, only_regions=None).ok  # not a clerk


def test_clerk_scope_goes_by_the_registered_region_and_hides_other_regions_facts():
    """Registered 河西区 but written 滨海新区: an error, and its registered name and median are
    never quoted; a registered 滨海新区 enterprise written as 天津经济技术开发区 is a move."""
    facts = RegistryFacts(
        names={U1: "登记名称甲", U2: "登记名称乙（机密）"},
        recent_median_usd_cents={U1: 100, U2: 100},
        regions={U1: "120116", U2: "120103"},
    )
    rows = frame(
        other(region="滨海新区", enterprise_name="别名", amount="999"),
        line(region="天津经济技术开发区", enterprise_name="别名甲"),
    )
    result = validate_report(rows, REF, facts, today=TODAY, only_regions=("120116",))
    by_row = set(zip(result.issues["row"].tolist(), result.issues["code"]))
    assert (2, "enterprise_not_assigned") in by_row and (3, "region_change_not_allowed") in by_row
    text = " ".join(result.issues["problem_zh"]) + " ".join(result.issues["problem_en"])
    assert "登记名称乙" not in text and "(2, 'total_unusual')" not in str(by_row)
    assert "登记名称甲" in text  # inside the clerk's regions, the registered name may be shown
