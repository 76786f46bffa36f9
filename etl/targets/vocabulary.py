"""The one status vocabulary of target evaluations (the screen's wording), for every output:
the dashboard's catalogue (status.*), the snapshot's 目标 sheet, the CLI. Pure."""

from __future__ import annotations

STATUS_WORDS: dict[str, dict[str, str]] = {
    "met": {"zh": "已达成", "en": "Met"},
    "missed": {"zh": "未达成", "en": "Missed"},
    "on_track": {"zh": "有望达成", "en": "On track"},
    "at_risk": {"zh": "存在风险", "en": "At risk"},
    "off_track": {"zh": "进度落后", "en": "Off track"},
    "not_started": {"zh": "未开始", "en": "Not started"},
    "no_data": {"zh": "暂无数据", "en": "No data"},
    "protected": {"zh": "保密（C）", "en": "Confidential (C)"},
}


def status_word(status: str, lang: str = "zh") -> str:
    """The word for a status code (the code itself when unknown)."""
    return STATUS_WORDS.get(status, {}).get(lang, status)
