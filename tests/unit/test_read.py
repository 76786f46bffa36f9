"""Reading uploads: encodings, Excel numbers and dates as text, Excel row numbers, unreadable files."""

import datetime as dt
import hashlib
import io

import pytest
from openpyxl import Workbook

from etl.intake.read import ReportReadError, read_report

HEADER = "统一社会信用代码,企业名称,报告期,金额,单位"
CSV = HEADER + "\n0012,天津示例（合成数据）,201906,1234.50,万元\n9,乙,2019年6月,,元\n"


def _xlsx(rows: list[list[object]], title: str = "Sheet1", extra_sheet: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for r in rows:
        sheet.append(r)
    if extra_sheet:
        other = book.create_sheet(extra_sheet, 0)  # first in the workbook
        other.append(["说明"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
    ],
)
def test_csv_encodings_are_detected(encoding, detected):
    result = read_report(CSV.encode(encoding), "r.csv")
    assert result.encoding == detected
    assert result.frame.loc[2, "企业名称"] == "天津示例（合成数据）"
    assert list(result.frame.columns) == HEADER.split(",")


def test_csv_cells_stay_text_exactly_and_empty_is_missing():
    frame = read_report(CSV.encode(), "r.csv").frame
    assert frame.loc[2, "统一社会信用代码"] == "0012"
    assert frame.loc[2, "报告期"] == "201906"
    assert frame.loc[2, "金额"] == "1234.50"
    assert frame.isna().loc[3, "金额"]


def test_csv_rows_numbered_as_excel_shows_them_blank_lines_skipped():
    text = HEADER + "\n1,a,201906,1,元\n\n,,,,\n2,b,201906,2,元\r\n"
    frame = read_report(text.encode(), "r.csv").frame
    assert list(frame.index) == [2, 5]
    assert frame.loc[5, "企业名称"] == "b"


def test_csv_header_below_a_title_row():
    text = "2019年6月服务贸易报表\n" + CSV
    result = read_report(text.encode(), "r.csv")
    assert result.header_row == 2
    assert list(result.frame.index) == [3, 4]


def test_semicolon_separated_csv():
    frame = read_report(CSV.replace(",", ";").encode(), "r.csv").frame
    assert frame.loc[2, "金额"] == "1234.50"


def test_xlsx_numbers_and_dates_come_back_as_the_text_excel_shows():
    frame = read_report(
        _xlsx(
            [
                ["统一社会信用代码", "报告期", "金额", "供给模式"],
                ["0012", dt.datetime(2019, 6, 1), 1234.5, 1],
                ["x", 201906, 1234.5600000000002, 2.0],
                ["y", dt.date(2019, 7, 1), 1e16, 3],
            ]
        ),
        "r.xlsx",
    ).frame
    assert frame.loc[2].tolist() == ["0012", "2019-06-01", "1234.5", "1"]
    assert frame.loc[3].tolist() == ["x", "201906", "1234.56", "2"]
    assert frame.loc[4].tolist() == ["y", "2019-07-01", "10000000000000000", "3"]


def test_xlsx_keeps_excel_row_numbers_around_blank_rows_and_a_title():
    result = read_report(
        _xlsx(
            [
                ["2019年6月报表"],
                [],
                ["统一社会信用代码", "企业名称", "金额"],
                ["a", "甲", 1],
                [],
                [None, None, None],
                ["b", "乙", 2],
            ]
        ),
        "r.xlsx",
    )
    assert result.header_row == 3
    assert list(result.frame.index) == [4, 7]
    assert result.frame.loc[7, "企业名称"] == "乙"


def test_xlsx_reads_the_data_sheet_of_the_template_else_the_first():
    assert (
        read_report(_xlsx([["金额"], [1]], title="数据", extra_sheet="填报说明"), "t.xlsx").sheet
        == "数据"
    )
    assert read_report(_xlsx([["金额"], [1]], title="Sheet9"), "t.xlsx").sheet == "Sheet9"


def test_unlabelled_empty_columns_dropped_unlabelled_filled_columns_kept():
    frame = read_report(b"a,,b,\n1,,2,x\n", "r.csv").frame
    assert list(frame.columns) == ["a", "b", "(无表头 D)"]


def test_hash_and_size_identify_the_bytes(tmp_path):
    data = CSV.encode()
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    result = read_report(path, path.name)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert result.size_bytes == len(data)


@pytest.mark.parametrize(
    ("data", "name", "fragment"),
    [
        (b"", "r.csv", "empty"),
        (b"PK\x03\x04 not really a zip", "r.xlsx", "Cannot open"),
        (b"anything", "r.xls", ".xls"),
        (b"anything", "r.pdf", "Unsupported"),
        (b"\n\n\n", "r.csv", "No header"),
        (_xlsx([]), "r.xlsx", "empty"),
        ("名称,金额\n\xff".encode() + b"\xff\xfe\x80", "r.csv", "encoding"),
    ],
)
def test_unreadable_files_raise_a_bilingual_error(data, name, fragment):
    with pytest.raises(ReportReadError) as info:
        read_report(data, name)
    assert fragment in info.value.message_en
    assert info.value.message_zh


def test_large_csv_is_read_whole():
    """200k rows come back whole, numbered like Excel, every cell as written (the speed of this
    read is measured in bench/, not asserted here)."""
    body = "".join(f"91120116MA05K3T{i:03d},企业{i},201906,{i}.5,万元\n" for i in range(200_000))
    data = (HEADER + "\n" + body).encode()
    frame = read_report(data, "big.csv").frame
    assert frame.iloc[-1].tolist()[:2] == ["91120116MA05K3T199999", "企业199999"]
    assert len(frame) == 200_000 and frame.index[-1] == 200_001


# ---------------------------------------------------------------- limits before parsing


def test_a_sheet_declaring_a_million_rows_is_refused_before_it_is_read(tmp_path):
    """One cell in row 1,048,576 makes a tiny file that would take minutes to parse."""
    import time

    import xlsxwriter

    from etl.intake.read import ReadLimits

    path = tmp_path / "huge.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["统一社会信用代码", "企业名称", "金额"])
    sheet.write(1_048_575, 0, "x")
    book.close()
    started = time.perf_counter()
    with pytest.raises(ReportReadError) as refused:
        read_report(path.read_bytes(), "huge.xlsx", ReadLimits(max_rows=300_000))
    assert time.perf_counter() - started < 1 and "300,000" in refused.value.message_zh


def test_an_xlsx_that_expands_past_the_limit_is_refused_before_it_is_read():
    """A zip bomb: the declared uncompressed size is checked, nothing is inflated."""
    import io
    import zipfile

    from etl.intake.read import ReadLimits

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (30 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 100 * 1024
    with pytest.raises(ReportReadError) as refused:
        read_report(data, "bomb.xlsx", ReadLimits(max_uncompressed_bytes=10 * 1024 * 1024))
    assert "10 MB" in refused.value.message_zh


def test_a_csv_over_the_row_limit_is_refused_and_one_under_it_is_read():
    from etl.intake.read import ReadLimits

    header = "统一社会信用代码,企业名称,金额\n"
    text = header + "".join(f"x{i},y,1\n" for i in range(50))
    with pytest.raises(ReportReadError):
        read_report(text.encode(), "r.csv", ReadLimits(max_rows=49))
    assert len(read_report(text.encode(), "r.csv", ReadLimits(max_rows=50)).frame) == 50
