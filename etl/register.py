"""The register of 重点联系企业: file validation (pure), atomic upsert with history.

Register file columns (Chinese headers; English accepted): 统一社会信用代码, 企业名称, 所属地区,
起始月份 (required); 主要服务类别, 联系人, 联系电话, 截止月份 (optional). One row per enterprise: an
enterprise already on the register is updated (its change logged); removal is a 截止月份.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from etl import models as m
from etl.normalize import build_vocabularies, header_key
from etl.periods import format_period, parse_period
from etl.read import read_report
from etl.reference import ReferenceCodes, reference_codes
from etl.uscc import normalize_uscc, uscc_problem

# key -> (Chinese header, English header, required)
REGISTER_COLUMNS = {
    "uscc": ("统一社会信用代码", "USCC", True),
    "name": ("企业名称", "Enterprise name", True),
    "region": ("所属地区", "Region", True),
    "since": ("起始月份", "Since", True),
    "sector": ("主要服务类别", "Main service category", False),
    "contact_person": ("联系人", "Contact person", False),
    "contact_phone": ("联系电话", "Contact phone", False),
    "until": ("截止月份", "Until", False),
}


@dataclass
class RegisterCheck:
    """Validated register rows and the problems found (row, column, value, problem)."""

    rows: list[dict] = field(default_factory=list)
    problems: list[tuple[int, str, str, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file can be loaded."""
        return not self.problems


def validate_register(frame: pd.DataFrame, ref: ReferenceCodes) -> RegisterCheck:
    """Check every row of a register file; nothing is loaded unless all rows are valid."""
    check = RegisterCheck()
    headers = {header_key(h): h for h in frame.columns}
    found = {}
    for key, (zh, en, required) in REGISTER_COLUMNS.items():
        header = headers.get(header_key(zh)) or headers.get(header_key(en))
        if header is not None:
            found[key] = header
        elif required:
            check.problems.append((1, zh, "", "缺少必填列", "required column missing"))
    if check.problems:
        return check
    vocab = build_vocabularies(ref)
    seen: dict[str, int] = {}
    for row_no, raw in frame.iterrows():

        def get(key: str, raw=raw) -> str:
            value = raw[found[key]] if key in found else None
            return "" if value is None or pd.isna(value) else str(value).strip()

        problems_before = len(check.problems)

        def bad(key: str, zh: str, en: str) -> None:
            check.problems.append((int(row_no), REGISTER_COLUMNS[key][0], get(key), zh, en))

        uscc = normalize_uscc(get("uscc"))
        if uscc_problem(uscc):
            bad("uscc", "统一社会信用代码无效", "invalid unified social credit code")
        elif uscc in seen:
            bad("uscc", f"与第{seen[uscc]}行重复", f"same enterprise as row {seen[uscc]}")
        seen.setdefault(uscc, int(row_no))
        if not get("name"):
            bad("name", "必填项为空", "required value missing")
        region = vocab.region.resolve(get("region")) if get("region") else None
        if region is None:
            bad("region", "无法识别的所属地区", "unknown region")
        sector = vocab.category.resolve(get("sector")) if get("sector") else None
        if get("sector") and sector is None:
            bad("sector", "无法识别的服务类别", "unknown service category")
        since, until = (
            parse_period(get("since")),
            parse_period(get("until")) if get("until") else None,
        )
        if since is None:
            bad("since", "月份格式应为 2019-06", "month must look like 2019-06")
        if get("until") and (until is None or (since is not None and until < since)):
            bad("until", "截止月份无效或早于起始月份", "until is invalid or before since")
        if len(check.problems) == problems_before:
            check.rows.append(
                dict(
                    uscc=uscc,
                    name=get("name"),
                    region_code=region,
                    sector=sector,
                    contact_person=get("contact_person") or None,
                    contact_phone=get("contact_phone") or None,
                    since=since,
                    until=until,
                )
            )
    return check


def load_register(factory: sessionmaker[Session], path: Path, actor: str) -> RegisterCheck:
    """Validate a register file and, if it is clean, upsert it in one transaction."""
    frame = read_report(path, path.name).frame
    with factory() as session:
        check = validate_register(frame, reference_codes(session))
    if not check.ok:
        return check
    with factory.begin() as session:
        existing = {
            k.uscc: k
            for k in session.scalars(
                sa.select(m.KeyEnterprise).where(
                    m.KeyEnterprise.uscc.in_([r["uscc"] for r in check.rows])
                )
            )
        }
        for row in check.rows:
            entry = existing.get(row["uscc"])
            if entry is None:
                session.add(m.KeyEnterprise(**row))
                _log(session, actor, "add", row)
                continue
            changed = {k: v for k, v in row.items() if getattr(entry, k) != v}
            if changed:
                for k, v in changed.items():
                    setattr(entry, k, v)
                _log(
                    session,
                    actor,
                    "remove" if "until" in changed and row["until"] else "update",
                    {"uscc": row["uscc"], **changed},
                )
    return check


def _log(session: Session, actor: str, action: str, detail: dict) -> None:
    printable = {
        k: (format_period(v) if k in ("since", "until") and v else v) for k, v in detail.items()
    }
    session.add(
        m.RegisterChange(
            actor=actor,
            action=action,
            uscc=detail["uscc"],
            detail=json.dumps(printable, ensure_ascii=False),
        )
    )
