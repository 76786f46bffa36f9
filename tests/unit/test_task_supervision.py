"""Supervision of the pilot-task ledger: states, overdue from the day after, silence, reminders."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from etl.tasks.evidence import EvidenceRejected, check_evidence
from etl.tasks.supervision import (
    current_status,
    ledger_state,
    overdue,
    period_end,
    reminders,
    summary,
)

D = dt.date


def _tasks() -> pd.DataFrame:
    rows = [
        ("tianjin-1", "tianjin", 1, "体制", 1, D(2018, 12, 31), "date", ["商务委"], ["统计局"]),
        ("tianjin-2", "tianjin", 1, "体制", 2, D(2018, 9, 30), "date", ["商务委"], []),
        ("tianjin-3", "tianjin", 2, "开放", 3, None, "ongoing", ["发改委"], ["商务委"]),
        ("tianjin-4", "tianjin", 2, "开放", 4, D(2019, 12, 31), "date", ["发改委", "商务委"], []),
    ]
    cols = ["id", "document", "area_no", "area", "number", "deadline", "deadline_kind", "lead"]
    frame = pd.DataFrame([r[:8] for r in rows], columns=cols)
    frame["cooperating"] = [r[8] for r in rows]
    frame["text"] = [f"任务{i}" for i in range(1, 5)]
    frame["deadline_text"] = ["2018年底", "2018年9月", "持续推进", "2019年底"]
    return frame


def _reports(*rows) -> pd.DataFrame:
    cols = ["id", "task_id", "period", "status", "review_state"]
    return pd.DataFrame([(i, *r) for i, r in enumerate(rows, start=1)], columns=cols)


NONE = _reports()


def _state(reports, day, gap=3):
    return ledger_state(_tasks(), reports, day, gap).set_index("id")


def test_a_dated_task_is_overdue_the_day_after_its_deadline_and_not_on_the_day():
    on_the_day = _state(NONE, D(2018, 12, 31))
    assert on_the_day.loc["tianjin-1", "state"] == "open"
    assert "tianjin-1" not in set(overdue(on_the_day.reset_index())["id"])
    after = _state(NONE, D(2019, 1, 1))
    assert (
        after.loc["tianjin-1", "state"] == "overdue" and after.loc["tianjin-1", "days_overdue"] == 1
    )
    assert "tianjin-1" in set(overdue(after.reset_index())["id"])


def test_ongoing_tasks_are_never_overdue():
    assert _state(NONE, D(2030, 1, 1)).loc["tianjin-3", "state"] == "open"


def test_completion_on_time_late_and_returned_reports():
    reports = _reports(
        ("tianjin-1", 201812, "completed", "confirmed"),  # done in its deadline month
        ("tianjin-2", 201811, "completed", "submitted"),  # done two months late
        ("tianjin-4", 201906, "completed", "returned"),  # sent back: does not count
    )
    state = _state(reports, D(2019, 7, 1))
    assert state.loc["tianjin-1", "state"] == "on_time"
    assert state.loc["tianjin-1", "completed_on"] == D(2018, 12, 31)
    assert state.loc["tianjin-2", "state"] == "late"
    assert state.loc["tianjin-4", "state"] == "open" and state.loc["tianjin-4", "status"] is None


def test_the_newest_report_wins_and_silence_counts_months():
    reports = _reports(
        ("tianjin-3", 201901, "in_progress", "confirmed"),
        ("tianjin-3", 201903, "ongoing", "submitted"),
    )
    status = current_status(reports).set_index("task_id")
    assert status.loc["tianjin-3", "status"] == "ongoing"
    assert status.loc["tianjin-3", "last_period"] == 201903
    assert not _state(reports, D(2019, 5, 20), gap=3).loc["tianjin-3", "silent"]
    assert _state(reports, D(2019, 6, 1), gap=3).loc["tianjin-3", "silent"]  # Apr–Jun: nothing
    assert _state(reports, D(2019, 5, 20)).loc["tianjin-4", "silent"]  # never reported


def test_reminders_go_to_lead_and_cooperating_units():
    state = ledger_state(_tasks(), NONE, D(2019, 1, 1), 3)
    rows = reminders(state)
    one = rows[rows["id"] == "tianjin-1"]
    assert list(zip(one["unit"], one["role"], one["reason"])) == [
        ("商务委", "lead", "overdue"),
        ("统计局", "cooperating", "overdue"),
    ]
    assert set(reminders(state, units=("统计局",))["id"]) == {"tianjin-1"}


def test_summary_by_area_and_by_lead_unit():
    reports = _reports(("tianjin-1", 201812, "completed", "confirmed"))
    state = ledger_state(_tasks(), reports, D(2019, 1, 1), 3)
    by_area = summary(state, "area")
    assert by_area.to_dict("records")[0] == {
        "document": "tianjin",
        "group": "体制",
        "tasks": 2,
        "completed": 1,
        "on_time": 1,
        "late": 0,
        "overdue": 1,
        "open": 0,
    }
    by_lead = summary(state, "lead").set_index("group")
    assert by_lead.loc["商务委", "tasks"] == 3 and by_lead.loc["发改委", "tasks"] == 2
    assert by_lead.loc["商务委", "overdue"] == 1


def test_period_end():
    assert period_end(201902) == D(2019, 2, 28) and period_end(202002) == D(2020, 2, 29)


def test_evidence_type_content_and_size_checks():
    pdf = b"%PDF-1.4\n" + b"x" * 100
    assert check_evidence("政策文件.PDF", pdf, 1000) == "pdf"
    for name, content, reason in (
        ("a.exe", pdf, "type"),
        ("a.pdf", b"", "empty"),
        ("a.pdf", pdf, "size"),
        ("a.png", pdf, "content"),
        ("a.docx", b"PK\x03\x04rubbish", "content"),
    ):
        try:
            check_evidence(name, content, 50 if reason == "size" else 1000)
        except EvidenceRejected as exc:
            assert exc.reason == reason, name
        else:
            raise AssertionError(f"{name} accepted")
