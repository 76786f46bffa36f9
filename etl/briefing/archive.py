"""The briefing archive: files under <instance>/briefings, one row per release and language."""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker

from etl import models as m
from etl.briefing.charts import figures, images
from etl.briefing.compose import Briefing, compose
from etl.briefing.facts import read_facts
from etl.briefing.render import render_html, write_docx
from etl.periods import format_period
from etl.settings import Settings
from etl.snapshot.archive import sha256_of

log = logging.getLogger(__name__)
KINDS = ("docx", "pdf", "html")
LANGS = ("zh", "en")


class BriefingError(ValueError):
    """The briefing cannot be made (the month is not released for the scope)."""


class BriefingFileError(Exception):
    """An archived briefing file is missing, outside the archive, or no longer matches its hash."""


@dataclass(frozen=True)
class BriefingEntry:
    """One archived briefing as the Exports page lists it (paths relative to the archive)."""

    id: int
    release_id: int
    scope_code: str
    period: int
    lang: str
    revision: int
    created_at: dt.datetime
    files: dict[str, str]
    sha256: dict[str, str]


@dataclass
class BriefingOutcome:
    """What a run made (or found): the archive row, its files, the text, messages."""

    briefing_id: int
    files: dict[str, Path]
    existing: bool = False
    briefing: Briefing | None = None
    messages: list[str] = field(default_factory=list)


def archive_root(settings: Settings) -> Path:
    """Where archived briefings live."""
    return Path(settings.instance_path) / "briefings"


def released_briefing(
    factory: sessionmaker, settings: Settings, scope: str, period: int, lang: str
):
    """(facts, briefing) of a released month (BriefingError when it is not released, or is a
    January: 1–2月 is one figure, and its briefing is February's)."""
    if period % 100 == 1:
        raise BriefingError(
            f"{format_period(period)}: January is published with February as 1–2月 and has no "
            f"briefing of its own (python -m etl briefing --month {format_period(period + 1)})"
        )
    with factory() as session:
        facts = read_facts(
            session, scope, period, settings.release_final_after_months, dt.date.today()
        )
    if facts is None:
        raise BriefingError(
            f"{format_period(period)} is not released for {scope}: a briefing is made of "
            f"released months only (python -m etl release --month {format_period(period)})"
        )
    return facts, compose(facts, lang)


def make_briefing(
    factory: sessionmaker,
    settings: Settings,
    scope: str,
    period: int,
    lang: str = "zh",
    user: str = "system",
    pdf: bool = True,
) -> BriefingOutcome:
    """Make (or find) the briefing of the month's current release in a language, archived."""
    from etl.snapshot.html import write_pdf

    facts, briefing = released_briefing(factory, settings, scope, period, lang)
    root = archive_root(settings)
    with factory() as session:
        found = session.scalar(
            sa.select(m.Briefing).where(
                m.Briefing.release_id == facts.release_id, m.Briefing.lang == briefing.lang
            )
        )
        if found is not None:
            entry = _entry(found, facts.revision)
            return BriefingOutcome(
                found.id,
                {k: root / p for k, p in entry.files.items()},
                existing=True,
                briefing=briefing,
                messages=[f"briefing {found.id} of release {facts.release_id} already archived"],
            )
    pictures = images(figures(facts, briefing.lang))
    name = f"stm-briefing-{format_period(period)}-{scope}-r{facts.release_id}-{briefing.lang}"
    folder = root / format_period(period) / name
    folder.mkdir(parents=True, exist_ok=True)
    files = {"docx": write_docx(briefing, pictures, folder / f"{name}.docx")}
    files["html"] = folder / f"{name}.html"
    files["html"].write_text(render_html(briefing, pictures), encoding="utf-8")
    messages = []
    if pdf:
        printed, message = write_pdf(files["html"], folder / f"{name}.pdf")
        messages.append(message)
        if printed is not None:
            files["pdf"] = printed
    row = m.Briefing(
        release_id=facts.release_id,
        scope_code=scope,
        period=period,
        lang=briefing.lang,
        created_by=user,
        text=json.dumps(briefing.as_dict(), ensure_ascii=False),
    )
    for kind in KINDS:
        path = files.get(kind)
        rel = None if path is None else str(Path(path).resolve().relative_to(root.resolve()))
        setattr(row, f"{kind}_path", rel)
        setattr(row, f"{kind}_sha256", None if path is None else sha256_of(path))
    try:
        with factory.begin() as session:
            session.add(row)
            session.flush()
            briefing_id = row.id
    except sa.exc.IntegrityError:  # made by another process meanwhile: theirs is archived
        return make_briefing(factory, settings, scope, period, lang, user, pdf)
    return BriefingOutcome(briefing_id, files, briefing=briefing, messages=messages)


def _entry(row: m.Briefing, revision: int) -> BriefingEntry:
    files = {k: getattr(row, f"{k}_path") for k in KINDS if getattr(row, f"{k}_path")}
    return BriefingEntry(
        row.id,
        row.release_id,
        row.scope_code,
        row.period,
        row.lang,
        revision,
        row.created_at,
        files,
        {k: getattr(row, f"{k}_sha256") for k in files},
    )


def list_briefings(session) -> list[BriefingEntry]:
    """Archived briefings, newest month first (with the revision of their release)."""
    from etl.queries.briefing import briefing_records

    return [_entry(row, revision) for row, revision in briefing_records(session)]


def briefing_file(settings: Settings, entry: BriefingEntry, kind: str) -> Path:
    """An archived file, checked: inside the archive, present, hash unchanged."""
    if kind not in entry.files:
        raise BriefingFileError(f"briefing {entry.id} has no {kind} file")
    root = archive_root(settings).resolve()
    path = (root / entry.files[kind]).resolve()
    if root not in path.parents or not path.is_file():
        raise BriefingFileError(f"briefing {entry.id}: {kind} file missing")
    if sha256_of(path) != entry.sha256[kind]:
        raise BriefingFileError(f"briefing {entry.id}: {kind} file was altered")
    return path
