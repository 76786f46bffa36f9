"""The catalogue of validation problems (stable codes, clerk-readable messages) and their collector."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_LISTED = 2000  # issues listed in full; counts always cover every issue
ISSUE_COLUMNS = ("row", "column", "value", "code", "problem_zh", "problem_en", "severity")


@dataclass(frozen=True)
class IssueKind:
    """One kind of problem: severity and message templates (str.format fields filled per issue)."""

    severity: str  # "error" | "warning"
    zh: str
    en: str


_E, _W = "error", "warning"
ISSUE_KINDS: dict[str, IssueKind] = {
    # ---- file level (row 1 = the header row)
    "missing_columns": IssueKind(
        _E,
        "缺少必填列：{missing}。文件中无法识别的列：{extra}。请使用模板中的列名。",
        "Required columns missing: {missing}. Columns not recognised: {extra}. "
        "Use the headers of the template.",
    ),
    "duplicate_column": IssueKind(
        _E,
        "同一列出现了两次：{headers}。请删除多余的一列。",
        "The same column appears twice: {headers}. Delete one of them.",
    ),
    "no_data": IssueKind(_E, "文件中没有数据行。", "The file has no data rows."),
    "extra_column": IssueKind(
        _W, "无法识别的列，已忽略。", "Column not recognised; it is ignored."
    ),
    # ---- one cell
    "missing_value": IssueKind(_E, "必填项为空。", "Required value is empty."),
    "control_character": IssueKind(
        _E,
        "含有不可见的控制字符或文字方向控制符（{chars}），请删除后重新上传。",
        "Contains invisible control or text-direction characters ({chars}); remove them and "
        "upload again.",
    ),
    "uscc_length": IssueKind(
        _E,
        "统一社会信用代码应为18位，这里是{length}位。",
        "A unified social credit code has 18 characters; this one has {length}.",
    ),
    "uscc_charset": IssueKind(
        _E,
        "统一社会信用代码含有不允许的字符 {chars}（只用数字和大写字母，且不用 I、O、S、V、Z）。",
        "The code contains characters that are not allowed: {chars} (digits and capital letters "
        "only; I, O, S, V and Z are never used).",
    ),
    "uscc_area": IssueKind(
        _E,
        "统一社会信用代码第3–8位（登记机关行政区划码）应全为数字，这里是 {area}。",
        "Characters 3–8 of the code (the area code) must be digits; here they are {area}.",
    ),
    "uscc_check": IssueKind(
        _E,
        "统一社会信用代码校验位不对：按前17位，第18位应为 {expected}，而不是 {actual}。"
        "请核对是否抄错。",
        "Wrong check character: from the first 17 characters the 18th should be {expected}, "
        "not {actual}. Please check the code for typing errors.",
    ),
    "name_too_long": IssueKind(
        _E, "企业名称超过200个字符。", "The enterprise name is longer than 200 characters."
    ),
    "unknown_region": IssueKind(
        _E,
        "无法识别的所属地区，请从模板下拉列表中选择（如 120116 滨海新区）。",
        "Unknown region; pick one from the template's list (e.g. 120116 滨海新区).",
    ),
    "region_not_assigned": IssueKind(
        _E,
        "您只能报送所负责地区（{allowed}）的企业数据；本行地区不在其中。如需报送，请联系统计人员。",
        "You may load reports only for your regions ({allowed}); this row's region is not one of "
        "them. Ask a statistician to load it.",
    ),
    "enterprise_not_assigned": IssueKind(
        _E,
        "该企业不在您负责的地区（{allowed}）内，您不能报送或修改它的数据。如需报送，请联系统计人员。",
        "This enterprise is outside your regions ({allowed}); you may not create or revise its "
        "reports. Ask a statistician to load it.",
    ),
    "region_change_not_allowed": IssueKind(
        _E,
        "该企业登记的所属地区为 {registered}；所属地区只能由统计人员变更。请按登记地区填写，"
        "或联系统计人员。",
        "This enterprise is registered in {registered}; only a statistician may change an "
        "enterprise's region. Write the registered region or ask a statistician.",
    ),
    "unknown_direction": IssueKind(
        _E,
        "无法识别的方向，请填写“出口”或“进口”。",
        "Unknown direction; write 出口 (export) or 进口 (import).",
    ),
    "unknown_category": IssueKind(
        _E,
        "无法识别的服务类别，请填写 EBOPS 代码（如 SC）或类别名称（如 运输）。",
        "Unknown service category; write an EBOPS code (e.g. SC) or the category's name.",
    ),
    "unknown_mode": IssueKind(
        _E,
        "无法识别的供给模式，请填写 1–4 或 跨境提供、境外消费、商业存在、自然人移动。",
        "Unknown mode of supply; write 1–4 or the mode's name.",
    ),
    "unknown_partner": IssueKind(
        _E,
        "无法识别的伙伴国家(地区)，请填写两位代码（如 US）或中文名称（如 美国）。",
        "Unknown partner economy; write the ISO two-letter code (e.g. US) or the Chinese name.",
    ),
    "unknown_currency": IssueKind(
        _E,
        "无法识别的币种，请填写 USD（美元）或 CNY（人民币）。",
        "Unknown currency; write USD or CNY.",
    ),
    "unknown_unit": IssueKind(
        _E,
        "无法识别的单位，请填写 元、万元、美元 或 万美元。",
        "Unknown unit; write 元, 万元, 美元 or 万美元.",
    ),
    "currency_unit_mismatch": IssueKind(
        _E,
        "币种与单位不一致：单位“{unit}”表示{implied_zh}，但币种填的是 {currency}。",
        "Currency and unit disagree: the unit {unit} means {implied}, but the currency is "
        "{currency}.",
    ),
    "period_format": IssueKind(
        _E,
        "无法识别的报告期，请写成 2019-06（也可写 2019年6月、2019/06、201906）。",
        "Unrecognised period; write 2019-06 (2019年6月, 2019/06 and 201906 are also accepted).",
    ),
    "period_too_early": IssueKind(
        _E, "报告期 {period} 早于 2000年1月。", "Period {period} is before January 2000."
    ),
    "period_future": IssueKind(
        _E,
        "报告期 {period} 晚于本月（{current}），还不能报送。",
        "Period {period} is after the current month ({current}).",
    ),
    "amount_not_number": IssueKind(
        _E,
        "金额不是数字（可写 1234.5 或 1,234.5，不要写文字或单位）。",
        "The amount is not a number (write 1234.5 or 1,234.5, without words or units).",
    ),
    "amount_too_long": IssueKind(
        _E, "金额位数太多（超过40个字符）。", "The amount has too many digits (over 40 characters)."
    ),
    "amount_not_finite": IssueKind(
        _E,
        "金额不是有限的数（NaN 或无穷大）。",
        "The amount is not a finite number (NaN or infinity).",
    ),
    "amount_negative": IssueKind(
        _E,
        "金额不能为负数；进口请在“方向”列填“进口”，金额填正数。",
        "The amount must not be negative; for imports write 进口 in the direction column.",
    ),
    "amount_too_large": IssueKind(
        _E,
        "金额过大：折合超过1000亿美元（单行上限）。请检查单位（元/万元）是否填错。",
        "The amount is too large: over US$ 100 bn for one line. Check the unit (元 / 万元).",
    ),
    "no_fx_rate": IssueKind(
        _E,
        "系统中没有 {period} 的人民币兑美元汇率，无法折算；请联系管理员录入汇率。",
        "No CNY/USD rate is loaded for {period}, so the amount cannot be converted; ask the "
        "administrator to load it.",
    ),
    "amount_rounded": IssueKind(
        _W,
        "金额精确到分以下，已按“四舍六入五成双”舍入为 {rounded} {unit_zh}。",
        "The amount is finer than a cent; it was rounded half-to-even to {rounded} {unit_en}.",
    ),
    # ---- several rows
    "duplicate_line": IssueKind(
        _E,
        "同一企业、报告期、方向、服务类别、供给模式和伙伴国家(地区)出现了{count}次（第{rows_zh}行），"
        "请合并为一行。",
        "The same enterprise, period, direction, category, mode and partner appear {count} times "
        "(rows {rows}); merge them into one row.",
    ),
    "conflicting_name": IssueKind(
        _E,
        "同一企业同一报告期的企业名称不一致：{found}。",
        "The same enterprise and period have different names in this file: {found}.",
    ),
    "conflicting_region": IssueKind(
        _E,
        "同一企业同一报告期的所属地区不一致：{found}。",
        "The same enterprise and period have different regions in this file: {found}.",
    ),
    # ---- warnings that need context
    "name_differs_registry": IssueKind(
        _W,
        "企业名称与系统登记的名称“{registered}”不同；如企业已更名可忽略。",
        "The name differs from the registered name {registered}; ignore this if it was renamed.",
    ),
    "region_area_mismatch": IssueKind(
        _W,
        "所属地区与统一社会信用代码中的登记地区码 {area} 不一致；集团企业异地登记时可忽略。",
        "The region does not match the area code {area} in the credit code; ignore this for "
        "groups registered elsewhere.",
    ),
    "org_code_check": IssueKind(
        _W,
        "统一社会信用代码第9–17位（组织机构代码）校验不通过，请核对（仅提示）。",
        "The organisation code inside the credit code (characters 9–17) fails its check; please "
        "verify (warning only).",
    ),
    "total_unusual": IssueKind(
        _W,
        "该企业本期合计 {total} 美元，超过其近12个月中位数 {median} 美元的10倍，请核实金额和单位。",
        "This report totals US$ {total}, more than 10 times the enterprise's recent median of "
        "US$ {median}; check amounts and units.",
    ),
}


class IssueLog:
    """Collects issues cheaply: counts every one, materialises only the first MAX_LISTED by row."""

    def __init__(self, rows: np.ndarray, column_order: dict[str, int]) -> None:
        self.row_numbers = rows  # Excel row number for each position of the frame
        self._order = column_order  # header -> position in the file, for sorting
        self._parts: list[pd.DataFrame] = []
        self.counts: Counter[str] = Counter()
        self.error_positions = np.zeros(len(rows), dtype=bool)

    def add(
        self,
        code: str,
        positions: np.ndarray,
        column: str,
        values: object,
        detail: Callable[[dict], dict] | None = None,
        **fields: object,
    ) -> None:
        """Record one issue per position.

        values and fields are scalars or arrays aligned with positions; detail, if given, turns one
        listed issue's fields into extra message fields (so costly formatting runs only for listed
        issues, never for all of a million-row file).
        """
        positions = np.asarray(positions, dtype=np.int64)
        if positions.size == 0:
            return
        kind = ISSUE_KINDS[code]
        self.counts[code] += int(positions.size)
        if kind.severity == "error":
            self.error_positions[positions] = True
        keep = np.argsort(self.row_numbers[positions], kind="stable")[:MAX_LISTED]
        picked = {
            k: (np.asarray(v, dtype=object)[keep] if _is_array(v) else v)
            for k, v in {"value": values, **fields}.items()
        }
        zh, en = [], []
        for i in range(keep.size):
            one = {k: (v[i] if isinstance(v, np.ndarray) else v) for k, v in picked.items()}
            if detail is not None:
                one.update(detail(one))
            zh.append(kind.zh.format(**one))
            en.append(kind.en.format(**one))
        value = picked["value"]
        self._parts.append(
            pd.DataFrame(
                {
                    "row": self.row_numbers[positions[keep]].astype(np.int64),
                    "column": column,
                    "value": value if isinstance(value, np.ndarray) else [value] * keep.size,
                    "code": code,
                    "problem_zh": zh,
                    "problem_en": en,
                    "severity": kind.severity,
                }
            )
        )

    def add_file_issue(
        self, code: str, column: str = "", value: str = "", row: int = 1, **fields: object
    ) -> None:
        """An issue that is about the file or its header rather than a data row."""
        kind = ISSUE_KINDS[code]
        self.counts[code] += 1
        self._parts.append(
            pd.DataFrame(
                [
                    {
                        "row": row,
                        "column": column,
                        "value": value,
                        "code": code,
                        "problem_zh": kind.zh.format(**fields),
                        "problem_en": kind.en.format(**fields),
                        "severity": kind.severity,
                    }
                ]
            )
        )

    @property
    def error_count(self) -> int:
        """Every error recorded, listed or not."""
        return sum(n for code, n in self.counts.items() if ISSUE_KINDS[code].severity == "error")

    @property
    def warning_count(self) -> int:
        """Every warning recorded, listed or not."""
        return sum(n for code, n in self.counts.items() if ISSUE_KINDS[code].severity == "warning")

    def frame(self) -> pd.DataFrame:
        """The listed issues, sorted by row then column position, at most MAX_LISTED."""
        if not self._parts:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in ISSUE_COLUMNS}).astype(
                {"row": np.int64}
            )
        out = pd.concat(self._parts, ignore_index=True)
        out["value"] = out["value"].map(lambda v: "" if _missing(v) else str(v))
        order = out["column"].map(lambda c: self._order.get(c, -1))
        out = (
            out.assign(_o=order)
            .sort_values(["row", "_o", "code"], kind="stable")
            .head(MAX_LISTED)
            .drop(columns="_o")
            .reset_index(drop=True)
        )
        return out[list(ISSUE_COLUMNS)].astype({"row": np.int64})


def _missing(v: object) -> bool:
    return v is None or (not isinstance(v, str) and bool(pd.isna(v)))


def _is_array(v: object) -> bool:
    return isinstance(v, (list, np.ndarray, pd.Series, pd.Index))
