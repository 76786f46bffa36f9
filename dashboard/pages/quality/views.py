"""The 数据质量 page's parts (pure): rule names and explanations, the numbers behind a flag in
words, grid rows and columns, the export table, the flag card and its review history."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from dashboard import i18n
from dashboard.i18n import partner_name, t
from dashboard.ids import Quality
from etl.models.quality import CLEARED, FLAG_STATUSES
from etl.quality.rules import RULES
from etl.quality.store import SYSTEM_AUTHOR
from etl.quality.thresholds import QualityThresholds

UNIT = "usd_10k"  # enterprise amounts: 万美元 / US$ thousand
LOCAL_TZ = "Asia/Shanghai"  # times are stored in UTC and shown in China Standard Time
STATUS_COLOURS = {
    "open": "warning",
    "checked": "info",
    "explained": "success",
    CLEARED: "secondary",
}


def local_time(value) -> str:
    """A stored time (UTC; SQLite returns it without a zone) as 2019-07-03 09:30, Beijing time."""
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp
    return stamp.tz_convert(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def _money(cents, lang: str) -> str:
    return i18n.fmt_amount(cents, UNIT, lang)


def _share(value, lang: str, digits: int = 1) -> str:
    return i18n.fmt_pct(value, digits, signed=False)


def rule_name(rule: str, lang: str) -> str:
    """The rule's short name: 与自身历史相比突变 / Jump against own history."""
    return t(f"quality.rule.{rule}", lang)


def rule_explanation(rule: str, th: QualityThresholds, lang: str) -> str:
    """What the rule checks, with the thresholds in force."""
    values = {
        "jump": dict(
            window=th.jump_window,
            z=f"{th.jump_z:g}",
            prior=th.jump_min_prior,
            change=_money(th.jump_min_change_usd_cents, lang),
        ),
        "annual_share": dict(months=th.share_min_months, share=_share(th.share_max, lang, 0)),
        "new_partner": dict(
            share=_share(th.partner_min_share, lang, 0),
            prior=th.partner_min_prior,
            amount=_money(th.partner_min_usd_cents, lang),
        ),
        "repeated": dict(months=th.repeat_months),
        "revisions": dict(versions=th.revisions_min_versions),
    }[rule]
    return t(f"quality.rule.{rule}.explain", lang, **values)


def detail_text(rule: str, detail: dict | str, lang: str) -> str:
    """The numbers that made the rule fire, in a sentence."""
    d = json.loads(detail) if isinstance(detail, str) else detail
    if rule == "jump":
        values = dict(
            total=_money(d["total_usd_cents"], lang),
            n=d["prior_months"],
            median=_money(d["median_usd_cents"], lang),
            z=f"{d['z']:+.1f}",
        )
    elif rule == "annual_share":
        values = dict(
            total=_money(d["total_usd_cents"], lang),
            year=d["year"],
            months=d["months"],
            year_total=_money(d["year_total_usd_cents"], lang),
            share=_share(d["share"], lang),
        )
    elif rule == "new_partner":
        partners = "、".join(
            t(
                "quality.detail.partner",
                lang,
                name=partner_name(p["partner"], {}, lang),
                amount=_money(p["usd_cents"], lang),
                share=_share(p["share"], lang),
            )
            for p in d["partners"]
        )
        values = dict(partners=partners, exports=_money(d["month_exports_usd_cents"], lang))
    elif rule == "repeated":
        values = dict(
            start=i18n.fmt_period(d["run_start"], lang),
            months=d["months"],
            total=_money(d["total_usd_cents"], lang),
        )
    else:
        values = dict(versions=d["versions"])
    return t(f"quality.detail.{rule}", lang, **values)


def region_name(record: dict, lang: str) -> str:
    """The flagged report's region in lang (its code if the reference table has no name)."""
    name = record["region_en" if i18n.normalize_lang(lang) == "en" else "region_zh"]
    return record["region_code"] if i18n.is_missing(name) or not name else name


def status_key(status: str, cleared_at) -> str:
    """The status shown: the review status, or 'cleared' when the rule no longer fires."""
    return CLEARED if not i18n.is_missing(cleared_at) else status


def status_options(lang: str) -> list[dict]:
    """Status filter choices; '' means every flag still firing."""
    choices = [*FLAG_STATUSES, CLEARED]
    return [{"label": t("quality.filter.all_status", lang), "value": ""}] + [
        {"label": t(f"quality.status.{s}", lang), "value": s} for s in choices
    ]


def rule_options(lang: str) -> list[dict]:
    """Rule filter choices; '' means all rules."""
    return [{"label": t("quality.filter.all_rules", lang), "value": ""}] + [
        {"label": rule_name(r, lang), "value": r} for r in RULES
    ]


def month_options(months: list[int], lang: str) -> list[dict]:
    """Month filter choices, newest first; '' means every month."""
    return [{"label": t("quality.filter.all_months", lang), "value": ""}] + [
        {"label": i18n.fmt_period(p, lang), "value": str(p)} for p in sorted(months, reverse=True)
    ]


def grid_rows(flags: pd.DataFrame, th: QualityThresholds, lang: str) -> list[dict]:
    """One grid row per flag, every cell already in words."""
    # row_id: AG Grid wants a string row id (getRowId); id stays a number for sorting.
    return [
        {
            "id": int(r.id),
            "row_id": str(r.id),
            "period": i18n.fmt_period(r.period, lang),
            "month": int(r.period),
            "name": r.name,
            "uscc": r.uscc,
            "region": region_name(r._asdict(), lang),
            "rule": rule_name(r.rule, lang),
            "explain": rule_explanation(r.rule, th, lang),
            "detail": detail_text(r.rule, r.detail, lang),
            "status": t(f"quality.status.{status_key(r.status, r.cleared_at)}", lang),
            # the amount at stake: the flagged report's total, to sort and filter by
            "amount": i18n.to_unit(getattr(r, "amount", None), UNIT, lang),
            "amount_text": i18n.fmt_number(getattr(r, "amount", None), UNIT, lang),
        }
        for r in flags.itertuples()
    ]


def column_defs(lang: str) -> list[dict]:
    """Grid columns; the rule's explanation is its cell's tooltip."""

    def col(field: str, width: int, flex: int = 1, **extra) -> dict:
        size = {"minWidth": width, "flex": flex} if flex else {"width": width}
        return {"field": field, "headerName": t(f"quality.col.{field}", lang), **size, **extra}

    return [
        col("period", 100, comparator={"function": "(a, b, x, y) => x.data.month - y.data.month"}),
        col("name", 220, 2, tooltipField="name"),
        col("uscc", 190, 0),
        col("region", 130, tooltipField="region"),
        col(
            "rule",
            160,
            tooltipField="explain",
            wrapText=True,
            autoHeight=True,
            cellClass="stm-q-wrap",
        ),
        col("detail", 300, 3, wrapText=True, autoHeight=True, cellClass="stm-q-wrap"),
        col(
            "amount",
            130,
            0,
            headerName=t("quality.col.amount", lang, unit=i18n.unit_label(UNIT, lang)),
            type="rightAligned",
            sort="desc",  # the largest amounts at stake first
            filter="agNumberColumnFilter",
            valueFormatter={"function": "params.data.amount_text"},
        ),
        col("status", 90, 0),
    ]


EXPORT_FIELDS = ("period", "name", "uscc", "region", "rule", "detail", "status", "explain")


def export_table(rows: list[dict], lang: str) -> pd.DataFrame:
    """The grid rows as a table with the column headers of the page, for the xlsx download."""
    frame = pd.DataFrame(rows, columns=["id", *EXPORT_FIELDS])
    return frame[list(EXPORT_FIELDS)].rename(
        columns={f: t(f"quality.col.{f}", lang) for f in EXPORT_FIELDS}
    )


def _field(label: str, value) -> html.Div:
    return html.Div(
        [html.Dt(label, className="stm-q-label"), html.Dd(value)], className="stm-q-field"
    )


def flag_card(record: dict, th: QualityThresholds, lang: str) -> html.Div:
    """The selected flag: enterprise, month, rule with its explanation, numbers, status."""
    key = status_key(record["status"], record["cleared_at"])
    region = region_name(record, lang)
    parts = [
        html.Dl(
            [
                _field(
                    t("quality.field.enterprise", lang),
                    f"{record['name']}（{record['uscc']}，{region}）"
                    if lang == "zh"
                    else f"{record['name']} ({record['uscc']}, {region})",
                ),
                _field(t("quality.field.month", lang), i18n.fmt_period(record["period"], lang)),
                _field(
                    t("quality.field.rule", lang),
                    [
                        html.Strong(rule_name(record["rule"], lang)),
                        html.Div(
                            rule_explanation(record["rule"], th, lang), className="stm-q-explain"
                        ),
                    ],
                ),
                _field(
                    t("quality.field.numbers", lang),
                    detail_text(record["rule"], record["detail"], lang),
                ),
                _field(
                    t("quality.field.status", lang),
                    dbc.Badge(
                        t(f"quality.status.{key}", lang),
                        color=STATUS_COLOURS[key],
                        id=Quality.STATUS_BADGE,
                    ),
                ),
            ],
            className="stm-q-fields",
        )
    ]
    if key == CLEARED:
        parts.append(html.P(t("quality.review.cleared", lang), className="stm-footnote"))
    return html.Div(parts)


def history(notes: pd.DataFrame, lang: str) -> html.Div:
    """The review history, oldest first: when, who, which status, the note."""
    if notes.empty:
        return html.P(t("quality.history.empty", lang), className="stm-footnote")
    items = []
    for n in notes.itertuples():
        text = t("quality.history.system", lang) if n.author == SYSTEM_AUTHOR else n.note
        items.append(
            html.Li(
                [
                    html.Div(
                        [
                            html.Span(local_time(n.at), className="stm-q-when"),
                            html.Span(n.author, className="stm-q-who"),
                            dbc.Badge(
                                t(f"quality.status.{n.status}", lang),
                                color=STATUS_COLOURS[n.status],
                            ),
                        ],
                        className="stm-q-note-head",
                    ),
                    html.Div(text, className="stm-q-note-text"),
                ]
            )
        )
    return html.Ol(items, className="stm-q-history", id=Quality.HISTORY_LIST)
