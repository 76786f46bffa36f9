"""The status endpoints: policy targets (/targets), reporting coverage (/coverage) and the
releases (/releases)."""

from __future__ import annotations

import flask
import pandas as pd

from dashboard import data
from dashboard.api.endpoints.request import check_codes, handle, read_asked
from dashboard.api.respond import Answer
from dashboard.filter_state import from_query
from etl.periods import format_period
from etl.queries import release as queries_release


@handle
def targets():
    """Every policy target's windows as of a month: status, actual, required, projection."""
    from etl.targets.vocabulary import status_word

    month = flask.request.args.get("month")
    state = from_query(f"month={month}" if month else "")
    v = data.view(state)  # leaders: cut to the latest released month
    overview = data.targets_overview(v.end)
    rows = []
    for result in overview.results:
        t = result.target
        for ev in result.evaluations:
            rows.append(
                {
                    "target": t.code,
                    "region": t.region_code,
                    "name_zh": t.name_zh,
                    "name_en": t.name_en,
                    "measure": t.measure,
                    "kind": t.kind,
                    "window": ev.window.key,
                    "window_zh": ev.window.label_zh,
                    "status": ev.status,
                    "status_zh": status_word(ev.status),
                    "actual": ev.actual,
                    "required": ev.required,
                    "growth": ev.growth,
                    "projection": ev.projection,
                    "needed_growth_remaining": ev.needed_growth_remaining,
                    "months": f"{ev.months_reported}/{ev.months_total}",
                }
            )
    table = pd.DataFrame(rows)
    meta = {
        "endpoint": "targets",
        "as_of": format_period(overview.as_of) if overview.as_of else None,
        "units": {
            "currency": "USD",
            "actual_required": "level targets: US cents; growth targets: ratios (0.1 = 10%); "
            "share targets: ratios",
        },
    }
    return Answer("DF_STM_TARGETS", meta, table), "targets"


@handle
def coverage():
    """Key enterprises expected / reported / on time / late / missing for the view's month."""
    asked = read_asked()
    state = asked.state
    with data.session() as s:
        check_codes(s, asked)
    v, summary = data.coverage_line(state)
    row = dict(summary or {})
    counts = ("expected", "reported", "on_time", "late", "missing")
    row = {
        k: int(x) if k in counts and x is not None and not pd.isna(x) else x for k, x in row.items()
    }
    table = pd.DataFrame([row], dtype=object) if row else pd.DataFrame()
    meta = {
        "endpoint": "coverage",
        "region": state.region,
        "month": format_period(v.end) if v.end else None,
        "units": {"counts": "enterprises", "shares": "ratios (0.9 = 90%)"},
    }
    return Answer("DF_STM_COVERAGE", meta, table), "coverage"


@handle
def releases():
    """The releases (数据发布): scope, month, revision, 初步/final, when."""
    scope = (flask.request.args.get("scope") or "").strip().upper() or None
    with data.session() as s:
        rows = [
            {
                "scope": r.scope_code,
                "month": format_period(r.period),
                "revision": r.revision,
                "current": bool(r.current),
                "status": r.status,
                "released_at": r.released_at.isoformat() if r.released_at else None,
            }
            for r in queries_release.releases(s, scope)
        ]
    table = pd.DataFrame(
        rows, columns=["scope", "month", "revision", "current", "status", "released_at"]
    )
    return Answer("DF_STM_RELEASES", {"endpoint": "releases", "scope": scope}, table), "releases"
