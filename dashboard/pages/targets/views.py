"""Target cards for the Targets page: status words and colours, the texts of every window, notes.

Pure: evaluation results in, Dash components and strings out (no database, no callbacks), so the
page module stays thin and all of this is tested without a browser.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import i18n
from dashboard.i18n import MISSING, t
from dashboard.ids import Targets
from etl.targets.compute import Evaluation
from etl.targets.path import AMOUNT_KINDS
from etl.targets.status import TargetResult, TargetsOverview

STATUSES = (
    "met",
    "missed",
    "on_track",
    "at_risk",
    "off_track",
    "not_started",
    "no_data",
    "protected",
)
CLOSED = ("met", "missed")
OPEN = ("on_track", "at_risk", "off_track")
# note text from etl.targets.compute (English, for the CLI) -> catalogue key
NOTE_KEYS = (
    ("missing months", "targets.note.missing_months"),
    ("one prior year", "targets.note.one_prior_year"),
    ("no_history", "targets.note.no_history"),
    ("no base period", "targets.note.no_base"),
    ("last year not started", "targets.note.avg_not_started"),
)
KIND_ORDER = {"growth_avg_annual": 0, "level": 0, "share_keep": 1, "grows_faster": 2}


def status_label(status: str, lang: str) -> str:
    """已达成 / Met … for a status code."""
    return t(f"status.{status}", lang)


def status_badge(status: str, lang: str, large: bool = False) -> html.Span:
    """The status word on its colour."""
    size = " stm-status-lg" if large else ""
    return html.Span(
        status_label(status, lang),
        className=f"stm-status stm-status-{status}{size}",
        **{"data-status": status},
    )


def note_texts(notes: list[str], lang: str) -> list[str]:
    """The evaluation's notes in the page language (unknown notes are dropped, not shown raw)."""
    out = []
    for note in notes:
        key = next((k for marker, k in NOTE_KEYS if marker in note), None)
        if key and t(key, lang) not in out:
            out.append(t(key, lang))
    return out


def ordered(results: list[TargetResult]) -> list[TargetResult]:
    """Cards in reading order: by region, the headline amount targets before structure goals."""
    return sorted(
        results,
        key=lambda r: (r.target.region_code, KIND_ORDER.get(r.target.kind, 9), r.target.code),
    )


def _amount(value, lang: str) -> str:
    return i18n.fmt_amount(value, "usd_100m", lang)


def _value(ev: Evaluation, value, lang: str) -> str:
    """An actual/projected value in the window's own terms: amount, share or growth gap."""
    kind = ev.window.kind
    if kind in AMOUNT_KINDS:
        return _amount(value, lang)
    if kind == "share_keep":
        return i18n.fmt_pct(value, signed=False)
    return i18n.fmt_pp(value, lang)


def _bound(ev: Evaluation, value, lang: str) -> str:
    """A range end: amounts and points without the unit (the central value carries it)."""
    if ev.window.kind in AMOUNT_KINDS:
        return i18n.fmt_number(value, "usd_100m", lang)
    if ev.window.kind == "grows_faster":  # points as a bare signed number: '+12.1'
        return i18n.fmt_pct(value).removesuffix("%")
    return _value(ev, value, lang)


def window_texts(ev: Evaluation, threshold: float, lang: str) -> dict[str, str]:
    """The texts of a window's row, plus actual_full / required_full for the headline."""
    kind, status = ev.window.kind, ev.status
    out = dict.fromkeys(("actual", "required", "growth", "projection", "needed"), MISSING)
    n, total = ev.months_progress  # the window's real length: a 24-month pilot reads 16/24
    out["months"] = t("targets.months", lang, n=n, total=total)
    if ev.required is not None:
        if kind == "level":
            out["required"] = _amount(ev.required, lang)
        elif kind in ("growth", "avg_growth"):
            key = f"targets.required_{'avg_' if kind == 'avg_growth' else ''}growth"
            out["required"] = _amount(ev.required, lang)
            out["required_full"] = t(
                key, lang, v=_amount(ev.required, lang), t=i18n.fmt_pct(threshold, signed=False)
            )
        elif kind == "share_keep":
            out["required"] = t(
                "targets.share_at_least", lang, v=i18n.fmt_pct(ev.required, signed=False)
            )
        else:
            out["required"] = t("targets.faster", lang)
    if status in CLOSED:
        out["actual"] = _value(ev, ev.actual, lang)
        if kind == "grows_faster":
            out["actual"] = t("targets.faster_by", lang, v=out["actual"])
        out["growth"] = i18n.fmt_pct(ev.growth)
    elif status in OPEN:
        if kind in AMOUNT_KINDS and ev.actual is not None:
            out["actual"] = _amount(ev.actual, lang)  # the months column says how many are in
            out["actual_full"] = t("targets.so_far", lang, v=out["actual"])
        if ev.growth is not None:
            out["growth"] = t("targets.projected", lang, v=i18n.fmt_pct(ev.growth))
        out["projection"] = t(
            "targets.range",
            lang,
            v=_value(ev, ev.projection, lang),
            low=_bound(ev, ev.projection_low, lang),
            high=_bound(ev, ev.projection_high, lang),
        )
        if ev.needed_growth_remaining is not None:
            out["needed"] = i18n.fmt_pct(ev.needed_growth_remaining)
    return out


def needed_sentence(ev: Evaluation, lang: str) -> str | None:
    """'其余3个月需同比增长2.0%' for an open amount window, or None."""
    if ev.status not in OPEN or ev.needed_growth_remaining is None:
        return None
    n = ev.months_total - ev.months_reported
    g = ev.needed_growth_remaining
    if g < 0:
        return t("targets.needed_decline", lang, n=n, v=i18n.fmt_pct(-g, signed=False))
    return t("targets.needed", lang, n=n, v=i18n.fmt_pct(g, signed=False))


def window_label(ev: Evaluation, lang: str) -> list:
    """'试点第1年' over its months in small type; a calendar-year window is just '2017年'."""
    w = ev.window
    if w.start % 100 == 1 and w.end == w.start + 11:
        return [str(w.start // 100) if lang == "en" else f"{w.start // 100}年"]
    label = w.label_en if lang == "en" else w.label_zh
    title, _, rest = label.partition(" (" if lang == "en" else "（")
    span = i18n.fmt_period_range(w.start, w.end, lang)
    return [html.Div(title, className="stm-nowrap"), html.Small(span, className="stm-tgt-span")]


def _headline(result: TargetResult, lang: str) -> html.Div:
    ev = result.headline()
    texts = window_texts(ev, float(result.target.threshold), lang)
    rows = [
        html.Div(
            [
                status_badge(ev.status, lang, large=True),
                html.Div(window_label(ev, lang), className="stm-tgt-window"),
            ],
            className="stm-tgt-lead",
        )
    ]
    if ev.status in CLOSED:
        rows.append(_fact("targets.headline.actual", texts["actual"], lang))
    elif ev.status in OPEN:
        rows.append(_fact("targets.headline.projected", texts["projection"], lang))
        if texts["actual"] != MISSING:
            rows.append(_fact("targets.headline.actual", texts["actual_full"], lang))
    rows.append(
        _fact("targets.headline.required", texts.get("required_full", texts["required"]), lang)
    )
    if texts["growth"] != MISSING:
        key = "avg_growth" if ev.window.kind == "avg_growth" else "growth"
        rows.append(_fact(f"targets.headline.{key}", texts["growth"], lang))
    needed = needed_sentence(ev, lang)
    if needed:
        rows.append(html.Div(needed, className="stm-tgt-needed"))
    return html.Div(rows, className="stm-tgt-headline")


def _fact(key: str, value: str, lang: str) -> html.Div:
    return html.Div(
        [
            html.Span(t(key, lang), className="stm-tgt-fact-label"),
            html.Span(value, className="stm-tgt-fact-value"),
        ],
        className="stm-tgt-fact",
    )


COLUMNS = ("window", "status", "actual", "required", "growth", "projection", "needed", "months")


def window_table(result: TargetResult, lang: str) -> html.Table:
    """One row per window, each carrying data-window and data-status for tests and styling."""
    texts = [window_texts(ev, float(result.target.threshold), lang) for ev in result.evaluations]
    # columns with nothing in any window (e.g. projections once every window is closed) are left out
    shown = [
        c
        for c in COLUMNS[2:]
        if c in ("actual", "required", "months") or any(x[c] != MISSING for x in texts)
    ]
    head = html.Thead(
        html.Tr([html.Th(t(f"targets.col.{c}", lang)) for c in ("window", "status", *shown)])
    )
    rows = []
    for ev, text in zip(result.evaluations, texts):
        cells = [html.Td(window_label(ev, lang)), html.Td(status_badge(ev.status, lang))]
        cells += [html.Td(text[c], className="stm-num") for c in shown]
        rows.append(html.Tr(cells, **{"data-window": ev.window.key, "data-status": ev.status}))
    return html.Table([head, html.Tbody(rows)], className="table table-sm stm-tgt-table mb-0")


def why_statuses_differ(evaluations: list[Evaluation], lang: str) -> str | None:
    """Why one target reads, e.g., 进度落后 for pilot year 2 and 有望达成 for the pilot average:
    the average is the compound growth of the whole window, a year's status its own growth."""
    rated = {ev.status for ev in evaluations if ev.status in CLOSED + OPEN}
    average = next((ev for ev in evaluations if ev.window.kind == "avg_growth"), None)
    if average is None or len(rated) < 2:
        return None
    name = average.window.label_en if lang == "en" else average.window.label_zh
    return t("targets.note.why_differ", lang, window=name, years=average.window.years)


def target_card(result: TargetResult, overview: TargetsOverview, lang: str) -> html.Div:
    """A target: name, headline status and figures, every window, region and source, notes."""
    target = result.target
    name = target.name_en if lang == "en" else target.name_zh
    region = overview.region_names.get(lang, {}).get(target.region_code, target.region_code)
    notes = []
    for ev in result.evaluations:
        notes += [n for n in note_texts(ev.notes, lang) if n not in notes]
    why = why_statuses_differ(result.evaluations, lang)
    if why:
        notes.append(why)
    footer = [
        html.Span(t("targets.region", lang, region=region)),
        html.Span(" · "),
        html.Span(t("targets.source", lang, source=target.source)),
    ]
    # the headline as a strip above the windows, so the table gets the card's full width
    body = [
        _headline(result, lang),
        html.Div(window_table(result, lang), className="table-responsive"),
    ]
    if notes:
        body.append(html.Ul([html.Li(n) for n in notes], className="stm-tgt-notes"))
    status = result.headline().status
    card = dbc.Card(
        [
            dbc.CardHeader(html.H2(name, className="stm-tgt-name")),
            dbc.CardBody(body),
            dbc.CardFooter(footer, class_name="stm-tgt-footer"),
        ],
        class_name=f"stm-tgt-card stm-tgt-card-{status} mb-3",
    )
    # dbc.Card takes no data-* attributes, so a plain Div carries the id and the status
    return html.Div(
        card,
        id={"type": Targets.CARD, "target": target.code},
        **{"data-status": status, "data-target": target.code},
    )


def chart_options(overview: TargetsOverview, lang: str) -> tuple[list[dict], str | None]:
    """Dropdown options 'target · window' for every amount window, and the default choice."""
    options, default = [], None
    for result in ordered(overview.results):
        name = result.target.name_en if lang == "en" else result.target.name_zh
        for ev in result.evaluations:
            if ev.window.kind not in AMOUNT_KINDS:
                continue
            label = ev.window.label_en if lang == "en" else ev.window.label_zh
            value = f"{result.target.code}|{ev.window.key}"
            options.append({"label": f"{_short(name)} · {label}", "value": value})
        head = result.headline()
        if default is None and head.window.kind in AMOUNT_KINDS:
            default = f"{result.target.code}|{head.window.key}"
    return options, default


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
