"""The briefing in words: sentences from the catalogue's templates and etl.numbers. Pure.

A figure that is protected (status C) or missing is never shown and never derived from its
parts: the sentence is written without it (or says 保密 where the figure itself is the subject).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field

import pandas as pd

from etl import numbers
from etl.aggregates import records
from etl.briefing.facts import PROTECTED, BriefingFacts, TargetFact
from etl.briefing.wording import MONTHS_EN, word
from etl.targets.vocabulary import status_word

BILLION_USD = 10**11  # US cents in US$ 1 billion (English amounts)
BEIJING = dt.timezone(dt.timedelta(hours=8))
TOP_UP, TOP_DOWN = 3, 2  # drivers named per dimension


@dataclass(frozen=True)
class Section:
    """A heading and its sentences."""

    key: str
    heading: str
    sentences: list[str]


@dataclass(frozen=True)
class Briefing:
    """The briefing as text: title, subtitle, headline paragraph, sections, source line."""

    lang: str
    scope: str
    period: int
    release_id: int
    title: str
    subtitle: str
    ytd: str
    scope_name: str
    mark: str  # 初步 | 最终 | 修订
    headline: str
    sections: list[Section] = field(default_factory=list)
    source: str = ""

    def as_dict(self) -> dict:
        """JSON-ready (archived with the files)."""
        return asdict(self)

    def text(self) -> str:
        """Every sentence as plain text, in reading order."""
        parts = [self.title, self.subtitle, self.headline]
        for section in self.sections:
            parts.append(section.heading)
            parts.extend(section.sentences)
        parts.append(self.source)
        return "\n".join(parts)


# ---------------------------------------------------------------- figures as words


def missing(value) -> bool:
    """None, NaN or NA: a figure not there to show."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def row_protected(row: dict) -> bool:
    """A row whose amount is protected or missing."""
    return row.get("status") == PROTECTED or missing(row.get("current"))


def amount(cents, lang: str) -> str | None:
    """12.4亿美元 / US$ 1.24 billion, exact from cents (None: nothing to show)."""
    if missing(cents):
        return None
    if lang == "en":
        return word("amount", lang, v=numbers.amount_text(int(cents), BILLION_USD, 2))
    return word("amount", lang, v=numbers.amount_text(int(cents)))


def change(ratio, lang: str, short: bool = False) -> str | None:
    """同比增长5.2% / 同比下降1.0% / 与上年同期持平 (None: no base to compare with)."""
    if missing(ratio) or (isinstance(ratio, float) and not math.isfinite(ratio)):
        return None
    text = numbers.percent_text(abs(ratio))
    suffix = ".short" if short else ""
    if text == "0.0%":
        return word("flat" + suffix, lang)
    return word(("up" if ratio > 0 else "down") + suffix, lang, p=text)


def points(value_pp) -> str:
    """A number of percentage points, one decimal, half up, unsigned."""
    return numbers.decimal_text(abs(value_pp), 1)


def _clauses(lang: str, *parts: str | None) -> str | None:
    shown = [p for p in parts if p]
    return word("sep.clause", lang).join(shown) if shown else None


def _subject(scope: str, names: dict[str, str], lang: str, short: bool = False) -> str:
    key = ("subject_short." if short else "subject.") + scope
    try:
        return word(key, lang)
    except KeyError:
        name = names.get(lang) or names.get("zh") or scope
        return word("subject_short.other" if short else "subject.other", lang, name=name)


def ytd_label(period: int, lang: str) -> str:
    """2021年1–11月 / January–November 2021."""
    year, month = divmod(period, 100)
    if month == 1:
        months = word("months.one", lang)
    else:
        name = MONTHS_EN[month - 1] if lang == "en" else month
        months = word("months.range", lang, month=name)
    return word("ytd", lang, year=year, months=months)


def month_label(period: int, lang: str) -> str:
    """2021年11月 / November 2021."""
    year, month = divmod(period, 100)
    return f"{year}年{month}月" if lang != "en" else f"{MONTHS_EN[month - 1]} {year}"


def beijing_date(moment: dt.datetime) -> str:
    """The date of a moment in Beijing (SQLite hands back naive UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return aware.astimezone(BEIJING).strftime("%Y-%m-%d")


def _rows(frame: pd.DataFrame) -> list[dict]:
    return records(frame) if frame is not None and not frame.empty else []


# ---------------------------------------------------------------- sentences


def headline_sentence(facts: BriefingFacts, lang: str) -> str:
    """The lead: total with 同比, then exports and imports (保密 where protected)."""
    rows = {r["code"]: r for r in _rows(facts.direction)}
    total = rows.get("TOTAL", {})
    rest = (
        None
        if row_protected(total)
        else _clauses(lang, amount(total.get("current"), lang), change(total.get("growth"), lang))
    )
    if rest is None and not row_protected(total):
        rest = word("drivers.none", lang)
    sentence = word(
        "head.total",
        lang,
        ytd=ytd_label(facts.period, lang),
        subject=_subject(facts.scope, facts.scope_names, lang),
        rest=rest or word("protected", lang),
    )
    parts = []
    for code in ("X", "M"):
        row = rows.get(code)
        if row is None:
            continue
        name = word(f"part.{code}", lang)
        shown = (
            None
            if row_protected(row)
            else _clauses(
                lang, amount(row.get("current"), lang), change(row.get("growth"), lang, short=True)
            )
        )
        parts.append(word("head.part", lang, name=name, rest=shown or word("protected", lang)))
    if parts:
        joined = word("head.parts", lang, parts=word("sep.list", lang).join(parts))
        sentence += word("sep.list", lang) + joined
    return sentence + word("end", lang)


def kis_sentence(facts: BriefingFacts, lang: str) -> str:
    """Knowledge-intensive services: amount, 同比, share and its change in 个百分点."""
    kis = facts.kis
    if kis is None:
        return word("head.kis", lang, rest=word("protected", lang)) + word("end", lang)
    share = kis.get("share")
    share_text = None
    if not missing(share):
        share_text = word(
            "kis.share",
            lang,
            subject_short=_subject(facts.scope, facts.scope_names, lang, short=True),
            share=numbers.percent_text(share),
        )
    pp_text = None
    delta = kis.get("share_change")
    if not missing(delta) and share_text:
        pp = delta * 100
        if points(pp) == "0.0":
            pp_text = word("pp.flat", lang)
        else:
            pp_text = word("pp.up" if pp > 0 else "pp.down", lang, v=points(pp))
    rest = _clauses(
        lang, amount(kis.get("amount"), lang), change(kis.get("growth"), lang), share_text, pp_text
    )
    return word("head.kis", lang, rest=rest or word("drivers.none", lang)) + word("end", lang)


def _name(row: dict, lang: str) -> str:
    name = row.get(f"name_{lang}") if lang == "en" else row.get("name_zh")
    return name if isinstance(name, str) and name else str(row.get("code"))


def has_parts(frame: pd.DataFrame, skip=()) -> bool:
    """Whether a breakdown has any row below its total (other than the skipped codes)."""
    return any(r["code"] != "TOTAL" and r["code"] not in skip for r in _rows(frame))


def drivers_sentence(frame: pd.DataFrame, dimension: str, lang: str, skip=()) -> str:
    """从服务类别看，A（拉动x个百分点）、B…拉动增长较多；C（下拉y个百分点）下拉较多。"""
    rows = [r for r in _rows(frame) if r["code"] != "TOTAL" and r["code"] not in skip]
    left_out = any(row_protected(r) for r in rows)
    shown = [r for r in rows if not row_protected(r) and not missing(r.get("contribution_pp"))]
    up = sorted(
        (r for r in shown if points(r["contribution_pp"]) != "0.0" and r["contribution_pp"] > 0),
        key=lambda r: -r["contribution_pp"],
    )[:TOP_UP]
    down = sorted(
        (r for r in shown if points(r["contribution_pp"]) != "0.0" and r["contribution_pp"] < 0),
        key=lambda r: r["contribution_pp"],
    )[:TOP_DOWN]
    sep = word("sep.items", lang)
    clauses = []
    if up:
        items = sep.join(
            word("drivers.item.up", lang, name=_name(r, lang), v=points(r["contribution_pp"]))
            for r in up
        )
        clauses.append(word("drivers.pulled_up", lang, items=items))
    if down:
        items = sep.join(
            word("drivers.item.down", lang, name=_name(r, lang), v=points(r["contribution_pp"]))
            for r in down
        )
        clauses.append(word("drivers.pulled_down", lang, items=items))
    if not clauses:
        clauses.append(word("drivers.none", lang))
    if left_out:
        clauses.append(word("drivers.protected_left_out", lang))
    body = word("sep.list", lang).join(clauses)
    return word(f"drivers.{dimension}", lang) + word("sep.clause", lang) + body + word("end", lang)


def target_sentence(target: TargetFact, lang: str) -> str:
    """目标名（窗口）：状态，预计较目标少x亿美元，余下月份需同比增长y%。"""
    head = word(
        "target.status",
        lang,
        name=target.name.get(lang) or target.name["zh"],
        window=target.window.get(lang) or target.window["zh"],
        status=status_word(target.status, lang),
    )
    closed = target.status in ("met", "missed")
    gap = None
    if target.gap_cents is not None and target.status not in ("not_started", "no_data"):
        text = amount(abs(target.gap_cents), lang)
        if amount(abs(target.gap_cents), "zh") != word("amount", "zh", v="0.0"):
            over = target.gap_cents > 0
            key = "target.gap." + ("closed." if closed else "") + ("over" if over else "short")
            gap = word(key, lang, gap=text)
    needed = None
    if not closed and not missing(target.needed_growth) and target.status != "not_started":
        value = target.needed_growth
        key = "target.needed" if value >= 0 else "target.needed.decline"
        needed = word(key, lang, p=numbers.percent_text(abs(value)))
    return (_clauses(lang, head, gap, needed) or head) + word("end", lang)


def coverage_sentence(facts: BriefingFacts, lang: str) -> str:
    """重点企业报送：应报、已报、报送率，未报企业上年贸易额占比。"""
    cov = facts.coverage or {}
    month = month_label(facts.period, lang)
    if not cov.get("expected"):
        sentence = word("coverage.none", lang, month=month)
    else:
        values = dict(
            month=month,
            expected=f"{int(cov['expected']):,}",
            reported=f"{int(cov.get('reported') or 0):,}",
            share=numbers.percent_text(cov.get("reported_share")),
        )
        prior = cov.get("missing_share_of_prior_year")
        if missing(prior):
            sentence = word("coverage.no_prior", lang, **values)
        else:
            sentence = word("coverage", lang, missing_share=numbers.percent_text(prior), **values)
    if facts.coverage_overridden:
        sentence += word("sep.clause", lang) + word("coverage.overridden", lang)
    return sentence + word("end", lang)


def mark_key(facts: BriefingFacts) -> str:
    """revised | preliminary | final: the mark the briefing carries."""
    return "revised" if facts.revision else facts.status


def marks_sentence(facts: BriefingFacts, lang: str) -> str:
    """初步/最终, and the revision the briefing rests on."""
    month = month_label(facts.period, lang)
    parts = [word(f"mark.{facts.status}", lang, month=month)]
    if facts.revision:
        date = beijing_date(facts.released_at)
        parts.append(word("mark.revised", lang, n=facts.revision, date=date))
    return word("sep.clause", lang).join(parts) + word("end", lang)


def compose(facts: BriefingFacts, lang: str = "zh") -> Briefing:
    """The briefing of the facts in a language (zh first; en available)."""
    lang = "en" if lang == "en" else "zh"
    scope_name = facts.scope_names.get(lang) or facts.scope_names.get("zh") or facts.scope
    ytd = ytd_label(facts.period, lang)
    mark = word(f"mark.short.{mark_key(facts)}", lang)
    drivers = [drivers_sentence(facts.category, "category", lang)]
    if has_parts(facts.region, skip=(facts.scope,)):  # a scope without districts: no sentence
        drivers.append(drivers_sentence(facts.region, "region", lang, skip=(facts.scope,)))
    drivers.append(drivers_sentence(facts.partner, "partner", lang))
    targets = [target_sentence(t, lang) for t in facts.targets] or [
        word("target.none", lang) + word("end", lang)
    ]
    basis = [
        coverage_sentence(facts, lang),
        marks_sentence(facts, lang),
        word("basis.bop", lang) + word("end", lang),
    ]
    return Briefing(
        lang=lang,
        scope=facts.scope,
        period=facts.period,
        release_id=facts.release_id,
        title=word("title", lang),
        subtitle=word("subtitle", lang, scope=scope_name, ytd=ytd, mark=mark),
        ytd=ytd,
        scope_name=scope_name,
        mark=mark,
        headline=("" if lang == "zh" else " ").join(
            [headline_sentence(facts, lang), kis_sentence(facts, lang)]
        ),
        sections=[
            Section("drivers", word("section.drivers", lang), drivers),
            Section("targets", word("section.targets", lang), targets),
            Section("basis", word("section.basis", lang), basis),
        ],
        source=word(
            "source",
            lang,
            scope=scope_name,
            date=beijing_date(facts.released_at),
            id=facts.release_id,
        ),
    )
