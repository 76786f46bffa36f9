"""重点企业名录 tab parts: the form, check results as a row/column/problem table, grids (pure)."""

from __future__ import annotations

import base64
import binascii
import json

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard import i18n
from dashboard.i18n import t
from dashboard.ids import RegisterEdit
from dashboard.pages.coverage.views import beijing_time
from etl.periods import format_period, parse_period

FORM_FIELDS = ("uscc", "name", "region", "sector", "contact_person", "contact_phone", "since")
PROBLEMS_SHOWN = 200  # a long list is cut here; the count says how many there are


def decode_upload(contents: str | None) -> bytes | None:
    """The bytes of a dcc.Upload value ('data:…;base64,…'); None when it is not one."""
    if not contents or "," not in contents:
        return None
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return None


def check_result(check, ok_text: str, lang: str) -> dbc.Alert:
    """Success in words, or the problems as a table: row, column, value, problem (nothing saved)."""
    if check.ok:
        return dbc.Alert(ok_text, color="success", class_name="stm-check-ok py-2")
    problem = 4 if lang == "en" else 3
    head = html.Thead(
        html.Tr([html.Th(t(f"regm.col.{k}", lang)) for k in ("row", "column", "value", "problem")])
    )
    body = html.Tbody(
        [
            html.Tr([html.Td(p[0]), html.Td(p[1]), html.Td(p[2]), html.Td(p[problem])])
            for p in check.problems[:PROBLEMS_SHOWN]
        ]
    )
    return dbc.Alert(
        [
            html.P(t("regm.rejected", lang, n=len(check.problems)), className="mb-2"),
            dbc.Table(
                [head, body],
                size="sm",
                bordered=True,
                class_name="mb-0 bg-white",
                id={"type": "register-problems", "n": len(check.problems)},
            ),
        ],
        color="danger",
        class_name="stm-check-problems py-2",
    )


def message(text: str) -> dbc.Alert:
    """A one-line refusal."""
    return dbc.Alert(text, color="warning", class_name="py-2")


def month_or_refusal(chosen, text: str | None, lang: str) -> tuple[int | None, dbc.Alert | None]:
    """The month typed (YYYY-MM), or why nothing can be done: nothing chosen, not a month."""
    if not chosen:
        return None, message(t("regm.pick_first", lang))
    month = parse_period(text or "")
    return (month, None) if month is not None else (None, message(t("regm.bad_month", lang)))


def add_form(
    regions: pd.DataFrame, categories: pd.DataFrame, since: int | None, lang: str
) -> html.Div:
    """Code, name, region, main category, contact person and phone, first month."""
    name = "name_en" if lang == "en" else "name_zh"

    def fid(key: str) -> str:
        return RegisterEdit.ADD_FIELDS[key]

    def labelled(key: str, control, width: int = 6) -> dbc.Col:
        return dbc.Col(
            [html.Label(t(f"regm.field.{key}", lang), className="stm-control-label"), control],
            md=width,
            class_name="mb-2",
        )

    region_opts = [
        {"label": f"{r['code']} {r[name] or r['name_zh']}", "value": r["code"]}
        for r in regions.to_dict("records")
    ]
    sector_opts = [
        {"label": f"{c['code']} {c[name] or c['name_zh']}", "value": c["code"]}
        for c in categories.to_dict("records")
    ]
    text = {
        k: dbc.Input(id=fid(k), type="text", value="", size="sm")
        for k in ("uscc", "name", "contact_person", "contact_phone")
    }
    return html.Div(
        [
            dbc.Row([labelled("uscc", text["uscc"], 5), labelled("name", text["name"], 7)]),
            dbc.Row(
                [
                    labelled("region", dcc.Dropdown(id=fid("region"), options=region_opts)),
                    labelled("sector", dcc.Dropdown(id=fid("sector"), options=sector_opts)),
                ]
            ),
            dbc.Row(
                [
                    labelled("contact_person", text["contact_person"], 4),
                    labelled("contact_phone", text["contact_phone"], 4),
                    labelled(
                        "since",
                        dbc.Input(
                            id=fid("since"),
                            type="text",
                            size="sm",
                            value=format_period(since) if since else "",
                        ),
                        4,
                    ),
                ]
            ),
        ]
    )


def form_values(values: list) -> dict[str, str | None]:
    """The form's values (in FORM_FIELDS order) by key, as etl.coverage.register.add_member takes them."""
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in zip(FORM_FIELDS, values)}


def _names(table: pd.DataFrame, lang: str) -> dict[str, str]:
    column = "name_en" if lang == "en" else "name_zh"
    return {
        c: (n if isinstance(n, str) and n else z)
        for c, n, z in zip(table["code"], table[column], table["name_zh"])
    }


def _month(value) -> str:
    return "" if value is None or pd.isna(value) else format_period(int(value))


def entry_rows(
    entries: pd.DataFrame, regions: pd.DataFrame, categories: pd.DataFrame, lang: str
) -> list[dict]:
    """The register as grid rows: names where the tables have codes."""
    places, sectors = _names(regions, lang), _names(categories, lang)
    return [
        {
            "name": r["name"],
            "uscc": r["uscc"],
            "region": places.get(r["region_code"], r["region_code"]),
            "sector": sectors.get(r["sector"], "") if isinstance(r["sector"], str) else "",
            "contact": r["contact_person"] or "",
            "phone": r["contact_phone"] or "",
            "since": _month(r["since"]),
            "until": _month(r["until"]),
        }
        for r in entries.to_dict("records")
    ]


def member_options(entries: pd.DataFrame) -> list[dict]:
    """Open memberships for the 移出名录 dropdown: 'name（code）'."""
    open_ = entries[entries["until"].isna()]
    return [
        {"label": f"{r['name']}（{r['uscc']}）", "value": r["uscc"]}
        for r in open_.to_dict("records")
    ]


def _detail(text: str, lang: str) -> str:
    try:
        detail = json.loads(text or "{}")
    except ValueError:
        return text or ""
    keys = {
        "name": "name",
        "region_code": "region",
        "sector": "sector",
        "since": "since",
        "until": "until",
        "contact_person": "contact_person",
        "contact_phone": "contact_phone",
    }
    return "；".join(
        f"{t('regm.field.' + keys[k], lang).split('（')[0].split(' (')[0]}：{v}"
        for k, v in detail.items()
        if k in keys and v not in (None, "")
    )


def history_rows(history: pd.DataFrame, lang: str) -> list[dict]:
    """Who changed whom, when (Beijing time), and what."""
    return [
        {
            "at": beijing_time(r["at"]),
            "actor": r["actor"],
            "action": t(f"regm.action.{r['action']}", lang),
            "uscc": r["uscc"],
            "name": r["name"] or "",
            "detail": _detail(r["detail"], lang),
        }
        for r in history.to_dict("records")
    ]


def candidate_rows(candidates: pd.DataFrame, regions: pd.DataFrame, lang: str) -> list[dict]:
    """Candidates with their months, last report and amount in 万美元."""
    places = _names(regions, lang)
    return [
        {
            "uscc": r["uscc"],
            "name": r["name"],
            "region": places.get(r["region_code"], r["region_code"]),
            "months": int(r["months"]),
            "last": i18n.fmt_period(r["last_period"], lang),
            "amount": i18n.to_unit(r["amount"], "usd_10k", lang),
            "amount_text": i18n.fmt_number(r["amount"], "usd_10k", lang),
        }
        for r in candidates.to_dict("records")
    ]


def columns(kind: str, lang: str) -> list[dict]:
    """AG Grid columns of the entries, history and candidates grids."""
    specs = {
        "entries": [
            ("name", "cov.col.name", 2),
            ("uscc", "cov.col.uscc", 1),
            ("region", "cov.col.region", 1),
            ("sector", "regm.col.sector", 1),
            ("contact", "cov.col.contact", 1),
            ("phone", "cov.col.phone", 1),
            ("since", "regm.col.since", 1),
            ("until", "regm.col.until", 1),
        ],
        "history": [
            ("at", "regm.col.at", 1),
            ("actor", "regm.col.actor", 1),
            ("action", "regm.col.action", 1),
            ("name", "cov.col.name", 2),
            ("uscc", "cov.col.uscc", 1),
            ("detail", "regm.col.detail", 3),
        ],
        "candidates": [
            ("name", "cov.col.name", 2),
            ("uscc", "cov.col.uscc", 1),
            ("region", "cov.col.region", 1),
            ("months", "regm.col.months", 1),
            ("last", "regm.col.last", 1),
            ("amount", "regm.col.amount", 1),
        ],
    }[kind]
    unit = i18n.unit_label("usd_10k", lang)
    cols = [
        {
            "field": f,
            "headerName": t(key, lang, unit=unit),
            "flex": flex,
            "minWidth": 100 * flex + 40,
        }
        for f, key, flex in specs
    ]
    if kind == "candidates":
        cols[0].update(checkboxSelection=True, headerCheckboxSelection=True)
        cols[-1].update(
            type="numericColumn", valueFormatter={"function": "params.data.amount_text"}
        )
    return cols
