"""CSV/xlsx downloads: the callbacks called directly (no browser), BOM, Chinese headers, files."""

from __future__ import annotations

import base64
import io

import dash
import openpyxl
import pandas as pd

from dashboard import downloads
from dashboard.downloads import payload, send_csv, send_xlsx

TABLE = pd.DataFrame(
    {"期间": ["2019年1–2月", "2019年3月"], "金额（亿美元）": [2.2, 1.1], "同比（%）": [10.0, None]}
)


def _decoded(sent: dict) -> bytes:
    return base64.b64decode(sent["content"]) if sent.get("base64") else sent["content"].encode()


def test_payload_is_json_safe_and_names_the_file() -> None:
    data = payload(TABLE, "服务贸易月度走势_天津市_2019年1–3月")
    assert data["filename"] == "服务贸易月度走势_天津市_2019年1–3月"
    assert data["columns"] == ["期间", "金额（亿美元）", "同比（%）"]
    assert data["rows"][1] == ["2019年3月", 1.1, None]


def test_csv_callback_sends_utf8_with_bom_and_chinese_headers() -> None:
    sent = send_csv(1, payload(TABLE, "走势"))
    assert sent["filename"] == "走势.csv"
    raw = _decoded(sent)
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "期间,金额（亿美元）,同比（%）"
    assert lines[1] == "2019年1–2月,2.2,10.0"
    assert lines[2] == "2019年3月,1.1,"  # missing is an empty cell, never "nan"/"None"
    assert "nan" not in text.lower() and "None" not in text


def test_xlsx_callback_sends_a_workbook_with_the_table() -> None:
    sent = send_xlsx(1, payload(TABLE, "走势"))
    assert sent["filename"] == "走势.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(_decoded(sent))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("期间", "金额（亿美元）", "同比（%）")
    assert rows[1] == ("2019年1–2月", 2.2, 10)
    assert rows[2] == ("2019年3月", 1.1, None)
    assert sheet.column_dimensions["B"].width >= len("金额（亿美元）")


def test_nothing_is_sent_before_a_click_or_without_data() -> None:
    assert send_csv(None, payload(TABLE, "x")) is dash.no_update
    assert send_csv(1, None) is dash.no_update
    assert send_xlsx(0, payload(TABLE, "x")) is dash.no_update


def test_download_bar_ids_match_the_callbacks() -> None:
    bar = downloads.download_bar("overview-trend", "zh")
    ids = [c.id for c in bar.children[1].children] + [c.id for c in bar.children[2:]]
    assert {"type": downloads.Downloads.CSV, "name": "overview-trend"} in ids
    assert downloads.download_store("overview-trend") in ids
    assert bar.children[0].children == "下载数据"
