"""The register of 重点联系企业: file validation (pure), atomic upsert with history.

Register file columns (Chinese headers; English accepted): 统一社会信用代码, 企业名称, 所属地区,
起始月份 (required); 主要服务类别, 联系人, 联系电话, 截止月份 (optional). One row per enterprise: an
enterprise already on the register is updated (its change logged); removal is a 截止月份.
An enterprise that left (截止月份 before the new 起始月份) and joins again gets a new entry.

Every write (a file, one member from a form, candidates, the end of a membership) goes through
validate_register and _upsert, in one transaction, with a register_change row per change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from etl import models as m
from etl.intake.normalize import build_vocabularies, header_key
from etl.intake.read import ReportReadError, read_report
from etl.intake.uscc import normalize_uscc, uscc_problem
from etl.periods import format_period, parse_period
from etl.queries.register import enterprise_identity
from etl.reference import ReferenceCodes, reference_codes

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
    if frame.empty:
        check.problems.append((1, "", "", "文件中没有数据行", "the file has no data rows"))
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


def load_register(
    factory: sessionmaker[Session], source: Path | bytes, actor: str, filename: str | None = None
) -> RegisterCheck:
    """Validate a register file (a path, or uploaded bytes and their file name) and, if it is
    clean, upsert it in one transaction."""
    try:
        frame = read_report(source, filename or Path(source).name).frame
    except ReportReadError as exc:
        return RegisterCheck(problems=[(1, "", "", exc.message_zh, str(exc))])
    return load_register_frame(factory, frame, actor)


def load_register_frame(
    factory: sessionmaker[Session], frame: pd.DataFrame, actor: str
) -> RegisterCheck:
    """Validate register rows (Chinese or English headers) and upsert them, all or nothing."""
    with factory() as session:
        check = validate_register(frame, reference_codes(session))
    if not check.ok:
        return check
    with factory.begin() as session:
        _upsert(session, check.rows, actor)
    return check


def add_member(
    factory: sessionmaker[Session], values: dict[str, str | None], actor: str
) -> RegisterCheck:
    """One member from a form (keys of REGISTER_COLUMNS), checked like a file row."""
    row = {REGISTER_COLUMNS[k][0]: (values.get(k) or "") for k in REGISTER_COLUMNS}
    return load_register_frame(factory, pd.DataFrame([row], index=[1]), actor)


def add_candidates(
    factory: sessionmaker[Session], usccs: list[str], since: int, actor: str
) -> RegisterCheck:
    """Put reporting enterprises on the register from `since`, with their reported name and
    region (contact details can be added later)."""
    with factory() as session:
        found = enterprise_identity(session, usccs)
    if found.empty:
        return RegisterCheck(
            problems=[(1, REGISTER_COLUMNS["uscc"][0], "", "未找到这些企业", "no such enterprises")]
        )
    header = {k: v[0] for k, v in REGISTER_COLUMNS.items()}
    frame = pd.DataFrame(
        {
            header["uscc"]: found["uscc"],
            header["name"]: found["name"],
            header["region"]: found["region_code"],
            header["since"]: format_period(since),
        }
    )
    frame.index = range(1, len(frame) + 1)
    return load_register_frame(factory, frame, actor)


def end_membership(
    factory: sessionmaker[Session], uscc: str, until: int, actor: str
) -> RegisterCheck:
    """Close an enterprise's open membership: `until` is the last month it is expected."""
    uscc = normalize_uscc(uscc or "")
    with factory.begin() as session:
        entry = _latest(session, uscc)
        column = REGISTER_COLUMNS["until"][0]
        if entry is None or (entry.until is not None and entry.until < until):
            return RegisterCheck(
                problems=[
                    (
                        1,
                        REGISTER_COLUMNS["uscc"][0],
                        uscc,
                        "该企业不在名录中",
                        "not on the register",
                    )
                ]
            )
        if until < entry.since:
            return RegisterCheck(
                problems=[
                    (
                        1,
                        column,
                        format_period(until),
                        "截止月份早于起始月份",
                        "until is before since",
                    )
                ]
            )
        entry.until = until
        _log(session, actor, "remove", {"uscc": uscc, "until": until})
    return RegisterCheck()


def _latest(session: Session, uscc: str) -> m.KeyEnterprise | None:
    return session.scalars(
        sa.select(m.KeyEnterprise)
        .where(m.KeyEnterprise.uscc == uscc)
        .order_by(m.KeyEnterprise.since.desc())
        .limit(1)
    ).first()


def _upsert(session: Session, rows: list[dict], actor: str) -> None:
    """Add or update each row's entry (its latest one; a new one when it left before)."""
    for row in rows:
        entry = _latest(session, row["uscc"])
        if entry is None or (entry.until is not None and entry.until < row["since"]):
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
