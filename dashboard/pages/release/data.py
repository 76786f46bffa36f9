"""Read and write service of the 数据发布 page: every call behind the release permission."""

from __future__ import annotations

import datetime as dt

from dashboard import auth
from dashboard.data import app_context, session
from etl.queries import disclosure as queries_disclosure
from etl.queries import release as queries_release
from etl.queries.months import period_range
from etl.queries.reference_tables import reference_table
from etl.release import jobs
from etl.release.checklist import Checklist, checklist
from etl.release.scopes import SCOPES
from etl.release.store import effective_status

ACTION = "release"


def choices() -> dict:
    """Months loaded (newest first), the scopes with their names, months already released."""
    auth.guard(ACTION)
    with session() as s:
        first, last = period_range(s)
        regions = reference_table(s, "region").set_index("code")
        cats = reference_table(s, "service_category")
        released = {scope: queries_release.released_months(s, scope) for scope in SCOPES}
    code_names = {
        lang: {
            **dict(zip(regions.index, regions[f"name_{lang}"].fillna(regions["name_zh"]))),
            **dict(zip(cats["code"], cats[f"name_{lang}"].fillna(cats["name_zh"]))),
        }
        for lang in ("zh", "en")
    }
    names = {
        c: {"zh": regions.loc[c, "name_zh"], "en": regions.loc[c, "name_en"]}
        for c in SCOPES
        if c in regions.index
    }
    return {
        "first": first,
        "last": last,
        "scopes": names,
        "released": released,
        "names": code_names,
    }


def month_checklist(scope: str, month: int) -> Checklist:
    """The checklist of a month of a scope, as the data stands now."""
    auth.guard(ACTION)
    settings = app_context().settings
    with session() as s:
        return checklist(
            s, scope, month, settings.release_min_coverage, settings.report_deadline_day
        )


def start_release(scope: str, month: int, note: str, override: bool) -> str:
    """Start releasing the month by the signed-in person in a worker process (etl.release.jobs);
    returns the job's id. ReleaseRefused says why not, at once where the checklist can tell."""
    auth.guard(ACTION)
    context = app_context()
    return jobs.start(
        context.session_factory,
        context.settings,
        scope,
        month,
        auth.actor_name(),
        note,
        override,
    )


def release_job(job_id: str) -> dict | None:
    """A release job's state (etl.release.jobs.read)."""
    auth.guard(ACTION)
    return jobs.read(app_context().settings.instance_path, job_id)


def running_job(scope: str) -> str | None:
    """The id of the scope's release job still running, if any (a page opened again follows it)."""
    auth.guard(ACTION)
    return jobs.running(app_context().settings.instance_path, scope)


def audit_terms() -> dict:
    """The settings that decide a release's audit outcome, which the list explains: the LP's
    size limit (hidden cells of the year) and the protection level."""
    auth.guard(ACTION)
    settings = app_context().settings
    return {"lp_cells": settings.disclosure_lp_cells, "protection": settings.disclosure_protection}


def releases(scope: str) -> list[dict]:
    """The scope's releases, newest month first: what the list shows."""
    auth.guard(ACTION)
    after = app_context().settings.release_final_after_months
    today = dt.date.today()
    with session() as s:
        made = queries_release.releases(s, scope)
        audits = queries_disclosure.audit_results(s, [r.id for r in made])
        return [
            {
                "id": r.id,
                "period": r.period,
                "revision": r.revision,
                "current": bool(r.current),
                "status": effective_status(r, today, after),
                "released_at": r.released_at,
                "released_by": r.released_by,
                "note": r.note,
                "total_usd_cents": int(r.total_usd_cents),
                "overridden": bool(r.coverage_overridden),
                "audit": audits.get(r.id),
            }
            for r in made
        ]
