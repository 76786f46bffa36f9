"""Exports page, pure parts: default month, grid rows, file names, the attachment header."""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

from dashboard.downloads import content_disposition
from dashboard.filter_state import offered_month
from dashboard.pages.exports import views as v
from dashboard.pages.exports.data import Made
from etl.snapshot.archive import SnapshotEntry

NAMES = {"120000": {"zh": "天津市", "en": "Tianjin"}}


def entry(**kw) -> SnapshotEntry:
    base = dict(
        id=7,
        month=201906,
        region_code="120000",
        internal=False,
        vintage_event_id=12,
        revised_from_id=None,
        changed_cells=None,
        created_at=dt.datetime(2019, 7, 10, 1, 30),
        created_by="cron",
        files={"xlsx": "a.xlsx", "html": "a.html", "cells": "a.json"},
        sha256={"xlsx": "ab" * 32, "html": "cd" * 32, "cells": "ef" * 32},
    )
    return SnapshotEntry(**{**base, **kw})


def test_default_month_is_the_last_complete_month_with_data() -> None:
    today = dt.date(2022, 3, 15)
    assert v.default_month(201501, 202112, today) == 202112  # data end before today
    assert v.default_month(201501, 202203, today) == 202202  # March is not over yet
    assert v.default_month(202203, 202203, today) == 202203  # only the current month loaded
    assert v.default_month(None, None, today) is None


def test_month_options_newest_first_across_years() -> None:
    options = v.month_options(201811, 201902, "zh")
    assert [o["value"] for o in options] == ["2019-02", "2019-01", "2018-12", "2018-11"]
    assert options[0]["label"] == "2019年2月"
    assert v.month_options(None, None, "zh") == []
    # the 对外通报版 has no January of its own: February is 1–2月 (make_snapshot refuses one)
    circulated = v.month_options(201811, 201902, "zh", circulated=True)
    assert [o["label"] for o in circulated] == ["2019年1–2月", "2018年12月", "2018年11月"]
    offered = [o["value"] for o in circulated]
    assert offered_month("2019-01", offered) == "2019-02"
    assert offered_month("2018-12", offered) == "2018-12"
    assert offered_month("2017-05", offered) == "2019-02"


def test_grid_row_of_a_public_original_without_pdf() -> None:
    [row] = v.grid_rows([entry()], NAMES, "zh")
    assert row["month"] == "2019年6月" and row["region"] == "天津市"
    assert row["row_id"] == "7" and row["id"] == 7  # getRowId needs a string; id sorts as number
    assert row["variant"] == "对外通报版" and row["edition"] == "首版"
    assert row["vintage"] == "数据事件 #12"
    assert row["made_at"] == "2019-07-10 09:30"  # stored UTC, shown in Beijing time
    assert row["sha"] == "ab" * 6 and row["sha_full"] == "ab" * 32
    assert row["files"] == "[Excel](/exports/7/xlsx) · [HTML](/exports/7/html) · 无 PDF*"


def test_grid_row_of_an_internal_revision_with_pdf_in_english() -> None:
    files = {"xlsx": "a.xlsx", "html": "a.html", "pdf": "a.pdf"}
    e = entry(
        internal=True,
        revised_from_id=3,
        changed_cells=5,
        files=files,
        sha256={k: "0" * 64 for k in files},
    )
    [row] = v.grid_rows([e], NAMES, "en")
    assert row["internal"] is True and "内部版" in row["variant"] and "INTERNAL" in row["variant"]
    assert row["edition"] == "Revision of no. 3, 5 cells changed"
    assert row["region"] == "Tianjin"
    assert row["files"].endswith("[PDF](/exports/7/pdf)") and "no PDF" not in row["files"]


def test_file_names_say_variant_and_revision() -> None:
    assert (
        v.file_name(entry(), "天津市", "xlsx")
        == "服务贸易统计监测月报_2019年6月_天津市_对外通报版.xlsx"
    )
    name = v.file_name(entry(internal=True, revised_from_id=3), "天津市", "pdf")
    assert name == "服务贸易统计监测月报_2019年6月_天津市_内部版_不得外传_修订版（编号7）.pdf"


def test_content_disposition_has_ascii_fallback_and_utf8_name() -> None:
    header = content_disposition("月报 2019年6月.xlsx", 'stm-"snap";2019.xlsx')
    assert header.startswith("attachment; filename=\"stm-snap2019.xlsx\"; filename*=UTF-8''")
    encoded = header.split("UTF-8''", 1)[1]
    assert " " not in encoded and unquote(encoded) == "月报 2019年6月.xlsx"


def test_made_message_for_each_outcome() -> None:
    def text(made, internal=False):
        alert = v.made_message(made, 201906, internal, "zh")
        return alert.color, " ".join(str(c.children) for c in alert.children) if isinstance(
            alert.children, list
        ) else alert.children

    assert text(Made(9)) == ("success", "已生成并存档：2019年6月 对外通报版（编号 9）。")
    color, said = text(Made(9, changed_cells=4, pdf_message="未找到 Chromium"))
    assert color == "warning" and "4 处显示值变化" in said and "未找到 Chromium" in said
    color, said = text(Made(2, existing=True), internal=True)
    assert color == "info" and "内部版 不得外传的首版已存档（编号 2）" in said
    assert text(Made(None, error="no reports"))[0] == "danger"
    january = v.made_message(Made(None, error="2021-01: January is …"), 202101, False, "zh")
    assert january.children == (
        "未能生成快照：1月数据与2月合并为1–2月发布，没有单独的对外通报版；请生成2021年1–2月，或生成内部版"
    )


def test_empty_archive_tells_a_leader_who_makes_snapshots_not_a_command() -> None:
    """#17: a leader was told to run a command on the server."""
    reader = str(v.empty_list(False, "python -m etl snapshot", "zh"))
    assert "统计人员" in reader and "python -m etl" not in reader
    assert "statisticians" in str(v.empty_list(False, "python -m etl snapshot", "en"))
    maker = str(v.empty_list(True, "python -m etl snapshot", "zh"))
    assert "python -m etl snapshot" in maker


def test_the_briefing_list_names_its_months_as_the_snapshot_list_does() -> None:
    from dash import html

    from dashboard.briefings import archive_table
    from etl.briefing.archive import BriefingEntry

    brief = BriefingEntry(
        id=3,
        release_id=9,
        scope_code="120000",
        period=201906,
        lang="zh",
        revision=1,
        created_at=dt.datetime(2019, 7, 10, 1, 30),
        files={"docx": "b.docx"},
        sha256={"docx": "ab" * 32},
    )
    for lang, month, scope, edition in (
        ("zh", "2019年6月", "天津市", "第1次修订"),
        ("en", v.grid_rows([entry()], NAMES, "en")[0]["month"], "Tianjin", "Revision 1"),
    ):
        table = archive_table([brief], NAMES, lambda e, lang: html.Span("links"), lang)
        cells = [td.children for td in table.children[1].children[0].children]
        assert cells[:2] == [month, scope] and cells[3] == edition
        assert month == v.grid_rows([entry()], NAMES, lang)[0]["month"]
