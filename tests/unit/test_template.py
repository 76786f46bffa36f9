"""The Excel template: three sheets, drop-downs from the code sheet, and a filled copy validates."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from etl.intake.normalize import build_vocabularies
from etl.intake.read import read_report
from etl.intake.schemas import REPORT_COLUMNS
from etl.intake.template import (
    CODES_SHEET,
    DATA_SHEET,
    HELP_SHEET,
    LAST_ROW,
    code_lists,
    write_template,
)
from etl.intake.uscc import complete_uscc
from etl.intake.validate import validate_report
from etl.reference import reference_from_seeds
from etl.settings import PROJECT_ROOT

REF = reference_from_seeds(PROJECT_ROOT / "seeds")
CODED = ("region", "direction", "category", "mode", "partner", "currency", "unit")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "模板.xlsx"
    write_template(path, REF)
    return path


def test_three_sheets_data_first(template):
    assert load_workbook(template).sheetnames == [DATA_SHEET, HELP_SHEET, CODES_SHEET]


def test_data_sheet_header_bold_frozen_with_help_comments(template):
    sheet = load_workbook(template)[DATA_SHEET]
    header = [c.value for c in sheet[1]]
    assert header == [c.header_zh for c in REPORT_COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert REPORT_COLUMNS[0].help_zh in sheet["A1"].comment.text
    assert sheet.column_dimensions["A"].number_format == "@"  # 18-digit codes stay text


def test_drop_downs_reference_the_code_sheet_lists(template):
    book = load_workbook(template)
    sheet, codes = book[DATA_SHEET], book[CODES_SHEET]
    lists = code_lists(REF)
    letters = {c.key: chr(ord("A") + i) for i, c in enumerate(REPORT_COLUMNS)}
    by_range = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    assert len(by_range) == len(CODED)
    for key in CODED:
        dv = by_range[f"{letters[key]}2:{letters[key]}{LAST_ROW}"]
        assert dv.type == "list" and dv.formula1.startswith(f"'{CODES_SHEET}'!$")
        column = dv.formula1.split("!$")[1][0]
        last = int(dv.formula1.rsplit("$", 1)[1])
        values = [codes[f"{column}{r}"].value for r in range(2, last + 1)]
        assert values == lists[key]


def test_every_drop_down_value_is_understood_by_the_validator():
    vocab = build_vocabularies(REF)
    lists = code_lists(REF)
    assert {vocab.region.resolve(v) for v in lists["region"]} == set(REF.regions)
    assert {vocab.category.resolve(v) for v in lists["category"]} == set(REF.categories)
    assert {vocab.partner.resolve(v) for v in lists["partner"]} == set(REF.partners)
    assert {vocab.mode.resolve(v) for v in lists["mode"]} == {1, 2, 3, 4}
    assert {vocab.direction.resolve(v) for v in lists["direction"]} == {"X", "M"}
    assert {vocab.currency.resolve(v) for v in lists["currency"]} == {"USD", "CNY"}
    assert {vocab.unit.resolve(v) for v in lists["unit"]} == {"元", "万元", "美元", "万美元"}


def test_help_sheet_explains_one_row_per_line_and_fats(template):
    text = "\n".join(
        str(c.value)
        for row in load_workbook(template)[HELP_SHEET].iter_rows()
        for c in row
        if c.value
    )
    for phrase in ("一行一条", "商业存在", "FATS", "不计入服务进出口总额", "汇率", "万美元"):
        assert phrase in text
    for col in REPORT_COLUMNS:
        assert col.help_zh in text


def test_template_filled_from_the_drop_downs_validates_clean(template, tmp_path):
    """One row per category, cycling through every other list: no errors, no warnings."""
    lists = code_lists(REF)
    book = load_workbook(template)
    sheet = book[DATA_SHEET]
    code = complete_uscc("91120116MA05K3T1")
    for i, category in enumerate(lists["category"]):
        unit = lists["unit"][i % 4]
        currency = lists["currency"][0 if "美元" in unit else 1]
        values = [
            code,
            "天津示例航运有限公司（合成数据）",
            "120116 滨海新区",
            "2019-08",
            lists["direction"][i % 2],
            category,
            lists["mode"][i % 4],
            lists["partner"][i * 7 % len(lists["partner"])],
            100 + i * 0.25,
            currency,
            unit,
        ]
        for c, value in enumerate(values, start=1):
            sheet.cell(row=i + 2, column=c, value=value)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    read = read_report(path, path.name)
    result = validate_report(read.frame, REF, today=dt.date(2022, 1, 1))
    assert read.sheet == DATA_SHEET
    assert result.issues.empty, result.issues
    assert len(result.clean) == len(lists["category"])
    assert set(result.clean["category_code"]) == set(REF.categories)


def test_retract_impact_lines_say_reports_months_and_totals() -> None:
    """#17: the confirmation shows what a retraction changes before it is done."""
    from dashboard.pages.upload.views import impact_lines
    from etl.queries.retract import BatchImpact

    impact = BatchImpact(
        7,
        reports=3,
        withdrawn=2,
        restored=1,
        periods=(202101, 202103),
        total_before=3 * 10**10,
        total_after=10**10,
    )
    text = str(impact_lines(impact, "zh"))
    assert "当前报表3份" in text and "2份将撤除" in text and "1份恢复" in text
    assert "2个月份（2021年1月 – 2021年3月）" in text
    assert "合计由3.0亿美元变为1.0亿美元（变化-2.0亿美元）" in text
    assert "2 months affected" in str(impact_lines(impact, "en"))
