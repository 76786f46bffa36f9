"""Pieces of the 数据发布 page: the checklist, the refusal, the list of releases (pure)."""

from __future__ import annotations

import datetime as dt

import dash_bootstrap_components as dbc
from dash import html

from dashboard import i18n
from dashboard.i18n import t
from dashboard.ids import Release as Ids
from etl.periods import month_range
from etl.release.checklist import Checklist


def month_options(first: int | None, last: int | None, released: list[int], lang: str):
    """Loaded months, newest first; the released ones say so."""
    if not first or not last:
        return []
    done = set(released)
    return [
        {
            "label": i18n.fmt_period(p, lang)
            + (f" · {t('release.list.released', lang)}" if p in done else ""),
            "value": p,
        }
        for p in reversed(month_range(first, last))
    ]


def scope_options(scopes: dict, lang: str) -> list[dict]:
    """The reporting scopes by name."""
    return [{"label": names[lang] or names["zh"], "value": code} for code, names in scopes.items()]


def _amount(cents, lang: str = "zh") -> str:
    return i18n.fmt_amount(cents, "usd_100m", lang) if cents is not None else i18n.MISSING


def _item(ok: bool | None, text: str, id_: str) -> html.Li:
    mark = {True: "✓", False: "!", None: "·"}[ok]
    cls = {True: "text-success", False: "text-danger", None: "text-muted"}[ok]
    return html.Li([html.Span(mark, className=f"me-2 fw-bold {cls}"), text], id=id_)


def releasable(check: Checklist) -> bool:
    """Whether releasing could change what leaders see: data, and a change since the current
    release (the refusals the checklist can tell; low coverage may be overridden with a note)."""
    return check.has_data and check.changed


def checklist_view(check: Checklist, names: dict, lang: str) -> html.Div:
    """The checklist: coverage, open flags, loads since the last release, changes against it."""
    cov = check.coverage
    share = cov.get("reported_share")
    items = [
        _item(
            None if share is None else check.coverage_ok,
            t(
                "release.check.coverage",
                lang,
                expected=cov["expected"],
                reported=cov["reported"],
                late=cov["late"],
                missing=cov["missing"],
                share=i18n.fmt_pct(share, signed=False),
                floor=i18n.fmt_pct(check.min_coverage, 0, signed=False),
                missing_share=i18n.fmt_pct(cov["missing_share_of_prior_year"], signed=False),
            )
            if share is not None
            else t("release.check.no_register", lang),
            "release-check-coverage",
        ),
        _item(
            check.open_flags == 0,
            t("release.check.flags", lang, n=check.open_flags),
            "release-check-flags",
        ),
        _item(
            None,
            t("release.check.events", lang, n=len(check.events))
            + "".join(f" {e['file_name']}" for e in check.events[-3:]),
            "release-check-events",
        ),
    ]
    if check.previous is None:
        items.append(
            _item(
                None,
                t("release.check.first", lang, total=_amount(check.total_now, lang)),
                "release-check-change",
            )
        )
    else:
        delta = check.total_now - check.total_before
        pct = delta / check.total_before if check.total_before else None
        items.append(
            _item(
                check.changed or None,
                t(
                    "release.check.change",
                    lang,
                    id=check.previous["id"],
                    before=_amount(check.total_before, lang),
                    now=_amount(check.total_now, lang),
                    delta=_amount(delta, lang),
                    pct=i18n.fmt_pct(pct),
                )
                if check.changed
                else t("release.check.unchanged", lang, id=check.previous["id"]),
                "release-check-change",
            )
        )
    movers = [
        html.Li(
            f"{names.get(mv['code'], mv['code'])}: {_amount(mv['before'], lang)} → {_amount(mv['now'], lang)}"
            f" ({i18n.fmt_pct(None if mv['pct'] is None else mv['pct'] / 100)})"
        )
        for mv in check.movers
    ]
    return html.Div(
        [
            html.Ul(items, className="list-unstyled stm-release-checklist"),
            html.Div(
                [html.P(t("release.check.movers", lang), className="stm-footnote"), html.Ul(movers)]
            )
            if movers and check.previous is not None
            else None,
        ]
    )


def refused(reason: str, message: str, lang: str) -> dbc.Alert:
    """Why a release was refused, in words, with the engine's message for the record."""
    return dbc.Alert(
        [html.Strong(t(f"release.refused.{reason}", lang)), html.Div(message, className="small")],
        color="warning",
        id=Ids.FEEDBACK + "-refused",
    )


def job_step(job: dict, lang: str, now: dt.datetime | None = None) -> str:
    """The step a running release job is at, in words, and how long it has run (a 天津市 month
    with the LP audit takes over an hour: the rounds and the time say it is not stuck)."""
    values = dict(job.get("values") or {})
    step = job.get("step")
    if step in ("pattern", "audit"):
        values["month"] = i18n.fmt_period(values["month"], lang)
        key = "audit_lp" if step == "audit" and values.get("lp") else step
        said = t(f"release.step.{key}", lang, **values)
    else:
        said = t("release.step.start", lang)
    if not job.get("started_at"):
        return said
    now = now or dt.datetime.now(dt.timezone.utc)
    elapsed = (now - dt.datetime.fromisoformat(job["started_at"])).total_seconds()
    return f"{said} · {t('release.step.elapsed', lang, elapsed=i18n.fmt_duration(elapsed, lang))}"


def job_end(job: dict | None, lang: str):
    """What came of a release job: released, refused (why), or failed."""
    if job is not None and job["state"] == "done":
        return released(job["release"], lang)
    if job is not None and job["state"] == "refused":
        return refused(job["reason"], job.get("message", ""), lang)
    return dbc.Alert(t("release.failed", lang), color="danger", id=Ids.FEEDBACK + "-failed")


def audit_kind(audit: tuple | None) -> str:
    """What the release-time disclosure audit left, as a word of the catalogue: passed (by the
    LP, or only by the shuttle's bounds in a large year), cells left (some of them given away by
    earlier months' figures alone), not run, no cells (January: 1–2月 is published with
    February), or none (no audit recorded)."""
    if audit is None:
        return "none"
    if audit[0] == 0:
        return "no_cells"
    _cells, pinned, narrow, inherent, lp = audit
    if pinned is None:
        return "not_run"
    if not pinned + (narrow or 0):
        return "passed" if lp else "passed_bounds"
    return "left_earlier" if inherent else "left"


def audit_text(audit: tuple | None, lang: str) -> str:
    """The 保密核查 column: the audit's outcome in words (a dash where there is none)."""
    kind = audit_kind(audit)
    if kind in ("none", "no_cells"):
        return "—"
    if kind.startswith("left"):
        _cells, pinned, narrow, inherent, _lp = audit
        n = i18n.fmt_count(pinned + (narrow or 0))
        return t(f"release.audit.{kind}", lang, n=n, k=i18n.fmt_count(inherent))
    return t(f"release.audit.{kind}", lang)


def audit_legend(rows: list[dict], terms: dict, lang: str) -> html.P | None:
    """A footnote under the list: what each audit outcome in it means, with the settings that
    decide it (the LP's size limit, the protection level)."""
    kinds = {audit_kind(r["audit"]) for r in rows} - {"none"}
    kinds = {"left" if kind == "left_earlier" else kind for kind in kinds}
    values = {
        "p": i18n.fmt_pct(terms["protection"], digits=0, signed=False),
        "n": i18n.fmt_count(terms["lp_cells"]),
    }
    parts = [
        t(f"release.audit.legend.{kind}", lang, **values)
        for kind in ("passed", "passed_bounds", "left", "not_run", "no_cells")
        if kind in kinds
    ]
    if not parts:
        return None
    text = t("release.audit.legend", lang) + t("release.audit.legend.sep", lang).join(parts)
    return html.P(text, className="stm-footnote", id=Ids.LIST + "-audit-legend")


_NOWRAP = {"whiteSpace": "nowrap"}  # short labels and figures: one line each, never a column of
# single characters (the list sits in a narrow panel; the table scrolls sideways instead)


def released(made: dict, lang: str) -> dbc.Alert:
    """The confirmation of a release (修订 when a month is released again)."""
    key = "release.done.revised" if made["revision"] else "release.done.first"
    return dbc.Alert(t(key, lang, id=made["id"]), color="success", id=Ids.FEEDBACK + "-done")


RECENT_MONTHS = 12  # the list shows a year of months; earlier releases fold away


def releases_table(rows: list[dict], terms: dict, lang: str) -> html.Div:
    """The scope's releases, newest month first (the one leaders read is marked current), and
    what their audits' outcomes mean; releases of months before the newest twelve are folded
    under 更早的发布 (84 rows of seven years made the page a long scroll)."""
    if not rows:
        return html.P(t("release.list.empty", lang), className="stm-footnote")
    recent_months = sorted({r["period"] for r in rows}, reverse=True)[:RECENT_MONTHS]
    recent = [r for r in rows if r["period"] in recent_months]
    older = [r for r in rows if r["period"] not in recent_months]
    parts = [_release_rows(recent, lang)]
    if older:
        summary = t("release.list.older", lang, n=i18n.fmt_count(len(older)))
        parts.append(
            html.Details(
                [html.Summary(summary), _release_rows(older, lang)], className="stm-release-older"
            )
        )
    return html.Div([*parts, audit_legend(rows, terms, lang)])


def _release_rows(rows: list[dict], lang: str) -> dbc.Table:
    head = html.Thead(
        html.Tr(
            [
                html.Th(t(f"release.col.{c}", lang), style=_NOWRAP)
                for c in ("month", "kind", "status", "total", "audit", "at", "by", "note")
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(i18n.fmt_period(r["period"], lang), style=_NOWRAP),
                    html.Td(
                        t("release.mark.revised_short" if r["revision"] else "release.kind", lang)
                        + ("" if r["current"] else f" · {t('release.list.superseded', lang)}"),
                        style=_NOWRAP,
                    ),
                    html.Td(t(f"release.mark.{r['status']}", lang), style=_NOWRAP),
                    html.Td(_amount(r["total_usd_cents"], lang), style=_NOWRAP),
                    # wraps: 遗留 2,890 项（含 2,385 项由此前发布决定） on one line ran past the
                    # panel's edge, the one column a statistician reads the list for
                    html.Td(audit_text(r["audit"], lang), style={"minWidth": "9em"}),
                    html.Td(f"{r['released_at']:%Y-%m-%d %H:%M}", style=_NOWRAP),
                    html.Td(r["released_by"]),
                    html.Td(
                        r["note"]
                        + (f" ({t('release.list.override', lang)})" if r["overridden"] else ""),
                        # a note reads as lines, not a ribbon; 11em: the list fits 1024 px
                        style={"minWidth": "11em"},
                    ),
                ],
                className="" if r["current"] else "text-muted",
            )
            for r in rows
        ]
    )
    return dbc.Table(
        [head, body], size="sm", striped=True, responsive=True, class_name="stm-release-list"
    )
