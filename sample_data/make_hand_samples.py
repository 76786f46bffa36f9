"""Write the hand-sized sample files in sample_data/ (synthetic data; deterministic, byte for byte).

Run from the project root:  .venv/bin/python sample_data/make_hand_samples.py
Every enterprise is invented ("…（合成数据）"); codes are made valid with etl.intake.uscc.complete_uscc.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a plain script from anywhere; etl is the project package

from etl.intake.schemas import REPORT_COLUMNS  # noqa: E402 (after the sys.path line)
from etl.intake.template import DATA_SHEET, write_template  # noqa: E402 (after the sys.path line)
from etl.intake.uscc import CHARSET, check_character, complete_uscc, org_code_consistent  # noqa: E402 (after the sys.path line)
from etl.reference import reference_from_seeds  # noqa: E402 (after the sys.path line)

OUT = Path(__file__).resolve().parent
HEADERS = [c.header_zh for c in REPORT_COLUMNS]
ZIP_TIME = (2019, 1, 1, 0, 0, 0)


def uscc(area: str, body: str) -> str:
    """A valid code: 9 (市场监管) 1 (企业), the 6-digit area, an 8-character body."""
    return complete_uscc(f"91{area}{body}")


# name, region as written, USCC
E = {
    "ship": ("天津示例航运有限公司（合成数据）", "滨海新区", uscc("120116", "MA05K3T1")),
    "consult": ("天津示例咨询有限公司（合成数据）", "河西区", uscc("120103", "MA06B2C8")),
    "soft": (
        "天津示例软件科技有限公司（合成数据）",
        "天津经济技术开发区",
        uscc("120191", "MA07D4E2"),
    ),
    "lease": ("天津示例融资租赁有限公司（合成数据）", "东疆综合保税区", uscc("120195", "MA08F6G4")),
    "media": ("天津示例文化传媒有限公司（合成数据）", "和平区", uscc("120101", "MA09H8J6")),
    "data": ("重庆两江示例数据服务有限公司（合成数据）", "两江新区", uscc("500112", "MA5U1K2L")),
    "logi": ("重庆两江示例物流有限公司（合成数据）", "两江新区", uscc("500105", "MA5U3M4N")),
}

# enterprise, direction, category, mode, partner, amount, currency, unit (period 2019-06)
CLEAN_LINES = [
    ("ship", "出口", "SC1", 1, "US", 120.5, "USD", "万美元"),
    ("ship", "出口", "SC1", 1, "JP", 86.25, "USD", "万美元"),
    ("ship", "出口", "SC1", 1, "HK", 240, "USD", "万美元"),
    ("ship", "进口", "SC1", 1, "SG", 45.8, "USD", "万美元"),
    ("ship", "出口", "SC4", 1, "KR", 12.3, "USD", "万美元"),
    ("ship", "进口", "SJ3", 1, "DE", 8.75, "USD", "万美元"),
    ("ship", "出口", "SC", 3, "US", 310, "USD", "万美元"),
    ("consult", "出口", "SJ2", 1, "HK", 1234.56, "CNY", "万元"),
    ("consult", "出口", "SJ2", 4, "SG", 88.8, "CNY", "万元"),
    ("consult", "进口", "SJ2", 1, "GB", 56.4, "CNY", "万元"),
    ("consult", "出口", "其他商业服务", "跨境提供", "美国", 300, "CNY", "万元"),
    ("consult", "出口", "SH", 1, "JP", 42, "CNY", "万元"),
    ("soft", "出口", "SI2", 1, "US", 520.4, "USD", "万美元"),
    ("soft", "出口", "SI2", 1, "JP", 133.33, "USD", "万美元"),
    ("soft", "出口", "SI2", 4, "DE", 27.5, "USD", "万美元"),
    ("soft", "进口", "SI1", 1, "US", 64.1, "USD", "万美元"),
    ("soft", "进口", "SH", 1, "US", 150, "USD", "万美元"),
    ("soft", "出口", "SI", 3, "SG", 610, "USD", "万美元"),
    ("soft", "出口", "SJ1", 1, "KR", 75.25, "USD", "万美元"),
    ("lease", "出口", "SG", 1, "HK", 980, "CNY", "万元"),
    ("lease", "进口", "SG", 1, "HK", 450.5, "CNY", "万元"),
    ("lease", "出口", "SB", 1, "FR", 126, "CNY", "万元"),
    ("lease", "进口", "SF1", 1, "GB", 33.6, "CNY", "万元"),
    ("lease", "出口", "SG", 3, "IE", 2100, "CNY", "万元"),
    ("media", "出口", "SK1", 1, "US", 66.6, "CNY", "万元"),
    ("media", "出口", "SK2", 2, "KR", 12.8, "CNY", "万元"),
    ("media", "进口", "SK1", 1, "US", 240, "CNY", "万元"),
    ("media", "出口", "SD", 2, "JP", 18.5, "CNY", "万元"),
    ("media", "进口", "SD", 2, "TH", 9.9, "CNY", "万元"),
    ("data", "出口", "SI3", 1, "SG", 210.75, "USD", "万美元"),
    ("data", "出口", "SI2", 1, "MY", 95, "USD", "万美元"),
    ("data", "进口", "SI2", 1, "US", 130.2, "USD", "万美元"),
    ("data", "出口", "SJ2", 4, "VN", 18.4, "USD", "万美元"),
    ("data", "出口", "SI", 3, "DE", 420, "USD", "万美元"),
    ("logi", "出口", "SC3", 1, "DE", 350, "CNY", "万元"),
    ("logi", "出口", "SC3", 1, "PL", 126.5, "CNY", "万元"),
    ("logi", "进口", "SC3", 1, "KZ", 88.2, "CNY", "万元"),
    ("logi", "出口", "SC4", 1, "RU", 40.75, "CNY", "万元"),
    ("logi", "进口", "SC", 3, "DE", 520, "CNY", "万元"),
    ("logi", "出口", "SD1", 2, "DE", 6.3, "CNY", "万元"),
]


def row(
    ent: str, period: str, line: tuple, name: str | None = None, region: str | None = None
) -> list[object]:
    """A report row in REPORT_COLUMNS order."""
    e_name, e_region, code = E[ent]
    direction, category, mode, partner, amount, currency, unit = line
    return [
        code,
        name or e_name,
        region or e_region,
        period,
        direction,
        category,
        mode,
        partner,
        amount,
        currency,
        unit,
    ]


def freeze_xlsx(path: Path) -> None:
    """Fix zip timestamps and document dates so the same content gives the same bytes."""
    with zipfile.ZipFile(path) as src:
        items = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2019-01-01T00:00:00Z", data)
            dst.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> None:
    """An ordinary workbook: headers in row 1, one sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    book.save(path)
    freeze_xlsx(path)


def write_csv(path: Path, header: list[str], rows: list[list[object]], encoding: str) -> None:
    """CSV as Excel writes it (CRLF line ends)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))


def clean_rows() -> list[list[object]]:
    """About 40 lines for June 2019: districts, zones and 两江新区; USD/CNY; modes 1–4."""
    return [row(ent, "2019-06", line) for ent, *line in CLEAN_LINES]


def revision_rows() -> list[list[object]]:
    """The shipping company and the Liangjiang data company send June again, corrected."""
    ship = [
        ("出口", "SC1", 1, "US", "125.00"),
        ("出口", "SC1", 1, "JP", "86.25"),
        ("出口", "SC1", 1, "HK", "198.40"),
        ("进口", "SC1", 1, "SG", "45.80"),
        ("出口", "SC", 3, "US", "310"),
    ]
    data = [
        ("出口", "SI3", 1, "SG", "230.75"),
        ("出口", "SI2", 1, "MY", "95"),
        ("进口", "SI2", 1, "US", "130.20"),
        ("出口", "SJ2", 4, "VN", "18.40"),
        ("出口", "SI2", 1, "ID", "22.10"),
        ("出口", "SI", 3, "DE", "420"),
    ]
    return [row("ship", "2019-06", (*line, "USD", "万美元")) for line in ship] + [
        row("data", "2019-06", (*line, "USD", "万美元")) for line in data
    ]


def gbk_rows() -> list[list[object]]:
    """July 2019 written the way clerks type it in Chinese Excel: names, 2019年7月, 人民币."""
    lines = [
        ("consult", ("出口", "其他商业服务", "跨境提供", "中国香港", "1,180.50", "人民币", "万元")),
        ("consult", ("进口", "专业和管理咨询服务", "跨境提供", "英国", "60", "人民币", "万元")),
        ("media", ("出口", "个人、文化和娱乐服务", "境外消费", "韩国", "15.2", "人民币", "万元")),
        ("media", ("进口", "旅行", "境外消费", "泰国", "11", "人民币", "万元")),
        ("logi", ("出口", "运输", "跨境提供", "德国", "365.25", "人民币", "万元")),
        ("logi", ("进口", "运输服务", "商业存在", "德国", "505", "人民币", "万元")),
        ("soft", ("出口", "电信、计算机和信息服务", "跨境提供", "美国", "530", "美元", "万美元")),
        ("soft", ("进口", "知识产权使用费", "跨境提供", "美国", "150", "美元", "万美元")),
    ]
    return [row(ent, "2019年7月", line) for ent, line in lines]


def mistakes() -> tuple[list[str], list[list[object]]]:
    """Every kind of row error at least once (one per row where possible), plus warnings."""
    ship = E["ship"][2]
    good = ("出口", "SC1", 1, "US", 10, "USD", "万美元")
    org_bad17 = "91120116MA0AB1C" + "D" + "7"  # body whose organisation check is wrong on purpose
    org_bad = org_bad17 + check_character(org_bad17)
    assert all(c in CHARSET for c in org_bad) and not org_code_consistent(org_bad)

    def raw(code: str, line: tuple, **kw) -> list[object]:
        r = row("media", "2019-06", line, **kw)
        r[0] = code
        return r

    rows = [
        row("ship", "2019-06", good),  # a correct line
        row("ship", "2019-06", ("出口", "SC1", 1, None, 10, "USD", "万美元")),  # missing_value
        raw(ship[:17], good),  # uscc_length
        raw(ship[:10] + "O" + ship[11:], good),  # uscc_charset (letter O for zero)
        raw("91T" + ship[3:], good),  # uscc_area
        raw(ship[:17] + ("0" if ship[17] != "0" else "1"), good),  # uscc_check
        row("media", "2019-05", good, name=E["media"][0] + "，地址：天津市和平区" + "示例路" * 60),
        row("media", "2019-06", ("出口", "SK1", 1, "US", 10, "USD", "万美元"), region="塘沽区"),
        row("media", "2019-06", ("双向", "SK1", 1, "JP", 10, "USD", "万美元")),
        row("media", "2019-06", ("出口", "咨询", 1, "JP", 10, "USD", "万美元")),
        row("media", "2019-06", ("出口", "SK1", 5, "JP", 10, "USD", "万美元")),
        row("media", "2019-06", ("出口", "SK1", 1, "欧洲", 10, "USD", "万美元")),
        row("media", "2019-06", ("出口", "SK2", 1, "KR", 10, "EUR", "万美元")),
        row("media", "2019-06", ("出口", "SK2", 1, "JP", 10, "USD", "千美元")),
        row("media", "2019-06", ("出口", "SK2", 1, "US", 10, "CNY", "万美元")),  # mismatch
        row("consult", "2019-13", ("出口", "SJ2", 1, "US", 10, "CNY", "万元")),
        row("consult", "1919-06", ("出口", "SJ2", 1, "US", 10, "CNY", "万元")),
        row("consult", "2091-06", ("出口", "SJ2", 1, "US", 10, "CNY", "万元")),
        row("consult", "2014-06", ("出口", "SJ2", 1, "US", 10, "CNY", "万元")),  # no_fx_rate
        row("soft", "2019-06", ("出口", "SI2", 1, "US", "约120万", "USD", "万美元")),
        row("soft", "2019-06", ("出口", "SI2", 1, "JP", "1" * 25 + "." + "3" * 20, "USD", "美元")),
        row("soft", "2019-06", ("出口", "SI2", 1, "KR", "NaN", "USD", "万美元")),
        row("soft", "2019-06", ("出口", "SI2", 1, "DE", -35.2, "USD", "万美元")),
        row("soft", "2019-06", ("出口", "SI2", 1, "GB", 12345678901, "CNY", "万元")),  # too large
        row("lease", "2019-06", ("出口", "SG", 1, "HK", 980, "CNY", "万元")),  # duplicate_line …
        row("lease", "2019-06", ("出口", "SG", 1, "HK", 980, "CNY", "万元")),  # … twice
        row("logi", "2019-06", ("出口", "SC3", 1, "DE", 350, "CNY", "万元")),  # conflicting_name …
        row(
            "logi",
            "2019-06",
            ("出口", "SC3", 1, "PL", 126.5, "CNY", "万元"),
            name="重庆两江示例国际物流有限公司（合成数据）",
        ),
        row("data", "2019-06", ("出口", "SI3", 1, "SG", 210.75, "USD", "万美元")),  # conflicting_
        row("data", "2019-06", ("出口", "SI2", 1, "MY", 95, "USD", "万美元"), region="滨海新区"),
        # warnings: area code 120101 (和平区) reported under 滨海新区; organisation code; rounding
        row("media", "2019-07", ("出口", "SK1", 1, "US", 10, "USD", "万美元"), region="滨海新区"),
        raw(org_bad, ("出口", "SK1", 1, "FR", 10, "USD", "万美元"), region="滨海新区"),
        row("ship", "2019-06", ("出口", "SC1", 1, "JP", "1234.567", "USD", "美元")),
    ]
    header = HEADERS + ["备注"]
    rows[0] = rows[0] + ["本行正确"]
    return header, rows


# For the demo of warnings that need the database: what the registry "knows" (see README).
DEMO_REGISTRY_NAMES = {E["ship"][2]: "天津示例远洋航运有限公司（合成数据）"}
DEMO_RECENT_MEDIAN_USD_CENTS = {E["ship"][2]: 100_000}  # US$ 1,000 a month: June looks 10× off


def write_filled_template(path: Path) -> None:
    """The template, filled by picking drop-down values ("CODE 名称")."""
    write_template(path, reference_from_seeds(ROOT / "seeds"))
    book = load_workbook(path)
    sheet = book[DATA_SHEET]
    soft, data = E["soft"], E["data"]
    rows = [
        [
            soft[2],
            soft[0],
            "120116-TEDA 天津经济技术开发区",
            "2019-08",
            "出口",
            "SI2 计算机服务",
            "1 跨境提供",
            "US 美国",
            498.6,
            "USD 美元",
            "万美元",
        ],
        [
            soft[2],
            soft[0],
            "120116-TEDA 天津经济技术开发区",
            "2019-08",
            "进口",
            "SH 知识产权使用费",
            "1 跨境提供",
            "US 美国",
            150,
            "USD 美元",
            "万美元",
        ],
        [
            soft[2],
            soft[0],
            "120116-TEDA 天津经济技术开发区",
            "2019-08",
            "出口",
            "SI 电信、计算机和信息服务",
            "3 商业存在",
            "SG 新加坡",
            640,
            "USD 美元",
            "万美元",
        ],
        [
            data[2],
            data[0],
            "500000-LJ 两江新区",
            "2019-08",
            "出口",
            "SI3 信息服务",
            "1 跨境提供",
            "SG 新加坡",
            1520.5,
            "CNY 人民币",
            "万元",
        ],
        [
            data[2],
            data[0],
            "500000-LJ 两江新区",
            "2019-08",
            "出口",
            "SJ2 专业和管理咨询服务",
            "4 自然人移动",
            "VN 越南",
            126,
            "CNY 人民币",
            "万元",
        ],
        [
            data[2],
            data[0],
            "500000-LJ 两江新区",
            "2019-08",
            "进口",
            "SI2 计算机服务",
            "1 跨境提供",
            "HK 中国香港",
            300,
            "CNY 人民币",
            "万元",
        ],
    ]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c, value=value)
    book.save(path)
    freeze_xlsx(path)


def main() -> None:
    """Write every sample file."""
    write_xlsx(OUT / "clean_2019-06.xlsx", HEADERS, clean_rows())
    header, rows = mistakes()
    write_xlsx(OUT / "mistakes_2019-06.xlsx", header, rows)
    bad_header = [
        "统一社会信用代码",
        "企业名称",
        "所属地区",
        "报告期",
        "方向",
        "服务类别",
        "供给模式",
        "伙伴国家(地区)",
        "Amt",
        "单位",
    ]
    write_csv(
        OUT / "mistakes_header_2019-06.csv",
        bad_header,
        [r[:8] + [r[8], r[10]] for r in clean_rows()[:3]],
        "utf-8-sig",
    )
    write_csv(OUT / "revision_2019-06.csv", HEADERS, revision_rows(), "utf-8")
    write_csv(OUT / "gbk_2019-07.csv", HEADERS, gbk_rows(), "gbk")
    write_filled_template(OUT / "template_filled_2019-08.xlsx")
    for path in sorted(OUT.glob("*_20*.*")):
        print(f"{path.name:34} {path.stat().st_size:>7} bytes")


if __name__ == "__main__":
    main()
