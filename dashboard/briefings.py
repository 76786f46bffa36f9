"""The monthly briefings (月度简报) two pages share: the archive list (Exports), the briefing of a
released month (简报), and the download route /briefings/<id>/<docx|pdf|html>, role-checked and
audited. One session per call, etl inside; no SQL here."""

from __future__ import annotations

import datetime as dt
import logging

import flask
from dash import html

from dashboard import auth, i18n
from dashboard.data import app_context, session
from dashboard.downloads import content_disposition
from dashboard.i18n import t
from etl.briefing.archive import BriefingEntry, BriefingFileError, briefing_file, list_briefings
from etl.briefing.compose import Briefing, compose
from etl.briefing.facts import BriefingFacts, read_facts
from etl.briefing.wording import word
from etl.periods import format_period
from etl.queries import release as queries_release
from etl.reference import reference_codes
from etl.release.scopes import SCOPES, scope_of

log = logging.getLogger(__name__)
KINDS = ("docx", "pdf")
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}
ACTION = "export"  # who downloads archived files (leaders included), as for snapshots


def released_months() -> dict[str, list[int]]:
    """Scope -> its released months, newest first."""
    with session() as s:
        return {
            scope: sorted(queries_release.released_months(s, scope), reverse=True)
            for scope in SCOPES
        }


def scope_names() -> dict[str, dict[str, str]]:
    """Scope -> lang -> name."""
    with session() as s:
        ref = reference_codes(s)
    return {c: {"zh": ref.regions.get(c, c), "en": ref.region_names_en.get(c) or c} for c in SCOPES}


def scope_for_region(region: str) -> str:
    """The scope whose briefing holds a region's figures (the filters' region, which the
    navigation carries from the other pages): 滨海新区 → 天津市, 重庆市 → 两江新区."""
    with session() as s:
        ref = reference_codes(s)
    return scope_of(region, ref.region_parent)


def briefing(scope: str, period: int, lang: str) -> tuple[BriefingFacts, Briefing] | None:
    """The briefing of a released month from the released figures (None: not released)."""
    settings = app_context().settings
    with session() as s:
        facts = read_facts(s, scope, period, settings.release_final_after_months, dt.date.today())
    return None if facts is None else (facts, compose(facts, lang))


def entries() -> list[BriefingEntry]:
    """The archived briefings, newest month first."""
    with session() as s:
        return list_briefings(s)


def archived(release_id: int, lang: str) -> BriefingEntry | None:
    """The archived briefing of a release in a language, if made."""
    return next((e for e in entries() if e.release_id == release_id and e.lang == lang), None)


def file_name(entry: BriefingEntry, names: dict[str, dict[str, str]], kind: str) -> str:
    """服务贸易月度简报_天津市_2021-11（修订）.docx"""
    scope = names.get(entry.scope_code, {}).get("zh", entry.scope_code)
    revised = "（修订）" if entry.revision else ""
    lang = "" if entry.lang == "zh" else "_EN"
    return f"{word('title', 'zh')}_{scope}_{format_period(entry.period)}{revised}{lang}.{kind}"


def download_links(entry: BriefingEntry, lang: str) -> list:
    """Links to the entry's Word and PDF files (what was archived)."""
    return [
        html.A(
            t(f"briefing.file.{kind}", lang),
            href=f"/briefings/{entry.id}/{kind}",
            className="stm-briefing-file me-3",
            target="_blank" if kind == "pdf" else None,
        )
        for kind in KINDS
        if kind in entry.files
    ]


def register_routes(server: flask.Flask) -> None:
    """Add the briefing download route to the Flask server."""
    server.add_url_rule(
        "/briefings/<int:briefing_id>/<kind>", "briefing_download", send_briefing, methods=["GET"]
    )


def send_briefing(briefing_id: int, kind: str) -> flask.Response:
    """One archived briefing file with its Chinese name; 404 for what does not exist."""
    auth.guard(ACTION)
    entry = next((e for e in entries() if e.id == briefing_id), None)
    if entry is None or kind not in entry.files:
        flask.abort(404)
    try:
        path = briefing_file(app_context().settings, entry, kind)
    except BriefingFileError:
        log.exception("briefing %s: archived %s file refused", briefing_id, kind)
        flask.abort(410)
    name = file_name(entry, scope_names(), kind)
    auth.record(
        "download_briefing",
        {"id": entry.id, "kind": kind, "month": entry.period, "scope": entry.scope_code},
    )
    response = flask.send_file(path, mimetype=MEDIA_TYPES[kind], max_age=0)
    response.headers["Content-Disposition"] = content_disposition(name, path.name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def archive_table(entries: list[BriefingEntry], names: dict, links, lang: str):
    """The archived briefings as a table (Exports page): month, scope, language, edition, files."""
    if not entries:
        return html.P(t("briefing.archive.empty", lang), className="stm-footnote")
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"briefing.col.{c}", lang))
                for c in ("month", "scope", "lang", "edition", "files")
            ]
        )
    )
    rows = []
    for e in entries:
        edition = (
            t("briefing.edition.revised", lang, n=e.revision)
            if e.revision
            else t("briefing.edition.original", lang)
        )
        rows.append(
            html.Tr(
                [
                    html.Td(i18n.fmt_period(e.period, lang)),  # as the snapshots above
                    html.Td(names.get(e.scope_code, {}).get(lang) or e.scope_code),
                    html.Td(t(f"briefing.lang.{e.lang}", lang)),
                    html.Td(edition),
                    html.Td(links(e, lang)),
                ]
            )
        )
    return html.Table([head, html.Tbody(rows)], className="table table-sm stm-briefing-archive")
