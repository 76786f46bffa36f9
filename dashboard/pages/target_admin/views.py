"""Pure: the 目标管理 page's table, choices, form values and history, with names instead of codes.

Thresholds are stored as a fraction (growth) or in US dollars (level); the form shows them in the
units people use — per cent and 亿美元 — and converts back exactly (Decimal.scaleb, no floats).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from dashboard import i18n
from dashboard.i18n import t
from etl.filters import GROUP_PREFIX
from etl.periods import format_period, parse_period
from etl.targets.rules import BASE_MEASURES, KINDS, RATIO_KINDS, plain

BEIJING = dt.timezone(dt.timedelta(hours=8))
FORM_SCALE = {"growth_avg_annual": 2, "level": -8}  # stored → form: ×100 (%), ÷1e8 (亿美元)
COLUMNS = [
    ("code", 192),
    ("region", 110),
    ("measure", 130),
    ("kind", 90),
    ("threshold", 100),
    ("window", 115),
    ("currency", 96),
    ("name_zh", 0),
    ("name_en", 0),
    ("source", 0),
]
WRAPPED = (
    "region",
    "threshold",
    "measure",
    "kind",
    "window",
    "currency",
    "name_zh",
    "name_en",
    "source",
)


def kind_name(kind: str, lang: str) -> str:
    """The target kind in words."""
    return t(f"tadmin.kind.{kind}", lang) if kind in KINDS else kind


def measure_name(measure: str, groups: dict[str, dict[str, str]], lang: str) -> str:
    """The measure in words; a category group by its name."""
    if measure.startswith(GROUP_PREFIX):
        code = measure[len(GROUP_PREFIX) :]
        return t("tadmin.measure.group", lang, name=groups.get(code, {}).get(lang, code))
    return t(f"tadmin.measure.{measure}", lang) if measure in BASE_MEASURES else measure


def threshold_text(kind: str, threshold: Decimal, lang: str) -> str:
    """The threshold as people read it: '≥ 10%', '100.0亿美元', or none for structure targets."""
    if kind in RATIO_KINDS:
        return t("tadmin.threshold.ratio", lang)
    if kind == "level":
        return i18n.fmt_amount(int(threshold * 100), "usd_100m", lang)
    return t("tadmin.threshold.growth", lang, value=form_threshold(kind, threshold))


def form_threshold(kind: str, threshold: Decimal | None) -> str:
    """The stored threshold in the form's unit (10 for 0.10; 100 for 1e10 US dollars)."""
    if threshold is None or kind in RATIO_KINDS:
        return ""
    return format(plain(Decimal(threshold).scaleb(FORM_SCALE.get(kind, 0))), "f")


def stored_threshold(kind: str | None, text: object) -> str:
    """The form's threshold back in storage units, exactly; text that is no number is kept."""
    value = str(text if text is not None else "").strip().replace(",", "")
    if not value or kind in RATIO_KINDS:
        return "" if kind in RATIO_KINDS else value
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    if not number.is_finite():
        return value
    return format(plain(number.scaleb(-FORM_SCALE.get(kind or "", 0))), "f")


def names_of(choice: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    """Code → name in the language, from target_choices' regions or groups."""
    return {code: names.get(lang) or names["zh"] for code, names in choice.items()}


def region_options(choices: dict, lang: str) -> list[dict]:
    """Regions by name."""
    return [
        {"label": name, "value": code} for code, name in names_of(choices["regions"], lang).items()
    ]


def measure_options(choices: dict, lang: str) -> list[dict]:
    """The totals and every category group, by name."""
    codes = [*BASE_MEASURES, *(GROUP_PREFIX + g for g in choices["groups"])]
    return [{"label": measure_name(c, choices["groups"], lang), "value": c} for c in codes]


def kind_options(lang: str) -> list[dict]:
    """The four kinds of target, in words."""
    return [{"label": kind_name(k, lang), "value": k} for k in KINDS]


def threshold_label(kind: str | None, lang: str) -> str:
    """The threshold field's label says its unit for the chosen kind."""
    key = "ratio" if kind in RATIO_KINDS else (kind if kind in FORM_SCALE else "growth_avg_annual")
    return t(f"tadmin.field.threshold.{key}", lang)


def target_rows(targets: list[dict], choices: dict, lang: str) -> list[dict]:
    """Grid rows: names for region, measure, kind and currency; the form's values alongside."""
    regions = names_of(choices["regions"], lang)
    return [
        {
            "code": tg["code"],
            "region": regions.get(tg["region_code"], tg["region_code"]),
            "measure": measure_name(tg["measure"], choices["groups"], lang),
            "kind": kind_name(tg["kind"], lang),
            "threshold": threshold_text(tg["kind"], tg["threshold"], lang),
            "window": i18n.fmt_period_range(tg["window_start"], tg["window_end"], lang),
            "currency": t(f"tadmin.currency.{tg['currency']}", lang),
            "name_zh": tg["name_zh"],
            "name_en": tg["name_en"],
            "source": tg["source"],
            "form": form_values(tg),
        }
        for tg in targets
    ]


def form_values(target: dict) -> dict:
    """A target's fields as the form shows them."""
    return {
        **{
            k: target[k]
            for k in (
                "code",
                "region_code",
                "measure",
                "kind",
                "currency",
                "name_zh",
                "name_en",
                "source",
            )
        },
        "threshold": form_threshold(target["kind"], target["threshold"]),
        "window_start": format_period(target["window_start"]),
        "window_end": format_period(target["window_end"]),
    }


def column_defs(lang: str) -> list[dict]:
    """Columns of the targets grid: short ones fixed, names and source share the rest; long
    texts wrap so that nothing is cut off."""
    wrap = {"wrapText": True, "autoHeight": True, "cellStyle": {"lineHeight": "1.4"}}
    return [
        {
            "field": key,
            "headerName": t(f"tadmin.col.{key}", lang),
            "wrapHeaderText": True,
            "autoHeaderHeight": True,  # "Name (Chinese)" in full
            **({"width": width} if width else {"flex": 1, "minWidth": 135}),
            **(wrap if key in WRAPPED else {}),
        }
        for key, width in COLUMNS
    ]


def problem_lines(problems, lang: str) -> list[str]:
    """Each problem as '阈值：message' in the language."""
    out = []
    for p in problems:
        label = t(f"tadmin.col.{p.field.replace('region_code', 'region')}", lang)
        out.append(f"{label}：{p.zh}" if lang == "zh" else f"{label}: {p.en}")
    return out


def _value_text(field: str, value, kind: str, lang: str) -> str:
    if value in (None, ""):
        return i18n.MISSING
    if field == "threshold":
        return threshold_text(kind, Decimal(value), lang)
    if field in ("window_start", "window_end"):
        period = parse_period(value)
        return i18n.fmt_period(period, lang) if period else str(value)
    return str(value)


def change_text(changed: dict[str, tuple], kind: str, lang: str) -> str:
    """'阈值：≥ 10% → ≥ 12%；考核期结束：…' for {field: (before, after)}."""
    return "；".join(
        t(
            "tadmin.change",
            lang,
            field=t(f"tadmin.col.{f}", lang),
            before=_value_text(f, before, kind, lang),
            after=_value_text(f, after, kind, lang),
        )
        for f, (before, after) in changed.items()
    )


def history_rows(history: list[dict], lang: str) -> list[dict]:
    """The audit rows of target changes, newest first: when, who, what, from what to what."""
    rows = []
    for h in history:
        values = h["after"] or h["before"]
        if h["action"] == "target_update":
            change = change_text(
                {f: (h["before"].get(f), v) for f, v in h["after"].items()}, h["kind"], lang
            )
        else:
            change = values.get("name_zh" if lang == "zh" else "name_en", "")
        at = h["at"] if h["at"].tzinfo else h["at"].replace(tzinfo=dt.timezone.utc)
        rows.append(
            {
                "at": at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M"),
                "user": h["username"],
                "action": t(f"tadmin.action.{h['action']}", lang),
                "code": h["code"],
                "change": change,
            }
        )
    return rows
