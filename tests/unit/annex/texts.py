"""The policy documents as committed (seeds/policy_documents) and what the tests read of them
without the parser."""

from __future__ import annotations

import re

from etl.settings import PROJECT_ROOT

DOCS = PROJECT_ROOT / "seeds" / "policy_documents"


SEEDS = PROJECT_ROOT / "seeds"


SHARED = PROJECT_ROOT.parent / "shared" / "seeds"


def read_document(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def main_task_headings(text: str) -> list[str]:
    """The （一）（二）… headings of section 二、主要任务 of a plan's body."""
    body = text.split("二、主要任务", 1)[1].split("三、", 1)[0]
    return re.findall(r"^\s*（[一二三四五六七八九十]）(.+?)。", body, flags=re.M)


def raw_unit_cells(tianjin_text: str, liangjiang_text: str) -> list[tuple[str, str]]:
    """Every unit cell of both tables, read from the raw text without the parser."""
    cells = [
        ("tianjin", m[1])
        for m in re.finditer(r"(?:牵头单位|配合单位|配合部门)：(.*)", tianjin_text)
    ]
    for line in liangjiang_text.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and re.match(r"\d+．", parts[1]):
            cells += [("liangjiang", parts[2]), ("liangjiang", parts[3])]
    return cells
