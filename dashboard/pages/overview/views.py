"""The overview's panels as components: data in, Dash components and strings out (pure).

Kept apart from pages/overview.py (which must register a page to be imported) so that the
formatting is unit-tested without a browser.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import i18n
from dashboard.benchmark_line import benchmark_sentence
from dashboard.components import stat_card
from dashboard.i18n import MISSING, t, window_label
from dashboard.ids import Overview
from etl import numbers
from etl.periods import add_months

MEASURES = (
    ("total", Overview.KPI_TOTAL),
    ("exports", Overview.KPI_EXPORTS),
    ("imports", Overview.KPI_IMPORTS),
    ("balance", Overview.KPI_BALANCE),
)
TARGET_UNIT = "usd_100m"  # targets are set in 亿美元


def month_label(span: tuple[int, int], lang: str) -> str:
    """当月 as published: '2021年1–2月' when January and February are combined."""
    return i18n.fmt_ytd(span[1], lang) if span[0] != span[1] else i18n.fmt_period(span[1], lang)


def balance_text(value, unit: str, lang: str) -> str:
    """'顺差12.3亿美元' / '逆差12.3亿美元' / '收支平衡' for exports − imports; C when either is."""
    if numbers.protected(value):
        return numbers.CONFIDENTIAL
    if i18n.is_missing(value):
        return MISSING
    if value == 0:
        return t("ovw.balanced", lang)
    key = "ovw.surplus" if value > 0 else "ovw.deficit"
    return t(key, lang, v=i18n.fmt_amount(abs(value), unit, lang))


def _amount(measure: str, value, unit: str, lang: str) -> str:
    return (
        balance_text(value, unit, lang)
        if measure == "balance"
        else i18n.fmt_amount(value, unit, lang)
    )


def _notes(
    measure: str,
    row: pd.Series,
    prefix: str,
    unit: str,
    lang: str,
    mom: bool = False,
    base_trade=None,
) -> list[str]:
    if measure == "balance":
        # No trade a year earlier means no balance to compare with, not a balanced one.
        empty = not numbers.protected(base_trade) and (
            i18n.is_missing(base_trade) or base_trade == 0
        )
        base = MISSING if empty else balance_text(row[f"{prefix}_base"], unit, lang)
        return [t("ovw.base", lang, v=base)]
    notes = [t("ovw.yoy", lang, v=i18n.fmt_pct(row[f"{prefix}_yoy"]))]
    if mom:
        jan_feb = i18n.is_missing(row["prev_month"])
        notes.append(
            t("ovw.mom_jan_feb", lang)
            if jan_feb
            else t("ovw.mom", lang, v=i18n.fmt_pct(row["mom"]))
        )
    return notes


def kpi_cards(table: pd.DataFrame, view, lang: str) -> list[dbc.Col]:
    """Four cards: total, exports, imports, balance; cumulative on top, 当月 below."""
    unit = view.state.unit
    cum = t("ovw.cum", lang, period=window_label(view.start, view.end, lang))
    month = t(
        "ovw.month",
        lang,
        period=month_label(table.attrs.get("month_span", (view.end, view.end)), lang),
    )
    cols = []
    for measure, card_id in MEASURES:
        row = table.loc[measure]
        total = table.loc["total"]
        blocks = [
            (
                cum,
                _amount(measure, row["cum"], unit, lang),
                _notes(measure, row, "cum", unit, lang, base_trade=total["cum_base"]),
            ),
            (
                month,
                _amount(measure, row["month"], unit, lang),
                _notes(measure, row, "month", unit, lang, mom=True, base_trade=total["month_base"]),
            ),
        ]
        title = t(f"ovw.kpi.{measure}", lang)
        if view.state.full_scope:
            title = t("scope.full_title", lang, title=title)
        card = stat_card(title, blocks, id=card_id, extra_class=f"stm-kpi-{measure}")
        cols.append(dbc.Col(card, xs=12, sm=6, xl=3, class_name="mb-3"))
    return cols


def share_change_text(change, lang: str) -> str:
    """A share change in words: '比上年同期提高2.1个百分点' / '下降…' / '持平'; '—' if unknown."""
    if i18n.is_missing(change):
        return MISSING
    points = round(abs(float(change)) * 100, 1)
    if points == 0:
        return t("ovw.kis.same", lang)
    return t("ovw.kis.up" if change > 0 else "ovw.kis.down", lang, v=f"{points:.1f}")


def group_applies(chosen: tuple[str, ...], members: list[dict]) -> bool:
    """Whether a group's share means anything for the chosen categories: with only 运输 chosen,
    knowledge-intensive services are not among them, and "0.0%" would mislead."""
    if not chosen:
        return True
    codes = {m["code"] for m in members}
    # a sub-item (SC1) belongs where its main category (SC) does; a group may overlap: compute
    return any(c.startswith("group:") or c[:2] in codes for c in chosen)


def group_not_applicable(members: list[dict], lang: str) -> html.Div:
    """Words instead of a share: the chosen categories hold none of the group's members."""
    name = "name_en" if lang == "en" else "name_zh"
    names = t("ovw.kis.sep", lang).join(m[name] or m["name_zh"] for m in members)
    return html.Div(
        [
            html.P(t("ovw.kis.not_applicable", lang), className="stm-empty-message"),
            html.P(t("ovw.kis.members", lang, names=names), className="stm-empty-hint"),
        ],
        className="stm-empty",
        role="status",
        id=Overview.KIS_NA,
    )


def kis_numbers(share: dict, members: list[dict], view, lang: str) -> html.Div:
    """The knowledge-intensive share of the total, its change in 个百分点, amount and 同比."""
    name = "name_en" if lang == "en" else "name_zh"
    names = t("ovw.kis.sep", lang).join(m[name] or m["name_zh"] for m in members)
    amount = i18n.fmt_amount(share["amount"], view.state.unit, lang)
    return html.Div(
        [
            html.Div(
                t("ovw.kis.share", lang, direction=t(f"dir.{view.state.direction}", lang)),
                className="stm-kpi-caption",
            ),
            html.Div(
                i18n.fmt_pct(share["share"], signed=False),
                className="stm-kpi-value",
                id=Overview.KIS_SHARE,
            ),
            html.Div(share_change_text(share["share_change"], lang), className="stm-kis-change"),
            html.Div(
                t("ovw.kis.amount", lang, v=amount, g=i18n.fmt_pct(share["growth"])),
                className="stm-kpi-sub",
            ),
            html.Div(window_label(view.start, view.end, lang), className="stm-kpi-sub"),
            html.Div(t("ovw.kis.members", lang, names=names), className="stm-kis-members"),
        ],
        className="stm-kis",
    )


# ---------------------------------------------------------------- targets and coverage


def target_lines(result, lang: str) -> list[str]:
    """Actual (or projected) against what the target requires, in the target's own terms."""
    ev = result.headline()
    kind = ev.window.kind
    if ev.status in ("not_started", "no_data"):
        return []
    closed = ev.status in ("met", "missed")
    value = ev.actual if closed else ev.projection
    said = "ovw.targets.actual" if closed else "ovw.targets.projected"
    if kind == "share_keep":
        return [
            f"{t(said, lang, v=t('ovw.targets.share', lang, v=_share(value)))} · "
            f"{t('ovw.targets.share_goal', lang, v=_share(ev.required))}"
        ]
    if kind == "grows_faster":
        gap = t("ovw.targets.faster", lang, v=i18n.fmt_pp(value, lang))
        return [f"{t(said, lang, v=gap)} · {t('ovw.targets.faster_goal', lang)}"]
    actual = i18n.fmt_amount(value, TARGET_UNIT, lang)
    required = i18n.fmt_amount(ev.required, TARGET_UNIT, lang)
    lines = [f"{t(said, lang, v=actual)} · {t('ovw.targets.required', lang, v=required)}"]
    if kind in ("growth", "avg_growth") and ev.growth is not None:
        goal = i18n.fmt_pct(float(result.target.threshold), signed=False)
        lines.append(
            f"{t('ovw.targets.growth', lang, v=i18n.fmt_pct(ev.growth))} · "
            f"{t('ovw.targets.growth_goal', lang, v=goal)}"
        )
    return lines


def _share(value) -> str:
    return i18n.fmt_pct(value, signed=False)


def target_cards(results: list, view, lang: str, targets_href: str) -> html.Div:
    """One small card per target of the region: status word on its colour, numbers, window."""
    link = dcc.Link(t("ovw.targets.link", lang), href=targets_href, className="stm-more-link")
    if not results:
        return html.Div(
            [
                html.P(
                    t("ovw.targets.none", lang, region=view.region_name(lang)),
                    className="stm-muted",
                ),
                link,
            ]
        )
    cards = []
    for result in results:
        ev = result.headline()
        name = result.target.name_en if lang == "en" else result.target.name_zh
        window = ev.window.label_en if lang == "en" else ev.window.label_zh
        body = [
            html.Div(
                [
                    html.Span(
                        t(f"status.{ev.status}", lang),
                        className=f"stm-status stm-status-{ev.status}",
                        **{"data-status": ev.status},
                    ),
                    html.Span(name, className="stm-ovw-target-name"),
                ],
                className="stm-ovw-target-head",
            )
        ]
        body += [html.Div(line, className="stm-kpi-sub") for line in target_lines(result, lang)]
        body.append(
            html.Div(
                t("ovw.targets.window", lang, window=window, as_of=i18n.fmt_period(view.end, lang)),
                className="stm-muted",
            )
        )
        cards.append(
            dbc.Col(
                html.Div(body, className=f"stm-ovw-target stm-ovw-target-{ev.status}"),
                md=6,
                xl=4,
                class_name="mb-2",
            )
        )
    return html.Div([dbc.Row(cards), link])


def coverage_panel(view, counts: dict[int, int], lang: str) -> html.Div:
    """The months loaded and the enterprises reporting in the view's month and the month before."""
    end = view.end
    now = counts.get(end, 0) if end else 0
    previous = counts.get(add_months(end, -1)) if end else None
    items = [
        (
            t("ovw.coverage.periods", lang),
            i18n.fmt_period_range(view.first_period, view.latest, lang),
            None,
        ),
        (
            t("ovw.coverage.reporting", lang, period=i18n.fmt_period(end, lang)),
            t("ovw.coverage.count", lang, n=i18n.fmt_count(now))
            if now
            else t(
                "ovw.empty", lang, period=i18n.fmt_period(end, lang), region=view.region_name(lang)
            ),
            t("ovw.coverage.previous", lang, n=i18n.fmt_count(previous)) if previous else None,
        ),
    ]
    children = []
    for caption, value, sub in items:
        children += [
            html.Div(caption, className="stm-kpi-caption"),
            html.Div(value, className="stm-kpi-value-sm"),
        ]
        if sub:
            children.append(html.Div(sub, className="stm-kpi-sub"))
    children.append(html.P(t("ovw.coverage.note", lang), className="stm-muted mt-2 mb-0"))
    return html.Div(children, className="stm-coverage")


def benchmark_line(bench, view, lang: str) -> html.P | None:
    """The benchmarking sentence under the cards ('2021年1–6月天津市服务进出口增速+12.3%，在5个地区中
    居第2位，高于全国3.8个百分点（商务部公布数）。'); None — no box, no placeholder — when no
    published figures rank the region."""
    if bench is None:
        return None
    sentence = benchmark_sentence(bench, view.region_name(lang), lang)
    if not sentence:
        return None
    return html.P(sentence, className="stm-benchmark-line", role="note")
