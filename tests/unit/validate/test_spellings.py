"""Accepted spellings: English or Chinese headers in any case, codes and names, currencies, units, periods."""

import pytest

from etl.intake.schemas import REPORT_COLUMNS
from tests.unit.validate.cases import (
    frame,
    line,
    validate,
)


def test_headers_in_english_any_case_full_width_brackets_and_spaces():
    headers = {c.key: c.header_en.upper() for c in REPORT_COLUMNS}
    headers["partner"] = " 伙伴国家（地区） "
    headers["uscc"] = "Unified Social Credit  Code"
    result = validate(frame(line(), headers=headers))
    assert result.ok and result.issues.empty and len(result.clean) == 1


@pytest.mark.parametrize(
    ("key", "written", "clean_column", "expected"),
    [
        ("direction", "收入", "direction", "X"),
        ("direction", "贷方", "direction", "X"),
        ("direction", "Export", "direction", "X"),
        ("direction", "x", "direction", "X"),
        ("direction", "支出", "direction", "M"),
        ("direction", "借方", "direction", "M"),
        ("direction", "IMPORT", "direction", "M"),
        ("category", "运输服务", "category_code", "SC"),
        ("category", "旅游", "category_code", "SD"),
        ("category", "旅游服务", "category_code", "SD"),
        ("category", "建筑", "category_code", "SE"),
        ("category", "保险服务", "category_code", "SF"),
        ("category", "电信计算机和信息服务", "category_code", "SI"),
        ("category", "sc1", "category_code", "SC1"),
        ("category", "Transport", "category_code", "SC"),
        ("category", "SC 运输", "category_code", "SC"),
        ("category", "海运", "category_code", "SC1"),
        ("mode", "模式一", "mode", 1),
        ("mode", "Mode 2", "mode", 2),
        ("mode", "商业存在", "mode", 3),
        ("mode", "4 自然人移动", "mode", 4),
        ("mode", "１", "mode", 1),
        ("partner", "香港", "partner_code", "HK"),
        ("partner", "中国香港", "partner_code", "HK"),
        ("partner", "澳门", "partner_code", "MO"),
        ("partner", "台湾", "partner_code", "TW"),
        ("partner", "美国", "partner_code", "US"),
        ("partner", "United States", "partner_code", "US"),
        ("partner", "JP 日本", "partner_code", "JP"),
        ("partner", "de", "partner_code", "DE"),
        ("region", "120116", "region_code", "120116"),
        ("region", "120116 滨海新区", "region_code", "120116"),
        ("region", "Binhai New Area", "region_code", "120116"),
        ("region", "天津市滨海新区", "region_code", "120116"),
        ("region", "120116-TEDA 天津经济技术开发区", "region_code", "120116-TEDA"),
        ("currency", "美元", "currency", "USD"),
        ("currency", "USD 美元", "currency", "USD"),
        ("period", "2019年6月", "period", 201906),
        ("period", "201906", "period", 201906),
        ("period", "2019/06", "period", 201906),
        ("period", "２０１９－０６", "period", 201906),
    ],
)
def test_accepted_spellings(key, written, clean_column, expected):
    result = validate(frame(line(**{key: written})))
    assert result.ok, result.issues
    assert result.clean.iloc[0][clean_column] == expected


@pytest.mark.parametrize(
    ("currency", "unit", "expected_currency"),
    [
        ("人民币", "万元", "CNY"),
        ("RMB", "元", "CNY"),
        ("CNY 人民币", "万元", "CNY"),
        ("USD", "美元", "USD"),
    ],
)
def test_currency_and_unit_spellings(currency, unit, expected_currency):
    result = validate(frame(line(currency=currency, unit=unit)))
    assert result.ok
    assert result.clean.iloc[0]["currency"] == expected_currency
    assert result.clean.iloc[0]["unit"] == unit
