"""Parse the annex task tables of the two policy documents into AnnexItem rows (no database)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from etl.tasks.organisations import normalise_unit, split_units

TIANJIN, LIANGJIANG, LIANGJIANG_POLICY = "tianjin", "liangjiang", "liangjiang_policy"
DOCUMENTS = (TIANJIN, LIANGJIANG, LIANGJIANG_POLICY)
DATE, ONGOING, NONE = "date", "ongoing", "none"
# Joins the 工作举措 of a task that the Tianjin table spreads over several rows.
MEASURE_SEPARATOR = "\n"


@dataclass(frozen=True)
class AnnexItem:
    """One numbered task of an annex table, with its deadline and its lead/cooperating units."""

    document: str
    area_no: int | None
    area: str
    number: int
    text: str
    measures: str
    deadline_text: str
    deadline: date | None
    deadline_kind: str
    lead_units: tuple[str, ...]
    cooperating_units: tuple[str, ...]


# ---------------------------------------------------------------- deadlines

# Wordings that mean "no end date: keep doing it".
_ONGOING_WORDS = frozenset({"持续推进", "持续推动", "长期", "长期坚持", "持续", "常态化"})
# Tianjin task 9 is due "2019年底取得阶段性成果": the date is the only deadline the table gives.
_MILESTONE_SUFFIX = "取得阶段性成果"
_DATE_WORDING = re.compile(
    r"^(?P<y>\d{4})年"
    r"(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?"
    r"(?P<end>底|末)?"
    r"(?:前|以前)?$"
)


def parse_deadline(text: str) -> tuple[date | None, str]:
    """("2018年底" -> 2018-12-31, "date"), ("持续推进" -> None, "ongoing"), ("" -> None, "none")."""
    s = re.sub(r"\s+", "", text or "")
    if s in _ONGOING_WORDS:
        return None, ONGOING
    m = _DATE_WORDING.match(s.removesuffix(_MILESTONE_SUFFIX))
    if not m or (m["d"] and m["end"]):  # "6月15日底" is not a wording anyone uses
        return None, NONE
    year = int(m["y"])
    month = int(m["m"]) if m["m"] else 12  # a bare year means its end
    if not 1 <= month <= 12:
        return None, NONE
    last = calendar.monthrange(year, month)[1]
    day = int(m["d"]) if m["d"] else last  # a month means its end
    if not 1 <= day <= last:
        return None, NONE
    return date(year, month, day), DATE


# ---------------------------------------------------------------- shared helpers


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _units(cell: str, document: str) -> list[str]:
    return [normalise_unit(name, document) for name in split_units(cell)]


def _item(
    document: str,
    number: int,
    text: str,
    *,
    area_no: int | None = None,
    area: str = "",
    measures: str = "",
    deadline_text: str = "",
    lead: Iterable[str] = (),
    coop: Iterable[str] = (),
) -> AnnexItem:
    """Build an item: parse the deadline, drop from the cooperating units any lead unit."""
    deadline, kind = parse_deadline(deadline_text)
    lead_units = _unique(lead)
    # a unit both leads and cooperates when rows are merged or 责任部门 repeats 牵头部门
    coop_units = tuple(u for u in _unique(coop) if u not in lead_units)
    return AnnexItem(
        document=document,
        area_no=area_no,
        area=area,
        number=number,
        text=text,
        measures=measures,
        deadline_text=deadline_text.strip(),
        deadline=deadline,
        deadline_kind=kind,
        lead_units=lead_units,
        cooperating_units=coop_units,
    )


def _lines_after(text: str, marker: str) -> list[str]:
    """The lines after the first line equal (stripped) to `marker`."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == marker:
            return lines[i + 1 :]
    raise ValueError(f"table header {marker!r} not found")


def _check_numbers(items: list[AnnexItem]) -> None:
    numbers = [item.number for item in items]
    if len(set(numbers)) != len(numbers) or numbers != sorted(numbers):
        raise ValueError(f"numbers out of order or repeated: {numbers}")


# ---------------------------------------------------------------- Tianjin

_TIANJIN_HEADER = ["试点任务", "具体内容", "工作举措", "完成时限", "责任部门"]
_UNIT_LABEL = re.compile(r"(牵头单位|配合单位|配合部门)：")


def _tianjin_blocks(text: str) -> list[list[str]]:
    """The table's rows as cell lists: a row is a run of lines, a cell starts with a tab."""
    blocks: list[list[str]] = [[]]
    for line in _lines_after(text, "天津市深化服务贸易创新发展试点任务明细表"):
        if line.startswith("\t"):  # an empty cell is a lone tab, not a blank line
            blocks[-1].append(line[1:].strip())
        elif not line.strip():
            if blocks[-1]:
                blocks.append([])
        elif blocks[-1]:  # "配合单位：…" is written on the line under "牵头单位：…"
            blocks[-1][-1] += "\n" + line.strip()
        else:
            raise ValueError(f"text outside a table cell: {line!r}")
    blocks = [b for b in blocks if b]
    if not blocks or blocks[0] != _TIANJIN_HEADER:
        raise ValueError("Tianjin annex: header row not found where expected")
    return blocks[1:]


def _labelled_units(cell: str) -> tuple[str, str]:
    """Split "牵头单位：A、B\\n配合单位：C" into the lead text and the cooperating text."""
    parts = _UNIT_LABEL.split(cell)
    if parts[0].strip():
        raise ValueError(f"unit cell without a label: {cell!r}")
    lead, coop = [], []
    for label, names in zip(parts[1::2], parts[2::2]):
        (lead if label == "牵头单位" else coop).append(names.strip())
    return "、".join(lead), "、".join(coop)


@dataclass
class _TianjinTask:
    """A numbered task while its rows (one per 工作举措) are being collected."""

    area: str
    number: int
    text: str
    rows: list[tuple[str, str, str, str]]  # measures, deadline, lead cell, cooperating cell


def parse_tianjin(text: str) -> list[AnnexItem]:
    """The 40 tasks of the Tianjin annex; a task spread over several rows becomes one item."""
    areas: list[str] = []  # in order of first appearance = the body's （一）…（九）
    tasks: list[_TianjinTask] = []
    for row in _tianjin_blocks(text):
        if len(row) != 6:
            raise ValueError(f"Tianjin annex: expected 6 cells, got {row!r}")
        area, number, content, measures, deadline, units = row
        if area and area not in areas:  # the heading is repeated after page breaks
            areas.append(area)
        if number and (area or tasks):
            tasks.append(_TianjinTask(area or tasks[-1].area, int(number), content, []))
        elif number or content or not tasks:
            raise ValueError(f"Tianjin annex: a row without area, number or task: {row!r}")
        tasks[-1].rows.append((measures, deadline, *_labelled_units(units)))
    items = [_tianjin_item(task, areas.index(task.area) + 1) for task in tasks]
    _check_numbers(items)
    return items


def _tianjin_item(task: _TianjinTask, area_no: int) -> AnnexItem:
    """Merge a task's rows: measures in order, the units of all rows, the one deadline."""
    measures, deadlines, leads, coops = zip(*task.rows)
    if len(set(deadlines)) != 1:  # not the case in the 2018 text; merging would need a rule
        raise ValueError(f"Tianjin task {task.number}: rows give deadlines {set(deadlines)}")
    return _item(
        TIANJIN,
        task.number,
        task.text,
        area_no=area_no,
        area=task.area,
        measures=MEASURE_SEPARATOR.join(measures),
        deadline_text=deadlines[0],
        lead=[u for cell in leads for u in _units(cell, TIANJIN)],
        coop=[u for cell in coops for u in _units(cell, TIANJIN)],
    )


# ---------------------------------------------------------------- 两江 annex 1

_LIANGJIANG_HEADER = ["试点任务", "具体工作措施", "牵头部门", "责任部门"]  # "具 体 工 作 措 施"
_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_AREA_HEADING = re.compile(r"^([一二三四五六七八九十])、(.+)$")
_NUMBERED = re.compile(r"^(\d+)[．.]\s*(.+)$")


def parse_liangjiang(text: str) -> list[AnnexItem]:
    """The measures of 附件1 (试点任务明细表): one tab-separated line each, no deadline column."""
    lines = _lines_after(text, "服务贸易创新发展试点任务明细表")
    if lines[0].replace(" ", "").split("\t") != _LIANGJIANG_HEADER:
        raise ValueError("两江 annex 1: header row not found where expected")
    items: list[AnnexItem] = []
    area_no, area = None, ""
    for line in lines[1:]:
        if not line.strip():
            break
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 4:
            raise ValueError(f"两江 annex 1: expected 4 cells, got {line!r}")
        if cells[0]:  # the heading is repeated after page breaks
            heading = _AREA_HEADING.match(cells[0])
            if not heading:
                raise ValueError(f"两江 annex 1: not an area heading: {cells[0]!r}")
            area_no, area = _CN_DIGITS[heading[1]], heading[2]
        numbered = _NUMBERED.match(cells[1])
        if not numbered or area_no is None:
            raise ValueError(f"两江 annex 1: not a numbered measure under a heading: {line!r}")
        # no 完成时限 column: the plan leaves deadlines to a later 任务分解表 (四、(二))
        items.append(
            _item(
                LIANGJIANG,
                int(numbered[1]),
                numbered[2],
                area_no=area_no,
                area=area,
                lead=_units(cells[2], LIANGJIANG),
                coop=_units(cells[3], LIANGJIANG),
            )
        )
    _check_numbers(items)
    return items


# ---------------------------------------------------------------- 两江 annex 2


def parse_liangjiang_policy(text: str) -> list[AnnexItem]:
    """附件2 (配套政策措施): numbered policy headings (text) with their contents (measures)."""
    lines = _lines_after(text, "服务贸易创新发展试点配套政策措施")
    if lines[0].split("\t") != ["序号", "政策措施", "主要内容"]:
        raise ValueError("两江 annex 2: header row not found where expected")
    rows: list[list[str]] = []
    for line in lines[1:]:
        if not line.strip():
            break
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) == 3 and cells[0].isdigit():
            rows.append(cells)
        elif len(cells) == 1 and rows:  # a second paragraph of the 主要内容 cell
            rows[-1][2] += "\n" + cells[0]
        else:
            raise ValueError(f"两江 annex 2: unexpected line {line!r}")
    # no areas, units or deadlines in this table
    items = [
        _item(LIANGJIANG_POLICY, int(n), title, measures=content) for n, title, content in rows
    ]
    _check_numbers(items)
    return items


PARSERS = {
    TIANJIN: parse_tianjin,
    LIANGJIANG: parse_liangjiang,
    LIANGJIANG_POLICY: parse_liangjiang_policy,
}
# Which source document each kind of item is read from.
SOURCE_OF = {TIANJIN: TIANJIN, LIANGJIANG: LIANGJIANG, LIANGJIANG_POLICY: LIANGJIANG}


def parse_documents(texts: dict[str, str]) -> list[AnnexItem]:
    """All items, document by document in DOCUMENTS order, from {"tianjin": …, "liangjiang": …}."""
    return [item for kind in DOCUMENTS for item in PARSERS[kind](texts[SOURCE_OF[kind]])]
